#!/bin/sh
# `ntm import criteria` and `ntm criteria` end to end: a set typed as an office would
# (its decision above the header, a few criteria, indicators with targets per commune
# group; Excel's CSV: BOM, ';', CRLF) imported and listed, --dry-run writes nothing, the
# same file again changes nothing (no audit row), a bad file is refused whole with every
# bad line named and the database file byte-for-byte unchanged; the shipped templates
# match the demo's sets (0 changes) and build them in an empty database; the sets' labels
# all read differently; usage errors exit 2.
set -u
fail() { echo "FAIL: $*"; exit 1; }
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$WORK" || exit 1
"$NTM_BIN" demo d.db >/dev/null || fail "demo"
ntm() { "$NTM_BIN" --db d.db "$@"; }
q() { sqlite3 d.db "$1"; }
checkpoint() { sqlite3 d.db "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null || fail "checkpoint"; }

# ---- a set with three criteria, three indicators, targets per group
printf '\357\273\277BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI THỬ\n' >set.csv
cat >>set.csv <<'EOF'
Bộ tiêu chí;TH-2026-XA;;;;;;;
Tên bộ tiêu chí;Bộ tiêu chí xã nông thôn mới thử nghiệm;;;;;;;
Quyết định;12/2026/QĐ-UBND;;;;;;;
Ngày ban hành;05/01/2026;;;;;;;
Cơ quan ban hành;UBND tỉnh Thanh Hóa;;;;;;;
Giai đoạn;2026 - 2030;;;;;;;
Cấp;xã;;;;;;;
;;;;;;;;
Số TT tiêu chí;Tên tiêu chí;Mã chỉ tiêu;Tên chỉ tiêu;Đơn vị;Nhóm 1;Nhóm 2;Nhóm 3;Chỉ tiêu chung
1;Quy hoạch;;;;;;;
;;1.1;Có quy hoạch chung xã được phê duyệt;;;;;Đạt
2;Hạ tầng kinh tế - xã hội;2.1;"Tỷ lệ đường xã được cứng hóa; bảo trì hằng năm";%;100;90;80;
;;2.2;Tỷ lệ trường học đạt chuẩn;%;80;70;60;
3;Môi trường;;;;;;;
EOF
sed -i 's/$/\r/' set.csv
checkpoint; cp d.db before.db
ntm import criteria set.csv --dry-run >out 2>err || { cat err; fail "dry run"; }
grep -qx "thêm dòng 11: bộ tiêu chí TH-2026-XA (Bộ tiêu chí xã nông thôn mới thử nghiệm)" out || fail "dry run plan: $(cat out)"
grep -qx "Thêm 5, sửa 0, giữ nguyên 0 (chạy thử: chưa ghi gì)" out || fail "dry run summary: $(cat out)"
checkpoint; cmp d.db before.db || fail "the dry run changed the database"
ntm import criteria set.csv >out 2>err || { cat err; fail "import"; }
grep -qx "Thêm 5, sửa 0, giữ nguyên 0" out || fail "summary: $(cat out)"
[ "$(q "SELECT t.target FROM indicator_target t JOIN indicator i ON i.id = t.indicator_id JOIN criterion c ON c.id = i.criterion_id
        JOIN criteria_set s ON s.id = c.set_id WHERE s.code = 'TH-2026-XA' AND i.code = '2.1' ORDER BY t.commune_group" | tr '\n' ' ')" = "100 90 80 " ] \
    || fail "group targets"
ntm criteria --set th-2026-xa >out 2>err || { cat err; fail "ntm criteria --set"; }
cat out
head -n 1 out | grep -qx "Thanh Hóa 2026-2030 · QĐ 12/2026/QĐ-UBND (3 tiêu chí)" || fail "the set's label"
grep -qx "    2.1  Tỷ lệ đường xã được cứng hóa; bảo trì hằng năm (%)" out || fail "indicator line"
grep -qx "        Nhóm 1: 100  ·  Nhóm 2: 90  ·  Nhóm 3: 80" out || fail "targets line"
grep -qx "        Chung: Đạt" out || fail "target for all groups"
grep -qx "đã nhập 3/3 tiêu chí, 3 chỉ tiêu" out && fail "no declared count was given"
grep -qx "đã nhập 3 tiêu chí, 3 chỉ tiêu" out || fail "what is entered"

# ---- the same file again: nothing changes, nothing is written
audit=$(q "SELECT count(*) FROM audit")
ntm import criteria set.csv >out 2>err || { cat err; fail "re-import"; }
grep -qx "Thêm 0, sửa 0, giữ nguyên 5" out || fail "re-import summary: $(cat out)"
[ "$(q "SELECT count(*) FROM audit")" = "$audit" ] || fail "re-import wrote something"

# ---- a bad file: refused whole, every bad line named
cat >bad.csv <<'EOF'
Bộ tiêu chí,Số TT tiêu chí,Tên tiêu chí,Mã chỉ tiêu,Tên chỉ tiêu,Nhóm 1,Giai đoạn,Cấp
TH-2026-XA,1,Quy hoạch,1.3,Chỉ tiêu mới đúng,Đạt,,
TH-2026-XA,2,,3.1,Chỉ tiêu lạc,,,
TH-2026-XA,1,Quy hoạch chung,,,,,
TH-2026-XA,4,,4.1,Tiêu chí chưa có tên,,,
TH-2026-XA,3,,,Không có mã,,,
MOI-1,1,Một,,,,2026,tỉnh
EOF
checkpoint; cp d.db before.db
ntm import criteria bad.csv >out 2>err && fail "bad file imported"
cat err
grep -qx "dòng 3, cột 'Mã chỉ tiêu': chỉ tiêu 3.1 không thuộc tiêu chí 2" err || fail "wrong criterion not named"
grep -qx "dòng 4, cột 'Tên tiêu chí': khác với dòng 2 (Quy hoạch)" err || fail "two names not named"
grep -q "^dòng 5: tiêu chí 4 chưa có trong bộ" err || fail "unnamed new criterion not named"
grep -qx "dòng 6: thiếu 'Mã chỉ tiêu'" err || fail "missing code not named"
grep -q "^dòng 7, cột 'Cấp': tỉnh: cấp là xã, xã nâng cao, thôn hoặc khu dân cư kiểu mẫu" err || fail "bad level not named"
grep -qx "ntm: không nhập gì: 5 lỗi; cơ sở dữ liệu không đổi." err || fail "refusal line"
[ -s out ] && fail "stdout on refusal: $(cat out)"
checkpoint; cmp d.db before.db || fail "the refused import changed the database file"

# ---- the shipped templates: the demo's sets as they are; an empty database gets them
ntm import criteria "$ROOT/model/data/criteria_2026_2030.csv" >out 2>err || { cat err; fail "2026-2030 template"; }
grep -qx "Thêm 0, sửa 0, giữ nguyên 10" out || fail "the 2026-2030 template differs from the demo: $(cat out)"
ntm import criteria "$ROOT/model/data/criteria_ha_tinh.csv" --dry-run >out 2>err || { cat err; fail "Hà Tĩnh template"; }
grep -q "tiêu chí 1, 2, 3, 4, 5, 6, 7 chưa có tên: bỏ qua" err || fail "the template's unnamed criteria: $(cat err)"
sqlite3 e.db "PRAGMA user_version" >/dev/null
"$NTM_BIN" --db e.db import criteria "$ROOT/model/data/criteria_2026_2030.csv" >out 2>err || { cat err; fail "template into an empty database"; }
grep -qx "Thêm 10, sửa 0, giữ nguyên 0" out || fail "empty database summary: $(cat out)"
cols="code, name, level, scope, year_from, year_to, decision, decision_date, issuer, in_force, criteria_count, indicator_count"
[ "$(sqlite3 e.db "SELECT $cols FROM criteria_set")" = "$(q "SELECT $cols FROM criteria_set WHERE code = 'TW-2026-2030-XA'")" ] \
    || fail "the template's set differs from the demo's"
[ "$(sqlite3 e.db "SELECT group_concat(number || name, '|') FROM criterion")" = "$(q "SELECT group_concat(number || name, '|') FROM criterion WHERE set_id = 2")" ] \
    || fail "the template's criteria differ from the demo's"

# ---- every set reads differently
ntm criteria >out || fail "ntm criteria"
grep -q "^HT-2017-XA  *Hà Tĩnh 2017-2020 · QĐ 05/2017/QĐ-UBND (20 tiêu chí)$" out || fail "list: $(cat out)"
grep -q "đã nhập 10/10 tiêu chí, 0/47 chỉ tiêu" out || fail "2026-2030 entered"
labels=$(awk 'NR % 3 == 1 { sub(/^[^ ]+ +/, ""); print }' out)
[ "$(echo "$labels" | sort | uniq -d)" = "" ] || fail "two sets read the same: $labels"

# ---- usage
ntm criteria --bogus >/dev/null 2>&1; [ $? = 2 ] || fail "unknown option: exit 2 expected"
ntm criteria --set NO-SUCH >/dev/null 2>&1; [ $? = 1 ] || fail "unknown set: exit 1 expected"
ntm import criteria >/dev/null 2>&1; [ $? = 2 ] || fail "no file: exit 2 expected"
echo "cli_criteria: ok"
