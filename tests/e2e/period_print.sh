# period_print: the papers up the chain from where the user is. On An Hòa Thịnh's
# dashboard `i` asks which report; "2" (last week: 13/06-19/06/2022, ISO week 24 of the
# demo's 20/06/2022) writes the weekly report into ~/ntm-pdf, the status line shows its
# path, pdftotext finds its title; the same again gets a new name (-2), never the old
# file; Esc in the box prints nothing; `?` lists the key; on the criteria matrix `i`
# writes the criteria report. With [output] print_command set, the file is sent to it.
. "$(dirname "$0")/lib.sh"
command -v pdftotext >/dev/null || { echo "FAIL: pdftotext missing (apt-get install poppler-utils)"; exit 1; }
make_demo
printf '#!/bin/sh\nprintf "%%s\\n" "$@" > "%s/printed"\n' "$WORK" >"$WORK/fakelp"; chmod +x "$WORK/fakelp"
printf '[output]\nprint_command = %s/fakelp -d office\n' "$WORK" >"$WORK/p.ini"

# path_shown: the ~/...pdf path in the status line, as a file name under $WORK
path_shown() {
    shown=$(screen_text | tail -n 2 | grep -o '~/[^ ]*\.pdf' | head -n 1)
    [ -n "$shown" ] || fail "no ~/...pdf path in the status line"
    echo "$WORK${shown#\~}"
}
open_dash() {
    wait_for "Tỉnh ("
    select_row "Hà Tĩnh"; keys Enter
    wait_for "Xã ("
    select_row "An Hòa Thịnh"; keys D
    wait_for "Đến hạn 7 ngày:"
}

start_ntm 100 30
open_dash
keys i
wait_for "In báo cáo gửi cấp trên"
assert_screen "Báo cáo tuần trước (13/06/2022 - 19/06/2022)"
assert_screen "Báo cáo tháng này (01/06/2022 - 30/06/2022)"
keys 2
wait_for "Đã ghi báo cáo:" 20
file=$(path_shown)
[ "$file" = "$WORK/ntm-pdf/bao-cao-tuan-an-hoa-thinh-2022-W24.pdf" ] || fail "unexpected file: $file"
[ -s "$file" ] || fail "the PDF named on screen does not exist: $file"
pdftotext "$file" - 2>/dev/null | grep -qF "TUẦN 24 (TỪ NGÀY 13/06/2022 ĐẾN NGÀY 19/06/2022)" || fail "no week title in $file"
pdftotext "$file" - 2>/dev/null | grep -qF "Biểu dương:" || fail "no praise line in $file"

# the same report again: a new file, the first one kept
keys i
wait_for "In báo cáo gửi cấp trên"
keys Down Enter                           # the second line is last week too
wait_for "W24-2.pdf" 20
[ -s "$WORK/ntm-pdf/bao-cao-tuan-an-hoa-thinh-2022-W24-2.pdf" ] || fail "second report not written"
[ -s "$file" ] || fail "the first report was lost"

keys i
wait_for "In báo cáo gửi cấp trên"
keys Escape
wait_for "Không in."
[ ! -e "$WORK/ntm-pdf/bao-cao-tuan-an-hoa-thinh-2022-W25.pdf" ] || fail "Esc wrote a report"

keys '?'
wait_for "Phím trên"
assert_screen "In báo cáo gửi cấp trên ra PDF"
keys Escape
wait_for "Đến hạn 7 ngày:"

# the criteria matrix: i writes the criteria report of the commune
keys C
wait_for "Xã, thôn ("
keys i
wait_for "Đã ghi báo cáo:" 20
crit=$(path_shown)
[ "$crit" = "$WORK/ntm-pdf/tieu-chi-an-hoa-thinh-2022-06-20.pdf" ] || fail "unexpected criteria file: $crit"
pdftotext "$crit" - 2>/dev/null | grep -qF "Đạt 0/19" || fail "no Đạt 0/19 in $crit"
quit

# with a print command: this month's report is sent to it, as one argument
start_ntm 100 30 -- --config "$WORK/p.ini" --db "$WORK/d.db"
wait_for "Đến hạn 7 ngày:"                 # the dashboard looked at last
keys i
wait_for "In báo cáo gửi cấp trên"
keys 3
wait_for "Đã gửi in:" 20
[ "$(cat "$WORK/printed")" = "$(printf -- '-d\noffice\n%s' "$WORK/ntm-pdf/bao-cao-thang-an-hoa-thinh-2022-06.pdf")" ] ||
    fail "print command got: $(cat "$WORK/printed" 2>/dev/null)"
quit
echo "ok: period_print"
