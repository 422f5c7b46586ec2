#!/bin/sh
# Rows written with the sqlite3 shell: `ntm reindex` gives them their search keys and
# makes the task totals right again after an INSERT OR REPLACE (no delete trigger fires).
set -u
fail() { echo "FAIL: $*"; exit 1; }
cd "$WORK" || exit 1
"$NTM_BIN" demo d.db >/dev/null || fail "demo"
sqlite3 d.db "INSERT INTO task(commune_id, hamlet_id, title) SELECT parent_id, id, 'Dọn đường làng Đồng Đẫu' FROM unit WHERE name = 'Nậy'" || fail "insert"
sqlite3 d.db "INSERT OR REPLACE INTO task(id, commune_id, hamlet_id, title, status) SELECT id, commune_id, hamlet_id, title, 'done' FROM task WHERE id = (SELECT min(id) FROM task)" || fail "replace"
diff_rows() { sqlite3 d.db "SELECT count(*) FROM (SELECT commune_id, coalesce(hamlet_id, 0), status, count(*) FROM task GROUP BY 1, 2, 3 EXCEPT SELECT commune_id, hamlet_id, status, n FROM task_tally)"; }
[ "$(diff_rows)" != 0 ] || fail "the REPLACE should have left the totals off (else this test proves nothing)"
[ "$(sqlite3 d.db "SELECT title_key FROM task WHERE title LIKE 'Dọn đường làng%'")" = "" ] || fail "key already set?"
"$NTM_BIN" --db d.db reindex || fail "reindex"
[ "$(diff_rows)" = 0 ] || fail "totals still differ after reindex"
[ "$(sqlite3 d.db "SELECT title_key FROM task WHERE title LIKE 'Dọn đường làng%'")" = "don duong lang dong dau" ] || fail "title_key not filled"
echo ok
