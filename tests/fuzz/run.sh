#!/bin/sh
# Runs the libFuzzer harnesses built by `make fuzz` (build-fuzz/fuzz_NAME), one after
# another, each for FUZZ_SECONDS in FUZZ_JOBS processes sharing one corpus (-jobs; a
# process stops at its first crash, the others go on; -fork ran 3 times fewer inputs
# here, restarting its short jobs). Each starts from its seeds
# (tests/fuzz/corpus/NAME) and the corpus grown by earlier runs (build-fuzz/run/NAME/
# corpus), with its dictionary (tests/fuzz/dict/NAME.dict). Prints one line per harness:
# executions (all processes), seconds, executions per second, crashes (property
# failures, timeouts, leaks and out-of-memory included; the logs are build-fuzz/run/NAME/
# fuzz-N.log), and the inputs that crashed; exits 1 when any did.
# A crash input is minimised with
#   build-fuzz/fuzz_NAME -minimize_crash=1 -runs=100000 -exact_artifact_path=OUT CRASH
# then fixed and kept in tests/fuzz/regress/NAME/ (test_fuzz_regress replays it).
# Usage: tests/fuzz/run.sh [NAME...]   (default: every harness built)
S=${FUZZ_SECONDS:-60}
J=${FUZZ_JOBS:-2}
top=$(pwd)
[ $# -gt 0 ] || set -- $(ls build-fuzz/fuzz_* 2>/dev/null | grep -v '\.d$' | sed 's|.*/fuzz_||')
max_len() {   # the longest input worth trying, per harness
    case $1 in date|qty) echo 128;; tour) echo 1200;; config|import|csv) echo 4096;; *) echo 16384;; esac
}
# No fill of new blocks and a smaller quarantine: 30% more inputs a second, a fifth of
# the memory (use after free is still caught while the block is in those 32 MB).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:max_malloc_fill_size=0:quarantine_size_mb=32}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# The harnesses' scratch folders (demo databases, exported files) go in one folder that
# is removed at the end, also when a crash left some behind.
NTM_FUZZ_TMP=$(mktemp -d /dev/shm/ntm-fuzz-run.XXXXXX 2>/dev/null || mktemp -d /tmp/ntm-fuzz-run.XXXXXX)
export NTM_FUZZ_TMP
trap 'rm -rf "$NTM_FUZZ_TMP"' EXIT
trap 'exit 130' INT TERM
status=0
summary=""
for name; do
    bin=$top/build-fuzz/fuzz_$name
    [ -x "$bin" ] || { echo "fuzz: no $bin (make fuzz builds it)"; status=1; continue; }
    dir=$top/build-fuzz/run/$name
    rm -rf "$dir/artifacts"
    mkdir -p "$dir/corpus" "$dir/artifacts"
    dict=""
    [ -f "$top/tests/fuzz/dict/$name.dict" ] && dict=-dict=$top/tests/fuzz/dict/$name.dict
    echo "== fuzz $name: ${S}s, $J processes (logs: $dir/fuzz-*.log)"
    start=$(date +%s)
    rm -f "$dir"/fuzz-*.log
    (cd "$dir" && "$bin" -jobs="$J" -workers="$J" -print_final_stats=1 \
        -max_total_time="$S" -timeout=10 -rss_limit_mb=1024 -max_len="$(max_len "$name")" \
        -artifact_prefix="$dir/artifacts/" $dict corpus "$top/tests/fuzz/corpus/$name" >log 2>&1)
    secs=$(($(date +%s) - start))
    execs=0
    for l in "$dir"/fuzz-*.log; do   # each process's count, or its last status line
        n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$l" | tail -n 1)
        [ -n "$n" ] || n=$(grep -a '^#[0-9]' "$l" | tail -n 1 | sed 's/^#\([0-9]*\).*/\1/')
        execs=$((execs + ${n:-0}))
    done
    crashes=$(ls "$dir/artifacts" | wc -l)
    [ "$execs" -gt 0 ] || { echo "    no statistics: see $dir/log"; tail -n 5 "$dir/log"; crashes=$((crashes + 1)); }
    line=$(printf '%-8s %12s executions %6ss %9s/s  %s crash(es)' "$name" "$execs" "$secs" "$((execs / (secs > 0 ? secs : 1)))" "$crashes")
    echo "$line"
    summary="$summary$line
"
    if [ "$crashes" -gt 0 ]; then
        status=1
        ls "$dir/artifacts" | sed "s|^|    $dir/artifacts/|"
    fi
done
echo "== fuzz summary (FUZZ_SECONDS=$S, FUZZ_JOBS=$J)"
printf '%s' "$summary"
exit $status
