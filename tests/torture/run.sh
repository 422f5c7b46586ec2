#!/bin/sh
# make torture: the long runs that make test leaves out. Figures go to README "Measured".
#   TORTURE_TRIALS  kill -9 trials (100)      TORTURE_SECONDS  writers' run (180)
#   TORTURE_WRITERS concurrent sessions (8)
BUILD=${BUILD:-build}
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC
unset NTM_CONFIG NTM_TODAY
rc=0
echo "== kill -9 during scripted edits (the real ntm: imports and backups)"
sh tests/torture/kill9.sh "$BUILD/ntm" "${TORTURE_TRIALS:-100}" || rc=1
echo "== ${TORTURE_WRITERS:-8} sessions writing for ${TORTURE_SECONDS:-180} s (model API, one connection each)"
W=$(mktemp -d "${TMPDIR:-/tmp}/ntm-writers.XXXXXX")
HOME=$W "$BUILD/ntm" demo "$W/d.db" >/dev/null || rc=1
HOME=$W "$BUILD/tests/torture_writers" "$W/d.db" "${TORTURE_SECONDS:-180}" "${TORTURE_WRITERS:-8}" "$W" || rc=1
rm -rf "$W"
[ $rc = 0 ] && echo "torture: PASS" || echo "torture: FAIL"
exit $rc
