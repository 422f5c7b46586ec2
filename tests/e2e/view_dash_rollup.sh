# view_dash_rollup: a province file fed by its communes' sync files shows, on the
# province dashboard, when each commune's numbers came ("Số liệu đến"), with "!" on a
# commune whose last file is more than 8 days old and "chưa gửi" on one that never sent.
. "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export NTM_TODAY=2026-03-20
PROV="Tỉnh Thử Nghiệm"
for i in 1 2; do
    db=$WORK/c$i.db
    "$NTM_BIN" --db "$db" sync init --province "$PROV" >/dev/null || fail "init c$i"
    sqlite3 "$db" ".parameter set @i $i" ".read $ROOT/tests/sync_gen.sql" >/dev/null || fail "generate c$i"
    "$NTM_BIN" --db "$db" reindex || fail "reindex c$i"
    "$NTM_BIN" --db "$db" sync export -o "$WORK/c$i.ntmsync" >/dev/null || fail "export c$i"
done
P=$WORK/d.db
"$NTM_BIN" --db "$P" sync init --province "$PROV" >/dev/null || fail "province init"
"$NTM_BIN" --db "$P" sync import "$WORK/c1.ntmsync" "$WORK/c2.ntmsync" >/dev/null 2>&1 || fail "import"
# one commune's file came on 05/03/2026, the other's on 19/03
sqlite3 "$P" "update sync_peer set received_at = '2026-03-19T08:00:00Z' where applied_seq > 0;
              update sync_peer set received_at = '2026-03-05T08:00:00Z'
               where unit_uuid = (select min(unit_uuid) from sync_peer where applied_seq > 0)"
c1=$(sqlite3 "$P" "select u.name from sync_peer p join unit u on u.uuid = p.unit_uuid where p.received_at like '2026-03-05%'")
c2=$(sqlite3 "$P" "select u.name from sync_peer p join unit u on u.uuid = p.unit_uuid where p.received_at like '2026-03-19%'")
[ -n "$c1" ] && [ -n "$c2" ] || fail "the two communes that sent: '$c1' '$c2'"
# a commune the province keeps that has not sent anything yet
sqlite3 "$P" "insert into unit(kind, parent_id, name) select 'commune', id, 'Xã Chưa Gửi' from unit where kind = 'province'"
"$NTM_BIN" --db "$P" reindex || fail "reindex"
start_ntm 100 30 NTM_TODAY=2026-03-20 -- --db "$P"
wait_for "Số liệu đến"
screen_text | grep -F "$c1" | grep -qF "! 05/03/2026" || fail "$c1 is not marked stale with its day"
screen_text | grep -F "$c2" | grep -qF "19/03/2026" || fail "$c2's day"
screen_text | grep -F "$c2" | grep -qF "! 19/03" && fail "$c2 is marked stale"
screen_text | grep -F "Xã Chưa Gửi" | grep -qF "! chưa gửi" || fail "the commune that never sent"
quit
