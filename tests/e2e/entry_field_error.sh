# entry_field_error: a refusal the model alone can make goes under the field it names
# (db_err_field), without its label: on An Hòa Thịnh's hamlets, a new hamlet named "Nậy"
# (there is one) shows "! đã có thôn "Nậy" ở đây" under the name, not "Tên thôn: ..." on
# the form's message line; a person's phone "số nhà" the same under Điện thoại. Nothing
# is saved.
. "$(dirname "$0")/lib.sh"
make_demo
sq() { sqlite3 "$WORK/d.db" "$1"; }
before="$(sq "select count(*) from unit") $(sq "select count(*) from person")"

start_ntm 80 24
wait_for "Hà Tĩnh"
select_row "Hà Tĩnh"; keys Enter
wait_for "Xã ("
select_row "An Hòa Thịnh"; keys Enter
wait_for "Thôn ("
keys n
wait_for "Thêm thôn mới"
type_text "Nậy"
keys F2
wait_for '! đã có thôn "Nậy" ở đây'
assert_absent "Tên thôn: đã có"          # not the whole message on the form's line
screen_text | grep -B1 -F '! đã có thôn' | head -1 | grep -qF "Tên thôn" || fail "the message is not under the name"
keys Escape
wait_for "Bỏ các thay đổi chưa lưu?"
keys c
wait_gone "Thêm thôn mới"

keys P                                   # the commune's people
wait_for "Họ và tên ("
keys n
wait_for "Điện thoại"
type_text "Nguyễn Văn Thử"
keys Tab Tab
type_text "số nhà"
keys F2
wait_for "! chỉ gồm chữ số, dấu cách và + - . ( )"
assert_absent "Điện thoại: chỉ gồm"
keys Escape
wait_for "Bỏ các thay đổi chưa lưu?"
keys c
wait_gone "! chỉ gồm"
quit
after="$(sq "select count(*) from unit") $(sq "select count(*) from person")"
[ "$after" = "$before" ] || fail "something was saved: $before -> $after"
echo "ok: entry_field_error"
