/* The task sheet as a hamlet fills it in and an office files it (issue 12), read back
 * with pdftotext -bbox: the code first on every row, an empty "Kỳ này" column at least
 * 20 mm wide with the unit beside it, the sheet's own instructions, "Đã làm" with its
 * unit, a long unit printed whole, numbers never cut inside, campaign markers (1) (2),
 * an owner's sheet across hamlets, and never a last page holding only the signature. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "config/config.h"
#include "model/db.h"
#include "reports/task_sheet.h"
#include "tests/pdf/pdftext.h"
#include "tests/unit/fixture.h"
#include <ctype.h>

enum { COMMUNE = 2, NAY = 3, THIEN_NHAN = 4, EMPTY = 5, GROW = 6 };
#define MM(x) ((x) * 72.0 / 25.4)
#define LONG_UNIT "hệ thống xử lý nước thải sinh hoạt hộ gđ"      /* 40 characters, the limit */

static char dir[64];
static ntm_db *db;
static ntm_config cfg;

static const char *FIXTURE =
    "INSERT INTO unit(id, kind, parent_id, name) VALUES (1, 'province', NULL, 'Hà Tĩnh'), (2, 'commune', 1, 'An Hòa Thịnh'),"
    " (3, 'hamlet', 2, 'Nậy'), (4, 'hamlet', 2, 'Thiên Nhẫn'), (5, 'hamlet', 2, 'Sâm Cồn'), (6, 'hamlet', 2, 'Giếng Thị');"
    "INSERT INTO org(id, unit_id, name, short_name, kind) VALUES (1, 2, 'Hội Liên hiệp Phụ nữ xã', 'Hội Phụ nữ', 'union'),"
    " (2, 2, 'Hội Nông dân xã', 'Hội Nông dân', 'union');"
    "INSERT INTO person(id, unit_id, full_name, position) VALUES (1, 2, 'Trần Ngọc Anh', 'Công chức địa chính - xây dựng');"
    "INSERT INTO campaign(id, unit_id, name, doc_number, start_date, end_date) VALUES"
    " (1, 2, 'Đợt cao điểm xây dựng NTM năm 2021', '14-KH/BCĐ', '2021-03-03', '2021-06-03'),"
    " (2, 2, 'Tháng cao điểm vệ sinh môi trường', '05-KH/UBND', '2021-06-01', '2021-06-30');"
    "INSERT INTO task(id, commune_id, hamlet_id, title, campaign_id, owner_org_id, owner_person_id, owner_unit_id,"
    " target_qty, qty_unit, deadline, status) VALUES"
    " (1, 2, 3, 'Trồng 2 km hàng rào xanh', 1, 1, NULL, NULL, 2, 'km', '2021-05-30', 'open'),"
    " (2, 2, 3, 'Xây 33 hệ thống xử lý nước thải tại hộ', 1, NULL, NULL, 3, 33, 'hệ thống', '2021-06-30', 'open'),"
    " (3, 2, 3, 'Rà soát quy hoạch đất ở', 1, NULL, 1, NULL, NULL, NULL, '2021-06-30', 'open'),"
    " (4, 2, 4, 'Lắp đặt hệ thống xử lý nước thải', 1, 1, NULL, NULL, 12, '" LONG_UNIT "', '2021-06-03', 'open'),"
    " (5, 2, 4, 'Vận động hộ làm hố rác', 2, 2, NULL, NULL, NULL, 'hộ', '2021-06-30', 'open'),"
    " (6, 2, 4, 'Đổ bê tông đường ngõ xóm', 2, NULL, NULL, 4, 200000, 'm', '2021-06-30', 'open');"
    "INSERT INTO progress(task_id, report_date, qty, entered_by) VALUES (1, '2021-05-20', 1.4, 't'), (5, '2021-06-10', 3, 't'),"
    " (6, '2021-06-10', 125000, 't');";

static int setup(void **state)
{
    char path[128], err[512];
    if (fx_tempdir(dir, sizeof dir, "sheet-fill", path, sizeof path, "fixture.db")) return -1;
    if (db_open(&db, path, DB_OPEN_CREATE, 2000, err, sizeof err) != DB_OK) { fprintf(stderr, "%s\n", err); return -1; }
    char *msg = NULL;
    if (sqlite3_exec(db_handle(db), FIXTURE, NULL, NULL, &msg) != SQLITE_OK) { fprintf(stderr, "%s\n", msg); return -1; }
    if (db_refold(db) != DB_OK || db_meta_set(db, "as_of", "2021-06-21") != DB_OK) return -1;
    fx_report_config(&cfg, dir, "UBND XÃ AN HÒA THỊNH", "BAN CHỈ ĐẠO NTM");
    (void)state;
    return 0;
}

static int teardown(void **state)
{
    db_close(db);
    (void)state;
    return fx_rmdir(dir);
}

static void sheet(int64_t hamlet, char *path, size_t n)
{
    char err[700] = "";
    assert_int_equal(report_task_sheet_path(db, &cfg, hamlet, path, n), 0);
    int rc = report_task_sheet(db, &cfg, hamlet, path, err, sizeof err);
    if (rc) fail_msg("%s", err);
}

static long long code_of(int64_t task) { return fx_sql_ll(db_handle(db), "SELECT code FROM task WHERE id = %lld", (long long)task); }

/* The centre of a header of one or two words ("Kỳ" "này") on page 1. */
static double head_centre(const pt_word *w, int n, const char *a, const char *b)
{
    int i = pt_word_find(w, n, 1, a, 0);
    while (i >= 0 && b && (i + 1 >= n || strcmp(w[i + 1].text, b))) i = pt_word_find(w, n, 1, a, i + 1);
    assert_true(i >= 0);
    return (w[i].x0 + (b ? w[i + 1].x1 : w[i].x1)) / 2;
}

static void test_code_and_now_column(void **state)
{
    char path[1200];
    sheet(NAY, path, sizeof path);
    int n;
    pt_word *w = pt_words(path, &n);
    assert_non_null(w);
    /* the codes, first on their rows, left of the titles */
    for (int64_t t = 1; t <= 3; t++) {
        char code[24];
        snprintf(code, sizeof code, "V%lld", code_of(t));
        int i = pt_word_find(w, n, 1, code, 0);
        if (i < 0) fail_msg("code %s not printed", code);
        assert_true(w[i].x1 < A4_LEFT + 30);
    }
    int mi = pt_word_find(w, n, 1, "Mã", 0);
    assert_true(mi >= 0 && w[mi].x1 < A4_LEFT + 30);
    /* "Kỳ này": the unit right-aligned in its cell (pad 0.3 x 11 pt), nothing else in it */
    double centre = head_centre(w, n, "Kỳ", "này"), right = 0;
    for (int i = 0; i < n; i++)
        if (w[i].page == 1 && !strcmp(w[i].text, "km") && w[i].x0 > centre - 10 && w[i].x1 > right) right = w[i].x1;
    assert_true(right > centre);
    double width = 2 * (right + 3.3 - centre);
    printf("    \"Kỳ này\" column: %.1f mm wide\n", width * 25.4 / 72);
    assert_true(width >= MM(20));
    static const char *const allowed[] = { "km", "hệ", "thống", NULL };
    int end = pt_word_find(w, n, 1, "Nơi", 0);                         /* the table ends above "Nơi nhận" */
    assert_true(end >= 0);
    for (int i = 0; i < n; i++) {
        double c = (w[i].x0 + w[i].x1) / 2;
        if (w[i].page != 1 || c < centre - width / 2 || c > centre + width / 2) continue;
        if (w[i].y0 <= w[mi].y1 || w[i].y0 >= w[end].y0 - 12) continue; /* header, signature */
        int ok = 0;
        for (int k = 0; allowed[k]; k++) ok |= !strcmp(w[i].text, allowed[k]);
        if (!ok) fail_msg("\"%s\" written in the Kỳ này column", w[i].text);
    }
    free(w);
    /* the sheet says how to fill it in and that it comes back by code */
    char *raw = pt_text(path, 0, 0, "-raw"), *joined = pt_join(raw);
    assert_non_null(strstr(joined, "Cách ghi: thôn ghi khối lượng làm được trong kỳ vào cột \"Kỳ này\""));
    assert_non_null(strstr(joined, "Cán bộ nhập lại vào ntm theo mã, mỗi việc một dòng: mã, số, ghi chú"));
    assert_non_null(strstr(joined, "Phụ trách: Hội Phụ nữ"));          /* the owner under the title */
    assert_non_null(strstr(joined, "Phụ trách: Trần Ngọc Anh"));
    assert_null(strstr(joined, "Phụ trách: Nậy"));                     /* the hamlet's own: not repeated */
    assert_non_null(strstr(joined, "1,4/2 km"));
    free(raw); free(joined);
    (void)state;
}

static void test_units_numbers_campaigns(void **state)
{
    char path[1200];
    sheet(THIEN_NHAN, path, sizeof path);
    char *raw = pt_text(path, 0, 0, "-raw"), *joined = pt_join(raw);
    assert_non_null(strstr(joined, "0/12 " LONG_UNIT));               /* 55 bytes: printed whole */
    assert_non_null(strstr(joined, "3 hộ"));                           /* no target: done with its unit */
    /* two campaigns: numbered under the title, each row marked */
    assert_non_null(strstr(joined, "(1) Đợt cao điểm xây dựng NTM năm 2021 (số 14-KH/BCĐ"));
    assert_non_null(strstr(joined, "(2) Tháng cao điểm vệ sinh môi trường (số 05-KH/UBND"));
    int n;
    pt_word *w = pt_words(path, &n);
    static const struct { int64_t task; const char *mark; } rows[] = { { 4, "(1)" }, { 5, "(2)" }, { 6, "(2)" } };
    for (int r = 0; r < 3; r++) {
        char code[24];
        snprintf(code, sizeof code, "V%lld", code_of(rows[r].task));
        int i = pt_word_find(w, n, 1, code, 0), found = 0;
        assert_true(i >= 0);
        for (int k = 0; k < n; k++)
            found |= w[k].page == 1 && !strcmp(w[k].text, rows[r].mark) && w[k].y0 > w[i].y0 + 5 && w[k].y0 < w[i].y1 + 12
                     && fabs((w[k].x0 + w[k].x1) / 2 - (w[i].x0 + w[i].x1) / 2) < 6;
        if (!found) fail_msg("%s has no marker %s under it", code, rows[r].mark);
    }
    /* 125000/200000 m is wider than its cell: it wraps after the slash, no number is cut */
    int a = pt_word_find(w, n, 1, "125000/", 0), b = pt_word_find(w, n, 1, "200000", 0);
    if (a < 0 || b < 0) fail_msg("125000/200000 m not wrapped at the slash");
    assert_true(w[b].y0 > w[a].y0);
    for (int i = 0; i < n; i++) {
        const char *t = w[i].text;
        int digits = isdigit((unsigned char)t[0]) && strspn(t, "0123456789/") == strlen(t);
        if (digits && strstr("125000/200000", t) && strcmp(t, "125000/") && strcmp(t, "200000"))
            fail_msg("a piece of a number: \"%s\"", t);
    }
    free(w); free(raw); free(joined);
    (void)state;
}

static void test_owner_sheet(void **state)
{
    char path[1200], want[300], err[700] = "";
    assert_int_equal(report_owner_sheet_path(db, &cfg, COMMUNE, 1, 0, path, sizeof path), 0);
    snprintf(want, sizeof want, "%s/pdf/phieu-dau-viec-an-hoa-thinh-hoi-phu-nu-20210621.pdf", dir);
    assert_string_equal(path, want);
    fx_report_written(report_owner_sheet(db, &cfg, COMMUNE, 1, 0, path, err, sizeof err), err, path, 0);
    char *raw = pt_text(path, 0, 0, "-raw"), *joined = pt_join(raw);
    assert_non_null(strstr(joined, "Hội Liên hiệp Phụ nữ xã - Xã An Hòa Thịnh"));
    assert_non_null(strstr(joined, "Trồng 2 km hàng rào xanh"));       /* in Nậy */
    assert_non_null(strstr(joined, "Lắp đặt hệ thống xử lý nước thải")); /* in Thiên Nhẫn */
    assert_null(strstr(joined, "Vận động hộ làm hố rác"));            /* Hội Nông dân's */
    int n;
    pt_word *w = pt_words(path, &n);
    double thon = head_centre(w, n, "Thôn", NULL);
    int a = pt_word_find(w, n, 1, "Nậy", 0), b = pt_word_find(w, n, 1, "Thiên", 0);
    assert_true(a >= 0 && b >= 0);
    assert_true(fabs(w[a].x0 - w[b].x0) < 1 && w[a].x0 < thon && w[a].x1 > thon - 30);   /* both in the Thôn column */
    free(w); free(raw); free(joined);
    /* a person's, and the refusals */
    assert_int_equal(report_owner_sheet(db, &cfg, COMMUNE, 0, 1, path, err, sizeof err), 0);
    raw = pt_text(path, 0, 0, "-raw");
    joined = pt_join(raw);
    assert_non_null(strstr(joined, "Trần Ngọc Anh - Xã An Hòa Thịnh"));
    assert_non_null(strstr(joined, "Rà soát quy hoạch đất ở"));
    free(raw); free(joined);
    assert_int_equal(report_owner_sheet(db, &cfg, COMMUNE, 1, 1, path, err, sizeof err), -1);
    assert_int_equal(report_owner_sheet(db, &cfg, 99, 1, 0, path, err, sizeof err), -1);
    (void)state;
}

/* The last page always holds rows of the table with the signature: sheets of 1 to 40
 * tasks, so the table ends at every height of the page. */
static void test_signature_never_alone(void **state)
{
    int lone = 0, pushed = 0;
    for (int k = 1; k <= 40; k++) {
        char sql[400], path[1200];
        snprintf(sql, sizeof sql, "INSERT INTO task(commune_id, hamlet_id, title, owner_unit_id, target_qty, qty_unit, deadline) "
                 "VALUES (2, 6, 'Việc thứ %d: chỉnh trang cổng ngõ, hàng rào', 6, %d, 'hộ', '2021-07-01')", k, k);
        assert_int_equal(sqlite3_exec(db_handle(db), sql, NULL, NULL, NULL), SQLITE_OK);
        sheet(GROW, path, sizeof path);
        int pages = pt_pages(path), n, codes = 0;
        pt_word *w = pt_words(path, &n);
        for (int i = 0; i < n; i++) codes += w[i].page == pages && w[i].text[0] == 'V' && isdigit((unsigned char)w[i].text[1]);
        assert_true(pt_word_find(w, n, pages, "Nơi", 0) >= 0);
        if (!codes) { printf("    %d tasks: the last page holds only the signature\n", k); lone++; }
        if (pages > 1 && codes) pushed++;
        free(w);
    }
    printf("    1..40 tasks: %d sheets of several pages, each ending with rows and the signature\n", pushed);
    assert_int_equal(lone, 0);
    (void)state;
}

static void test_blank_form(void **state)
{
    char path[1200];
    sheet(EMPTY, path, sizeof path);
    char *lay = pt_text(path, 0, 0, "-layout");
    assert_non_null(strstr(lay, "Kỳ này"));
    assert_non_null(strstr(lay, "Nơi nhận:"));
    free(lay);
    (void)state;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_code_and_now_column),
        cmocka_unit_test(test_units_numbers_campaigns),
        cmocka_unit_test(test_owner_sheet),
        cmocka_unit_test(test_signature_never_alone),
        cmocka_unit_test(test_blank_form),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
