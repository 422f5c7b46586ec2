#!/bin/sh
# `ntm export` from the command line, as cron runs it: the tasks of An Hòa Thịnh to CSV
# and XLSX, read back by real readers (python3's csv module; xlsx2csv from Debian), give
# every task of the database in the export's order with the exact Vietnamese titles,
# the numbers and the dates dd/mm/yyyy. No prompt (stdin closed, no terminal), exit 0/1/2,
# the path alone on stdout; without -o a new dated name each run (-2, -3...), never the
# earlier file; a symlink at -o is refused; every data set exports.
set -u
fail() { echo "FAIL: $*"; exit 1; }
cd "$WORK" || exit 1
"$NTM_BIN" demo d.db >/dev/null || fail "demo"
printf '[output]\npdf_dir = %s/out\n' "$WORK" > ntm.ini
ntm() { timeout 20 "$NTM_BIN" --config "$WORK/ntm.ini" --db d.db "$@" </dev/null; }
C=$(sqlite3 d.db "select id from unit where kind='commune' and name='An Hòa Thịnh'")

# the expected rows: the commune's tasks in the export's order (commune-wide first, then
# hamlets in Vietnamese order, then deadline), as the database has them
cat > expect.py <<'EOF'
import csv, sqlite3, sys
db, commune, path, kind = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
def num(x): return '' if x is None else format(x, '.15g')
def day(d): return '' if not d else '%s/%s/%s' % (d[8:10], d[5:7], d[0:4])
status = {'open': 'Đang làm', 'done': 'Đã xong', 'cancelled': 'Đã hủy'}
want = [[r[0], r[1] or '', r[2], num(r[3]), r[4] or '', num(r[5]), day(r[6]), status[r[7]], r[8]]
        for r in sqlite3.connect(db).execute(
    "select c.name, h.name, t.title, t.target_qty, t.qty_unit, t.done_qty, t.deadline, t.status, t.uuid "
    "from task t join unit c on c.id = t.commune_id left join unit h on h.id = t.hamlet_id where t.commune_id = ? "
    "order by h.sort_key is not null, h.sort_key, t.hamlet_id, t.deadline is null, t.deadline, t.id", (commune,))]
rows = list(csv.reader(open(path, encoding='utf-8-sig' if kind == 'csv' else 'utf-8', newline='')))
head = rows[0]
assert head[:4] == ['Mã', 'Xã', 'Thôn', 'Nội dung'] and head[-1] == 'uuid', head
col = {h: i for i, h in enumerate(head)}
got = [[r[col[h]] for h in ('Xã', 'Thôn', 'Nội dung', 'Chỉ tiêu', 'Đơn vị tính', 'Đã làm', 'Hạn', 'Trạng thái', 'uuid')]
       for r in rows[1:]]
if kind == 'xlsx':   # xlsx2csv writes the numbers its own way: compare them as numbers
    for g in got:
        for i in (3, 5):
            g[i] = num(float(g[i])) if g[i] else ''
if got != want:
    for g, w in zip(got, want):
        if g != w: print('got ', g, '\nwant', w)
    print(len(got), 'rows, want', len(want)); sys.exit(1)
# the ratio: CSV "70%", XLSX the number 0.7
for r in rows[1:]:
    t, d, p = r[col['Chỉ tiêu']], float(r[col['Đã làm']]), r[col['Tỷ lệ']]
    if r[col['Trạng thái']] != 'Đã xong' and t and float(t) > 0:
        ratio = min(d / float(t), 1)
        ok = p == '%d%%' % int(ratio * 100 + 0.5) if kind == 'csv' else abs(float(p) - ratio) < 1e-9
        assert ok, (r[col['Nội dung']], p, ratio)
print(len(got))
EOF

out=$(ntm export tasks --commune "an hoa thinh" -o "$WORK/t.csv" 2>err); rc=$?
[ $rc -eq 0 ] || { cat err; fail "export tasks csv: exit $rc"; }
[ "$out" = "$WORK/t.csv" ] || fail "stdout should be the path alone, got: $out"
[ ! -s err ] || fail "stderr on success: $(cat err)"
[ "$(head -c 3 t.csv | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "no UTF-8 BOM"
[ "$(head -n 1 t.csv | tail -c 2 | od -An -tx1 | tr -d ' ')" = 0d0a ] || fail "lines do not end in CRLF"
n=$(python3 expect.py d.db "$C" t.csv csv) || fail "CSV rows differ from the database"
[ "$n" = "$(sqlite3 d.db "select count(*) from task where commune_id = $C")" ] || fail "CSV: $n rows"
grep -q "Thôn Nậy hoàn thành 2 km hàng rào xanh" t.csv || fail "a Vietnamese title is missing from the CSV"

ntm export tasks --commune "an hoa thinh" -o "$WORK/t.xlsx" >/dev/null 2>err || { cat err; fail "export tasks xlsx"; }
xlsx2csv t.xlsx > t-xlsx.csv || fail "xlsx2csv cannot read the XLSX"
n2=$(python3 expect.py d.db "$C" t-xlsx.csv xlsx) || fail "XLSX rows differ from the database"
[ "$n2" = "$n" ] || fail "XLSX has $n2 rows, CSV $n"
grep -q "03/06/2021" t-xlsx.csv || fail "XLSX dates should read back as dd/mm/yyyy"

# -o over an existing file replaces it whole; a symlink there is refused
echo old > keep.csv
ntm export tasks --commune 30 --hamlet nay -o keep.csv >/dev/null || fail "export over a file"
grep -q "Thôn Nậy" keep.csv && ! grep -q old keep.csv || fail "keep.csv not replaced"
ln -s keep.csv link.csv
ntm export tasks -o link.csv >/dev/null 2>err; rc=$?
[ $rc -eq 1 ] || fail "a symlink at -o: exit $rc"
grep -q "Thôn Nậy" keep.csv || fail "the symlink's target was written"

# without -o: a dated name in pdf_dir, a new one each run, the first never replaced
p1=$(ntm export tasks --commune "an hoa thinh" --format csv) || fail "default name"
[ "$p1" = "$WORK/out/dau-viec-an-hoa-thinh-20220620.csv" ] || fail "default name: $p1"
sum1=$(md5sum < "$p1")
sqlite3 d.db "update task set title = 'Đổi tên' where id = (select min(id) from task where commune_id = $C)"
p2=$(ntm export tasks --commune "an hoa thinh" --format csv) || fail "second run"
p3=$(ntm export tasks --commune "an hoa thinh" --format csv) || fail "third run"
[ "$p2" = "$WORK/out/dau-viec-an-hoa-thinh-20220620-2.csv" ] && [ "$p3" = "$WORK/out/dau-viec-an-hoa-thinh-20220620-3.csv" ] ||
    fail "the next runs should get -2, -3: $p2 $p3"
[ "$(md5sum < "$p1")" = "$sum1" ] || fail "the first export was overwritten"
grep -q "Đổi tên" "$p2" && ! grep -q "Đổi tên" "$p1" || fail "the second export should hold the new title, the first not"
p=$(ntm export units) && [ "$p" = "$WORK/out/don-vi-20220620.xlsx" ] || fail "default format is [output] export_format (xlsx): $p"
[ -z "$(ls -A out | grep '^\.')" ] || fail "temporary files left in out/: $(ls -A out)"

# every data set, both formats, read back
for k in tasks units households progress criteria; do
    ntm export "$k" -o "$WORK/all-$k.csv" >/dev/null 2>err || { cat err; fail "export $k csv"; }
    ntm export "$k" -o "$WORK/all-$k.xlsx" >/dev/null 2>err || { cat err; fail "export $k xlsx"; }
    a=$(python3 -c 'import csv,sys; print(len(list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))))' "all-$k.csv")
    b=$(xlsx2csv "all-$k.xlsx" | python3 -c 'import csv,sys; print(len(list(csv.reader(sys.stdin))))')
    [ "$a" = "$b" ] && [ "$a" -gt 1 ] || fail "$k: CSV $a rows, XLSX $b rows"
done
[ "$(($(python3 -c 'import csv,sys; print(len(list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))))' all-progress.csv) - 1))" = \
  "$(sqlite3 d.db 'select count(*) from progress')" ] || fail "progress: a row per report"
grep -q "Nhà vườn anh Vị" all-households.csv || fail "households: the demo's households"

# usage errors exit 2, errors 1, nothing written
for args in "export" "export tasks -o x.txt" "export nothing" "export tasks --bogus" "export units --state open" \
            "export tasks --state someday" "export tasks --format ods"; do
    ntm $args >/dev/null 2>&1; rc=$?
    [ $rc -eq 2 ] || fail "ntm $args: exit $rc, want 2"
done
ntm export tasks --commune "khong co" -o z.csv >/dev/null 2>err; rc=$?
[ $rc -eq 1 ] && grep -q "An Hòa Thịnh" err || fail "unknown commune: exit $rc, candidates: $(cat err)"
ntm export tasks -o /proc/no/such/z.csv >/dev/null 2>&1; rc=$?
[ $rc -eq 1 ] || fail "an unwritable folder: exit $rc"
[ ! -e z.csv ] || fail "z.csv written on error"
"$NTM_BIN" --help | grep -q 'export tasks|units' || fail "--help lists export"
echo ok
