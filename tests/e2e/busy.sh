# busy: another program holds the write lock longer than [database] busy_timeout (here
# the sqlite3 shell in a long transaction). ntm waits that long, then says the database
# is busy, to try again, and that nothing was lost; never SQLite's "database is locked".
# The command line exits 1 and changes nothing; in the interface the progress form stays
# open with what was typed, and F2 once the lock is gone saves it.
. "$(dirname "$0")/lib.sh"
make_demo
cd "$WORK" || exit 1
sq() { sqlite3 "$WORK/d.db" "$1"; }
printf '[database]\nbusy_timeout = 300\n' >c.ini
n0=$(sq "select count(*) from progress")

# hold_lock: a write transaction open in another process until release_lock (30 s at
# most); returns once it holds. Released by the test, not by a clock, so a slow machine
# cannot let the lock go before ntm has met it.
hold_lock() {
    rm -f locked release
    ( printf 'BEGIN IMMEDIATE;\nINSERT INTO meta(key, value) VALUES (%s, 1);\n.output locked\nSELECT 1;\n.output stdout\n' "'lock'"
      n=300; while [ ! -e release ] && [ $n -gt 0 ]; do sleep 0.1; n=$((n - 1)); done
      printf 'ROLLBACK;\n' ) | sqlite3 d.db >/dev/null &
    holder=$!
    tries=50; while [ ! -s locked ] && [ $tries -gt 0 ]; do sleep 0.1; tries=$((tries - 1)); done
    [ -s locked ] || fail "the other program did not get the lock"
}
release_lock() { touch release; wait $holder; }

# ---- the command line
"$NTM_BIN" --db d.db export tasks --commune "an hoa thinh" -o t.csv >/dev/null || fail "export"
sed -i 's/Đường trục thôn Thiên Nhẫn/Đường trục thôn THIÊN NHẪN/' t.csv
hold_lock
start=$(date +%s%N)
"$NTM_BIN" --config c.ini --db d.db import tasks t.csv --commune "an hoa thinh" >out 2>err; rc=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ $rc = 1 ] || fail "import under a held lock exited $rc"
grep -q "CSDL đang bận" err && grep -q "Chưa có gì bị mất" err || fail "busy message: $(cat err)"
! grep -qi "locked" err out || fail "SQLite's own words reached the user: $(cat err)"
kill -0 $holder 2>/dev/null || fail "the lock was let go before ntm gave up (${ms} ms)"
[ $ms -lt 5000 ] || fail "waited ${ms} ms, more than busy_timeout allows"
release_lock
[ "$(sq "select count(*) from task where title like '%THIÊN NHẪN%'")" = 0 ] || fail "the refused import wrote"

# ---- the interface: the form keeps the typing, F2 later saves
start_ntm 80 24 -- --config "$WORK/c.ini" --db "$WORK/d.db"
wait_for "Hà Tĩnh"
open_hamlet "An Hòa Thịnh" "Nậy"
select_row "/2 km"
keys p
wait_for "Tiến độ 1,4/2 km"
type_text "0,3"
hold_lock
keys F2
wait_for "đang bận"
assert_screen "Chưa có gì bị mất"
assert_screen "0,3"                          # the form is still open with the typing
screen_text | grep -qi "locked" && fail "SQLite's own words on screen"
release_lock
keys F2
wait_for "Đã lưu báo cáo: 1,4/2 km (70%) → 1,7/2 km (85%)"
quit
[ "$(sq "select count(*) from progress")" = $((n0 + 1)) ] || fail "the report was not saved once"
echo "ok: busy"
