# search: "/" filters the list as you type, accents ignored: "son tien" finds Sơn Tiến
# among the communes, "nay" finds Nậy among An Hòa Thịnh's hamlets, "duc" finds Đức Thịnh
# (đ = d); the others are hidden. Esc clears; Enter keeps the filter and Enter then opens.
. "$(dirname "$0")/lib.sh"
make_demo
start_ntm 80 24
wait_for "Hà Tĩnh"
select_row "Hà Tĩnh"; keys Enter
wait_for "Sơn Kim 2"

keys /
wait_for "Tìm:"
type_text "son tien"
wait_for "Tìm: son tien"
wait_gone "Sơn Kim 2"
assert_screen "Sơn Tiến"
assert_absent "An Hòa Thịnh"
assert_absent "Cẩm Hà"
keys Escape
wait_for "An Hòa Thịnh"                 # Esc cleared the search: all communes again
assert_screen "Sơn Kim 2"
assert_absent "Tìm:"

select_row "An Hòa Thịnh"; keys Enter
wait_for "Trung Mỹ"
keys /
type_text "nay"
wait_for "Tìm: nay"
wait_gone "Trung Mỹ"
assert_screen "Nậy"
assert_absent "Phúc Thịnh"
assert_absent "Bình Hòa"
keys Enter                              # keep the filter, back to the list
wait_for 'Lọc: "nay"'
assert_absent "Trung Mỹ"
keys Enter                              # and open the one row left
wait_for "Đầu việc ("
top_line | grep -qF "Nậy" || fail "Enter on the filtered list did not open Nậy"

keys Escape
wait_for 'Lọc: "nay"'                   # the hamlet list kept its filter
keys Escape                             # Esc on a filtered list clears the filter first
wait_for "Trung Mỹ"
top_line | grep -qF "An Hòa Thịnh" || fail "clearing the filter should not leave the hamlet list"
keys /
type_text "duc"
wait_for "Tìm: duc"
wait_gone "Trung Mỹ"
assert_screen "Đức Thịnh"
keys Escape
wait_for "Trung Mỹ"

# Typed with accents, precomposed or decomposed (Unikey "Unicode tổ hợp": a + U+0323 + U+0302).
keys /
type_text "Nậy"
wait_gone "Trung Mỹ"
assert_screen "Nậy"
keys Escape
wait_for "Trung Mỹ"
keys /
type_text "$(printf 'Na\314\243\314\202y')"
wait_gone "Trung Mỹ"
assert_screen "Nậy"
keys BSpace BSpace BSpace BSpace            # back to "N": more hamlets match again
wait_for "Trung Mỹ"
keys Escape
wait_for "Phúc Thịnh"
quit
echo "ok: search"
