# help: "?" shows the keys of the screen from the keymap (labels and help lines), Esc
# closes it; on the task list the help names the task list's own keys.
. "$(dirname "$0")/lib.sh"
make_demo
start_ntm 80 24
wait_for "Hà Tĩnh"
keys ?
wait_for "Phím trên danh sách tỉnh"
assert_screen "Thoát khỏi ntm"          # q's help line
assert_screen "Trợ giúp cho màn hình này"
assert_screen "q F10"                   # the letter and its F-key, from the same row
assert_absent "In phiếu đầu việc"       # printing is not a key of the province list
top_line | grep -qF "Trợ giúp" || fail "top bar should say Trợ giúp"
keys f                                  # the search keys are on the next page at 80x24
wait_for "Giữ bộ lọc và trở về danh sách"
keys Escape
wait_gone "Thoát khỏi ntm"
wait_for "Tỉnh ("

select_row "Hà Tĩnh"; keys Enter
select_row "An Hòa Thịnh"; keys Enter
select_row "Nậy"; keys Enter
wait_for "Đầu việc ("
keys ?
wait_for "Phím trên danh sách đầu việc"
assert_screen "In phiếu đầu việc của thôn ra tệp PDF"
assert_screen "i F2"
assert_screen "Hiện/ẩn ô chi tiết"
keys q                                  # q closes the help (it does not quit from there)
wait_for "Đầu việc ("
alive || fail "q in the help should close the help, not quit"
quit
echo "ok: help"
