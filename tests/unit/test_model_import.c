/* The import engine on the demo database, fed rows of strings as the readers give them:
 * headers matched without accents or case, counts of added / changed / unchanged, the
 * same rows again change nothing, one edited cell changes one row (versioned, audited,
 * one undo takes the import back), a household whose address changed is the same one,
 * every bad line named and nothing written, ambiguous and unknown names with their
 * candidates, duplicates in the file, tasks with owners by short name, criteria by
 * number, campaigns by document number, "2 km" targets, statuses, a uuid match that
 * renames, the export's units file (province and commune rows skipped), English
 * messages, and 1,500 households in well under a second. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "model/db.h"
#include "model/i18n.h"
#include "model/import.h"
#include "model/undo.h"
#include "tests/unit/fixture.h"

static char dir[64], path[128], err[1024];
static ntm_db *db;

enum { SON_TIEN = 10, CAM_HA = 20, AN_HOA_THINH = 30, NAY = 301 };

#define sql_ll(...) fx_sql_ll(db_handle(db), __VA_ARGS__)

/* One row from "a|b|c" (no '|' inside cells here). */
static void feed(import_job *j, long line, const char *row)
{
    char buf[4096], *cells[64];
    int n = 0;
    snprintf(buf, sizeof buf, "%s", row);
    for (char *p = buf;; ) {
        cells[n++] = p;
        char *bar = strchr(p, '|');
        if (!bar) break;
        *bar = 0;
        p = bar + 1;
    }
    assert_int_equal(import_row(j, line, n, (const char *const *)cells), 0);
}

/* Run rows[] (header first, lines 1, 2, ...) as kind; the job for the caller to look at. */
static import_job *run_rows(import_kind kind, int64_t commune, int dry_run, const char *const *rows, int *rc)
{
    import_job *j = import_new(db, kind, commune);
    assert_non_null(j);
    for (int i = 0; rows[i]; i++) feed(j, i + 1, rows[i]);
    *rc = import_run(j, dry_run);
    if (getenv("IMPORT_TEST_VERBOSE"))
        for (int i = 0; i < import_count(j, IMPORT_ERRORS); i++) fprintf(stderr, "error: %s\n", import_message(j, IMPORT_ERRORS, i));
    return j;
}

static void expect(import_job *j, int added, int changed, int same)
{
    int a, c, s;
    import_totals(j, &a, &c, &s);
    if (a != added || c != changed || s != same) {
        for (int i = 0; i < import_count(j, IMPORT_ERRORS); i++) fprintf(stderr, "error: %s\n", import_message(j, IMPORT_ERRORS, i));
        fprintf(stderr, "got %d added, %d changed, %d same\n", a, c, s);
    }
    assert_int_equal(a, added);
    assert_int_equal(c, changed);
    assert_int_equal(s, same);
}

/* 1 when one message of that kind contains text. */
static int says(const import_job *j, int which, const char *text)
{
    for (int i = 0; i < import_count(j, which); i++) if (strstr(import_message(j, which, i), text)) return 1;
    return 0;
}

static const char *const HH[] = {
    "THON|chu ho|Dia Chi|Vườn mẫu|3 sạch|Ghi chú|Số điện thoại",
    "Nậy|Nguyễn Văn An|xóm 1|x|có|",
    "nay|Lê Thị Bình||không||hộ mới",
    "Trung Mỹ|Trần Văn Cường|xóm 2|||",
    NULL,
};

static void test_households_add_again_edit(void **state)
{
    (void)state;
    int rc;
    long long audit0 = sql_ll("SELECT count(*) FROM audit");
    import_job *j = run_rows(IMPORT_HOUSEHOLDS, AN_HOA_THINH, 0, HH, &rc);
    assert_int_equal(rc, DB_OK);
    expect(j, 3, 0, 0);
    assert_true(says(j, IMPORT_WARNINGS, "'Số điện thoại'"));          /* unknown column: a warning */
    import_free(j);
    assert_int_equal(sql_ll("SELECT count(*) FROM household WHERE hamlet_id = %d AND head_name = 'Nguyễn Văn An' "
                            "AND address = 'xóm 1' AND model_garden = 1 AND three_clean = 1 AND septic_toilet IS NULL", NAY), 1);
    assert_int_equal(sql_ll("SELECT count(*) FROM household WHERE head_name = 'Lê Thị Bình' AND model_garden = 0 "
                            "AND three_clean IS NULL AND note = 'hộ mới' AND address IS NULL"), 1);
    /* Audited like a form's save, in one transaction. */
    assert_int_equal(sql_ll("SELECT count(*) FROM audit") - audit0, 3);
    assert_int_equal(sql_ll("SELECT count(DISTINCT tx) FROM audit WHERE id > %lld", audit0), 1);
    /* The same file again: nothing changes, nothing is written. */
    j = run_rows(IMPORT_HOUSEHOLDS, 0, 0, HH, &rc);
    assert_int_equal(rc, DB_OK);
    expect(j, 0, 0, 3);
    assert_int_equal(import_count(j, IMPORT_PLAN), 0);
    import_free(j);
    assert_int_equal(sql_ll("SELECT count(*) FROM audit") - audit0, 3);
    /* One edited cell: that row only, through the versioned update; a dry run first. */
    const char *edited[] = { HH[0], HH[1], "nay|Lê Thị Bình||có||hộ mới", HH[3], NULL };
    j = run_rows(IMPORT_HOUSEHOLDS, 0, 1, edited, &rc);
    assert_int_equal(rc, DB_OK);
    expect(j, 0, 1, 2);
    assert_int_equal(import_count(j, IMPORT_PLAN), 1);
    assert_string_equal(import_message(j, IMPORT_PLAN, 0), "sửa dòng 3: Lê Thị Bình (thôn Nậy): Vườn mẫu: không → có");
    import_free(j);
    assert_int_equal(sql_ll("SELECT model_garden FROM household WHERE head_name = 'Lê Thị Bình'"), 0);   /* dry run */
    j = run_rows(IMPORT_HOUSEHOLDS, 0, 0, edited, &rc);
    expect(j, 0, 1, 2);
    import_free(j);
    assert_int_equal(sql_ll("SELECT model_garden FROM household WHERE head_name = 'Lê Thị Bình'"), 1);
    assert_int_equal(sql_ll("SELECT version FROM household WHERE head_name = 'Lê Thị Bình'"), 2);
    assert_int_equal(sql_ll("SELECT sum(version) FROM household WHERE head_name IN ('Nguyễn Văn An', 'Trần Văn Cường')"), 2);
    assert_int_equal(sql_ll("SELECT count(*) FROM audit") - audit0, 4);
    /* A new address for the one "Trần Văn Cường" of Trung Mỹ: the same household. */
    const char *moved[] = { "Thôn|Chủ hộ|Địa chỉ", "Trung Mỹ|Trần Văn Cường|xóm 5", NULL };
    j = run_rows(IMPORT_HOUSEHOLDS, AN_HOA_THINH, 0, moved, &rc);
    expect(j, 0, 1, 0);
    assert_true(says(j, IMPORT_PLAN, "Địa chỉ: xóm 2 → xóm 5"));
    import_free(j);
    /* One undo takes back the last import as a whole. */
    undo_info u;
    assert_int_equal(undo_last(db, &u), DB_OK);
    assert_int_equal(sql_ll("SELECT count(*) FROM household WHERE address = 'xóm 2'"), 1);
}

/* Every bad line is named, and nothing at all is written. */
static void test_bad_rows_refused_whole(void **state)
{
    (void)state;
    char long_name[400] = "";
    for (int i = 0; i < 25; i++) strcat(long_name, "Nguyễn ");
    char row_long[512];
    snprintf(row_long, sizeof row_long, "Nậy|%s|", long_name);
    const char *rows[] = {
        "Thôn|Chủ hộ|Địa chỉ|Hộ nghèo",
        "Nậy|Hộ Tốt Một||",
        "Xóm Mới|Hộ A||",              /* 3: no such hamlet */
        "|Hộ B||",                      /* 4: hamlet missing */
        row_long,                       /* 5: name too long */
        "Nậy|Hộ C||có lẽ",              /* 6: not a yes/no */
        "Nậy|   ||",                    /* 7: head missing */
        "Nậy|Hộ Tốt Một||",             /* 8: the same as line 2 */
        NULL,
    };
    long long n0 = sql_ll("SELECT count(*) FROM household"), a0 = sql_ll("SELECT count(*) FROM audit");
    int rc;
    import_job *j = run_rows(IMPORT_HOUSEHOLDS, AN_HOA_THINH, 0, rows, &rc);
    assert_int_equal(rc, DB_INVALID);
    for (int i = 0; i < import_count(j, IMPORT_ERRORS); i++) printf("    %s\n", import_message(j, IMPORT_ERRORS, i));
    assert_int_equal(import_count(j, IMPORT_ERRORS), 6);
    assert_true(says(j, IMPORT_ERRORS, "dòng 3, cột 'Thôn': không có thôn nào là \"Xóm Mới\" ở xã An Hòa Thịnh. Có: Bình Hòa"));
    assert_true(says(j, IMPORT_ERRORS, "dòng 4, cột 'Thôn': không được để trống"));
    assert_true(says(j, IMPORT_ERRORS, "dòng 5, cột 'Chủ hộ': quá dài (tối đa 120 ký tự)"));
    assert_true(says(j, IMPORT_ERRORS, "dòng 6, cột 'Hộ nghèo': có lẽ: chỉ ghi có hoặc không"));
    assert_true(says(j, IMPORT_ERRORS, "dòng 7, cột 'Chủ hộ': không được để trống"));
    assert_true(says(j, IMPORT_ERRORS, "dòng 8: trùng với dòng 2"));
    assert_non_null(strstr(import_message(j, IMPORT_ERRORS, 0), "dòng 3"));       /* in line order */
    import_free(j);
    assert_int_equal(sql_ll("SELECT count(*) FROM household"), n0);
    assert_int_equal(sql_ll("SELECT count(*) FROM audit"), a0);
    /* A missing required column is named once, at the header. */
    const char *nohead[] = { "Thôn|Địa chỉ", "Nậy|xóm 1", NULL };
    j = run_rows(IMPORT_HOUSEHOLDS, 0, 0, nohead, &rc);
    assert_int_equal(rc, DB_INVALID);
    assert_true(says(j, IMPORT_ERRORS, "dòng 1: thiếu cột 'Chủ hộ' (bắt buộc)"));
    assert_int_equal(import_count(j, IMPORT_ERRORS), 1);               /* not once per row */
    import_free(j);
}

static void test_ambiguous_names_listed(void **state)
{
    (void)state;
    const char *rows[] = { "Xã|Thôn|Chủ hộ", "son tien|Tiến|Hộ X", "Sơn Tiến|thinh tien|Hộ Y", "Cẩm Hà|Thịnh Tiến|Hộ Z", NULL };
    int rc;
    import_job *j = run_rows(IMPORT_HOUSEHOLDS, 0, 1, rows, &rc);
    assert_int_equal(rc, DB_INVALID);
    assert_true(says(j, IMPORT_ERRORS, "dòng 2, cột 'Thôn': \"Tiến\" khớp nhiều thôn: "));
    assert_true(says(j, IMPORT_ERRORS, "Thịnh Tiến") && says(j, IMPORT_ERRORS, "Tân Tiến") && says(j, IMPORT_ERRORS, "Hòa Tiến"));
    assert_false(says(j, IMPORT_ERRORS, "dòng 3"));                              /* thinh tien = Thịnh Tiến */
    assert_true(says(j, IMPORT_ERRORS, "dòng 4, cột 'Thôn': không có thôn nào là \"Thịnh Tiến\" ở xã Cẩm Hà"));
    import_free(j);
    /* --commune given: a row naming another commune is refused. */
    const char *other[] = { "Xã|Thôn|Chủ hộ", "Cẩm Hà|Tiến Thắng|Hộ X", NULL };
    j = run_rows(IMPORT_HOUSEHOLDS, SON_TIEN, 1, other, &rc);
    assert_true(says(j, IMPORT_ERRORS, "dòng 2, cột 'Xã': Cẩm Hà không phải xã đã chọn (Sơn Tiến)"));
    import_free(j);
    /* Owners: "Hội" is several organisations of Sơn Tiến. */
    const char *tasks[] = { "Nội dung|Phụ trách", "Dọn vệ sinh|Hội", NULL };
    j = run_rows(IMPORT_TASKS, SON_TIEN, 1, tasks, &rc);
    assert_true(says(j, IMPORT_ERRORS, "dòng 2, cột 'Phụ trách': \"Hội\" khớp nhiều"));
    assert_true(says(j, IMPORT_ERRORS, "Hội Phụ nữ") && says(j, IMPORT_ERRORS, "Hội Nông dân"));
    import_free(j);
}

static void test_tasks(void **state)
{
    (void)state;
    const char *rows[] = {
        "Mã|Xã|Thôn|Nội dung|Phụ trách|Tiêu chí|Đợt|Chỉ tiêu|Đơn vị tính|Đã làm|Tỷ lệ|Hạn|Trạng thái|Số ngày quá hạn|uuid",
        "|Cẩm Hà|Tiến Thắng|Làm 2 km hàng rào xanh|HPN|2. Giao thông|14-KH/BCĐ|2 km||0|0%|30/06/2022|Đang làm||",
        "|Cẩm Hà||Tổng dọn vệ sinh ngày chủ nhật|Lê Văn Sơn|17|14-KH/BCĐ||||||Đã xong||",
        "|cam ha|Thành Xuân|Vườn mẫu thứ hai|thôn Thành Xuân|||1,5|vườn|||15/7/22|||",
        NULL,
    };
    long long t0 = sql_ll("SELECT count(*) FROM task WHERE commune_id = %d", CAM_HA);
    int rc;
    import_job *j = run_rows(IMPORT_TASKS, 0, 0, rows, &rc);
    assert_int_equal(rc, DB_OK);
    expect(j, 3, 0, 0);
    assert_int_equal(import_count(j, IMPORT_WARNINGS), 0);        /* the export's computed columns are known */
    import_free(j);
    assert_int_equal(sql_ll("SELECT count(*) FROM task WHERE commune_id = %d", CAM_HA), t0 + 3);
    assert_int_equal(sql_ll("SELECT count(*) FROM task t JOIN org o ON o.id = t.owner_org_id JOIN criterion c ON c.id = t.criterion_id "
                            "JOIN campaign g ON g.id = t.campaign_id WHERE t.title = 'Làm 2 km hàng rào xanh' AND o.short_name = 'HPN' "
                            "AND o.unit_id = %d AND c.number = 2 AND g.doc_number = '14-KH/BCĐ' AND t.target_qty = 2 "
                            "AND t.qty_unit = 'km' AND t.deadline = '2022-06-30' AND t.status = 'open'", CAM_HA), 1);
    assert_int_equal(sql_ll("SELECT count(*) FROM task t JOIN person p ON p.id = t.owner_person_id JOIN criterion c ON c.id = t.criterion_id "
                            "WHERE t.title = 'Tổng dọn vệ sinh ngày chủ nhật' AND t.hamlet_id IS NULL AND c.number = 17 "
                            "AND t.status = 'done' AND p.full_name = 'Lê Văn Sơn'"), 1);
    assert_int_equal(sql_ll("SELECT count(*) FROM task t JOIN unit h ON h.id = t.owner_unit_id WHERE t.title = 'Vườn mẫu thứ hai' "
                            "AND h.name = 'Thành Xuân' AND t.target_qty = 1.5 AND t.qty_unit = 'vườn' AND t.deadline = '2022-07-15'"), 1);
    j = run_rows(IMPORT_TASKS, CAM_HA, 0, rows, &rc);
    expect(j, 0, 0, 3);
    import_free(j);
    /* By uuid, a new title is a change of that task, not a new one. */
    char row[600], *uuid = fx_sql_str(db_handle(db), "SELECT uuid FROM task WHERE title = 'Vườn mẫu thứ hai'");
    snprintf(row, sizeof row, "Cẩm Hà|Thành Xuân|Vườn mẫu số 2|%s", uuid);
    free(uuid);
    const char *renamed[] = { "Xã|Thôn|Nội dung|uuid", row, NULL };
    j = run_rows(IMPORT_TASKS, 0, 0, renamed, &rc);
    expect(j, 0, 1, 0);
    assert_true(says(j, IMPORT_PLAN, "Nội dung: Vườn mẫu thứ hai → Vườn mẫu số 2"));
    import_free(j);
    assert_int_equal(sql_ll("SELECT count(*) FROM task t WHERE title = 'Vườn mẫu số 2' AND owner_unit_id IS NOT NULL AND version = 2"), 1);
    /* Without a Thôn column a title names the one task of the commune with it; with one,
     * the same title in another hamlet is another task. */
    const char *no_hamlet[] = { "Nội dung|Chỉ tiêu", "Làm 2 km hàng rào xanh|2 km", NULL };
    j = run_rows(IMPORT_TASKS, CAM_HA, 0, no_hamlet, &rc);
    expect(j, 0, 0, 1);
    import_free(j);
    const char *twice[] = { "Thôn|Nội dung|Phụ trách", "Thành Xuân|Làm 2 km hàng rào xanh|HPN", NULL };
    j = run_rows(IMPORT_TASKS, CAM_HA, 0, twice, &rc);
    expect(j, 1, 0, 0);
    import_free(j);
    j = run_rows(IMPORT_TASKS, CAM_HA, 1, no_hamlet, &rc);
    assert_int_equal(rc, DB_INVALID);
    assert_true(says(j, IMPORT_ERRORS, "dòng 2: đã có 2 đầu việc cùng xã, thôn và tên đầu việc; thêm cột uuid để chỉ rõ"));
    import_free(j);
    /* Bad values: each named. */
    const char *bad[] = {
        "Nội dung|Hạn|Chỉ tiêu|Đơn vị tính|Trạng thái|Phụ trách",
        "Việc A|31/02/2022|2|km||HPN",
        "Việc B|30/06/2022|-3|km||HPN",
        "Việc C|hôm nay|2 km|m||HPN",
        "Việc D||||xong rồi|HPN",
        "Việc E||||",
        NULL,
    };
    j = run_rows(IMPORT_TASKS, CAM_HA, 0, bad, &rc);
    assert_int_equal(rc, DB_INVALID);
    assert_true(says(j, IMPORT_ERRORS, "dòng 2, cột 'Hạn': 31/02/2022 không phải là ngày"));
    assert_true(says(j, IMPORT_ERRORS, "dòng 3, cột 'Chỉ tiêu': -3: không được âm"));
    assert_true(says(j, IMPORT_ERRORS, "dòng 4, cột 'Hạn': hôm nay không phải là ngày (ghi dd/mm/yyyy)"));
    assert_true(says(j, IMPORT_ERRORS, "dòng 4, cột 'Chỉ tiêu': chỉ tiêu ghi \"km\" nhưng cột 'Đơn vị tính' là \"m\""));
    assert_true(says(j, IMPORT_ERRORS, "dòng 5, cột 'Trạng thái': xong rồi:"));
    /* Line 6 passes every cell check; the write (rolled back) names the missing owner. */
    assert_true(says(j, IMPORT_ERRORS, "dòng 6: Phụ trách: chọn một tổ chức"));
    import_free(j);
    assert_int_equal(sql_ll("SELECT count(*) FROM task WHERE title LIKE 'Việc _'"), 0);
}

/* The export's units file: province and commune rows are skipped, hamlets imported. */
static void test_hamlets(void **state)
{
    (void)state;
    const char *rows[] = {
        "Cấp|Tỉnh|Xã|Thôn|Huyện|Nhóm|Trạng thái|Dân số|Số hộ|Số đầu việc|Đã xong|Quá hạn|uuid",
        "Tỉnh|Hà Tĩnh|||||||||||",
        "Xã|Hà Tĩnh|Cẩm Hà||Cẩm Xuyên|2||||5|1|0|",
        "Thôn|Hà Tĩnh|Cẩm Hà|Tiến Thắng|||||120|3|0|0|",
        "Thôn|Hà Tĩnh|Cẩm Hà|Thôn Mới|||| 1.250 |300||||",
        NULL,
    };
    int rc;
    import_job *j = run_rows(IMPORT_HAMLETS, 0, 0, rows, &rc);
    assert_int_equal(rc, DB_OK);
    expect(j, 1, 1, 0);
    assert_true(says(j, IMPORT_WARNINGS, "bỏ qua 2 dòng"));
    assert_true(says(j, IMPORT_PLAN, "sửa dòng 4: Tiến Thắng (xã Cẩm Hà): Số hộ: (trống) → 120"));
    import_free(j);
    assert_int_equal(sql_ll("SELECT population FROM unit WHERE name = 'Thôn Mới' AND parent_id = %d AND kind = 'hamlet'", CAM_HA), 1250);
    assert_int_equal(sql_ll("SELECT households FROM unit WHERE name = 'Tiến Thắng'"), 120);
    j = run_rows(IMPORT_HAMLETS, 0, 0, rows, &rc);
    expect(j, 0, 0, 2);
    import_free(j);
    /* Without a commune column and without --commune: refused at the header. */
    const char *nocommune[] = { "Thôn|Số hộ", "Mới|3", NULL };
    j = run_rows(IMPORT_HAMLETS, 0, 0, nocommune, &rc);
    assert_int_equal(rc, DB_INVALID);
    assert_true(says(j, IMPORT_ERRORS, "thiếu cột 'Xã' (hoặc chọn xã bằng --commune)"));
    import_free(j);
}

static void test_english(void **state)
{
    (void)state;
    ntm_lang_en = 1;
    const char *rows[] = { "Nội dung|Hạn|Phụ trách", "Việc A|31/02/2022|HPN", NULL };
    int rc;
    import_job *j = run_rows(IMPORT_TASKS, CAM_HA, 0, rows, &rc);
    char sum[128];
    import_summary(j, sum, sizeof sum);
    ntm_lang_en = 0;
    assert_int_equal(rc, DB_INVALID);
    assert_true(says(j, IMPORT_ERRORS, "line 2, column 'Hạn': 31/02/2022 is not a date"));
    assert_string_equal(sum, "Added 0, changed 0, unchanged 0");
    import_free(j);
}

static void test_1500_households(void **state)
{
    (void)state;
    import_job *j = import_new(db, IMPORT_HOUSEHOLDS, AN_HOA_THINH);
    static const char *hamlets[] = { "Nậy", "Trung Mỹ", "Phúc Thịnh", "Thiên Nhẫn", "Tân Thịnh" };
    char row[300];
    double t0 = fx_now_ms();
    feed(j, 1, "Thôn|Chủ hộ|Địa chỉ|Vườn mẫu|3 sạch|Hộ nghèo|Ghi chú");
    for (int i = 0; i < 1500; i++) {
        snprintf(row, sizeof row, "%s|Nguyễn Văn Số %d|Xóm %d|%s|%s||ghi chú %d", hamlets[i % 5], i, i % 7, i % 3 ? "x" : "",
                 i % 2 ? "có" : "không", i);
        feed(j, i + 2, row);
    }
    int rc = import_run(j, 0);
    double ms = fx_now_ms() - t0;
    printf("    1,500 households imported in %.0f ms\n", ms);
    assert_int_equal(rc, DB_OK);
    expect(j, 1500, 0, 0);
    import_free(j);
#ifdef __SANITIZE_ADDRESS__
    assert_true(ms < 10000);                /* AddressSanitizer + UBSan at -O1: about ten times slower */
#else
    assert_true(ms < 1000);
#endif
}

static int setup(void **s)
{
    (void)s;
    unsetenv("NTM_TODAY");
    if (fx_demo(dir, sizeof dir, "import", path, sizeof path, "d.db", err, sizeof err)) return -1;
    return db_open(&db, path, 0, 2000, err, sizeof err);
}

static int teardown(void **s)
{
    (void)s;
    db_close(db);
    return fx_rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_households_add_again_edit),
        cmocka_unit_test(test_bad_rows_refused_whole),
        cmocka_unit_test(test_ambiguous_names_listed),
        cmocka_unit_test(test_tasks),
        cmocka_unit_test(test_hamlets),
        cmocka_unit_test(test_english),
        cmocka_unit_test(test_1500_households),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
