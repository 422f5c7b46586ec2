# view_task_columns: a commune's task list tells the hamlet of each task (the five
# "Khảo sát, tổng hợp khối lượng 10 nội dung..." tasks of Sơn Kim 2 differ only by it):
# beside the detail pane it leads the title, without the pane it has its own column; the
# owner and the quantity never run together ("Nguyễn Thị Ng…215/200 đầu sá…").
. "$(dirname "$0")/lib.sh"
make_demo
start_ntm 100 30
wait_for "Hà Tĩnh"
keys m; type_text "son kim 2"; wait_for "Sơn Kim 2"; keys Enter
wait_for "Thôn (8)"
keys D; wait_for "Tổng hợp xã Sơn Kim 2"
keys T; wait_for "Mọi đầu việc"
for h in "Kim Bình" "Chế Biền" "Thượng Kim" "Làng Chè" "Tiên Phong"; do
    screen_text | grep -F "$h · Khảo sát, t" >/dev/null || fail "$h: the survey task does not say its hamlet"
done
screen_text | grep -F "215/200 đầu sách" >/dev/null || fail "the quantity is cut"
keys v                                   # no detail pane: a column of its own
wait_for "Phụ trách"
screen_text | sed -n 2p | grep -F "Thôn" >/dev/null || fail "no Thôn column: $(screen_text | sed -n 2p)"
screen_text | grep -E "Tiên Phong +Tiên Phong" >/dev/null || fail "the hamlet column"
line=$(screen_text | grep -F "215/200 đầu sách")
echo "$line" | grep -E "[^ ] 215/200 đầu sách|  +215/200 đầu sách" >/dev/null || fail "owner and quantity run together: $line"
echo "$line" | grep -F "…215" >/dev/null && fail "owner and quantity run together: $line"
keys v
keys Escape Escape
wait_for "Thôn (8)"
select_row "Kim Bình"; keys Enter       # one hamlet's list: no hamlet in the rows
wait_for "Đầu việc ("
screen_text | grep -F "Kim Bình · " >/dev/null && fail "a hamlet's own list repeats its name"
quit
