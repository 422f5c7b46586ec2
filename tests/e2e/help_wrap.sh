# help_wrap: at 80 columns a long help line wraps under itself instead of being cut with
# "…" (the dashboard's Enter: "...bảng tổng hợp của xã, danh sách việc quá hạn"), and
# j scrolls to the last line.
. "$(dirname "$0")/lib.sh"
make_demo
start_ntm 80 24
wait_for "Hà Tĩnh"
select_row "Hà Tĩnh"; keys D
wait_for "Tổng hợp"
keys ?
wait_for "Phím trên bảng tổng hợp"
screen_text | grep -qF "danh sách việc quá hạn" || fail "the Enter line is cut"
screen_text | grep -F "…" && fail "a help line is cut with …"
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30; do keys j; done
wait_for "đã hủy"                        # the marks line, the last of the help
screen_text | grep -F "…" && fail "a help line is cut with … (further down)"
keys Escape
quit
