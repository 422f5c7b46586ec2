# view_undo: u takes back the user's last change after asking (c/k), on any list screen,
# and the screen shows the database as it is then. With nothing done yet u says so. A
# criterion set to met in the matrix shows on the dashboard (1/19 after Esc); u there,
# answered k, changes nothing; answered c, removes it (0/19, no row in sqlite3). Met then
# at risk, u in the matrix brings met back (the old value in sqlite3), and u on a task list
# takes back the first change too.
. "$(dirname "$0")/lib.sh"
make_demo
DB=$WORK/d.db
q() { sqlite3 "$DB" "$1"; }
C=$(q "select id from unit where kind='commune' and name='An Hòa Thịnh'")
SET=$(q "select criteria_set_id from unit where id = $C")
K2=$(q "select id from criterion where set_id = $SET and number = 2")
ALL=$(q "select count(*) from criterion where set_id = $SET")
st() { r=$(q "select status from unit_criterion where unit_id = $C and criterion_id = $K2"); echo "${r:--}"; }
expect() {
    i=0
    while [ "$(st)" != "$1" ] && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
    [ "$(st)" = "$1" ] || fail "$2: criterion 2 of An Hòa Thịnh is $(st), expected $1"
}

start_ntm 80 24
wait_for "Tỉnh ("
select_row "Hà Tĩnh"; keys Enter
wait_for "Xã ("
select_row "An Hòa Thịnh"; keys D
wait_for "Tiêu chí đạt: 0/$ALL"
keys u
wait_for "để hoàn tác"                  # nothing of this user's yet
alive || fail "u with nothing to undo"

keys C
wait_for "1. Quy hoạch — An Hòa Thịnh"
keys l 1
expect met "1 in the matrix"
keys Escape
wait_for "Tiêu chí đạt: 1/$ALL"         # the dashboard read the change when it came back on top

keys u
wait_for "Hoàn tác:"
assert_screen "(c/k)"
keys k
wait_for "Không hoàn tác."
expect met "u answered k"
keys u
wait_for "Hoàn tác:"
keys c
wait_for "Đã hoàn tác"
expect - "u answered c"
wait_for "Tiêu chí đạt: 0/$ALL"

# an update taken back: the old value returns
keys C
wait_for "1. Quy hoạch — An Hòa Thịnh"
keys l 1
expect met "1 again"
keys 3
expect at_risk "3"
keys u
wait_for "Hoàn tác:"
keys c
expect met "u after 3"
wait_for "Tình trạng: ✓ Đạt"

# u on a task list: the change before (the insert) goes too
keys Escape
wait_for "Đến hạn 7 ngày:"
keys Enter
wait_for "Đầu việc ("
keys u
wait_for "Hoàn tác:"
keys c
expect - "u on the task list"
wait_for "Đầu việc ("
quit
echo "ok: view_undo"
