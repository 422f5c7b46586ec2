# entry_typeback: the hamlet's task sheet printed (i), filled in by pen, typed back by code
# (R on Nậy's task list): "V1 0,3 cổng làng" (this period's quantity and a note), "V2 =30"
# (= : the new total), an unknown code V99, "V23 2". F2 checks every line: the unknown
# code is refused with its message under its line, nothing is saved, every line stays
# as typed; corrected (V3 5), Ctrl-S saves the four together, with the date asked once.
# The database has the four reports; the detail pane and the history show them.
. "$(dirname "$0")/lib.sh"
command -v pdftotext >/dev/null || { echo "FAIL: pdftotext missing (apt-get install poppler-utils)"; exit 1; }
command -v sqlite3 >/dev/null || { echo "FAIL: sqlite3 missing (apt-get install sqlite3)"; exit 1; }
make_demo
q() { sqlite3 "$WORK/d.db" "$1"; }
code() { q "SELECT 'V' || code FROM task WHERE id = $1"; }
V1=$(code 301); V2=$(code 302); V3=$(code 303); V23=$(code 323)
[ "$V1" = V1 ] && [ "$V23" = V23 ] || fail "demo codes: $V1 $V23"
before=$(q "SELECT count(*) FROM progress")

start_ntm 80 24
wait_for "Hà Tĩnh"
select_row "Hà Tĩnh"; keys Enter
select_row "An Hòa Thịnh"; keys Enter
select_row "Nậy"
keys i                                          # the sheet to take to the hamlet
wait_for "Đã ghi phiếu:" 15
shown=$(screen_text | grep -o '~/[^ ]*\.pdf' | head -n 1)
file=$WORK${shown#\~}
sheet=$(pdftotext -layout "$file" - 2>/dev/null)
echo "$sheet" | grep -qF "Kỳ này" || fail "no Kỳ này column on the sheet"
echo "$sheet" | grep -E "^ *$V1 " | grep -qF "Thôn Nậy hoàn thành 2 km hàng" || fail "$V1 does not begin the hedge row"
echo "$sheet" | grep -E "^ *$V23 " | grep -qF "Thôn Nậy hoàn thành xây dựng" || fail "$V23 does not begin the compost row"

keys Enter
wait_for "Đầu việc (6)"
assert_screen " $V23 Thôn Nậy"                   # the codes on the list too
keys R
wait_for "Nhập lại phiếu đầu việc theo mã — thôn Nậy"
assert_screen "Ngày báo cáo: 20/06/2022"
type_text "$V1 0,3 cổng làng"; keys Enter
type_text "$V2 =30"; keys Enter
wait_for "→ $V1 Thôn Nậy hoàn thành 2 km hàng rào xanh: +0,3 km · cổng làng"
type_text "V99 3"; keys Enter
type_text "$V23 2"
keys F2
wait_for "! Không có đầu việc mã V99"
assert_screen "chưa lưu dòng nào"
assert_screen "> V99 3"                          # kept as typed
assert_screen "> $V23 2"
[ "$(q "SELECT count(*) FROM progress")" = "$before" ] || fail "something was saved while a line was wrong"
keys C-u                                        # the cursor is on the wrong line
type_text "$V3 5"
keys C-s
wait_for "Đã lưu 4 báo cáo tiến độ từ phiếu (ngày 20/06/2022)."
wait_gone "Nhập lại phiếu"

[ "$(q "SELECT count(*) FROM progress")" = "$((before + 4))" ] || fail "four reports expected"
[ "$(q "SELECT qty || '|' || note || '|' || report_date FROM progress WHERE task_id = 301 ORDER BY id DESC LIMIT 1")" = "0.3|cổng làng|2022-06-20" ] \
    || fail "V1's report: $(q "SELECT qty, note FROM progress WHERE task_id = 301 ORDER BY id DESC LIMIT 1")"
[ "$(q "SELECT done_qty FROM task WHERE id = 302")" = "30.0" ] || fail "V2's new total 30: $(q "SELECT done_qty FROM task WHERE id = 302")"
[ "$(q "SELECT done_qty FROM task WHERE id = 303")" = "95.0" ] || fail "V3 +5"
[ "$(q "SELECT done_qty FROM task WHERE id = 323")" = "7.0" ] || fail "V23 +2"
[ "$(q "SELECT count(DISTINCT tx) FROM audit WHERE entity = 'progress' AND action = 'insert'")" = 1 ] || fail "not one transaction"

screen_text | grep -F " $V2 " | grep -qF "30/33 hệ thống" || fail "the list does not show V2 at 30/33"
select_row "$V1 Thôn Nậy"
wait_for "+0,3 km · cổng làng"                  # the detail pane's latest report
keys H
wait_for "Báo cáo 20/06/2022: +0,3 km"
quit
echo "ok: entry_typeback"
