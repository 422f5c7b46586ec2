#!/bin/sh
# rollup.sh N: the province roll-up end to end (model/sync.h). N commune files made from
# tests/sync_gen.sql (20 hamlets, 300 tasks each), a week of edits in each, exported and
# imported all at once into a new province file; every commune's figures and the
# province's totals checked against the communes' own files (tests/rollup_check.py);
# then a second week (acknowledged first, so each file is one week's changes); then the
# first week's files again into another province file shuffled, one of them twice, one
# truncated, one from an older schema: those two refused with a message, the rest
# applied, then the missing two applied. `make rollup` runs it with 200 communes and
# prints the figures; tests/e2e/sync_rollup.sh runs it with 10 in `make check`.
set -eu
N=${1:-200}
NTM=${NTM_BIN:-build/ntm}
case "$NTM" in /*) ;; *) NTM=$(pwd)/$NTM ;; esac
ROOT=$(cd "$(dirname "$0")/.." && pwd)
W=${WORK:-$(mktemp -d /tmp/ntm-rollup.XXXXXX)}
export NTM_TODAY=2026-03-20 LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC
fail() { echo "FAIL: $*"; exit 1; }
now() { date +%s.%N; }
secs() { awk "BEGIN { printf \"%.2f\", $2 - $1 }"; }
PROV="Tỉnh Thử Nghiệm"
rm -rf "$W/c" "$W/up1" "$W/up2" "$W/bad" "$W"/p*.db*
mkdir -p "$W/c" "$W/up1" "$W/up2" "$W/bad"

echo "making $N commune files ..."
t0=$(now)
i=1
while [ "$i" -le "$N" ]; do
    db=$W/c/c$i.db
    "$NTM" --db "$db" sync init --province "$PROV" >/dev/null || fail "init c$i"
    sqlite3 "$db" ".parameter set @i $i" ".read $ROOT/tests/sync_gen.sql" ".parameter set @w 1" ".read $ROOT/tests/sync_week.sql" \
        || fail "generate c$i"
    "$NTM" --db "$db" reindex || fail "reindex c$i"
    "$NTM" --db "$db" sync export -o "$W/up1/c$i.ntmsync" >"$W/export.log" || { cat "$W/export.log"; fail "export c$i"; }
    i=$((i + 1))
done
echo "  $(secs "$t0" "$(now)") s; a commune's first file: $(wc -c <"$W/up1/c1.ntmsync") bytes, one of its files: $(du -k "$W/c/c1.db" | cut -f1) KB"

"$NTM" --db "$W/p.db" sync init --province "$PROV" >/dev/null || fail "province init"
t0=$(now)
"$NTM" --db "$W/p.db" sync import "$W"/up1/*.ntmsync >"$W/import1.log" 2>&1 || { tail "$W/import1.log"; fail "import week 1"; }
echo "import of $N first files: $(secs "$t0" "$(now)") s"
[ "$(grep -c 'xung đột' "$W/import1.log")" = "$N" ] || fail "one line per file expected"
python3 "$ROOT/tests/rollup_check.py" "$NTM_TODAY" "$W/p.db" "$W"/c/c*.db || fail "week 1 figures"
# The model's own numbers, as the dashboard shows them, for every commune.
"$NTM" --db "$W/p.db" sync status --tsv | cut -f2,3,8- | sort >"$W/status-p.txt"
for db in "$W"/c/c*.db; do "$NTM" --db "$db" sync status --tsv | cut -f2,3,8-; done | sort >"$W/status-c.txt"
cmp -s "$W/status-p.txt" "$W/status-c.txt" || { diff "$W/status-p.txt" "$W/status-c.txt" | head; fail "sync status numbers differ"; }

echo "the first week again, shuffled, one twice, one truncated, one of an old schema ..."
cp "$W"/up1/*.ntmsync "$W/bad/"
cp "$W/up1/c3.ntmsync" "$W/bad/c3-again.ntmsync"
head -c -200 "$W/up1/c5.ntmsync" >"$W/bad/c5.ntmsync"
# A file as an ntm one schema older writes it: its header says so (and its checksum fits).
python3 - "$W/up1/c7.ntmsync" "$W/bad/c7.ntmsync" <<'EOF'
import re, sys, zlib
data = open(sys.argv[1], 'rb').read()
head, body = data.split(b'\n\n', 1)
lines = [l for l in head.split(b'\n') if not l.startswith(b'crc32 ')]
lines = [re.sub(rb'^schema (\d+)$', lambda m: b'schema %d' % (int(m.group(1)) - 1), l) for l in lines]
text = b'\n'.join(lines) + b'\n'
crc = zlib.crc32(text + body)
open(sys.argv[2], 'wb').write(text + b'crc32 %08x\n\n' % crc + body)
EOF
"$NTM" --db "$W/p2.db" sync init --province "$PROV" >/dev/null
ls "$W"/bad/*.ntmsync | shuf >"$W/order.txt"
# shellcheck disable=SC2046
if "$NTM" --db "$W/p2.db" sync import $(cat "$W/order.txt") >"$W/import3.log" 2>"$W/import3.err"; then fail "refusals expected"; fi
grep -q "c5.ntmsync bị hỏng hoặc không đủ" "$W/import3.err" || { cat "$W/import3.err"; fail "truncated file not named"; }
grep -q "c7.ntmsync: tệp được tạo với lược đồ" "$W/import3.err" || { cat "$W/import3.err"; fail "old schema not named"; }
[ "$(wc -l <"$W/import3.err")" = 2 ] || { cat "$W/import3.err"; fail "two refusals expected"; }
grep -q "không có gì mới" "$W/import3.log" || fail "the duplicate should be applied once"
others=$(ls "$W"/c/c*.db | grep -v -e '/c5\.db$' -e '/c7\.db$')
# shellcheck disable=SC2086
python3 "$ROOT/tests/rollup_check.py" "$NTM_TODAY" "$W/p2.db" $others >/dev/null || fail "the rest not applied right"
"$NTM" --db "$W/p2.db" sync import "$W/up1/c5.ntmsync" "$W/up1/c7.ntmsync" >/dev/null || fail "the good files"
python3 "$ROOT/tests/rollup_check.py" "$NTM_TODAY" "$W/p2.db" "$W"/c/c*.db >/dev/null || fail "after the good files"

echo "second week ..."
i=1
while [ "$i" -le "$N" ]; do
    db=$W/c/c$i.db
    "$NTM" --db "$db" sync ack "$W/up1/c$i.ntmsync.ack" >/dev/null || fail "ack c$i"
    sqlite3 "$db" ".parameter set @i $i" ".parameter set @w 2" ".read $ROOT/tests/sync_week.sql" || fail "week 2 c$i"
    "$NTM" --db "$db" reindex || fail "reindex c$i"
    "$NTM" --db "$db" sync export -o "$W/up2/c$i.ntmsync" >"$W/export2.log" || fail "export 2 c$i"
    grep -q "số 2-2" "$W/export2.log" || { cat "$W/export2.log"; fail "c$i: the acknowledged first week should not go again"; }
    [ "$i" = 1 ] && cp "$W/export2.log" "$W/export2-1.log"
    i=$((i + 1))
done
echo "  a week's file of one commune: $(sed -n 2p "$W/export2-1.log" | sed 's/^ *//')"
t0=$(now)
"$NTM" --db "$W/p.db" sync import "$W"/up2/*.ntmsync >"$W/import2.log" 2>&1 || { tail "$W/import2.log"; fail "import week 2"; }
echo "import of $N weekly files: $(secs "$t0" "$(now)") s"
python3 "$ROOT/tests/rollup_check.py" "$NTM_TODAY" "$W/p.db" "$W"/c/c*.db || fail "week 2 figures"
"$NTM" --db "$W/p.db" sync import "$W"/up2/*.ntmsync >"$W/import2b.log" 2>&1 || fail "the same files again"
[ "$(grep -c 'không có gì mới' "$W/import2b.log")" = "$N" ] || fail "the same files twice should change nothing"

# A commune's second file where its first never came: the missing number is named.
"$NTM" --db "$W/p3.db" sync init --province "$PROV" >/dev/null
if "$NTM" --db "$W/p3.db" sync import "$W/up2/c5.ntmsync" 2>"$W/gap.err"; then fail "gap not refused"; fi
grep -q "thiếu số 1 của xã Xã Số 5" "$W/gap.err" || { cat "$W/gap.err"; fail "gap message"; }

echo "rollup: ok ($N communes)"
