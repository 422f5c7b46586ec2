/* The dashboard on the demo database: every number equals a plain SQL count over the
 * same rows, for each commune and for a province (the sum of its communes); hamlets
 * ranked by progress; criteria met X/N; the most overdue tasks; the current campaign. */
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
#include "model/criteria.h"
#include "model/dashboard.h"
#include "model/db.h"
#include "model/demo.h"
#include "model/task.h"
#include "model/task_edit.h"
#include "model/unit.h"
#include "tests/unit/fixture.h"

static char dir[64], path[128], err[1024];
static ntm_db *db;

enum { HA_TINH = 1, THANH_HOA = 2, SON_TIEN = 10, CAM_HA = 20, THANH_XUAN = 202 };
static const int COMMUNES[] = { 10, 20, 30, 40, 50 };

#define sql_d(...) fx_sql_d(db_handle(db), __VA_ARGS__)

static int setup(void **s)
{
    (void)s;
    unsetenv("NTM_TODAY");
    if (fx_demo(dir, sizeof dir, "dash", path, sizeof path, "d.db", err, sizeof err)) return -1;
    if (db_open(&db, path, 0, 2000, err, sizeof err)) return -1;
    if (strcmp(db_today(db), "2022-06-20")) return -1;
    /* more states than the demo has: due this week, cancelled, criteria states */
    task_fields f = { .commune_id = CAM_HA, .hamlet_id = THANH_XUAN, .owner_unit_id = THANH_XUAN, .title = "Dọn cỏ đường làng",
                      .deadline = "2022-06-24", .target = "3", .qty_unit = "km" };
    int64_t id;
    if (task_create(db, &f, &id) || task_add_progress(db, id, "2022-06-20", 1, 0, NULL, NULL)) return -1;
    f.title = "Tuyến hoa đã bỏ"; f.status = "cancelled";
    if (task_create(db, &f, &id)) return -1;
    f.title = "Hàng rào quá hạn"; f.status = NULL; f.deadline = "2022-06-01";
    if (task_create(db, &f, &id)) return -1;
    const char *st[] = { "met", "met", "met", "at_risk", "met", "not_met", "met" };
    for (int i = 0; i < 7; i++)
        if (uc_set_status(db, CAM_HA, 101 + i, 0, st[i])) return -1;
    if (uc_set_status(db, SON_TIEN, 117, 0, "met") || uc_set_status(db, THANH_XUAN, 117, 0, "met")) return -1;
    return 0;
}

static int teardown(void **s)
{
    (void)s;
    db_close(db);
    return fx_rmdir(dir);
}

/* The same numbers written plainly, over a WHERE clause. */
#define PROGRESS_SQL "avg(CASE WHEN status = 'done' THEN 1.0 WHEN target_qty > 0 THEN min(done_qty / target_qty, 1.0) ELSE 0 END)"

static void check_counts(const dash_counts *c, const char *where)
{
    assert_int_equal(c->total, (int)sql_d("SELECT count(*) FROM task WHERE %s AND status <> 'cancelled'", where));
    assert_int_equal(c->done, (int)sql_d("SELECT count(*) FROM task WHERE %s AND status = 'done'", where));
    assert_int_equal(c->open, (int)sql_d("SELECT count(*) FROM task WHERE %s AND status = 'open'", where));
    assert_int_equal(c->cancelled, (int)sql_d("SELECT count(*) FROM task WHERE %s AND status = 'cancelled'", where));
    assert_int_equal(c->overdue, (int)sql_d("SELECT count(*) FROM task WHERE %s AND status = 'open' AND deadline < '2022-06-20'", where));
    assert_int_equal(c->due_week, (int)sql_d("SELECT count(*) FROM task WHERE %s AND status = 'open' "
                                             "AND deadline >= '2022-06-20' AND deadline <= '2022-06-27'", where));
    double p = c->total ? sql_d("SELECT " PROGRESS_SQL " FROM task WHERE %s AND status <> 'cancelled'", where) : 0;
    assert_true(fabs(c->progress - p) < 1e-9);
}

static void check_late(const dashboard *d, const char *where, int n)
{
    char sql[1024];
    snprintf(sql, sizeof sql, "SELECT id, CAST(julianday('2022-06-20') - julianday(deadline) AS INTEGER) FROM task "
             "WHERE %s AND status = 'open' AND deadline < '2022-06-20' ORDER BY deadline, id LIMIT %d", where, n);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL), SQLITE_OK);
    int i = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        assert_true(i < d->n_late);
        assert_int_equal(d->late[i].id, sqlite3_column_int64(st, 0));
        assert_int_equal(d->late[i].days_late, sqlite3_column_int(st, 1));
        assert_true(d->late[i].days_late > 0);
        i++;
    }
    sqlite3_finalize(st);
    assert_int_equal(i, d->n_late);
}

static void test_communes(void **s)
{
    (void)s;
    for (size_t k = 0; k < sizeof COMMUNES / sizeof COMMUNES[0]; k++) {
        int c = COMMUNES[k];
        char where[64];
        snprintf(where, sizeof where, "commune_id = %d", c);
        dashboard d;
        assert_int_equal(dashboard_load(db, c, 5, &d), DB_OK);
        assert_int_equal(d.kind, 'c');
        check_counts(&d.counts, where);
        /* the tree view's counts agree */
        unit_row u; unit_counts uc;
        assert_int_equal(unit_get(db, c, &u), DB_OK);
        assert_int_equal(unit_count_tasks(db, &u, &uc), DB_OK);
        assert_int_equal(uc.total, d.counts.total);
        assert_int_equal(uc.overdue, d.counts.overdue);
        assert_int_equal(uc.due_week, d.counts.due_week);
        /* criteria met X/N under the commune's set */
        assert_int_equal(d.criteria_total, (int)sql_d("SELECT count(*) FROM criterion WHERE set_id = (SELECT criteria_set_id FROM unit WHERE id = %d)", c));
        assert_int_equal(d.criteria_met, (int)sql_d("SELECT count(*) FROM unit_criterion uc JOIN criterion cr ON cr.id = uc.criterion_id "
                                                    "WHERE uc.unit_id = %d AND uc.status = 'met' AND cr.set_id = (SELECT criteria_set_id FROM unit WHERE id = %d)", c, c));
        /* hamlets: all of them, each counted like the commune, best first */
        assert_int_equal(d.n_ranks, (int)sql_d("SELECT count(*) FROM unit WHERE parent_id = %d AND active", c));
        int sum = (int)sql_d("SELECT count(*) FROM task WHERE commune_id = %d AND hamlet_id IS NULL AND status <> 'cancelled'", c);
        for (int i = 0; i < d.n_ranks; i++) {
            char hw[64];
            snprintf(hw, sizeof hw, "hamlet_id = %lld", (long long)d.ranks[i].id);
            check_counts(&d.ranks[i].c, hw);
            sum += d.ranks[i].c.total;
            if (i) fx_assert_ranked(db_handle(db), &d.ranks[i - 1], &d.ranks[i]);
        }
        assert_int_equal(sum, d.counts.total);                       /* hamlets + commune-wide = all */
        check_late(&d, where, 5);
        dashboard_free(&d);
    }
}

static void test_cam_ha(void **s)
{
    (void)s;
    dashboard d;
    assert_int_equal(dashboard_load(db, CAM_HA, 10, &d), DB_OK);
    assert_string_equal(d.name, "Cẩm Hà");
    assert_int_equal(d.campaign_id, 2);
    assert_string_equal(d.campaign_doc, "14-KH/BCĐ");
    assert_int_equal(d.campaign_days_left, 193);
    assert_true(d.campaign_running);
    assert_int_equal(d.criteria_met, 5);
    assert_int_equal(d.criteria_total, 19);
    assert_int_equal(d.counts.cancelled, 1);
    assert_int_equal(d.counts.due_week, 1);
    assert_int_equal(d.counts.overdue, 1);
    assert_int_equal(d.n_late, 1);
    assert_string_equal(d.late[0].title, "Hàng rào quá hạn");
    assert_string_equal(d.late[0].hamlet, "Thành Xuân");
    assert_string_equal(d.late[0].owner, "Thành Xuân");
    assert_int_equal(d.late[0].days_late, 19);
    /* Tiến Thắng has the done model garden (1/1): its progress leads */
    assert_string_equal(d.ranks[0].name, "Tiến Thắng");
    assert_int_equal(d.ranks[0].criteria_total, 0);                  /* a hamlet without a set */
    dash_counts before = d.counts;
    dashboard_free(&d);
    /* a report that finishes a task moves the numbers */
    assert_int_equal(task_add_progress(db, 201, "2022-06-20", 1, 0, NULL, NULL), DB_OK);
    dashboard e;
    assert_int_equal(dashboard_load(db, CAM_HA, 0, &e), DB_OK);
    assert_int_equal(e.n_late, 0);                                   /* none asked for */
    assert_int_equal(e.counts.done, before.done + 1);
    assert_int_equal(e.counts.open, before.open - 1);
    assert_true(e.counts.progress > before.progress);
    check_counts(&e.counts, "commune_id = 20");
    dashboard_free(&e);
    /* Sơn Tiến's campaign ended: the latest, with negative days left */
    assert_int_equal(dashboard_load(db, SON_TIEN, 3, &d), DB_OK);
    assert_int_equal(d.campaign_id, 1);
    assert_false(d.campaign_running);
    assert_int_equal(d.campaign_days_left, -81);
    assert_int_equal(d.criteria_met, 1);
    dashboard_free(&d);
    assert_int_equal(dashboard_load(db, THANH_XUAN, 3, &d), DB_INVALID);
}

static void test_province(void **s)
{
    (void)s;
    int provinces[] = { HA_TINH, THANH_HOA };
    for (int k = 0; k < 2; k++) {
        int p = provinces[k];
        char where[96];
        snprintf(where, sizeof where, "commune_id IN (SELECT id FROM unit WHERE parent_id = %d)", p);
        dashboard d;
        assert_int_equal(dashboard_load(db, p, 7, &d), DB_OK);
        assert_int_equal(d.kind, 'p');
        assert_int_equal(d.campaign_id, 0);
        check_counts(&d.counts, where);
        assert_int_equal(d.n_ranks, (int)sql_d("SELECT count(*) FROM unit WHERE parent_id = %d AND active", p));
        int met = 0, total = 0, tasks = 0;
        for (int i = 0; i < d.n_ranks; i++) {
            dashboard c;
            assert_int_equal(dashboard_load(db, d.ranks[i].id, 0, &c), DB_OK);   /* the same as the commune's own */
            assert_int_equal(c.counts.total, d.ranks[i].c.total);
            assert_int_equal(c.counts.overdue, d.ranks[i].c.overdue);
            assert_true(fabs(c.counts.progress - d.ranks[i].c.progress) < 1e-9);
            assert_int_equal(c.criteria_met, d.ranks[i].criteria_met);
            met += c.criteria_met; total += c.criteria_total; tasks += c.counts.total;
            if (i) fx_assert_ranked(db_handle(db), &d.ranks[i - 1], &d.ranks[i]);
            dashboard_free(&c);
        }
        assert_int_equal(d.criteria_met, met);
        assert_int_equal(d.criteria_total, total);
        assert_int_equal(d.counts.total, tasks);
        check_late(&d, where, 7);
        dashboard_free(&d);
    }
}

static void test_query_plans(void **s)
{
    (void)s;
    sqlite3 *h = db_handle(db);
    int bad = 0, checked = 0;
    for (sqlite3_stmt *st = sqlite3_next_stmt(h, NULL); st; st = sqlite3_next_stmt(h, st)) {
        const char *sql = sqlite3_sql(st);
        if (!sql || strncmp(sql, "SELECT", 6)) continue;
        char *eqp = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql);
        sqlite3_stmt *p;
        assert_int_equal(sqlite3_prepare_v2(h, eqp, -1, &p, NULL), SQLITE_OK);
        sqlite3_free(eqp);
        while (sqlite3_step(p) == SQLITE_ROW) {
            const char *d = (const char *)sqlite3_column_text(p, 3);
            if (!strncmp(d, "SCAN ", 5) && !strstr(d, "CONSTANT ROW") && strncmp(d, "SCAN (subquery", 14)) {
                fprintf(stderr, "full scan: %s\n  in: %s\n", d, sql);
                bad++;
            }
        }
        sqlite3_finalize(p);
        checked++;
    }
    assert_true(checked > 10);
    assert_int_equal(bad, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_communes),
        cmocka_unit_test(test_cam_ha),
        cmocka_unit_test(test_province),
        cmocka_unit_test(test_query_plans),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
