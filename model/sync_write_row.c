/* sync_write_row: rows written into the live tables one at a time: the deletes (children
 * before parents), and a table's staged rows when writing them all in one statement
 * failed on a unique key (sync_write.c): each row is then tried on its own, a row whose
 * required parent is missing or whose key collides with another row is skipped and
 * logged, the rest are written. An optional reference to a row that comes later in the
 * segment is set once all are in (settle_pending). */
#include "model/sync_internal.h"
#include "model/i18n.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *text_of(sqlite3_stmt *st, int c) { return (const char *)sqlite3_column_text(st, c); }

/* The local id of the row with this uuid in table ref: 1 found, 0 not, -1 error. */
static int resolve(sync_merge *g, const char *ref, sqlite3_value *uuid, int64_t *id)
{
    int ri = sync_schema_index(g->s, ref);
    if (ri < 0) return -1;
    if (sync_prepare(g, &g->resolve[ri], g->resolve[ri] ? NULL : sync_printf("SELECT id FROM \"%w\" WHERE uuid = ?1", ref))) return -1;
    sqlite3_bind_value(g->resolve[ri], 1, uuid);
    int rc = sqlite3_step(g->resolve[ri]);
    if (rc == SQLITE_ROW) *id = sqlite3_column_int64(g->resolve[ri], 0);
    sqlite3_reset(g->resolve[ri]);
    return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* ---- deletes ------------------------------------------------------------------------- */
int sync_rows_delete(sync_merge *g, int ti)
{
    const sync_table *t = &g->s->t[ti];
    char *pk = sync_key_join(t, "p", "k", 1), *mp = sync_key_join(t, "m", "p", 0);
    char *k2 = t->nkey == 2 ? sync_printf("p.\"%w\"", t->cols[t->key[1]]) : sync_printf("NULL");
    char *sql = sync_printf("SELECT p.\"%w\", %s, p.owner FROM temp.touched k JOIN pre.\"%w\" p ON %s WHERE k.t = ?1 "
                            "AND NOT EXISTS (SELECT 1 FROM main.\"%w\" m WHERE %s)", t->cols[t->key[0]], k2, t->def->name, pk,
                            t->def->name, mp);
    sqlite3_free(pk); sqlite3_free(mp); sqlite3_free(k2);
    sqlite3_stmt *st = NULL;
    int rc = sql ? sqlite3_prepare_v2(g->m, sql, -1, &st, NULL) : SQLITE_NOMEM;
    sqlite3_free(sql);
    if (rc != SQLITE_OK) return sync_fail(g, "sync: %s%s", sqlite3_errmsg(g->m), "");
    sqlite3_bind_int(st, 1, ti);
    char *w = sync_key_where(t, "x");
    rc = sync_prepare(g, &g->del[ti], g->del[ti] ? NULL : sync_printf("DELETE FROM \"%w\" AS x WHERE %s", t->def->name, w));
    sqlite3_free(w);
    while (!rc && sqlite3_step(st) == SQLITE_ROW) {
        char key[200];
        sync_row_key(st, t, 0, 1, key, sizeof key);
        const char *owner = text_of(st, 2);
        if (!sync_allowed(g, t, 1, owner, NULL, 1)) { sync_refuse(g, t, key, owner); continue; }
        sqlite3_bind_value(g->del[ti], 1, sqlite3_column_value(st, 0));
        if (t->nkey == 2) sqlite3_bind_value(g->del[ti], 2, sqlite3_column_value(st, 1));
        int r = sqlite3_step(g->del[ti]);
        sqlite3_reset(g->del[ti]);
        if (r != SQLITE_DONE) rc = sync_fail(g, "sync: %s: %s", t->def->name, sqlite3_errmsg(g->db->h));
        else g->rows++;
    }
    sqlite3_finalize(st);
    return rc;
}

/* ---- inserts and updates ------------------------------------------------------------- */
static int upsert_stmt(sync_merge *g, int ti)
{
    const sync_table *t = &g->s->t[ti];
    if (g->upsert[ti]) return sync_prepare(g, &g->upsert[ti], NULL);
    char *cols = sync_printf(""), *qs = sync_printf(""), *set = sync_printf("");
    for (int c = 0; c < t->ncols - 1; c++) {
        int is_key = c == t->key[0] || (t->nkey == 2 && c == t->key[1]);
        char *a = sync_printf("%s%s\"%w\"", cols, c ? ", " : "", t->cols[c]);
        char *b = sync_printf("%s%s?%d", qs, c ? ", " : "", c + 1);
        char *d = is_key ? sync_printf("%s", set) : sync_printf("%s%s\"%w\" = excluded.\"%w\"", set, set[0] ? ", " : "", t->cols[c], t->cols[c]);
        sqlite3_free(cols); sqlite3_free(qs); sqlite3_free(set);
        cols = a; qs = b; set = d;
    }
    char *target = t->nkey == 2 ? sync_printf("\"%w\", \"%w\"", t->cols[t->key[0]], t->cols[t->key[1]]) : sync_printf("uuid");
    char *sql = sync_printf("INSERT INTO \"%w\"(%s) VALUES (%s) ON CONFLICT(%s) DO %s%s", t->def->name, cols, qs, target,
                            set[0] ? "UPDATE SET " : "NOTHING", set);
    sqlite3_free(cols); sqlite3_free(qs); sqlite3_free(set); sqlite3_free(target);
    return sync_prepare(g, &g->upsert[ti], sql);
}

static void add_pending(sync_merge *g, int ti, int col, sqlite3_stmt *row, sqlite3_value *uuid)
{
    const sync_table *t = &g->s->t[ti];
    if (g->npend == g->cappend) {
        int cap = g->cappend ? g->cappend * 2 : 16;
        sync_pending *v = realloc(g->pend, (size_t)cap * sizeof *v);
        if (!v) return;
        g->pend = v;
        g->cappend = cap;
    }
    sync_pending *p = &g->pend[g->npend++];
    p->t = ti;
    p->col = col;
    p->k1 = strdup(text_of(row, t->key[0]) ? text_of(row, t->key[0]) : "");
    p->k2 = t->nkey == 2 ? strdup(text_of(row, t->key[1]) ? text_of(row, t->key[1]) : "") : NULL;
    p->uuid = strdup((const char *)sqlite3_value_text(uuid));
}

/* Write one wire row (columns 0.. of st) into the live table: 0 written, 1 skipped and
 * logged, -1 error. */
static int write_row(sync_merge *g, int ti, sqlite3_stmt *row, const char *key)
{
    const sync_table *t = &g->s->t[ti];
    if (upsert_stmt(g, ti)) return -1;
    sqlite3_stmt *up = g->upsert[ti];
    int is_unit = !strcmp(t->def->name, "unit"), npend = g->npend;
    for (int c = 0; c < t->ncols - 1; c++) {
        sqlite3_value *v = sqlite3_column_value(row, c);
        if (!t->ref[c] || sqlite3_value_type(v) == SQLITE_NULL) { sqlite3_bind_value(up, c + 1, v); continue; }
        int64_t id = 0;
        int found = resolve(g, t->ref[c], v, &id);
        if (found < 0) return -1;
        if (!found && is_unit && g->dir == SYNC_UP && !strcmp(t->cols[c], "parent_id") && g->province_id) {
            id = g->province_id;                           /* a commune joining: under this province */
            found = 1;
        }
        if (found) { sqlite3_bind_int64(up, c + 1, id); continue; }
        char detail[300];
        snprintf(detail, sizeof detail, "%s -> %s", t->cols[c], (const char *)sqlite3_value_text(v));
        if (t->notnull[c]) {
            g->npend = npend;
            sync_conflict_log(g, t->def->name, key, "link", "skipped", detail);
            return 1;
        }
        sqlite3_bind_null(up, c + 1);
        add_pending(g, ti, c, row, v);
    }
    int rc = sqlite3_step(up);
    sqlite3_reset(up);
    if (rc == SQLITE_DONE) return 0;
    if ((rc & 0xff) != SQLITE_CONSTRAINT) { sync_fail(g, "sync: %s: %s", t->def->name, sqlite3_errmsg(g->db->h)); return -1; }
    g->npend = npend;
    sync_conflict_log(g, t->def->name, key, "unique", "skipped", sqlite3_errmsg(g->db->h));
    return 1;
}

/* The row as written must belong to whom the sender said (its owner column). */
static int check_owner(sync_merge *g, int ti, sqlite3_stmt *row, const char *key)
{
    const sync_table *t = &g->s->t[ti];
    sqlite3_stmt *st = sync_key_select(g, ti);
    if (!st) return DB_ERR;
    sqlite3_bind_value(st, 1, sqlite3_column_value(row, t->key[0]));
    if (t->nkey == 2) sqlite3_bind_value(st, 2, sqlite3_column_value(row, t->key[1]));
    int ok = sqlite3_step(st) == SQLITE_ROW && sync_same_owner(text_of(st, t->ncols - 1), text_of(row, t->ncols - 1));
    sqlite3_reset(st);
    if (ok) return DB_OK;
    snprintf(g->err, sizeof g->err, _("Tệp đưa dòng %s của bảng %s về một đơn vị khác (không phải của bên gửi): không nhập tệp này."),
             key, t->def->name);
    return DB_INVALID;
}

/* A row the park moved, put back as it was (its own update was refused). */
static int restore(sync_merge *g, int ti, const char *key)
{
    const sync_table *t = &g->s->t[ti];
    char *w = t->nkey == 2 ? NULL : sync_printf("SELECT * FROM pre.\"%w\" WHERE uuid = ?1", t->def->name);
    sqlite3_stmt *st = NULL;
    int rc = w ? sqlite3_prepare_v2(g->m, w, -1, &st, NULL) : SQLITE_NOMEM;
    sqlite3_free(w);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
        rc = sqlite3_step(st) == SQLITE_ROW && write_row(g, ti, st, key) == 0 ? SQLITE_OK : SQLITE_ERROR;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_OK ? DB_OK : sync_fail(g, _("sync: không đặt lại được dòng %s của %s"), key, t->def->name);
}

/* The staged rows of table ti (sync_write.c), each written on its own. */
int sync_rows_upsert(sync_merge *g, int ti)
{
    const sync_table *t = &g->s->t[ti];
    sqlite3_stmt *st = NULL;
    char *sql = sync_printf("SELECT * FROM temp.\"sync_in_%w\" ORDER BY rowid", t->def->name);
    if (!sql || sqlite3_prepare_v2(g->db->h, sql, -1, &st, NULL) != SQLITE_OK) {
        sqlite3_free(sql);
        return sync_fail(g, "sync: %s%s", sqlite3_errmsg(g->db->h), "");
    }
    sqlite3_free(sql);
    int rc = t->def->park ? sync_prepare(g, &g->park[ti], g->park[ti] ? NULL : sync_printf("UPDATE \"%w\" SET %s WHERE uuid = ?1",
                                                                                           t->def->name, t->def->park)) : DB_OK;
    while (!rc && t->def->park && sqlite3_step(st) == SQLITE_ROW) {           /* first the way cleared */
        if (!sqlite3_column_int(st, t->ncols)) continue;
        sqlite3_bind_value(g->park[ti], 1, sqlite3_column_value(st, t->key[0]));
        if (sqlite3_step(g->park[ti]) != SQLITE_DONE) rc = sync_fail(g, "sync: %s: %s", t->def->name, sqlite3_errmsg(g->db->h));
        sqlite3_reset(g->park[ti]);
    }
    sqlite3_reset(st);
    while (!rc && sqlite3_step(st) == SQLITE_ROW) {
        char key[200];
        sync_row_key(st, t, t->key[0], t->nkey == 2 ? t->key[1] : -1, key, sizeof key);
        int existed = sqlite3_column_int(st, t->ncols);
        int w = write_row(g, ti, st, key);
        if (w < 0) rc = DB_ERR;
        else if (w == 1 && existed && t->def->park) rc = restore(g, ti, key);
        else if (w == 0) { g->rows++; rc = check_owner(g, ti, st, key); }
    }
    sqlite3_finalize(st);
    return rc;
}

/* Optional references to rows that came later in the segment, now that all are in. */
int sync_rows_settle(sync_merge *g)
{
    int rc = DB_OK;
    for (int i = 0; i < g->npend; i++) {
        sync_pending *p = &g->pend[i];
        const sync_table *t = &g->s->t[p->t];
        char key[200];
        snprintf(key, sizeof key, "%s%s%s", p->k1, p->k2 ? "/" : "", p->k2 ? p->k2 : "");
        sqlite3_stmt *u = NULL;
        char *sql = sync_printf("UPDATE \"%w\" SET \"%w\" = (SELECT id FROM \"%w\" WHERE uuid = ?1) WHERE uuid = ?2 "
                                "AND EXISTS (SELECT 1 FROM \"%w\" WHERE uuid = ?1)", t->def->name, t->cols[p->col], t->ref[p->col], t->ref[p->col]);
        if (!rc && t->nkey == 1 && sql && sqlite3_prepare_v2(g->db->h, sql, -1, &u, NULL) == SQLITE_OK) {
            sqlite3_bind_text(u, 1, p->uuid, -1, SQLITE_STATIC);
            sqlite3_bind_text(u, 2, p->k1, -1, SQLITE_STATIC);
            if (sqlite3_step(u) != SQLITE_DONE) rc = sync_fail(g, "sync: %s: %s", t->def->name, sqlite3_errmsg(g->db->h));
            else if (sqlite3_changes(g->db->h) == 0) {
                char detail[300];
                snprintf(detail, sizeof detail, "%s -> %s", t->cols[p->col], p->uuid);
                sync_conflict_log(g, t->def->name, key, "link", "theirs", detail);
            }
        }
        sqlite3_finalize(u);
        sqlite3_free(sql);
        free(p->k1); free(p->k2); free(p->uuid);
    }
    g->npend = 0;
    return rc;
}
