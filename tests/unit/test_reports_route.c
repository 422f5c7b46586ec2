/* The route sheet (Phiếu kiểm tra tour tuyến): the demo database's Sơn Kim 2 tour
 * (seed 004) and a generated 60-stop tour, written through the model API and read back
 * with pdftotext. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "config/config.h"
#include "model/db.h"
#include "model/demo.h"
#include "model/tour.h"
#include "reports/route_sheet.h"
#include "tests/pdf/pdftext.h"
#include "tests/unit/fixture.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* A5: 20 mm left, 10 right, 12 top, 14 bottom (reports/pdf.c). */
#define A5_LEFT 56.69
#define A5_TOP 34.02
#define A5_RIGHT (419.53 - 28.35)
#define A5_BOTTOM (595.28 - 39.69)

#define BIG_STOPS 60

static char dir[64];
static ntm_db *db;
static ntm_config cfg;
static int64_t sk2;            /* the demo's Sơn Kim 2 tour */
static int64_t big;            /* 60 stops x 10 checks */

/* Seed 004's route, in its order. */
static const char *const STOPS[12] = FX_SK2_STOPS;

/* The ten checks of template TOUR-10 (seed 004, items 1 to 10). */
static const char *const CHECKS[10] = {
    "Hàng rào xanh: làm lại, trồng mới, cắt tỉa",
    "Cây xanh bóng mát, bồn hoa: làm lại, trồng mới",
    "Đường: mở rộng, đắp lề, đào mương, cứng hóa mương rãnh",
    "Biển bảng giao thông, biển tuyên truyền: lắp bổ sung",
    "3 sạch ở 100% vườn hộ trên tuyến",
    "Nhà vệ sinh 1, 2 ngăn, chuồng trại chưa đảm bảo: phá bỏ",
    "Hộ chưa có hố ủ rác, hố 3 ngăn, nhà vệ sinh tự hoại",
    "Ít nhất 01 vườn mẫu mỗi thôn trên tuyến",
    "Tối thiểu 10 hộ liền kề đảm bảo 3 sạch",
    "Nhà văn hóa, khu thể thao thôn: hạng mục, thiết bị",
};

/* 60 stops whose headings differ in height (names on one or two lines, notes of zero
 * to six lines), so that headings fall at every height of a page. */
static int make_big_tour(int64_t commune)
{
    static const char *kinds[] = { "household", "garden", "farm", "cultural_house", "school",
                                   "road", "bridge", "field", "other" };
    static const char *sentence = "Kiểm tra hàng rào xanh, cổng ngõ, vườn hộ và rãnh thoát nước dọc tuyến. ";
    tour_fields f = { .commune_id = commune, .name = "Tour tuyến thử 60 điểm dừng", .date = "2022-07-01",
                      .team = "Trần Ngọc Anh, Đặng Thị Như Mai, Nguyễn Thị Nguyệt",
                      .purpose = "Kiểm tra khả năng in một tour tuyến dài." };
    if (tour_create(db, &f, &big) != DB_OK) return -1;
    for (int i = 1; i <= BIG_STOPS; i++) {
        char name[200], landmark[200], note[500] = "";
        if (i % 5 == 0)
            snprintf(name, sizeof name, "Hộ gia đình số %d và cụm 10 hộ liền kề đảm bảo 3 sạch trên trục đường liên thôn", i);
        else
            snprintf(name, sizeof name, "Hộ gia đình số %d", i);
        snprintf(landmark, sizeof landmark, i % 3 ? "Cách điểm trước %d m" : "", i * 40);
        for (int k = 0; k < (i * 7) % 6; k++) strcat(note, sentence);
        stop_fields s = { .hamlet_id = 501 + i % 8, .kind = kinds[i % 9], .name = name,
                          .landmark = landmark, .note = note };
        int64_t sid;
        if (tour_stop_add(db, big, &s, &sid) != DB_OK) return -1;
    }
    int added = 0;
    if (tour_apply_template(db, big, "TOUR-10", &added) != DB_OK || added != BIG_STOPS * 10) return -1;
    return 0;
}

static int setup(void **state)
{
    char path[128], err[512];
    setenv("NTM_TODAY", "2022-06-20", 1);
    if (fx_demo(dir, sizeof dir, "test-route", path, sizeof path, "demo.db", err, sizeof err)) return -1;
    if (db_open(&db, path, 0, 2000, err, sizeof err) != DB_OK) { fprintf(stderr, "%s\n", err); return -1; }
    int64_t commune;
    if (fx_demo_tour(db, &sk2, &commune)) return -1;
    if (make_big_tour(commune)) { fprintf(stderr, "%s\n", db_errmsg(db)); return -1; }
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

/* Write a sheet; returns the milliseconds it took. */
static double write_sheet(int64_t tour, int compact, const ntm_config *c, char *path, size_t n)
{
    char err[700] = "";
    if (!path[0]) assert_int_equal(report_route_sheet_path(db, c, tour, compact, path, n), 0);
    double t0 = fx_now_ms();
    int rc = report_route_sheet(db, c, tour, compact, path, err, sizeof err);
    double ms = fx_now_ms() - t0;
    fx_report_written(rc, err, path, ms);
    return ms;
}

static void test_path(void **state)
{
    char path[1200], want[300];
    assert_int_equal(report_route_sheet_path(db, &cfg, sk2, 0, path, sizeof path), 0);
    snprintf(want, sizeof want, "%s/pdf/phieu-kiem-tra-tour-tuyen-kiem-tra-danh-gia-ntm-xa-son-kim-2-20220620.pdf", dir);
    assert_string_equal(path, want);
    assert_int_equal(report_route_sheet_path(db, &cfg, sk2, 1, path, sizeof path), 0);
    snprintf(want, sizeof want, "%s/pdf/phieu-kiem-tra-tour-tuyen-kiem-tra-danh-gia-ntm-xa-son-kim-2-20220620-gon.pdf", dir);
    assert_string_equal(path, want);
    assert_int_equal(report_route_sheet_path(db, &cfg, 99999, 0, path, sizeof path), -1);   /* no such tour */
    assert_int_equal(report_route_sheet_path(db, &cfg, sk2, 0, path, 30), -1);              /* too small */
    (void)state;
}

/* Every stop in the seed's order, every code 1.1 .. 12.10, the ten checks. */
static void check_route_text(const char *path)
{
    char *raw = pt_text(path, 0, 0, "-raw"), *joined = pt_join(raw);
    assert_non_null(joined);
    const char *prev = joined;
    for (int i = 0; i < 12; i++) {                       /* first occurrences, in order */
        const char *p = strstr(joined, STOPS[i]);
        if (!p) fail_msg("stop \"%s\" missing", STOPS[i]);
        if (p < prev) fail_msg("stop \"%s\" is out of order", STOPS[i]);
        prev = p;
    }
    prev = joined;
    for (int i = 0; i < 12; i++) {                       /* and the stop blocks, in order */
        char h[300];
        snprintf(h, sizeof h, "%d. %s", i + 1, STOPS[i]);
        const char *p = strstr(prev, h);
        if (!p) fail_msg("no block \"%s\" after the previous one", h);
        prev = p;
    }
    for (int s = 1; s <= 12; s++)
        for (int k = 1; k <= 10; k++) {
            char code[32];
            snprintf(code, sizeof code, "%d.%d", s, k);
            if (!pt_find_code(raw, code)) fail_msg("code %s missing", code);
        }
    for (int k = 0; k < 10; k++)
        if (!strstr(joined, CHECKS[k])) fail_msg("check \"%s\" missing", CHECKS[k]);
    free(raw);
    free(joined);
}

static void test_full_form(void **state)
{
    char path[1200] = "";
    write_sheet(sk2, 0, &cfg, path, sizeof path);
    check_route_text(path);
    char *lay = pt_text(path, 0, 0, "-layout"), *raw = pt_text(path, 0, 0, "-raw"), *joined = pt_join(raw);
    assert_non_null(strstr(lay, "ĐẢNG ỦY XÃ SƠN KIM 2"));     /* the commune's issuer, not ntm.ini */
    assert_non_null(strstr(lay, "HUYỆN ỦY HƯƠNG SƠN"));
    assert_non_null(strstr(lay, "ĐẢNG CỘNG SẢN VIỆT NAM"));
    assert_non_null(strstr(lay, "Sơn Kim 2, ngày 20 tháng 6 năm 2022"));
    assert_non_null(strstr(lay, "PHIẾU KIỂM TRA TOUR TUYẾN"));
    assert_non_null(strstr(joined, "Tour tuyến kiểm tra, đánh giá NTM xã Sơn Kim 2"));
    assert_non_null(strstr(lay, "Ngày kiểm tra: ngày ......./......./.........."));   /* no date: by pen */
    assert_non_null(strstr(lay, "Trưởng đoàn: Cao Kỳ Vị - Bí thư Đảng ủy"));
    assert_non_null(strstr(lay, "Thành viên đoàn: ....."));
    assert_non_null(strstr(joined, "Mục đích: Xây dựng hoàn thành tour tuyến xã"));
    assert_non_null(strstr(lay, "I. Lộ trình (12 điểm dừng, theo thứ tự đi)"));
    assert_non_null(strstr(lay, "Điểm dừng"));
    assert_non_null(strstr(lay, "Cánh đồng"));                     /* tour_kind_label */
    assert_non_null(strstr(lay, "Điểm bắt đầu tour tuyến"));       /* landmark */
    assert_non_null(strstr(joined, "Đánh dấu vào MỘT ô cho mỗi mục: ô (1) Đạt, ô (2) Chưa đạt, ô (3) Không áp dụng"));
    assert_non_null(strstr(joined, "mã, số của ô đã đánh dấu, ghi chú; vd. \"3.5 2 vườn còn cỏ dại\" (2 = chưa đạt)"));
    assert_non_null(strstr(joined, "Điểm 1. Cầu tràn Kim Bình — Cầu, thôn Kim Bình"));
    assert_non_null(strstr(joined, "Điểm 10. Cầu Đá — Cầu"));
    assert_non_null(strstr(joined, "Điểm 12. Đồng chè Đượng Dâu — Cánh đồng"));
    assert_non_null(strstr(joined, "Lưu ý: Xem mô hình chăn nuôi hươu đảm bảo môi trường"));
    assert_non_null(strstr(lay, "Nội dung kiểm tra"));
    assert_non_null(strstr(lay, "Chưa đạt"));
    assert_non_null(strstr(lay, "Ghi chú"));
    assert_non_null(strstr(lay, "TRƯỞNG ĐOÀN"));
    assert_non_null(strstr(lay, "THÀNH VIÊN ĐOÀN"));
    assert_non_null(strstr(lay, "(Ký, ghi rõ họ tên)"));
    assert_non_null(strstr(lay, "Cao Kỳ Vị"));
    assert_null(strstr(lay, "Trang 1/"));
    int n = pt_pages(path);
    char last[32];
    double box[4];
    snprintf(last, sizeof last, "%d", n);
    assert_true(n > 1 && pt_word_box(path, n, last, box) && box[3] < A4_TOP);   /* top centre */
    assert_int_equal(pt_outside(path, A4_LEFT, A4_TOP, A4_RIGHT, A4_BOTTOM), 0);
    /* the header row of the checks is on every page the checks reach */
    for (int k = 2; k <= n - 1; k++) {
        char *page = pt_text(path, k, k, "-layout");
        assert_non_null(strstr(page, "Nội dung kiểm tra"));
        free(page);
    }
    char *info = pt_info(path);
    assert_non_null(strstr(info, "Phiếu kiểm tra tour tuyến - Tour tuyến kiểm tra, đánh giá NTM xã Sơn Kim 2"));
    free(info); free(lay); free(raw); free(joined);
    (void)state;
}

static void test_compact_form(void **state)
{
    char full[1200] = "", compact[1200] = "";
    write_sheet(sk2, 0, &cfg, full, sizeof full);
    write_sheet(sk2, 1, &cfg, compact, sizeof compact);
    check_route_text(compact);
    assert_true(pt_pages(compact) < pt_pages(full));
    char *lay = pt_text(compact, 0, 0, "-layout");
    assert_non_null(strstr(lay, "PHIẾU KIỂM TRA TOUR TUYẾN"));
    assert_non_null(strstr(lay, "I. Lộ trình"));
    assert_non_null(strstr(lay, "TRƯỞNG ĐOÀN"));
    assert_null(strstr(lay, "Trang 1/"));
    /* one row per check: the code and the start of its title on the same line */
    char line[2000];
    pt_line_at(lay, pt_find_code(lay, "3.10"), line, sizeof line);
    assert_non_null(strstr(line, "Nhà văn hóa, khu thể thao"));
    pt_line_at(lay, pt_find_code(lay, "12.3"), line, sizeof line);
    assert_non_null(strstr(line, "Đường: mở rộng, đắp lề"));
    /* the stop name once per stop (plus "(tiếp)" when it runs onto a new page) */
    char *raw = pt_text(compact, 0, 0, "-raw"), *joined = pt_join(raw);
    int names = pt_count(joined, "8. Trường Mầm non Thượng Kim");
    assert_true(names >= 1 && names <= 2);
    assert_int_equal(pt_outside(compact, A4_LEFT, A4_TOP, A4_RIGHT, A4_BOTTOM), 0);
    free(lay); free(raw); free(joined);
    (void)state;
}

/* The 60-stop tour, full form: on every page, a stop heading is followed on that same
 * page by its first check. The headings vary in height, so they land everywhere on the
 * page; with pdf_keep_with_next removed from stop_block() this test fails (checked). */
static void test_heading_keeps_first_check(void **state)
{
    char path[1200] = "";
    write_sheet(big, 0, &cfg, path, sizeof path);
    int pages = pt_pages(path), seen[BIG_STOPS + 1] = { 0 };
    assert_true(pages > 10);
    for (int k = 1; k <= pages; k++) {
        char *page = pt_text(path, k, k, "-raw");
        assert_non_null(page);
        for (int s = 1; s <= BIG_STOPS; s++) {
            char head[48], code[32];
            snprintf(head, sizeof head, "Điểm %d.", s);
            const char *h = strstr(page, head);
            if (!h) continue;
            seen[s]++;
            snprintf(code, sizeof code, "%d.1", s);
            if (!pt_find_code(h, code))
                fail_msg("page %d: the heading of stop %d is not followed by its first check %s", k, s, code);
        }
        free(page);
    }
    for (int s = 1; s <= BIG_STOPS; s++)
        if (seen[s] != 1) fail_msg("stop %d: heading printed %d times", s, seen[s]);
    char *raw = pt_text(path, 0, 0, "-raw");
    for (int s = 1; s <= BIG_STOPS; s++)
        for (int c = 1; c <= 10; c++) {
            char code[32];
            snprintf(code, sizeof code, "%d.%d", s, c);
            if (!pt_find_code(raw, code)) fail_msg("code %s missing", code);
        }
    free(raw);
    assert_int_equal(pt_outside(path, A4_LEFT, A4_TOP, A4_RIGHT, A4_BOTTOM), 0);
    (void)state;
}

/* 60 stops x 10 checks: each form written in well under a second; compact is shorter. */
static void test_big_tour_timing(void **state)
{
    char full[1200] = "", compact[1200] = "";
    double tf = write_sheet(big, 0, &cfg, full, sizeof full);
    double tc = write_sheet(big, 1, &cfg, compact, sizeof compact);
    printf("    60 stops x 10 checks: full %.1f ms, %d pages; compact %.1f ms, %d pages\n",
           tf, pt_pages(full), tc, pt_pages(compact));
    assert_true(tf < 1000);
    assert_true(tc < 1000);
    assert_true(pt_pages(compact) * 10 <= pt_pages(full) * 7);     /* rows of 8 mm for a pen: 27 pages, 43 */
    char *raw = pt_text(compact, 0, 0, "-raw");
    for (int s = 1; s <= BIG_STOPS; s++)
        for (int c = 1; c <= 10; c++) {
            char code[32];
            snprintf(code, sizeof code, "%d.%d", s, c);
            if (!pt_find_code(raw, code)) fail_msg("compact: code %s missing", code);
        }
    free(raw);
    assert_int_equal(pt_outside(compact, A4_LEFT, A4_TOP, A4_RIGHT, A4_BOTTOM), 0);
    char *lay = pt_text(full, 1, 1, "-layout");
    assert_non_null(strstr(lay, "Ngày kiểm tra: 01/07/2022"));
    assert_non_null(strstr(lay, "Thành viên đoàn: Trần Ngọc Anh, Đặng Thị Như Mai, Nguyễn Thị Nguyệt"));
    free(lay);
    (void)state;
}

/* A5 paper: both forms shrink to fit the narrower text area. */
static void test_a5(void **state)
{
    ntm_config c = cfg;
    snprintf(c.paper, sizeof c.paper, "A5");
    for (int compact = 0; compact <= 1; compact++) {
        char path[300];
        snprintf(path, sizeof path, "%s/a5-%d.pdf", dir, compact);
        write_sheet(sk2, compact, &c, path, sizeof path);
        check_route_text(path);
        assert_int_equal(pt_outside(path, A5_LEFT, A5_TOP, A5_RIGHT, A5_BOTTOM), 0);
    }
    (void)state;
}

static void test_unknown_tour(void **state)
{
    char err[700] = "", path[300];
    snprintf(path, sizeof path, "%s/none.pdf", dir);
    assert_int_equal(report_route_sheet(db, &cfg, 99999, 0, path, err, sizeof err), -1);
    assert_true(strlen(err) > 0);
    assert_int_equal(access(path, F_OK), -1);
    (void)state;
}

/* A stop without checks and a tour without stops still print (a blank form). */
static void test_empty_stop_and_tour(void **state)
{
    tour_full t;
    assert_int_equal(tour_load(db, sk2, &t), DB_OK);
    tour_fields f = { .commune_id = t.t.commune_id, .name = "Tour chưa có điểm dừng" };
    tour_free(&t);
    int64_t empty, lone, sid;
    assert_int_equal(tour_create(db, &f, &empty), DB_OK);
    f.name = "Tour một điểm chưa có nội dung";
    assert_int_equal(tour_create(db, &f, &lone), DB_OK);
    stop_fields s = { .kind = "road", .name = "Đoạn đường Thiên Nhẫn - Tân Thịnh" };
    assert_int_equal(tour_stop_add(db, lone, &s, &sid), DB_OK);
    for (int compact = 0; compact <= 1; compact++) {
        char path[300];
        snprintf(path, sizeof path, "%s/empty-%d.pdf", dir, compact);
        write_sheet(empty, compact, &cfg, path, sizeof path);
        char *lay = pt_text(path, 0, 0, "-layout");
        assert_non_null(strstr(lay, "(chưa có điểm dừng)"));
        assert_non_null(strstr(lay, "TRƯỞNG ĐOÀN"));
        free(lay);
        snprintf(path, sizeof path, "%s/lone-%d.pdf", dir, compact);
        write_sheet(lone, compact, &cfg, path, sizeof path);
        char *raw = pt_text(path, 0, 0, "-raw"), *joined = pt_join(raw);
        assert_non_null(strstr(joined, "Đoạn đường Thiên Nhẫn - Tân Thịnh"));
        free(raw); free(joined);
    }
    (void)state;
}

/* NTM_SAMPLE_DIR=/tmp keeps ntm-route.pdf and ntm-route-compact.pdf (the demo tour, as
 * handed out before the tour) to look at. */
static void test_keep_samples(void **state)
{
    const char *keep = getenv("NTM_SAMPLE_DIR");
    char path[1200], err[700] = "";
    if (!keep) return;
    snprintf(path, sizeof path, "%s/ntm-route.pdf", keep);
    assert_int_equal(report_route_sheet(db, &cfg, sk2, 0, path, err, sizeof err), 0);
    snprintf(path, sizeof path, "%s/ntm-route-compact.pdf", keep);
    assert_int_equal(report_route_sheet(db, &cfg, sk2, 1, path, err, sizeof err), 0);
    (void)state;
}

/* Re-print after the results were typed back: the note is printed beside its code. */
static void test_reprint_with_results(void **state)
{
    int n = 0;
    assert_int_equal(tour_results_from_text(db, sk2, "1.2 2 hàng rào chưa cắt tỉa\n", &n), DB_OK);
    assert_int_equal(n, 1);
    for (int compact = 0; compact <= 1; compact++) {
        char path[1200] = "", line[2000];
        write_sheet(sk2, compact, &cfg, path, sizeof path);
        char *lay = pt_text(path, 0, 0, "-layout");
        pt_line_at(lay, pt_find_code(lay, "1.2"), line, sizeof line);
        assert_non_null(strstr(line, "hàng rào chưa"));          /* may wrap after it */
        char *raw = pt_text(path, 0, 0, "-raw"), *joined = pt_join(raw);
        assert_non_null(strstr(joined, "hàng rào chưa cắt tỉa"));
        assert_int_equal(pt_count(joined, "hàng rào chưa cắt tỉa"), 1);     /* once: beside 1.2 */
        check_route_text(path);
        free(lay); free(raw); free(joined);
    }
    (void)state;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_path),
        cmocka_unit_test(test_full_form),
        cmocka_unit_test(test_compact_form),
        cmocka_unit_test(test_heading_keeps_first_check),
        cmocka_unit_test(test_big_tour_timing),
        cmocka_unit_test(test_a5),
        cmocka_unit_test(test_unknown_tour),
        cmocka_unit_test(test_empty_stop_and_tour),
        cmocka_unit_test(test_keep_samples),
        cmocka_unit_test(test_reprint_with_results),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
