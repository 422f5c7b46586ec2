# input_bad_bytes: one byte that is not UTF-8 (0xFF, or Latin-1 é = 0xE9 as PuTTY with a
# Windows code page or Unikey in TCVN3 mode sends it) must not freeze input: it is dropped
# with a hint about the terminal's character set, and the very next keys work, in a list
# and in a form (typed text, Tab, F2 save, then j and q in the list).
. "$(dirname "$0")/lib.sh"
make_demo
start_ntm 80 24
wait_for "Hà Tĩnh"
select_row "Hà Tĩnh"; keys Enter
wait_for "Xã ("
select_row "An Hòa Thịnh"
tm send-keys -t ntm -H ff                # a stray byte in a list
keys j
wait_for "không phải UTF-8 (byte 0xFF)"
assert_screen "Translation → UTF-8"
selected_row | grep -qF "Cẩm Hà" || fail "j after the stray byte did not move: $(selected_row)"
keys k Enter
wait_for "Thôn (11)"

keys n                                   # a form: é in Latin-1, then plain text
wait_for "Thêm thôn mới"
tm send-keys -t ntm -H e9
type_text "Bcd"
wait_for "byte 0xE9"
tm send-keys -t ntm -H c3                # a lead byte cut off by a plain letter
type_text "x"
keys F2
wait_for 'Đã lưu thôn "Bcdx"'
wait_for "Thôn (12)"
[ "$(sqlite3 "$WORK/d.db" "select count(*) from unit where name = 'Bcdx'")" = 1 ] || fail "the hamlet was not saved as typed"
keys j j
quit
