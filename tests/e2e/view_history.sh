# view_history: H on Nậy's hedge task (2 km of green hedge) lists its progress reports and
# changes newest first, with the local date and time (TZ=Asia/Ho_Chi_Minh: UTC+7) of the
# UTC audit time, who typed it, and what: "+0,25 km" reports, "Hạn hoàn thành: old → new"
# changes. The demo's reports get their report dates as entry times; one more report and
# one deadline change (as ntm writes them to progress and audit) are added with sqlite3.
. "$(dirname "$0")/lib.sh"
make_demo
DB=$WORK/d.db
q() { sqlite3 "$DB" "$1"; }
C=$(q "select id from unit where kind='commune' and name='An Hòa Thịnh'")
K=$(q "select t.id from task t join unit h on h.id = t.hamlet_id where h.name = 'Nậy' and t.commune_id = $C and t.title like '%hàng rào xanh%'")
[ -n "$K" ] || fail "no hedge task in Nậy"
q "update progress set entered_at = report_date || 'T03:00:00Z' where task_id = $K"
q "insert into progress(task_id, report_date, qty, note, reporter, entered_by, entered_at)
   values ($K, '2022-06-17', 0.3, 'Trồng thêm đoạn giáp trường', 'Ban phát triển thôn Nậy', 'lan', '2022-06-18T09:30:00Z')"
q "update task set deadline = '2022-06-30', version = version + 1 where id = $K"
q "insert into audit(at, user, entity, entity_id, action, tx, old_json, new_json)
   values ('2022-06-19T07:15:00.000Z', 'thuy', 'task', $K, 'update', 900001,
           '{\"deadline\":\"2021-06-03\",\"version\":1}', '{\"deadline\":\"2022-06-30\",\"version\":2}')"
reports=$(q "select count(*) from progress where task_id = $K")

start_ntm 80 24 TZ=Asia/Ho_Chi_Minh
wait_for "Tỉnh ("
open_hamlet "An Hòa Thịnh" "Nậy"
select_row "/2 km"
keys H
wait_for "Báo cáo và thay đổi ($((reports + 1)))"
top_line | grep -qF "Lịch sử" || fail "top bar should say Lịch sử"
assert_screen "Thôn Nậy hoàn thành 2 km hàng rào xanh"

# newest first: the change, the new report, then the demo's reports by date, latest first
first=$(screen_text | sed -n 4p)
echo "$first" | grep -qF "19/06/2022 14:15" || fail "the change should come first, at 14:15 local time"
echo "$first" | grep -qF "thuy" || fail "the change was typed by thuy"
echo "$first" | grep -qF "Hạn hoàn thành: 03/06/2021 → 30/06/2022" || fail "the change should read field: old → new"
second=$(screen_text | sed -n 5p)
echo "$second" | grep -qF "18/06/2022 16:30  lan" || fail "the new report should come second, typed by lan at 16:30"
echo "$second" | grep -qF "Báo cáo 17/06/2022: +0,3 km" || fail "the report should read +0,3 km"
got=$(screen_text | grep -oE 'Báo cáo [0-9/]{10}' | awk '{print $3}' | tr '\n' ' ')
want=$(q "select strftime('%d/%m/%Y', report_date) from progress where task_id = $K order by report_date desc" | tr '\n' ' ')
[ "$got" = "$want" ] || fail "reports should be newest first: want '$want', got '$got'"
screen_text | grep -F "Báo cáo 28/05/2021" | grep -qF "28/05/2021 10:00" || fail "the 28/05/2021 report was entered 28/05/2021 10:00 local time"

# the detail pane: the selected entry in full
wait_for "Thay đổi: Hạn hoàn thành"
assert_screen "Cũ: 03/06/2021"
assert_screen "Mới: 30/06/2022"
keys j
wait_for "Ghi chú: Trồng thêm đoạn giáp trường"
assert_screen "Người báo cáo: Ban phát triển thôn Nậy"

# search within the history, accents ignored
keys /
type_text "giap truong"
wait_gone "Báo cáo 28/05/2021"
assert_screen "Báo cáo 17/06/2022"
keys Escape Escape
wait_for "Đầu việc ("
quit
echo "ok: view_history"
