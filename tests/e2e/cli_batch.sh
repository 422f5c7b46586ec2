#!/bin/sh
# ntm-batch: the commands without the full screen, for cron jobs and province servers
# that have no terminal library. ldd lists no curses (ncurses, tinfo); it writes the
# weekly report, an export and the tour list as ntm does; with no command it says to use
# ntm (usage error), it never opens a screen.
set -u
fail() { echo "FAIL: $*"; exit 1; }
BATCH=$(dirname "$NTM_BIN")/ntm-batch
[ -x "$BATCH" ] || fail "no $BATCH"
cd "$WORK" || exit 1
libs=$(ldd "$BATCH") || fail "ldd $BATCH"
echo "$libs" | grep -E 'libncurses|libtinfo|libform|libpanel' && fail "ntm-batch links a terminal library"
echo "$libs" | grep -q libsqlite3 || fail "ldd does not list libsqlite3 (is it the right file?): $libs"
"$BATCH" demo d.db >/dev/null || fail "demo"
"$BATCH" --db d.db report weekly --commune "an hoa thinh" -o week.pdf >out.txt || fail "report weekly: $(cat out.txt)"
grep -qx "week.pdf" out.txt || fail "report weekly printed: $(cat out.txt)"
pdftotext week.pdf - | grep -q "BÁO CÁO" || fail "the weekly report has no title"
"$BATCH" --db d.db export tasks --commune "an hoa thinh" -o tasks.csv >/dev/null || fail "export"
grep -q "Nậy" tasks.csv || fail "the export lacks thôn Nậy"
"$NTM_BIN" --db d.db export tasks --commune "an hoa thinh" -o tasks2.csv >/dev/null || fail "ntm export"
cmp -s tasks.csv tasks2.csv || fail "ntm-batch and ntm export differ"
"$BATCH" --db d.db tours >tours.txt || fail "tours"
grep -q "Sơn Kim 2" tours.txt || fail "tours does not list Sơn Kim 2: $(cat tours.txt)"
"$BATCH" --db d.db </dev/null >out.txt 2>err.txt; rc=$?
[ $rc -eq 2 ] || fail "no command: exit $rc, want 2"
grep -q "ntm" err.txt || fail "no command: no message"
"$BATCH" --help | grep -q "report weekly" || fail "--help"
echo ok
