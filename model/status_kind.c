/* status_kind: the statuses of a level, in rank order (see status_kind.h). */
#include "model/status_kind.h"
#include "model/i18n.h"
#include "model/rows.h"
#include <stdlib.h>
#include <string.h>

static void read_kind(ntm_db *db, sqlite3_stmt *st, void *row)
{
    status_kind_row *r = row;
    (void)db;
    col_text(r->code, sizeof r->code, st, 0);
    col_text(r->level, sizeof r->level, st, 1);
    col_text(r->label, sizeof r->label, st, 2);
    r->rank = sqlite3_column_int(st, 3);
}

int status_kinds(ntm_db *db, const char *level, status_kind_row **out, int *n)
{
    static const char *sql = "SELECT code, level, CASE WHEN ?2 THEN label_en ELSE label_vi END, rank FROM status_kind "
                             "WHERE ?1 IS NULL OR level = ?1 ORDER BY level <> 'commune', rank, code";
    void *v = NULL;
    *out = NULL;
    *n = 0;
    if (level && strcmp(level, "commune") && strcmp(level, "hamlet"))
        return db_fail(db, DB_INVALID, _("Không có cấp \"%s\" (chỉ \"commune\" hoặc \"hamlet\")"), level);
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    if (level) sqlite3_bind_text(st, 1, level, -1, SQLITE_TRANSIENT);
    else sqlite3_bind_null(st, 1);
    sqlite3_bind_int(st, 2, ntm_lang_en != 0);
    int rc = rows_all(db, st, read_kind, sizeof **out, &v, n);
    *out = v;
    return rc;
}
