#!/bin/sh
# `ntm report tasks --owner NAME`: an organisation's or a person's task sheet across the
# commune's hamlets, the name matched without accents as --hamlet is; a name that fits
# several, or none, lists the candidates with their codes [o3] [p7] and exits 1; the code
# picks one; the default file name as the hamlet sheet's; --print sends it.
set -u
fail() { echo "FAIL: $*"; exit 1; }
cd "$WORK" || exit 1
"$NTM_BIN" demo d.db >/dev/null || fail "demo"
text() { pdftotext -raw "$1" - 2>/dev/null | tr '\n' ' '; }

out=$("$NTM_BIN" --db d.db report tasks --commune "cam ha" --owner "hoi nong dan" 2>&1) || fail "report: $out"
case "$out" in */ntm-pdf/phieu-dau-viec-cam-ha-hnd-20220620.pdf) ;; *) fail "default file name: $out" ;; esac
t=$(text "$out")
for s in "PHIẾU ĐẦU VIỆC" "Hội Nông dân - Xã Cẩm Hà" "Thôn" "Tiến Thắng" "Toàn xã" "Kỳ này" "V2"; do
    echo "$t" | grep -qF "$s" || fail "'$s' not on the Hội Nông dân sheet"
done
echo "$t" | grep -qF "Hội Cựu chiến binh" && fail "another organisation's task on the sheet"

"$NTM_BIN" --db d.db report tasks --commune "son kim 2" --owner "nguyet" -o p.pdf >/dev/null 2>&1 || fail "a person"
text p.pdf | grep -qF "Nguyễn Thị Nguyệt - Xã Sơn Kim 2" || fail "the person's sheet"

out=$("$NTM_BIN" --db d.db report tasks --commune "cam ha" --owner "hoi" -o x.pdf 2>&1); rc=$?
[ $rc -eq 1 ] || fail "ambiguous owner: exit $rc"
echo "$out" | grep -qF "Hội Nông dân (HND) [o" && echo "$out" | grep -qF "Hội Cựu chiến binh" || fail "candidates: $out"
code=$(echo "$out" | grep -F "Hội Nông dân (HND)" | grep -o '\[o[0-9]*\]' | tr -d '[]')
"$NTM_BIN" --db d.db report tasks --commune "cam ha" --owner "$code" -o code.pdf >/dev/null 2>&1 || fail "--owner $code"
text code.pdf | grep -qF "Hội Nông dân - Xã Cẩm Hà" || fail "--owner $code is not Hội Nông dân"
out=$("$NTM_BIN" --db d.db report tasks --commune "cam ha" --owner "khong co ai" -o x.pdf 2>&1); rc=$?
[ $rc -eq 1 ] || fail "unknown owner: exit $rc"
echo "$out" | grep -qF "HND [o" || fail "unknown owner: candidates not listed: $out"
[ ! -e x.pdf ] || fail "x.pdf written on error"
out=$("$NTM_BIN" --db d.db report tasks --commune "cam ha" --owner hnd --hamlet "tien thang" -o x.pdf 2>&1); rc=$?
[ $rc -eq 2 ] || fail "--owner with --hamlet must be a usage error, got $rc"

printf '#!/bin/sh\nprintf "%%s\\n" "$@" > "%s/printed"\n' "$WORK" > fakelp; chmod +x fakelp
printf '[output]\nprint_command = %s/fakelp\n' "$WORK" > p.ini
"$NTM_BIN" --config p.ini --db d.db report tasks --commune "cam ha" --owner hnd -o "h n d.pdf" --print >/dev/null 2>&1 || fail "--print"
[ "$(cat printed)" = "h n d.pdf" ] || fail "print command got: $(cat printed)"
"$NTM_BIN" --help | grep -qF -- '--owner' || fail "--help lists --owner"
echo "ok: cli_owner"
