/* The numbers of the papers up the chain (model/period_report.h). On the demo: An Hòa
 * Thịnh's week 21 of 2021 (24/05-30/05/2021, the end of its push, seed 002): each
 * hamlet's progress on 30/05/2021, the ranking with the three praised and the three
 * named, the overdue tasks with their owners, the reports of the week; a province's
 * row of each commune equals that commune's own report; a report of the current week
 * agrees with the dashboard. On a small hand-made file: no reports in the period, one
 * hamlet, ties (overdue, then Vietnamese name order), a hamlet without tasks, a task
 * finished after the period, one closed by hand, a cancelled one; ISO weeks. */
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
#include "model/period_report.h"
#include "tests/unit/fixture.h"

static char dir[64], path[128], err[1024];
static ntm_db *db;
enum { HA_TINH = 1, AN_HOA_THINH = 30 };

#define sql_ll(...) fx_sql_ll(db_handle(db), __VA_ARGS__)

static int setup(void **s)
{
    (void)s;
    unsetenv("NTM_TODAY");
    if (fx_demo(dir, sizeof dir, "period", path, sizeof path, "d.db", err, sizeof err)) return -1;
    if (db_open(&db, path, 0, 2000, err, sizeof err)) return -1;
    return strcmp(db_today(db), "2022-06-20") ? -1 : 0;
}

static int teardown(void **s)
{
    (void)s;
    db_close(db);
    return fx_rmdir(dir);
}

static const pr_row *row_named(const period_report *r, const char *name)
{
    for (int i = 0; i < r->n_units; i++) if (!strcmp(r->units[i].name, name)) return &r->units[i];
    fail_msg("no row %s", name);
    return NULL;
}

/* ---- the demo week ---- */

static void test_demo_week(void **s)
{
    (void)s;
    period_report r;
    assert_int_equal(period_report_load(db, AN_HOA_THINH, "2021-05-24", "2021-05-30", 50, &r), DB_OK);
    assert_int_equal(r.kind, 'c');
    assert_string_equal(r.as_of, "2021-05-30");             /* a past week: as it stood on Sunday */
    assert_string_equal(r.due_to, "2021-06-06");
    /* ranked: progress as printed, then fewer overdue, then the name */
    static const struct { const char *name; long pct10; int total, done, overdue; } want[] = {
        { "Bình Hòa", 1000, 2, 2, 0 }, { "Hưng Thịnh", 1000, 2, 2, 0 }, { "Sâm Cồn", 1000, 2, 2, 0 },
        { "Tân Thịnh", 1000, 2, 2, 0 }, { "Thiên Nhẫn", 1000, 1, 1, 0 }, { "Trung Mỹ", 933, 3, 2, 0 },
        { "Giếng Thị", 867, 1, 0, 0 }, { "Phúc Thịnh", 811, 3, 1, 0 }, { "Cừa Quán", 733, 1, 0, 0 },
        { "Nậy", 703, 6, 1, 1 }, { "Đức Thịnh", 267, 2, 0, 1 },
    };
    int nw = (int)(sizeof want / sizeof want[0]);
    assert_int_equal(r.n_ranked, nw);
    for (int i = 0; i < nw; i++) {
        assert_string_equal(r.units[i].name, want[i].name);
        assert_int_equal(r.units[i].rank, i + 1);
        assert_int_equal(period_pct10(r.units[i].c.progress), want[i].pct10);
        assert_int_equal(r.units[i].c.total, want[i].total);
        assert_int_equal(r.units[i].c.done, want[i].done);
        assert_int_equal(r.units[i].c.overdue, want[i].overdue);
    }
    /* Nậy exactly: 1 (15/15 vườn) + 0 (hố ủ, no target) + 1,4/2 + 27/33 + 90/100 + 8/10, over 6 */
    assert_true(fabs(row_named(&r, "Nậy")->c.progress - (1 + 0 + 0.7 + 27.0 / 33 + 0.9 + 0.8) / 6) < 1e-12);
    /* the commune's own tasks: after the ranked hamlets, not ranked */
    assert_int_equal(r.units[r.n_units - 1].kind, 'w');
    assert_int_equal(r.units[r.n_units - 1].rank, 0);
    assert_int_equal(r.units[r.n_units - 1].c.total, 2);
    assert_int_equal(r.n_top, 3);
    assert_int_equal(r.n_bottom, 3);
    assert_string_equal(r.units[r.n_ranked - 3].name, "Cừa Quán");
    /* the week's reports: as many as the progress table holds for those days */
    long long reps = sql_ll("SELECT count(*) FROM progress p JOIN task t ON t.id = p.task_id WHERE t.commune_id = %d "
                            "AND t.status <> 'cancelled' AND p.report_date BETWEEN '2021-05-24' AND '2021-05-30'", AN_HOA_THINH);
    assert_int_equal(r.total.reports, reps);
    assert_int_equal(r.total.reports, 7);
    assert_int_equal(row_named(&r, "Nậy")->c.reports, 3);
    assert_int_equal(r.total.total, 27);
    assert_int_equal(r.total.done, 14);
    /* finished in the week: Phúc Thịnh's 15 systems, by the report of 28/05 (the road of
     * 715 m reached its length on 14/05: its 28/05 report of 0 m does not finish it again) */
    assert_int_equal(r.total.finished, 1);
    assert_int_equal(r.n_finished, 1);
    assert_string_equal(r.finished[0].finished, "2021-05-28");
    assert_string_equal(r.finished[0].t.hamlet, "Phúc Thịnh");
    /* overdue on 30/05/2021: the two compost-pit tasks due 31/03, with their owners */
    assert_int_equal(r.total.overdue, 2);
    assert_int_equal(r.n_overdue, 2);
    assert_string_equal(r.overdue[0].t.title, "Thôn Nậy hoàn thành xây dựng hố ủ phân vi sinh");
    assert_string_equal(r.overdue[0].t.owner, "Nậy");
    assert_int_equal(r.overdue[0].t.days_late, 60);
    assert_string_equal(r.overdue[1].t.title, "Thôn Đức Thịnh hoàn thành xây dựng hố ủ phân vi sinh");
    assert_string_equal(r.overdue[1].t.owner, "Đức Thịnh");
    /* due by 06/06: the ten open tasks of 03/06 */
    assert_int_equal(r.total.due, 10);
    assert_int_equal(r.n_due, 10);
    assert_string_equal(r.due[0].t.deadline, "2021-06-03");
    /* owners: every task counted once */
    int sum = 0;
    for (int i = 0; i < r.n_owners; i++) sum += r.owners[i].c.total;
    assert_int_equal(sum, 27);
    period_report_free(&r);
}

/* The state on 30/05/2021 is not today's: a week before the push it was all open. */
static void test_demo_before(void **s)
{
    (void)s;
    period_report r;
    assert_int_equal(period_report_load(db, AN_HOA_THINH, "2021-03-01", "2021-03-07", 50, &r), DB_OK);
    assert_int_equal(r.total.done, 0);
    assert_int_equal(r.total.reports, 0);
    assert_int_equal(r.total.finished, 0);
    assert_true(r.total.progress == 0);
    assert_int_equal(r.n_top, 0);                    /* nobody praised at 0 % */
    assert_int_equal(r.n_bottom, 3);
    period_report_free(&r);
}

/* A province's communes: each row is that commune's own report, for past and current
 * periods; the communes are ranked by the same rule. */
static void test_province_rows(void **s)
{
    (void)s;
    static const char *periods[][2] = { { "2021-05-24", "2021-05-30" }, { "2021-06-28", "2021-07-04" },
                                        { "2022-03-01", "2022-03-31" }, { "2022-06-20", "2022-06-26" },
                                        { "2022-06-13", "2022-06-19" } };
    for (size_t k = 0; k < sizeof periods / sizeof periods[0]; k++) {
        period_report p;
        assert_int_equal(period_report_load(db, HA_TINH, periods[k][0], periods[k][1], 0, &p), DB_OK);
        assert_int_equal(p.kind, 'p');
        assert_int_equal(p.n_units, (int)sql_ll("SELECT count(*) FROM unit WHERE parent_id = %d AND active", HA_TINH));
        int total = 0;
        for (int i = 0; i < p.n_units; i++) {
            period_report c;
            assert_int_equal(period_report_load(db, p.units[i].id, periods[k][0], periods[k][1], 0, &c), DB_OK);
            const pr_counts *a = &p.units[i].c, *b = &c.total;
            assert_int_equal(a->total, b->total);
            assert_int_equal(a->done, b->done);
            assert_int_equal(a->overdue, b->overdue);
            assert_int_equal(a->due, b->due);
            assert_int_equal(a->reports, b->reports);
            assert_int_equal(a->finished, b->finished);
            assert_true(fabs(a->progress - b->progress) < 1e-9);
            assert_string_equal(a->qty_unit, b->qty_unit);
            total += a->total;
            if (i) {
                rank_key x = { p.units[i - 1].c.progress, p.units[i - 1].c.total, p.units[i - 1].c.overdue, 0 };
                rank_key y = { a->progress, a->total, a->overdue, 1 };
                assert_true(period_rank_cmp(&x, &y) < 0);
            }
            period_report_free(&c);
        }
        assert_int_equal(total, p.total.total);
        period_report_free(&p);
    }
}

/* The current week: the paper's hamlets are the dashboard's, in the same order. */
static void test_agrees_with_dashboard(void **s)
{
    (void)s;
    dashboard d;
    period_report r;
    assert_int_equal(dashboard_load(db, AN_HOA_THINH, 0, &d), DB_OK);
    assert_int_equal(period_report_load(db, AN_HOA_THINH, "2022-06-20", "2022-06-26", 0, &r), DB_OK);
    assert_string_equal(r.as_of, "2022-06-20");
    assert_int_equal(d.n_ranks, r.n_units - 1);          /* + the toàn xã row */
    for (int i = 0; i < d.n_ranks; i++) {
        assert_int_equal(d.ranks[i].id, r.units[i].id);
        assert_int_equal(d.ranks[i].c.total, r.units[i].c.total);
        assert_int_equal(d.ranks[i].c.done, r.units[i].c.done);
        assert_int_equal(d.ranks[i].c.overdue, r.units[i].c.overdue);
        assert_true(fabs(d.ranks[i].c.progress - r.units[i].c.progress) < 1e-12);
    }
    assert_int_equal(d.counts.overdue, r.total.overdue);
    period_report_free(&r);
    dashboard_free(&d);
}

static void test_bad_input(void **s)
{
    (void)s;
    period_report r;
    assert_int_equal(period_report_load(db, AN_HOA_THINH, "2021-05-30", "2021-05-24", 0, &r), DB_INVALID);
    assert_int_equal(period_report_load(db, AN_HOA_THINH, "2021-02-30", "2021-03-01", 0, &r), DB_INVALID);
    assert_int_equal(period_report_load(db, 301, "2021-05-24", "2021-05-30", 0, &r), DB_INVALID);   /* a hamlet */
}

/* ---- a small file for the edges ---- */

static const char *SMALL =
    "INSERT INTO meta(key, value) VALUES ('as_of', '2022-06-20');"
    "INSERT INTO unit(id, kind, parent_id, name) VALUES (1, 'province', NULL, 'Tỉnh Nhỏ'),"
    " (10, 'commune', 1, 'Xã Một'), (20, 'commune', 1, 'Xã Hai'),"
    " (11, 'hamlet', 10, 'Ăn Khê'), (12, 'hamlet', 10, 'Ân Thi'), (13, 'hamlet', 10, 'Bãi Dài'),"
    " (14, 'hamlet', 10, 'Cầu Đá'), (15, 'hamlet', 10, 'Dốc Đỏ'), (21, 'hamlet', 20, 'Thôn Duy Nhất');"
    /* Ân Thi and Ăn Khê: 50 % each, no overdue: Vietnamese order (ă before â) decides.
     * Bãi Dài: 50 % with one overdue: below them. Cầu Đá: 100 %. Dốc Đỏ: no task. */
    "INSERT INTO task(id, commune_id, hamlet_id, title, target_qty, qty_unit, deadline, status) VALUES"
    " (1, 10, 11, 'a', 2, 'km', '2022-12-31', 'open'), (2, 10, 12, 'b', 4, 'km', '2022-12-31', 'open'),"
    " (3, 10, 13, 'c', 10, 'hộ', '2022-06-01', 'open'), (4, 10, 14, 'd', 1, 'hộ', '2022-06-01', 'open'),"
    " (5, 10, 14, 'e', NULL, NULL, '2022-06-01', 'cancelled'),"
    " (6, 20, 21, 'f', 3, 'vườn', '2022-06-25', 'open'), (7, 10, NULL, 'g', NULL, NULL, '2022-06-10', 'done');"
    "INSERT INTO progress(task_id, report_date, qty, entered_by) VALUES"
    " (1, '2022-05-02', 1, 't'), (2, '2022-05-03', 2, 't'), (3, '2022-05-04', 5, 't'),"
    " (4, '2022-06-15', 1, 't'), (6, '2022-06-14', 1, 't');"
    "UPDATE task SET status = 'done' WHERE id = 4;"
    /* task 7 was closed by hand, without a report, on 10/06/2022 */
    "UPDATE task SET updated_at = '2022-06-10T03:00:00Z' WHERE id IN (4, 7);";

static ntm_db *small;

static int setup_small(void **s)
{
    (void)s;
    char p[160];
    snprintf(p, sizeof p, "%s/small.db", dir);
    if (db_open(&small, p, DB_OPEN_CREATE, 2000, err, sizeof err)) return -1;
    return db_exec(small, SMALL) ? -1 : 0;
}

static int teardown_small(void **s)
{
    (void)s;
    db_close(small);
    const char *ext[] = { "", "-wal", "-shm" };
    for (int i = 0; i < 3; i++) {
        char p[170];
        snprintf(p, sizeof p, "%s/small.db%s", dir, ext[i]);
        unlink(p);
    }
    return 0;
}

static void test_small_ties(void **s)
{
    (void)s;
    period_report r;
    assert_int_equal(period_report_load(small, 10, "2022-06-13", "2022-06-19", 10, &r), DB_OK);
    static const char *order[] = { "Cầu Đá", "Ăn Khê", "Ân Thi", "Bãi Dài", "Dốc Đỏ" };
    assert_int_equal(r.n_units, 6);                   /* five hamlets + toàn xã */
    for (int i = 0; i < 5; i++) assert_string_equal(r.units[i].name, order[i]);
    assert_int_equal(r.n_ranked, 4);                  /* Dốc Đỏ has no task: not ranked */
    assert_int_equal(r.units[4].rank, 0);
    assert_int_equal(r.units[4].c.total, 0);
    assert_int_equal(r.units[5].kind, 'w');
    assert_int_equal(r.n_top, 2);
    assert_int_equal(r.n_bottom, 2);                  /* Ân Thi and Bãi Dài; never Dốc Đỏ */
    assert_int_equal(r.units[3].c.overdue, 1);
    assert_int_equal(r.units[0].c.total, 1);          /* the cancelled task left out */
    /* the week's reports: Cầu Đá's, which finished its task; and the hand-closed task of
     * 10/06 is before the week */
    assert_int_equal(r.total.reports, 1);
    assert_string_equal(r.total.qty_unit, "hộ");
    assert_int_equal(r.total.finished, 1);
    assert_string_equal(r.finished[0].finished, "2022-06-15");
    period_report_free(&r);
    /* the week of 10/06: the hand-closed task is finished in it, by its change date */
    assert_int_equal(period_report_load(small, 10, "2022-06-06", "2022-06-12", 10, &r), DB_OK);
    assert_int_equal(r.total.finished, 1);
    assert_string_equal(r.finished[0].finished, "2022-06-10");
    assert_int_equal(r.total.reports, 0);             /* no reports in the period */
    assert_string_equal(r.total.qty_unit, "");
    /* on 12/06 Cầu Đá's task (finished 15/06) was open and overdue: Cầu Đá drops to 0 % */
    const pr_row *cau = row_named(&r, "Cầu Đá");
    assert_int_equal(cau->c.done, 0);
    assert_int_equal(cau->c.overdue, 1);
    assert_true(cau->c.progress == 0);
    assert_int_equal(cau->rank, 4);
    period_report_free(&r);
    /* the week before: the hand-closed task was still open (and due 10/06: due next) */
    assert_int_equal(period_report_load(small, 10, "2022-05-30", "2022-06-05", 10, &r), DB_OK);
    assert_int_equal(r.units[r.n_units - 1].c.done, 0);
    assert_int_equal(r.units[r.n_units - 1].c.due, 1);
    assert_int_equal(r.total.finished, 0);
    period_report_free(&r);
}

static void test_small_one_hamlet(void **s)
{
    (void)s;
    period_report r;
    assert_int_equal(period_report_load(small, 20, "2022-06-13", "2022-06-19", 10, &r), DB_OK);
    assert_int_equal(r.n_units, 1);                   /* no commune-wide task: no toàn xã row */
    assert_int_equal(r.n_ranked, 1);
    assert_int_equal(r.n_top, 1);                     /* praised, and then never also named */
    assert_int_equal(r.n_bottom, 0);
    assert_int_equal(r.total.reports, 1);
    assert_string_equal(r.total.qty_unit, "vườn");
    assert_true(r.total.qty == 1);
    period_report_free(&r);
}

/* The province over the small file, a past week and the current one. */
static void test_small_province(void **s)
{
    (void)s;
    static const char *periods[][2] = { { "2022-06-06", "2022-06-12" }, { "2022-06-13", "2022-06-19" },
                                        { "2022-05-30", "2022-06-05" }, { "2022-06-20", "2022-06-26" } };
    for (int k = 0; k < 4; k++) {
        period_report p;
        assert_int_equal(period_report_load(small, 1, periods[k][0], periods[k][1], 0, &p), DB_OK);
        for (int i = 0; i < p.n_units; i++) {
            period_report c;
            assert_int_equal(period_report_load(small, p.units[i].id, periods[k][0], periods[k][1], 0, &c), DB_OK);
            assert_int_equal(p.units[i].c.done, c.total.done);
            assert_int_equal(p.units[i].c.overdue, c.total.overdue);
            assert_int_equal(p.units[i].c.due, c.total.due);
            assert_int_equal(p.units[i].c.finished, c.total.finished);
            assert_int_equal(p.units[i].c.reports, c.total.reports);
            assert_true(fabs(p.units[i].c.progress - c.total.progress) < 1e-12);
            period_report_free(&c);
        }
        period_report_free(&p);
    }
}

static void test_weeks(void **s)
{
    (void)s;
    int y, w;
    char a[11], b[11];
    period_week_of("2022-06-13", &y, &w); assert_int_equal(y, 2022); assert_int_equal(w, 24);
    period_week_of("2022-06-19", &y, &w); assert_int_equal(w, 24);
    period_week_of("2022-06-20", &y, &w); assert_int_equal(w, 25);
    period_week_of("2021-01-03", &y, &w); assert_int_equal(y, 2020); assert_int_equal(w, 53);
    period_week_of("2024-12-30", &y, &w); assert_int_equal(y, 2025); assert_int_equal(w, 1);
    assert_int_equal(period_week_range(2022, 24, a, b), 0);
    assert_string_equal(a, "2022-06-13"); assert_string_equal(b, "2022-06-19");
    assert_int_equal(period_week_range(2020, 53, a, b), 0);
    assert_string_equal(a, "2020-12-28"); assert_string_equal(b, "2021-01-03");
    assert_int_equal(period_week_range(2021, 53, a, b), -1);
    assert_int_equal(period_week_range(2021, 0, a, b), -1);
    assert_int_equal(period_month_range(2024, 2, a, b), 0);
    assert_string_equal(a, "2024-02-01"); assert_string_equal(b, "2024-02-29");
    assert_int_equal(period_month_range(2022, 13, a, b), -1);
}

static void test_pick(void **s)
{
    (void)s;
    rank_key v[8];
    int k, t, b;
    for (int i = 0; i < 8; i++) v[i] = (rank_key){ 0.9 - 0.1 * i, 1, 0, i };
    period_rank_pick(v, 1, &k, &t, &b); assert_int_equal(t, 1); assert_int_equal(b, 0);
    period_rank_pick(v, 2, &k, &t, &b); assert_int_equal(t, 1); assert_int_equal(b, 1);
    period_rank_pick(v, 5, &k, &t, &b); assert_int_equal(t, 3); assert_int_equal(b, 2);
    period_rank_pick(v, 8, &k, &t, &b); assert_int_equal(t, 3); assert_int_equal(b, 3);
    /* 99.96 % shows as 100,0 %: ties with 100 %, and with no overdue it is never named */
    rank_key full[2] = { { 1.0, 1, 0, 1 }, { 0.99996, 1, 0, 0 } };
    assert_true(period_rank_cmp(&full[1], &full[0]) < 0);            /* tie: the name decides */
    period_rank_pick(full, 2, &k, &t, &b); assert_int_equal(t, 1); assert_int_equal(b, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_demo_week),
        cmocka_unit_test(test_demo_before),
        cmocka_unit_test(test_province_rows),
        cmocka_unit_test(test_agrees_with_dashboard),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test_setup_teardown(test_small_ties, setup_small, teardown_small),
        cmocka_unit_test_setup_teardown(test_small_one_hamlet, setup_small, teardown_small),
        cmocka_unit_test_setup_teardown(test_small_province, setup_small, teardown_small),
        cmocka_unit_test(test_weeks),
        cmocka_unit_test(test_pick),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
