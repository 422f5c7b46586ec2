#!/bin/sh
# --today for every command (it was read after the wall clock had been cached, and the
# demo's meta.as_of won over it): Nậy's task sheet seen on 01/05/2021 is dated that year
# and marks overdue only what was due before that day (V23, hố ủ phân, due 31/03/2021),
# not the tasks due in June 2021; the default file name carries that day; the route
# sheet too; the full screen's top bar shows it. NTM_TODAY does the same.
. "$(dirname "$0")/lib.sh"
command -v pdftotext >/dev/null || { echo "FAIL: pdftotext missing (apt-get install poppler-utils)"; exit 1; }
make_demo
cd "$WORK" || exit 1
ntm() { env -u NTM_TODAY "$NTM_BIN" "$@"; }
sheet() { pdftotext -raw "$1" - 2>/dev/null | tr '\n' ' '; }

out=$(ntm --db d.db --today 01/05/2021 report tasks --commune "an hoa thinh" --hamlet nay 2>&1) || fail "report: $out"
case "$out" in *-20210501.pdf) ;; *) fail "default file name is not of 01/05/2021: $out" ;; esac
txt=$(sheet "$out")
echo "$txt" | grep -qF "năm 2021" || fail "the sheet is not dated 2021"
echo "$txt" | grep -qF "năm 2022" && fail "the demo's as-of year (2022) is still printed"
[ "$(echo "$txt" | grep -oF "(quá hạn)" | wc -l)" = 1 ] || fail "only V23 (due 31/03/2021) is overdue on 01/05/2021: $(echo "$txt" | grep -oF "(quá hạn)" | wc -l) marks"
echo "$txt" | grep -qF "31/03/2021 (quá hạn)" || fail "V23's deadline is not marked overdue"

# without --today: the demo's own day, every open task of June 2021 overdue
ntm --db d.db report tasks --commune "an hoa thinh" --hamlet nay -o asof.pdf >/dev/null 2>&1 || fail "report"
[ "$(sheet asof.pdf | grep -oF "(quá hạn)" | wc -l)" = 5 ] || fail "as of 20/06/2022: 5 overdue expected"
# NTM_TODAY, and the other reports
env NTM_TODAY=2021-05-01 "$NTM_BIN" --db d.db report tasks --commune "an hoa thinh" --hamlet nay -o env.pdf >/dev/null 2>&1 || fail "NTM_TODAY"
[ "$(sheet env.pdf | grep -oF "(quá hạn)" | wc -l)" = 1 ] || fail "NTM_TODAY not applied"
ntm --db d.db --today 01/05/2021 report route --tour 1 -o route.pdf >/dev/null 2>&1 || fail "route"
sheet route.pdf | grep -qF "năm 2021" || fail "the route sheet is not dated 2021"
ntm --db d.db --today 32/13/2021 tours >/dev/null 2>&1; [ $? -eq 2 ] || fail "a bad --today must be a usage error"

cd - >/dev/null || exit 1
start_ntm 80 24 -- --db "$WORK/d.db" --today 01/05/2021    # over NTM_TODAY=2022-06-20 of lib.sh too
wait_for "Ngày: 01/05/2021"
quit
echo "ok: cli_today"
