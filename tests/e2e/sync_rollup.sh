#!/bin/sh
# The province roll-up at a small scale in every `make check`: tests/rollup.sh with 10
# communes (20 hamlets, 300 tasks each): exported, imported, every figure compared with
# the communes' own; shuffled, one twice, one truncated, one of an old schema; a second
# week; a missing number. `make rollup` runs the same with 200 and prints the times.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$WORK" || exit 1
sh "$ROOT/tests/rollup.sh" 10
