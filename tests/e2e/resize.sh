# resize: at 60x20 the screen says it is too small (with the size), at 80x24 it is back,
# at 120x40 the task detail moves to the right of the list; the process lives on.
. "$(dirname "$0")/lib.sh"
make_demo
start_ntm 80 24
wait_for "Hà Tĩnh"
tm resize-window -t ntm -x 60 -y 20
wait_for "Cửa sổ quá nhỏ"
assert_screen "60x20"
assert_screen "80x24"
assert_absent "Ngày:"
alive || fail "ntm died at 60x20"

tm resize-window -t ntm -x 80 -y 24
wait_for "Ngày: 20/06/2022"
assert_screen "Hà Tĩnh"
assert_absent "Cửa sổ quá nhỏ"
alive || fail "ntm died at 80x24"

select_row "Hà Tĩnh"; keys Enter
select_row "An Hòa Thịnh"; keys Enter
select_row "Nậy"; keys Enter
wait_for "Chi tiết"                     # 80 columns: the detail pane under the list
tm resize-window -t ntm -x 120 -y 40
wait_for "Chi tiết đầu việc"            # 120 columns: a pane on the right, with its header
screen_text | grep -F "Đầu việc (" | grep -qF "│ Chi tiết đầu việc" || fail "the detail pane is not beside the list at 120x40"
tm resize-window -t ntm -x 79 -y 24
wait_for "79x24"
tm resize-window -t ntm -x 80 -y 24
wait_for "Đầu việc ("
alive || fail "ntm died while resizing"
quit
echo "ok: resize"
