#!/bin/sh
# make bench: a province-scale database (100 communes, 1,000 hamlets, 150,000 tasks)
# built once into build/bench.db, then the first screens' queries timed.
set -eu
NTM=${1:-build/ntm}
BUILD=$(dirname "$NTM")
DB=$BUILD/bench.db
if [ ! -f "$DB" ]; then
    echo "building $DB (once) ..."
    "$NTM" demo "$DB.tmp" >/dev/null
    sqlite3 "$DB.tmp" < tests/bench_gen.sql
    /usr/bin/time -f "reindex: %e s" "$NTM" --db "$DB.tmp" reindex
    mv "$DB.tmp" "$DB"
fi
echo "database: $(du -h "$DB" | cut -f1)"
"$BUILD/tests/bench_model" "$DB"
"$BUILD/tests/bench_model" "$DB" >/dev/null   # warm cache
echo "-- second run (warm page cache):"
"$BUILD/tests/bench_model" "$DB"
# The papers up the chain at province scale, as cron runs them (the whole command: open,
# numbers, PDF written): a commune's weekly report (1,500 tasks) and the province's (100
# communes, 150,000 tasks), this week (as of the demo's day) and a past week (rebuilt from
# the reports after it). Goal: under 1 s and 20 MB each.
echo "-- period reports (ntm report ..., PDF written; wall time, peak RSS):"
for args in "weekly --commune 100001" "weekly --province 100000" "monthly --province 100000" \
            "weekly --commune 100001 --week 10 --year 2022" "weekly --province 100000 --week 10 --year 2022"; do
    # shellcheck disable=SC2086
    /usr/bin/time -f "report $args: %e s, %M KB" "$NTM" --db "$DB" report $args -o "$BUILD/bench-report.pdf" >/dev/null
done
rm -f "$BUILD/bench-report.pdf"
echo "-- exports (all $(sqlite3 "$DB" 'select count(*) from task') tasks of the province):"
for f in csv xlsx; do
    /usr/bin/time -f "ntm export tasks -o *.$f     %e s, peak RSS %M KB" "$NTM" --db "$DB" export tasks -o "$BUILD/bench-tasks.$f" >/dev/null
    echo "    $(du -h "$BUILD/bench-tasks.$f" | cut -f1) $BUILD/bench-tasks.$f"
done
