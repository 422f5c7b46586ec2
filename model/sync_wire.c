/* sync_wire: the tables that travel and their wire form. A wire table has the live
 * table's columns but id, in the same order, then "owner"; it is keyed by uuid (a link
 * table by its two foreign keys), each foreign key column holds the uuid of the row it
 * points to, and owner is the uuid of the commune (or province) the row belongs to, NULL
 * for criteria sets and checklists. Its columns have no type, so every value keeps its
 * own (5 stays an integer, 5.0 a real) and a diff sees only real changes.
 *
 * Not travelling: meta (but the site id, in the file header), ui_state, audit, the
 * users and their roles (user_role, user_hamlet: each file has its own), the
 * derived task_tally, task_open_month, task_code_seq, the sync_* bookkeeping, and
 * status_kind (the same rows in every file, from migration 001). */
#include "model/sync_internal.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define UP SYNC_UP
#define DOWN SYNC_DOWN
#define VIA_TOUR "(SELECT x.unit_id FROM tour x WHERE x.id = t.tour_id)"

/* Parents before children: rows are merged in this order, deleted in the reverse. */
static const sync_table_def DEFS[] = {
    { "criteria_set", NULL, UP | DOWN, NULL, 0, "code = '~' || id", NULL, { { 0 } } },
    { "criterion", NULL, UP | DOWN, NULL, 0, "number = -id", NULL, { { "set_id", "criteria_set" } } },
    { "indicator", NULL, UP | DOWN, NULL, 0, "code = '~' || id", NULL, { { "criterion_id", "criterion" } } },
    { "indicator_target", NULL, UP | DOWN, NULL, 0, NULL, NULL, { { "indicator_id", "indicator" } } },
    { "checklist_template", NULL, UP | DOWN, NULL, 0, "code = '~' || id", NULL, { { 0 } } },
    { "checklist_item", NULL, UP | DOWN, NULL, 0, "seq = -id", NULL,
      { { "template_id", "checklist_template" }, { "criterion_id", "criterion" } } },
    { "unit", "t.id", UP | DOWN, NULL, 0, NULL, "CASE m.kind WHEN 'province' THEN 0 WHEN 'commune' THEN 1 ELSE 2 END",
      { { "parent_id", "unit" }, { "criteria_set_id", "criteria_set" }, { "merged_into_id", "unit" } } },
    { "unit_event", "t.unit_id", UP, NULL, 0, NULL, NULL, { { "unit_id", "unit" }, { "other_unit_id", "unit" } } },
    { "unit_status", "t.unit_id", UP, NULL, 0, NULL, NULL, { { "unit_id", "unit" } } },
    { "org", "t.unit_id", UP, NULL, 0, NULL, NULL, { { "unit_id", "unit" } } },
    { "person", "t.unit_id", UP, NULL, 0, NULL, NULL, { { "unit_id", "unit" }, { "org_id", "org" } } },
    { "issuer", "t.unit_id", UP, NULL, 0, "code = '~' || id", NULL, { { "unit_id", "unit" }, { "org_id", "org" } } },
    { "campaign", "t.unit_id", UP | DOWN, NULL, 0, NULL, NULL, { { "unit_id", "unit" } } },
    { "directive", "t.unit_id", DOWN, "(t.commune_id IS NULL OR t.commune_id = ?2)", 0, NULL, NULL,
      { { "unit_id", "unit" }, { "commune_id", "unit" } } },
    { "household", "t.hamlet_id", UP, NULL, 0, NULL, NULL, { { "hamlet_id", "unit" } } },
    { "unit_criterion", "t.unit_id", UP, NULL, 0, NULL, NULL,
      { { "unit_id", "unit" }, { "criterion_id", "criterion" }, { "owner_org_id", "org" }, { "owner_person_id", "person" } } },
    { "tour", "t.unit_id", UP, NULL, 0, NULL, NULL,
      { { "unit_id", "unit" }, { "lead_person_id", "person" }, { "campaign_id", "campaign" } } },
    { "tour_member", VIA_TOUR, UP, NULL, 1, NULL, NULL, { { "tour_id", "tour" }, { "person_id", "person" } } },
    { "tour_stop", VIA_TOUR, UP, NULL, 0, "seq = -id", NULL,
      { { "tour_id", "tour" }, { "hamlet_id", "unit" }, { "household_id", "household" } } },
    { "tour_check", "(SELECT x.unit_id FROM tour x JOIN tour_stop s ON s.tour_id = x.id WHERE s.id = t.stop_id)", UP, NULL, 0,
      "seq = -id", NULL, { { "stop_id", "tour_stop" }, { "item_id", "checklist_item" } } },
    { "task", "t.commune_id", UP, NULL, 0, NULL, NULL,
      { { "commune_id", "unit" }, { "hamlet_id", "unit" }, { "criterion_id", "criterion" }, { "campaign_id", "campaign" },
        { "owner_org_id", "org" }, { "owner_person_id", "person" }, { "owner_unit_id", "unit" },
        { "tour_check_id", "tour_check" } } },
    { "progress", "(SELECT x.commune_id FROM task x WHERE x.id = t.task_id)", UP, NULL, 0, NULL, NULL, { { "task_id", "task" } } },
};
enum { N_DEFS = sizeof DEFS / sizeof DEFS[0] };

char *sync_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = sqlite3_vmprintf(fmt, ap);
    va_end(ap);
    return s;
}

int sync_schema_index(const sync_schema *s, const char *name)
{
    for (int i = 0; name && i < s->n; i++) if (!strcmp(s->t[i].def->name, name)) return i;
    return -1;
}

static const char *fk_ref(const sync_table_def *d, const char *col)
{
    for (int i = 0; i < 8 && d->fk[i].col; i++) if (!strcmp(d->fk[i].col, col)) return d->fk[i].ref;
    return NULL;
}

/* The owner uuid of row t: its unit's, or the commune's for a hamlet. */
static char *owner_sql(const sync_table_def *d)
{
    if (!d->unit_expr) return sync_printf("NULL");
    return sync_printf("(SELECT CASE o.kind WHEN 'hamlet' THEN (SELECT p.uuid FROM unit p WHERE p.id = o.parent_id) "
                       "ELSE o.uuid END FROM unit o WHERE o.id = %s)", d->unit_expr);
}

/* "SELECT <wire columns> FROM name t", built from the live table's columns. */
static int load_table(ntm_db *db, const sync_table_def *d, sync_table *t)
{
    sqlite3_stmt *st;
    char *sql = sync_printf("SELECT name, \"notnull\" FROM pragma_table_info('%q') WHERE name <> 'id' ORDER BY cid", d->name);
    int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
    sqlite3_free(sql);
    if (rc != SQLITE_OK) return db_sqlite_error(db, rc);
    memset(t, 0, sizeof *t);
    t->def = d;
    int cap = 64;
    t->cols = calloc((size_t)cap, sizeof *t->cols);
    t->ref = calloc((size_t)cap, sizeof *t->ref);
    t->notnull = calloc((size_t)cap, 1);
    char *sel = sync_printf("SELECT ");
    while (sel && t->cols && t->ref && t->notnull && sqlite3_step(st) == SQLITE_ROW && t->ncols < cap - 1) {
        const char *c = (const char *)sqlite3_column_text(st, 0);
        int i = t->ncols++;
        t->cols[i] = strdup(c);
        t->ref[i] = fk_ref(d, c);
        t->notnull[i] = (unsigned char)sqlite3_column_int(st, 1);
        if (!strcmp(d->name, "unit") && !strcmp(c, "parent_id")) t->notnull[i] = 1;   /* NULL only for a province */
        if (!strcmp(c, "uuid")) t->key[t->nkey++] = i;
        char *more = t->ref[i] ? sync_printf("%s(SELECT r.uuid FROM \"%w\" r WHERE r.id = t.\"%w\"), ", sel, t->ref[i], c)
                               : sync_printf("%st.\"%w\", ", sel, c);
        sqlite3_free(sel);
        sel = more;
    }
    sqlite3_finalize(st);
    if (d->link) { t->nkey = 2; t->key[0] = 0; t->key[1] = 1; }
    char *own = owner_sql(d);
    if (!sel || !own || !t->cols || !t->cols[0] || t->nkey == 0) {
        sqlite3_free(sel); sqlite3_free(own);
        return db_fail(db, DB_ERR, "sync: table %s cannot travel", d->name);
    }
    t->cols[t->ncols++] = strdup("owner");
    t->select = sync_printf("%s%s FROM \"%w\" t", sel, own, d->name);
    t->owner = own;
    sqlite3_free(sel);
    return t->select ? DB_OK : db_fail(db, DB_ERR, "out of memory");
}

int sync_schema_load(ntm_db *db, sync_schema *s)
{
    memset(s, 0, sizeof *s);
    for (int i = 0; i < N_DEFS; i++) {
        int rc = load_table(db, &DEFS[i], &s->t[s->n++]);
        if (rc) { sync_schema_free(s); return rc; }
    }
    return DB_OK;
}

void sync_schema_free(sync_schema *s)
{
    for (int i = 0; i < s->n; i++) {
        for (int c = 0; c < s->t[i].ncols; c++) free(s->t[i].cols[c]);
        free(s->t[i].cols);
        free(s->t[i].ref);
        free(s->t[i].notnull);
        sqlite3_free(s->t[i].select);
        sqlite3_free(s->t[i].owner);
    }
    s->n = 0;
}

int sync_schema_create(sqlite3 *m, const sync_schema *s, const char *schema, char *err, size_t en)
{
    for (int i = 0; i < s->n; i++) {
        const sync_table *t = &s->t[i];
        char *sql = sync_printf("CREATE TABLE \"%w\".\"%w\"(", schema, t->def->name);
        for (int c = 0; sql && c < t->ncols; c++) {
            char *more = sync_printf("%s\"%w\", ", sql, t->cols[c]);
            sqlite3_free(sql);
            sql = more;
        }
        char *full = t->nkey == 2 ? sync_printf("%sPRIMARY KEY(\"%w\", \"%w\"))", sql, t->cols[t->key[0]], t->cols[t->key[1]])
                                  : sync_printf("%sPRIMARY KEY(\"%w\"))", sql, t->cols[t->key[0]]);
        sqlite3_free(sql);
        char *msg = NULL;
        int rc = full ? sqlite3_exec(m, full, NULL, NULL, &msg) : SQLITE_NOMEM;
        sqlite3_free(full);
        if (rc != SQLITE_OK) {
            snprintf(err, en, "sync: %s", msg ? msg : sqlite3_errstr(rc));
            sqlite3_free(msg);
            return DB_ERR;
        }
    }
    return DB_OK;
}

int sync_memdb(const sync_schema *s, const char *attach, sqlite3 **out, char *err, size_t en)
{
    sqlite3 *m = NULL;
    *out = NULL;
    if (sqlite3_open(":memory:", &m) != SQLITE_OK) {
        snprintf(err, en, "sync: %s", m ? sqlite3_errmsg(m) : "out of memory");
        sqlite3_close(m);
        return DB_ERR;
    }
    int rc = sync_schema_create(m, s, "main", err, en);
    if (!rc && attach) {
        char *sql = sync_printf("ATTACH ':memory:' AS \"%w\"", attach);
        if (sqlite3_exec(m, sql, NULL, NULL, NULL) != SQLITE_OK) {
            snprintf(err, en, "sync: %s", sqlite3_errmsg(m));
            rc = DB_ERR;
        }
        sqlite3_free(sql);
        if (!rc) rc = sync_schema_create(m, s, attach, err, en);
    }
    if (rc) { sqlite3_close(m); return rc; }
    *out = m;
    return DB_OK;
}

sqlite3_stmt *sync_insert_stmt(sqlite3 *to, const char *schema, const sync_table *t)
{
    char *sql = sync_printf("INSERT INTO \"%w\".\"%w\" VALUES (?", schema, t->def->name);
    for (int c = 1; sql && c < t->ncols; c++) {
        char *more = sync_printf("%s, ?", sql);
        sqlite3_free(sql);
        sql = more;
    }
    char *full = sync_printf("%s)", sql);
    sqlite3_free(sql);
    sqlite3_stmt *ins = NULL;
    if (!full || sqlite3_prepare_v2(to, full, -1, &ins, NULL) != SQLITE_OK) ins = NULL;
    sqlite3_free(full);
    return ins;
}

int sync_copy_rows(sqlite3_stmt *from, sqlite3_stmt *ins, int ncols, int *rows)
{
    int rc;
    while ((rc = sqlite3_step(from)) == SQLITE_ROW) {
        for (int c = 0; c < ncols; c++) sqlite3_bind_value(ins, c + 1, sqlite3_column_value(from, c));
        rc = sqlite3_step(ins);
        sqlite3_reset(ins);
        if (rc != SQLITE_DONE) break;
        if (rows) (*rows)++;
    }
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}
