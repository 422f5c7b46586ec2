/* Refusals name the field: every model call that refuses what was typed says which input
 * is wrong (db_err_field: its column name) beside the message, and gives the message
 * without the "label: " in front (db_err_detail), so a form puts it under that field
 * without reading the text. The messages themselves are unchanged ("Hạn hoàn thành: ...").
 * A failure that names no input (a missing row, db_fail) leaves the field "". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include "model/campaign.h"
#include "model/criteria.h"
#include "model/db.h"
#include "model/entity.h"
#include "model/household.h"
#include "model/i18n.h"
#include "model/org.h"
#include "model/person.h"
#include "model/task.h"
#include "model/task_edit.h"
#include "tests/unit/fixture.h"

static char dir[64], path[128], err[1024];
static ntm_db *db;

/* Ids of the demo (model/data/demo.sql). */
enum { CAM_HA = 20, AN_HOA_THINH = 30, TIEN_THANG = 201, NAY = 301, HOI_NONG_DAN = 206 };

static int setup(void **s)
{
    (void)s;
    if (fx_demo(dir, sizeof dir, "field", path, sizeof path, "d.db", err, sizeof err)) return -1;
    return db_open(&db, path, 0, 2000, err, sizeof err) == DB_OK ? 0 : -1;
}

static int teardown(void **s)
{
    (void)s;
    db_close(db);
    ntm_lang_en = 0;
    return fx_rmdir(dir);
}

/* rc is DB_INVALID, naming field, with msg whole and detail after the label. */
static void refused(int rc, const char *field, const char *msg, const char *detail)
{
    assert_int_equal(rc, DB_INVALID);
    assert_string_equal(db_err_field(db), field);
    if (msg) assert_string_equal(db_errmsg(db), msg);
    assert_string_equal(db_err_detail(db), detail);
}

static task_fields good_task(void)
{
    return (task_fields){ .commune_id = CAM_HA, .hamlet_id = TIEN_THANG, .owner_org_id = HOI_NONG_DAN,
                          .title = "Trồng hàng rào xanh", .target = "2", .qty_unit = "km",
                          .start_date = "01/07/2022", .deadline = "30/09/2022" };
}

static void test_task(void **s)
{
    (void)s;
    int64_t id = 0;
    task_fields f = good_task();
    f.deadline = "31/02/2022";
    refused(task_create(db, &f, &id), "deadline", "Hạn hoàn thành: Không có ngày này trong lịch (vd. 31/02)",
            "Không có ngày này trong lịch (vd. 31/02)");
    f = good_task(); f.start_date = "01/10/2022";                 /* after the deadline: no label in front */
    refused(task_create(db, &f, &id), "deadline", NULL, db_errmsg(db));
    assert_non_null(strstr(db_errmsg(db), "Hạn hoàn thành (30/09/2022) phải từ ngày bắt đầu"));
    f = good_task(); f.start_date = "2022-13-01";
    refused(task_create(db, &f, &id), "start_date", "Ngày bắt đầu: Không có ngày này trong lịch (vd. 31/02)",
            "Không có ngày này trong lịch (vd. 31/02)");
    f = good_task(); f.target = "-5";
    refused(task_create(db, &f, &id), "target_qty", "Chỉ tiêu: không được âm", "không được âm");
    f = good_task(); f.target = "2 m";                             /* the unit is km */
    refused(task_create(db, &f, &id), "qty_unit", NULL, "chỉ tiêu ghi \"m\" nhưng đơn vị là \"km\"");
    f = good_task(); f.title = "";
    refused(task_create(db, &f, &id), "title", "Tên đầu việc: không được để trống", "không được để trống");
    /* control characters, C1 and bidi overrides are refused (terminal safety); a line
     * break in the description is text */
    const char *bad[] = { "Rào\x1b[2J", "Rào\x07", "Rào\x7f", "Rào\xc2\x9b" "2J", "Rào\xe2\x80\xae", "R\xe2\x81\xa6" };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        f = good_task(); f.title = bad[i];
        refused(task_create(db, &f, &id), "title", "Tên đầu việc: có ký tự điều khiển", "có ký tự điều khiển");
    }
    f = good_task(); f.description = "dòng 1\ndòng 2\tx";
    assert_int_equal(task_create(db, &f, &id), DB_OK);
    f = good_task(); f.owner_org_id = 0;
    refused(task_create(db, &f, &id), "owner", "Phụ trách: chọn một tổ chức, một người hoặc một thôn",
            "chọn một tổ chức, một người hoặc một thôn");
    f = good_task(); f.hamlet_id = NAY;                            /* a hamlet of another commune */
    refused(task_create(db, &f, &id), "hamlet_id", "Thôn: phải là một thôn của xã", "phải là một thôn của xã");
    ntm_lang_en = 1;                                               /* the same field in English */
    f = good_task(); f.deadline = "31/02/2022";
    refused(task_create(db, &f, &id), "deadline", "Deadline: No such day in the calendar (e.g. 31/02)",
            "No such day in the calendar (e.g. 31/02)");
    ntm_lang_en = 0;
    /* a failure about no input names none */
    task_rec *r = malloc(sizeof *r);
    assert_int_equal(task_read(db, 999999, r), DB_NOTFOUND);
    free(r);
    assert_string_equal(db_err_field(db), "");
    assert_string_equal(db_err_detail(db), db_errmsg(db));
}

static void test_progress(void **s)
{
    (void)s;
    int64_t task = fx_sql_ll(db_handle(db), "SELECT id FROM task WHERE hamlet_id = %d ORDER BY id LIMIT 1", NAY);
    refused(task_add_progress_unit(db, task, "2022-06-20", -3, 0, "", "", NULL), "qty", "Khối lượng không được âm",
            "Khối lượng không được âm");
    int64_t p = 0;
    assert_int_equal(task_add_progress(db, task, "2022-06-20", 1, 0, "", ""), DB_OK);
    p = fx_sql_ll(db_handle(db), "SELECT max(id) FROM progress WHERE task_id = %lld", (long long)task);
    refused(progress_update(db, p, 1, "20/06/2022", "hai", "", ""), "qty", NULL, "phải là một số (vd. 2 hoặc 1,5)");
    refused(progress_update(db, p, 1, "", "1", "", ""), "report_date", "Ngày báo cáo: chưa nhập ngày", "chưa nhập ngày");
}

static void test_records(void **s)
{
    (void)s;
    int64_t id = 0;
    unit_fields u = { .name = "Tiến Thắng" };
    refused(unit_create(db, 'h', CAM_HA, &u, &id), "name", NULL, "đã có thôn \"Tiến Thắng\" ở đây");
    u = (unit_fields){ .name = "Thôn mới", .population = "nhiều" };
    refused(unit_create(db, 'h', CAM_HA, &u, &id), "population", "Dân số: phải là số nguyên", "phải là số nguyên");
    org_fields o = { .commune_id = CAM_HA, .name = "Hội Nông dân" };
    refused(org_create(db, &o, &id), "name", "Tên tổ chức: xã đã có \"Hội Nông dân\"", "xã đã có \"Hội Nông dân\"");
    person_fields pe = { .unit_id = CAM_HA, .full_name = "Nguyễn Văn A", .phone = "số nhà" };
    refused(person_create(db, &pe, &id), "phone", NULL, "chỉ gồm chữ số, dấu cách và + - . ( )");
    campaign_fields c = { .commune_id = CAM_HA, .name = "Đợt thử", .start_date = "01/07/2022", .end_date = "01/06/2022" };
    refused(campaign_create(db, &c, &id), "end_date", NULL, db_errmsg(db));
    household_fields h = { .hamlet_id = TIEN_THANG, .head_name = "Trần Văn B" };
    h.flags[HH_POOR] = 7;
    refused(household_create(db, &h, &id), "poor", NULL, "chỉ có có/không/chưa khảo sát");
    int64_t crit = fx_sql_ll(db_handle(db), "SELECT c.id FROM criterion c JOIN unit u ON u.criteria_set_id = c.set_id "
                                            "WHERE u.id = %d ORDER BY c.number LIMIT 1", AN_HOA_THINH);
    uc_fields uf = { .status = "met", .dossier = "lost" };
    refused(uc_set(db, AN_HOA_THINH, crit, 0, &uf), "dossier", NULL,
            "\"lost\" không hợp lệ (none, in_progress, complete, appraised)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_task),
        cmocka_unit_test(test_progress),
        cmocka_unit_test(test_records),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
