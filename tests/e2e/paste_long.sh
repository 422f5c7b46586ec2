# paste_long: a 10,000-character paste into a 500-character field is not cut silently:
# the field says how many characters were dropped (and beeps once, not 9,500 times);
# what fits is kept and saved.
. "$(dirname "$0")/lib.sh"
make_demo
start_ntm 80 24
wait_for "Hà Tĩnh"
select_row "Hà Tĩnh"; keys Enter
wait_for "Xã ("
select_row "An Hòa Thịnh"; keys Enter
wait_for "Thôn (11)"
select_row "Nậy"; keys Enter
wait_for "Đầu việc (6)"
keys n
wait_for "Thêm đầu việc"
long=$(awk 'BEGIN { for (i = 0; i < 1000; i++) printf "hàng rào "; }')   # 9,000 characters
type_text "$long"
type_text "$(printf '%01000d' 0)"                                      # and 1,000 more
wait_for "đã bỏ 9500 ký tự" 20
keys F2
wait_for "Đầu việc (7)" 10
n=$(sqlite3 "$WORK/d.db" "select length(title) from task where title like 'hàng rào hàng rào%'")
[ "$n" = 499 ] || [ "$n" = 500 ] || fail "saved title length: $n"
quit
