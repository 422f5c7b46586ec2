# entry_progress_unit: a progress report on a task with no unit and no quantity reported
# yet (two reports with notes only): the title says so (not "Tiến độ -:"), and "3 hộ" is taken as README promises (a number
# and a unit): the report is saved and the task takes "hộ" as its unit. The undo question
# then shows the report's day as dd/mm/yyyy, not ISO.
. "$(dirname "$0")/lib.sh"
make_demo
q() { sqlite3 "$WORK/d.db" "$1"; }
start_ntm 100 30
wait_for "Hà Tĩnh"
keys m
type_text "vuon uom cay giong"
wait_for "Đoàn Thanh niên: xây dựng vườn ươm"
keys Enter
wait_for "Đầu việc ("
selected_row | grep -qF "Đoàn Thanh niên: xây dựng" || fail "the task is not selected"   # the code column (V1) leaves "vườn ươm" cut at 100 columns
keys p
wait_for "Tiến độ (chưa có khối lượng): Đoàn Thanh niên"
assert_absent "Tiến độ -:"
type_text "3 hộ"
keys F2
wait_for "Đã lưu báo cáo"
[ "$(q "select qty_unit || '|' || done_qty from task where id = 101")" = "hộ|3.0" ] || fail "task after: $(q "select qty_unit, done_qty from task where id = 101")"
[ "$(q "select count(*) from progress where task_id = 101 and qty = 3")" = 1 ] || fail "report not stored"
keys u                                   # the undo question names the report by day and task
wait_for "Hoàn tác: Thêm báo cáo tiến độ \"20/06/2022 - Đoàn Thanh niên"
assert_absent "2022-06-20"
keys y
wait_for "Đã hoàn tác"
[ "$(q "select count(*) from progress where task_id = 101 and qty = 3")" = 0 ] || fail "undo did not take the report back"
quit
