#!/bin/sh
# Runs every test of one build: unit programs (cmocka), then the end-to-end scripts
# (tmux) and the PDF checks (pdftotext), each with a fresh HOME and fixed LANG/TZ.
# Prints one line per test and, last, "N passed, N failed".
BUILD=${BUILD:-build}
NTM_BIN=$(pwd)/$BUILD/ntm
export NTM_BIN LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC
PATH=$(pwd)/tests/pdf/bin:$PATH     # pdftotext that fails a test on any poppler warning
export PATH
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
unset NTM_CONFIG NTM_TODAY
pass=0; fail=0; failed=""
root=$(mktemp -d /tmp/ntm-test.XXXXXX)

run() {   # run NAME CMD...: one test with its own WORK and HOME
    name=$1; shift
    WORK=$root/$(echo "$name" | tr '/.' '__'); mkdir -p "$WORK"
    start=$(date +%s.%N)
    if WORK=$WORK HOME=$WORK "$@" >"$WORK/log" 2>&1 && [ ! -s "$WORK/poppler.log" ]; then
        pass=$((pass + 1)); res=ok
    else
        [ -s "$WORK/poppler.log" ] && { echo "FAIL: poppler warned about a PDF:"; cat "$WORK/poppler.log"; } >>"$WORK/log"
        fail=$((fail + 1)); res=FAIL; failed="$failed $name"
    fi
    printf '%-4s %-44s %5.2fs\n' "$res" "$name" "$(awk "BEGIN{print $(date +%s.%N) - $start}")"
    if [ $res = FAIL ]; then sed 's/^/    | /' "$WORK/log" | tail -n 40; fi
}

echo "== $BUILD: unit tests"
for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    case "$t" in *.d|*.o) continue;; esac
    run "$(basename "$t")" "$t"
done
echo "== $BUILD: end-to-end (tmux) and PDF tests"
for t in tests/e2e/*.sh tests/pdf/*.sh; do
    [ -f "$t" ] || continue
    case "$t" in */lib.sh) continue;; esac
    run "$t" sh "$t"
done
rm -rf "$root"
[ -n "$failed" ] && echo "failed:$failed"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
