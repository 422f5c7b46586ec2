# entry_records: the records lists behind the tasks. From An Hòa Thịnh's hamlet list: O
# lists the commune's organisations, n adds the Women's Union (kind chosen by its first
# letter); P lists the people, n adds one whose organisation is picked by typing "hpn"
# (the picker ignores accents), e edits the phone. d on the organisation is refused while
# the person belongs to it (the model's message on the status line), d on the person then
# on the organisation deletes both after the question. E on Nậy lists its households; n
# adds one with two survey answers. sqlite3 checks every row.
. "$(dirname "$0")/lib.sh"
make_demo
sq() { sqlite3 "$WORK/d.db" "$1"; }
orgs0=$(sq "select count(*) from org"); people0=$(sq "select count(*) from person")

start_ntm 80 24
wait_for "Hà Tĩnh"
select_row "Hà Tĩnh"; keys Enter
wait_for "Xã ("
select_row "An Hòa Thịnh"; keys Enter
wait_for "Thôn ("

keys O
wait_for "Tên tổ chức (4)"
top_line | grep -qF "Tổ chức xã An Hòa Thịnh" || fail "the organisations list should name the commune"
keys n
wait_for "Thêm tổ chức"
type_text "Hội Liên hiệp Phụ nữ xã"
keys Tab
type_text "HPN"
keys Tab d d                             # Khác -> Đảng -> Đoàn thể
wait_for "Đoàn thể"
keys F2
wait_for 'Đã lưu tổ chức "Hội Liên hiệp Phụ nữ xã"'
wait_for "Tên tổ chức (5)"

keys P                                   # people replace the organisations
wait_for "Họ và tên (1)"
keys n
wait_for "Thêm người"
type_text "Lê Thị Hoa"
keys Tab
type_text "Chủ tịch Hội Phụ nữ"
keys Tab Tab
type_text "hpn"                          # a letter on a reference field opens its picker
wait_for "Tìm: hpn"
keys Enter
wait_for "Hội Liên hiệp Phụ nữ xã (HPN)"
keys F2
wait_for 'Đã lưu người "Lê Thị Hoa"'
keys /                                   # search without accents
type_text "le thi hoa"
wait_for "Tìm: le thi hoa"
wait_gone "Nguyễn Hữu Đông"
keys Enter
selected_row | grep -qF "Lê Thị Hoa" || fail "the search did not find Lê Thị Hoa"
keys e
wait_for "Sửa người"
keys Tab Tab
type_text "0912 345 678"
keys F2
wait_for "0912 345 678"

keys Escape                              # clear the filter
wait_for "Nguyễn Hữu Đông"
keys O
wait_for "Tên tổ chức (5)"
select_row "Hội Liên hiệp Phụ nữ xã"
keys d
wait_for 'Xóa tổ chức "Hội Liên hiệp Phụ nữ xã"?'
keys c
wait_for "Không xóa được tổ chức"
[ "$(sq "select count(*) from org")" = $((orgs0 + 1)) ] || fail "a refused delete deleted"
keys P
wait_for "Họ và tên (2)"
select_row "Lê Thị Hoa"
keys d
wait_for 'Xóa người "Lê Thị Hoa"?'
keys c
wait_for "Đã xóa — nhấn u để hoàn tác: người"
wait_for "Họ và tên (1)"
keys O
wait_for "Tên tổ chức (5)"
select_row "Hội Liên hiệp Phụ nữ xã"
keys d
wait_for 'Xóa tổ chức'
keys c
wait_for "Tên tổ chức (4)"

keys Escape
wait_for "Thôn ("
select_row "Nậy"
keys E
wait_for "Chủ hộ (0)"
top_line | grep -qF "Hộ gia đình thôn Nậy" || fail "the households list should name the hamlet"
keys n
wait_for "Thêm hộ"
type_text "Nguyễn Văn Hải"
keys Tab
type_text "Xóm 3, cạnh nhà văn hóa"
keys Tab Space Tab Space Space           # model garden: có; 3 sạch: không
keys F2
wait_for 'Đã lưu hộ "Nguyễn Văn Hải"'
wait_for "Vườn mẫu"
quit

[ "$(sq "select count(*) from org")" = "$orgs0" ] || fail "organisations: $(sq "select count(*) from org"), expected $orgs0"
[ "$(sq "select count(*) from person")" = "$people0" ] || fail "people: expected $people0"
got=$(sq "select head_name || '|' || address || '|' || model_garden || '|' || three_clean || '|' || coalesce(septic_toilet, 'null') from household where hamlet_id = 301")
[ "$got" = "Nguyễn Văn Hải|Xóm 3, cạnh nhà văn hóa|1|0|null" ] || fail "household row: $got"
[ "$(sq "select count(*) from audit where entity = 'person' and action = 'update'")" -ge 1 ] || fail "the phone edit left no audit row"
echo "ok: entry_records"
