# entry_delete: d on a task asks first, naming the task and its reports; k keeps it, c
# deletes it with its progress reports. Nothing else goes; the list keeps its place.
. "$(dirname "$0")/lib.sh"
make_demo
sq() { sqlite3 "$WORK/d.db" "$1"; }
tid=$(sq "select id from task where hamlet_id = 301 and title like '%cải tạo vườn%'")
[ -n "$tid" ] || fail "the demo has no garden task in Nậy"
nrep=$(sq "select count(*) from progress where task_id = $tid")
tasks0=$(sq "select count(*) from task"); prog0=$(sq "select count(*) from progress")

start_ntm 80 24
wait_for "Hà Tĩnh"
select_row "Hà Tĩnh"; keys Enter
wait_for "Xã ("
select_row "An Hòa Thịnh"; keys Enter
wait_for "Thôn ("
select_row "Nậy"; keys Enter
wait_for "Đầu việc (6)"
select_row "90/100 %"

keys d
wait_for "Xóa đầu việc"
assert_screen "cải tạo vườn"
assert_screen "cùng $nrep báo cáo"
keys k                                   # no: nothing happens
wait_gone "Xóa đầu việc"
[ "$(sq "select count(*) from task where id = $tid")" = 1 ] || fail "k deleted the task"

keys d
wait_for "Xóa đầu việc"
keys c
wait_for "Đã xóa — nhấn u để hoàn tác: đầu việc"
wait_for "Đầu việc (5)"
assert_absent "90/100 %"
quit

[ "$(sq "select count(*) from task where id = $tid")" = 0 ] || fail "the task is still there"
[ "$(sq "select count(*) from progress where task_id = $tid")" = 0 ] || fail "its reports are still there"
[ "$(sq "select count(*) from task")" = $((tasks0 - 1)) ] || fail "other tasks went too"
[ "$(sq "select count(*) from progress")" = $((prog0 - nrep)) ] || fail "other reports went too"
echo "ok: entry_delete"
