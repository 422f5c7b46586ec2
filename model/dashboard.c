/* dashboard: commune and province numbers, each read through task_by_commune. */
#include "model/dashboard.h"
#include "model/campaign.h"
#include "model/db_internal.h"
#include "model/date.h"
#include "model/i18n.h"
#include "model/rows.h"
#include "model/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ?2 today, ?3 today + 7 */
#define DASH_COUNTS "total(status <> 'cancelled'), total(status = 'done'), total(status = 'open'), " \
    "total(status = 'open' AND deadline < ?2), total(status = 'open' AND deadline BETWEEN ?2 AND ?3), " \
    "total(status = 'cancelled'), " \
    "total(CASE WHEN status = 'done' THEN 1.0 WHEN status = 'open' AND target_qty > 0 THEN min(done_qty / target_qty, 1.0) ELSE 0 END) "

typedef struct { dash_counts c; double sum; } acc;

static void read_counts(sqlite3_stmt *st, int first, acc *a)
{
    a->c.total = (int)sqlite3_column_double(st, first);
    a->c.done = (int)sqlite3_column_double(st, first + 1);
    a->c.open = (int)sqlite3_column_double(st, first + 2);
    a->c.overdue = (int)sqlite3_column_double(st, first + 3);
    a->c.due_week = (int)sqlite3_column_double(st, first + 4);
    a->c.cancelled = (int)sqlite3_column_double(st, first + 5);
    a->sum = sqlite3_column_double(st, first + 6);
    a->c.progress = a->c.total ? a->sum / a->c.total : 0;
}

static void add_counts(acc *to, const acc *from)
{
    to->c.total += from->c.total; to->c.done += from->c.done; to->c.open += from->c.open;
    to->c.overdue += from->c.overdue; to->c.due_week += from->c.due_week; to->c.cancelled += from->c.cancelled;
    to->sum += from->sum;
    to->c.progress = to->c.total ? to->sum / to->c.total : 0;
}

void dashboard_free(dashboard *d)
{
    free(d->ranks); free(d->late);
    d->ranks = NULL; d->late = NULL; d->n_ranks = d->n_late = 0;
}

static int criteria_met(ntm_db *db, int64_t unit_id, int64_t set_id, int *met, int *total)
{
    static const char *sql = "SELECT count(*), total(uc.status = 'met') FROM criterion c "
        "LEFT JOIN unit_criterion uc ON uc.unit_id = ?1 AND uc.criterion_id = c.id WHERE c.set_id = ?2";
    *met = *total = 0;
    if (!set_id) return DB_OK;
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, unit_id);
    sqlite3_bind_int64(st, 2, set_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) { *total = sqlite3_column_int(st, 0); *met = (int)sqlite3_column_double(st, 1); }
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? DB_OK : db_sqlite_error(db, rc);
}

/* Ranking: best progress first, then more tasks, then the list's (Vietnamese) order. */
typedef struct { dash_rank r; int order; } ranked;
static int by_rank(const void *x, const void *y)
{
    const ranked *a = x, *b = y;
    if (a->r.c.progress != b->r.c.progress) return a->r.c.progress > b->r.c.progress ? -1 : 1;
    if (a->r.c.total != b->r.c.total) return b->r.c.total - a->r.c.total;
    return a->order - b->order;
}

/* The children (hamlets or communes) with their counts from one grouped statement. */
static int load_ranks(ntm_db *db, dashboard *d, const char *week, acc *sum)
{
    static const char *kids = "SELECT id, name, coalesce(criteria_set_id, 0) FROM unit WHERE parent_id = ?1 AND active = 1 ORDER BY sort_key";
    static const char *by_hamlet = "SELECT hamlet_id, " DASH_COUNTS "FROM task WHERE commune_id = ?1 AND hamlet_id IS NOT NULL GROUP BY hamlet_id";
    static const char *by_commune = "SELECT commune_id, " DASH_COUNTS "FROM task "
        "WHERE commune_id IN (SELECT id FROM unit WHERE parent_id = ?1) GROUP BY commune_id";
    sqlite3_stmt *st = db_stmt(db, kids);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, d->unit_id);
    ranked *v = NULL;
    int64_t *sets = NULL;
    int n = 0, cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            ranked *nv = realloc(v, (size_t)cap * sizeof *nv);
            int64_t *ns = nv ? realloc(sets, (size_t)cap * sizeof *ns) : NULL;
            if (nv) v = nv;
            if (ns) sets = ns;
            if (!nv || !ns) { rc = SQLITE_NOMEM; break; }
        }
        memset(&v[n], 0, sizeof v[n]);
        v[n].r.id = sqlite3_column_int64(st, 0);
        col_text(v[n].r.name, sizeof v[n].r.name, st, 1);
        sets[n] = sqlite3_column_int64(st, 2);
        v[n].order = n;
        n++;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) { free(v); free(sets); return db_sqlite_error(db, rc); }
    if (!(st = db_stmt(db, d->kind == 'c' ? by_hamlet : by_commune))) { free(v); free(sets); return DB_ERR; }
    sqlite3_bind_int64(st, 1, d->unit_id);
    sqlite3_bind_text(st, 2, db_today(db), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, week, -1, SQLITE_TRANSIENT);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(st, 0);
        acc a;
        read_counts(st, 1, &a);
        if (sum) add_counts(sum, &a);
        for (int i = 0; i < n; i++)
            if (v[i].r.id == id) { v[i].r.c = a.c; break; }
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) { free(v); free(sets); return db_sqlite_error(db, rc); }
    for (int i = 0; i < n; i++) {
        if ((rc = criteria_met(db, v[i].r.id, sets[i], &v[i].r.criteria_met, &v[i].r.criteria_total))) { free(v); free(sets); return rc; }
        if (d->kind == 'p') { d->criteria_met += v[i].r.criteria_met; d->criteria_total += v[i].r.criteria_total; }
    }
    free(sets);
    if (n > 1) qsort(v, (size_t)n, sizeof *v, by_rank);
    d->ranks = calloc((size_t)(n ? n : 1), sizeof *d->ranks);
    if (!d->ranks) { free(v); return db_fail(db, DB_ERR, "out of memory"); }
    for (int i = 0; i < n; i++) d->ranks[i] = v[i].r;
    d->n_ranks = n;
    free(v);
    return DB_OK;
}

/* The most overdue open tasks of one commune, in index order (commune, status, deadline). */
static int load_late(ntm_db *db, int64_t commune_id, int limit, dash_late **v, int *n, int *cap)
{
    static const char *sql = "SELECT t.id, t.commune_id, t.title, "
        "trim(coalesce(o.short_name, o.name, '') || CASE WHEN o.id IS NOT NULL AND p.id IS NOT NULL THEN ', ' ELSE '' END "
        "  || coalesce(p.full_name, '') || CASE WHEN o.id IS NULL AND p.id IS NULL THEN coalesce(ou.name, '') ELSE '' END), "
        "coalesce(h.name, ''), c.name, t.deadline, coalesce(t.qty_unit, ''), coalesce(t.target_qty, -1), t.done_qty "
        "FROM task t LEFT JOIN org o ON o.id = t.owner_org_id LEFT JOIN person p ON p.id = t.owner_person_id "
        "LEFT JOIN unit ou ON ou.id = t.owner_unit_id LEFT JOIN unit h ON h.id = t.hamlet_id JOIN unit c ON c.id = t.commune_id "
        "WHERE t.commune_id = ?1 AND t.status = 'open' AND t.deadline < ?2 ORDER BY t.deadline, t.id LIMIT ?3";
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, commune_id);
    sqlite3_bind_text(st, 2, db_today(db), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 3, limit);
    long today = date_days(db_today(db));
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        dash_late *nv = rows_room(*v, *n, cap, sizeof *nv);
        if (!nv) { rc = SQLITE_NOMEM; break; }
        *v = nv;
        dash_late *l = &(*v)[(*n)++];
        memset(l, 0, sizeof *l);
        l->id = sqlite3_column_int64(st, 0);
        l->commune_id = sqlite3_column_int64(st, 1);
        col_text(l->title, sizeof l->title, st, 2);
        col_text(l->owner, sizeof l->owner, st, 3);
        col_text(l->hamlet, sizeof l->hamlet, st, 4);
        col_text(l->commune, sizeof l->commune, st, 5);
        col_text(l->deadline, sizeof l->deadline, st, 6);
        col_text(l->qty_unit, sizeof l->qty_unit, st, 7);
        l->target = sqlite3_column_double(st, 8);
        l->done = sqlite3_column_double(st, 9);
        l->days_late = date_valid_iso(l->deadline) ? (int)(today - date_days(l->deadline)) : 0;
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? DB_OK : db_sqlite_error(db, rc);
}

static int by_late(const void *x, const void *y)
{
    const dash_late *a = x, *b = y;
    int c = strcmp(a->deadline, b->deadline);
    return c ? c : (a->id > b->id) - (a->id < b->id);
}

int dashboard_load(ntm_db *db, int64_t unit_id, int n_late, dashboard *d)
{
    static const char *unit_sql = "SELECT kind, name, coalesce(criteria_set_id, 0), "
        "coalesce((SELECT name FROM criteria_set WHERE id = unit.criteria_set_id), '') FROM unit WHERE id = ?1";
    static const char *totals = "SELECT " DASH_COUNTS "FROM task WHERE commune_id = ?1";
    memset(d, 0, sizeof *d);
    sqlite3_stmt *st = db_stmt(db, unit_sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, unit_id);
    char kind[12] = "";
    int64_t set_id = 0;
    if (sqlite3_step(st) == SQLITE_ROW) {
        col_text(kind, sizeof kind, st, 0);
        col_text(d->name, sizeof d->name, st, 1);
        set_id = sqlite3_column_int64(st, 2);
        col_text(d->set_name, sizeof d->set_name, st, 3);
    }
    sqlite3_reset(st);
    if (strcmp(kind, "commune") && strcmp(kind, "province"))
        return db_fail(db, DB_INVALID, "%s", L("Bảng tổng hợp là của một xã hoặc một tỉnh", "The dashboard is for a commune or a province"));
    d->unit_id = unit_id;
    d->kind = kind[0];
    char week[11];
    date_add(db_today(db), 7, week);
    acc sum = { 0 };
    int rc;
    if (d->kind == 'c') {
        campaign_rec *c = malloc(sizeof *c);
        if (!c) return db_fail(db, DB_ERR, "out of memory");
        rc = campaign_current(db, unit_id, c);
        if (!rc) {
            d->campaign_id = c->id;
            text_copy(d->campaign_name, sizeof d->campaign_name, c->name);
            text_copy(d->campaign_doc, sizeof d->campaign_doc, c->doc_number);
            memcpy(d->campaign_start, c->start_date, sizeof d->campaign_start);
            memcpy(d->campaign_end, c->end_date, sizeof d->campaign_end);
            d->campaign_days_left = c->days_left;
            d->campaign_running = c->running;
        }
        free(c);
        if (rc && rc != DB_NOTFOUND) return rc;
        if (!(st = db_stmt(db, totals))) return DB_ERR;
        sqlite3_bind_int64(st, 1, unit_id);
        sqlite3_bind_text(st, 2, db_today(db), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 3, week, -1, SQLITE_TRANSIENT);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) read_counts(st, 0, &sum);
        sqlite3_reset(st);
        if (rc != SQLITE_ROW) return db_sqlite_error(db, rc);
        if ((rc = criteria_met(db, unit_id, set_id, &d->criteria_met, &d->criteria_total))) return rc;
        if ((rc = load_ranks(db, d, week, NULL))) return rc;
    } else {
        d->set_name[0] = 0;
        if ((rc = load_ranks(db, d, week, &sum))) return rc;
    }
    d->counts = sum.c;
    if (n_late > 0) {
        dash_late *v = NULL;
        int n = 0, cap = 0;
        if (d->kind == 'c') rc = load_late(db, unit_id, n_late, &v, &n, &cap);
        else
            for (int i = 0; i < d->n_ranks && !rc; i++)      /* n_late from each commune, then the first n_late */
                rc = load_late(db, d->ranks[i].id, n_late, &v, &n, &cap);
        if (rc) { free(v); dashboard_free(d); return rc; }
        if (n > 1) qsort(v, (size_t)n, sizeof *v, by_late);
        d->late = v;
        d->n_late = n < n_late ? n : n_late;
    }
    return DB_OK;
}
