# print_owner: "i" on the organisation list writes the selected organisation's task sheet
# across the hamlets (Hội Nông dân of Cẩm Hà: a task in Tiến Thắng, one for the whole
# commune), on the people list a person's; the path is shown; on the campaign list "i"
# says what it prints instead. Needs pdftotext (poppler-utils).
. "$(dirname "$0")/lib.sh"
command -v pdftotext >/dev/null || { echo "FAIL: pdftotext missing (apt-get install poppler-utils)"; exit 1; }
make_demo
pdf_of_screen() {
    shown=$(screen_text | grep -o '~/[^ ]*\.pdf' | head -n 1)
    [ -n "$shown" ] || fail "no ~/...pdf path in the status line"
    file=$WORK${shown#\~}
    [ -s "$file" ] || fail "the PDF named on screen does not exist: $file"
    pdftotext -raw "$file" - 2>/dev/null | tr '\n' ' '
}
start_ntm 80 24
wait_for "Hà Tĩnh"
select_row "Hà Tĩnh"; keys Enter
select_row "Cẩm Hà"; keys Enter
wait_for "Thôn ("
keys O
wait_for "Hội Nông dân"
select_row "Hội Nông dân"
keys i
wait_for "Đã ghi phiếu:" 15
assert_screen "phieu-dau-viec-cam-ha-hnd-20220620.pdf"
t=$(pdf_of_screen)
for s in "Hội Nông dân - Xã Cẩm Hà" "Thôn" "Tiến Thắng" "Toàn xã" "Kỳ này"; do
    echo "$t" | grep -qF "$s" || fail "'$s' not on the organisation's sheet"
done
keys Escape
wait_for "Thôn ("
keys P
wait_for "Họ và tên"
keys i
wait_for "Đã ghi phiếu:" 15
person=$(screen_text | grep -o 'phieu-dau-viec-cam-ha-[^ ]*\.pdf')
[ -n "$person" ] || fail "no file for the person"
pdf_of_screen | grep -qF "PHIẾU ĐẦU VIỆC" || fail "the person's sheet"
keys Escape
wait_for "Thôn ("
keys c
wait_for "Tên đợt/kế hoạch"
keys i
wait_for "mở danh mục tổ chức (O) hoặc"
quit
echo "ok: print_owner"
