# concurrent: a short run of the torture writers (make torture runs 8 for 3 minutes):
# 4 sessions at once on the demo for 3 s, progress reports on shared tasks and edits of
# tasks read earlier, an online backup each second. No lock error reaches anyone, no
# acknowledged report is missing, no edit overwrites another's (each is refused as a
# conflict, with its message), and ntm check finds nothing.
set -u
: "${NTM_BIN:?}" "${WORK:?}"
DRIVER=$(dirname "$NTM_BIN")/tests/torture_writers
[ -x "$DRIVER" ] || { echo "FAIL: $DRIVER not built (make check builds it)"; exit 1; }
"$NTM_BIN" demo "$WORK/d.db" >/dev/null || { echo "FAIL: demo"; exit 1; }
"$DRIVER" "$WORK/d.db" 3 4 "$WORK" >"$WORK/out" 2>&1; rc=$?
cat "$WORK/out"
[ $rc = 0 ] || { echo "FAIL: concurrent writers"; exit 1; }
grep -q "lock errors shown: 0 " "$WORK/out" || { echo "FAIL: lock errors"; exit 1; }
echo "ok: concurrent"
