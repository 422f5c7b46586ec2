# tour_print: on seed 004's tour, p writes the route sheet, P the compact one, s the
# summary of the results, into [output] pdf_dir. With no print command a box shows the
# whole path (to fetch it over SFTP) and the status line keeps it; pdftotext finds the
# titles. With [output] print_command set, p on the tour list sends the file to it.
. "$(dirname "$0")/lib.sh"
if [ ! -f reports/route_sheet.h ] || [ ! -f reports/tour_summary.h ]; then
    echo "skip: tour_print needs reports/route_sheet.h and reports/tour_summary.h (not written yet)"
    exit 0
fi
command -v pdftotext >/dev/null || { echo "FAIL: pdftotext missing (apt-get install poppler-utils)"; exit 1; }
make_demo

open_tour() {
    wait_for "Hà Tĩnh"
    select_row "Hà Tĩnh"; keys Enter
    select_row "Sơn Kim 2"; keys Enter
    wait_for "Thôn ("
    keys t
    wait_for "Tour kiểm tra (1)"
}
# pdf_shown: the ~/...pdf path on screen, as a file name under $WORK
pdf_shown() {
    shown=$(screen_text | grep -o '~/[^ ]*\.pdf' | head -n 1)
    [ -n "$shown" ] || fail "no ~/...pdf path on screen"
    echo "$WORK${shown#\~}"
}

start_ntm 120 40
open_tour
keys Enter
wait_for "1. Cầu tràn Kim Bình"
keys p
wait_for "Đã ghi tệp PDF" 20
assert_screen "SFTP"
file=$(pdf_shown)
[ -s "$file" ] || fail "the PDF named on screen does not exist: $file"
case "$file" in "$WORK"/ntm-pdf/phieu-kiem-tra-*.pdf) ;; *) fail "route sheet not in ~/ntm-pdf: $file";; esac
pdftotext "$file" - 2>/dev/null | grep -qF "PHIẾU KIỂM TRA TOUR TUYẾN" || fail "pdftotext does not find PHIẾU KIỂM TRA TOUR TUYẾN in $file"
pdftotext "$file" - 2>/dev/null | grep -qF "Đồng chè Đượng Dâu" || fail "the route sheet lacks the last stop"
keys Escape                                     # any key closes the box; the path stays below
wait_gone "Đã ghi tệp PDF"
screen_text | tail -n 2 | grep -qF "Đã ghi: ~/ntm-pdf/phieu-kiem-tra-" || fail "status line lacks the path"

keys P
wait_for "Đã ghi tệp PDF" 20
compact=$(pdf_shown)
case "$compact" in *-gon.pdf) ;; *) fail "compact sheet should end in -gon.pdf: $compact";; esac
[ -s "$compact" ] || fail "no compact sheet $compact"
keys Enter
wait_gone "Đã ghi tệp PDF"

keys s
wait_for "Đã ghi tệp PDF" 20
summary=$(pdf_shown)
case "$summary" in "$WORK"/ntm-pdf/tong-hop-kiem-tra-*.pdf) ;; *) fail "summary file name: $summary";; esac
pdftotext "$summary" - 2>/dev/null | grep -qF "BÁO CÁO KẾT QUẢ KIỂM TRA TOUR TUYẾN" || fail "the summary lacks its title"
keys Enter
quit

# 80x24: the box wraps the long path and still names SFTP
start_ntm 80 24
open_tour
keys p                                          # from the tour list
wait_for "Đã ghi tệp PDF" 20
assert_screen "SFTP"
keys Enter
wait_gone "Đã ghi tệp PDF"
quit

# a print command: the file goes to it, no box
cat >"$WORK/fakelp" <<EOF
#!/bin/sh
cp "\$1" "$WORK/printed.pdf"
EOF
chmod +x "$WORK/fakelp"
printf '[output]\nprint_command = "%s"\n' "$WORK/fakelp" >"$WORK/print.ini"
rm -f "$WORK/printed.pdf"
start_ntm 120 40 NTM_CONFIG=$WORK/print.ini
open_tour
keys p
wait_for "Đã gửi in: ~/ntm-pdf/phieu-kiem-tra-" 20
assert_absent "Đã ghi tệp PDF"
[ -s "$WORK/printed.pdf" ] || fail "the print command did not get the PDF"
pdftotext "$WORK/printed.pdf" - 2>/dev/null | grep -qF "PHIẾU KIỂM TRA TOUR TUYẾN" || fail "the printed file is not the route sheet"
quit
echo "ok: tour_print"
