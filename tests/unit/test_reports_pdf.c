/* The PDF layout layer (reports/pdf.h) on its own: the word wrapper, tables across
 * pages, keep-with-next, page numbers, errors. Read back with pdftotext. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "config/config.h"
#include "model/i18n.h"
#include "reports/pdf.h"
#include "tests/pdf/pdftext.h"
#include "tests/unit/fixture.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


static char dir[64];
static ntm_config cfg;

static int setup(void **state)
{
    if (fx_tempdir(dir, sizeof dir, "test-pdf", NULL, 0, NULL)) return -1;
    config_defaults(&cfg);
    (void)state;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    return fx_rmdir(dir);
}

static pdf_doc *open_doc(void)
{
    char err[700] = "";
    pdf_doc *d = pdf_open(&cfg, "Thử nghiệm", "ntm", err, sizeof err);
    if (!d) fprintf(stderr, "%s\n", err);
    assert_non_null(d);
    return d;
}

static void save(pdf_doc *d, const char *name, char *path, size_t n)
{
    char err[700] = "";
    snprintf(path, n, "%s/%s", dir, name);
    int rc = pdf_save(d, path, err, sizeof err);
    if (rc) fprintf(stderr, "%s\n", err);
    assert_int_equal(rc, 0);
}

static int is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

/* Every line starts and ends on a character boundary, fits the width unless it is one
 * character, and the lines hold every non-space byte of the text in order. */
static void check_wrap(pdf_doc *d, const char *s, float width)
{
    pdf_span *ln = NULL;
    int n = pdf_wrap(d, PDF_REGULAR, 11, s, width, &ln);
    assert_true(n > 0);
    char *all = calloc(strlen(s) + 1, 1), *src = calloc(strlen(s) + 1, 1);
    for (int i = 0; i < n; i++) {
        assert_false(is_cont((unsigned char)s[ln[i].off]) && ln[i].len);
        assert_false(is_cont((unsigned char)s[ln[i].off + ln[i].len]));
        int one_char = ln[i].len <= 4;
        assert_true(ln[i].width <= width + 0.01f || one_char);
        for (size_t k = 0; k < ln[i].len; k++)
            if (s[ln[i].off + k] != ' ') strncat(all, s + ln[i].off + k, 1);
    }
    for (const char *p = s; *p; p++) if (*p != ' ' && *p != '\n') strncat(src, p, 1);
    assert_string_equal(all, src);
    free(all); free(src); free(ln);
}

static void test_wrap(void **state)
{
    pdf_doc *d = open_doc();
    check_wrap(d, "Trồng 2 km hàng rào xanh và xây 33 hệ thống xử lý nước thải tại hộ", 60);
    char word[1000] = "";
    for (int i = 0; i < 100; i++) strcat(word, i % 2 ? "ắ" : "Ằ");
    check_wrap(d, word, 50);
    check_wrap(d, word, 1);                                  /* narrower than one letter */
    check_wrap(d, "a  b   c", 1000);
    pdf_span *ln;
    assert_int_equal(pdf_wrap(d, PDF_REGULAR, 11, "", 100, &ln), 0);
    free(ln);
    assert_int_equal(pdf_wrap(d, PDF_REGULAR, 11, "một\n\nba", 100, &ln), 3);
    assert_int_equal(ln[1].len, 0);
    free(ln);
    /* a mark that does not compose stays with its letter: x + U+0301 */
    const char *xs = "x\xcc\x81x\xcc\x81x\xcc\x81x\xcc\x81";
    int n = pdf_wrap(d, PDF_REGULAR, 11, xs, 1, &ln);
    assert_int_equal(n, 4);
    for (int i = 0; i < n; i++) assert_int_equal(ln[i].len, 3);
    free(ln);
    /* a number is one word: "1.500/2.000 m" wraps after the slash, never inside 1.500 */
    float w15 = pdf_text_width(d, PDF_REGULAR, 11, "1.500/2.0");     /* the line ends inside "2.000" */
    n = pdf_wrap(d, PDF_REGULAR, 11, "1.500/2.000 m", w15, &ln);
    assert_int_equal(n, 2);
    assert_int_equal(ln[0].len, strlen("1.500/"));
    assert_int_equal(ln[1].len, strlen("2.000 m"));
    free(ln);
    n = pdf_wrap(d, PDF_REGULAR, 11, "12.345.678,5", pdf_text_width(d, PDF_REGULAR, 11, "12.3"), &ln);
    assert_true(n >= 3);                                     /* wider than the line by itself: cut, nothing lost */
    size_t sum = 0;
    for (int i = 0; i < n; i++) sum += ln[i].len;
    assert_int_equal(sum, strlen("12.345.678,5"));
    free(ln);
    pdf_close(d);
    (void)state;
}

static void test_measure_is_utf8_aware(void **state)
{
    pdf_doc *d = open_doc();
    float a = pdf_text_width(d, PDF_REGULAR, 10, "a"), aa = pdf_text_width(d, PDF_REGULAR, 10, "ằ");
    assert_true(a > 3 && a < 6);
    assert_true(aa > 3 && aa < 6);                          /* one glyph, not three bytes */
    /* decomposed measures as composed: it is normalised first */
    assert_true(pdf_text_width(d, PDF_REGULAR, 10, "s\x6f\xcc\x82\xcc\x81") ==
                pdf_text_width(d, PDF_REGULAR, 10, "số"));
    assert_true(pdf_fit_size(d, PDF_BOLD, 12, 6, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 100) < 12);
    pdf_close(d);
    (void)state;
}

static const pdf_col COLS[] = { { "Cột một", 1, PDF_LEFT }, { "Cột hai", 2, PDF_LEFT }, { "Cột ba", 1, PDF_RIGHT } };

/* A cell of 150 lines is taller than a page: split between lines, header on every page. */
static void test_tall_row_splits(void **state)
{
    pdf_doc *d = open_doc();
    while (pdf_room(d) > 60) pdf_para(d, pdf_left(d), pdf_width(d), PDF_REGULAR, 11, PDF_LEFT, "chữ");
    pdf_table t;
    assert_int_equal(pdf_table_init(&t, d, COLS, 3, 11, 0), 0);
    char *big = calloc(150, 16);
    for (int i = 1; i <= 150; i++) sprintf(big + strlen(big), "dòng%03d\n", i);
    pdf_cell c[3] = { { .text = "trước" }, { .text = big }, { .text = "sau" } };
    assert_int_equal(pdf_table_row(&t, c), 0);
    c[1].text = "hàng cuối";
    assert_int_equal(pdf_table_row(&t, c), 0);
    int pages = pdf_page_count(d);
    assert_true(pages >= 3);
    char path[200];
    save(d, "tall.pdf", path, sizeof path);
    pdf_close(d);
    for (int k = 1; k <= pages; k++) {
        char *p = pt_text(path, k, k, "-layout");
        assert_int_equal(pt_count(p, "Cột hai"), 1);
        free(p);
    }
    char *raw = pt_text(path, 0, 0, "-raw");
    for (int i = 1; i <= 150; i++) {
        char w[32];
        snprintf(w, sizeof w, "dòng%03d", i);
        assert_int_equal(pt_count(raw, w), 1);
    }
    assert_non_null(strstr(raw, "hàng cuối"));
    assert_int_equal(pt_outside(path, A4_LEFT, A4_TOP, A4_RIGHT, A4_BOTTOM), 0);
    free(raw); free(big);
    (void)state;
}

/* Rows never split: a row that does not fit goes whole to the next page. */
static void test_rows_do_not_split(void **state)
{
    pdf_doc *d = open_doc();
    pdf_table t;
    assert_int_equal(pdf_table_init(&t, d, COLS, 3, 11, 0), 0);
    pdf_cell c[3] = { { .text = "x" }, { .text = "đầu\nhai\nba\nbốn\ncuối" }, { .text = "y" } };
    for (int i = 0; i < 40; i++) assert_int_equal(pdf_table_row(&t, c), 0);
    char path[200];
    int pages = pdf_page_count(d);
    save(d, "rows.pdf", path, sizeof path);
    pdf_close(d);
    assert_int_equal(pt_outside(path, A4_LEFT, A4_TOP, A4_RIGHT, A4_BOTTOM), 0);
    for (int k = 1; k <= pages; k++) {
        char *p = pt_text(path, k, k, "-raw");
        assert_true(pt_count(p, "đầu") > 0);
        assert_int_equal(pt_count(p, "đầu"), pt_count(p, "cuối"));   /* whole rows only */
        free(p);
    }
    (void)state;
}

/* A heading kept with its table: not left alone at the foot of a page. */
static void test_keep_with_next(void **state)
{
    pdf_doc *d = open_doc();
    while (pdf_room(d) > 40) pdf_para(d, pdf_left(d), pdf_width(d), PDF_REGULAR, 11, PDF_LEFT, "chữ");
    pdf_table t;
    assert_int_equal(pdf_table_init(&t, d, COLS, 3, 11, 0), 0);
    pdf_cell c[3] = { { .text = "1" }, { .text = "Điểm dừng đầu tiên" }, { .text = "" } };
    float lead = pdf_table_lead_height(&t, c);
    assert_true(lead > t.head_h);
    assert_int_equal(pdf_keep_with_next(d, 20, lead), 1);     /* a new page was started */
    assert_int_equal(pdf_page_count(d), 2);
    pdf_para(d, pdf_left(d), pdf_width(d), PDF_BOLD, 12, PDF_LEFT, "Điểm 1: cầu tràn Kim Bình");
    assert_int_equal(pdf_table_row(&t, c), 0);
    assert_int_equal(pdf_keep_with_next(d, 20, lead), 0);     /* room enough: stays */
    char path[200];
    save(d, "keep.pdf", path, sizeof path);
    pdf_close(d);
    char *p2 = pt_text(path, 2, 2, "-layout");
    assert_non_null(strstr(p2, "Điểm 1: cầu tràn Kim Bình"));
    assert_non_null(strstr(p2, "Cột hai"));
    free(p2);
    (void)state;
}

/* Nghị định 30: page numbers from page 2, centred in the top margin; none on page 1. */
static void test_page_numbers_and_resave(void **state)
{
    pdf_doc *d = open_doc();
    pdf_para(d, pdf_left(d), pdf_width(d), PDF_REGULAR, 11, PDF_LEFT, "Trang đầu");
    pdf_new_page(d);
    pdf_new_page(d);
    char path[200];
    save(d, "three.pdf", path, sizeof path);
    save(d, "three-again.pdf", path, sizeof path);             /* numbers not written twice */
    pdf_close(d);
    assert_int_equal(pt_pages(path), 3);
    double box[4];
    assert_false(pt_word_box(path, 1, "1", box));
    for (int k = 2; k <= 3; k++) {
        char want[16], *p = pt_text(path, k, k, "-raw");
        snprintf(want, sizeof want, "%d", k);
        assert_true(pt_word_box(path, k, want, box));
        assert_true(box[3] < A4_TOP);                          /* in the top margin */
        double mid = (box[0] + box[2]) / 2;
        assert_true(mid > (A4_LEFT + A4_RIGHT) / 2 - 3 && mid < (A4_LEFT + A4_RIGHT) / 2 + 3);
        assert_null(strstr(p, "Trang "));
        free(p);
    }
    assert_int_equal(pt_outside(path, A4_LEFT, A4_TOP, A4_RIGHT, A4_BOTTOM), 0);
    (void)state;
}

static void test_bad_text_does_not_crash(void **state)
{
    pdf_doc *d = open_doc();
    pdf_para(d, pdf_left(d), 100, PDF_REGULAR, 11, PDF_LEFT, "abc\xff\xfe def\tghi\r\n\x01jkl \xe1\xba");
    pdf_para(d, pdf_left(d), 0, PDF_REGULAR, 11, PDF_LEFT, "độ rộng không");
    pdf_para(d, pdf_left(d), 100, PDF_REGULAR, 11, PDF_LEFT, NULL);
    pdf_text(d, 100, 100, PDF_ITALIC, 11, PDF_RIGHT, "");
    char path[200];
    save(d, "bad.pdf", path, sizeof path);
    pdf_close(d);
    pdf_close(NULL);
    char *raw = pt_text(path, 0, 0, "-raw");
    assert_non_null(strstr(raw, "abc?? def ghi"));
    assert_non_null(strstr(raw, "jkl ?"));
    free(raw);
    (void)state;
}

static void test_errors_in_english(void **state)
{
    char err[700] = "";
    ntm_config c = cfg;
    snprintf(c.font_bold, sizeof c.font_bold, "/nonexistent/B.ttf");
    ntm_lang_en = 1;
    assert_null(pdf_open(&c, "x", "y", err, sizeof err));
    ntm_lang_en = 0;
    assert_non_null(strstr(err, "Cannot read the font file \"/nonexistent/B.ttf\" (key [pdf] font_bold"));
    assert_null(pdf_open(&c, "x", "y", err, sizeof err));
    assert_non_null(strstr(err, "Không đọc được tệp phông chữ"));
    snprintf(c.font_bold, sizeof c.font_bold, "%s", dir);          /* a folder, not a file */
    assert_null(pdf_open(&c, "x", "y", err, sizeof err));
    assert_non_null(strstr(err, "font_bold"));
    pdf_doc *d = open_doc();
    char path[200];
    assert_int_equal(pdf_save(d, "", err, sizeof err), -1);
    pdf_close(d);
    d = open_doc();
    assert_int_equal(pdf_save(d, "/proc/ntm-none/z.pdf", err, sizeof err), -1);
    assert_non_null(strstr(err, "/proc/ntm-none"));
    snprintf(path, sizeof path, "%s/x/y/z.pdf", dir);              /* mkdir -p, after a failure */
    assert_int_equal(pdf_save(d, path, err, sizeof err), 0);
    assert_int_equal(access(path, R_OK), 0);
    pdf_close(d);
    (void)state;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wrap),
        cmocka_unit_test(test_measure_is_utf8_aware),
        cmocka_unit_test(test_tall_row_splits),
        cmocka_unit_test(test_rows_do_not_split),
        cmocka_unit_test(test_keep_with_next),
        cmocka_unit_test(test_page_numbers_and_resave),
        cmocka_unit_test(test_bad_text_does_not_crash),
        cmocka_unit_test(test_errors_in_english),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
