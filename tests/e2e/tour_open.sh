# tour_open: t on Sơn Kim 2's hamlet list opens the commune's tours; Enter opens seed
# 004's tour: the stops in route order, first "Cầu tràn Kim Bình", last "Đồng chè Đượng
# Dâu", each followed by its ten checks (1.1 ... 12.10) marked · (not checked yet). The
# bar and the help name the tour keys; at 120x40 the detail pane is on the right; with
# LANG=C the marks and text are ASCII. From the commune list, t opens the selected
# commune's tours; A there shows every commune's.
. "$(dirname "$0")/lib.sh"
make_demo

# to Sơn Kim 2's hamlets, t, Enter on its only tour
open_tour() {
    wait_for "$1"
    select_row "$1"; keys Enter
    wait_for "$2"
    select_row "$2"; keys Enter
    wait_for "$3"
    keys t
    wait_for "$4"
    keys Enter
    wait_for "$5"
}

start_ntm 80 24
open_tour "Hà Tĩnh" "Sơn Kim 2" "Thôn (" "Tour kiểm tra (1)" "1. Cầu tràn Kim Bình"
top_line | grep -qF "Tour tuyến kiểm tra, đánh giá NTM xã Sơn Kim 2" || fail "top bar does not name the tour"
screen_text | sed -n 3p | grep -qE '^ 1\. Cầu tràn Kim Bình — Cầu, thôn Kim Bình +·10$' \
    || fail "first row is not stop 1 with its ten unchecked checks"
screen_text | sed -n 4p | grep -qE '^ +1\.1 +· Hàng rào xanh' || fail "second row is not check 1.1 (hedges)"
assert_screen "12 điểm"
assert_screen "·120"                           # 120 checks, none recorded
screen_text | tail -n 1 | grep -qF "R Nhập KQ" || fail "bar lacks R Nhập KQ"
screen_text | tail -n 1 | grep -qF "F Khắc phục" || fail "bar lacks F Khắc phục"
screen_text | tail -n 1 | grep -qF "q Thoát" || fail "bar lost q Thoát at 80 columns"
keys G
wait_for "12. Đồng chè Đượng Dâu — Cánh đồng"
selected_row | grep -qF "12.10" || fail "G did not go to the last check 12.10"
# the route order, stop by stop, as stored
order=$(sqlite3 "$WORK/d.db" "SELECT group_concat(name, '|') FROM (SELECT name FROM tour_stop WHERE tour_id = 1 ORDER BY seq)")
case "$order" in "Cầu tràn Kim Bình|"*"|Đồng chè Đượng Dâu") ;; *) fail "route order in the database: $order";; esac
keys g
selected_row | grep -qF "1. Cầu tràn Kim Bình" || fail "g did not go back to stop 1"
wait_for "Mốc: Điểm bắt đầu tour tuyến"      # the detail pane, under the list at 80 columns

keys ?
wait_for "Phím trên tour kiểm tra"
assert_screen "Nhập kết quả theo mã"
assert_screen "K Shift-↑"
assert_absent "#3"                            # every key has a name
keys Escape
wait_gone "Phím trên tour kiểm tra"
keys Escape
wait_for "Tour kiểm tra (1)"
assert_screen "Tour tuyến kiểm tra, đánh giá"
keys Escape
wait_for "Thôn ("
keys Escape
wait_for "Xã ("
select_row "Sơn Kim 2"
keys t                                        # the commune list: the selected commune
wait_for "Tour kiểm tra (1)"
top_line | grep -qF "Tour kiểm tra Sơn Kim 2" || fail "from the commune list the path should name Sơn Kim 2"
keys A                                        # every commune's tours, with their commune
wait_for "Tour kiểm tra của mọi xã"
screen_text | sed -n 2p | grep -qF " Xã " || fail "all communes: no commune column"
keys A
wait_for "Tour kiểm tra Sơn Kim 2"
quit

start_ntm 120 40
open_tour "Hà Tĩnh" "Sơn Kim 2" "Thôn (" "Tour kiểm tra (1)" "1. Cầu tràn Kim Bình"
screen_text | sed -n 2p | grep -qF "│ Chi tiết" || fail "no detail pane on the right at 120 columns"
screen_text | grep -F "Cầu tràn Kim Bình — Cầu" | grep -qF "│ 1. Cầu tràn Kim Bình" \
    || fail "the detail pane does not show the selected stop"
quit

start_ntm 80 24 LANG=C
open_tour "Ha Tinh" "Son Kim 2" "Thon (" "Tour kiem tra (1)" "1. Cau tran Kim Binh - Cau, thon Kim Binh"
screen_text | sed -n 4p | grep -qE '^ +1\.1 +\. Hang rao xanh' || fail "no ASCII mark . on check 1.1"
assert_absent "·"
quit
echo "ok: tour_open"
