/* The table readers: CSV (BOM, CRLF, ';' found from the header, "sep=" line, quotes with
 * newlines and doubled quotes, blank lines, line numbers of multi-line records; files
 * that are not UTF-8 or are UTF-16 refused naming the line and "CSV UTF-8"; an open
 * quote at the end) and XLSX written here with libxlsxwriter (shared strings, inline
 * strings, dates by the cell's format in both date systems' serials, numbers, booleans,
 * Excel's row numbers), and the guards: a zip bomb, a DOCTYPE, an over-long cell, too
 * many columns, an old .xls. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>
#include <zip.h>
#include "model/i18n.h"
#include "reports/table_read.h"
#include "tests/unit/fixture.h"

static char dir[64], path[128], err[1024];

/* What the callback saw: "line|cell|cell..." per row, joined by '\n'. */
typedef struct { char out[8192]; int rows; int stop_after; } seen;

static int collect(void *ctx, long line, int n, const char *const *cells)
{
    seen *s = ctx;
    size_t o = strlen(s->out);
    o += (size_t)snprintf(s->out + o, sizeof s->out - o, "%s%ld", s->rows ? "\n" : "", line);
    for (int i = 0; i < n && o < sizeof s->out; i++) o += (size_t)snprintf(s->out + o, sizeof s->out - o, "|%s", cells[i]);
    s->rows++;
    return s->stop_after && s->rows >= s->stop_after;
}

static void write_file(const char *name, const char *bytes, size_t n)
{
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, n, f), n);
    fclose(f);
}

static int read_bytes(const char *name, const char *bytes, seen *s)
{
    write_file(name, bytes, strlen(bytes));
    memset(s, 0, sizeof *s);
    err[0] = 0;
    return table_read(path, collect, s, err, sizeof err);
}

static void test_csv_excel_vietnamese(void **state)
{
    (void)state;
    seen s;
    /* Excel in Vietnamese Windows: BOM, ';', CRLF, a quoted cell over two lines. */
    const char *csv = "\xEF\xBB\xBF" "Thôn;Chủ hộ;Ghi chú\r\n"
                      "Nậy;Nguyễn Văn An;\"hai\r\ndòng\"\r\n"
                      "\r\n"
                      "Trung Mỹ;\"Lê \"\"Bé\"\" Hai\";có, không\r\n";
    assert_int_equal(read_bytes("a.csv", csv, &s), TABLE_OK);
    assert_string_equal(s.out, "1|Thôn|Chủ hộ|Ghi chú\n"
                               "2|Nậy|Nguyễn Văn An|hai\r\ndòng\n"
                               "5|Trung Mỹ|Lê \"Bé\" Hai|có, không");
}

static void test_csv_comma_lf_sep_line(void **state)
{
    (void)state;
    seen s;
    assert_int_equal(read_bytes("b.csv", "Thôn,Số hộ\nNậy,120\n\"Phúc\nThịnh\",\n  \nBình Hòa,7", &s), TABLE_OK);
    assert_string_equal(s.out, "1|Thôn|Số hộ\n2|Nậy|120\n3|Phúc\nThịnh|\n6|Bình Hòa|7");
    /* "sep=;" names the separator even when the header has more commas. */
    assert_int_equal(read_bytes("c.csv", "sep=;\nThôn, tên;Số hộ, ước\nNậy;3\n", &s), TABLE_OK);
    assert_string_equal(s.out, "2|Thôn, tên|Số hộ, ước\n3|Nậy|3");
    /* An apostrophe put before = + - @ against formula injection is dropped once; the
     * export writes a text "'+x" as "''+x" (table_csv_formula), so that reads as "'+x". */
    assert_int_equal(read_bytes("f.csv", "a,b,c\n'=1+1,'-3,'it's\n''+x,'@home,'\n' =2,\n", &s), TABLE_OK);
    assert_string_equal(s.out, "1|a|b|c\n2|=1+1|-3|'it's\n3|'+x|@home|'\n4| =2|");
    /* The callback can stop the reading. */
    write_file("d.csv", "a\nb\nc\n", 6);
    memset(&s, 0, sizeof s);
    s.stop_after = 2;
    assert_int_equal(table_read(path, collect, &s, err, sizeof err), TABLE_STOPPED);
    assert_int_equal(s.rows, 2);
}

static void test_csv_not_utf8(void **state)
{
    (void)state;
    seen s;
    /* "Thôn Nậy" saved in Windows-1258 on line 3: ô is 0xF4 there. */
    assert_int_equal(read_bytes("w.csv", "Thôn,Chủ hộ\nNậy,An\nTh\xF4n,B\n", &s), TABLE_ERR);
    assert_int_equal(s.rows, 0);                                  /* nothing passed on */
    assert_non_null(strstr(err, "dòng 3"));
    assert_non_null(strstr(err, "CSV UTF-8"));
    ntm_lang_en = 1;
    assert_int_equal(read_bytes("w.csv", "a\r\nb\xE2\x82\r\n", &s), TABLE_ERR);  /* cut sequence */
    assert_non_null(strstr(err, "line 2"));
    assert_non_null(strstr(err, "File → Save As"));
    ntm_lang_en = 0;
    /* UTF-16 ("Unicode Text") from Excel. */
    write_file("u.csv", "\xFF\xFET\0h\0", 6);
    assert_int_equal(table_read(path, collect, &s, err, sizeof err), TABLE_ERR);
    assert_non_null(strstr(err, "CSV UTF-8"));
    /* A quote never closed would swallow the rest of the file: refused. */
    assert_int_equal(read_bytes("q.csv", "a,b\n1,\"open\n2,3\n", &s), TABLE_ERR);
    assert_non_null(strstr(err, "dòng 2"));
    /* A stray quote after a closing one would swallow the rest: refused, naming its line. */
    assert_int_equal(read_bytes("q2.csv", "a,b\n1,2\n3,\"x\"y,4\n5,6\n", &s), TABLE_ERR);
    assert_non_null(strstr(err, "dòng 3"));
    /* An old .xls (or a password-protected workbook) is named as such. */
    write_file("old.xls", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    assert_int_equal(table_read(path, collect, &s, err, sizeof err), TABLE_ERR);
    assert_non_null(strstr(err, ".xlsx"));
}

static void test_csv_limits(void **state)
{
    (void)state;
    seen s;
    size_t n = TABLE_MAX_CELL + 100;
    char *big = malloc(n + 16);
    assert_non_null(big);
    memcpy(big, "a\n", 2);
    memset(big + 2, 'x', n);
    memcpy(big + 2 + n, "\n", 2);
    assert_int_equal(read_bytes("big.csv", big, &s), TABLE_ERR);
    assert_non_null(strstr(err, "dòng 2"));
    char *wide = big;                                             /* 300 columns with a value */
    size_t o = 0;
    for (int i = 0; i < 300; i++) o += (size_t)sprintf(wide + o, "%sv", i ? "," : "");
    assert_int_equal(read_bytes("wide.csv", wide, &s), TABLE_ERR);
    assert_non_null(strstr(err, "256"));
    free(big);
}

/* An .xlsx like Excel's: header, a date cell (format dd/mm/yyyy), text with accents,
 * numbers, a boolean, a blank row, a row further down. */
static void make_xlsx(const char *name, int constant_memory)
{
    snprintf(path, sizeof path, "%s/%s", dir, name);
    lxw_workbook_options o = { .constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE };
    lxw_workbook *wb = workbook_new_opt(path, &o);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Hộ gia đình");
    workbook_add_worksheet(wb, "Khác");
    lxw_format *date = workbook_add_format(wb);
    format_set_num_format(date, "dd/mm/yyyy");
    lxw_format *iso = workbook_add_format(wb);
    format_set_num_format_index(iso, 14);
    worksheet_write_string(ws, 0, 0, "Thôn", NULL);
    worksheet_write_string(ws, 0, 1, "Hạn", NULL);
    worksheet_write_string(ws, 0, 2, "Chỉ tiêu", NULL);
    worksheet_write_string(ws, 0, 3, "Xong", NULL);
    worksheet_write_string(ws, 1, 0, "Nậy", NULL);
    lxw_datetime d1 = { 2022, 6, 30, 0, 0, 0 };
    worksheet_write_datetime(ws, 1, 1, &d1, date);
    worksheet_write_number(ws, 1, 2, 0.1 + 0.2, NULL);
    worksheet_write_boolean(ws, 1, 3, 1, NULL);
    worksheet_write_string(ws, 4, 0, "Trung Mỹ", NULL);        /* rows 3 and 4 are empty */
    lxw_datetime d2 = { 2021, 5, 30, 0, 0, 0 };
    worksheet_write_datetime(ws, 4, 1, &d2, iso);
    worksheet_write_number(ws, 4, 2, 1500, NULL);
    worksheet_write_string(ws, 4, 3, "31/02/2022", NULL);      /* a text date stays text */
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
}

static void test_xlsx_shared_and_inline_strings(void **state)
{
    (void)state;
    const char *want = "1|Thôn|Hạn|Chỉ tiêu|Xong\n2|Nậy|30/06/2022|0.3|1\n5|Trung Mỹ|30/05/2021|1500|31/02/2022";
    for (int cm = 0; cm < 2; cm++) {
        seen s = { 0 };
        make_xlsx(cm ? "inline.xlsx" : "shared.xlsx", cm);
        double t0 = fx_now_ms();
        assert_int_equal(table_read(path, collect, &s, err, sizeof err), TABLE_OK);
        printf("    %s read in %.2f ms\n", cm ? "inline strings" : "shared strings", fx_now_ms() - t0);
        assert_string_equal(s.out, want);
    }
}

/* A zip of the given parts (name, content) at path. */
static void make_zip(const char *name, const char *const *parts, int n)
{
    snprintf(path, sizeof path, "%s/%s", dir, name);
    int e;
    zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &e);
    assert_non_null(z);
    for (int i = 0; i < n; i++) {
        zip_source_t *src = zip_source_buffer(z, parts[2 * i + 1], strlen(parts[2 * i + 1]), 0);
        assert_true(zip_file_add(z, parts[2 * i], src, 0) >= 0);
    }
    assert_int_equal(zip_close(z), 0);
}

#define WB "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><workbookPr date1904=\"1\"/>" \
           "<sheets><sheet name=\"A\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>"
#define RELS "<Relationships><Relationship Id=\"rId7\" Type=\"x/worksheet\" Target=\"/xl/worksheets/s.xml\"/></Relationships>"
#define STYLES "<styleSheet><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"15\"/></cellXfs></styleSheet>"

static void test_xlsx_by_hand(void **state)
{
    (void)state;
    seen s = { 0 };
    /* Prefixed names (x:), an absolute rels target, no shared strings, the 1904 date
     * system (serial 0 = 01/01/1904), rich inline text with a phonetic run, a cell with
     * no r, and a number far right that is only formatting (empty). */
    const char *sheet = "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData>"
        "<x:row r=\"3\"><x:c r=\"B3\" s=\"1\"><x:v>43615</x:v></x:c><x:c t=\"inlineStr\"><x:is><x:r><x:t>Thôn </x:t></x:r>"
        "<x:r><x:t xml:space=\"preserve\">Nậy</x:t></x:r><x:rPh><x:t>xx</x:t></x:rPh></x:is></x:c>"
        "<x:c r=\"ZZ3\" s=\"1\"/></x:row></x:sheetData></x:worksheet>";
    const char *parts[] = { "xl/workbook.xml", WB, "xl/_rels/workbook.xml.rels", RELS, "xl/styles.xml", STYLES,
                            "xl/worksheets/s.xml", sheet };
    make_zip("hand.xlsx", parts, 4);
    assert_int_equal(table_read(path, collect, &s, err, sizeof err), TABLE_OK);
    assert_string_equal(s.out, "3||31/05/2023|Thôn Nậy");         /* 1904 system: 43615 + 1462 days */
}

static void test_xlsx_guards(void **state)
{
    (void)state;
    seen s = { 0 };
    /* A sheet that unpacks past the limit: spaces compress 1000 to 1. */
    size_t n = (size_t)TABLE_MAX_BYTES + 4096;
    char *bomb = malloc(n + 64);
    assert_non_null(bomb);
    strcpy(bomb, "<worksheet><sheetData>");
    memset(bomb + 22, ' ', n);
    strcpy(bomb + 22 + n, "</sheetData></worksheet>");
    const char *parts[] = { "xl/workbook.xml", WB, "xl/_rels/workbook.xml.rels", RELS, "xl/worksheets/s.xml", bomb };
    make_zip("bomb.xlsx", parts, 3);
    free(bomb);
    double t0 = fx_now_ms();
    assert_int_equal(table_read(path, collect, &s, err, sizeof err), TABLE_ERR);
    printf("    zip bomb refused in %.0f ms: %s\n", fx_now_ms() - t0, err);
    assert_non_null(strstr(err, "64 MB"));
    /* A DOCTYPE (the way to entity expansion) stops the parse. */
    const char *dt[] = { "xl/workbook.xml", "<!DOCTYPE w [<!ENTITY a \"aaaa\">]><workbook>&a;</workbook>" };
    make_zip("doctype.xlsx", dt, 1);
    assert_int_equal(table_read(path, collect, &s, err, sizeof err), TABLE_ERR);
    assert_non_null(strstr(err, "DOCTYPE"));
    /* A zip without a workbook (an .ods, a .docx). */
    const char *other[] = { "content.xml", "<office/>" };
    make_zip("other.xlsx", other, 1);
    assert_int_equal(table_read(path, collect, &s, err, sizeof err), TABLE_ERR);
    assert_non_null(strstr(err, "xl/workbook.xml"));
    /* A value in column 300 of row 9. */
    const char *wide[] = { "xl/workbook.xml", WB, "xl/_rels/workbook.xml.rels", RELS, "xl/worksheets/s.xml",
        "<worksheet><sheetData><row r=\"9\"><c r=\"KN9\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData></worksheet>" };
    make_zip("wide.xlsx", wide, 3);
    assert_int_equal(table_read(path, collect, &s, err, sizeof err), TABLE_ERR);
    assert_non_null(strstr(err, "dòng 9"));
    /* Broken XML names the part. */
    const char *broken[] = { "xl/workbook.xml", "<workbook><sheets>" };
    make_zip("broken.xlsx", broken, 1);
    assert_int_equal(table_read(path, collect, &s, err, sizeof err), TABLE_ERR);
    assert_non_null(strstr(err, "xl/workbook.xml"));
}

static int setup(void **s)
{
    (void)s;
    return fx_tempdir(dir, sizeof dir, "table", NULL, 0, NULL);
}

static int teardown(void **s)
{
    (void)s;
    return fx_rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv_excel_vietnamese),
        cmocka_unit_test(test_csv_comma_lf_sep_line),
        cmocka_unit_test(test_csv_not_utf8),
        cmocka_unit_test(test_csv_limits),
        cmocka_unit_test(test_xlsx_shared_and_inline_strings),
        cmocka_unit_test(test_xlsx_by_hand),
        cmocka_unit_test(test_xlsx_guards),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
