#!/bin/sh
# A bad ntm.ini stops ntm with a message naming file, line, section and key; exit 1;
# the database is not touched. A good one is used.
set -u
fail() { echo "FAIL: $*"; exit 1; }
cd "$WORK" || exit 1
"$NTM_BIN" demo d.db >/dev/null || fail "demo"
before=$(sha256sum d.db | cut -d' ' -f1)

printf '[database]\npath = %s/d.db\n[pdf]\npaer = A4\n' "$WORK" > bad.ini
out=$("$NTM_BIN" --config bad.ini report tasks --commune "an hoa thinh" --hamlet nay -o x.pdf 2>&1); rc=$?
[ $rc -eq 1 ] || fail "exit status $rc for an unknown key"
echo "$out" | grep -q 'bad.ini:4' || fail "no file:line in: $out"
echo "$out" | grep -q 'paer' || fail "key not named in: $out"
echo "$out" | grep -q 'font_regular' || fail "allowed keys not listed in: $out"
[ ! -e x.pdf ] || fail "a PDF was written despite the bad config"

printf '[pdf]\npaper = A3\n' > bad2.ini
out=$(NTM_CONFIG=$WORK/bad2.ini "$NTM_BIN" --db d.db report tasks --commune 1 --hamlet 1 -o x.pdf 2>&1); rc=$?
[ $rc -eq 1 ] || fail "exit status $rc for a bad value"
echo "$out" | grep -q 'A3' && echo "$out" | grep -q 'A4, A5, Letter' || fail "bad value message: $out"

printf '[ui]\nlanguage = en\n[pdf]\npaper = A3\n' > bad3.ini
out=$("$NTM_BIN" --config bad3.ini --db d.db report tasks --commune 1 --hamlet 1 -o x.pdf 2>&1)
echo "$out" | grep -q 'allowed' || fail "English message expected: $out"

out=$("$NTM_BIN" --config "$WORK/nope.ini" --help 2>&1); rc=$?
[ $rc -eq 0 ] || fail "--help must not need the config"
out=$("$NTM_BIN" --config "$WORK/nope.ini" --db d.db report tasks 2>&1); rc=$?
[ $rc -ne 0 ] || fail "a missing --config file must be an error"
echo "$out" | grep -q 'nope.ini' || fail "missing file not named: $out"

after=$(sha256sum d.db | cut -d' ' -f1)
[ "$before" = "$after" ] || fail "the database changed"
echo ok
