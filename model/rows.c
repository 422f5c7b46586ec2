/* rows: the row-reading and one-id statement helpers of rows.h. */
#include "model/rows.h"
#include "model/field.h"
#include "model/text.h"
#include <stdlib.h>
#include <string.h>

void col_text(char *dst, size_t n, sqlite3_stmt *st, int c)
{
    const char *s = (const char *)sqlite3_column_text(st, c);
    text_copy(dst, n, s ? s : "");
}

void *rows_room(void *v, int n, int *cap, size_t size)
{
    if (n < *cap) return v;
    int c = *cap ? *cap * 2 : 16;
    void *p = realloc(v, (size_t)c * size);
    if (p) *cap = c;
    return p;
}

int rows_one(ntm_db *db, sqlite3_stmt *st, row_reader *read, void *row)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) read(db, st, row);     /* before the reset: column text dies with it */
    sqlite3_reset(st);
    if (rc == SQLITE_ROW) return DB_OK;
    return rc == SQLITE_DONE ? DB_NOTFOUND : db_sqlite_error(db, rc);
}

int rows_get(ntm_db *db, const char *sql, int64_t id, row_reader *read, void *row)
{
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, id);
    return rows_one(db, st, read, row);
}

int rows_all(ntm_db *db, sqlite3_stmt *st, row_reader *read, size_t size, void **v, int *n)
{
    char *a = NULL;                  /* bytes: the reader gets a pointer into it */
    int cap = 0, rc;
    *n = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        char *p = rows_room(a, *n, &cap, size);
        if (!p) { sqlite3_reset(st); free(a); *v = NULL; *n = 0; return db_fail(db, DB_ERR, "out of memory"); }
        a = p;
        read(db, st, a + (size_t)(*n)++ * size);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) { free(a); *v = NULL; *n = 0; return db_sqlite_error(db, rc); }
    *v = a;
    return DB_OK;
}

int rows_list(ntm_db *db, const char *sql, int64_t id, row_reader *read, size_t size, void **v, int *n)
{
    sqlite3_stmt *st = db_stmt(db, sql);
    *v = NULL; *n = 0;
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, id);
    return rows_all(db, st, read, size, v, n);
}

int rows_int64(ntm_db *db, const char *sql, int64_t id, int64_t *out)
{
    sqlite3_stmt *st = db_stmt(db, sql);
    *out = 0;
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW) *out = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return DB_OK;
}

int rows_exec(ntm_db *db, const char *sql, int64_t id)
{
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, id);
    return step_done(db, st);
}

int rows_unit_is(ntm_db *db, int64_t unit_id, const char *kind, const char *msg)
{
    static const char *sql = "SELECT kind FROM unit WHERE id = ?1";
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, unit_id);
    int ok = sqlite3_step(st) == SQLITE_ROW && !strcmp((const char *)sqlite3_column_text(st, 0), kind);
    sqlite3_reset(st);
    return ok ? DB_OK : db_fail(db, DB_INVALID, "%s", msg);
}
