/* The faces of a PDF (reports/pdf_font.c): subset small, every Vietnamese letter given
 * back exactly by pdftotext, no poppler warning on any paper, the same layout with and
 * without subsetting, and the whole-file fallback still correct. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "config/config.h"
#include "model/db.h"
#include "model/demo.h"
#include "model/text.h"
#include "model/tour.h"
#include "model/unit.h"
#include "reports/pdf.h"
#include "reports/route_sheet.h"
#include "reports/task_sheet.h"
#include "reports/tour_summary.h"
#include "tests/pdf/pdftext.h"
#include "tests/unit/fixture.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SHEET_LIMIT (60 * 1024)     /* issue 12: a one-page sheet at most 60 KB */

static char dir[64];
static ntm_db *db;
static ntm_config cfg;
static int64_t nay, sk2;
static char letters[1024];          /* the 134 precomposed letters, then a ... y */
static int nletters;

static void subsetting(int on)
{
    if (on) unsetenv("NTM_PDF_NO_SUBSET");
    else setenv("NTM_PDF_NO_SUBSET", "1", 1);
}

/* Every Vietnamese vowel with every tone, and đ, lower and upper case, composed by the
 * model's NFC: 134 precomposed characters (the 6 plain vowels a e i o u y are ASCII). */
static void make_letters(void)
{
    static const char *const vowels[] = { "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
                                          "A", "Ă", "Â", "E", "Ê", "I", "O", "Ô", "Ơ", "U", "Ư", "Y" };
    static const char *const tones[] = { "", "\xCC\x80", "\xCC\x81", "\xCC\x89", "\xCC\x83", "\xCC\xA3" };
    letters[0] = 0;
    nletters = 0;
    for (size_t v = 0; v < sizeof vowels / sizeof vowels[0]; v++)
        for (size_t t = 0; t < 6; t++) {
            char raw[16];
            snprintf(raw, sizeof raw, "%s%s", vowels[v], tones[t]);
            char *nfc = text_nfc(raw);
            if ((unsigned char)nfc[0] >= 0x80) nletters++;
            strcat(letters, nfc);
            strcat(letters, " ");
            free(nfc);
        }
    strcat(letters, "đ Đ");
    nletters += 2;
}

static int setup(void **state)
{
    char path[128], err[512];
    setenv("NTM_TODAY", "2022-06-20", 1);
    if (fx_demo(dir, sizeof dir, "test-font", path, sizeof path, "demo.db", err, sizeof err)) return -1;
    if (db_open(&db, path, 0, 2000, err, sizeof err) != DB_OK) { fprintf(stderr, "%s\n", err); return -1; }
    int64_t commune = 0;
    if (unit_find(db, 'c', 0, "an hoa thinh", &commune) != DB_OK ||
        unit_find(db, 'h', commune, "nay", &nay) != DB_OK || fx_demo_tour(db, &sk2, NULL)) {
        fprintf(stderr, "%s\n", db_errmsg(db));
        return -1;
    }
    fx_report_config(&cfg, dir, "UBND XÃ AN HÒA THỊNH", "BAN CHỈ ĐẠO NTM");
    make_letters();
    (void)state;
    return 0;
}

static int teardown(void **state)
{
    db_close(db);
    subsetting(1);
    (void)state;
    return fx_rmdir(dir);
}

static long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

/* A one-page document: the letters in every face, each face its own paragraph. */
static void letters_doc(const char *name, char *path, size_t n, double *open_ms)
{
    char err[700] = "";
    double t0 = fx_now_ms();
    pdf_doc *d = pdf_open(&cfg, "Chữ tiếng Việt", "ntm", err, sizeof err);
    if (open_ms) *open_ms = fx_now_ms() - t0;
    if (!d) fprintf(stderr, "%s\n", err);
    assert_non_null(d);
    for (int f = 0; f < PDF_NFACES; f++) pdf_para(d, pdf_left(d), pdf_width(d), (enum pdf_face)f, 12, PDF_LEFT, letters);
    snprintf(path, n, "%s/%s", dir, name);
    int rc = pdf_save(d, path, err, sizeof err);
    if (rc) fprintf(stderr, "%s\n", err);
    assert_int_equal(rc, 0);
    pdf_close(d);
}

/* The text of every face comes back exactly (spaces aside: lines wrap). */
static void check_letters(const char *path)
{
    char *txt = pt_text(path, 0, 0, "-raw");
    assert_non_null(txt);
    char *got = pt_squash(txt), *one = pt_squash(letters);
    char want[PDF_NFACES * sizeof letters + 8] = "";
    for (int f = 0; f < PDF_NFACES; f++) strcat(want, one);   /* one page: no page number */
    assert_string_equal(got, want);
    free(txt); free(got); free(one);
}

static void test_every_letter(void **state)
{
    char path[300];
    assert_int_equal(nletters, 134);
    subsetting(1);
    letters_doc("letters.pdf", path, sizeof path, NULL);
    check_letters(path);
    long size = file_size(path);
    printf("    one page, three faces, all letters: %ld bytes (limit %d)\n", size, SHEET_LIMIT);
    assert_true(size > 0 && size <= SHEET_LIMIT);
    (void)state;
}

/* NTM_PDF_NO_SUBSET=1: the whole faces, as before; still exact, still no warning. */
static void test_fallback_whole_faces(void **state)
{
    char path[300];
    subsetting(0);
    letters_doc("whole.pdf", path, sizeof path, NULL);
    subsetting(1);
    check_letters(path);
    long size = file_size(path);
    printf("    the same with whole faces: %ld bytes\n", size);
    assert_true(size > 80 * 1024);         /* the whole-file path was really taken */
    (void)state;
}

/* pdftotext -bbox from <doc> on: every word, where it is, how wide (the info block
 * before it holds the creation time). */
static char *words_at(const char *path)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, PDFTOTEXT " -bbox '%s' -", path);
    char *s = pt_run(cmd);
    assert_non_null(s);
    char *doc = strstr(s, "<doc>");
    assert_non_null(doc);
    memmove(s, doc, strlen(doc) + 1);
    return s;
}

enum paper { TASKS, ROUTE, ROUTE_COMPACT, SUMMARY, NPAPERS };
static const char *const paper_name[NPAPERS] = { "tasks", "route", "route-compact", "summary" };
static const char *const paper_words[NPAPERS][2] = {
    { "PHIẾU ĐẦU VIỆC", "Thôn Nậy - Xã An Hòa Thịnh" },
    { "PHIẾU KIỂM TRA TOUR TUYẾN", "Đồng chè Đượng Dâu" },
    { "PHIẾU KIỂM TRA TOUR TUYẾN", "Cầu tràn Kim Bình" },
    { "BÁO CÁO KẾT QUẢ KIỂM TRA TOUR TUYẾN", "Sơn Kim 2" },
};

static void write_paper(enum paper p, const char *tag, char *path, size_t n)
{
    char err[700] = "";
    snprintf(path, n, "%s/%s-%s.pdf", dir, paper_name[p], tag);
    double t0 = fx_now_ms();
    int rc = p == TASKS ? report_task_sheet(db, &cfg, nay, path, err, sizeof err)
           : p == SUMMARY ? report_tour_summary(db, &cfg, sk2, path, err, sizeof err)
           : report_route_sheet(db, &cfg, sk2, p == ROUTE_COMPACT, path, err, sizeof err);
    fx_report_written(rc, err, path, fx_now_ms() - t0);
}

/* Each paper of the demo: small, read back without a poppler warning (pdftext.h fails
 * the test on one), and word for word, place for place, the same as with whole faces. */
static void test_papers(void **state)
{
    for (int p = 0; p < NPAPERS; p++) {
        char sub[300], whole[300];
        subsetting(0);
        write_paper((enum paper)p, "whole", whole, sizeof whole);
        subsetting(1);
        write_paper((enum paper)p, "subset", sub, sizeof sub);
        char *text = pt_text(sub, 0, 0, "-layout"), *joined = pt_join(text);
        for (int w = 0; w < 2; w++) {
            if (!strstr(joined, paper_words[p][w])) fprintf(stderr, "%s lacks \"%s\"\n", sub, paper_words[p][w]);
            assert_non_null(strstr(joined, paper_words[p][w]));
        }
        char *a = words_at(sub), *b = words_at(whole);
        assert_string_equal(a, b);
        printf("    %s: %ld bytes subset, %ld bytes with whole faces\n", paper_name[p], file_size(sub),
               file_size(whole));
        if (p == TASKS) {
            assert_int_equal(pt_pages(sub), 1);
            assert_true(file_size(sub) <= SHEET_LIMIT);
        }
        free(text); free(joined); free(a); free(b);
    }
    (void)state;
}

/* The widths the PDF gives each drawn character (/W, rewritten by pdf_font.c) are the
 * ones the layout measured: every word's box in pdftotext is as wide as
 * pdf_text_width() said, in each face. */
static void test_widths(void **state)
{
    static const char *const words[] = { "Phiếu", "đầu", "việc", "THÔN", "NẬY", "Đượng", "ắằẳẵặ", "100%", "(quá", "hạn)" };
    const int nw = (int)(sizeof words / sizeof words[0]);
    char err[700] = "", path[300];
    pdf_doc *d = pdf_open(&cfg, "", "", err, sizeof err);
    assert_non_null(d);
    float want[PDF_NFACES][16];
    for (int f = 0; f < PDF_NFACES; f++)
        for (int w = 0; w < nw; w++) {
            float y = 100 + 30 * (float)f;
            want[f][w] = pdf_text_width(d, (enum pdf_face)f, 14, words[w]);
            pdf_text(d, 90 + 42 * (float)w, y + 14 * (float)(w % 2), (enum pdf_face)f, 14, PDF_LEFT, words[w]);
        }
    snprintf(path, sizeof path, "%s/widths.pdf", dir);
    assert_int_equal(pdf_save(d, path, err, sizeof err), 0);
    pdf_close(d);
    char *s = words_at(path);
    int found = 0;
    for (char *p = s; (p = strstr(p, "<word xMin=\"")); p++) {
        double x0, y0, x1, y1;
        char w[64] = "";
        if (sscanf(p, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\">%63[^<]", &x0, &y0, &x1, &y1, w) != 5)
            continue;
        int f = (int)((y0 - 80) / 30), k = (int)((x0 - 90 + 1) / 42);
        if (f < 0 || f >= PDF_NFACES || k < 0 || k >= nw || strcmp(w, words[k]) != 0) continue;
        if (fabs((x1 - x0) - want[f][k]) > 0.05) fprintf(stderr, "%s (face %d): %.2f wide, measured %.2f\n", w, f, x1 - x0, want[f][k]);
        assert_true(fabs((x1 - x0) - want[f][k]) <= 0.05);
        found++;
    }
    assert_int_equal(found, PDF_NFACES * nw);
    free(s);
    (void)state;
}

/* A character the subset leaves out (Cyrillic) prints as the empty box, but copying or
 * searching the text still finds it. */
static void test_outside_subset(void **state)
{
    char err[700] = "", path[300];
    pdf_doc *d = pdf_open(&cfg, "", "", err, sizeof err);
    assert_non_null(d);
    pdf_para(d, pdf_left(d), pdf_width(d), PDF_REGULAR, 12, PDF_LEFT, "Жук Ωμ ₫ № – “x” …");
    snprintf(path, sizeof path, "%s/outside.pdf", dir);
    assert_int_equal(pdf_save(d, path, err, sizeof err), 0);
    pdf_close(d);
    char *txt = pt_text(path, 0, 0, "-raw");
    assert_non_null(strstr(txt, "Жук Ωμ ₫ № – “x” …"));
    free(txt);
    (void)state;
}

/* A failed save, then two good ones: the font tables are written afresh each time. */
static void test_save_again(void **state)
{
    char err[700] = "", path[300];
    pdf_doc *d = pdf_open(&cfg, "", "", err, sizeof err);
    assert_non_null(d);
    pdf_para(d, pdf_left(d), pdf_width(d), PDF_BOLD, 12, PDF_LEFT, "Đường thôn Nậy");
    assert_int_equal(pdf_save(d, "/proc/ntm-no-such/x.pdf", err, sizeof err), -1);
    for (int i = 0; i < 2; i++) {
        snprintf(path, sizeof path, "%s/again-%d.pdf", dir, i);
        assert_int_equal(pdf_save(d, path, err, sizeof err), 0);
        char *txt = pt_text(path, 0, 0, "-raw");
        assert_non_null(strstr(txt, "Đường thôn Nậy"));
        free(txt);
    }
    pdf_close(d);
    (void)state;
}

/* The subset is made once per font file per process: the first document pays (run
 * first). With whole faces libharu's own loading is the cost. */
static void test_subset_once(void **state)
{
    char path[300];
    double first, later;
    letters_doc("once-1.pdf", path, sizeof path, &first);
    letters_doc("once-2.pdf", path, sizeof path, &later);
    check_letters(path);
    double whole;
    subsetting(0);
    letters_doc("once-3.pdf", path, sizeof path, &whole);
    subsetting(1);
    printf("    pdf_open (three faces): %.1f ms the first time, then %.1f ms; whole faces %.1f ms\n",
           first, later, whole);
    (void)state;
}

/* A face whose licence forbids embedding (OS/2 fsType 2): refused with the key named,
 * whether subset or not, as before. */
static void test_restricted_font(void **state)
{
    char copy[300], err[700] = "";
    snprintf(copy, sizeof copy, "%s/Restricted-Bold.ttf", dir);
    FILE *in = fopen(cfg.font_bold, "rb");
    assert_non_null(in);
    static unsigned char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf, in);
    fclose(in);
    unsigned tables = (unsigned)buf[4] << 8 | buf[5];
    int patched = 0;
    for (unsigned i = 0; i < tables; i++) {
        unsigned char *e = buf + 12 + 16 * i;
        if (memcmp(e, "OS/2", 4)) continue;
        unsigned long off = (unsigned long)e[8] << 24 | (unsigned long)e[9] << 16 | (unsigned)e[10] << 8 | e[11];
        buf[off + 8] = 0;
        buf[off + 9] = 2;
        patched = 1;
    }
    assert_true(patched);
    FILE *out = fopen(copy, "wb");
    assert_non_null(out);
    assert_int_equal(fwrite(buf, 1, n, out), n);
    fclose(out);
    ntm_config c = cfg;
    snprintf(c.font_bold, sizeof c.font_bold, "%s", copy);
    for (int sub = 1; sub >= 0; sub--) {
        subsetting(sub);
        err[0] = 0;
        assert_null(pdf_open(&c, "", "", err, sizeof err));
        assert_non_null(strstr(err, "Restricted-Bold.ttf"));
        assert_non_null(strstr(err, "font_bold"));
        assert_true(strstr(err, "nhúng") || strstr(err, "embedding"));
    }
    subsetting(1);
    (void)state;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_subset_once),          /* first: nothing subset yet */
        cmocka_unit_test(test_every_letter),
        cmocka_unit_test(test_fallback_whole_faces),
        cmocka_unit_test(test_papers),
        cmocka_unit_test(test_widths),
        cmocka_unit_test(test_outside_subset),
        cmocka_unit_test(test_save_again),
        cmocka_unit_test(test_restricted_font),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
