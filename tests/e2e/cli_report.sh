#!/bin/sh
# `ntm report tasks` from the command line: names without accents, candidates listed on
# an ambiguous or unknown name, the exact Vietnamese titles in the PDF.
set -u
fail() { echo "FAIL: $*"; exit 1; }
cd "$WORK" || exit 1
"$NTM_BIN" demo d.db >/dev/null || fail "demo"
"$NTM_BIN" --db d.db report tasks --commune "an hoa thinh" --hamlet nay -o nay.pdf >out 2>&1 || { cat out; fail "report"; }
[ -s nay.pdf ] || fail "no PDF"
pdftotext -raw nay.pdf - 2>/dev/null | tr '\n' ' ' >nay.txt || fail "pdftotext"   # a title may wrap
for s in "PHIẾU ĐẦU VIỆC" "Nậy" "An Hòa Thịnh" "hàng rào xanh" "hệ thống" "KT. TRƯỞNG BAN" "/PĐV-BCĐ"; do
    grep -q "$s" nay.txt || fail "'$s' not in the PDF text"
done
out=$("$NTM_BIN" --db d.db report tasks --commune "an hoa thinh" --hamlet "khong co" -o x.pdf 2>&1); rc=$?
[ $rc -eq 1 ] || fail "unknown hamlet: exit $rc"
echo "$out" | grep -q "Trung Mỹ" || fail "candidates not listed: $out"
out=$("$NTM_BIN" --db d.db report tasks --commune "son" --hamlet "x" -o x.pdf 2>&1); rc=$?
[ $rc -eq 1 ] || fail "ambiguous commune: exit $rc"
echo "$out" | grep -q "Sơn Tiến" && echo "$out" | grep -q "Sơn Kim 2" || fail "ambiguous candidates: $out"
[ ! -e x.pdf ] || fail "x.pdf written on error"
# --body: another of the commune's issuing bodies, before or after the command; an unknown
# one lists those the commune has
"$NTM_BIN" --db d.db report tasks --commune "an hoa thinh" --hamlet nay --body ubnd -o ubnd.pdf >/dev/null 2>&1 || fail "--body ubnd"
pdftotext ubnd.pdf - 2>/dev/null | grep -q "TM. ỦY BAN NHÂN DÂN" || fail "--body ubnd: not the UBND's signature"
out=$("$NTM_BIN" --db d.db --body hnd report tasks --commune "an hoa thinh" --hamlet nay -o x.pdf 2>&1); rc=$?
[ $rc -eq 1 ] || fail "unknown --body: exit $rc"
echo "$out" | grep -q "bcd" && echo "$out" | grep -q "ubnd" || fail "--body candidates: $out"
"$NTM_BIN" --db d.db issuers --commune "son kim 2" | grep -q "TM. BAN THƯỜNG VỤ / BÍ THƯ: Cao Kỳ Vị" || fail "issuers"
out=$("$NTM_BIN" --db d.db report tasks --commune 2>&1); rc=$?
[ $rc -eq 2 ] || fail "usage error must exit 2, got $rc"
# --print: the configured command gets the PDF as its one last argument, no shell
printf '#!/bin/sh\nprintf "%%s\\n" "$@" > "%s/printed"\n' "$WORK" > fakelp; chmod +x fakelp
printf '[output]\nprint_command = %s/fakelp -d office\n' "$WORK" > p.ini
"$NTM_BIN" --config p.ini --db d.db report tasks --commune "an hoa thinh" --hamlet nay -o "a b.pdf" --print >/dev/null 2>&1 || fail "--print"
[ "$(cat printed)" = "$(printf -- '-d\noffice\na b.pdf')" ] || fail "print command got: $(cat printed)"
"$NTM_BIN" --version | grep -q '^ntm [0-9]' || fail "--version"
"$NTM_BIN" --help | grep -q 'report tasks' || fail "--help lists report tasks"
echo ok
