/* test_model_role: each role (model/role.h) tries what it must not do, through the
 * model's own write functions (the rule lives in the connection, so these are the
 * paths the TUI, the CLI and the imports take), and one thing it may. Each refusal is
 * DB_DENIED with a message saying who you are; the rows are unchanged after it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "model/criteria.h"
#include "model/db.h"
#include "model/entity.h"
#include "model/household.h"
#include "model/role.h"
#include "model/task.h"
#include "model/task_edit.h"
#include "model/users.h"
#include "tests/unit/fixture.h"

static char dir[64], path[128], err[1024];
static ntm_db *db;                     /* the test's own Unix user: root, or the file's owner */

/* The demo's An Hòa Thịnh (30), its hamlets Nậy (301) and Trung Mỹ (302), a task of
 * each, and a task of another commune (Cẩm Hà, 20). */
enum { AN_HOA = 30, CAM_HA = 20, NAY = 301, TRUNG_MY = 302, TASK_NAY = 301, TASK_TRUNG_MY = 305, TASK_CAM_HA = 201,
       CRITERION = 101 };

#define sql_ll(...) fx_sql_ll(db_handle(db), __VA_ARGS__)

static ntm_db *as(const char *login)
{
    ntm_db *d;
    if (db_open(&d, path, 0, 2000, err, sizeof err)) return NULL;
    db_set_user(d, login);
    return d;
}

static int add_user(const char *login, const char *role, const char *unit, const char *hamlets)
{
    user_fields f = { .login = login, .role = role, .unit = unit, .hamlets = hamlets };
    return user_save(db, 0, 0, &f, NULL);
}

/* Change the task's description and, when hamlet > 0, move it there (a write to the row). */
static int write_task(ntm_db *d, int64_t id, const char *text, int64_t hamlet)
{
    task_rec *r = malloc(sizeof *r);
    int rc = task_read(d, id, r);
    if (!rc) {
        task_fields f = { .commune_id = r->commune_id, .hamlet_id = hamlet > 0 ? hamlet : r->hamlet_id, .criterion_id = r->criterion_id,
                          .campaign_id = r->campaign_id, .owner_org_id = r->owner_org_id, .owner_person_id = r->owner_person_id,
                          .owner_unit_id = r->owner_unit_id, .title = r->title, .description = text,
                          .target = r->target_text, .qty_unit = r->qty_unit, .start_date = r->start_date,
                          .deadline = r->deadline, .status = r->status };
        rc = task_update(d, id, r->version, &f);
    }
    free(r);
    return rc;
}

static int edit_task(ntm_db *d, int64_t id, const char *text) { return write_task(d, id, text, 0); }

static int progress(ntm_db *d, int64_t task) { return task_add_progress(d, task, "2022-06-20", 0.5, 0, "thử", "thử"); }

static long long reports(int64_t task) { return sql_ll("SELECT count(*) FROM progress WHERE task_id = %lld", (long long)task); }

/* rc is DB_DENIED and the message has want in it. */
#define assert_denied(d, rc, want) do { \
        int rc_ = (rc); \
        if (rc_ != DB_DENIED || !strstr(db_errmsg(d), want)) \
            fail_msg("expected a refusal with \"%s\", got %d: %s", want, rc_, db_errmsg(d)); \
    } while (0)

static int setup(void **s)
{
    (void)s;
    if (fx_demo(dir, sizeof dir, "role", path, sizeof path, "d.db", err, sizeof err)) return -1;
    return db_open(&db, path, 0, 2000, err, sizeof err) ? -1 : 0;
}

static int teardown(void **s)
{
    (void)s;
    db_close(db);
    return fx_rmdir(dir);
}

/* No users: everyone may change everything (every file made before roles); the first
 * user must be an admin, which turns the roles on. */
static void test_bootstrap(void **s)
{
    (void)s;
    ntm_db *anyone = as("khach");
    role_me me;
    assert_int_equal(role_whoami(anyone, &me), DB_OK);
    assert_int_equal(me.on, 0);
    assert_int_equal(me.kind, ROLE_ADMIN);
    assert_int_equal(edit_task(anyone, TASK_TRUNG_MY, "trước khi có người dùng"), DB_OK);
    assert_int_equal(add_user("nam", "head", "an hoa thinh", "Nậy"), DB_INVALID);
    assert_string_equal(db_err_field(db), "role");
    assert_int_equal(sql_ll("SELECT count(*) FROM user_role"), 0);
    assert_int_equal(add_user("admin1", "admin", NULL, NULL), DB_OK);
    assert_int_equal(add_user("nam", "truong thon", "an hoa thinh", "Nay"), DB_OK);   /* a Vietnamese name, no accents */
    assert_int_equal(add_user("minh", "steering", "An Hòa Thịnh", "Trung Mỹ"), DB_OK);
    assert_int_equal(add_user("son", "officer", "An Hòa Thịnh", NULL), DB_OK);
    assert_int_equal(add_user("lan", "leader", NULL, NULL), DB_OK);
    /* each role's needs: a head has exactly one hamlet, an officer a commune */
    assert_int_equal(add_user("x1", "head", "An Hòa Thịnh", "Nậy, Trung Mỹ"), DB_INVALID);
    assert_string_equal(db_err_field(db), "hamlets");
    assert_int_equal(add_user("x2", "officer", NULL, NULL), DB_INVALID);
    assert_string_equal(db_err_field(db), "unit");
    assert_int_equal(add_user("x3", "chief", NULL, NULL), DB_INVALID);
    assert_int_equal(add_user("-x", "leader", NULL, NULL), DB_INVALID);
    assert_string_equal(db_err_field(db), "login");
    /* now on: the same stranger reads only */
    assert_int_equal(role_whoami(anyone, &me), DB_OK);
    assert_int_equal(me.on, 1);
    assert_int_equal(me.kind, ROLE_NONE);
    assert_denied(anyone, edit_task(anyone, TASK_TRUNG_MY, "người lạ"), "ntm users add khach");
    assert_denied(anyone, progress(anyone, TASK_NAY), "bạn (khach) chưa có vai trò trong tệp này");
    /* the users are audited (model/audit.c) */
    assert_true(sql_ll("SELECT count(*) FROM audit WHERE entity = 'user_role'") >= 5);
    db_close(anyone);
}

/* A hamlet head: their hamlet's tasks and progress, nothing else. */
static void test_head(void **s)
{
    (void)s;
    ntm_db *nam = as("nam");
    long long before = reports(TASK_TRUNG_MY);
    assert_denied(nam, edit_task(nam, TASK_TRUNG_MY, "của thôn khác"), "bạn (nam) là trưởng thôn Nậy");
    assert_denied(nam, progress(nam, TASK_TRUNG_MY), "trưởng thôn Nậy");
    assert_int_equal(reports(TASK_TRUNG_MY), before);
    assert_denied(nam, role_check_row(nam, "task", TASK_TRUNG_MY), "đầu việc của thôn Trung Mỹ");
    assert_denied(nam, edit_task(nam, TASK_CAM_HA, "của xã khác"), "trưởng thôn Nậy");
    household_fields h = { .hamlet_id = TRUNG_MY, .head_name = "Lê Văn Thử" };
    assert_denied(nam, household_create(nam, &h, NULL), "hộ của thôn này");
    unit_fields u = { .name = "Nậy Mới" };
    assert_denied(nam, unit_update(nam, NAY, sql_ll("SELECT version FROM unit WHERE id = %d", NAY), &u, NULL, NULL), "danh sách xã, thôn");
    assert_int_equal(add_user("tam", "admin", NULL, NULL) == DB_OK, 1);
    user_fields f = { .login = "tam2", .role = "admin" };
    assert_denied(nam, user_save(nam, 0, 0, &f, NULL), "bạn (nam) là trưởng thôn Nậy");
    assert_denied(nam, db_refold(nam), "reindex");
    /* nor move their own task (which their hamlet is in charge of) into another hamlet */
    assert_denied(nam, write_task(nam, TASK_NAY, "chuyển đi", TRUNG_MY), "trưởng thôn Nậy");
    assert_int_equal(sql_ll("SELECT hamlet_id FROM task WHERE id = %d", TASK_NAY), NAY);
    /* may: their own hamlet's task, its progress, a household of Nậy */
    assert_int_equal(edit_task(nam, TASK_NAY, "trưởng thôn sửa"), DB_OK);
    assert_int_equal(progress(nam, TASK_NAY), DB_OK);
    assert_int_equal(role_check_row(nam, "task", TASK_NAY), DB_OK);
    h.hamlet_id = NAY;
    assert_int_equal(household_create(nam, &h, NULL), DB_OK);
    assert_int_equal(sql_ll("SELECT count(*) FROM task WHERE id = %d AND description = 'trưởng thôn sửa'", TASK_NAY), 1);
    db_close(nam);
}

/* A steering member: the hamlets assigned (Trung Mỹ), not the others, not the criteria. */
static void test_steering(void **s)
{
    (void)s;
    ntm_db *minh = as("minh");
    assert_denied(minh, edit_task(minh, TASK_NAY, "không phải thôn mình"), "bạn (minh) là thành viên BCĐ phụ trách thôn Trung Mỹ");
    assert_denied(minh, criterion_write(minh, CRITERION, 0, 0, "Quy hoạch (sửa)", NULL), "bộ tiêu chí");
    assert_int_equal(edit_task(minh, TASK_TRUNG_MY, "BCĐ sửa"), DB_OK);
    assert_int_equal(progress(minh, TASK_TRUNG_MY), DB_OK);
    db_close(minh);
}

/* A commune officer: everything of An Hòa Thịnh, nothing of Cẩm Hà, no users, no reindex. */
static void test_officer(void **s)
{
    (void)s;
    ntm_db *son = as("son");
    assert_denied(son, edit_task(son, TASK_CAM_HA, "xã khác"), "bạn (son) là cán bộ xã An Hòa Thịnh");
    assert_denied(son, progress(son, TASK_CAM_HA), "cán bộ của xã đó");
    unit_fields u = { .name = "Cẩm Hà Mới" };
    assert_denied(son, unit_update(son, CAM_HA, sql_ll("SELECT version FROM unit WHERE id = %d", CAM_HA), &u, NULL, NULL), "cán bộ xã An Hòa Thịnh");
    assert_denied(son, db_refold(son), "Chỉ quản trị");
    user_fields f = { .login = "son", .role = "admin" };
    user_rec me;
    assert_int_equal(user_find(son, "son", &me), DB_OK);
    assert_denied(son, user_save(son, me.id, me.version, &f, NULL), "Chỉ quản trị");   /* not even themselves */
    assert_int_equal(edit_task(son, TASK_NAY, "cán bộ xã sửa"), DB_OK);
    assert_int_equal(edit_task(son, TASK_TRUNG_MY, "cán bộ xã sửa"), DB_OK);
    assert_int_equal(progress(son, TASK_NAY), DB_OK);
    db_close(son);
}

/* A leader reads everything and changes nothing; a role changed meanwhile counts at the
 * next write. */
static void test_leader_and_change(void **s)
{
    (void)s;
    ntm_db *lan = as("lan"), *nam = as("nam");
    long long before = reports(TASK_NAY);
    assert_denied(lan, progress(lan, TASK_NAY), "bạn (lan) là lãnh đạo (chỉ xem)");
    assert_denied(lan, edit_task(lan, TASK_NAY, "lãnh đạo"), "lãnh đạo (chỉ xem)");
    assert_denied(lan, role_require(lan, ROLE_NEED_WRITER, NULL), "lãnh đạo");
    assert_int_equal(reports(TASK_NAY), before);
    task_detail *d = malloc(sizeof *d);
    assert_int_equal(task_get(lan, TASK_NAY, d), DB_OK);        /* may: read */
    free(d);
    assert_int_equal(progress(nam, TASK_NAY), DB_OK);
    user_rec u;
    assert_int_equal(user_find(db, "nam", &u), DB_OK);
    user_fields f = { .login = "nam", .role = "leader" };
    assert_int_equal(user_save(db, u.id, u.version, &f, NULL), DB_OK);
    assert_denied(nam, progress(nam, TASK_NAY), "bạn (nam) là lãnh đạo (chỉ xem)");
    db_close(lan);
    db_close(nam);
}

/* An admin may do everything, the users too; the last admin stays while others do;
 * root is an admin whatever the table says. */
static void test_admin(void **s)
{
    (void)s;
    ntm_db *adm = as("admin1"), *root = as("root");
    assert_int_equal(edit_task(adm, TASK_CAM_HA, "quản trị sửa"), DB_OK);
    assert_int_equal(criterion_write(adm, CRITERION, 0, 0, "Quy hoạch", NULL), DB_OK);
    user_rec a, t;
    assert_int_equal(user_find(adm, "tam", &t), DB_OK);
    assert_int_equal(user_delete(adm, t.id), DB_OK);            /* admin1 manages the users */
    assert_int_equal(user_find(adm, "admin1", &a), DB_OK);
    assert_int_equal(user_delete(adm, a.id), DB_INVALID);        /* the last admin, others remain */
    assert_string_equal(db_err_field(adm), "role");
    role_me me;
    assert_int_equal(role_whoami(root, &me), DB_OK);
    assert_int_equal(me.kind, ROLE_ADMIN);
    assert_int_equal(edit_task(root, TASK_TRUNG_MY, "root sửa"), DB_OK);
    db_close(adm);
    db_close(root);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bootstrap),
        cmocka_unit_test(test_head),
        cmocka_unit_test(test_steering),
        cmocka_unit_test(test_officer),
        cmocka_unit_test(test_leader_and_change),
        cmocka_unit_test(test_admin),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
