# navigate: provinces -> Hà Tĩnh -> An Hòa Thịnh -> Nậy with j and Enter; the Nậy task
# list shows the 2 km hedge and the 33 wastewater systems with dd/mm/yyyy deadlines, the
# top bar the path; Esc goes back one screen, q ends the process.
. "$(dirname "$0")/lib.sh"
make_demo
start_ntm 80 24
wait_for "Hà Tĩnh"
wait_for "Ngày: 20/06/2022"
select_row "Hà Tĩnh"; keys Enter
wait_for "Xã ("
select_row "An Hòa Thịnh"; keys Enter
wait_for "Thôn ("
top_line | grep -qF "An Hòa Thịnh" || fail "top bar path lacks An Hòa Thịnh"
select_row "Nậy"; keys Enter
wait_for "Đầu việc ("
top_line | grep -qF "Hà Tĩnh › An Hòa Thịnh › Nậy" || fail "top bar path is not Hà Tĩnh › An Hòa Thịnh › Nậy"

# The hedge: its row shows "/2 km"; selected, the detail pane shows the whole title.
select_row "/2 km"
wait_for "hàng rào xanh"
selected_row | grep -qE '/2 km +[0-3][0-9]/[01][0-9]/[0-9]{4}' || fail "hedge row: no quantity x/2 km with a dd/mm/yyyy deadline"
# The wastewater systems: 33 of them, deadline dd/mm/yyyy.
screen_text | grep -E '/33 ' | grep -qE '[0-3][0-9]/[01][0-9]/[0-9]{4}' || fail "no /33 row with a dd/mm/yyyy deadline"
select_row "/33 "
wait_for "33 hệ thống"

keys Escape
wait_for "Thôn ("
top_line | grep -qF "Nậy" && fail "Esc did not leave Nậy (top bar still names it)"
top_line | grep -qF "An Hòa Thịnh" || fail "after Esc the path should end at An Hòa Thịnh"
quit
echo "ok: navigate"
