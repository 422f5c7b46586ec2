/* Undo of the current user's last action, on the demo database: an edit, a delete with
 * cascaded progress reports (same ids and uuids back, done quantity right), a create, a
 * progress report, a rename; each action undone once; refused (nothing changed) when
 * someone else changed the same rows since; per user. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "model/criteria.h"
#include "model/db.h"
#include "model/db_internal.h"
#include "model/demo.h"
#include "model/entity.h"
#include "model/org.h"
#include "model/task.h"
#include "model/task_edit.h"
#include "model/undo.h"
#include "tests/unit/fixture.h"

static char dir[64], path[128], err[1024];
static ntm_db *db, *lan;

enum { CAM_HA = 20, TIEN_THANG = 201 };

#define sql_ll(d, ...) fx_sql_ll(db_handle(d), __VA_ARGS__)
/* A digest of rows, to compare a table's content before and after. */
#define sql_str(d, ...) fx_sql_str(db_handle(d), __VA_ARGS__)

#define TASK_DIGEST "SELECT group_concat(json_array(id, uuid, commune_id, hamlet_id, title, description, criterion_id, campaign_id, " \
    "owner_org_id, owner_person_id, owner_unit_id, target_qty, qty_unit, start_date, done_qty, deadline, status, title_key), '|') " \
    "FROM task WHERE id = %lld"
#define PROGRESS_DIGEST "SELECT group_concat(json_array(id, uuid, task_id, report_date, qty, note, reporter, entered_by, entered_at, version), '|') " \
    "FROM (SELECT * FROM progress WHERE task_id = %lld ORDER BY id)"

static ntm_db *open_as(const char *user)
{
    ntm_db *d;
    if (db_open(&d, path, 0, 2000, err, sizeof err)) return NULL;
    if (user) snprintf(d->user, sizeof d->user, "%s", user);
    return d;
}

static int setup(void **s)
{
    (void)s;
    unsetenv("NTM_TODAY");
    if (fx_demo(dir, sizeof dir, "undo", path, sizeof path, "d.db", err, sizeof err)) return -1;
    db = open_as(NULL);
    lan = open_as("lan");
    return db && lan && strcmp(db_user(db), "lan") ? 0 : -1;
}

static int teardown(void **s)
{
    (void)s;
    db_close(db);
    db_close(lan);
    return fx_rmdir(dir);
}

static task_fields fields_of(const task_rec *r)
{
    task_fields f = { .commune_id = r->commune_id, .hamlet_id = r->hamlet_id, .criterion_id = r->criterion_id,
                      .campaign_id = r->campaign_id, .owner_org_id = r->owner_org_id, .owner_person_id = r->owner_person_id,
                      .owner_unit_id = r->owner_unit_id, .title = r->title, .description = r->description,
                      .target = r->target_text, .qty_unit = r->qty_unit, .start_date = r->start_date,
                      .deadline = r->deadline, .status = r->status };
    return f;
}

static void test_nothing_to_undo(void **s)
{
    (void)s;
    undo_info u;
    assert_int_equal(undo_peek(db, &u), DB_NOTFOUND);                  /* the demo load is nobody's action */
    assert_int_equal(undo_last(db, &u), DB_NOTFOUND);
    assert_non_null(strstr(db_errmsg(db), db_user(db)));
}

static void test_undo_edit(void **s)
{
    (void)s;
    char *before = sql_str(db, TASK_DIGEST, 204LL);
    task_rec *r = malloc(sizeof *r);
    assert_int_equal(task_read(db, 204, r), DB_OK);
    int64_t v0 = r->version;
    task_fields f = fields_of(r);
    f.title = "Tiến Thắng: khu dân cư kiểu mẫu";
    f.deadline = "15/11/2022";
    f.owner_org_id = 0; f.owner_person_id = 2;
    f.target = "1"; f.qty_unit = "công trình";
    assert_int_equal(task_update(db, 204, r->version, &f), DB_OK);
    undo_info u;
    assert_int_equal(undo_peek(db, &u), DB_OK);
    assert_string_equal(u.entity, "task");
    assert_string_equal(u.action, "update");
    assert_int_equal(u.entity_id, 204);
    assert_non_null(strstr(u.summary, "Tiến Thắng: khu dân cư kiểu mẫu"));
    assert_int_equal(undo_last(db, &u), DB_OK);
    char *after = sql_str(db, TASK_DIGEST, 204LL);
    assert_string_equal(after, before);                                /* every field as it was */
    assert_int_equal(task_read(db, 204, r), DB_OK);
    assert_int_equal(r->version, v0 + 2);                              /* but a new version: forms reload */
    free(before); free(after); free(r);
    /* the undo is not itself undone, and the edit not twice: nothing is left */
    assert_int_equal(undo_peek(db, &u), DB_NOTFOUND);
}

static void test_undo_delete_with_reports(void **s)
{
    (void)s;
    /* 205: 7 progress reports, 41 systems */
    char *task_before = sql_str(db, TASK_DIGEST, 205LL), *rep_before = sql_str(db, PROGRESS_DIGEST, 205LL);
    assert_int_equal(sql_ll(db, "SELECT count(*) FROM progress WHERE task_id = 205"), 7);
    assert_int_equal(task_delete(db, 205, 0), DB_OK);
    assert_int_equal(sql_ll(db, "SELECT count(*) FROM progress WHERE task_id = 205"), 0);
    assert_int_equal(sql_ll(db, "SELECT count(*) FROM task WHERE id = 205"), 0);
    undo_info u;
    assert_int_equal(undo_peek(db, &u), DB_OK);
    assert_string_equal(u.entity, "task");
    assert_string_equal(u.action, "delete");
    assert_int_equal(u.n_rows, 8);
    assert_int_equal(undo_last(db, &u), DB_OK);
    char *task_after = sql_str(db, TASK_DIGEST, 205LL), *rep_after = sql_str(db, PROGRESS_DIGEST, 205LL);
    assert_string_equal(task_after, task_before);                      /* same id, uuid, fields */
    assert_string_equal(rep_after, rep_before);                        /* same report ids and uuids */
    assert_int_equal(sql_ll(db, "SELECT done_qty = 41 AND done_qty = (SELECT total(qty) FROM progress WHERE task_id = 205) "
                                "FROM task WHERE id = 205"), 1);
    assert_int_equal(sql_ll(db, "PRAGMA foreign_key_check"), -999);    /* no row: nothing dangling */
    free(task_before); free(rep_before); free(task_after); free(rep_after);
}

static void test_undo_stack(void **s)
{
    (void)s;
    /* create, then report progress (reaching the target marks it done); undo twice */
    int64_t id;
    task_fields f = { .commune_id = CAM_HA, .hamlet_id = TIEN_THANG, .owner_unit_id = TIEN_THANG, .title = "Xây 10 hố ủ rác",
                      .target = "10", .qty_unit = "hộ", .deadline = "30/07/2022" };
    assert_int_equal(task_create(db, &f, &id), DB_OK);
    char *created = sql_str(db, TASK_DIGEST, (long long)id);
    assert_int_equal(task_add_progress(db, id, "2022-06-20", 10, 0, "Xong", "Thôn Tiến Thắng"), DB_OK);
    assert_int_equal(sql_ll(db, "SELECT status = 'done' AND done_qty = 10 FROM task WHERE id = %lld", (long long)id), 1);
    undo_info u;
    assert_int_equal(undo_peek(db, &u), DB_OK);
    assert_string_equal(u.entity, "progress");                          /* the report, not the derived total */
    assert_int_equal(undo_last(db, &u), DB_OK);
    char *reverted = sql_str(db, TASK_DIGEST, (long long)id);
    assert_string_equal(reverted, created);                             /* open again, 0 done */
    assert_int_equal(sql_ll(db, "SELECT count(*) FROM progress WHERE task_id = %lld", (long long)id), 0);
    assert_int_equal(undo_peek(db, &u), DB_OK);
    assert_string_equal(u.action, "insert");
    assert_int_equal(u.entity_id, id);
    assert_int_equal(undo_last(db, &u), DB_OK);
    assert_int_equal(sql_ll(db, "SELECT count(*) FROM task WHERE id = %lld", (long long)id), 0);
    assert_int_equal(undo_peek(db, &u), DB_NOTFOUND);                   /* earlier actions all undone */
    /* undone actions and undos are marked, once each */
    assert_int_equal(sql_ll(db, "SELECT count(*) FROM meta WHERE key LIKE 'undone.%%'"), 4);
    assert_int_equal(sql_ll(db, "SELECT count(*) FROM meta WHERE key LIKE 'undo.%%'"), 4);
    free(created); free(reverted);
}

static void test_undo_refused_after_other_user(void **s)
{
    (void)s;
    task_rec *r = malloc(sizeof *r);
    assert_int_equal(task_read(db, 206, r), DB_OK);
    task_fields f = fields_of(r);
    f.title = "Phân loại rác tại hộ (sửa lần 1)";
    assert_int_equal(task_update(db, 206, r->version, &f), DB_OK);
    /* lan then reports progress on the same task: the task's row changes under lan's name */
    assert_int_equal(task_add_progress(lan, 206, "2022-06-20", 5, 0, NULL, "Hội Phụ nữ"), DB_OK);
    char *before = sql_str(db, TASK_DIGEST, 206LL), *reps = sql_str(db, PROGRESS_DIGEST, 206LL);
    long long audit_rows = sql_ll(db, "SELECT count(*) FROM audit");
    undo_info u;
    assert_int_equal(undo_last(db, &u), DB_CONFLICT);
    assert_non_null(strstr(db_errmsg(db), "lan"));
    char *after = sql_str(db, TASK_DIGEST, 206LL), *reps_after = sql_str(db, PROGRESS_DIGEST, 206LL);
    assert_string_equal(after, before);                                 /* nothing changed */
    assert_string_equal(reps_after, reps);
    assert_int_equal(sql_ll(db, "SELECT count(*) FROM audit"), audit_rows);
    /* lan's undo is lan's own action; after it, this user's edit can be undone */
    assert_int_equal(undo_peek(lan, &u), DB_OK);
    assert_string_equal(u.entity, "progress");
    assert_int_equal(undo_last(lan, &u), DB_OK);
    assert_int_equal(undo_last(db, &u), DB_OK);
    assert_int_equal(task_read(db, 206, r), DB_OK);
    assert_string_equal(r->title, "Phân loại, xử lý rác thải sinh hoạt tại hộ gia đình (Hội Phụ nữ)");
    assert_int_equal(sql_ll(db, "SELECT done_qty = 145 FROM task WHERE id = 206"), 1);
    free(before); free(after); free(reps); free(reps_after); free(r);
}

static void test_undo_rename_org_and_criteria(void **s)
{
    (void)s;
    /* a rename: the name and its unit_event go */
    unit_rec u0;
    assert_int_equal(unit_read(db, TIEN_THANG, &u0), DB_OK);
    unit_fields uf = { .name = "Tiến Thắng Mới" };
    assert_int_equal(unit_update(db, TIEN_THANG, u0.version, &uf, NULL, NULL), DB_OK);
    assert_int_equal(sql_ll(db, "SELECT count(*) FROM unit_event WHERE unit_id = %d", TIEN_THANG), 1);
    undo_info u;
    assert_int_equal(undo_last(db, &u), DB_OK);
    unit_rec u1;
    assert_int_equal(unit_read(db, TIEN_THANG, &u1), DB_OK);
    assert_string_equal(u1.name, "Tiến Thắng");
    assert_int_equal(sql_ll(db, "SELECT count(*) FROM unit_event WHERE unit_id = %d", TIEN_THANG), 0);
    assert_int_equal(sql_ll(db, "SELECT name_key = 'tien thang' FROM unit WHERE id = %d", TIEN_THANG), 1);
    /* an organisation deleted comes back with its uuid */
    org_fields of = { .commune_id = CAM_HA, .name = "Chi hội Nông dân thôn", .kind = "union" };
    int64_t o;
    assert_int_equal(org_create(db, &of, &o), DB_OK);
    char *uuid = sql_str(db, "SELECT uuid FROM org WHERE id = %lld", (long long)o);
    assert_int_equal(org_delete(db, o), DB_OK);
    assert_int_equal(undo_last(db, &u), DB_OK);
    char *back = sql_str(db, "SELECT uuid FROM org WHERE id = %lld", (long long)o);
    assert_string_equal(back, uuid);
    free(uuid); free(back);
    /* a criterion status set, then undone: no record again */
    assert_int_equal(uc_set_status(db, CAM_HA, 102, 0, "met"), DB_OK);
    assert_int_equal(undo_peek(db, &u), DB_OK);
    assert_non_null(strstr(u.summary, "2. Giao thông - Cẩm Hà"));     /* names what is undone */
    assert_int_equal(undo_last(db, &u), DB_OK);
    uc_rec c;
    assert_int_equal(uc_read(db, CAM_HA, 102, &c), DB_OK);
    assert_int_equal(c.c.id, 0);
}

static void test_undo_blocked_by_later_reference(void **s)
{
    (void)s;
    /* this user creates an org; lan gives it a task; undoing the create would orphan it */
    org_fields of = { .commune_id = CAM_HA, .name = "Tổ tự quản đường làng", .kind = "other" };
    int64_t o, t;
    assert_int_equal(org_create(db, &of, &o), DB_OK);
    task_fields f = { .commune_id = CAM_HA, .owner_org_id = o, .title = "Quét dọn đường làng hàng tuần" };
    assert_int_equal(task_create(lan, &f, &t), DB_OK);
    undo_info u;
    assert_int_equal(undo_last(db, &u), DB_CONFLICT);
    assert_int_equal(sql_ll(db, "SELECT count(*) FROM org WHERE id = %lld", (long long)o), 1);
    assert_int_equal(sql_ll(db, "SELECT count(*) FROM task WHERE id = %lld", (long long)t), 1);
    assert_int_equal(undo_last(lan, &u), DB_OK);                          /* lan takes the task back */
    assert_int_equal(undo_last(db, &u), DB_OK);                           /* now the org can go */
    assert_int_equal(sql_ll(db, "SELECT count(*) FROM org WHERE id = %lld", (long long)o), 0);
}

static void test_undo_after_shell_edit(void **s)
{
    (void)s;
    org_fields of = { .commune_id = CAM_HA, .name = "Ban quản lý chợ", .kind = "other" };
    int64_t o;
    assert_int_equal(org_create(db, &of, &o), DB_OK);
    /* deleted by hand in the sqlite3 shell: the row the action made is gone */
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    sqlite3_busy_timeout(raw, 2000);
    char sql[128];
    snprintf(sql, sizeof sql, "DELETE FROM org WHERE id = %lld", (long long)o);
    assert_int_equal(sqlite3_exec(raw, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(raw);
    undo_info u;
    assert_int_equal(undo_last(db, &u), DB_CONFLICT);
    assert_non_null(strstr(db_errmsg(db), "ngoài chương trình"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nothing_to_undo),
        cmocka_unit_test(test_undo_edit),
        cmocka_unit_test(test_undo_delete_with_reports),
        cmocka_unit_test(test_undo_stack),
        cmocka_unit_test(test_undo_refused_after_other_user),
        cmocka_unit_test(test_undo_rename_org_and_criteria),
        cmocka_unit_test(test_undo_blocked_by_later_reference),
        cmocka_unit_test(test_undo_after_shell_edit),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
