/* The running totals (task_tally, task_open_month; model/sql/001_init.sql) on the demo
 * database: after every write, through the model (create, edit, move to another hamlet,
 * status, delete, progress reports added, corrected, deleted, undo) and through raw SQL on
 * a second connection as the sqlite3 shell would write (multi-row updates, moves between
 * communes, odd deadlines, reports moved between tasks), both tables equal the same
 * GROUP BY over task; and unit_count_tasks and dashboard_load give the numbers the plain
 * SQL over every task row gives (the queries these functions ran before the tallies). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "model/dashboard.h"
#include "model/db.h"
#include "model/demo.h"
#include "model/task.h"
#include "model/task_edit.h"
#include "model/undo.h"
#include "model/unit.h"
#include "tests/unit/fixture.h"

static char dir[64], path[128], err[1024];
static ntm_db *db;
static sqlite3 *raw;             /* a second connection, as the sqlite3 shell */

#define TODAY "2022-06-20"
#define WEEK  "2022-06-27"
#define PROGRESS_EXPR "CASE WHEN status = 'done' THEN 1.0 WHEN target_qty > 0 THEN min(done_qty / target_qty, 1.0) ELSE 0 END"
#define EPS 1e-9

static const int COMMUNES[] = { 10, 20, 30, 40, 50 };
enum { N_COMMUNES = sizeof COMMUNES / sizeof COMMUNES[0] };

#define Q(...) fx_sql_d(db_handle(db), __VA_ARGS__)

static void raw_exec(const char *fmt, ...)
{
    char sql[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(sql, sizeof sql, fmt, ap);
    va_end(ap);
    char *msg = NULL;
    if (sqlite3_exec(raw, sql, NULL, NULL, &msg) != SQLITE_OK) {
        fprintf(stderr, "raw SQL: %s\n  %s\n", sql, msg ? msg : "?");
        sqlite3_free(msg);
        fail();
    }
}

static int64_t pick(const char *fmt, ...)     /* one id from a query (0: none) */
{
    char sql[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(sql, sizeof sql, fmt, ap);
    va_end(ap);
    return (int64_t)Q("SELECT coalesce((%s), 0)", sql);
}

static int setup(void **s)
{
    (void)s;
    unsetenv("NTM_TODAY");
    if (fx_demo(dir, sizeof dir, "tally", path, sizeof path, "t.db", err, sizeof err)) return -1;
    if (db_open(&db, path, 0, 2000, err, sizeof err)) return -1;
    if (strcmp(db_today(db), TODAY)) return -1;
    if (sqlite3_open_v2(path, &raw, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) return -1;
    sqlite3_busy_timeout(raw, 2000);
    return 0;
}

static int teardown(void **s)
{
    (void)s;
    sqlite3_close(raw);
    db_close(db);
    return fx_rmdir(dir);
}

/* Both tables hold exactly the groups of task, with the same counts and sums. */
static void check_tally(void)
{
    const char *groups = "SELECT commune_id c, coalesce(hamlet_id, 0) h, status s, count(*) n, total(" PROGRESS_EXPR ") p "
                         "FROM task GROUP BY 1, 2, 3";
    assert_int_equal((int)Q("SELECT count(*) FROM task_tally"), (int)Q("SELECT count(*) FROM (%s)", groups));
    assert_int_equal((int)Q("SELECT count(*) FROM (%s) g LEFT JOIN task_tally t ON t.commune_id = g.c AND t.hamlet_id = g.h "
                            "AND t.status = g.s WHERE t.n IS NOT g.n OR NOT abs(t.progress + t.progress_lo - g.p) < %g", groups, EPS), 0);
    /* no drift: a group whose tasks all count 0 sums to 0 exactly, not to a rounding residue */
    assert_int_equal((int)Q("SELECT count(*) FROM task_tally t WHERE progress + progress_lo <> 0 AND NOT EXISTS (SELECT 1 FROM task "
                            "WHERE commune_id = t.commune_id AND coalesce(hamlet_id, 0) = t.hamlet_id AND status = t.status "
                            "AND " PROGRESS_EXPR " <> 0)"), 0);
    const char *months = "SELECT commune_id c, coalesce(substr(deadline, 1, 7), '~') m, count(*) n FROM task "
                         "WHERE status = 'open' GROUP BY 1, 2";
    assert_int_equal((int)Q("SELECT count(*) FROM task_open_month"), (int)Q("SELECT count(*) FROM (%s)", months));
    assert_int_equal((int)Q("SELECT count(*) FROM (%s) g LEFT JOIN task_open_month t ON t.commune_id = g.c AND t.month = g.m "
                            "WHERE t.n IS NOT g.n", months), 0);
}

/* The counts of the tasks matching `where`, over every task row (the statement
 * unit_count_tasks and dashboard_load ran before the tallies). */
static void plain_counts(const char *where, dash_counts *c)
{
    c->total = (int)Q("SELECT count(*) FROM task WHERE %s AND status <> 'cancelled'", where);
    c->done = (int)Q("SELECT count(*) FROM task WHERE %s AND status = 'done'", where);
    c->open = (int)Q("SELECT count(*) FROM task WHERE %s AND status = 'open'", where);
    c->cancelled = (int)Q("SELECT count(*) FROM task WHERE %s AND status = 'cancelled'", where);
    c->overdue = (int)Q("SELECT total(status = 'open' AND deadline < '" TODAY "') FROM task WHERE %s", where);
    c->due_week = (int)Q("SELECT total(status = 'open' AND deadline BETWEEN '" TODAY "' AND '" WEEK "') FROM task WHERE %s", where);
    c->progress = c->total ? Q("SELECT total(" PROGRESS_EXPR ") FROM task WHERE %s AND status <> 'cancelled'", where) / c->total : 0;
}

static void assert_counts(const dash_counts *got, const dash_counts *want, const char *what)
{
    if (got->total != want->total || got->done != want->done || got->open != want->open || got->cancelled != want->cancelled ||
        got->overdue != want->overdue || got->due_week != want->due_week || !(fabs(got->progress - want->progress) < EPS)) {
        fprintf(stderr, "%s: got %d/%d/%d/%d overdue %d week %d %.12f, want %d/%d/%d/%d overdue %d week %d %.12f\n", what,
                got->total, got->done, got->open, got->cancelled, got->overdue, got->due_week, got->progress,
                want->total, want->done, want->open, want->cancelled, want->overdue, want->due_week, want->progress);
        fail();
    }
}

static void check_unit(int64_t id)
{
    unit_row u;
    unit_counts uc;
    assert_int_equal(unit_get(db, id, &u), DB_OK);
    assert_int_equal(unit_count_tasks(db, &u, &uc), DB_OK);
    char where[128];
    if (u.kind == 'h') snprintf(where, sizeof where, "hamlet_id = %lld", (long long)id);
    else if (u.kind == 'c') snprintf(where, sizeof where, "commune_id = %lld", (long long)id);
    else snprintf(where, sizeof where, "commune_id IN (SELECT id FROM unit WHERE parent_id = %lld)", (long long)id);
    dash_counts want;
    plain_counts(where, &want);
    dash_counts got = { .total = uc.total, .done = uc.done, .open = uc.open, .cancelled = want.cancelled,
                        .overdue = uc.overdue, .due_week = uc.due_week, .progress = uc.pct / 100 };
    assert_counts(&got, &want, u.name);
    assert_true(fabs(uc.pct - 100 * want.progress) < 1e-7);
}

/* The late list: each commune's first n by deadline and id, then the first n of those in
 * the order the dashboard shows (the deadline as it holds it, 10 characters, then id). */
static void check_late(const dashboard *d, const char *communes, int n)
{
    char sql[1024];
    snprintf(sql, sizeof sql, "SELECT id FROM (SELECT id, deadline, row_number() OVER (PARTITION BY commune_id ORDER BY deadline, id) k "
             "FROM task WHERE commune_id IN (%s) AND status = 'open' AND deadline < '" TODAY "') WHERE k <= %d "
             "ORDER BY substr(deadline, 1, 10), id LIMIT %d", communes, n, n);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL), SQLITE_OK);
    int i = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        assert_true(i < d->n_late);
        assert_int_equal(d->late[i].id, sqlite3_column_int64(st, 0));
        i++;
    }
    sqlite3_finalize(st);
    assert_int_equal(i, d->n_late);
}

static void check_dashboard(int64_t id)
{
    dashboard d;
    assert_int_equal(dashboard_load(db, id, 6, &d), DB_OK);
    char where[128], kids[96];
    if (d.kind == 'c') snprintf(where, sizeof where, "commune_id = %lld", (long long)id);
    else snprintf(where, sizeof where, "commune_id IN (SELECT id FROM unit WHERE parent_id = %lld)", (long long)id);
    dash_counts want;
    plain_counts(where, &want);
    assert_counts(&d.counts, &want, d.name);
    assert_int_equal(d.n_ranks, (int)Q("SELECT count(*) FROM unit WHERE parent_id = %lld AND active", (long long)id));
    for (int i = 0; i < d.n_ranks; i++) {
        char w[128];
        if (d.kind == 'c') snprintf(w, sizeof w, "commune_id = %lld AND hamlet_id = %lld", (long long)id, (long long)d.ranks[i].id);
        else snprintf(w, sizeof w, "commune_id = %lld", (long long)d.ranks[i].id);
        plain_counts(w, &want);
        assert_counts(&d.ranks[i].c, &want, d.ranks[i].name);
        /* the papers' rule (it replaced "then more tasks": fewer overdue, then the name) */
        if (i) fx_assert_ranked(db_handle(db), &d.ranks[i - 1], &d.ranks[i]);
    }
    if (d.kind == 'c') snprintf(kids, sizeof kids, "%lld", (long long)id);
    else snprintf(kids, sizeof kids, "SELECT id FROM unit WHERE parent_id = %lld AND active = 1", (long long)id);
    check_late(&d, kids, 6);
    dashboard_free(&d);
}

static void check_all(void)
{
    check_tally();
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db_handle(db), "SELECT id, kind FROM unit ORDER BY id", -1, &st, NULL), SQLITE_OK);
    int64_t ids[256]; char kinds[256]; int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW && n < 256) {
        ids[n] = sqlite3_column_int64(st, 0);
        kinds[n++] = ((const char *)sqlite3_column_text(st, 1))[0];
    }
    sqlite3_finalize(st);
    for (int i = 0; i < n; i++) {
        check_unit(ids[i]);
        if (kinds[i] != 'h') check_dashboard(ids[i]);
    }
}

static void test_demo(void **s)
{
    (void)s;
    assert_true(Q("SELECT count(*) FROM task_tally") > 10);
    assert_true(Q("SELECT count(*) FROM task_open_month") > 3);
    check_all();
}

/* ---- random writes ---- */

static unsigned rng = 12345;
static int rnd(int n) { rng = rng * 1103515245u + 12345u; return (int)((rng >> 16) % (unsigned)n); }

static const char *const DEADLINES[] = { NULL, "2021-12-31", "2022-03-15", "2022-05-31", "2022-06-01", "2022-06-19",
                                         "2022-06-20", "2022-06-24", "2022-06-27", "2022-06-28", "2022-07-01", "2022-12-31" };
static const char *const TARGETS[] = { NULL, "", "1", "3", "2,5", "7", "0,3", "10" };
static const char *const STATUSES[] = { NULL, "open", "done", "cancelled", "open" };

static int64_t rand_commune(void) { return COMMUNES[rnd(N_COMMUNES)]; }
static int64_t rand_hamlet(int64_t commune)    /* 0 (the whole commune) or one of its hamlets */
{
    int n = (int)Q("SELECT count(*) FROM unit WHERE parent_id = %lld", (long long)commune);
    if (!n || !rnd(4)) return 0;
    return pick("SELECT id FROM unit WHERE parent_id = %lld ORDER BY id LIMIT 1 OFFSET %d", (long long)commune, rnd(n));
}
static int64_t rand_task(void)
{
    int n = (int)Q("SELECT count(*) FROM task");
    return n ? pick("SELECT id FROM task ORDER BY id LIMIT 1 OFFSET %d", rnd(n)) : 0;
}
static int64_t rand_report(void)
{
    int n = (int)Q("SELECT count(*) FROM progress");
    return n ? pick("SELECT id FROM progress ORDER BY id LIMIT 1 OFFSET %d", rnd(n)) : 0;
}

static void fields_for(task_fields *f, int64_t commune, int64_t hamlet)
{
    memset(f, 0, sizeof *f);
    f->commune_id = commune;
    f->hamlet_id = hamlet;
    f->owner_unit_id = hamlet ? hamlet : pick("SELECT min(id) FROM unit WHERE parent_id = %lld", (long long)commune);
    f->title = "Việc thử tổng";
    f->target = TARGETS[rnd(8)];
    f->qty_unit = "km";
    f->deadline = DEADLINES[rnd(12)];
    f->status = STATUSES[rnd(5)];
}

/* The task's fields as task_update takes them, from what task_read gives. */
static void fields_from(task_fields *f, const task_rec *r)
{
    memset(f, 0, sizeof *f);
    f->commune_id = r->commune_id; f->hamlet_id = r->hamlet_id;
    f->criterion_id = r->criterion_id; f->campaign_id = r->campaign_id;
    f->owner_org_id = r->owner_org_id; f->owner_person_id = r->owner_person_id; f->owner_unit_id = r->owner_unit_id;
    f->title = r->title; f->description = r->description; f->target = r->target_text; f->qty_unit = r->qty_unit;
    f->start_date = r->start_date; f->deadline = r->deadline;
}

/* One write through the model; its result. Refusals are fine (raw SQL may have left a
 * task the forms would not accept, a correction may go below zero...): the totals must
 * hold whatever happened. */
static int model_step(int op)
{
    task_fields f;
    task_rec *r = malloc(sizeof *r);
    assert_non_null(r);
    int64_t id = rand_task(), pid = rand_report(), nid;
    char qty[16];
    int rc = DB_NOTFOUND;
    switch (op) {
    case 0:                                                     /* create */
        fields_for(&f, rand_commune(), 0);
        f.hamlet_id = rand_hamlet(f.commune_id);
        if (f.hamlet_id) f.owner_unit_id = f.hamlet_id;
        rc = task_create(db, &f, &nid);
        break;
    case 1: case 2:                                             /* edit: target, deadline, status; or move to another hamlet */
        if (!id || (rc = task_read(db, id, r))) break;
        fields_from(&f, r);
        if (op == 1) { f.target = TARGETS[rnd(8)]; f.deadline = DEADLINES[rnd(12)]; f.status = STATUSES[rnd(5)]; f.start_date = NULL; }
        else {
            f.hamlet_id = rand_hamlet(r->commune_id);
            if (f.owner_unit_id && !f.owner_org_id && !f.owner_person_id && f.hamlet_id) f.owner_unit_id = f.hamlet_id;
        }
        if (!f.qty_unit[0] && f.target && f.target[0]) f.qty_unit = "km";
        rc = task_update(db, id, r->version, &f);
        break;
    case 3:                                                     /* status */
        if (!id || (rc = task_read(db, id, r))) break;
        rc = task_set_status(db, id, r->version, STATUSES[1 + rnd(3)]);
        break;
    case 4:                                                     /* delete, with its reports */
        if (id) assert_int_equal(rc = task_delete(db, id, 0), DB_OK);
        break;
    case 5: case 6:                                             /* a progress report: this report's quantity, or the new total */
        if (id) rc = task_add_progress(db, id, "2022-06-15", (double)rnd(7) / 2, op == 6, NULL, NULL);
        break;
    case 7: {                                                   /* correct a report */
        progress_rec p;
        if (!pid || (rc = progress_read(db, pid, &p))) break;
        snprintf(qty, sizeof qty, "%d,%d", rnd(4), 5 * rnd(2));
        rc = progress_update(db, pid, p.version, p.report_date, qty, NULL, NULL);
        break;
    }
    case 8:                                                     /* delete a report */
        if (pid) rc = progress_delete(db, pid);
        break;
    default:                                                    /* undo: refused when raw SQL touched the rows since */
        rc = undo_last(db, NULL);
        break;
    }
    free(r);
    assert_true(rc == DB_OK || rc == DB_INVALID || rc == DB_CONFLICT || rc == DB_NOTFOUND);
    return rc;
}

static const char *const ODD[] = { "NULL", "''", "'2022-06'", "'2022-6-1'", "'0'", "'2022-06-19T23:00'", "'2022-05-31 '",
                                   "'2022-06-20'", "'2022-06-27'", "'abc'", "'2023-01-01'" };

static void raw_step(int op)
{
    int64_t id = rand_task(), pid = rand_report(), c = rand_commune(), h = rand_hamlet(c);
    char hs[24];
    if (h) snprintf(hs, sizeof hs, "%lld", (long long)h); else snprintf(hs, sizeof hs, "NULL");
    switch (op) {
    case 0:
        raw_exec("INSERT INTO task(commune_id, hamlet_id, title, target_qty, done_qty, deadline, status) "
                 "VALUES (%lld, %s, 'Thêm bằng sqlite3', %s, %d, %s, '%s')", (long long)c, hs,
                 rnd(3) ? "4" : "NULL", rnd(6), ODD[rnd(11)], rnd(3) ? "open" : rnd(2) ? "done" : "cancelled");
        break;
    case 1: if (id) raw_exec("UPDATE task SET status = '%s' WHERE id = %lld", STATUSES[1 + rnd(3)], (long long)id); break;
    case 2: if (id) raw_exec("UPDATE task SET done_qty = %d * 0.7, target_qty = %s WHERE id = %lld", rnd(9),
                             rnd(4) ? "3" : rnd(2) ? "NULL" : "0", (long long)id); break;
    case 3: if (id) raw_exec("UPDATE task SET commune_id = %lld, hamlet_id = %s WHERE id = %lld", (long long)c, hs, (long long)id); break;
    case 4: if (id) raw_exec("UPDATE task SET hamlet_id = %s WHERE id = %lld", hs, (long long)id); break;
    case 5: if (id) raw_exec("UPDATE task SET deadline = %s WHERE id = %lld", ODD[rnd(11)], (long long)id); break;
    case 6: if (id) raw_exec("DELETE FROM task WHERE id = %lld", (long long)id); break;        /* reports cascade (when on) */
    case 7: if (id) raw_exec("INSERT INTO progress(task_id, report_date, qty) VALUES (%lld, '2022-06-18', %d * 0.4)", (long long)id, rnd(6)); break;
    case 8: if (pid) raw_exec("UPDATE progress SET qty = qty + 0.25 WHERE id = %lld", (long long)pid); break;
    case 9: if (pid && id) raw_exec("UPDATE progress SET task_id = %lld WHERE id = %lld", (long long)id, (long long)pid); break;
    case 10: if (pid) raw_exec("DELETE FROM progress WHERE id = %lld", (long long)pid); break;
    case 11: raw_exec("UPDATE task SET status = 'done' WHERE commune_id = %lld AND status = 'open' AND deadline < '2022-06-01'", (long long)c); break;
    case 12: raw_exec("UPDATE task SET deadline = date(deadline, '+%d days') WHERE commune_id = %lld AND deadline LIKE '2022-%%'", 1 + rnd(40), (long long)c); break;
    case 13: raw_exec("UPDATE task SET done_qty = done_qty WHERE commune_id = %lld", (long long)c); break;   /* no change */
    default:                                                    /* hide or show a hamlet or a commune on the lists */
        raw_exec("UPDATE unit SET active = 1 - active WHERE id = %lld", (long long)(rnd(2) && h ? h : c));
        break;
    }
}

static void test_random_writes(void **s)
{
    (void)s;
    int done[11] = { 0 };
    const char *seed = getenv("NTM_TALLY_SEED");    /* another random sequence: NTM_TALLY_SEED=n */
    if (seed && *seed) rng = (unsigned)strtoul(seed, NULL, 10);
    for (int step = 0; step < 400; step++) {
        if (rnd(4)) {
            int op = rnd(11);
            if (model_step(op) == DB_OK) done[op]++;
        } else {
            int fk = rnd(2);                    /* the shell runs without foreign keys unless asked */
            raw_exec("PRAGMA foreign_keys = %s", fk ? "ON" : "OFF");
            raw_step(rnd(15));
        }
        check_tally();
        if (step % 25 == 24) check_all();
    }
    raw_exec("UPDATE unit SET active = 1");
    check_all();
    for (int op = 0; op < 11; op++) {          /* every kind of write happened */
        if (done[op] < 3 || getenv("NTM_TALLY_VERBOSE")) fprintf(stderr, "model write %d: %d times\n", op, done[op]);
        assert_true(done[op] >= 3);
    }
}

/* Undo goes back through plain SQL, so the triggers bring the totals back with it. */
static char *tally_digest(void)
{
    sqlite3_stmt *st;
    char *out = NULL;
    assert_int_equal(sqlite3_prepare_v2(db_handle(db), "SELECT group_concat(commune_id || '/' || hamlet_id || '/' || status || '=' || n "
        "|| '~' || printf('%.17g', progress + progress_lo), ' ') FROM (SELECT * FROM task_tally ORDER BY 1, 2, 3)", -1, &st, NULL), SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)) out = strdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    char *m = NULL;
    assert_int_equal(sqlite3_prepare_v2(db_handle(db), "SELECT group_concat(commune_id || '/' || month || '=' || n, ' ') "
        "FROM (SELECT * FROM task_open_month ORDER BY 1, 2)", -1, &st, NULL), SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)) m = strdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    size_t n = (out ? strlen(out) : 0) + (m ? strlen(m) : 0) + 4;
    char *all = malloc(n);
    assert_non_null(all);
    snprintf(all, n, "%s | %s", out ? out : "", m ? m : "");
    free(out); free(m);
    return all;
}

static void undo_restores(const char *what, char *before)
{
    char *changed = tally_digest();
    if (!strcmp(changed, before)) { fprintf(stderr, "%s: the totals did not move\n", what); fail(); }
    int rc = undo_last(db, NULL);
    if (rc) fprintf(stderr, "%s: undo: %s\n", what, db_errmsg(db));
    assert_int_equal(rc, DB_OK);
    char *after = tally_digest();
    if (strcmp(after, before)) fprintf(stderr, "%s:\n before %s\n after  %s\n", what, before, after);
    assert_string_equal(after, before);
    check_tally();
    free(changed); free(after); free(before);
}

static void test_undo(void **s)
{
    (void)s;
    raw_exec("UPDATE unit SET active = 1");
    task_fields f;
    fields_for(&f, 20, 202);
    f.target = "4"; f.deadline = "2022-05-10"; f.status = NULL;
    int64_t id;
    char *before = tally_digest();
    assert_int_equal(task_create(db, &f, &id), DB_OK);
    undo_restores("create", before);
    assert_int_equal(task_create(db, &f, &id), DB_OK);
    before = tally_digest();
    assert_int_equal(task_add_progress(db, id, "2022-06-10", 1.5, 0, NULL, NULL), DB_OK);
    undo_restores("progress", before);
    before = tally_digest();
    assert_int_equal(task_add_progress(db, id, "2022-06-11", 4, 1, NULL, NULL), DB_OK);     /* reaches the target: done */
    assert_int_equal((int)Q("SELECT status = 'done' FROM task WHERE id = %lld", (long long)id), 1);
    undo_restores("progress to done", before);
    assert_int_equal(task_add_progress(db, id, "2022-06-12", 1, 0, NULL, NULL), DB_OK);
    task_rec *r = malloc(sizeof *r);
    assert_non_null(r);
    assert_int_equal(task_read(db, id, r), DB_OK);
    fields_from(&f, r);
    f.hamlet_id = 203; f.owner_unit_id = 203; f.deadline = "2022-07-02";
    before = tally_digest();
    assert_int_equal(task_update(db, id, r->version, &f), DB_OK);                        /* move to another hamlet */
    undo_restores("move", before);
    assert_int_equal(task_read(db, id, r), DB_OK);
    before = tally_digest();
    assert_int_equal(task_set_status(db, id, r->version, "cancelled"), DB_OK);
    undo_restores("status", before);
    progress_rec *p = NULL;
    int n = 0;
    assert_int_equal(progress_list(db, id, &p, &n), DB_OK);
    assert_int_equal(n, 1);
    before = tally_digest();
    assert_int_equal(progress_update(db, p[0].id, p[0].version, p[0].report_date, "3,5", NULL, NULL), DB_OK);
    undo_restores("report corrected", before);
    before = tally_digest();
    assert_int_equal(progress_delete(db, p[0].id), DB_OK);
    undo_restores("report deleted", before);
    free(p);
    before = tally_digest();
    assert_int_equal(task_delete(db, id, 0), DB_OK);                                     /* with its report */
    undo_restores("delete", before);
    assert_true(Q("SELECT done_qty FROM task WHERE id = %lld", (long long)id) == 1.0);
    free(r);
    check_all();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_demo),
        cmocka_unit_test(test_random_writes),
        cmocka_unit_test(test_undo),
    };
    return cmocka_run_group_tests_name("model_tally", tests, setup, teardown);
}
