/* The tour papers as an office files them (issue 12), read back with pdftotext -bbox and
 * pdftocairo -svg (the tick boxes are drawn, not typed): three numbered boxes per check
 * on the route sheet, the tick in the box of the typed-back number, the sheet's own
 * instructions; compact rows of at least 8 mm with a 35 mm note column; a summary whose
 * last page never holds only "Nơi nhận" and the signature, and whose last stop and
 * total row are not sent to the next page when they fit. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "config/config.h"
#include "model/db.h"
#include "model/tour.h"
#include "reports/route_sheet.h"
#include "reports/tour_summary.h"
#include "tests/pdf/pdftext.h"
#include "tests/unit/fixture.h"
#include <ctype.h>

#define MM(x) ((x) * 72.0 / 25.4)

static char dir[64];
static ntm_db *db;
static ntm_config cfg;
static int64_t sk2, commune;

static int setup(void **state)
{
    char path[128], err[512];
    setenv("NTM_TODAY", "2022-06-20", 1);
    if (fx_demo(dir, sizeof dir, "tour-paper", path, sizeof path, "demo.db", err, sizeof err)) return -1;
    if (db_open(&db, path, 0, 2000, err, sizeof err) != DB_OK) { fprintf(stderr, "%s\n", err); return -1; }
    if (fx_demo_tour(db, &sk2, &commune)) return -1;
    int n;
    if (tour_results_from_text(db, sk2, "1.1 1\n1.2 2 hàng rào chưa cắt tỉa\n1.3 3\n2.1 chưa đạt cỏ dại\n", &n) != DB_OK) return -1;
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

static void route(int compact, char *path, size_t n)
{
    char err[700] = "";
    assert_int_equal(report_route_sheet_path(db, &cfg, sk2, compact, path, n), 0);
    if (report_route_sheet(db, &cfg, sk2, compact, path, err, sizeof err)) fail_msg("%s", err);
}

static int is_code(const char *t)
{
    int a, b, k = 0;
    return sscanf(t, "%d.%d%n", &a, &b, &k) == 2 && !t[k] && isdigit((unsigned char)t[0]);
}

/* Which box of three (0 1 2) holds the tick drawn on page near row y, or -1. */
static int ticked_box(const char *pdf, int page, const pt_square *sq, int nsq, double y)
{
    char cmd[4300];
    snprintf(cmd, sizeof cmd, PDFTOCAIRO " -svg -f %d -l %d '%s' -", page, page, pdf);
    char *s = pt_run(cmd);
    int box = -1;
    for (char *p = s; p && (p = strstr(p, "d=\"M ")); p++) {
        double x0, y0, x1, y1, x2, y2, m[6];
        int k = 0;
        if (sscanf(p, "d=\"M %lf %lf L %lf %lf L %lf %lf %n", &x0, &y0, &x1, &y1, &x2, &y2, &k) != 6 || p[k] != '"') continue;
        pt_svg_matrix(p, m);                          /* the tick: three points, no Z */
        pt_svg_point(m, x0, y0, &x0, &y0);
        pt_svg_point(m, x2, y2, &x2, &y2);
        for (int i = 0, col = 0; i < nsq; i++) {
            if (fabs(sq[i].y - y) > 6) continue;
            if (x0 > sq[i].x && x2 < sq[i].x + sq[i].s && y0 > sq[i].y && y0 < sq[i].y + sq[i].s) box = col;
            col++;
        }
    }
    free(s);
    return box;
}

/* Every check's row has three boxes beside its code; the typed-back result is ticked in
 * the box of its number. */
static void check_boxes(const char *path, double min_side, double max_side)
{
    int n, pages = pt_pages(path), rows = 0;
    pt_word *w = pt_words(path, &n);
    for (int pg = 1; pg <= pages; pg++) {
        int nsq;
        pt_square *sq = pt_squares(path, pg, min_side, max_side, &nsq);
        for (int i = 0; i < n; i++) {
            if (w[i].page != pg || !is_code(w[i].text) || w[i].x0 > A4_LEFT + 130) continue;
            int three = 0;
            for (int k = 0; k < nsq; k++) three += fabs(sq[k].y - w[i].y0) < 6 && sq[k].x > w[i].x1;
            if (three != 3) fail_msg("page %d: check %s has %d boxes", pg, w[i].text, three);
            rows++;
            static const struct { const char *code; int box; } want[] = { { "1.1", 0 }, { "1.2", 1 }, { "1.3", 2 }, { "2.1", 1 }, { "1.4", -1 } };
            for (int k = 0; k < 5; k++) {
                if (strcmp(w[i].text, want[k].code)) continue;
                int got = ticked_box(path, pg, sq, nsq, w[i].y0);   /* boxes within 4 pt of the code's top */
                if (got != want[k].box) fail_msg("%s: box %d ticked, %d expected", want[k].code, got, want[k].box);
            }
        }
        free(sq);
    }
    free(w);
    assert_int_equal(rows, 120);
}

static void test_route_three_boxes(void **state)
{
    char path[1200];
    route(0, path, sizeof path);
    check_boxes(path, 5, 14);
    char *raw = pt_text(path, 0, 0, "-raw"), *joined = pt_join(raw);
    assert_non_null(strstr(joined, "Đạt (1)"));
    assert_non_null(strstr(joined, "Chưa đạt (2)"));
    assert_non_null(strstr(joined, "Không áp dụng (3)"));
    assert_non_null(strstr(joined, "Đánh dấu vào MỘT ô cho mỗi mục: ô (1) Đạt, ô (2) Chưa đạt, ô (3) Không áp dụng"));
    assert_non_null(strstr(joined, "Nhập lại vào ntm mỗi mục một dòng: mã, số của ô đã đánh dấu, ghi chú"));
    free(raw); free(joined);
    (void)state;
}

static void test_compact_for_a_pen(void **state)
{
    char path[1200];
    route(1, path, sizeof path);
    check_boxes(path, 4, 12);
    int n, rows = 0;
    pt_word *w = pt_words(path, &n);
    double least = 1e9;
    for (int i = 0; i < n; i++) {                   /* row height: from one code to the next */
        if (!is_code(w[i].text) || w[i].x0 > A4_LEFT + 130) continue;
        for (int k = i + 1; k < n; k++)
            if (w[k].page == w[i].page && is_code(w[k].text) && w[k].x0 < A4_LEFT + 130) {
                double h = w[k].y0 - w[i].y0;
                if (h > 0 && h < least) least = h;
                rows++;
                break;
            }
    }
    printf("    compact: the lowest of %d rows is %.1f mm\n", rows, least * 25.4 / 72);
    assert_true(rows > 100);
    assert_true(least >= MM(8) - 0.1);
    /* the note column, the last: twice its header's distance to the right edge */
    int g = pt_word_find(w, n, 2, "Ghi", 0);
    assert_true(g >= 0 && !strcmp(w[g + 1].text, "chú"));
    double width = 2 * (A4_RIGHT - (w[g].x0 + w[g + 1].x1) / 2);
    printf("    compact: notes %.1f mm wide\n", width * 25.4 / 72);
    assert_true(width >= MM(35));
    free(w);
    (void)state;
}

/* ---- the summary ---- */

/* A tour of n stops, every third check failed with a note (the rows grow). */
static int64_t make_tour(int n, int purpose_lines)
{
    char name[64], purpose[1000] = "";
    snprintf(name, sizeof name, "Tour thử %d điểm, %d dòng", n, purpose_lines);
    for (int i = 0; i < purpose_lines; i++) strcat(purpose, "Kiểm tra kỹ từng hạng mục công trình trên tuyến. ");
    tour_fields f = { .commune_id = commune, .name = name, .date = "2022-06-15", .purpose = purpose };
    int64_t id;
    assert_int_equal(tour_create(db, &f, &id), DB_OK);
    char *lines = malloc(64 * 300);
    lines[0] = 0;
    for (int s = 1; s <= n; s++) {
        char sname[64];
        snprintf(sname, sizeof sname, "Vườn hộ số %d", s);
        stop_fields st = { .hamlet_id = 501, .kind = "garden", .name = sname };
        int64_t sid, k;
        assert_int_equal(tour_stop_add(db, id, &st, &sid), DB_OK);
        for (int c = 1; c <= 4; c++) {
            assert_int_equal(tour_check_add(db, sid, "Hàng rào xanh, cổng ngõ", &k), DB_OK);
            size_t len = strlen(lines);
            snprintf(lines + len, 64 * 300 - len, (s + c) % 3 ? "%d.%d 1\n" : "%d.%d 2 hàng rào chưa cắt tỉa, còn rác\n", s, c);
        }
    }
    int stored;
    assert_int_equal(tour_results_from_text(db, id, lines, &stored), DB_OK);
    free(lines);
    return id;
}

static void test_summary_breaks(void **state)
{
    int checked = 0, moved = 0;
    for (int n = 1; n <= 22; n++)
        for (int lines = 0; lines <= 5; lines += 5) {
            int64_t id = make_tour(n, lines);
            char path[1200], err[700] = "";
            assert_int_equal(report_tour_summary_path(db, &cfg, id, path, sizeof path), 0);
            if (report_tour_summary(db, &cfg, id, path, err, sizeof err)) fail_msg("%s", err);
            int pages = pt_pages(path), nw;
            pt_word *w = pt_words(path, &nw);
            /* the last page holds the closing paragraph with the signature */
            if (pt_word_find(w, nw, pages, "Trên", 0) < 0)
                fail_msg("%d stops: the last page holds only the signature", n);
            /* the total row: on the page of the last stop; and sent on only when they did not fit */
            char last[16];
            snprintf(last, sizeof last, "%d", n);
            int c = pt_word_find(w, nw, 0, "Cộng", 0), l = -1;
            assert_true(c >= 0);
            for (int i = 0; i < nw; i++)                               /* the last stop's number in column TT */
                if (!strcmp(w[i].text, last) && w[i].x1 < A4_LEFT + 26 && w[i].x0 > A4_LEFT
                    && (w[i].page < w[c].page || (w[i].page == w[c].page && w[i].y0 < w[c].y0))) l = i;
            assert_true(l >= 0);
            if (w[l].page != w[c].page) fail_msg("%d stops: the last stop and its total on pages %d and %d", n, w[l].page, w[c].page);
            if (w[c].page > 1) {
                double bottom = 0, need = w[c].y1 - w[l].y0 + 12;       /* both rows, their padding */
                for (int i = 0; i < nw; i++) if (w[i].page == w[c].page - 1 && w[i].y1 < A4_BOTTOM && w[i].y1 > bottom) bottom = w[i].y1;
                int top_of_page = 1;                                    /* the last stop opens its page's rows */
                for (int i = 0; i < nw; i++)
                    if (w[i].page == w[l].page && w[i].y0 < w[l].y0 - 1 && w[i].x1 < A4_LEFT + 26 && w[i].x0 > A4_LEFT
                        && isdigit((unsigned char)w[i].text[0])) top_of_page = 0;
                if (top_of_page && A4_BOTTOM - bottom - 4 > need)
                    fail_msg("%d stops: the last stop and its total were sent on with %.0f mm free (%.0f mm needed)",
                             n, (A4_BOTTOM - bottom) * 25.4 / 72, need * 25.4 / 72);
                moved += top_of_page;
            }
            free(w);
            checked++;
        }
    printf("    %d summaries: none with a lone signature; %d with the last stop opening a page (no room before)\n", checked, moved);
    (void)state;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_route_three_boxes),
        cmocka_unit_test(test_compact_for_a_pen),
        cmocka_unit_test(test_summary_breaks),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
