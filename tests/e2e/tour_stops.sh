# tour_stops: on seed 004's tour, a (form: kind, name, hamlet and household through
# pickers, landmark, note) adds stop 13 and keeps the cursor on it; c adds a check to it;
# T applies the 3-SACH template to every stop; K and Shift-↑ move it up, J down; N notes a
# check; e opens the stop's form filled in; d removes a check, then the stop (asking
# first), and the route is numbered 1..12 again. Each step is checked in the database.
. "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || { echo "FAIL: sqlite3 missing (apt-get install sqlite3)"; exit 1; }
make_demo
q() { sqlite3 "$WORK/d.db" "$1"; }
lan() { q "SELECT seq || '|' || kind || '|' || coalesce(hamlet_id, '') || '|' || coalesce(household_id, '') || '|' ||
             coalesce(landmark, '') || '|' || coalesce(note, '') FROM tour_stop WHERE tour_id = 1 AND name = 'Nhà vườn chị Lan'"; }

start_ntm 80 24
wait_for "Hà Tĩnh"
select_row "Hà Tĩnh"; keys Enter
select_row "Sơn Kim 2"; keys Enter
wait_for "Thôn ("
keys t
wait_for "Tour kiểm tra (1)"
keys Enter
wait_for "1. Cầu tràn Kim Bình"

keys a
wait_for "Thêm điểm dừng (thứ 13)"
keys v                                          # kind: the first letter jumps to Vườn
wait_for "‹ Vườn ›"
keys Tab
type_text "Nhà vườn chị Lan"; keys Tab
keys Enter; wait_for "Tìm:"                     # hamlet: picker
type_text "kim binh"; wait_for "2/"             # wait for the filter to narrow (n/N)
keys Enter; wait_gone "Tìm:"
keys Enter; wait_for "Tìm:"                     # household: Kim Bình's households only
wait_for "Hộ Huỳnh (thôn Kim Bình)"
assert_absent "Hộ Vị"
type_text "huynh"; keys Enter; wait_gone "Tìm:"
type_text "Gần cầu tràn"; keys Tab
type_text "Vườn mẫu mới"
keys F2
wait_for "13. Nhà vườn chị Lan — Vườn, thôn Kim Bình"
selected_row | grep -qF "13. Nhà vườn chị Lan" || fail "the cursor is not on the new stop"
[ "$(lan)" = "13|garden|501|1|Gần cầu tràn|Vườn mẫu mới" ] || fail "new stop in the database: $(lan)"

keys c
wait_for "Mục kiểm tra mới tại điểm 13. Nhà vườn chị Lan"
type_text "Cổng ngõ sạch"; keys Enter
wait_for "13.1  · Cổng ngõ sạch"

keys T
wait_for "3-SACH"
type_text "3-sach"; keys Enter
wait_for "Đã thêm 39 mục kiểm tra theo mẫu 3-SACH."
[ "$(q "SELECT count(*) FROM tour_check k JOIN tour_stop s ON s.id = k.stop_id WHERE s.tour_id = 1")" = 160 ] \
    || fail "120 + 1 + 13 x 3 checks expected"

keys / ; type_text "chi lan"; keys Enter       # only the new stop from here on
wait_for "Lọc:"
select_row "13. Nhà vườn chị Lan"
keys K
wait_for "12. Nhà vườn chị Lan"
[ "$(q "SELECT seq FROM tour_stop WHERE tour_id = 1 AND name = 'Đồng chè Đượng Dâu'")" = 13 ] || fail "K: Đồng chè should be 13th"
keys S-Up                                       # Shift-↑ too
wait_for "11. Nhà vườn chị Lan"
keys J
wait_for "12. Nhà vườn chị Lan"
[ "$(lan | cut -d'|' -f1)" = 12 ] || fail "J: the stop should be 12th, is $(lan | cut -d'|' -f1)"
selected_row | grep -qF "12. Nhà vườn chị Lan" || fail "the cursor did not stay on the moved stop"

select_row "Cổng ngõ sạch"
keys N
wait_for "Ghi chú"
type_text "cổng chưa quét"; keys Enter
wait_for "cổng chưa quét"
[ "$(q "SELECT note FROM tour_check WHERE title = 'Cổng ngõ sạch'")" = "cổng chưa quét" ] || fail "N: note not stored"

select_row "12. Nhà vườn chị Lan"
keys e
wait_for "Sửa điểm dừng 12"
assert_screen "Hộ Huỳnh (thôn Kim Bình)"
assert_screen "Gần cầu tràn"
keys Escape
wait_gone "Sửa điểm dừng 12"

select_row "Cổng ngõ sạch"
keys d
wait_for "Bỏ mục 12.1"
keys c
wait_for "Đã bỏ mục 12.1."
[ "$(q "SELECT count(*) FROM tour_check WHERE title = 'Cổng ngõ sạch'")" = 0 ] || fail "d: the check is still there"
wait_for "12.1  · Sạch nhà"                     # renumbered

select_row "12. Nhà vườn chị Lan"
keys d
wait_for "Bỏ điểm dừng 12. Nhà vườn chị Lan cùng 3 mục kiểm tra?"
keys c
wait_for "Đã bỏ điểm dừng \"Nhà vườn chị Lan\"."
[ -z "$(lan)" ] || fail "d: the stop is still in the database"
[ "$(q "SELECT group_concat(seq) FROM (SELECT seq FROM tour_stop WHERE tour_id = 1 ORDER BY seq)")" = "1,2,3,4,5,6,7,8,9,10,11,12" ] \
    || fail "the route is not numbered 1..12 again"
[ "$(q "SELECT seq FROM tour_stop WHERE tour_id = 1 AND name = 'Đồng chè Đượng Dâu'")" = 12 ] || fail "Đồng chè should be 12th again"
keys Escape                                     # clears the filter
wait_for "1. Cầu tràn Kim Bình"
keys G
wait_for "12. Đồng chè Đượng Dâu"
quit
echo "ok: tour_stops"
