# print: "i" on the hamlet Nậy writes its task sheet; the status line shows the PDF's
# path, the file exists and its text has the title PHIẾU ĐẦU VIỆC. Needs reports/ and
# pdftotext (poppler-utils).
. "$(dirname "$0")/lib.sh"
command -v pdftotext >/dev/null || { echo "FAIL: pdftotext missing (apt-get install poppler-utils)"; exit 1; }
make_demo
start_ntm 80 24
wait_for "Hà Tĩnh"
select_row "Hà Tĩnh"; keys Enter
select_row "An Hòa Thịnh"; keys Enter
select_row "Nậy"
keys i                                  # from the hamlet list
wait_for ".pdf" 15
assert_screen "Đã ghi phiếu:"
shown=$(screen_text | grep -o '~/[^ ]*\.pdf' | head -n 1)
[ -n "$shown" ] || fail "no ~/...pdf path in the status line"
file=$WORK${shown#\~}
[ -s "$file" ] || fail "the PDF named on screen does not exist: $file"
pdftotext "$file" - 2>/dev/null | grep -qF "PHIẾU ĐẦU VIỆC" || fail "pdftotext does not find PHIẾU ĐẦU VIỆC in $file"
pdftotext "$file" - 2>/dev/null | grep -qF "Nậy" || fail "the sheet does not name Nậy"

rm -f "$file"
keys Enter                              # and from Nậy's task list, with F2 (PuTTY sends ESC[12~)
wait_for "Đầu việc ("
type_text "${ESC}[12~"
wait_for ".pdf" 15
[ -s "$file" ] || fail "F2 on the task list did not write $file"
quit
echo "ok: print"
