/* sync_write: the rows a segment changed (the in-memory main, against pre: as they were)
 * written into the live tables. Deletes first, children before parents
 * (sync_write_row.c); then, table by table, parents first: the changed rows the sender
 * may change are staged in a TEMP table of the live connection, their uuids checked
 * (a row whose required parent is missing is dropped and logged), and written with one
 * INSERT ... SELECT ... ON CONFLICT(uuid) DO UPDATE that turns each uuid back into the
 * local id: one statement a table, not one a row, as a statement's start (its cursors
 * on a table's dozen indexes) costs more than a row. A unique sequence (a tour's stops)
 * is moved out of the way first, so stops that swap places do not collide on the way;
 * a table whose rows still collide with others is done again row by row, in a
 * savepoint, logging the rows that cannot go in. */
#include "model/sync_internal.h"
#include "model/i18n.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *text_of(sqlite3_stmt *st, int c) { return (const char *)sqlite3_column_text(st, c); }

int sync_same_owner(const char *a, const char *b) { return (!a && !b) || (a && b && !strcmp(a, b)); }

int sync_allowed(const sync_merge *g, const sync_table *t, int existed, const char *pre_owner, const char *post_owner, int deleting)
{
    if (!t->def->unit_expr) return g->dir == SYNC_DOWN || (!existed && !deleting);   /* criteria: the province's */
    if (existed && !sync_same_owner(pre_owner, g->sender)) return 0;
    return deleting || (post_owner && !strcmp(post_owner, g->sender));
}

void sync_refuse(sync_merge *g, const sync_table *t, const char *key, const char *owner)
{
    sync_conflict_log(g, t->def->name, key, t->def->unit_expr ? "owner" : "criteria", "ours", owner);
}

char *sync_key_join(const sync_table *t, const char *a, const char *b, int b_is_touched)
{
    const char *k0 = t->cols[t->key[0]], *k1 = t->nkey == 2 ? t->cols[t->key[1]] : NULL;
    if (b_is_touched)
        return k1 ? sync_printf("%s.\"%w\" = %s.k1 AND %s.\"%w\" = %s.k2", a, k0, b, a, k1, b) : sync_printf("%s.\"%w\" = %s.k1", a, k0, b);
    return k1 ? sync_printf("%s.\"%w\" = %s.\"%w\" AND %s.\"%w\" = %s.\"%w\"", a, k0, b, k0, a, k1, b, k1)
              : sync_printf("%s.\"%w\" = %s.\"%w\"", a, k0, b, k0);
}

void sync_row_key(sqlite3_stmt *st, const sync_table *t, int c1, int c2, char *out, size_t n)
{
    const char *a = text_of(st, c1), *b = t->nkey == 2 ? text_of(st, c2) : NULL;
    snprintf(out, n, "%s%s%s", a ? a : "?", t->nkey == 2 ? "/" : "", t->nkey == 2 ? (b ? b : "?") : "");
}

static int exec_d(sync_merge *g, char *sql)
{
    int rc = sql ? sqlite3_exec(g->db->h, sql, NULL, NULL, NULL) : SQLITE_NOMEM;
    sqlite3_free(sql);
    return rc == SQLITE_OK ? DB_OK : sync_fail(g, "sync: %s%s", sqlite3_errmsg(g->db->h), "");
}

/* The touched rows of table ti that main changed: m.*, then pre's owner and whether it
 * was there. */
static sqlite3_stmt *changed_rows(sync_merge *g, int ti)
{
    const sync_table *t = &g->s->t[ti];
    char *mk = sync_key_join(t, "m", "k", 1), *pm = sync_key_join(t, "p", "m", 0), *same = sync_printf("1");
    for (int c = 0; c < t->ncols; c++) {
        char *s2 = sync_printf("%s AND m.\"%w\" IS p.\"%w\"", same, t->cols[c], t->cols[c]);
        sqlite3_free(same);
        same = s2;
    }
    char *sql = sync_printf("SELECT m.*, p.owner, p.\"%w\" IS NOT NULL FROM temp.touched k JOIN main.\"%w\" m ON %s "
                            "LEFT JOIN pre.\"%w\" p ON %s WHERE k.t = ?1 AND (p.\"%w\" IS NULL OR NOT (%s)) ORDER BY %s%sk.rowid",
                            t->cols[t->key[0]], t->def->name, mk, t->def->name, pm, t->cols[t->key[0]], same,
                            t->def->order ? t->def->order : "", t->def->order ? ", " : "");
    sqlite3_free(mk); sqlite3_free(pm); sqlite3_free(same);
    sqlite3_stmt *st = NULL;
    if (!sql || sqlite3_prepare_v2(g->m, sql, -1, &st, NULL) != SQLITE_OK) sync_fail(g, "sync: %s%s", sqlite3_errmsg(g->m), "");
    sqlite3_free(sql);
    if (st) sqlite3_bind_int(st, 1, ti);
    return st;
}

/* The rows the sender may change into temp.sync_in_<table> (wire columns, existed). */
static int stage(sync_merge *g, int ti, int *n)
{
    const sync_table *t = &g->s->t[ti];
    *n = 0;
    if (!g->staged[ti]) {
        char *cols = sync_printf("");
        for (int c = 0; cols && c < t->ncols; c++) {
            char *more = sync_printf("%s\"%w\", ", cols, t->cols[c]);
            sqlite3_free(cols);
            cols = more;
        }
        if (exec_d(g, sync_printf("CREATE TEMP TABLE IF NOT EXISTS \"sync_in_%w\"(%sexisted)", t->def->name, cols))) { sqlite3_free(cols); return DB_ERR; }
        sqlite3_free(cols);
        char *q = sync_printf("INSERT INTO temp.\"sync_in_%w\" VALUES (?1", t->def->name);
        for (int c = 1; q && c <= t->ncols; c++) { char *more = sync_printf("%s, ?%d", q, c + 1); sqlite3_free(q); q = more; }
        char *full = sync_printf("%s)", q);
        sqlite3_free(q);
        if (sync_prepare(g, &g->staged[ti], full)) return DB_ERR;
    }
    if (exec_d(g, sync_printf("DELETE FROM temp.\"sync_in_%w\"", t->def->name))) return DB_ERR;
    sqlite3_stmt *st = changed_rows(g, ti);
    if (!st) return DB_ERR;
    int rc = DB_OK;
    while (!rc && sqlite3_step(st) == SQLITE_ROW) {
        char key[200];
        sync_row_key(st, t, t->key[0], t->nkey == 2 ? t->key[1] : -1, key, sizeof key);
        int existed = sqlite3_column_int(st, t->ncols + 1);
        const char *post = text_of(st, t->ncols - 1), *pre = text_of(st, t->ncols);
        if (!sync_allowed(g, t, existed, pre, post, 0)) { sync_refuse(g, t, key, existed ? pre : post); continue; }
        sqlite3_stmt *ins = g->staged[ti];
        for (int c = 0; c < t->ncols; c++) sqlite3_bind_value(ins, c + 1, sqlite3_column_value(st, c));
        sqlite3_bind_int(ins, t->ncols + 1, existed);
        if (sqlite3_step(ins) != SQLITE_DONE) rc = sync_fail(g, "sync: %s%s", sqlite3_errmsg(g->db->h), "");
        sqlite3_reset(ins);
        (*n)++;
    }
    sqlite3_finalize(st);
    return rc;
}

/* The key of staged row r as logged. */
static char *key_sql(const sync_table *t)
{
    if (t->nkey == 1) return sync_printf("r.uuid");
    return sync_printf("r.\"%w\" || '/' || r.\"%w\"", t->cols[t->key[0]], t->cols[t->key[1]]);
}

/* References that do not resolve here: logged; a row whose required parent is missing
 * is dropped. A commune of another province row joins this file's province. */
static int check_links(sync_merge *g, int ti)
{
    const sync_table *t = &g->s->t[ti];
    const char *name = t->def->name;
    int rc = DB_OK;
    if (!strcmp(name, "unit") && g->dir == SYNC_UP && g->province_id)
        rc = exec_d(g, sync_printf("UPDATE temp.sync_in_unit SET parent_id = (SELECT uuid FROM unit WHERE id = %lld) WHERE kind = 'commune' "
                                   "AND NOT EXISTS (SELECT 1 FROM unit x WHERE x.uuid = sync_in_unit.parent_id)", (long long)g->province_id));
    char *key = key_sql(t);
    for (int c = 0; !rc && c < t->ncols - 1; c++) {
        if (!t->ref[c]) continue;
        /* a row staged in the same table counts (a hamlet of a commune that comes with it) */
        char *also = strcmp(t->ref[c], name) ? sync_printf("")
                   : sync_printf(" AND NOT EXISTS (SELECT 1 FROM temp.\"sync_in_%w\" y WHERE y.uuid = r.\"%w\")", name, t->cols[c]);
        char *sql = sync_printf("SELECT r.rowid, r.\"%w\", %s FROM temp.\"sync_in_%w\" r WHERE r.\"%w\" IS NOT NULL "
                                "AND NOT EXISTS (SELECT 1 FROM \"%w\" x WHERE x.uuid = r.\"%w\")%s",
                                t->cols[c], key, name, t->cols[c], t->ref[c], t->cols[c], also);
        sqlite3_free(also);
        sqlite3_stmt *st = NULL;
        if (!sql || sqlite3_prepare_v2(g->db->h, sql, -1, &st, NULL) != SQLITE_OK) rc = sync_fail(g, "sync: %s%s", sqlite3_errmsg(g->db->h), "");
        sqlite3_free(sql);
        while (!rc && sqlite3_step(st) == SQLITE_ROW) {
            char detail[300];
            snprintf(detail, sizeof detail, "%s -> %s", t->cols[c], text_of(st, 1));
            sync_conflict_log(g, name, text_of(st, 2) ? text_of(st, 2) : "?", "link", t->notnull[c] ? "skipped" : "theirs", detail);
            if (t->notnull[c]) rc = exec_d(g, sync_printf("DELETE FROM temp.\"sync_in_%w\" WHERE rowid = %lld", name, sqlite3_column_int64(st, 0)));
        }
        sqlite3_finalize(st);
    }
    sqlite3_free(key);
    return rc;
}

/* The staged rows written with one statement (a unit's in three: provinces, communes,
 * hamlets, each resolving its parent among those before it). */
static int upsert_set(sync_merge *g, int ti)
{
    const sync_table *t = &g->s->t[ti];
    char *cols = sync_printf(""), *vals = sync_printf(""), *set = sync_printf("");
    for (int c = 0; c < t->ncols - 1; c++) {
        int is_key = c == t->key[0] || (t->nkey == 2 && c == t->key[1]);
        char *a = sync_printf("%s%s\"%w\"", cols, c ? ", " : "", t->cols[c]);
        char *b = t->ref[c] ? sync_printf("%s%s(SELECT x.id FROM \"%w\" x WHERE x.uuid = r.\"%w\")", vals, c ? ", " : "", t->ref[c], t->cols[c])
                            : sync_printf("%s%sr.\"%w\"", vals, c ? ", " : "", t->cols[c]);
        char *d = is_key ? sync_printf("%s", set) : sync_printf("%s%s\"%w\" = excluded.\"%w\"", set, set[0] ? ", " : "", t->cols[c], t->cols[c]);
        sqlite3_free(cols); sqlite3_free(vals); sqlite3_free(set);
        cols = a; vals = b; set = d;
    }
    char *target = t->nkey == 2 ? sync_printf("\"%w\", \"%w\"", t->cols[t->key[0]], t->cols[t->key[1]]) : sync_printf("uuid");
    int unit = !strcmp(t->def->name, "unit"), rc = DB_OK;
    static const char *const kinds[] = { "province", "commune", "hamlet" };
    for (int k = 0; !rc && k < (unit ? 3 : 1); k++) {
        char *where = unit ? sync_printf(" AND r.kind = '%s'", kinds[k]) : sync_printf("");
        char *sql = sync_printf("INSERT INTO \"%w\"(%s) SELECT %s FROM temp.\"sync_in_%w\" r WHERE true%s ORDER BY r.rowid "
                                "ON CONFLICT(%s) DO %s%s", t->def->name, cols, vals, t->def->name, where, target,
                                set[0] ? "UPDATE SET " : "NOTHING", set);
        sqlite3_free(where);
        int r = sql ? sqlite3_exec(g->db->h, sql, NULL, NULL, NULL) : SQLITE_NOMEM;
        sqlite3_free(sql);
        if (r == SQLITE_OK) g->rows += sqlite3_changes(g->db->h);
        else rc = (r & 0xff) == SQLITE_CONSTRAINT ? DB_CONFLICT : sync_fail(g, "sync: %s: %s", t->def->name, sqlite3_errmsg(g->db->h));
    }
    sqlite3_free(cols); sqlite3_free(vals); sqlite3_free(set); sqlite3_free(target);
    return rc;
}

/* Optional references into the same table (a commune merged into another that came
 * with it), once its rows are all in. */
static int settle_self(sync_merge *g, int ti)
{
    const sync_table *t = &g->s->t[ti];
    int rc = DB_OK;
    for (int c = 0; !rc && t->nkey == 1 && c < t->ncols - 1; c++) {
        if (!t->ref[c] || strcmp(t->ref[c], t->def->name) || t->notnull[c]) continue;
        rc = exec_d(g, sync_printf("UPDATE \"%w\" SET \"%w\" = (SELECT x.id FROM \"%w\" x WHERE x.uuid = r.\"%w\") FROM temp.\"sync_in_%w\" r "
                                   "WHERE \"%w\".uuid = r.uuid AND r.\"%w\" IS NOT NULL", t->def->name, t->cols[c], t->def->name, t->cols[c],
                                   t->def->name, t->def->name, t->cols[c]));
    }
    return rc;
}

/* Every row written must belong to whom the sender said (its owner column): a file
 * that would put rows under another unit is refused. */
static int verify_owner(sync_merge *g, int ti)
{
    const sync_table *t = &g->s->t[ti];
    char *key = key_sql(t);
    char *on = t->nkey == 1 ? sync_printf("t.uuid = r.uuid")
             : sync_printf("t.\"%w\" = (SELECT id FROM \"%w\" WHERE uuid = r.\"%w\") AND t.\"%w\" = (SELECT id FROM \"%w\" WHERE uuid = r.\"%w\")",
                           t->cols[t->key[0]], t->ref[t->key[0]], t->cols[t->key[0]], t->cols[t->key[1]], t->ref[t->key[1]], t->cols[t->key[1]]);
    char *sql = sync_printf("SELECT %s FROM temp.\"sync_in_%w\" r JOIN \"%w\" t ON %s WHERE (%s) IS NOT r.owner LIMIT 1",
                            key, t->def->name, t->def->name, on, t->owner);
    sqlite3_free(key); sqlite3_free(on);
    sqlite3_stmt *st = NULL;
    int rc = sql && sqlite3_prepare_v2(g->db->h, sql, -1, &st, NULL) == SQLITE_OK ? DB_OK : sync_fail(g, "sync: %s%s", sqlite3_errmsg(g->db->h), "");
    sqlite3_free(sql);
    if (!rc && sqlite3_step(st) == SQLITE_ROW) {
        snprintf(g->err, sizeof g->err, _("Tệp đưa dòng %s của bảng %s về một đơn vị khác (không phải của bên gửi): không nhập tệp này."),
                 text_of(st, 0), t->def->name);
        rc = DB_INVALID;
    }
    sqlite3_finalize(st);
    return rc;
}

/* One table's changed rows: set-based, or row by row when a unique key collides. */
static int upserts(sync_merge *g, int ti)
{
    const sync_table *t = &g->s->t[ti];
    int n = 0;
    int rc = stage(g, ti, &n);
    if (rc || !n) return rc;
    rc = check_links(g, ti);
    if (!rc) rc = exec_d(g, sync_printf("SAVEPOINT sync_table"));
    if (rc) return rc;
    int rows = g->rows;
    if (t->def->park)
        rc = exec_d(g, sync_printf("UPDATE \"%w\" SET %s WHERE uuid IN (SELECT uuid FROM temp.\"sync_in_%w\" WHERE existed)",
                                   t->def->name, t->def->park, t->def->name));
    if (!rc) rc = upsert_set(g, ti);
    if (rc == DB_CONFLICT) {
        g->rows = rows;
        rc = exec_d(g, sync_printf("ROLLBACK TO sync_table"));
        if (!rc) rc = sync_rows_upsert(g, ti);
    } else if (!rc) {
        rc = settle_self(g, ti);
        if (!rc) rc = verify_owner(g, ti);
    }
    int r2 = exec_d(g, sync_printf("RELEASE sync_table"));
    return rc ? rc : r2;
}

int sync_write_back(sync_merge *g)
{
    int rc = DB_OK;
    for (int ti = g->s->n - 1; !rc && ti >= 0; ti--) rc = sync_rows_delete(g, ti);
    for (int ti = 0; !rc && ti < g->s->n; ti++) rc = upserts(g, ti);
    int rc2 = sync_rows_settle(g);
    return rc ? rc : rc2;
}
