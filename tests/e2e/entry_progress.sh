# entry_progress: p on a task records a dated report, twice. Nậy's 2 km hedge stands at
# 1,4 km: "0,2" as this time's quantity (the default), then "1,9" as the new total (Space
# turns the second field to "tổng mới"). The status line shows done/target before and
# after; the progress table holds the two reports (0,2 and 0,3 km, dated today, with their
# notes and reporter) and the task's done quantity is 1,9.
. "$(dirname "$0")/lib.sh"
make_demo
sq() { sqlite3 "$WORK/d.db" "$1"; }
tid=$(sq "select id from task where hamlet_id = 301 and target_qty = 2 and qty_unit = 'km'")
[ -n "$tid" ] || fail "the demo has no 2 km hedge task in Nậy"
n0=$(sq "select count(*) from progress")

start_ntm 80 24
wait_for "Hà Tĩnh"
open_hamlet "An Hòa Thịnh" "Nậy"
select_row "/2 km"

keys p
wait_for "Tiến độ 1,4/2 km (70%): Thôn Nậy hoàn thành 2 km hàng rào"
assert_screen "Ban phát triển thôn Nậy"   # who reported last
assert_screen "20/06/2022"               # the report date: today
type_text "0,2"
keys Enter                               # -> "lần này" (already chosen)
keys Enter
type_text "Trồng thêm đoạn giáp đường liên thôn"
keys Enter
keys C-u                                 # clear the reporter filled in
type_text "Trưởng thôn Nậy"
keys Enter                               # Enter on the last field saves
wait_for "Đã lưu báo cáo: 1,4/2 km (70%) → 1,6/2 km (80%)"

keys p
wait_for "Tiến độ 1,6/2 km (80%)"
type_text "1,9"
keys Enter
keys Space                               # "lần này" -> "tổng mới"
wait_for "tổng mới"
keys Enter
type_text "Tổng đến nay 1,9 km"
keys F2
wait_for "Đã lưu báo cáo: 1,6/2 km (80%) → 1,9/2 km (95%)"
quit

got=$(sq "select report_date || '|' || round(qty, 6) || '|' || note || '|' || reporter from progress where id > (select max(id) - 2 from progress) and task_id = $tid order by id")
want="2022-06-20|0.2|Trồng thêm đoạn giáp đường liên thôn|Trưởng thôn Nậy
2022-06-20|0.3|Tổng đến nay 1,9 km|Trưởng thôn Nậy"
[ "$got" = "$want" ] || fail "progress rows:
$got"
[ "$(sq "select count(*) from progress")" = $((n0 + 2)) ] || fail "expected exactly two new progress rows"
[ "$(sq "select round(done_qty, 6) || ' ' || status from task where id = $tid")" = "1.9 open" ] \
    || fail "task done_qty: $(sq "select done_qty, status from task where id = $tid")"
echo "ok: entry_progress"
