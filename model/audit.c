/* audit: every insert, update and delete on the domain tables is logged with the Unix
 * user. The triggers are TEMP and made per connection, so the user name is a literal in
 * them: no application SQL function is needed and the sqlite3 shell can still write the
 * file (its changes are simply not audited). Made on the first write of a session. */
#include "model/db_internal.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const AUDITED[] = {
    "unit", "unit_event", "unit_status", "criteria_set", "criterion", "indicator",
    "indicator_target", "org", "person", "campaign", "unit_criterion", "household",
    "checklist_template", "checklist_item", "tour", "tour_member", "tour_stop",
    "tour_check", "task", "progress", "issuer",
    "directive",
    "user_role", "user_hamlet",
};

typedef struct { char *p; size_t n, cap; } buf;
static void put(buf *b, const char *s)
{
    size_t n = strlen(s);
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->cap + n + 1) * 2;
        b->p = realloc(b->p, b->cap);
        if (!b->p) abort();
    }
    memcpy(b->p + b->n, s, n + 1);
    b->n += n;
}

/* json_object('col', X.col, ...) over the table's columns. */
static int json_of(ntm_db *db, const char *table, const char *row, buf *out)
{
    char sql[128];
    sqlite3_stmt *st;
    snprintf(sql, sizeof sql, "PRAGMA main.table_info(%s)", table);
    if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) return -1;
    put(out, "json_object(");
    int first = 1;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *col = (const char *)sqlite3_column_text(st, 1);
        char part[256];
        snprintf(part, sizeof part, "%s'%s', %s.\"%s\"", first ? "" : ", ", col, row, col);
        put(out, part);
        first = 0;
    }
    sqlite3_finalize(st);
    put(out, ")");
    return 0;
}

static int has_column(ntm_db *db, const char *table, const char *col)
{
    char sql[160];
    sqlite3_stmt *st;
    int found = 0;
    snprintf(sql, sizeof sql, "SELECT 1 FROM pragma_table_info('%s') WHERE name = '%s'", table, col);
    if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK) {
        found = sqlite3_step(st) == SQLITE_ROW;
        sqlite3_finalize(st);
    }
    return found;
}

static void trigger_sql(ntm_db *db, buf *b, const char *t, const char *user, const char *action)
{
    int ins = !strcmp(action, "insert"), del = !strcmp(action, "delete");
    const char *row = del ? "old" : "new";
    int id = has_column(db, t, "id"), uuid = has_column(db, t, "uuid");
    char head[512];
    snprintf(head, sizeof head,
             "CREATE TEMP TRIGGER IF NOT EXISTS audit_%s_%s AFTER %s ON main.%s BEGIN "
             "INSERT INTO audit(user, entity, entity_id, entity_uuid, action, tx, old_json, new_json) "
             "VALUES (%s, '%s', %s.%s, %s%s%s, '%s', (SELECT tx FROM temp.ntm_session), ",
             t, action, action, t, user, t, row, id ? "id" : "rowid",
             uuid ? row : "NULL", uuid ? "." : "", uuid ? "uuid" : "", action);
    put(b, head);
    if (ins) put(b, "NULL"); else json_of(db, t, "old", b);
    put(b, ", ");
    if (del) put(b, "NULL"); else json_of(db, t, "new", b);
    put(b, "); END;\n");
}

int audit_install(ntm_db *db)
{
    char *user = sqlite3_mprintf("%Q", db->user);
    buf b = {0};
    if (!user) return db_fail(db, DB_ERR, "out of memory");
    put(&b, "CREATE TEMP TABLE IF NOT EXISTS ntm_session(tx INTEGER); "
            "INSERT INTO temp.ntm_session SELECT NULL WHERE NOT EXISTS (SELECT 1 FROM temp.ntm_session);\n");
    for (size_t i = 0; !db->no_audit && i < sizeof AUDITED / sizeof AUDITED[0]; i++) {
        trigger_sql(db, &b, AUDITED[i], user, "insert");
        trigger_sql(db, &b, AUDITED[i], user, "update");
        trigger_sql(db, &b, AUDITED[i], user, "delete");
    }
    sqlite3_free(user);
    int rc = db_exec(db, b.p);
    free(b.p);
    return rc;
}
