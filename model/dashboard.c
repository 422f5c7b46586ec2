/* dashboard: commune and province numbers, read from a few rows per commune whatever the
 * number of tasks. Total, done, open, cancelled and progress come from task_tally;
 * overdue from task_open_month (months before this one) plus a range of task_by_commune
 * (this month up to today); due this week from a range of task_by_commune (tables and
 * triggers: model/sql/001_init.sql). ?1 the unit, ?2 today, ?3 today + 7, ?4 this month. */
#include "model/dashboard.h"
#include "model/campaign.h"
#include "model/criteria.h"
#include "model/period_report.h"
#include "model/db_internal.h"
#include "model/date.h"
#include "model/i18n.h"
#include "model/rows.h"
#include "model/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Over task_tally rows. The progress sum leaves cancelled tasks out (they count 0). */
#define TALLY_COUNTS "total(n) FILTER (WHERE status <> 'cancelled'), total(n) FILTER (WHERE status = 'done'), " \
    "total(n) FILTER (WHERE status = 'open'), total(n) FILTER (WHERE status = 'cancelled'), " \
    "total(progress + progress_lo) FILTER (WHERE status <> 'cancelled') "
/* Over open tasks with a deadline up to ?3: overdue (before ?2), due this week (from ?2). */
#define DUE_COUNTS "total(deadline < ?2), total(deadline >= ?2) "

typedef struct { dash_counts c; double sum; } acc;

static void read_tally(sqlite3_stmt *st, int first, acc *a)
{
    a->c.total = (int)sqlite3_column_double(st, first);
    a->c.done = (int)sqlite3_column_double(st, first + 1);
    a->c.open = (int)sqlite3_column_double(st, first + 2);
    a->c.cancelled = (int)sqlite3_column_double(st, first + 3);
    a->sum = sqlite3_column_double(st, first + 4);
    a->c.progress = a->c.total ? a->sum / a->c.total : 0;
}

static void read_due(sqlite3_stmt *st, int first, acc *a)
{
    a->c.overdue = (int)sqlite3_column_double(st, first);
    a->c.due_week = (int)sqlite3_column_double(st, first + 1);
}

static void add_counts(acc *to, const acc *from)
{
    to->c.total += from->c.total; to->c.done += from->c.done; to->c.open += from->c.open;
    to->c.overdue += from->c.overdue; to->c.due_week += from->c.due_week; to->c.cancelled += from->c.cancelled;
    to->sum += from->sum;
    to->c.progress = to->c.total ? to->sum / to->c.total : 0;
}

/* ?1 the unit, ?2 today, ?3 today + 7, ?4 this month ('YYYY-MM'; '' for a today that
 * is not a date: then the ranges alone count all overdue tasks), as far as used. */
static void bind_unit_days(sqlite3_stmt *st, int64_t id, const char *today, const char *week)
{
    int n = sqlite3_bind_parameter_count(st);
    sqlite3_bind_int64(st, 1, id);
    if (n >= 2) sqlite3_bind_text(st, 2, today, -1, SQLITE_TRANSIENT);
    if (n >= 3) sqlite3_bind_text(st, 3, week, -1, SQLITE_TRANSIENT);
    if (n >= 4) sqlite3_bind_text(st, 4, today, date_valid_iso(today) ? 7 : 0, SQLITE_TRANSIENT);
}

void dashboard_free(dashboard *d)
{
    free(d->ranks); free(d->late);
    d->ranks = NULL; d->late = NULL; d->n_ranks = d->n_late = d->n_followups = d->followups_open = 0;
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

/* Ranking: the one rule of the papers too (period_rank_cmp in model/period_report.h),
 * so the screen and the weekly report agree; order is the list's (Vietnamese) order. */
typedef struct { dash_rank r; acc a; int order; } ranked;
static int by_rank(const void *x, const void *y)
{
    const ranked *a = x, *b = y;
    rank_key ka = { a->r.c.progress, a->r.c.total, a->r.c.overdue, a->order };
    rank_key kb = { b->r.c.progress, b->r.c.total, b->r.c.overdue, b->order };
    return period_rank_cmp(&ka, &kb);
}

/* The child with this id (children are few: the hamlets of a commune, the communes of a
 * province); NULL for one not listed (an inactive commune, still counted in the sum). */
static ranked *find_kid(ranked *v, int n, int64_t id)
{
    for (int i = 0; i < n; i++) if (v[i].r.id == id) return &v[i];
    return NULL;
}

/* The children (hamlets or communes) with their counts, from statements grouped by child:
 * the tally, then (communes) the overdue of past months, then the open tasks due up to a
 * week from today (for communes from this month's start). sum: all children's counts. */
static int load_ranks(ntm_db *db, dashboard *d, const char *week, acc *sum)
{
    static const char *kids = "SELECT id, name, coalesce(criteria_set_id, 0) FROM unit WHERE parent_id = ?1 AND active = 1 ORDER BY sort_key";
    static const char *tally_h = "SELECT hamlet_id, " TALLY_COUNTS "FROM task_tally WHERE commune_id = ?1 AND hamlet_id <> 0 GROUP BY hamlet_id";
    static const char *due_h = "SELECT hamlet_id, " DUE_COUNTS "FROM task "
        "WHERE commune_id = ?1 AND status = 'open' AND deadline <= ?3 AND hamlet_id IS NOT NULL GROUP BY hamlet_id";
#define KIDS "commune_id IN (SELECT id FROM unit WHERE parent_id = ?1) "
    static const char *tally_c = "SELECT commune_id, " TALLY_COUNTS "FROM task_tally WHERE " KIDS "GROUP BY commune_id";
    static const char *months_c = "SELECT commune_id, total(n), 0 FROM task_open_month WHERE " KIDS "AND month < ?4 GROUP BY commune_id";
    static const char *due_c = "SELECT commune_id, " DUE_COUNTS "FROM task "
        "WHERE " KIDS "AND status = 'open' AND deadline >= ?4 AND deadline <= ?3 GROUP BY commune_id";
#undef KIDS
    const char *passes[3] = { tally_h, due_h, NULL };
    if (d->kind == 'p') { passes[0] = tally_c; passes[1] = months_c; passes[2] = due_c; }
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
    for (int pass = 0; pass < 3 && passes[pass]; pass++) {
        if (!(st = db_stmt(db, passes[pass]))) { free(v); free(sets); return DB_ERR; }
        bind_unit_days(st, d->unit_id, db_today(db), week);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            acc a = { 0 };
            if (pass == 0) read_tally(st, 1, &a); else read_due(st, 1, &a);
            if (sum) add_counts(sum, &a);
            ranked *k = find_kid(v, n, sqlite3_column_int64(st, 0));
            if (k) add_counts(&k->a, &a);
        }
        sqlite3_reset(st);
        if (rc != SQLITE_DONE) { free(v); free(sets); return db_sqlite_error(db, rc); }
    }
    for (int i = 0; i < n; i++) {
        v[i].r.c = v[i].a.c;
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

/* An overdue task as the list shows it; LATE_SQL(where) selects the columns read_late reads.
 * LATE_SQL_BY names the index of task to read (without statistics the planner would go
 * through every open task of a province to find the few follow-ups). */
#define LATE_SQL(where) LATE_SQL_BY("", where)
#define LATE_SQL_BY(index, where) "SELECT t.id, t.commune_id, t.title, " \
    "trim(coalesce(o.short_name, o.name, '') || CASE WHEN o.id IS NOT NULL AND p.id IS NOT NULL THEN ', ' ELSE '' END " \
    "  || coalesce(p.full_name, '') || CASE WHEN o.id IS NULL AND p.id IS NULL THEN coalesce(ou.name, '') ELSE '' END), " \
    "coalesce(h.name, ''), c.name, t.deadline, coalesce(t.qty_unit, ''), coalesce(t.target_qty, -1), t.done_qty " \
    "FROM task t " index " LEFT JOIN org o ON o.id = t.owner_org_id LEFT JOIN person p ON p.id = t.owner_person_id " \
    "LEFT JOIN unit ou ON ou.id = t.owner_unit_id LEFT JOIN unit h ON h.id = t.hamlet_id JOIN unit c ON c.id = t.commune_id " \
    "WHERE " where

static void read_late(sqlite3_stmt *st, long today, dash_late *l)
{
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

/* The most overdue open tasks of one commune, in index order (commune, status, deadline). */
static int load_late(ntm_db *db, int64_t commune_id, int limit, dash_late **v, int *n, int *cap)
{
    static const char *sql = LATE_SQL("t.commune_id = ?1 AND t.status = 'open' AND t.deadline < ?2 ORDER BY t.deadline, t.id LIMIT ?3");
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
        read_late(st, today, &(*v)[(*n)++]);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? DB_OK : db_sqlite_error(db, rc);
}

/* A candidate for a province's late list: g orders by the whole deadline (rows of one
 * commune come in deadline order; g grows with each new deadline), deadline is as the
 * list holds it. */
typedef struct { int64_t id; int g; char deadline[11]; } late_key;
static int by_group(const void *x, const void *y)
{
    const late_key *a = x, *b = y;
    if (a->g != b->g) return a->g < b->g ? -1 : 1;
    return (a->id > b->id) - (a->id < b->id);
}
static int by_late_key(const void *x, const void *y)
{
    const late_key *a = x, *b = y;
    int c = strcmp(a->deadline, b->deadline);
    return c ? c : (a->id > b->id) - (a->id < b->id);
}

/* One commune's first `limit` overdue tasks by deadline then id, as load_late has them,
 * from the index alone: read in index order (deadline, hamlet, id) up to the last task
 * due the day the limit is reached, then ordered by deadline and id. Appended to *k. */
static int late_keys(ntm_db *db, int64_t commune_id, int limit, late_key **k, int *nk, int *cap)
{
    static const char *sql = "SELECT id, deadline FROM task WHERE commune_id = ?1 AND status = 'open' AND deadline < ?2 ORDER BY deadline";
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, commune_id);
    sqlite3_bind_text(st, 2, db_today(db), -1, SQLITE_TRANSIENT);
    int first = *nk, g = 0, rc;
    char *prev = NULL;
    int prev_len = -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const void *dl = sqlite3_column_blob(st, 1);
        int len = sqlite3_column_bytes(st, 1);
        int same = prev_len == len && (len == 0 || !memcmp(prev, dl, (size_t)len));
        if (!same) {
            if (*nk - first >= limit) break;                  /* the limit's day is complete */
            char *np = realloc(prev, (size_t)len + 1);
            if (!np) { rc = SQLITE_NOMEM; break; }
            prev = np;
            if (len) memcpy(prev, dl, (size_t)len);
            prev_len = len;
            g++;
        }
        late_key *nv = rows_room(*k, *nk, cap, sizeof *nv);
        if (!nv) { rc = SQLITE_NOMEM; break; }
        *k = nv;
        nv[*nk].id = sqlite3_column_int64(st, 0);
        nv[*nk].g = g;
        col_text(nv[*nk].deadline, sizeof nv[*nk].deadline, st, 1);
        (*nk)++;
    }
    sqlite3_reset(st);
    free(prev);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_sqlite_error(db, rc);
    if (*nk - first > 1) qsort(*k + first, (size_t)(*nk - first), sizeof **k, by_group);
    if (*nk - first > limit) *nk = first + limit;
    return DB_OK;
}

int dashboard_task(ntm_db *db, int64_t task_id, const char *as_of, dash_late *out)
{
    static const char *one = LATE_SQL("t.id = ?1");
    sqlite3_stmt *st = db_stmt(db, one);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, task_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) read_late(st, date_days(as_of), out);
    sqlite3_reset(st);
    if (rc == SQLITE_DONE) return db_fail(db, DB_NOTFOUND, "%s", _("Không có đầu việc này"));
    return rc == SQLITE_ROW ? DB_OK : db_sqlite_error(db, rc);
}

/* A province's most overdue tasks: each listed commune's first `limit` (as load_late),
 * the first `limit` of all those, and only these read whole. */
static int load_late_province(ntm_db *db, const dashboard *d, int limit, dash_late **v, int *n)
{
    late_key *k = NULL;
    int nk = 0, cap = 0, rc = DB_OK;
    for (int i = 0; i < d->n_ranks && !rc; i++) rc = late_keys(db, d->ranks[i].id, limit, &k, &nk, &cap);
    if (rc) { free(k); return rc; }
    if (nk > 1) qsort(k, (size_t)nk, sizeof *k, by_late_key);
    if (nk > limit) nk = limit;
    if (!nk) { free(k); return DB_OK; }
    *v = calloc((size_t)nk, sizeof **v);
    if (!*v) { free(k); return db_fail(db, DB_ERR, "out of memory"); }
    *n = 0;
    for (int i = 0; i < nk; i++) {
        int r = dashboard_task(db, k[i].id, db_today(db), &(*v)[*n]);
        if (r == DB_OK) (*n)++;
        else if (r != DB_NOTFOUND) { free(k); return r; }
    }
    free(k);
    return DB_OK;
}

static int by_late(const void *x, const void *y)
{
    const dash_late *a = x, *b = y;
    int c = strcmp(a->deadline, b->deadline);
    return c ? c : (a->id > b->id) - (a->id < b->id);
}

/* The open follow-up tasks of failed tour checks (the tasks' partial index by check:
 * few rows, whatever the province's size), soonest deadline first, after v's n rows. */
static int load_followups(ntm_db *db, dashboard *d, int limit, dash_late **v, int *n, int *cap)
{
    static const char *commune = LATE_SQL_BY("INDEXED BY task_by_check", "t.tour_check_id IS NOT NULL AND t.commune_id = ?1 AND t.status = 'open' "
                                             "ORDER BY t.deadline IS NULL, t.deadline, t.id");
    static const char *province = LATE_SQL_BY("INDEXED BY task_by_check", "t.tour_check_id IS NOT NULL AND c.parent_id = ?1 AND t.status = 'open' "
                                              "ORDER BY t.deadline IS NULL, t.deadline, t.id");
    sqlite3_stmt *st = db_stmt(db, d->kind == 'c' ? commune : province);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, d->unit_id);
    long today = date_days(db_today(db));
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (d->followups_open++ >= limit) continue;          /* counted, not kept */
        dash_late *nv = rows_room(*v, *n, cap, sizeof *nv);
        if (!nv) { rc = SQLITE_NOMEM; break; }
        *v = nv;
        read_late(st, today, &(*v)[(*n)++]);
        d->n_followups++;
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? DB_OK : db_sqlite_error(db, rc);
}

int dashboard_load(ntm_db *db, int64_t unit_id, int n_late, dashboard *d)
{
    static const char *unit_sql = "SELECT kind, name, coalesce(criteria_set_id, 0), "
        "coalesce((SELECT name FROM criteria_set WHERE id = unit.criteria_set_id), '') FROM unit WHERE id = ?1";
    static const char *totals = "SELECT " TALLY_COUNTS ", "
        "(SELECT total(n) FROM task_open_month WHERE commune_id = ?1 AND month < ?4) + "
        "(SELECT count(*) FROM task WHERE commune_id = ?1 AND status = 'open' AND deadline >= ?4 AND deadline < ?2), "
        "(SELECT count(*) FROM task WHERE commune_id = ?1 AND status = 'open' AND deadline BETWEEN ?2 AND ?3) "
        "FROM task_tally WHERE commune_id = ?1";
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
    criteria_set_rec cs;                      /* the label that tells the sets apart */
    if (set_id && criteria_set_get(db, set_id, &cs) == DB_OK) text_copy(d->set_name, sizeof d->set_name, cs.label);
    if (strcmp(kind, "commune") && strcmp(kind, "province"))
        return db_fail(db, DB_INVALID, "%s", _("Bảng tổng hợp là của một xã hoặc một tỉnh"));
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
        bind_unit_days(st, unit_id, db_today(db), week);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            read_tally(st, 0, &sum);
            sum.c.overdue = (int)sqlite3_column_double(st, 5);
            sum.c.due_week = sqlite3_column_int(st, 6);
        }
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
        else rc = load_late_province(db, d, n_late, &v, &n);
        if (rc) { free(v); dashboard_free(d); return rc; }
        if (n > 1) qsort(v, (size_t)n, sizeof *v, by_late);
        d->n_late = n = n < n_late ? n : n_late;
        if (cap < n) cap = n;               /* load_late_province sized v exactly */
        rc = load_followups(db, d, n_late, &v, &n, &cap);
        d->late = v;
        if (rc) { dashboard_free(d); return rc; }
    }
    return DB_OK;
}
