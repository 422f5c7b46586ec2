#!/bin/sh
# Runs every test of one build: unit programs (cmocka), then the end-to-end scripts
# (tmux) and the PDF checks (pdftotext), each with a fresh HOME and fixed LANG/TZ.
# TEST_JOBS tests run at once (default 3: most of an e2e test's time is spent waiting for
# a screen, so three share two cores well; TEST_JOBS=1 runs them one after another).
# Prints one line per test as it ends, then the failures' logs and "N passed, N failed".
BUILD=${BUILD:-build}
NTM_BIN=$(pwd)/$BUILD/ntm
export NTM_BIN LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC
PATH=$(pwd)/tests/pdf/bin:$PATH     # pdftotext that fails a test on any poppler warning
export PATH
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
unset NTM_CONFIG NTM_TODAY
JOBS=${TEST_JOBS:-3}
# Screens are waited for, never slept on: a longer limit only matters when a test fails,
# and tests running side by side make each one slower.
[ "$JOBS" -gt 1 ] && export E2E_TIMEOUT=${E2E_TIMEOUT:-10}

# One test (run by xargs below): its own WORK and HOME; the result in $root/res/NAME.
if [ "${1:-}" = --one ]; then
    root=$2 name=$3; shift 3
    WORK=$root/$(echo "$name" | tr '/.' '__'); mkdir -p "$WORK"
    start=$(date +%s.%N)
    if WORK=$WORK HOME=$WORK "$@" >"$WORK/log" 2>&1 </dev/null && [ ! -s "$WORK/poppler.log" ]; then
        res=ok
    else
        [ -s "$WORK/poppler.log" ] && { echo "FAIL: poppler warned about a PDF:"; cat "$WORK/poppler.log"; } >>"$WORK/log"
        res=FAIL
    fi
    line=$(printf '%-4s %-44s %5.2fs' "$res" "$name" "$(awk "BEGIN{print $(date +%s.%N) - $start}")")
    echo "$line"
    echo "$res $name" >"$root/res/$(echo "$name" | tr '/.' '__')"
    exit 0
fi

root=$(mktemp -d /tmp/ntm-test.XXXXXX)
mkdir -p "$root/res"
{
    for t in "$BUILD"/tests/test_*; do
        [ -x "$t" ] || continue
        case "$t" in *.d|*.o) continue;; esac
        printf '%s\n%s\n' "$(basename "$t")" "$t"
    done
    for t in tests/e2e/*.sh tests/pdf/*.sh; do
        [ -f "$t" ] || continue
        case "$t" in */lib.sh) continue;; esac
        printf '%s\nsh %s\n' "$t" "$t"
    done
} >"$root/list"
echo "== $BUILD: unit, end-to-end (tmux) and PDF tests, $JOBS at a time"
# each test is two lines: its name, then its command (split into words: no spaces in paths)
awk 'NR % 2 == 1 { name = $0; next } { print name; print $0 }' "$root/list" |
    while IFS= read -r name && IFS= read -r cmd; do
        printf '%s\0' "$name $cmd"
    done |
    xargs -0 -P "$JOBS" -I{} sh -c 'r=$1; set -- {}; n=$1; shift; exec sh "$0" --one "$r" "$n" "$@"' tests/run.sh "$root"
pass=0; fail=0; failed=""
for f in "$root"/res/*; do
    [ -f "$f" ] || continue
    read -r res name <"$f"
    if [ "$res" = ok ]; then pass=$((pass + 1)); else fail=$((fail + 1)); failed="$failed $name"; fi
done
total=$(awk 'END { print NR / 2 }' "$root/list")
missing=$((total - pass - fail))
for name in $failed; do
    echo "--- $name:"
    sed 's/^/    | /' "$root/$(echo "$name" | tr '/.' '__')/log" | tail -n 40
done
rm -rf "$root"
[ -n "$failed" ] && echo "failed:$failed"
[ "$missing" -gt 0 ] && echo "$missing test(s) did not report"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$missing" -eq 0 ]
