/* The tour summary (Báo cáo kết quả kiểm tra tour tuyến): the demo's Sơn Kim 2 tour
 * before any result, after results were typed back, and after follow-up tasks were
 * given owners and deadlines; read back with pdftotext. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "config/config.h"
#include "model/db.h"
#include "model/demo.h"
#include "model/person.h"
#include "model/task.h"
#include "model/task_edit.h"
#include "model/tour.h"
#include "reports/tour_summary.h"
#include "tests/pdf/pdftext.h"
#include "tests/unit/fixture.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>


static char dir[64];
static ntm_db *db;
static ntm_config cfg;
static int64_t sk2, commune;

static const char *const STOPS[12] = FX_SK2_STOPS;

static int setup(void **state)
{
    char path[128], err[512];
    setenv("NTM_TODAY", "2022-06-20", 1);
    if (fx_demo(dir, sizeof dir, "test-summary", path, sizeof path, "demo.db", err, sizeof err)) return -1;
    if (db_open(&db, path, 0, 2000, err, sizeof err) != DB_OK) { fprintf(stderr, "%s\n", err); return -1; }
    if (fx_demo_tour(db, &sk2, &commune)) return -1;
    fx_report_config(&cfg, dir, "UBND XÃ SƠN KIM 2", "BAN CHỈ ĐẠO XÂY DỰNG NTM");
    (void)state;
    return 0;
}

static int teardown(void **state)
{
    db_close(db);
    (void)state;
    return fx_rmdir(dir);
}

static void write_summary(char *path, size_t n)
{
    char err[700] = "";
    assert_int_equal(report_tour_summary_path(db, &cfg, sk2, path, n), 0);
    double t0 = fx_now_ms();
    int rc = report_tour_summary(db, &cfg, sk2, path, err, sizeof err);
    double ms = fx_now_ms() - t0;
    fx_report_written(rc, err, path, ms);
    assert_int_equal(pt_outside(path, A4_LEFT, A4_TOP, A4_RIGHT, A4_BOTTOM), 0);
}

/* The line of the -layout text where code (as a token) first appears after the words
 * "after" (a section title); "" when absent. */
static void code_line(const char *lay, const char *after, const char *code, char *line, size_t n)
{
    const char *from = strstr(lay, after);
    pt_line_at(lay, from ? pt_find_code(from, code) : NULL, line, n);
}

static int64_t check_id(int stop, int seq)
{
    tour_full t;
    int64_t id = 0;
    assert_int_equal(tour_load(db, sk2, &t), DB_OK);
    for (int i = 0; i < t.n_checks; i++)
        if (t.checks[i].stop_seq == stop && t.checks[i].seq == seq) id = t.checks[i].id;
    tour_free(&t);
    assert_true(id > 0);
    return id;
}

static int64_t person(const char *name)
{
    person_rec *v = NULL;
    int n = 0;
    int64_t id = 0;
    assert_int_equal(person_list(db, commune, &v, &n), DB_OK);
    for (int i = 0; i < n; i++)
        if (!strcmp(v[i].full_name, name)) id = v[i].id;
    free(v);
    assert_true(id > 0);
    return id;
}

static void test_path(void **state)
{
    char path[1200], want[300];
    assert_int_equal(report_tour_summary_path(db, &cfg, sk2, path, sizeof path), 0);
    snprintf(want, sizeof want, "%s/pdf/tong-hop-kiem-tra-tour-tuyen-kiem-tra-danh-gia-ntm-xa-son-kim-2-20220620.pdf", dir);
    assert_string_equal(path, want);
    assert_int_equal(report_tour_summary_path(db, &cfg, 99999, path, sizeof path), -1);
    assert_int_equal(report_tour_summary_path(db, &cfg, sk2, path, 40), -1);
    (void)state;
}

/* Before the tour: nothing checked, nothing failed. */
static void test_before_results(void **state)
{
    char path[1200];
    write_summary(path, sizeof path);
    char *lay = pt_text(path, 0, 0, "-layout"), *raw = pt_text(path, 0, 0, "-raw"), *joined = pt_join(raw);
    assert_non_null(strstr(lay, "ĐẢNG ỦY XÃ SƠN KIM 2"));     /* the commune's issuer, not ntm.ini */
    assert_non_null(strstr(lay, "HUYỆN ỦY HƯƠNG SƠN"));
    assert_non_null(strstr(lay, "Sơn Kim 2, ngày 20 tháng 6 năm 2022"));
    assert_non_null(strstr(lay, "BÁO CÁO KẾT QUẢ KIỂM TRA TOUR TUYẾN"));
    assert_non_null(strstr(joined, "Tour tuyến kiểm tra, đánh giá NTM xã Sơn Kim 2"));
    assert_non_null(strstr(lay, "Ngày kiểm tra:"));
    assert_non_null(strstr(lay, "Trưởng đoàn: Cao Kỳ Vị - Bí thư Đảng ủy"));
    assert_non_null(strstr(joined, "Số điểm dừng: 12; tổng số nội dung kiểm tra: 120."));
    assert_non_null(strstr(joined, "Đạt: 0; chưa đạt: 0; chưa kiểm tra: 120."));
    assert_non_null(strstr(lay, "II. Kết quả tại từng điểm"));
    assert_non_null(strstr(joined, "Chưa kiểm tra"));                 /* spelled out */
    assert_null(strstr(joined, "Chưa KT"));
    assert_non_null(strstr(joined, "Trên đây là kết quả đợt kiểm tra \"Tour tuyến kiểm tra, đánh giá NTM xã Sơn Kim 2\"./."));
    assert_non_null(strstr(lay, "Các nội dung chưa đạt và việc khắc phục"));
    assert_non_null(strstr(lay, "Không có nội dung chưa đạt."));
    const char *prev = joined;
    for (int i = 0; i < 12; i++) {
        const char *p = strstr(prev, STOPS[i]);
        if (!p) fail_msg("stop \"%s\" missing or out of order", STOPS[i]);
        prev = p;
    }
    assert_non_null(strstr(lay, "Cộng"));
    assert_non_null(strstr(lay, "TRƯỞNG ĐOÀN"));
    assert_non_null(strstr(lay, "Cao Kỳ Vị"));
    assert_non_null(strstr(lay, "Nơi nhận:"));
    assert_null(strstr(lay, "Trang 1/"));
    char *info = pt_info(path);
    assert_non_null(strstr(info, "Báo cáo kết quả kiểm tra tour tuyến - Tour tuyến kiểm tra, đánh giá NTM xã Sơn Kim 2"));
    free(info); free(lay); free(raw); free(joined);
    (void)state;
}

static void test_failed_check_not_assigned(void **state)
{
    char path[1200], line[2000];
    int n = 0;
    assert_int_equal(tour_results_from_text(db, sk2, "1.2 2 hàng rào chưa cắt tỉa\n", &n), DB_OK);
    write_summary(path, sizeof path);
    char *lay = pt_text(path, 0, 0, "-layout"), *raw = pt_text(path, 0, 0, "-raw"), *joined = pt_join(raw);
    assert_non_null(strstr(joined, "Đạt: 0; chưa đạt: 1; chưa kiểm tra: 119 (đạt 0% số nội dung đã đánh giá)."));
    assert_non_null(strstr(joined, "Việc khắc phục đã giao: 0/1 nội dung chưa đạt"));
    /* per stop: Cầu tràn Kim Bình, 0 đạt, 1 chưa đạt, 9 chưa kiểm tra, the note */
    pt_line_at(lay, strstr(lay, "Cầu tràn Kim Bình"), line, sizeof line);
    assert_non_null(strstr(line, "1.2: hàng rào chưa cắt tỉa"));
    assert_non_null(strstr(line, " 0 "));
    assert_non_null(strstr(line, " 9 "));
    /* the failed check, not assigned yet */
    code_line(lay, "Các nội dung chưa đạt và việc khắc phục", "1.2", line, sizeof line);
    assert_non_null(strstr(line, "hàng rào chưa cắt"));
    assert_non_null(strstr(line, "chưa giao"));
    assert_null(strstr(lay, "Không có nội dung chưa đạt."));
    free(lay); free(raw); free(joined);
    (void)state;
}

static void test_followups(void **state)
{
    char path[1200], line[2000];
    int n = 0;
    int64_t task_a = 0, task_b = 0;
    followup_fields f = { .owner_person_id = person("Trần Ngọc Anh"), .deadline = "2022-06-30" };
    assert_int_equal(tour_followup(db, check_id(1, 2), &f, &task_a), DB_OK);
    write_summary(path, sizeof path);
    char *lay = pt_text(path, 0, 0, "-layout");
    code_line(lay, "Các nội dung chưa đạt và việc khắc phục", "1.2", line, sizeof line);
    assert_non_null(strstr(line, "Trần Ngọc Anh"));
    assert_non_null(strstr(line, "30/06/2022"));
    assert_non_null(strstr(line, "đang làm"));                       /* today is 20/06/2022 */
    assert_null(strstr(lay, "chưa giao"));
    free(lay);

    /* more results: a pass, a not-applicable, a second failure whose task is late,
     * and the first task done */
    assert_int_equal(tour_results_from_text(db, sk2, "1.1 1\n1.3 3\n2.5 2 vườn còn cỏ dại, rác\n", &n), DB_OK);
    assert_int_equal(n, 3);
    f = (followup_fields){ .owner_person_id = person("Đặng Thị Như Mai"), .deadline = "2022-06-10" };
    assert_int_equal(tour_followup(db, check_id(2, 5), &f, &task_b), DB_OK);
    task_detail *td = malloc(sizeof *td);
    assert_non_null(td);
    assert_int_equal(task_get(db, task_a, td), DB_OK);
    assert_int_equal(task_set_status(db, task_a, td->row.version, "done"), DB_OK);
    free(td);
    write_summary(path, sizeof path);
    lay = pt_text(path, 0, 0, "-layout");
    char *raw = pt_text(path, 0, 0, "-raw"), *joined = pt_join(raw);
    assert_non_null(strstr(joined, "Đạt: 1; chưa đạt: 2; chưa kiểm tra: 116; không áp dụng: 1 (đạt 33% số nội dung đã đánh giá)."));
    assert_non_null(strstr(joined, "Việc khắc phục đã giao: 2/2 nội dung chưa đạt (xong: 1; quá hạn: 1)."));
    code_line(lay, "Các nội dung chưa đạt và việc khắc phục", "1.2", line, sizeof line);
    assert_non_null(strstr(line, "xong"));
    code_line(lay, "Các nội dung chưa đạt và việc khắc phục", "2.5", line, sizeof line);
    assert_non_null(strstr(line, "Đặng Thị Như"));                  /* may wrap before "Mai" */
    assert_non_null(strstr(joined, "Đặng Thị Như Mai"));
    assert_non_null(strstr(line, "10/06/2022"));
    assert_non_null(strstr(line, "quá hạn"));
    assert_non_null(strstr(joined, "Không áp dụng: 1.3"));
    free(lay); free(raw); free(joined);
    (void)state;
}

static void test_unknown_tour(void **state)
{
    char err[700] = "", path[300];
    snprintf(path, sizeof path, "%s/none.pdf", dir);
    assert_int_equal(report_tour_summary(db, &cfg, 99999, path, err, sizeof err), -1);
    assert_true(strlen(err) > 0);
    assert_int_equal(access(path, F_OK), -1);
    (void)state;
}

/* NTM_SAMPLE_DIR=/tmp keeps ntm-summary.pdf (after the results above) to look at. */
static void test_keep_sample(void **state)
{
    const char *keep = getenv("NTM_SAMPLE_DIR");
    char path[1200], err[700] = "";
    if (!keep) return;
    snprintf(path, sizeof path, "%s/ntm-summary.pdf", keep);
    assert_int_equal(report_tour_summary(db, &cfg, sk2, path, err, sizeof err), 0);
    (void)state;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_path),
        cmocka_unit_test(test_before_results),
        cmocka_unit_test(test_failed_check_not_assigned),
        cmocka_unit_test(test_followups),
        cmocka_unit_test(test_unknown_tour),
        cmocka_unit_test(test_keep_sample),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
