#!/bin/sh
# `ntm tours`, `ntm report route` (full and compact) and `ntm report tour-summary`:
# the Sơn Kim 2 tour's stops in the seed's order with their codes, by pdftotext.
set -u
fail() { echo "FAIL: $*"; exit 1; }
cd "$WORK" || exit 1
"$NTM_BIN" demo d.db >/dev/null || fail "demo"
"$NTM_BIN" --db d.db tours > tours.txt || fail "tours"
grep -q "Sơn Kim 2" tours.txt || fail "tours does not list Sơn Kim 2: $(cat tours.txt)"
"$NTM_BIN" --db d.db report route --tour "son kim 2" -o route.pdf >/dev/null || fail "route"
pdftotext route.pdf route.txt 2>/dev/null || fail "pdftotext"
grep -q "PHIẾU KIỂM TRA TOUR TUYẾN" route.txt || fail "title"
first=$(grep -n "Cầu tràn Kim Bình" route.txt | head -1 | cut -d: -f1)
last=$(grep -n "Đồng chè Đượng Dâu" route.txt | head -1 | cut -d: -f1)
[ -n "$first" ] && [ -n "$last" ] && [ "$first" -lt "$last" ] || fail "stop order: first=$first last=$last"
for c in 1.1 3.5 12.10; do grep -qw "$c" route.txt || fail "code $c missing"; done
grep -q "Hàng rào xanh" route.txt || fail "check 1 title missing"
"$NTM_BIN" --db d.db report route --tour 1 --compact -o compact.pdf >/dev/null || fail "compact"
full=$(pdfinfo route.pdf 2>/dev/null | awk '/^Pages:/ {print $2}')
short=$(pdfinfo compact.pdf 2>/dev/null | awk '/^Pages:/ {print $2}')
[ "$short" -lt "$full" ] || fail "compact ($short pages) not shorter than full ($full)"
"$NTM_BIN" --db d.db report tour-summary --tour "son kim" -o sum.pdf >/dev/null || fail "summary"
pdftotext sum.pdf - 2>/dev/null | grep -q "BÁO CÁO KẾT QUẢ KIỂM TRA TOUR TUYẾN" || fail "summary title"
out=$("$NTM_BIN" --db d.db report route --tour "khong co" -o x.pdf 2>&1); rc=$?
[ $rc -eq 1 ] && echo "$out" | grep -q "Sơn Kim 2" || fail "unknown tour: rc=$rc $out"
out=$("$NTM_BIN" --db d.db report route -o x.pdf 2>&1); rc=$?
[ $rc -eq 2 ] || fail "missing --tour must be a usage error, got $rc"
echo ok
