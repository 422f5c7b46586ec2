/* The letterhead and signature of every paper (Nghị định 30/2020/NĐ-CP; the Party's
 * Hướng dẫn 36 for Đảng ủy papers), drawn for the demo's communes, whose issuing bodies
 * come from the seeds, and read back with pdftotext / pdftohtml. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "config/config.h"
#include "model/db.h"
#include "model/issuer.h"
#include "reports/letterhead.h"
#include "reports/pdf.h"
#include "tests/pdf/pdftext.h"
#include "tests/unit/fixture.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { SON_TIEN = 10, AN_HOA_THINH = 30, CAM_LONG = 40, SON_KIM_2 = 50, NAY = 301 };

static char dir[64];
static ntm_db *db;
static ntm_config cfg;

static int setup(void **state)
{
    char path[128], err[512];
    if (fx_demo(dir, sizeof dir, "test-letterhead", path, sizeof path, "demo.db", err, sizeof err)) return -1;
    if (db_open(&db, path, 0, 2000, err, sizeof err) != DB_OK) { fprintf(stderr, "%s\n", err); return -1; }
    fx_report_config(&cfg, dir, "", "");
    (void)state;
    return 0;
}

static int teardown(void **state)
{
    db_close(db);
    (void)state;
    return fx_rmdir(dir);
}

/* A one-page paper of unit's issuer: header, title, a line, recipients and signature. */
static void write_paper(const ntm_config *c, int64_t unit, const char *paper, const char *number,
                        const char *date, const char *name, char *path, size_t n)
{
    char err[700] = "";
    letterhead lh;
    assert_int_equal(letterhead_for(db, c, unit, paper, "BC", &lh, err, sizeof err), 0);
    if (number) snprintf(lh.number, sizeof lh.number, "%s", number);
    pdf_doc *d = pdf_open(c, "test", lh.name, err, sizeof err);
    assert_non_null(d);
    letterhead_header(d, &lh, date);
    letterhead_title(d, "BÁO CÁO", "Kết quả thực hiện tuần 25");
    pdf_para(d, pdf_left(d), pdf_width(d), PDF_REGULAR, 13, PDF_LEFT, "Nội dung.");
    const char *rec[] = { "Ban Chỉ đạo NTM huyện (b/c);", "Lưu: VT.", NULL };
    letterhead_signature(d, &lh, rec);
    snprintf(path, n, "%s/%s.pdf", dir, name);
    int rc = pdf_save(d, path, err, sizeof err);
    if (rc) fprintf(stderr, "%s\n", err);
    assert_int_equal(rc, 0);
    pdf_close(d);
}

/* Days under 10 and months 1 and 2 take a zero; no other month does. */
static void test_date_text(void **state)
{
    char s[64];
    letterhead_date_text("2021-06-05", s, sizeof s);
    assert_string_equal(s, "ngày 05 tháng 6 năm 2021");
    letterhead_date_text("2022-02-15", s, sizeof s);
    assert_string_equal(s, "ngày 15 tháng 02 năm 2022");
    letterhead_date_text("2022-01-01", s, sizeof s);
    assert_string_equal(s, "ngày 01 tháng 01 năm 2022");
    letterhead_date_text("2021-12-31", s, sizeof s);
    assert_string_equal(s, "ngày 31 tháng 12 năm 2021");
    letterhead_date_text("2021-03-10", s, sizeof s);
    assert_string_equal(s, "ngày 10 tháng 3 năm 2021");
    letterhead_date_text("31/02/2021", s, sizeof s);
    assert_string_equal(s, "");
    (void)state;
}

static void test_number_text(void **state)
{
    letterhead lh = { .party = 0 };
    char s[200];
    snprintf(lh.symbol, sizeof lh.symbol, "UBND");
    snprintf(lh.type_code, sizeof lh.type_code, "BC");
    letterhead_number_text(&lh, s, sizeof s);
    assert_string_equal(s, "Số:        /BC-UBND");
    snprintf(lh.number, sizeof lh.number, "12");
    letterhead_number_text(&lh, s, sizeof s);
    assert_string_equal(s, "Số: 12/BC-UBND");
    lh.party = 1;
    snprintf(lh.symbol, sizeof lh.symbol, "ĐU");
    snprintf(lh.type_code, sizeof lh.type_code, "CV");
    letterhead_number_text(&lh, s, sizeof s);
    assert_string_equal(s, "Số 12-CV/ĐU");
    (void)state;
}

/* Sơn Kim 2 (seed 004): the Party committee's paper. */
static void test_party_letterhead(void **state)
{
    char path[300];
    write_paper(&cfg, SON_KIM_2, "weekly", "49", "2021-06-21", "party", path, sizeof path);
    char *lay = pt_text(path, 1, 1, "-layout");
    assert_non_null(strstr(lay, "HUYỆN ỦY HƯƠNG SƠN"));
    assert_non_null(strstr(lay, "ĐẢNG ỦY XÃ SƠN KIM 2"));
    assert_non_null(strstr(lay, "ĐẢNG CỘNG SẢN VIỆT NAM"));
    assert_null(strstr(lay, "CỘNG HÒA XÃ HỘI"));
    assert_null(strstr(lay, "Độc lập"));
    assert_non_null(strstr(lay, "Số 49-BC/ĐU"));
    assert_non_null(strstr(lay, "Sơn Kim 2, ngày 21 tháng 6 năm 2021"));
    /* "*" under the body's name, in its column, and above the "Số" line */
    double name[4], star[4], so[4];
    assert_true(pt_word_box(path, 1, "KIM", name));
    assert_true(pt_word_box(path, 1, "*", star));
    assert_true(pt_word_box(path, 1, "Số", so));
    assert_true(star[1] > name[3] - 1 && star[3] < so[1] + 1);
    double mid = (star[0] + star[2]) / 2, col = A4_LEFT + (A4_RIGHT - A4_LEFT) * 0.42 / 2;
    assert_true(mid > col - 4 && mid < col + 4);
    /* the signature block, in order */
    char *tm = strstr(lay, "TM. BAN THƯỜNG VỤ"), *bt = tm ? strstr(tm, "BÍ THƯ") : NULL;
    assert_non_null(tm);
    assert_non_null(bt);
    assert_non_null(strstr(bt, "Cao Kỳ Vị"));
    free(lay);
    (void)state;
}

/* Cẩm Long (seed 003): the People's Committee, "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH". */
static void test_state_letterhead(void **state)
{
    char path[300];
    write_paper(&cfg, CAM_LONG, "weekly", NULL, "2022-01-12", "state", path, sizeof path);
    char *lay = pt_text(path, 1, 1, "-layout");
    assert_non_null(strstr(lay, "UBND HUYỆN CẨM THỦY"));
    char *raw = pt_text(path, 1, 1, "-raw"), *joined = pt_join(raw);
    assert_non_null(strstr(joined, "ỦY BAN NHÂN DÂN XÃ CẨM LONG"));       /* may wrap in its column */
    free(raw); free(joined);
    assert_non_null(strstr(lay, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    assert_non_null(strstr(lay, "Độc lập - Tự do - Hạnh phúc"));
    assert_non_null(strstr(lay, "/BC-UBND"));
    assert_non_null(strstr(lay, "Cẩm Long, ngày 12 tháng 01 năm 2022"));
    assert_null(strstr(lay, "*"));
    /* the "Số:" line and the date line on one level */
    double so[4], date[4];
    assert_true(pt_word_box(path, 1, "Số:", so));
    assert_true(pt_word_box(path, 1, "Long,", date));
    assert_true(so[1] < date[3] && date[1] < so[3]);
    char *tm = strstr(lay, "TM. ỦY BAN NHÂN DÂN"), *ct = tm ? strstr(tm, "CHỦ TỊCH") : NULL;
    assert_non_null(ct);
    assert_non_null(strstr(ct, "Bùi Thị Huệ"));
    free(lay);
    (void)state;
}

/* An Hòa Thịnh (seed 002): signed on behalf of the head, "KT. TRƯỞNG BAN / PHÓ TRƯỞNG BAN". */
static void test_deputy_signs(void **state)
{
    char path[300];
    write_paper(&cfg, NAY, "weekly", NULL, "2021-06-05", "deputy", path, sizeof path);  /* a hamlet: its commune's */
    char *lay = pt_text(path, 1, 1, "-layout");
    char *raw = pt_text(path, 1, 1, "-raw"), *joined = pt_join(raw);
    assert_non_null(strstr(joined, "BAN CHỈ ĐẠO NTM, GNBV VÀ MỖI XÃ MỘT SẢN PHẨM"));
    free(raw); free(joined);
    char *kt = strstr(lay, "KT. TRƯỞNG BAN"), *pho = kt ? strstr(kt, "PHÓ TRƯỞNG BAN") : NULL;
    assert_non_null(pho);
    assert_non_null(strstr(pho, "Nguyễn Hữu Đông"));
    assert_non_null(strstr(lay, "An Hòa Thịnh, ngày 05 tháng 6 năm 2021"));
    assert_null(strstr(lay, "(Ký, ghi rõ họ tên)"));
    free(lay);
    (void)state;
}

/* "Nơi nhận:" is bold italic, its lines upright; the signature block bold. */
static void test_recipients_style(void **state)
{
    char path[300];
    write_paper(&cfg, CAM_LONG, "weekly", NULL, "2022-01-12", "style", path, sizeof path);
    char *s1 = pt_style(path, 1, "Nơi nhận:"), *s2 = pt_style(path, 1, "- Lưu: VT."),
         *s3 = pt_style(path, 1, "CHỦ TỊCH"), *s4 = pt_style(path, 1, "Cẩm Long, ngày");
    assert_non_null(s1);
    assert_string_equal(s1, "bi");
    assert_non_null(s2);
    assert_string_equal(s2, "");
    assert_non_null(s3);
    assert_string_equal(s3, "b");
    assert_non_null(s4);
    assert_string_equal(s4, "i");
    free(s1); free(s2); free(s3); free(s4);
    (void)state;
}

/* The body is chosen per paper: ntm.ini's issuer code, else the one that names the
 * paper, else the commune's default; an unknown code lists the commune's bodies. */
static void test_issuer_choice(void **state)
{
    char err[700] = "";
    letterhead lh;
    assert_int_equal(letterhead_for(db, &cfg, SON_KIM_2, "tasks", "PĐV", &lh, err, sizeof err), 0);
    assert_string_equal(lh.name, "ĐẢNG ỦY XÃ SƠN KIM 2");
    assert_int_equal(lh.party, 1);
    sqlite3_exec(db_handle(db), "UPDATE issuer SET papers = ',tasks,criteria,' WHERE unit_id = 50 AND code = 'ubnd'",
                 NULL, NULL, NULL);
    assert_int_equal(letterhead_for(db, &cfg, SON_KIM_2, "tasks", "PĐV", &lh, err, sizeof err), 0);
    assert_string_equal(lh.name, "ỦY BAN NHÂN DÂN XÃ SƠN KIM 2");
    assert_int_equal(lh.party, 0);
    assert_int_equal(letterhead_for(db, &cfg, SON_KIM_2, "route", "PKT", &lh, err, sizeof err), 0);
    assert_string_equal(lh.name, "ĐẢNG ỦY XÃ SƠN KIM 2");
    ntm_config c = cfg;
    snprintf(c.issuer, sizeof c.issuer, "DU");                    /* the code, any case */
    assert_int_equal(letterhead_for(db, &c, SON_KIM_2, "tasks", "PĐV", &lh, err, sizeof err), 0);
    assert_string_equal(lh.symbol, "ĐU");
    snprintf(c.issuer, sizeof c.issuer, "uy ban nhan dan");       /* or words of the name */
    assert_int_equal(letterhead_for(db, &c, SON_KIM_2, "route", "PKT", &lh, err, sizeof err), 0);
    assert_string_equal(lh.symbol, "UBND");
    snprintf(c.issuer, sizeof c.issuer, "hoi nong dan");
    assert_int_equal(letterhead_for(db, &c, SON_KIM_2, "route", "PKT", &lh, err, sizeof err), -1);
    assert_non_null(strstr(err, "hoi nong dan"));
    assert_non_null(strstr(err, "du  ĐẢNG ỦY XÃ SƠN KIM 2"));
    assert_non_null(strstr(err, "ubnd  ỦY BAN NHÂN DÂN XÃ SƠN KIM 2"));
    sqlite3_exec(db_handle(db), "UPDATE issuer SET papers = NULL", NULL, NULL, NULL);
    (void)state;
}

/* A unit with no issuer in the database: ntm.ini's [letterhead], else its own UBND. */
static void test_config_fallback(void **state)
{
    char err[700] = "";
    letterhead lh;
    sqlite3_exec(db_handle(db), "SAVEPOINT s; DELETE FROM issuer WHERE unit_id = 40", NULL, NULL, NULL);
    assert_int_equal(letterhead_for(db, &cfg, CAM_LONG, "tasks", "PĐV", &lh, err, sizeof err), 0);
    assert_string_equal(lh.name, "UBND XÃ CẨM LONG");
    assert_string_equal(lh.sign_authority, "TM. ỦY BAN NHÂN DÂN");
    assert_string_equal(lh.sign_title, "CHỦ TỊCH");
    assert_string_equal(lh.symbol, "UBND");
    ntm_config c = cfg;
    snprintf(c.body1, sizeof c.body1, "Đảng bộ huyện Cẩm Thủy");
    snprintf(c.body2, sizeof c.body2, "Đảng ủy xã Cẩm Long");
    c.motto_party = 1;
    assert_int_equal(letterhead_for(db, &c, CAM_LONG, "tasks", "PĐV", &lh, err, sizeof err), 0);
    assert_string_equal(lh.parent, "ĐẢNG BỘ HUYỆN CẨM THỦY");
    assert_string_equal(lh.name, "ĐẢNG ỦY XÃ CẨM LONG");
    assert_int_equal(lh.party, 1);
    assert_string_equal(lh.place, "Cẩm Long");
    snprintf(c.place, sizeof c.place, "Thanh Hóa");
    assert_int_equal(letterhead_for(db, &c, CAM_LONG, "tasks", "PĐV", &lh, err, sizeof err), 0);
    assert_string_equal(lh.place, "Thanh Hóa");
    assert_int_equal(letterhead_for(db, &cfg, 1, "criteria", "BC", &lh, err, sizeof err), 0);
    assert_string_equal(lh.name, "UBND TỈNH HÀ TĨNH");            /* a province */
    sqlite3_exec(db_handle(db), "ROLLBACK TO s; RELEASE s", NULL, NULL, NULL);
    (void)state;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_date_text),
        cmocka_unit_test(test_number_text),
        cmocka_unit_test(test_party_letterhead),
        cmocka_unit_test(test_state_letterhead),
        cmocka_unit_test(test_deputy_signs),
        cmocka_unit_test(test_recipients_style),
        cmocka_unit_test(test_issuer_choice),
        cmocka_unit_test(test_config_fallback),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
