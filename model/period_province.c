/* period_province: a province's report, its communes ranked, from a few rows per commune
 * whatever the number of tasks: totals, done and progress from task_tally; open tasks
 * overdue or due from task_open_month and ranges of task_by_commune; the period's
 * reports from a range of progress_by_date; for a past period, the changes since A from
 * the reports dated after A (progress_by_date) and the done tasks changed after A
 * (task_done_by_update, both migration 006). See period_report.h. */
#include "model/period_internal.h"
#include "model/date.h"
#include "model/rows.h"
#include <stdlib.h>
#include <string.h>

#define KIDS "commune_id IN (SELECT id FROM unit WHERE parent_id = ?1) "

typedef struct prov {
    period_report *r;
    const pr_days *p;
    double *sum, total_sum;
} prov;

/* The commune's row (NULL for an inactive commune, counted in the total only). */
static pr_row *row_of(prov *v, int64_t commune_id, double **sum)
{
    pr_row *k = pr_find(v->r->units, v->r->n_units, commune_id);
    *sum = k ? &v->sum[k - v->r->units] : NULL;
    return k;
}

typedef void row_fn(prov *v, pr_counts *c, double *sum, sqlite3_stmt *st);

/* Run sql (?1 the province, then the dates b[0..2] as ?2..?4, NULL: not bound) and hand
 * each row to fn for its commune (column 0) and for the total. */
static int each_commune(ntm_db *db, prov *v, const char *sql, const char *const b[3], row_fn *fn)
{
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, v->r->unit_id);
    for (int i = 0; b && i < 3; i++)
        if (b[i]) sqlite3_bind_text(st, 2 + i, b[i], -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        double *sum;
        pr_row *k = row_of(v, sqlite3_column_int64(st, 0), &sum);
        if (k) fn(v, &k->c, sum, st);
        fn(v, &v->r->total, &v->total_sum, st);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? DB_OK : db_sqlite_error(db, rc);
}

static void on_tally(prov *v, pr_counts *c, double *sum, sqlite3_stmt *st)
{
    c->total += (int)sqlite3_column_double(st, 1);
    c->done += (int)sqlite3_column_double(st, 2);
    *sum += sqlite3_column_double(st, 3);
}

static void on_months(prov *v, pr_counts *c, double *sum, sqlite3_stmt *st) { c->overdue += (int)sqlite3_column_double(st, 1); }

static void on_range(prov *v, pr_counts *c, double *sum, sqlite3_stmt *st)
{
    c->overdue += (int)sqlite3_column_double(st, 1);
    c->due += (int)sqlite3_column_double(st, 2);
}

static void on_reports(prov *v, pr_counts *c, double *sum, sqlite3_stmt *st)
{
    char lo[32], hi[32];
    col_text(lo, sizeof lo, st, 3);
    col_text(hi, sizeof hi, st, 4);
    int n = sqlite3_column_int(st, 1);
    if (strcmp(lo, hi)) { c->reports += n; c->mixed = 1; c->qty_unit[0] = 0; c->qty = 0; }
    else if (!lo[0]) c->reports += n;                     /* no report had a unit */
    else { pr_add_reports(c, 1, sqlite3_column_double(st, 2), lo); c->reports += n - 1; }
}

static void on_finished(prov *v, pr_counts *c, double *sum, sqlite3_stmt *st) { c->finished += sqlite3_column_int(st, 1); }

/* Totals and open-task ranges: today's figures, the only ones when A is today. */
static int load_now(ntm_db *db, prov *v)
{
    static const char *tally = "SELECT commune_id, total(n) FILTER (WHERE status <> 'cancelled'), "
        "total(n) FILTER (WHERE status = 'done'), total(progress + progress_lo) FILTER (WHERE status <> 'cancelled') "
        "FROM task_tally WHERE " KIDS "GROUP BY commune_id";
    static const char *months = "SELECT commune_id, total(n) FROM task_open_month WHERE " KIDS "AND month < ?2 GROUP BY commune_id";
    /* ?2 the first day of A's month, ?3 = to + 7; A is bound as ?4 */
    static const char *range = "SELECT commune_id, total(deadline < ?4), total(deadline >= ?4) FROM task "
        "WHERE " KIDS "AND status = 'open' AND deadline >= ?2 AND deadline <= ?3 GROUP BY commune_id";
    const pr_days *p = v->p;
    char month_start[11];
    memcpy(month_start, p->as_of, 8);
    memcpy(month_start + 8, "01", 3);
    int rc = each_commune(db, v, tally, NULL, on_tally);
    if (!rc) rc = each_commune(db, v, months, (const char *[3]){ p->month }, on_months);
    if (!rc) rc = each_commune(db, v, range, (const char *[3]){ month_start, p->due_to, p->as_of }, on_range);
    return rc;
}

/* A task done now but open on A: out of done, its progress then, overdue or due on A. */
static void undo_finish(prov *v, int64_t commune_id, double now_c, pr_state a, double target, const char *deadline)
{
    double *sum, d = pr_contrib(a, target) - now_c;
    pr_row *k = row_of(v, commune_id, &sum);
    int dk = a.st == 'o' ? pr_due_kind(v->p, deadline) : 0;
    pr_counts *cs[2] = { k ? &k->c : NULL, &v->r->total };
    double *ss[2] = { sum, &v->total_sum };
    for (int i = 0; i < 2; i++) {
        if (!cs[i]) continue;
        *ss[i] += d;
        if (a.st == 'o') cs[i]->done--;
        if (dk == 1) cs[i]->overdue++;
        if (dk == 2) cs[i]->due++;
    }
}

/* A past period: what changed after A, taken back. */
static int rebuild(ntm_db *db, prov *v)
{
    static const char *later = "SELECT t.id, t.commune_id, t.status, coalesce(t.target_qty, -1), t.done_qty, "
        "coalesce(t.deadline, ''), l.n, l.later FROM (SELECT task_id, count(*) AS n, total(qty) AS later FROM progress "
        "WHERE report_date > ?2 GROUP BY task_id) l CROSS JOIN task t ON t.id = l.task_id "
        "WHERE t." KIDS "AND t.status IN ('open', 'done')";
    static const char *closed = "SELECT t.id, t.commune_id, coalesce(t.target_qty, -1), t.done_qty, coalesce(t.deadline, '') "
        "FROM task t WHERE t." KIDS "AND t.status = 'done' AND t.updated_at >= ?2 "
        "AND NOT EXISTS (SELECT 1 FROM progress p WHERE p.task_id = t.id)";
    const pr_days *p = v->p;
    sqlite3_stmt *st = db_stmt(db, later);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, v->r->unit_id);
    sqlite3_bind_text(st, 2, p->as_of, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        char st_now = sqlite3_column_text(st, 2)[0] == 'd' ? 'd' : 'o', deadline[11];
        double target = sqlite3_column_double(st, 3), done = sqlite3_column_double(st, 4);
        col_text(deadline, sizeof deadline, st, 5);
        pr_state now = { st_now, done };
        pr_state a = pr_state_on(p, st_now, target, done, sqlite3_column_int(st, 6), sqlite3_column_double(st, 7), 1, "");
        if (st_now == 'd' && a.st == 'o') { undo_finish(v, sqlite3_column_int64(st, 1), 1.0, a, target, deadline); continue; }
        double *sum, d = pr_contrib(a, target) - pr_contrib(now, target);
        pr_row *k = row_of(v, sqlite3_column_int64(st, 1), &sum);
        if (k) *sum += d;
        v->total_sum += d;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) return db_sqlite_error(db, rc);
    if (!(st = db_stmt(db, closed))) return DB_ERR;
    sqlite3_bind_int64(st, 1, v->r->unit_id);
    sqlite3_bind_text(st, 2, p->after_a, -1, SQLITE_TRANSIENT);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        char deadline[11];
        double target = sqlite3_column_double(st, 2);
        col_text(deadline, sizeof deadline, st, 4);
        pr_state a = { 'o', sqlite3_column_double(st, 3) };
        undo_finish(v, sqlite3_column_int64(st, 1), 1.0, a, target, deadline);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? DB_OK : db_sqlite_error(db, rc);
}

/* The period's reports, and the tasks finished in it (by a report in it, or closed in it
 * without any report). */
static int load_period(ntm_db *db, prov *v)
{
    static const char *reports = "SELECT t.commune_id, count(*), total(p.qty) FILTER (WHERE t.qty_unit <> ''), "
        "coalesce(min(nullif(t.qty_unit, '')), ''), coalesce(max(nullif(t.qty_unit, '')), '') "
        "FROM progress p CROSS JOIN task t ON t.id = p.task_id "
        "WHERE p.report_date BETWEEN ?2 AND ?3 AND t.status IN ('open', 'done') AND t." KIDS "GROUP BY t.commune_id";
    static const char *done_by_report = "SELECT DISTINCT t.id, t.commune_id, coalesce(t.target_qty, -1), t.done_qty "
        "FROM progress p CROSS JOIN task t ON t.id = p.task_id WHERE p.report_date BETWEEN ?2 AND ?3 "
        "AND t.status = 'done' AND t." KIDS;
    static const char *closed = "SELECT t.commune_id, count(*) FROM task t WHERE t." KIDS "AND t.status = 'done' "
        "AND t.updated_at >= ?2 AND t.updated_at < ?3 AND NOT EXISTS (SELECT 1 FROM progress p WHERE p.task_id = t.id) "
        "GROUP BY t.commune_id";
    const pr_days *p = v->p;
    int rc = each_commune(db, v, reports, (const char *[3]){ p->from, p->to }, on_reports);
    if (!rc) rc = each_commune(db, v, closed, (const char *[3]){ p->from, p->after_to }, on_finished);
    if (rc) return rc;
    /* each candidate's finishing date reads its own reports: collect first */
    typedef struct { int64_t id, commune; double target, done; } fin;
    fin *f = NULL;
    int n = 0, cap = 0;
    sqlite3_stmt *st = db_stmt(db, done_by_report);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, v->r->unit_id);
    sqlite3_bind_text(st, 2, p->from, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, p->to, -1, SQLITE_TRANSIENT);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        fin *nv = rows_room(f, n, &cap, sizeof *nv);
        if (!nv) { rc = SQLITE_NOMEM; break; }
        f = nv;
        f[n++] = (fin){ sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1), sqlite3_column_double(st, 2),
                        sqlite3_column_double(st, 3) };
    }
    sqlite3_reset(st);
    rc = rc == SQLITE_DONE ? DB_OK : db_sqlite_error(db, rc);
    for (int i = 0; i < n && !rc; i++) {
        char date[11];
        if ((rc = pr_finish_date(db, f[i].id, f[i].target, f[i].done, "", 1, date))) break;
        if (strcmp(date, p->from) < 0 || strcmp(date, p->to) > 0) continue;
        double *sum;
        pr_row *k = row_of(v, f[i].commune, &sum);
        if (k) k->c.finished++;
        v->r->total.finished++;
    }
    free(f);
    return rc;
}

int pr_load_province(ntm_db *db, const pr_days *p, period_report *r)
{
    int rc = pr_load_children(db, r->unit_id, 'c', &r->units, &r->n_units);
    if (rc) return rc;
    prov v = { r, p, calloc((size_t)(r->n_units ? r->n_units : 1), sizeof *v.sum), 0 };
    if (!v.sum) return db_fail(db, DB_ERR, "out of memory");
    rc = load_now(db, &v);
    if (!rc && p->rebuild) rc = rebuild(db, &v);
    if (!rc) rc = load_period(db, &v);
    r->total.progress = r->total.total ? v.total_sum / r->total.total : 0;
    if (!rc) rc = pr_rank_rows(db, r, v.sum);
    free(v.sum);
    return rc;
}
