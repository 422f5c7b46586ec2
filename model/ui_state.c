/* ui_state: one row per (user, key). Written outside BEGIN IMMEDIATE on purpose: a
 * single-statement write is its own transaction and it is no one's data change. */
#include "model/ui_state.h"
#include "model/text.h"

int ui_state_get(ntm_db *db, const char *key, char *out, size_t n)
{
    static const char *sql = "SELECT value FROM ui_state WHERE user = ?1 AND key = ?2";
    sqlite3_stmt *st = db_stmt(db, sql);
    if (n) out[0] = 0;
    if (!st) return DB_ERR;
    sqlite3_bind_text(st, 1, db_user(db), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, key, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) text_copy(out, n, (const char *)sqlite3_column_text(st, 0));
    sqlite3_reset(st);
    if (rc == SQLITE_ROW) return DB_OK;
    return rc == SQLITE_DONE ? DB_NOTFOUND : db_sqlite_error(db, rc);
}

int ui_state_set(ntm_db *db, const char *key, const char *value)
{
    static const char *sql = "INSERT INTO ui_state(user, key, value, updated_at) "
        "VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%SZ','now')) "
        "ON CONFLICT(user, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at";
    if (db_is_readonly(db)) return DB_READONLY;
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_text(st, 1, db_user(db), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, value, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? DB_OK : db_sqlite_error(db, rc);
}
