# entry_bad: bad input is refused next to its field and nothing is half-saved. On Nậy's task
# list: a new task with the deadline 31/02/2022 shows the message under the field, F2 does
# not save it; a negative target is refused; Esc on the changed form asks "Bỏ các thay đổi
# chưa lưu?" and k keeps the form; c drops it. A progress report of -3 is refused too.
# Esc on a form nothing was typed in closes it without asking. The database is unchanged.
. "$(dirname "$0")/lib.sh"
make_demo
sq() { sqlite3 "$WORK/d.db" "$1"; }
counts() { sq "select (select count(*) from task)||' '||(select count(*) from progress)||' '||(select sum(done_qty) from task)||' '||(select count(*) from audit)"; }
before=$(counts)

start_ntm 80 24
wait_for "Hà Tĩnh"
open_hamlet "An Hòa Thịnh" "Nậy"

# 31/02 does not exist.
keys n
wait_for "Thêm đầu việc — thôn Nậy"
type_text "Thử ngày sai"
keys Enter
type_text "2 km"
keys Enter
type_text "31/02/2022"
keys Enter                               # leaving the field checks it
wait_for "Không có ngày này trong lịch"
keys F2
wait_for "Chưa lưu: sửa các ô có dấu !"
assert_screen "31/02/2022"               # what was typed is kept

# A negative target.
keys Up                                  # F2 left the focus on the deadline; up to the target
keys -l -- "-2 km"                       # typing replaces the selected value
keys F2
wait_for "Không được âm"

# Esc on the changed form asks; k keeps it, c drops it.
keys Escape
wait_for "Bỏ các thay đổi chưa lưu?"
keys k
wait_gone "Bỏ các thay đổi chưa lưu?"
assert_screen "Thử ngày sai"
keys Escape
wait_for "Bỏ các thay đổi chưa lưu?"
keys c
wait_gone "Thêm đầu việc"

# An unchanged form closes at once.
keys n
wait_for "Thêm đầu việc — thôn Nậy"
keys Escape
wait_gone "Thêm đầu việc"
assert_absent "Bỏ các thay đổi chưa lưu?"

# A negative progress report.
select_row "/2 km"
keys p
wait_for "Tiến độ 1,4/2 km"
keys -l -- "-3"
keys F2
wait_for "Không được âm"
keys Escape
wait_for "Bỏ các thay đổi chưa lưu?"
keys c
wait_gone "Tiến độ 1,4/2 km"
quit

[ "$(counts)" = "$before" ] || fail "the database changed: before $before, after $(counts)"
[ "$(sq "select count(*) from task where title like 'Thử%'")" = 0 ] || fail "a task was saved"
echo "ok: entry_bad"
