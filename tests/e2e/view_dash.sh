# view_dash: the dashboard's numbers are the database's. A user opens Hà Tĩnh, selects An
# Hòa Thịnh and presses D: the campaign line, the counts (done, open, overdue, due in 7
# days), criteria met X/N, each hamlet's done/total, the ranking order and the longest
# overdue task equal what sqlite3 counts on the same file. Then D on the province gives
# the sums over its communes, and a file with one commune (or one province) opens on its
# dashboard. Enter on a ranked hamlet opens its tasks; Esc comes back.
. "$(dirname "$0")/lib.sh"
make_demo
DB=$WORK/d.db
q() { sqlite3 "$DB" "$1"; }
C=$(q "select id from unit where kind='commune' and name='An Hòa Thịnh'")
P=$(q "select id from unit where kind='province' and name='Hà Tĩnh'")
T=$NTM_TODAY
W=$(q "select date('$T', '+7 days')")

# counts of the tasks of commune(s) "where"
counts() {
    total=$(q "select count(*) from task where $1 and status <> 'cancelled'")
    done_=$(q "select count(*) from task where $1 and status = 'done'")
    open_=$(q "select count(*) from task where $1 and status = 'open'")
    over=$(q "select count(*) from task where $1 and status = 'open' and deadline < '$T'")
    week=$(q "select count(*) from task where $1 and status = 'open' and deadline between '$T' and '$W'")
}
# the number after LABEL on the screen (its first occurrence)
shown() { screen_text | sed -n "s/.*$1 \([0-9][0-9]*\).*/\1/p" | head -n 1; }
# the dashboard of WHAT ("xã An Hòa Thịnh") is on top
wait_dash() {
    wait_for "Đến hạn 7 ngày:"
    top_line | grep -qE "Tổng hợp $1 +Ngày:" || fail "the dashboard of $1 should be on top"
}
check_counts() {
    [ "$(shown 'Đầu việc:')" = "$total" ] || fail "$1: Đầu việc should be $total"
    [ "$(shown 'Xong:')" = "$done_" ] || fail "$1: Xong should be $done_"
    [ "$(shown 'Đang làm:')" = "$open_" ] || fail "$1: Đang làm should be $open_"
    [ "$(shown 'Quá hạn:')" = "$over" ] || fail "$1: Quá hạn should be $over"
    [ "$(shown 'Đến hạn 7 ngày:')" = "$week" ] || fail "$1: Đến hạn 7 ngày should be $week"
}

start_ntm 120 40
wait_for "Tỉnh ("
select_row "Hà Tĩnh"; keys Enter
wait_for "Xã ("
select_row "An Hòa Thịnh"; keys D
wait_dash "xã An Hòa Thịnh"
assert_screen " Xã An Hòa Thịnh "

counts "commune_id = $C"
check_counts "An Hòa Thịnh"
[ "$over" -gt 0 ] || fail "the demo should have overdue tasks in An Hòa Thịnh"

# the campaign: dates and state
camp=$(q "select strftime('%d/%m/%Y', start_date) || ' → ' || strftime('%d/%m/%Y', end_date) from campaign where unit_id = $C order by start_date desc limit 1")
assert_screen "Đợt: $camp"
assert_screen "đã kết thúc"

# criteria met X/N under the commune's set
met=$(q "select count(*) from unit_criterion uc join criterion c on c.id = uc.criterion_id where uc.unit_id = $C and uc.status = 'met' and c.set_id = (select criteria_set_id from unit where id = $C)")
all=$(q "select count(*) from criterion where set_id = (select criteria_set_id from unit where id = $C)")
assert_screen "Tiêu chí đạt: $met/$all"

# each hamlet with tasks: done/total on its ranked row
q "select h.name, sum(t.status = 'done'), count(*) from task t join unit h on h.id = t.hamlet_id where t.commune_id = $C and t.status <> 'cancelled' group by h.id" |
while IFS='|' read -r name d n; do
    screen_text | grep -E "^ +[0-9]+ $name +" | grep -qE " $d/$n( |$)" || fail "hamlet $name: expected $d/$n on its ranked row"
done || exit 1
# ranked best first: the percentages never go up
screen_text | sed -n '/Thôn (/,/Việc quá hạn/p' | grep -oE '[0-9]+%' | tr -d '%' |
    awk 'NR > 1 && $1 > prev { bad = 1 } { prev = $1 } END { exit bad }' || fail "hamlets are not ranked by progress"

# the longest overdue task first, with its days
late=$(q "select cast(julianday('$T') - julianday(min(deadline)) as int) from task where commune_id = $C and status = 'open' and deadline < '$T'")
screen_text | sed -n '/Việc quá hạn lâu nhất/{n;p;}' | grep -qF "$late ngày" || fail "the first overdue task should be $late days late"

# Enter on the first ranked hamlet opens its tasks; Esc comes back to the dashboard
keys g
first=$(screen_text | grep -E '^ +1 ' | head -n 1 | awk '{print $2}')
keys Enter
wait_for "Đầu việc ("
top_line | grep -qF "$first" || fail "Enter should open the tasks of $first"
keys Escape
wait_dash "xã An Hòa Thịnh"

# X opens the hamlet list; D there comes back to the same dashboard (not a second one)
keys X
wait_for "Thôn ("
keys D
wait_dash "xã An Hòa Thịnh"
top_line | grep -qF "Hà Tĩnh › Tổng hợp xã An Hòa Thịnh" || fail "D from the hamlet list should return to the open dashboard"

# the province: sums over its communes, communes ranked
keys Escape
wait_for "Xã ("
keys Escape
wait_for "Tỉnh ("
select_row "Hà Tĩnh"; keys D
wait_dash "tỉnh Hà Tĩnh"
counts "commune_id in (select id from unit where parent_id = $P)"
check_counts "Hà Tĩnh"
assert_screen "Xã ("
assert_screen "An Hòa Thịnh"
quit

# the dashboard looked at last is where this user starts next time
start_ntm 80 24
wait_dash "tỉnh Hà Tĩnh"
quit
q "delete from ui_state where key = 'start.dashboard'"

# one province in the file: its dashboard is the first screen
q "update unit set active = 0 where kind = 'province' and id <> $P"
start_ntm 80 24
wait_dash "tỉnh Hà Tĩnh"
check_counts "Hà Tĩnh (first screen)"
quit

# one commune: its dashboard is the first screen, and it fits 80x24
q "update unit set active = 0 where kind = 'commune' and id <> $C"
q "delete from ui_state where key = 'start.dashboard'"
start_ntm 80 24
wait_dash "xã An Hòa Thịnh"
counts "commune_id = $C"
check_counts "An Hòa Thịnh (first screen)"
assert_screen "Việc quá hạn lâu nhất"
assert_screen "q Thoát"
keys C
wait_for "Xã, thôn ("
keys Escape
wait_dash "xã An Hòa Thịnh"
keys Escape
wait_for "Đây là màn hình đầu"
alive || fail "Esc on the first screen should not quit"
quit
echo "ok: view_dash"
