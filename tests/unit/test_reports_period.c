/* The papers up the chain, read back with pdftotext: An Hòa Thịnh's weekly report of
 * week 21 of 2021 (24/05-30/05/2021) names each hamlet with its progress, the overdue
 * tasks with their owners, the praised and the named hamlets; its bar chart (pdftotext
 * -bbox) has the hamlets in the ranking's order, each value at its bar's end, the bars
 * in proportion. The criteria report says "Đạt x/19"; the province one is a landscape
 * matrix with x/N per commune. No word leaves the text area. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "config/config.h"
#include "model/criteria.h"
#include "model/db.h"
#include "model/period_report.h"
#include "reports/criteria_report.h"
#include "reports/period_report.h"
#include "reports/report_common.h"
#include "tests/pdf/pdftext.h"
#include "tests/unit/fixture.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { HA_TINH = 1, AN_HOA_THINH = 30, SON_TIEN = 10 };

static char dir[64], dbpath[128], err[1024];
static ntm_db *db;
static ntm_config cfg;

static int setup(void **s)
{
    (void)s;
    unsetenv("NTM_TODAY");
    if (fx_demo(dir, sizeof dir, "rperiod", dbpath, sizeof dbpath, "d.db", err, sizeof err)) return -1;
    if (db_open(&db, dbpath, 0, 2000, err, sizeof err)) return -1;
    fx_report_config(&cfg, dir, "", "");
    return 0;
}

static int teardown(void **s)
{
    (void)s;
    db_close(db);
    return fx_rmdir(dir);
}

static const report_period W21 = { RP_WEEK, "2021-05-24", "2021-05-30" };

/* The text in content order, on one line (cells' wrapped lines joined). */
static char *flat_text(const char *pdf)
{
    char *raw = pt_text(pdf, 0, 0, "-raw"), *flat = raw ? pt_join(raw) : NULL;
    free(raw);
    return flat;
}

/* ---- words with their boxes ---- */

typedef struct { int page; double x0, y0, x1, y1; char w[128]; } word;

static int read_words(const char *pdf, word **out)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, PDFTOTEXT " -bbox '%s' -", pdf);
    char *s = pt_run(cmd);
    int n = 0, cap = 0, page = 0;
    *out = NULL;
    for (char *p = s; p && *p; p++) {
        if (!strncmp(p, "<page ", 6)) { page++; continue; }
        if (strncmp(p, "<word xMin=", 11)) continue;
        word x = { page, 0, 0, 0, 0, "" };
        if (sscanf(p, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\">%127[^<]", &x.x0, &x.y0, &x.x1, &x.y1, x.w) != 5) continue;
        if (n == cap) *out = realloc(*out, (size_t)(cap = cap ? cap * 2 : 256) * sizeof **out);
        (*out)[n++] = x;
    }
    free(s);
    return n;
}

/* The chart: the rows under its axis, each a label (the words left of the 0 % line) and
 * a value (the word ending in %), with the x of the 0 % and 100 % gridlines. */
typedef struct { char label[128]; double value_x, y; char value[128]; } chart_row;

static int read_chart(const word *v, int n, chart_row *rows, int max, double *x0, double *x100)
{
    int t = -1;
    for (int i = 0; i + 2 < n && t < 0; i++)
        if (!strcmp(v[i].w, "Biểu") && !strcmp(v[i + 1].w, "đồ")) t = i;
    assert_true(t >= 0);
    int page = v[t].page, a = -1;
    double ty = v[t].y0;
    for (int i = t; i < n; i++)                       /* the axis: "0%" ... "100%" on one line */
        if (v[i].page == page && v[i].y0 > ty + 1 && !strcmp(v[i].w, "0%")) { a = i; break; }
    assert_true(a >= 0);
    *x0 = (v[a].x0 + v[a].x1) / 2;
    for (int i = a; i < a + 5; i++) if (!strcmp(v[i].w, "100%")) *x100 = (v[i].x0 + v[i].x1) / 2;
    double ay = v[a].y0;
    int nr = 0;
    for (int i = a + 5; i < n && v[i].page == page && strcmp(v[i].w, "IV."); i++) {
        if (v[i].y0 <= ay + 1) continue;
        if (!nr || fabs(v[i].y0 - rows[nr - 1].y) > 2) {
            if (nr == max) break;
            memset(&rows[nr], 0, sizeof rows[nr]);
            rows[nr++].y = v[i].y0;
        }
        chart_row *r = &rows[nr - 1];
        size_t l = strlen(v[i].w);
        if (v[i].x1 < *x0) snprintf(r->label + strlen(r->label), sizeof r->label - strlen(r->label), "%s%s", r->label[0] ? " " : "", v[i].w);
        else if (l && v[i].w[l - 1] == '%') { snprintf(r->value, sizeof r->value, "%s", v[i].w); r->value_x = v[i].x0; }
    }
    return nr;
}

static void test_weekly(void **s)
{
    (void)s;
    char pdf[256];
    snprintf(pdf, sizeof pdf, "%s/pdf/w21.pdf", dir);
    double t0 = fx_now_ms();
    int rc = report_period_write(db, &cfg, AN_HOA_THINH, &W21, pdf, err, sizeof err);
    fx_report_written(rc, err, pdf, fx_now_ms() - t0);
    char *raw = pt_text(pdf, 0, 0, "-layout"), *text = pt_join(raw);
    assert_non_null(strstr(text, "BÁO CÁO KẾT QUẢ THỰC HIỆN XÂY DỰNG NÔNG THÔN MỚI"));
    assert_non_null(strstr(text, "TUẦN 21 (TỪ NGÀY 24/05/2021 ĐẾN NGÀY 30/05/2021)"));
    assert_non_null(strstr(text, "(Số liệu tính đến hết ngày 30/05/2021.)"));
    /* each hamlet with its progress on its row of the hamlet table: "N  name ... pct" */
    period_report r;
    assert_int_equal(period_report_load(db, AN_HOA_THINH, W21.from, W21.to, 100, &r), DB_OK);
    for (int i = 0; i < r.n_ranked; i++) {
        char pct[16], want[300];
        report_pct(r.units[i].c.progress, pct, sizeof pct);
        snprintf(want, sizeof want, "%d %s", i + 1, r.units[i].name);
        int found = 0;
        char *copy = strdup(raw), *save = NULL;
        for (char *l = strtok_r(copy, "\n", &save); l && !found; l = strtok_r(NULL, "\n", &save)) {
            while (*l == ' ') l++;
            char *sq = pt_squash(l), *sw = pt_squash(want);
            found = !strncmp(sq, sw, strlen(sw)) && strstr(l, pct);
            free(sq); free(sw);
        }
        free(copy);
        if (!found) fail_msg("no table row \"%s ... %s\"", want, pct);
    }
    char *sq = pt_squash(raw);
    assert_non_null(strstr(sq, "Tổngcộng271482,9%7"));          /* tasks, done, progress, reports */
    free(sq);
    /* the overdue tasks with their owners and days late */
    char *flat = flat_text(pdf);
    assert_non_null(strstr(flat, "Việc quá hạn (2)"));
    assert_non_null(strstr(flat, "Thôn Nậy hoàn thành xây dựng hố ủ phân vi sinh Nậy Nậy 5 hố 31/03/2021 60"));
    assert_non_null(strstr(flat, "Thôn Đức Thịnh hoàn thành xây dựng hố ủ phân vi sinh Đức Thịnh Đức Thịnh 4 hố 31/03/2021 60"));
    /* praised and named */
    assert_non_null(strstr(flat, "Biểu dương: thôn Bình Hòa (100,0%), thôn Hưng Thịnh (100,0%), thôn Sâm Cồn (100,0%)."));
    assert_non_null(strstr(flat, "Phê bình / nhắc nhở: thôn Cừa Quán (73,3%), thôn Nậy (70,3%; 1 việc quá hạn), "
                                 "thôn Đức Thịnh (26,7%; 1 việc quá hạn)."));
    assert_non_null(strstr(flat, "Việc đến hạn đến ngày 06/06/2021 (10)"));
    assert_non_null(strstr(flat, "Nơi nhận:"));
    assert_non_null(strstr(flat, "Ban Chỉ đạo NTM huyện (b/c);"));
    /* the chart: the ranking's order, its values, bars in proportion */
    word *v;
    int n = read_words(pdf, &v);
    chart_row rows[32];
    double x0 = 0, x100 = 0;
    int nr = read_chart(v, n, rows, 32, &x0, &x100);
    assert_int_equal(nr, r.n_ranked);
    assert_true(x100 > x0 + 100);
    for (int i = 0; i < nr; i++) {
        char pct[16];
        report_pct(r.units[i].c.progress, pct, sizeof pct);
        assert_string_equal(rows[i].label, r.units[i].name);
        assert_string_equal(rows[i].value, pct);
        if (i) assert_true(rows[i].y > rows[i - 1].y);
        double want = x0 + r.units[i].c.progress * (x100 - x0) + 3;        /* the value just past the bar */
        if (fabs(rows[i].value_x - want) > 1.5) fail_msg("%s: value at x %.1f, bar end says %.1f", rows[i].label, rows[i].value_x, want);
    }
    assert_int_equal(pt_outside(pdf, A4_LEFT, A4_TOP, A4_RIGHT, A4_BOTTOM), 0);
    free(v);
    free(raw); free(text); free(flat);
    period_report_free(&r);
}

static void test_province_weekly(void **s)
{
    (void)s;
    char pdf[256];
    snprintf(pdf, sizeof pdf, "%s/pdf/p21.pdf", dir);
    int rc = report_period_write(db, &cfg, HA_TINH, &W21, pdf, err, sizeof err);
    fx_report_written(rc, err, pdf, 0);
    char *flat = flat_text(pdf);
    assert_non_null(strstr(flat, "UBND TỈNH HÀ TĨNH"));
    assert_non_null(strstr(flat, "2. Kết quả theo xã"));
    assert_non_null(strstr(flat, "Biểu dương: xã An Hòa Thịnh (82,9%)."));
    assert_non_null(strstr(flat, "Biểu đồ tiến độ các xã"));
    assert_null(strstr(flat, "Việc quá hạn ("));          /* no task lists for a province */
    free(flat);
}

/* A name is never taken twice: the second default file is "-2". */
static void test_output_names(void **s)
{
    (void)s;
    char a[NTM_PATH_MAX], b[NTM_PATH_MAX], want[NTM_PATH_MAX];
    assert_int_equal(report_period_path(db, &cfg, AN_HOA_THINH, &W21, a, sizeof a), 0);
    snprintf(want, sizeof want, "%s/pdf/bao-cao-tuan-an-hoa-thinh-2021-W21.pdf", dir);
    assert_string_equal(a, want);
    assert_int_equal(report_period_path(db, &cfg, AN_HOA_THINH, &W21, b, sizeof b), 0);
    snprintf(want, sizeof want, "%s/pdf/bao-cao-tuan-an-hoa-thinh-2021-W21-2.pdf", dir);
    assert_string_equal(b, want);
    report_output_drop(b);                            /* an unwritten reservation goes */
    struct stat st;
    assert_int_not_equal(stat(b, &st), 0);
    report_period p;
    report_period_of(RP_MONTH, "2022-06-20", &p);
    assert_string_equal(p.from, "2022-06-01");
    assert_string_equal(p.to, "2022-06-30");
    assert_int_equal(report_period_path(db, &cfg, HA_TINH, &p, a, sizeof a), 0);
    snprintf(want, sizeof want, "%s/pdf/bao-cao-thang-tinh-ha-tinh-2022-06.pdf", dir);
    assert_string_equal(a, want);
    report_output_drop(a);
    report_output_drop(want);
}

static void test_criteria(void **s)
{
    (void)s;
    /* An Hòa Thịnh: 1-12 met, 13 at risk, the rest not met; Sơn Tiến: 1-5 met */
    for (int i = 1; i <= 19; i++)
        assert_int_equal(uc_set_status(db, AN_HOA_THINH, 100 + i, 0, i <= 12 ? "met" : i == 13 ? "at_risk" : "not_met"), DB_OK);
    for (int i = 1; i <= 5; i++) assert_int_equal(uc_set_status(db, SON_TIEN, 100 + i, 0, "met"), DB_OK);
    char pdf[256];
    snprintf(pdf, sizeof pdf, "%s/pdf/tc.pdf", dir);
    int rc = report_criteria_write(db, &cfg, AN_HOA_THINH, pdf, err, sizeof err);
    fx_report_written(rc, err, pdf, 0);
    char *flat = flat_text(pdf);
    assert_non_null(strstr(flat, "BÁO CÁO TÌNH HÌNH THỰC HIỆN CÁC TIÊU CHÍ NÔNG THÔN MỚI"));
    assert_non_null(strstr(flat, "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021 - 2025"));
    assert_non_null(strstr(flat, "Kết quả: Đạt 12/19 tiêu chí; có nguy cơ không giữ được: 1; chưa đạt: 6."));
    assert_non_null(strstr(flat, "Tổng cộng Đạt 12/19"));
    assert_non_null(strstr(flat, "13 Tổ chức sản xuất và phát triển kinh tế nông thôn Có nguy cơ"));
    assert_int_equal(pt_outside(pdf, A4_LEFT, A4_TOP, A4_RIGHT, A4_BOTTOM), 0);
    free(flat);
    /* the province: communes x criteria, landscape */
    snprintf(pdf, sizeof pdf, "%s/pdf/tcp.pdf", dir);
    rc = report_criteria_write(db, &cfg, HA_TINH, pdf, err, sizeof err);
    fx_report_written(rc, err, pdf, 0);
    char *info = pt_info(pdf);
    assert_non_null(strstr(info, "841.89 x 595.28"));
    free(info);
    char *raw = pt_text(pdf, 0, 0, "-layout");
    char line[600];
    pt_line_at(raw, strstr(raw, "An Hòa Thịnh"), line, sizeof line);
    assert_int_equal(pt_count(line, "√"), 12);
    assert_int_equal(pt_count(line, "!"), 1);
    assert_int_equal(pt_count(line, "×"), 6);
    assert_non_null(strstr(line, "12/19"));
    pt_line_at(raw, strstr(raw, "Sơn Tiến"), line, sizeof line);
    assert_int_equal(pt_count(line, "√"), 5);
    assert_non_null(strstr(line, "5/19"));
    pt_line_at(raw, strstr(raw, "Số xã đạt"), line, sizeof line);
    char *counts = pt_squash(line);                 /* per criterion: 1-5 both, 6-12 one, 13-19 none */
    assert_non_null(strstr(counts, "Sốxãđạt2222211111110000000"));
    free(counts);
    assert_non_null(strstr(raw, "Ký hiệu: √ đạt; × chưa đạt"));
    assert_int_equal(pt_outside(pdf, A4_LEFT, A4_TOP, 841.89 - 42.52, 595.28 - 56.69), 0);   /* landscape margins */
    free(raw);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_weekly),
        cmocka_unit_test(test_province_weekly),
        cmocka_unit_test(test_output_names),
        cmocka_unit_test(test_criteria),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
