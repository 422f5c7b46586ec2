/* refold: search and sort keys are computed in C (utf8proc), never by SQL, so rows that
 * arrive without them (bulk demo load, rows typed in the sqlite3 shell) get them here. */
#include "model/db_internal.h"
#include "model/i18n.h"
#include "model/role.h"
#include "model/rows.h"
#include "model/text.h"
#include <stdio.h>
#include <stdlib.h>

enum { SORT_NONE, SORT_PLAIN, SORT_PERSON };
static const struct { const char *table, *src, *key, *sort; int kind; } KEYS[] = {
    { "unit",      "name",      "name_key",  "sort_key", SORT_PLAIN },
    { "org",       "name",      "name_key",  "sort_key", SORT_PLAIN },
    { "person",    "full_name", "name_key",  "sort_key", SORT_PERSON },
    { "household", "head_name", "name_key",  "sort_key", SORT_PERSON },
    { "campaign",  "name",      "name_key",  NULL,       SORT_NONE },
    { "criterion", "name",      "name_key",  NULL,       SORT_NONE },
    { "tour",      "name",      "name_key",  NULL,       SORT_NONE },
    { "task",      "title",     "title_key", NULL,       SORT_NONE },
};

static int refold_table(ntm_db *db, int k)
{
    char sel[256], upd[256];
    sqlite3_stmt *s = NULL, *u = NULL;
    int rc = DB_OK;
    snprintf(sel, sizeof sel, "SELECT id, %s FROM %s WHERE %s = ''%s%s%s", KEYS[k].src, KEYS[k].table,
             KEYS[k].key, KEYS[k].sort ? " OR " : "", KEYS[k].sort ? KEYS[k].sort : "", KEYS[k].sort ? " = ''" : "");
    if (KEYS[k].sort)
        snprintf(upd, sizeof upd, "UPDATE %s SET %s = ?1, %s = ?2 WHERE id = ?3", KEYS[k].table, KEYS[k].key, KEYS[k].sort);
    else
        snprintf(upd, sizeof upd, "UPDATE %s SET %s = ?1 WHERE id = ?3", KEYS[k].table, KEYS[k].key);
    if (sqlite3_prepare_v2(db->h, sel, -1, &s, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db->h, upd, -1, &u, NULL) != SQLITE_OK) {
        rc = db_fail(db, DB_ERR, "refold: %s", sqlite3_errmsg(db->h));
        goto out;
    }
    while (sqlite3_step(s) == SQLITE_ROW) {
        const char *src = (const char *)sqlite3_column_text(s, 1);
        char *nfc = text_nfc(src ? src : "");
        char *key = nfc ? text_fold(nfc) : NULL;
        char *sort = !nfc ? NULL : KEYS[k].kind == SORT_PERSON ? text_sort_key_person(nfc) : text_sort_key(nfc);
        sqlite3_reset(u);
        sqlite3_bind_text(u, 1, key ? key : "?", -1, SQLITE_TRANSIENT);
        if (KEYS[k].sort) sqlite3_bind_text(u, 2, sort ? sort : "?", -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(u, 3, sqlite3_column_int64(s, 0));
        int r = sqlite3_step(u);
        free(nfc); free(key); free(sort);
        if (r != SQLITE_DONE) { rc = db_sqlite_error(db, r); break; }
    }
out:
    sqlite3_finalize(s);
    sqlite3_finalize(u);
    return rc;
}

/* The running totals of task_tally and task_open_month, made again from the tasks: for
 * files edited with INSERT OR REPLACE in the sqlite3 shell, which fires no delete trigger
 * (`ntm reindex`; each task's done quantity is first made the sum of its reports again), and for a commune after a sync import merged its tasks with the
 * triggers off (model/sync_import.c). Each task is added with the triggers' own
 * compensated sum, so the totals are those a file built up by the triggers has, to the
 * last bit (a plain total() would differ from them in the last digits). W: the tasks. */
#define TALLY_REBUILD(W) \
    "UPDATE task SET done_qty = (SELECT total(qty) FROM progress WHERE task_id = task.id)" W \
    "  AND done_qty IS NOT (SELECT total(qty) FROM progress WHERE task_id = task.id)", \
    "DELETE FROM task_tally" W, \
    "INSERT INTO task_tally(commune_id, hamlet_id, status, n, progress, progress_lo) " \
    "  SELECT commune_id, coalesce(hamlet_id, 0), status, 1, CASE WHEN status = 'done' THEN 1.0 " \
    "  WHEN target_qty > 0 THEN min(done_qty / target_qty, 1.0) ELSE 0 END, 0 FROM task" W " ORDER BY id " \
    "  ON CONFLICT (commune_id, hamlet_id, status) DO UPDATE SET n = n + excluded.n, " \
    "    progress = progress + excluded.progress, " \
    "    progress_lo = progress_lo + CASE WHEN abs(progress) >= abs(excluded.progress) " \
    "      THEN (progress - (progress + excluded.progress)) + excluded.progress " \
    "      ELSE (excluded.progress - (progress + excluded.progress)) + progress END", \
    "DELETE FROM task_open_month" W, \
    "INSERT INTO task_open_month(commune_id, month, n) SELECT commune_id, coalesce(substr(deadline, 1, 7), '~'), count(*) " \
    "  FROM task" W " AND status = 'open' GROUP BY 1, 2", \
    /* task codes (006_task_code.sql): the counter never below a code in use */ \
    "INSERT INTO task_code_seq(commune_id, last) SELECT commune_id, max(code) FROM task" W " AND code IS NOT NULL " \
    "  GROUP BY 1 ON CONFLICT (commune_id) DO UPDATE SET last = max(last, excluded.last)"

static int rebuild(ntm_db *db, const char *const *sql, size_t n, int64_t commune_id)
{
    for (size_t i = 0; i < n; i++) {
        int rc = rows_exec(db, sql[i], commune_id);
        if (rc) return rc;
    }
    return DB_OK;
}

int db_rebuild_tallies(ntm_db *db)
{
    static const char *const sql[] = { TALLY_REBUILD(" WHERE ?1 = 0") };
    return rebuild(db, sql, sizeof sql / sizeof sql[0], 0);
}

int db_rebuild_tallies_of(ntm_db *db, int64_t commune_id)
{
    static const char *const sql[] = { TALLY_REBUILD(" WHERE commune_id = ?1") };
    return rebuild(db, sql, sizeof sql / sizeof sql[0], commune_id);
}

int db_refold(ntm_db *db)
{
    /* every row of every commune: maintenance, not one unit's business (role.h) */
    int rc = role_require(db, ROLE_NEED_ADMIN, L("tính lại khóa tìm kiếm và số liệu tổng (reindex)", "reindex the search keys and totals"));
    if (rc) return rc;
    for (size_t k = 0; k < sizeof KEYS / sizeof KEYS[0] && !rc; k++) rc = refold_table(db, (int)k);
    return rc;
}
