/* The SQLite file: migrations, WAL, audit with the Unix user, concurrent writers,
 * read-only and foreign files, progress reports, name lookup. Real files in a temp dir. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "model/db.h"
#include "model/embedded.h"
#include "model/task.h"
#include "model/unit.h"
#include "tests/unit/fixture.h"

static char dir[64], path[128];
static char err[1024];

static const char *FIXTURE =
    "INSERT INTO unit(id, kind, parent_id, name) VALUES (1, 'province', NULL, 'Hà Tĩnh');"
    "INSERT INTO unit(id, kind, parent_id, name) VALUES (2, 'commune', 1, 'An Hòa Thịnh');"
    "INSERT INTO unit(id, kind, parent_id, name) VALUES (3, 'commune', 1, 'Sơn Tiến');"
    "INSERT INTO unit(id, kind, parent_id, name) VALUES (10, 'hamlet', 2, 'Nậy');"
    "INSERT INTO unit(id, kind, parent_id, name) VALUES (11, 'hamlet', 2, 'Trung Mỹ');"
    "INSERT INTO unit(id, kind, parent_id, name) VALUES (12, 'hamlet', 2, 'Thiên Nhẫn');"
    "INSERT INTO unit(id, kind, parent_id, name) VALUES (13, 'hamlet', 3, 'Thiên Nhẫn');"
    "INSERT INTO unit(id, kind, parent_id, name) VALUES (14, 'hamlet', 2, 'Tân Thịnh');"
    "INSERT INTO org(id, unit_id, name, short_name) VALUES (1, 2, 'Hội Phụ nữ xã', 'HPN');"
    "INSERT INTO task(id, commune_id, hamlet_id, title, owner_org_id, target_qty, qty_unit, deadline) "
    "  VALUES (1, 2, 10, 'Trồng hàng rào xanh', 1, 2, 'km', '2021-06-03');"
    "INSERT INTO task(id, commune_id, hamlet_id, title, target_qty, qty_unit, deadline) "
    "  VALUES (2, 2, 10, 'Hệ thống xử lý nước thải tại hộ', 33, 'hệ thống', '2021-06-03');"
    "INSERT INTO task(id, commune_id, hamlet_id, title, deadline) VALUES (3, 2, 11, 'Chặt bỏ cây tạp', '2030-01-01');";

static int setup(void **s)
{
    (void)s;
    assert_int_equal(fx_tempdir(dir, sizeof dir, "db", path, sizeof path, "t.db"), 0);
    setenv("NTM_TODAY", "2021-06-21", 1);
    ntm_db *db;
    assert_int_equal(db_open(&db, path, DB_OPEN_CREATE, 2000, err, sizeof err), DB_OK);
    assert_int_equal(db_exec(db, FIXTURE), DB_OK);
    assert_int_equal(db_refold(db), DB_OK);
    db_close(db);
    return 0;
}

static int teardown(void **s)
{
    (void)s;
    return fx_rmdir(dir) == 0 ? 0 : -1;
}

static ntm_db *open_db(void)
{
    ntm_db *db = NULL;
    assert_int_equal(db_open(&db, path, 0, 5000, err, sizeof err), DB_OK);
    return db;
}

static int64_t scalar(ntm_db *db, const char *sql)
{
    sqlite3_stmt *st;
    int64_t v = -1;
    assert_int_equal(sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL), SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static void test_pragmas(void **s)
{
    (void)s;
    ntm_db *db = open_db();
    assert_int_equal(db_schema_version(db), db_latest_version());
    assert_int_equal(scalar(db, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), 1);
    assert_int_equal(scalar(db, "PRAGMA foreign_keys"), 1);
    /* every row that travels has a UUID v4 */
    assert_int_equal(scalar(db, "SELECT count(*) FROM task WHERE uuid GLOB "
                                "'[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-*-4*'"), 3);
    assert_int_equal(scalar(db, "SELECT count(DISTINCT uuid) FROM unit"), 8);
    /* keys written by C */
    assert_int_equal(scalar(db, "SELECT count(*) FROM unit WHERE name_key = 'an hoa thinh'"), 1);
    db_close(db);
}

static void test_migrate_from_v1(void **s)
{
    (void)s;
    char old[160];
    snprintf(old, sizeof old, "%s/old.db", dir);
    /* A version-1 file as an older ntm left it, with data in it. */
    sqlite3 *h;
    ntm_db *db;
    assert_int_equal(sqlite3_open(old, &h), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, embedded_migrations[0].text, NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, "PRAGMA user_version = 1;"
        "INSERT INTO unit(id, kind, name) VALUES (1, 'province', 'Hà Tĩnh');", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
    assert_int_equal(db_open(&db, old, 0, 2000, err, sizeof err), DB_OK);
    assert_int_equal(db_schema_version(db), db_latest_version());
    assert_true(db_latest_version() >= 3);
    assert_int_equal(scalar(db, "SELECT count(*) FROM unit WHERE name = 'Hà Tĩnh'"), 1);
    assert_int_equal(scalar(db, "SELECT count(*) FROM ui_state"), 0);
    assert_int_equal(scalar(db, "SELECT count(*) FROM issuer"), 0);
    db_close(db);
    /* A file from a newer ntm is refused, not damaged. */
    assert_int_equal(sqlite3_open(old, &h), SQLITE_OK);
    sqlite3_exec(h, "PRAGMA user_version = 99", NULL, NULL, NULL);
    sqlite3_close(h);
    assert_int_not_equal(db_open(&db, old, 0, 2000, err, sizeof err), DB_OK);
    assert_non_null(strstr(err, "99"));
}

static void test_progress_and_audit(void **s)
{
    (void)s;
    ntm_db *db = open_db();
    assert_int_equal(task_add_progress(db, 1, "2021-05-07", 0.8, 0, "Tuần 1", "Thôn trưởng"), DB_OK);
    assert_int_equal(task_add_progress(db, 1, "2021-05-14", 1.4, 1, "tổng mới", NULL), DB_OK);
    task_detail d;
    assert_int_equal(task_get(db, 1, &d), DB_OK);
    assert_true(d.row.done > 1.39 && d.row.done < 1.41);
    assert_int_equal(d.n_reports, 2);
    assert_string_equal(d.reports[0].date, "2021-05-14");
    assert_true(d.row.overdue == 0 || d.row.overdue == 1);
    /* negative and bad dates are refused and nothing is written */
    assert_int_equal(task_add_progress(db, 1, "2021-05-14", -1, 0, NULL, NULL), DB_INVALID);
    assert_int_equal(task_add_progress(db, 1, "2021-02-31", 1, 0, NULL, NULL), DB_INVALID);
    assert_int_equal(task_add_progress(db, 1, "2021-05-14", 1, 0, "\xff\xfe", NULL), DB_INVALID);
    assert_int_equal(scalar(db, "SELECT count(*) FROM progress"), 2);
    /* reaching the target marks it done */
    assert_int_equal(task_add_progress(db, 1, "2021-05-21", 2, 1, NULL, NULL), DB_OK);
    assert_int_equal(scalar(db, "SELECT status = 'done' AND version = 2 FROM task WHERE id = 1"), 1);
    /* every change audited with the Unix user */
    char q[256];
    snprintf(q, sizeof q, "SELECT count(*) FROM audit WHERE entity = 'progress' AND action = 'insert' AND user = '%s'", db_user(db));
    assert_int_equal(scalar(db, q), 3);
    assert_int_equal(scalar(db, "SELECT count(*) FROM audit WHERE entity = 'task' AND action = 'update' "
                                "AND json_extract(old_json, '$.status') = 'open' AND json_extract(new_json, '$.status') = 'done'"), 1);
    db_close(db);
}

/* Several users at once: 4 processes x 100 reports, each its own BEGIN IMMEDIATE. */
static void test_concurrent_writers(void **s)
{
    (void)s;
    enum { PROCS = 4, EACH = 100 };
    for (int p = 0; p < PROCS; p++) {
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            ntm_db *db;
            int bad = 0;
            if (db_open(&db, path, 0, 10000, err, sizeof err)) _exit(2);
            for (int i = 0; i < EACH; i++) bad += task_add_progress(db, 2, "2021-05-20", 0.01, 0, "x", NULL) != DB_OK;
            db_close(db);
            _exit(bad ? 1 : 0);
        }
    }
    for (int p = 0; p < PROCS; p++) {
        int st;
        wait(&st);
        assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    }
    ntm_db *db = open_db();
    assert_int_equal(scalar(db, "SELECT count(*) FROM progress WHERE task_id = 2"), PROCS * EACH);
    assert_int_equal(scalar(db, "SELECT round(done_qty * 100) FROM task WHERE id = 2"), PROCS * EACH);
    db_close(db);
}

static void test_busy_and_readonly(void **s)
{
    (void)s;
    ntm_db *a = open_db(), *b;
    assert_int_equal(db_open(&b, path, 0, 100, err, sizeof err), DB_OK);
    assert_int_equal(db_begin(a), DB_OK);
    assert_int_equal(db_begin(b), DB_BUSY);          /* another writer: clear message, no hang */
    assert_non_null(strstr(db_errmsg(b), "bận"));
    db_rollback(a);
    db_close(a); db_close(b);

    /* A file the user may not write opens read-only. Root writes anything, so as root
     * (CI) the same read-only state is asked for with DB_OPEN_READONLY. */
    chmod(path, 0444);
    ntm_db *ro;
    int flags = access(path, W_OK) == 0 ? DB_OPEN_READONLY : 0;
    assert_int_equal(db_open(&ro, path, flags, 100, err, sizeof err), DB_OK);
    assert_true(db_is_readonly(ro));
    unit_list l;
    assert_int_equal(unit_children(ro, 2, &l), DB_OK);    /* reading still works */
    assert_int_equal(l.n, 4);
    unit_list_free(&l);
    assert_int_equal(task_add_progress(ro, 3, "2021-05-20", 1, 0, NULL, NULL), DB_READONLY);
    assert_non_null(strstr(db_errmsg(ro), "chỉ đọc"));
    db_close(ro);
    chmod(path, 0644);
}

static void test_not_a_database(void **s)
{
    (void)s;
    char junk[160];
    snprintf(junk, sizeof junk, "%s/junk.db", dir);
    FILE *f = fopen(junk, "w");
    fputs("this is not sqlite, it is a letter from the district\n", f);
    fclose(f);
    ntm_db *db;
    assert_int_not_equal(db_open(&db, junk, 0, 100, err, sizeof err), DB_OK);
    assert_non_null(strstr(err, "SQLite"));
    snprintf(junk, sizeof junk, "%s/missing.db", dir);
    assert_int_equal(db_open(&db, junk, 0, 100, err, sizeof err), DB_NOTFOUND);
    assert_non_null(strstr(err, "ntm demo"));
    assert_int_not_equal(access(junk, F_OK), 0);     /* not created by a plain open */
}

static void test_lists_and_find(void **s)
{
    (void)s;
    ntm_db *db = open_db();
    unit_list l;
    assert_int_equal(unit_children(db, 2, &l), DB_OK);
    assert_int_equal(l.n, 4);                        /* Vietnamese order */
    assert_string_equal(l.v[0].name, "Nậy");
    assert_string_equal(l.v[1].name, "Tân Thịnh");
    assert_string_equal(l.v[2].name, "Thiên Nhẫn");
    assert_string_equal(l.v[3].name, "Trung Mỹ");
    unit_list_free(&l);
    int64_t id = 0;
    assert_int_equal(unit_find(db, 'c', 0, "an hoa thinh", &id), DB_OK);
    assert_int_equal(id, 2);
    assert_int_equal(unit_find(db, 'h', 2, "nay", &id), DB_OK);
    assert_int_equal(id, 10);
    assert_int_equal(unit_find(db, 'h', 0, "thien nhan", &id), DB_INVALID);   /* two communes have one */
    assert_non_null(strstr(db_errmsg(db), "(id 12)"));
    assert_non_null(strstr(db_errmsg(db), "(id 13)"));
    assert_int_equal(unit_find(db, 'h', 2, "xyz", &id), DB_NOTFOUND);
    assert_non_null(strstr(db_errmsg(db), "Trung Mỹ"));
    assert_int_equal(unit_find(db, 'h', 2, "11", &id), DB_OK);
    assert_int_equal(id, 11);
    task_list t;
    task_filter f = { .commune_id = 2, .hamlet_id = 10 };
    assert_int_equal(task_list_load(db, &f, &t), DB_OK);
    assert_int_equal(t.n, 2);
    assert_string_equal(t.v[0].owner, "HPN");
    assert_true(task_row_matches(&t.v[1], "nuoc thai"));
    assert_false(task_row_matches(&t.v[1], "hang rao"));
    char q[64];
    task_qty_text(&t.v[0], q, sizeof q);
    assert_string_equal(q, "2/2 km");            /* done by test_progress_and_audit */
    task_list_free(&t);
    unit_row u; unit_counts c;
    assert_int_equal(unit_get(db, 2, &u), DB_OK);
    assert_int_equal(unit_count_tasks(db, &u, &c), DB_OK);
    assert_int_equal(c.total, 3);
    db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pragmas), cmocka_unit_test(test_migrate_from_v1),
        cmocka_unit_test(test_progress_and_audit), cmocka_unit_test(test_concurrent_writers),
        cmocka_unit_test(test_busy_and_readonly), cmocka_unit_test(test_not_a_database),
        cmocka_unit_test(test_lists_and_find),
    };
    return cmocka_run_group_tests_name("model_db", tests, setup, teardown);
}
