# history_edit: on the history (H) of Nậy's hedge task (2 km, 1,4 km done in five demo
# reports), e corrects the selected progress report and d deletes one (asking "Xóa báo cáo
# ngày dd/mm/yyyy (+qty km)? (c/k)"); after each, progress holds the new values, task.done_qty
# is the sum of the task's reports and the history and its title line are read again. A
# change row (not a report) refuses both keys; a report changed by someone else since the
# form opened is not overwritten (the model's message, the history read again); k keeps the
# report; u brings a deleted one back.
. "$(dirname "$0")/lib.sh"
make_demo
DB=$WORK/d.db
q() { sqlite3 "$DB" "$1"; }
C=$(q "select id from unit where kind='commune' and name='An Hòa Thịnh'")
K=$(q "select t.id from task t join unit h on h.id = t.hamlet_id where h.name = 'Nậy' and t.commune_id = $C and t.title like '%hàng rào xanh%'")
[ -n "$K" ] || fail "no hedge task in Nậy"
# the demo's reports entered on their own dates (a fixed order), and one deadline change
q "update progress set entered_at = report_date || 'T03:00:00Z' where task_id = $K"
q "insert into audit(at, user, entity, entity_id, action, tx, old_json, new_json)
   values ('2022-06-19T07:15:00.000Z', 'thuy', 'task', $K, 'update', 900001,
           '{\"deadline\":\"2021-06-03\",\"version\":1}', '{\"deadline\":\"2022-06-30\",\"version\":2}')"
pid() { q "select id from progress where task_id = $K and report_date = '$1'"; }
P30=$(pid 2021-04-30); P09=$(pid 2021-04-09); P28=$(pid 2021-05-28)
[ -n "$P30" ] && [ -n "$P09" ] && [ -n "$P28" ] || fail "the demo's hedge reports are not as expected"
[ "$(q "select round(qty, 6) from progress where id = $P30")" = 0.25 ] || fail "the 30/04/2021 report should be 0,25 km"
# task.done_qty is the sum of the task's reports
done_follows() {
    [ "$(q "select abs(done_qty - (select total(qty) from progress where task_id = $K)) < 1e-9 from task where id = $K")" = 1 ] \
        || fail "$1: done_qty $(q "select done_qty from task where id = $K") is not the sum of the reports $(q "select total(qty) from progress where task_id = $K")"
}
done_follows "the demo"
reports=$(q "select count(*) from progress where task_id = $K")

start_ntm 80 24
wait_for "Tỉnh ("
open_hamlet "An Hòa Thịnh" "Nậy"
select_row "/2 km"
keys H
wait_for "Báo cáo và thay đổi ($((reports + 1)))"
assert_screen "hàng rào xanh · 1,4/2 km"
assert_screen "e Sửa"                          # the bar names both keys
assert_screen "d Xóa"

# a change is not a report: neither key opens anything
select_row "Hạn hoàn thành: 03/06/2021"
keys e
wait_for "Chỉ sửa/xóa được dòng báo cáo tiến độ"
assert_absent "Sửa báo cáo ngày"
keys d
sleep 0.3
assert_screen "Chỉ sửa/xóa được dòng báo cáo tiến độ"
assert_absent "(c/k)"

# e: the form is filled in from the report; the quantity (selected) is typed over
select_row "Báo cáo 30/04/2021"
keys e
wait_for "Sửa báo cáo ngày 30/04/2021 (+0,25 km)"
assert_screen "Khối lượng      0,25 km"
assert_screen "Người báo cáo   Ban phát triển thôn Nậy"
type_text "0,45"
keys Tab
type_text "Đo lại bằng thước dây"
keys F2
wait_for "Đã sửa báo cáo ngày 30/04/2021 (+0,45 km); đã làm 1,6/2 km"
[ "$(q "select round(qty, 6) || '|' || note || '|' || reporter || '|' || report_date from progress where id = $P30")" \
  = "0.45|Đo lại bằng thước dây|Ban phát triển thôn Nậy|2021-04-30" ] \
    || fail "progress $P30 after e: $(q "select qty, note, reporter, report_date from progress where id = $P30")"
done_follows "after e"
[ "$(q "select round(done_qty, 6) from task where id = $K")" = 1.6 ] || fail "done_qty should be 1,6 after e"
wait_for "hàng rào xanh · 1,6/2 km"               # the history's title line read again
assert_screen "Sửa báo cáo 30/04/2021: Khối lượng: 0,25 → 0,45"
selected_row | grep -qF "Báo cáo 30/04/2021: +0,45 km" || fail "the cursor should stay on the corrected report"

# someone else corrects the 09/04/2021 report while the form is open: not overwritten; t takes theirs
select_row "Báo cáo 09/04/2021"
keys e
wait_for "Sửa báo cáo ngày 09/04/2021 (+0,5 km)"
q "update progress set note = 'Sửa ở máy khác', version = version + 1 where id = $P09"
type_text "0,7"
keys F2
wait_for "đã sửa bản ghi này, sau khi bạn mở"      # the conflict view: theirs / mine, nothing written
assert_screen "Ghi chú — chỉ"
assert_screen "Sửa ở máy khác"
assert_screen "(•) Của bạn: 0,7 km"
keys t
wait_for "Bỏ những gì bạn đã sửa"
keys c
wait_for "Đã lấy bản của người khác"
assert_absent "Sửa báo cáo ngày 09/04/2021"        # the form is closed
[ "$(q "select round(qty, 6) || '|' || note from progress where id = $P09")" = "0.5|Sửa ở máy khác" ] \
    || fail "the conflicting save should not write: $(q "select qty, note from progress where id = $P09")"
done_follows "after the conflict"

# d: asks, naming the report; k keeps it
select_row "Báo cáo 28/05/2021"
keys d
wait_for "Xóa báo cáo ngày 28/05/2021 (+0,15 km)? (c/k)"
keys k
wait_for "Không xóa."
[ "$(q "select count(*) from progress where id = $P28")" = 1 ] || fail "k should keep the report"

# d, c: gone, and the done quantity follows
keys d
wait_for "Xóa báo cáo ngày 28/05/2021 (+0,15 km)? (c/k)"
keys c
wait_for "Đã xóa báo cáo ngày 28/05/2021 (+0,15 km); đã làm 1,45/2 km"
[ "$(q "select count(*) from progress where id = $P28")" = 0 ] || fail "the 28/05/2021 report should be deleted"
[ "$(q "select count(*) from progress where task_id = $K")" = $((reports - 1)) ] || fail "exactly one report should be deleted"
done_follows "after d"
[ "$(q "select round(done_qty, 6) from task where id = $K")" = 1.45 ] || fail "done_qty should be 1,45 after d"
wait_for "hàng rào xanh · 1,45/2 km"
assert_screen "Xóa báo cáo 28/05/2021: +0,15 km"
assert_absent "Báo cáo 28/05/2021"

# the task list under the history was read again too
keys Escape
wait_for "Đầu việc ("
assert_screen "1,45/2 km"

# u brings the report back, and its quantity with it
keys u
wait_for "Hoàn tác: "
keys c
wait_for "Đã hoàn tác"
[ "$(q "select count(*) from progress where id = $P28")" = 1 ] || fail "u should bring the deleted report back"
done_follows "after u"
quit
echo "ok: history_edit"
