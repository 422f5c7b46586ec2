#!/bin/sh
# `ntm sync` end to end on the demo as a commune office's file: the province file made,
# a commune's file up into it (named in a folder, its .ack beside it), the status with
# the "as of" day and the communes that sent nothing marked, a directive and a campaign
# down, the commune moved under the province's row, the acknowledgement read back; a
# conflict listed; `sync push` through a fake scp on PATH (no shell: the file and the
# destination arrive as single arguments, spaces and all; scp failing keeps the file);
# usage errors exit 2 and a file of several communes asks which.
set -u
fail() { echo "FAIL: $*"; exit 1; }
cd "$WORK" || exit 1
export NTM_TODAY=2022-06-20
"$NTM_BIN" demo c.db >/dev/null || fail "demo"
c() { "$NTM_BIN" --db c.db "$@"; }
p() { "$NTM_BIN" --db p.db "$@"; }
mkdir -p out usb

# ---- usage
"$NTM_BIN" --db c.db sync >/dev/null 2>err; [ $? = 2 ] || fail "sync without a command: exit 2"
grep -q "lệnh không biết" err || fail "unknown sync command message"
c sync export --bogus -o x 2>err; [ $? = 2 ] || fail "unknown option: exit 2"
c sync export -o out/x.ntmsync 2>err; [ $? = 1 ] || fail "several communes: exit 1"
grep -q "Tệp có 5 xã: chọn một bằng --commune" err || { cat err; fail "several communes: which?"; }

# ---- up
p sync init --province "Hà Tĩnh" >init.out || fail "init"
grep -q "tỉnh Hà Tĩnh (id 1)" init.out || { cat init.out; fail "init output"; }
c sync export --commune "son kim 2" -o usb/ >exp.out || fail "export"
f=usb/son-kim-2-len-1.ntmsync
[ -f "$f" ] || { cat exp.out; ls usb; fail "file name in the folder"; }
grep -q "xã Sơn Kim 2, gửi lên tỉnh, số 1-1" exp.out || { cat exp.out; fail "export summary"; }
head -1 "$f" | grep -q "^NTM-SYNC 1$" || fail "magic"
p sync import "$f" >imp.out || fail "import"
grep -q "xã Sơn Kim 2, số 1-1: [0-9]* dòng, 0 xung đột" imp.out || { cat imp.out; fail "import summary"; }
[ -f "$f.ack" ] || fail "no .ack beside the file"
p sync import "$f" >imp2.out || fail "the same file again"
grep -q "đã nhập đến số 1, tệp không có gì mới" imp2.out || fail "again: nothing new"
[ "$(sqlite3 p.db "SELECT count(*) FROM tour_check")" = "$(sqlite3 c.db "SELECT count(*) FROM tour_check c JOIN tour_stop s ON s.id = c.stop_id JOIN tour t ON t.id = s.tour_id WHERE t.unit_id = 50")" ] \
    || fail "tour checks"
c sync ack "$f.ack" >ack.out || fail "ack"
grep -q "Bên kia đã nhận đến số 1 (xã Sơn Kim 2)" ack.out || { cat ack.out; fail "ack output"; }

# ---- status: as of, and a commune that sent nothing marked
sqlite3 p.db "INSERT INTO unit(kind, parent_id, name, name_key, sort_key) VALUES ('commune', 1, 'Xã Chưa Gửi', 'xa chua gui', 'zz')"
p sync status >st.out || fail "status"
grep -q "Hà Tĩnh: 2 xã; 1 chưa gửi hoặc đã quá 8 ngày" st.out || { cat st.out; fail "status header"; }
grep -q "! Xã Chưa Gửi .*chưa gửi gì" st.out || { cat st.out; fail "stale commune not marked"; }
grep -q "Sơn Kim 2 .*số 1, ngày" st.out || { cat st.out; fail "as of"; }
p sync status --tsv | grep -q "^Hà Tĩnh	Sơn Kim 2	" || fail "status --tsv"

# ---- down: a directive and a campaign of the province; the commune joins its row
p sync directive --for "son kim 2" --title "Báo cáo kết quả tour tuyến" --number "45/CV-UBND" --due 30/06/2022 >dir.out || fail "directive"
sqlite3 p.db "INSERT INTO campaign(unit_id, name, doc_number, start_date, end_date) VALUES (1, 'Thi đua cấp tỉnh', '7-KH/UBND', '2022-06-01', '2022-09-30')"
p sync export --for "son kim 2" -o usb/down.ntmsync >down.out || fail "export down"
grep -q "gửi xuống xã" down.out || fail "down summary"
c sync import usb/down.ntmsync >cimp.out || { cat cimp.out; fail "import down"; }
[ "$(sqlite3 c.db "SELECT title FROM directive")" = "Báo cáo kết quả tour tuyến" ] || fail "directive down"
[ "$(sqlite3 c.db "SELECT count(*) FROM campaign WHERE doc_number = '7-KH/UBND'")" = 1 ] || fail "campaign down"
[ "$(sqlite3 c.db "SELECT p.uuid FROM unit c JOIN unit p ON p.id = c.parent_id WHERE c.id = 50")" = "$(sqlite3 p.db "SELECT uuid FROM unit WHERE id = 1")" ] \
    || fail "the commune is not under the province's row"

# ---- a conflict: the province corrects a task the commune changes too
t=$(sqlite3 c.db "SELECT uuid FROM task WHERE commune_id = 50 ORDER BY id LIMIT 1")
sqlite3 p.db "UPDATE task SET title = 'Tỉnh sửa' WHERE uuid = '$t'"
sqlite3 c.db "UPDATE task SET title = 'Xã sửa' WHERE uuid = '$t'"
c sync export --commune "son kim 2" -o usb/up2.ntmsync >/dev/null || fail "export 2"
p sync import usb/up2.ntmsync >imp3.out || fail "import 2"
grep -q "1 xung đột" imp3.out || { cat imp3.out; fail "one conflict"; }
[ "$(sqlite3 p.db "SELECT title FROM task WHERE uuid = '$t'")" = "Xã sửa" ] || fail "the commune's version"
p sync conflicts >conf.out || fail "conflicts"
grep -q "xã Sơn Kim 2 số 2  task $t: đã bị sửa ở đây -> lấy bản của bên gửi · title" conf.out || { cat conf.out; fail "conflict line"; }
printf '[ui]\nlanguage = en\n' >en.ini
"$NTM_BIN" --config en.ini --db p.db sync conflicts | grep -q "changed here too -> the sender's version taken" || fail "conflicts in English"

# ---- push through scp: a fake one on PATH records its arguments
mkdir -p bin
cat >bin/scp <<'EOF'
#!/bin/sh
for a in "$@"; do printf '[%s]\n' "$a"; done >"$SCP_LOG"
[ -n "${SCP_FAIL:-}" ] && { echo "ssh: connect to host: Network is unreachable" >&2; exit 1; }
exit 0
EOF
chmod +x bin/scp
PATH=$WORK/bin:$PATH SCP_LOG=$WORK/scp.log c sync push --commune "son kim 2" "ntm@tinh.example:/srv/ntm/vào ra/" >push.out 2>push.err \
    || { cat push.err; fail "push"; }
grep -q "Đã gửi tới ntm@tinh.example:/srv/ntm/vào ra/" push.out || fail "push output"
[ "$(sed -n 1,2p scp.log | tr -d '\n')" = "[-q][--]" ] || { cat scp.log; fail "scp options"; }
sed -n 3p scp.log | grep -q '^\[/tmp/ntm-push-.*/son-kim-2-len-3\.ntmsync\]$' || { cat scp.log; fail "the file as one argument"; }
[ "$(sed -n 4p scp.log)" = "[ntm@tinh.example:/srv/ntm/vào ra/]" ] || { cat scp.log; fail "the destination as one argument"; }
[ "$(wc -l <scp.log)" = 4 ] || fail "scp got more arguments"
PATH=$WORK/bin:$PATH SCP_LOG=$WORK/scp.log SCP_FAIL=1 c sync push --commune "son kim 2" "ntm@tinh.example:in/" >/dev/null 2>push.err \
    && fail "a failing scp must fail the push"
grep -q "scp báo lỗi (mã 1); tệp vẫn ở /tmp/ntm-push-" push.err || { cat push.err; fail "failed push message"; }
kept=$(sed -n 's/.*tệp vẫn ở \([^ ]*\) .*/\1/p' push.err)
[ -f "$kept" ] || fail "the file of a failed push is kept"
rm -rf "$(dirname "$kept")"
c sync push --commune "son kim 2" "-oProxyCommand=x" 2>/dev/null; [ $? = 2 ] || fail "a destination like an option is refused"
PATH=/nonexistent c sync push --commune "son kim 2" "a@b:c" >/dev/null 2>push.err && fail "no scp"
grep -q "không chạy được scp" push.err || { cat push.err; fail "no scp message"; }
kept=$(sed -n 's/.*tệp vẫn ở \([^ ]*\) .*/\1/p' push.err)
[ -f "$kept" ] && rm -rf "$(dirname "$kept")"
echo ok
