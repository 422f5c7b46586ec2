/* Task codes (migration 006) and typing a task sheet back by code (model/typeback.h),
 * on the demo database: thôn Nậy of An Hòa Thịnh (commune 30, hamlet 301) has V1 2 km
 * hàng rào xanh (1,4 done), V2 33 hệ thống (27), V3 100 %, V4 10 hộ, V11 (done), V23
 * hố ủ phân (no target, 5 hố). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "model/db.h"
#include "model/task.h"
#include "model/task_edit.h"
#include "model/typeback.h"
#include "model/undo.h"
#include "tests/unit/fixture.h"
#include <math.h>

enum { COMMUNE = 30, NAY = 301, TRUNG_MY = 302 };

static char dir[64], path[128], err[512];
static ntm_db *db;

static int setup(void **s)
{
    (void)s;
    if (fx_demo(dir, sizeof dir, "typeback", path, sizeof path, "demo.db", err, sizeof err)) return -1;
    setenv("NTM_TODAY", "2021-05-20", 1);
    return db_open(&db, path, 0, 2000, err, sizeof err) == DB_OK ? 0 : -1;
}

static int teardown(void **s)
{
    (void)s;
    db_close(db);
    return fx_rmdir(dir);
}

static long long q(const char *sql) { return fx_sql_ll(db_handle(db), "%s", sql); }

/* ---- codes ---- */

static void test_demo_codes(void **s)
{
    (void)s;
    /* every task has one, numbered 1.. per commune, none twice */
    assert_int_equal(q("SELECT count(*) FROM task WHERE code IS NULL"), 0);
    assert_int_equal(q("SELECT count(*) FROM (SELECT commune_id, code FROM task GROUP BY 1, 2 HAVING count(*) > 1)"), 0);
    assert_int_equal(q("SELECT count(*) FROM task WHERE commune_id = 30 AND code > (SELECT count(*) FROM task WHERE commune_id = 30)"), 0);
    assert_int_equal(q("SELECT code FROM task WHERE id = 301"), 1);
    assert_int_equal(q("SELECT last FROM task_code_seq WHERE commune_id = 30"), q("SELECT max(code) FROM task WHERE commune_id = 30"));
    char c[16];
    task_code_text(12, c, sizeof c);
    assert_string_equal(c, "V12");
    task_code_text(0, c, sizeof c);
    assert_string_equal(c, "");
}

static void test_code_never_reused(void **s)
{
    (void)s;
    long long last = q("SELECT last FROM task_code_seq WHERE commune_id = 30");
    task_fields f = { .commune_id = COMMUNE, .hamlet_id = NAY, .title = "Trồng thêm 200 cây bóng mát", .owner_unit_id = NAY,
                      .target = "200", .qty_unit = "cây" };
    int64_t a = 0, b = 0;
    assert_int_equal(task_create(db, &f, &a), DB_OK);
    assert_int_equal(fx_sql_ll(db_handle(db), "SELECT code FROM task WHERE id = %lld", (long long)a), last + 1);
    assert_int_equal(task_delete(db, a, 0), DB_OK);
    assert_int_equal(task_create(db, &f, &b), DB_OK);             /* the deleted one's number stays used */
    assert_int_equal(fx_sql_ll(db_handle(db), "SELECT code FROM task WHERE id = %lld", (long long)b), last + 2);
    undo_info u;
    assert_int_equal(undo_last(db, &u), DB_OK);                    /* undo the create: b goes */
    assert_int_equal(undo_last(db, &u), DB_OK);                    /* undo the delete: a comes back as V(last+1) */
    assert_int_equal(fx_sql_ll(db_handle(db), "SELECT code FROM task WHERE id = %lld", (long long)a), last + 1);
    assert_int_equal(task_create(db, &f, &b), DB_OK);
    assert_int_equal(fx_sql_ll(db_handle(db), "SELECT code FROM task WHERE id = %lld", (long long)b), last + 3);
    /* the sqlite3 shell: an insert gets a code, a move to another commune a new one there */
    assert_int_equal(sqlite3_exec(db_handle(db), "INSERT INTO task(commune_id, title) VALUES (30, 'từ sqlite3')", NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(q("SELECT code FROM task WHERE title = 'từ sqlite3'"), last + 4);
    assert_int_equal(sqlite3_exec(db_handle(db), "UPDATE task SET commune_id = 10 WHERE title = 'từ sqlite3'", NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(q("SELECT code FROM task WHERE title = 'từ sqlite3'"), q("SELECT last FROM task_code_seq WHERE commune_id = 10"));
    assert_int_equal(q("SELECT count(*) FROM (SELECT commune_id, code FROM task GROUP BY 1, 2 HAVING count(*) > 1)"), 0);
    /* an insert bringing a code another task has gets a fresh one */
    assert_int_equal(sqlite3_exec(db_handle(db), "INSERT INTO task(commune_id, title, code) VALUES (30, 'trùng mã', 1)", NULL, NULL, NULL), SQLITE_OK);
    assert_true(q("SELECT code FROM task WHERE title = 'trùng mã'") > last + 4);
}

static void test_unit_whole(void **s)
{
    (void)s;
    /* 40 letters is the limit: stored and read back whole (the old 32-byte buffer cut it) */
    const char *unit = "hệ thống xử lý nước thải sinh hoạt hộ gđ";            /* 40 characters, 55 bytes */
    task_fields f = { .commune_id = COMMUNE, .hamlet_id = NAY, .title = "Đơn vị dài", .owner_unit_id = NAY,
                      .target = "12", .qty_unit = unit };
    int64_t id = 0;
    assert_int_equal(task_create(db, &f, &id), DB_OK);
    task_detail *d = malloc(sizeof *d);
    assert_int_equal(task_get(db, id, d), DB_OK);
    assert_string_equal(d->row.qty_unit, unit);
    char t[400];
    task_qty_text(&d->row, t, sizeof t);
    assert_string_equal(t, "0/12 hệ thống xử lý nước thải sinh hoạt hộ gđ");
    task_list tl;
    task_filter tf = { COMMUNE, NAY };
    assert_int_equal(task_list_load(db, &tf, &tl), DB_OK);
    int seen = 0;
    for (int i = 0; i < tl.n; i++) if (tl.v[i].id == id) { assert_string_equal(tl.v[i].qty_unit, unit); seen = 1; }
    assert_true(seen);
    task_list_free(&tl);
    /* one more letter: refused with the limit named, by the model and by the schema */
    f.qty_unit = "hệ thống xử lý nước thải sinh hoạt hộ gđx";
    assert_int_equal(task_create(db, &f, &id), DB_INVALID);
    assert_non_null(strstr(db_errmsg(db), "Đơn vị tính"));
    assert_non_null(strstr(db_errmsg(db), "40"));
    assert_int_not_equal(sqlite3_exec(db_handle(db), "UPDATE task SET qty_unit = 'hệ thống xử lý nước thải sinh hoạt hộ gđx' WHERE id = 301",
                                      NULL, NULL, NULL), SQLITE_OK);
    free(d);
}

static void test_search_by_code(void **s)
{
    (void)s;
    task_list tl;
    task_filter f = { COMMUNE, NAY };
    assert_int_equal(task_list_load(db, &f, &tl), DB_OK);
    int hits = 0;
    for (int i = 0; i < tl.n; i++) {
        if (task_row_matches(&tl.v[i], "v23")) { hits++; assert_int_equal(tl.v[i].code, 23); }
        if (tl.v[i].code == 2) assert_true(task_row_matches(&tl.v[i], "v2"));
        if (tl.v[i].code <= 4) assert_int_equal(tl.v[i].campaign_id, 3);   /* the 2021 push */
    }
    assert_int_equal(hits, 1);
    task_list_free(&tl);
}

/* ---- the quantity ---- */

static void test_qty_parse(void **s)
{
    (void)s;
    double v; int tot; const char *end; char e[300];
    assert_int_equal(task_qty_parse("150 đã xong", &v, &tot, &end, e, sizeof e), 0);
    assert_true(v == 150 && !tot && !strcmp(end, " đã xong"));
    assert_int_equal(task_qty_parse("1,5", &v, &tot, &end, e, sizeof e), 0);
    assert_true(v == 1.5);
    assert_int_equal(task_qty_parse("0.3", &v, &tot, &end, e, sizeof e), 0);
    assert_true(v == 0.3);
    assert_int_equal(task_qty_parse("= 27", &v, &tot, &end, e, sizeof e), 0);
    assert_true(v == 27 && tot);
    assert_int_equal(task_qty_parse("12.345,5", &v, &tot, &end, e, sizeof e), 0);     /* Vietnamese groups */
    assert_true(v == 12345.5);
    assert_int_equal(task_qty_parse("0.500", &v, &tot, &end, e, sizeof e), 0);
    assert_true(v == 0.5);
    assert_int_equal(task_qty_parse("1.500", &v, &tot, &end, e, sizeof e), -1);       /* 1500 or 1,5? asked */
    assert_non_null(strstr(e, "1 nghìn hay 1,500"));
    assert_int_equal(task_qty_parse("-3", &v, &tot, &end, e, sizeof e), -1);
    assert_non_null(strstr(e, "âm"));
    assert_int_equal(task_qty_parse("abc", &v, &tot, &end, e, sizeof e), -1);
    assert_int_equal(task_qty_parse("=", &v, &tot, &end, e, sizeof e), -1);
    assert_non_null(strstr(e, "tổng mới"));
    assert_int_equal(task_qty_parse("1,2,3", &v, &tot, &end, e, sizeof e), -1);
    assert_non_null(strstr(e, "không phải là số"));
    assert_int_equal(task_qty_parse("5000000000", &v, &tot, &end, e, sizeof e), -1);
    const char *after;
    assert_true(task_unit_prefix(" he thong xử lý", "hệ thống", &after) && !strcmp(after, " xử lý"));
    assert_false(task_unit_prefix("hệ", "hệ thống", &after));
    assert_false(task_unit_prefix("km", "m", &after));
}

/* ---- lines ---- */

static void test_check_lines(void **s)
{
    (void)s;
    tb_result r;
    const char *text =
        "V1 0,3 đoạn cổng làng\n"
        "\n"
        "# a comment\n"
        "v2 =30\n"
        "3 5 %\n"
        "V23 2 hố nhà ông Hải\n"
        "V4 xong nghiệm thu 20/5\n";
    assert_int_equal(tb_check(db, COMMUNE, NAY, text, &r), DB_OK);
    assert_int_equal(r.n, 5);
    assert_int_equal(r.bad, 0);
    assert_int_equal(r.v[0].lineno, 1);
    assert_int_equal(r.v[0].task_id, 301);
    assert_true(r.v[0].qty == 0.3 && !r.v[0].as_total);
    assert_string_equal(r.v[0].note, "đoạn cổng làng");
    assert_int_equal(r.v[1].lineno, 4);
    assert_true(r.v[1].qty == 30 && r.v[1].as_total);
    assert_string_equal(r.v[1].note, "");
    assert_true(r.v[2].code == 3 && r.v[2].qty == 5);                 /* the unit "%" taken, not the note */
    assert_string_equal(r.v[2].note, "");
    assert_string_equal(r.v[3].note, "nhà ông Hải");                  /* "hố" is V23's unit */
    assert_true(r.v[4].done);
    assert_string_equal(r.v[4].note, "nghiệm thu 20/5");
    char d[600];
    tb_describe(&r.v[1], d, sizeof d);
    assert_string_equal(d, "V2 Thôn Nậy hoàn thành 33 hệ thống xử lý nước thải tại hộ: tổng mới 30 hệ thống");
    tb_free(&r);
}

static void test_check_errors(void **s)
{
    (void)s;
    tb_result r;
    const char *text =
        "V99 3\n"                 /* unknown */
        "V5 2\n"                  /* Trung Mỹ's */
        "V23 abc\n"               /* not a number */
        "V2 -4\n"                 /* negative */
        "V1 150 m\n"              /* another unit than km */
        "V3\n"                    /* nothing after the code */
        "hàng rào 3\n"            /* no code */
        "V4 2\n"
        "V4 1\n";                 /* twice */
    assert_int_equal(tb_check(db, COMMUNE, NAY, text, &r), DB_OK);
    assert_int_equal(r.n, 9);
    assert_int_equal(r.bad, 8);
    assert_non_null(strstr(r.v[0].err, "Không có đầu việc mã V99"));
    assert_non_null(strstr(r.v[1].err, "thôn Trung Mỹ"));
    assert_non_null(strstr(r.v[2].err, "Gõ một số"));
    assert_non_null(strstr(r.v[3].err, "âm"));
    assert_non_null(strstr(r.v[4].err, "km"));
    assert_non_null(strstr(r.v[5].err, "Sau mã V3"));
    assert_non_null(strstr(r.v[6].err, "mã đầu việc"));
    assert_string_equal(r.v[7].err, "");
    assert_non_null(strstr(r.v[8].err, "dòng 8"));
    int saved = -1;
    long long before = q("SELECT count(*) FROM progress");
    assert_int_equal(tb_save(db, &r, "2021-05-20", "", &saved), DB_INVALID);  /* nothing while any line is bad */
    assert_int_equal(saved, 0);
    assert_int_equal(q("SELECT count(*) FROM progress"), before);
    tb_free(&r);
    /* the commune's list takes every code of the commune */
    assert_int_equal(tb_check(db, COMMUNE, 0, "V5 1\nV1 0,1", &r), DB_OK);
    assert_int_equal(r.bad, 0);
    tb_free(&r);
}

static void test_save_all_or_nothing(void **s)
{
    (void)s;
    tb_result r;
    long long before = q("SELECT count(*) FROM progress");
    double done1 = fx_sql_d(db_handle(db), "SELECT done_qty FROM task WHERE id = 301");
    assert_int_equal(tb_check(db, COMMUNE, NAY, "V1 0,2 cổng làng\nV2 =31\nV23 xong\n", &r), DB_OK);
    assert_int_equal(r.bad, 0);
    int saved = 0;
    assert_int_equal(tb_save(db, &r, "2021-05-21", "Thôn Nậy", &saved), DB_OK);
    assert_int_equal(saved, 3);
    assert_int_equal(q("SELECT count(*) FROM progress"), before + 2);   /* "xong" without a note: no report */
    assert_true(fabs(fx_sql_d(db_handle(db), "SELECT done_qty FROM task WHERE id = 301") - done1 - 0.2) < 1e-9);
    assert_true(fx_sql_d(db_handle(db), "SELECT done_qty FROM task WHERE code = 2 AND commune_id = 30") == 31);
    assert_int_equal(q("SELECT status = 'done' FROM task WHERE code = 23 AND commune_id = 30"), 1);
    assert_int_equal(q("SELECT count(*) FROM progress WHERE report_date = '2021-05-21' AND reporter = 'Thôn Nậy' AND note = 'cổng làng'"), 1);
    /* one transaction: a single undo takes all three back */
    undo_info u;
    assert_int_equal(undo_last(db, &u), DB_OK);
    assert_int_equal(q("SELECT count(*) FROM progress"), before);
    assert_int_equal(q("SELECT status = 'open' FROM task WHERE code = 23 AND commune_id = 30"), 1);
    tb_free(&r);
    /* a bad date saves nothing */
    assert_int_equal(tb_check(db, COMMUNE, NAY, "V1 0,2", &r), DB_OK);
    assert_int_equal(tb_save(db, &r, "2021-02-30", "", &saved), DB_INVALID);
    assert_int_equal(q("SELECT count(*) FROM progress"), before);
    tb_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_demo_codes),
        cmocka_unit_test(test_code_never_reused),
        cmocka_unit_test(test_unit_whole),
        cmocka_unit_test(test_search_by_code),
        cmocka_unit_test(test_qty_parse),
        cmocka_unit_test(test_check_lines),
        cmocka_unit_test(test_check_errors),
        cmocka_unit_test(test_save_all_or_nothing),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
