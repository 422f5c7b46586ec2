# goto: m (F4) searches every level from anywhere, accents ignored (d = đ), and shows what
# each hit is and where it sits; Enter opens it under the lists above it, so Esc climbs
# back up. On the province list "/son kim" finds nothing (only provinces are there); m does.
. "$(dirname "$0")/lib.sh"
make_demo
start_ntm 100 30
wait_for "Hà Tĩnh"
keys m
wait_for "Đi tới:"
type_text "son kim"
wait_for "Sơn Kim 2"
screen_text | grep -E "^ *Xã +Sơn Kim 2 +Hà Tĩnh" >/dev/null || fail "the commune hit and where it is"
keys Enter
wait_for "Thôn (8)"
top_line | grep -qF "Hà Tĩnh › Sơn Kim 2" || fail "not under its province: $(top_line)"
keys Escape
wait_for "Xã (4)"
selected_row | grep -qF "Sơn Kim 2" || fail "Esc from the hamlets: the commune is not selected"

keys m
type_text "duc thinh"                    # đ typed as d
wait_for "Đức Thịnh"
screen_text | grep -E "Thôn +Đức Thịnh +Hà Tĩnh › An Hòa Thịnh" >/dev/null || fail "hamlet hit"
screen_text | grep -E "Đầu việc +Thôn Đức Thịnh hoàn thành" >/dev/null || fail "its tasks are found too"
keys Enter
wait_for "Đầu việc ("
top_line | grep -qF "An Hòa Thịnh › Đức Thịnh" || fail "the hamlet's tasks: $(top_line)"

keys m                                   # a person: the commune's people list, selected
type_text "tran ngoc anh"
wait_for "Trần Ngọc Anh"
screen_text | grep -E "Người +Trần Ngọc Anh +Hà Tĩnh › Sơn Kim 2" >/dev/null || fail "person hit"
keys Enter
wait_for "Họ và tên"
selected_row | grep -qF "Trần Ngọc Anh" || fail "the person is not selected"

keys m                                   # a task by words of its title
type_text "715"
wait_for "715"
keys Enter
wait_for "Đầu việc ("
selected_row | grep -qF "715" || fail "the task is not selected: $(selected_row)"
keys m
type_text "khong co gi nhu the"
wait_for "Không tìm thấy"
keys Escape                              # closes go to: back where it was opened
wait_gone "Đi tới:"
selected_row | grep -qF "715" || fail "Esc did not go back to the task list"
quit
