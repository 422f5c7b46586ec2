/* sync_merge: one segment into the live tables. The receiver's rows that the segment
 * touches are copied, in wire form, into an in-memory database twice (main, to apply
 * to, and pre, as they were); sqlite3changeset_apply applies the segment to main and
 * calls on_conflict where the receiver's row is not what the sender last saw; then each
 * touched row that main has changed is written back into the live table by uuid, its
 * uuids turned into local ids, after the ownership check (model/sync.h). */
#include "model/sync_internal.h"
#include "model/i18n.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int sync_fail(sync_merge *g, const char *fmt, const char *a, const char *b)
{
    snprintf(g->err, sizeof g->err, fmt, a, b);
    return DB_ERR;
}
#define fail sync_fail

int sync_merge_open(sync_merge *g, char *err, size_t en)
{
    int rc = sync_memdb(g->s, "pre", &g->m, err, en);
    if (!rc && sqlite3_exec(g->m, "CREATE TEMP TABLE touched(t INTEGER, k1, k2 NOT NULL DEFAULT '', PRIMARY KEY(t, k1, k2))",
                            NULL, NULL, NULL) != SQLITE_OK) {
        snprintf(err, en, "sync: %s", sqlite3_errmsg(g->m));
        rc = DB_ERR;
    }
    return rc;
}

void sync_merge_close(sync_merge *g)
{
    for (int i = 0; i < SYNC_MAX_TABLES; i++) {
        sqlite3_finalize(g->key_sel[i]); sqlite3_finalize(g->upsert[i]); sqlite3_finalize(g->del[i]);
        sqlite3_finalize(g->park[i]); sqlite3_finalize(g->resolve[i]);
        sqlite3_finalize(g->ins_main[i]); sqlite3_finalize(g->ins_pre[i]); sqlite3_finalize(g->staged[i]);
        g->key_sel[i] = g->upsert[i] = g->del[i] = g->park[i] = g->resolve[i] = g->ins_main[i] = g->ins_pre[i] = g->staged[i] = NULL;
    }
    free(g->pend);
    g->pend = NULL;
    sqlite3_close(g->m);
    g->m = NULL;
}

void sync_conflict_log(sync_merge *g, const char *tbl, const char *key, const char *kind, const char *resolution,
                       const char *detail)
{
    static const char *sql = "INSERT INTO sync_conflict(unit_uuid, dir, seq, tbl, row_uuid, kind, resolution, detail) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
    sqlite3_stmt *st = db_stmt(g->db, sql);
    g->conflicts++;
    if (!st) return;
    sqlite3_bind_text(st, 1, g->stream_uuid, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, sync_dir_name(g->dir), -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, g->seq);
    sqlite3_bind_text(st, 4, tbl, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 6, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, resolution, -1, SQLITE_STATIC);
    if (detail && *detail) sqlite3_bind_text(st, 8, detail, -1, SQLITE_TRANSIENT);
    sqlite3_step(st);
    sqlite3_reset(st);
}

/* ---- the conflict handler ------------------------------------------------------------ */
static int same_value(sqlite3_value *a, sqlite3_value *b)
{
    int ta = sqlite3_value_type(a), tb = sqlite3_value_type(b);
    int na = ta == SQLITE_INTEGER || ta == SQLITE_FLOAT, nb = tb == SQLITE_INTEGER || tb == SQLITE_FLOAT;
    if (na && nb) return ta == SQLITE_INTEGER && tb == SQLITE_INTEGER ? sqlite3_value_int64(a) == sqlite3_value_int64(b)
                                                                       : sqlite3_value_double(a) == sqlite3_value_double(b);
    if (ta != tb) return 0;
    if (ta == SQLITE_NULL) return 1;
    int n = sqlite3_value_bytes(a);
    return n == sqlite3_value_bytes(b) && !memcmp(ta == SQLITE_BLOB ? sqlite3_value_blob(a) : (const void *)sqlite3_value_text(a),
                                                  tb == SQLITE_BLOB ? sqlite3_value_blob(b) : (const void *)sqlite3_value_text(b), (size_t)n);
}

/* The receiver's row already is what the change makes of it. */
static int already(sqlite3_changeset_iter *it, int op, int ncol)
{
    if (op == SQLITE_DELETE) return 0;
    for (int i = 0; i < ncol; i++) {
        sqlite3_value *nv = NULL, *cv = NULL;
        sqlite3changeset_new(it, i, &nv);
        if (!nv) continue;                                  /* an UPDATE's unchanged column */
        if (sqlite3changeset_conflict(it, i, &cv) != SQLITE_OK || !cv || !same_value(nv, cv)) return 0;
    }
    return 1;
}

/* The key as logged: the uuid, or a link row's two uuids. */
static void key_text(sqlite3_changeset_iter *it, int op, const sync_table *t, char *out, size_t n)
{
    out[0] = 0;
    for (int k = 0; k < t->nkey; k++) {
        sqlite3_value *v = NULL;
        if (op == SQLITE_INSERT) sqlite3changeset_new(it, t->key[k], &v);
        else sqlite3changeset_old(it, t->key[k], &v);
        size_t o = strlen(out);
        snprintf(out + o, n - o, "%s%s", k ? "/" : "", v && sqlite3_value_text(v) ? (const char *)sqlite3_value_text(v) : "?");
    }
}

/* The columns where the receiver's row differs from what the sender last saw. */
static void differing(sqlite3_changeset_iter *it, const sync_table *t, char *out, size_t n)
{
    out[0] = 0;
    for (int i = 0; i < t->ncols - 1; i++) {
        sqlite3_value *ov = NULL, *cv = NULL;
        sqlite3changeset_old(it, i, &ov);
        if (!ov || sqlite3changeset_conflict(it, i, &cv) != SQLITE_OK || !cv || same_value(ov, cv)) continue;
        size_t o = strlen(out);
        snprintf(out + o, n - o, "%s%s", o ? ", " : "", t->cols[i]);
    }
}

static int may_change(const sync_merge *g, const sync_table *t, const char *owner)
{
    if (!t->def->unit_expr) return g->dir == SYNC_DOWN;
    return owner && !strcmp(owner, g->sender);
}

static int on_conflict(void *ctx, int kind, sqlite3_changeset_iter *it)
{
    sync_merge *g = ctx;
    const char *tab;
    int ncol, op, ind;
    sqlite3changeset_op(it, &tab, &ncol, &op, &ind);
    int ti = sync_schema_index(g->s, tab);
    if (ti < 0) return SQLITE_CHANGESET_OMIT;
    const sync_table *t = &g->s->t[ti];
    char key[200], cols[400] = "";
    key_text(it, op, t, key, sizeof key);
    if (kind == SQLITE_CHANGESET_NOTFOUND) {
        if (op != SQLITE_DELETE) sync_conflict_log(g, tab, key, "missing", "skipped", NULL);
        return SQLITE_CHANGESET_OMIT;                       /* a row to delete that is gone: done */
    }
    if (kind != SQLITE_CHANGESET_DATA && kind != SQLITE_CHANGESET_CONFLICT) {
        sync_conflict_log(g, tab, key, "unique", "skipped", NULL);
        return SQLITE_CHANGESET_OMIT;
    }
    if (already(it, op, ncol)) return SQLITE_CHANGESET_OMIT;
    sqlite3_value *ov = NULL;
    sqlite3changeset_conflict(it, ncol - 1, &ov);
    const char *owner = ov ? (const char *)sqlite3_value_text(ov) : NULL;
    if (kind == SQLITE_CHANGESET_DATA) differing(it, t, cols, sizeof cols);
    int theirs = may_change(g, t, owner);
    sync_conflict_log(g, tab, key, kind == SQLITE_CHANGESET_DATA ? "data" : "exists", theirs ? "theirs" : "ours", cols);
    return theirs ? SQLITE_CHANGESET_REPLACE : SQLITE_CHANGESET_OMIT;
}

/* ---- before: the touched rows as the receiver has them ------------------------------- */
int sync_prepare(sync_merge *g, sqlite3_stmt **slot, char *sql)
{
    if (*slot) { sqlite3_free(sql); sqlite3_reset(*slot); sqlite3_clear_bindings(*slot); return DB_OK; }
    int rc = sql ? sqlite3_prepare_v2(g->db->h, sql, -1, slot, NULL) : SQLITE_NOMEM;
    if (rc != SQLITE_OK) fail(g, "sync: %s (%s)", sqlite3_errmsg(g->db->h), sql ? sql : "");
    sqlite3_free(sql);
    return rc == SQLITE_OK ? DB_OK : DB_ERR;
}

/* The WHERE of a row of the live table t by its key ?1 (and ?2). */
char *sync_key_where(const sync_table *t, const char *alias)
{
    if (t->nkey == 1) return sync_printf("%s.uuid = ?1", alias);
    return sync_printf("%s.\"%w\" = (SELECT id FROM \"%w\" WHERE uuid = ?1) AND %s.\"%w\" = (SELECT id FROM \"%w\" WHERE uuid = ?2)",
                       alias, t->cols[t->key[0]], t->ref[t->key[0]], alias, t->cols[t->key[1]], t->ref[t->key[1]]);
}

sqlite3_stmt *sync_key_select(sync_merge *g, int ti)
{
    const sync_table *t = &g->s->t[ti];
    char *w = g->key_sel[ti] ? NULL : sync_key_where(t, "t");
    int rc = sync_prepare(g, &g->key_sel[ti], g->key_sel[ti] ? NULL : sync_printf("%s WHERE %s", t->select, w));
    sqlite3_free(w);
    return rc ? NULL : g->key_sel[ti];
}

static void bind_key(sqlite3_stmt *st, sqlite3_stmt *from, int c1, int c2)
{
    sqlite3_bind_value(st, 1, sqlite3_column_value(from, c1));
    if (c2 >= 0) sqlite3_bind_value(st, 2, sqlite3_column_value(from, c2));
}

/* The keys the segment touches, and the receiver's rows for them into main and pre. */
static int prescan(sync_merge *g, const void *data, int n)
{
    sqlite3_changeset_iter *it;
    sqlite3_stmt *ins = NULL;
    if (sqlite3changeset_start(&it, n, (void *)data) != SQLITE_OK) return fail(g, "%s%s", _("đoạn thay đổi hỏng"), "");
    int rc = sqlite3_prepare_v2(g->m, "INSERT OR IGNORE INTO touched(t, k1, k2) VALUES (?1, ?2, coalesce(?3, ''))", -1, &ins, NULL);
    while (rc == SQLITE_OK && sqlite3changeset_next(it) == SQLITE_ROW) {
        const char *tab;
        int ncol, op, ind;
        sqlite3changeset_op(it, &tab, &ncol, &op, &ind);
        int ti = sync_schema_index(g->s, tab);
        if (ti < 0 || ncol != g->s->t[ti].ncols) { rc = SQLITE_SCHEMA; fail(g, "sync: table %s (%s)", tab, _("không khớp")); break; }
        const sync_table *t = &g->s->t[ti];
        sqlite3_bind_int(ins, 1, ti);
        for (int k = 0; k < t->nkey; k++) {
            sqlite3_value *v = NULL;
            if (op == SQLITE_INSERT) sqlite3changeset_new(it, t->key[k], &v);
            else sqlite3changeset_old(it, t->key[k], &v);
            sqlite3_bind_value(ins, 2 + k, v);
        }
        if (t->nkey == 1) sqlite3_bind_null(ins, 3);
        rc = sqlite3_step(ins) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(g->m);
        sqlite3_reset(ins);
    }
    int end = sqlite3changeset_finalize(it);
    sqlite3_finalize(ins);
    if (rc == SQLITE_OK && end != SQLITE_OK) return fail(g, "%s%s", _("đoạn thay đổi hỏng"), "");
    return rc == SQLITE_OK ? DB_OK : (g->err[0] ? DB_ERR : fail(g, "sync: %s%s", sqlite3_errmsg(g->m), ""));
}

static int fill(sync_merge *g)
{
    sqlite3_stmt *keys = NULL;
    int rc = sqlite3_prepare_v2(g->m, "SELECT k1, CASE WHEN k2 = '' THEN NULL ELSE k2 END FROM temp.touched WHERE t = ?1", -1, &keys, NULL);
    for (int ti = 0; rc == SQLITE_OK && ti < g->s->n; ti++) {
        sqlite3_bind_int(keys, 1, ti);
        while (rc == SQLITE_OK && sqlite3_step(keys) == SQLITE_ROW) {
            sqlite3_stmt *st = sync_key_select(g, ti);
            if (!g->ins_main[ti]) g->ins_main[ti] = sync_insert_stmt(g->m, "main", &g->s->t[ti]);
            if (!g->ins_pre[ti]) g->ins_pre[ti] = sync_insert_stmt(g->m, "pre", &g->s->t[ti]);
            if (!st || !g->ins_main[ti] || !g->ins_pre[ti]) { rc = SQLITE_ERROR; break; }
            for (int k = 0; rc == SQLITE_OK && k < 2; k++) {
                bind_key(st, keys, 0, g->s->t[ti].nkey == 2 ? 1 : -1);
                rc = sync_copy_rows(st, k ? g->ins_pre[ti] : g->ins_main[ti], g->s->t[ti].ncols, NULL);
                sqlite3_reset(st);
            }
        }
        sqlite3_reset(keys);
    }
    sqlite3_finalize(keys);
    if (rc != SQLITE_OK && !g->err[0]) fail(g, "sync: %s%s", sqlite3_errmsg(g->m), "");
    return rc == SQLITE_OK ? DB_OK : DB_ERR;
}

static int clear(sync_merge *g)
{
    for (int i = 0; i < g->s->n; i++) {
        char *sql = sync_printf("DELETE FROM main.\"%w\"; DELETE FROM pre.\"%w\";", g->s->t[i].def->name, g->s->t[i].def->name);
        int rc = sql ? sqlite3_exec(g->m, sql, NULL, NULL, NULL) : SQLITE_NOMEM;
        sqlite3_free(sql);
        if (rc != SQLITE_OK) return fail(g, "sync: %s%s", sqlite3_errmsg(g->m), "");
    }
    return sqlite3_exec(g->m, "DELETE FROM temp.touched", NULL, NULL, NULL) == SQLITE_OK ? DB_OK : DB_ERR;
}

int sync_merge_segment(sync_merge *g, const void *data, int n)
{
    g->err[0] = 0;
    if (n == 0) return DB_OK;                      /* nothing changed at the sender: only news of it */
    int rc = clear(g);
    if (!rc) rc = prescan(g, data, n);
    if (!rc) rc = fill(g);
    if (!rc && sqlite3changeset_apply(g->m, n, (void *)data, NULL, on_conflict, g) != SQLITE_OK)
        rc = fail(g, "sync: %s%s", sqlite3_errmsg(g->m), "");
    if (!rc) rc = sync_write_back(g);
    return rc;
}
