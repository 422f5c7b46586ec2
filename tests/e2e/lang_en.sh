#!/bin/sh
# The messages through gettext: LANGUAGE=en shows English screens (a list, the dashboard,
# ? help, a form) and writes English PDF headings, with LANG=C.UTF-8 and with LANG=C (the
# unaccented fallback, where glibc's own gettext would ignore LANGUAGE); [ui] language = en
# in ntm.ini does the same without LANGUAGE; LANGUAGE=vi beats language = en; without a
# catalogue (NTM_LOCALEDIR elsewhere) the screens stay whole, in Vietnamese.
. "$(dirname "$0")/lib.sh"
make_demo
cd "$WORK" || exit 1
printf '[ui]\nlanguage = en\n' >"$WORK/en.ini"

start_ntm 100 30 LANGUAGE=en
wait_for "Date: 20/06/2022"
assert_screen "Province (2)"
assert_screen "q Quit"
assert_absent "Thoát"
keys Enter
wait_for "Commune (4)"
assert_screen "Met NTM standard"
keys '?'
wait_for "Keys on the commune list"
assert_screen "Open the selected row (commune, hamlet, tasks)"
assert_absent "Trợ giúp"
keys Escape
wait_gone "Keys on the commune list"
keys e                                             # a form: its title, labels and help line
wait_for "Edit commune An Hòa Thịnh"
assert_screen "Commune name *"
assert_screen "Esc: cancel"
keys Escape
wait_gone "Commune name *"
keys D                                             # the dashboard
wait_for "Dashboard: An Hòa Thịnh commune"
assert_screen "Longest overdue"
assert_screen "▲ praised"
quit

# ntm opens where it was left: the dashboard
start_ntm 100 30 LANG=C LANGUAGE=en                # ASCII terminal: unaccented, still English
wait_for "Dashboard: An Hoa Thinh commune"
assert_screen "Longest overdue"
assert_screen "q Quit"
quit

start_ntm 100 30 NTM_CONFIG=$WORK/en.ini           # [ui] language = en, no LANGUAGE
wait_for "Dashboard: An Hòa Thịnh commune"
assert_screen "q Quit"
quit

start_ntm 100 30 NTM_CONFIG=$WORK/en.ini LANGUAGE=vi   # LANGUAGE beats ntm.ini
wait_for "Ngày: 20/06/2022"
assert_screen "q Thoát"
assert_screen "Tổng hợp"
quit

start_ntm 100 30 LANGUAGE=en NTM_LOCALEDIR=$WORK/none  # no catalogue: Vietnamese, whole
wait_for "Ngày: 20/06/2022"
assert_screen "? Trợ giúp"
quit

# The PDF headings, with both ways of asking for English, and Vietnamese when asked.
pdf_text() { pdftotext -raw "$1" - 2>/dev/null | tr '\n' ' '; }
sheet() {   # sheet OUT.pdf VAR=value...: the hamlet Nậy's task sheet
    out=$1; shift
    env "$@" "$NTM_BIN" --db d.db report tasks --commune "an hoa thinh" --hamlet nay -o "$out" >"$out.log" 2>&1 ||
        { cat "$out.log"; fail "report tasks $*"; }
}
sheet en.pdf LANGUAGE=en
sheet c.pdf LANGUAGE=en LANG=C LC_ALL=C
sheet ini.pdf NTM_CONFIG=$WORK/en.ini
sheet vi.pdf NTM_CONFIG=$WORK/en.ini LANGUAGE=vi
for f in en.pdf c.pdf ini.pdf; do
    t=$(pdf_text $f)
    for s in "TASK SHEET" "How to fill in" "Nậy" "This period" "Deadline"; do   # the title, the columns
        echo "$t" | grep -qF "$s" || fail "$f: no '$s' in: $t"
    done
    for s in "PHIẾU ĐẦU VIỆC" "Kỳ này" "Nội dung công việc"; do
        echo "$t" | grep -qF "$s" && fail "$f: the Vietnamese '$s' in an English sheet"
    done
done
pdf_text vi.pdf | grep -qF "PHIẾU ĐẦU VIỆC" || fail "LANGUAGE=vi: not the Vietnamese heading"
# A command's own message follows LANGUAGE too, even before ntm.ini is read.
out=$(LANGUAGE=en "$NTM_BIN" --db d.db report tasks --commune 2>&1)
echo "$out" | grep -q "[a-z]" && ! echo "$out" | grep -q "cần\|thiếu" || fail "usage error not in English: $out"
echo ok
