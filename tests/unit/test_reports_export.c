/* The export writers (reports/export.c, export_csv.c, export_xlsx.c) and the data sets
 * (export_data.c over model/dataset.c): CSV bytes exactly (BOM, CRLF, RFC 4180 quoting,
 * formula neutralising, control characters dropped), a Vietnamese round trip through
 * python3's csv module, XLSX read back by xlsx2csv and its parts checked with python3's
 * zipfile (frozen bold header, autofilter, widths, date and percent formats), the atomic
 * rename (an abandoned export leaves the old file and no temporary file), a symlink
 * refused, EXPORT_UNIQUE names, and the demo's tasks of thôn Nậy as the database has them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "config/config.h"
#include "model/filter.h"
#include "model/unit.h"
#include "reports/export_data.h"
#include "tests/unit/fixture.h"

static const export_col COLS[] = {
    { "Nội dung", EXPORT_TEXT }, { "Chỉ tiêu", EXPORT_NUMBER }, { "Số", EXPORT_INT },
    { "Tỷ lệ", EXPORT_PERCENT }, { "Hạn", EXPORT_DATE }, { "Lúc", EXPORT_DATETIME },
};
enum { NCOLS = sizeof COLS / sizeof COLS[0] };

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = calloc(1, 1 << 20);
    size_t n = fread(buf, 1, (1 << 20) - 1, f);
    fclose(f);
    if (len) *len = n;
    return buf;
}

/* The output of a command (at most 64 KB). */
static char *run(const char *fmt, ...)
{
    char cmd[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    FILE *p = popen(cmd, "r");
    if (!p) return NULL;
    char *buf = calloc(1, 1 << 16);
    size_t n = fread(buf, 1, (1 << 16) - 1, p);
    buf[n] = 0;
    pclose(p);
    return buf;
}

/* One row of the table of COLS. */
static void row(export_file *f, const char *text, double num, long long i, double pct, const char *date, const char *when)
{
    export_text(f, text);
    export_number(f, num);
    export_int(f, i);
    export_percent(f, pct);
    export_date(f, date);
    export_datetime(f, when);
    assert_int_equal(export_row_end(f), 0);
}

static void test_csv_bytes(void **s)
{
    (void)s;
    char dir[64], path[128], err[512], final[256];
    assert_int_equal(fx_tempdir(dir, sizeof dir, "export", path, sizeof path, "a.csv"), 0);
    export_file *f = export_open(path, "x", COLS, NCOLS, 0, err, sizeof err);
    assert_non_null(f);
    row(f, "Hàng rào xanh, thôn Nậy", 1.4, 33, 0.7, "2021-06-03", "2022-06-20 08:05:09");
    row(f, "anh \"Vị\"", 0, -2, 1, "", "");
    row(f, "=HYPERLINK(\"http://x\")", 715, 0, 0.125, "bad", "2022-06-20");
    row(f, "  +84 912", 2.5e-1, 1, 0, "2021-02-30", NULL);
    export_text(f, "-1+1"); export_blank(f); export_blank(f); export_blank(f); export_blank(f); export_blank(f);
    assert_int_equal(export_row_end(f), 0);
    export_text(f, "@SUM(A1)\tdòng 1\r\ndòng 2\x01\x7f\xc2\x85 hết");
    assert_int_equal(export_row_end(f), 0);               /* missing cells stay empty */
    export_text(f, "bad \xff byte");
    assert_int_equal(export_row_end(f), 0);
    assert_int_equal(export_rows(f), 7);
    assert_int_equal(export_close(f, final, sizeof final, err, sizeof err), 0);
    assert_string_equal(final, path);
    const char *want =
        "\xEF\xBB\xBF" "Nội dung,Chỉ tiêu,Số,Tỷ lệ,Hạn,Lúc\r\n"
        "\"Hàng rào xanh, thôn Nậy\",1.4,33,70%,03/06/2021,20/06/2022 08:05\r\n"
        "\"anh \"\"Vị\"\"\",0,-2,100%,,\r\n"
        "\"'=HYPERLINK(\"\"http://x\"\")\",715,0,13%,,\r\n"
        "\"'  +84 912\",0.25,1,0%,,\r\n"
        "\"'-1+1\",,,,,\r\n"
        "\"'@SUM(A1) dòng 1  dòng 2 hết\",,,,,\r\n"
        "bad \xEF\xBF\xBD byte,,,,,\r\n";
    size_t n;
    char *got = slurp(path, &n);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
    /* the same cleaning, as a function */
    char *c = export_csv_cell(" =1+2\n");
    assert_string_equal(c, "' =1+2 ");
    free(c);
    fx_rmdir(dir);
}

static void test_csv_python_reads_vietnamese(void **s)
{
    (void)s;
    static const char *const texts[] = {
        "Thôn Nậy hoàn thành 2 km hàng rào xanh", "Đường trục thôn Thiên Nhẫn-Tân Thịnh dài 715m",
        "ắ ằ ẳ ẵ ặ Ắ Ằ Ẳ Ẵ Ặ đ Đ ư Ư ơ Ơ", "Hội Phụ nữ, Đoàn Thanh niên", "\"3 sạch\": nhà, vườn, ngõ",
        "=1+2", "Trần Ngọc Anh",
    };
    enum { N = sizeof texts / sizeof texts[0] };
    char dir[64], path[128], err[512];
    assert_int_equal(fx_tempdir(dir, sizeof dir, "export", path, sizeof path, "vi.csv"), 0);
    export_file *f = export_open(path, "x", COLS, NCOLS, 0, err, sizeof err);
    assert_non_null(f);
    for (int i = 0; i < N; i++) row(f, texts[i], i + 0.5, i, i / 10.0, "2021-06-30", "2021-06-30 15:30");
    assert_int_equal(export_close(f, NULL, 0, err, sizeof err), 0);
    char *out = run("python3 -c 'import csv,sys\n"
                    "rows = list(csv.reader(open(sys.argv[1], encoding=\"utf-8-sig\", newline=\"\")))\n"
                    "for r in rows: print(\"|\".join(r))' %s", path);
    assert_non_null(out);
    char want[8192];
    size_t len = (size_t)snprintf(want, sizeof want, "Nội dung|Chỉ tiêu|Số|Tỷ lệ|Hạn|Lúc\n");
    for (int i = 0; i < N; i++)
        len += (size_t)snprintf(want + len, sizeof want - len, "%s%s|%g|%d|%d%%|30/06/2021|30/06/2021 15:30\n",
                                texts[i][0] == '=' ? "'" : "", texts[i], i + 0.5, i, i * 10);
    assert_string_equal(out, want);
    free(out);
    fx_rmdir(dir);
}

static void test_xlsx(void **s)
{
    (void)s;
    char dir[64], path[128], err[512];
    assert_int_equal(fx_tempdir(dir, sizeof dir, "export", path, sizeof path, "a.xlsx"), 0);
    export_file *f = export_open(path, "Đầu việc: [thôn]/Nậy", COLS, NCOLS, 0, err, sizeof err);
    assert_non_null(f);
    row(f, "Thôn Nậy hoàn thành 2 km hàng rào xanh, ắ ằ ẳ ẵ", 1.4, 33, 0.7, "2021-06-30", "2022-06-20 15:30");
    row(f, "=1+2", 0, 0, 1, "", "");
    assert_int_equal(export_close(f, NULL, 0, err, sizeof err), 0);
    /* xlsx2csv: text as text (a formula-looking one too), numbers as numbers, the date as a date */
    char *out = run("xlsx2csv -d ',' %s", path);
    assert_non_null(out);
    assert_string_equal(out, "Nội dung,Chỉ tiêu,Số,Tỷ lệ,Hạn,Lúc\n"
                             "\"Thôn Nậy hoàn thành 2 km hàng rào xanh, ắ ằ ẳ ẵ\",1.4,33,0.7,30/06/2021,20/06/2022 15:30\n"
                             "=1+2,0,0,1,,\n");
    free(out);
    /* the parts: frozen header, autofilter over every row, widths, formats, bold, the sheet
     * name cleaned, the date stored as Excel's day number (30/06/2021 = 44377) */
    out = run("python3 -c 'import zipfile,re,sys\n"
              "z = zipfile.ZipFile(sys.argv[1]); s = z.read(\"xl/worksheets/sheet1.xml\").decode()\n"
              "st = z.read(\"xl/styles.xml\").decode(); wb = z.read(\"xl/workbook.xml\").decode()\n"
              "print(\"frozen\" if re.search(r\"<pane ySplit=\\\"1\\\"[^>]*state=\\\"frozen\\\"\", s) else \"-\")\n"
              "print(re.search(r\"<autoFilter ref=\\\"([^\\\"]+)\\\"\", s).group(1))\n"
              "print(len(re.findall(r\"<col \", s)))\n"
              "print(\"pct\" if \"formatCode=\\\"0%%\\\"\" in st else \"-\", \"date\" if \"dd/mm/yyyy\\\"\" in st else \"-\", \"bold\" if \"<b/>\" in st else \"-\")\n"
              "print(re.search(r\"<sheet name=\\\"([^\\\"]+)\\\"\", wb).group(1))\n"
              "print(re.search(r\"<c r=\\\"E2\\\"[^>]*><v>([^<]+)</v>\", s).group(1))' %s", path);
    assert_non_null(out);
    assert_string_equal(out, "frozen\nA1:F3\n6\npct date bold\nĐầu việc- -thôn--Nậy\n44377\n");
    free(out);
    fx_rmdir(dir);
}

static int hidden_files(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d)); ) n += e->d_name[0] == '.' && strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    if (d) closedir(d);
    return n;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void test_atomic_and_symlink(void **s)
{
    (void)s;
    char dir[64], path[128], link[160], err[512];
    assert_int_equal(fx_tempdir(dir, sizeof dir, "export", path, sizeof path, "keep.csv"), 0);
    write_file(path, "good");
    for (int fmt = 0; fmt < 2; fmt++) {            /* an abandoned export: the old file stays */
        char p[160];
        snprintf(p, sizeof p, "%s/keep.%s", dir, fmt ? "xlsx" : "csv");
        if (fmt) write_file(p, "good");
        export_file *f = export_open(p, "x", COLS, NCOLS, 0, err, sizeof err);
        assert_non_null(f);
        row(f, "half", 1, 1, 1, "", "");
        assert_int_equal(hidden_files(dir), 1);     /* the work goes to a hidden temporary file */
        export_abort(f);
        char *got = slurp(p, NULL);
        assert_string_equal(got, "good");
        free(got);
        assert_int_equal(hidden_files(dir), 0);
    }
    /* a symlink at the destination is refused, its target untouched */
    snprintf(link, sizeof link, "%s/link.csv", dir);
    assert_int_equal(symlink(path, link), 0);
    assert_null(export_open(link, "x", COLS, NCOLS, 0, err, sizeof err));
    assert_non_null(strstr(err, "symlink"));
    char *got = slurp(path, NULL);
    assert_string_equal(got, "good");
    free(got);
    /* not .csv or .xlsx */
    assert_null(export_open("/tmp/x.txt", "x", COLS, NCOLS, 0, err, sizeof err));
    assert_non_null(strstr(err, ".xlsx"));
    assert_int_equal(export_format_of("A.CSV"), EXPORT_FMT_CSV);
    assert_int_equal(export_format_of("d/b.Xlsx"), EXPORT_FMT_XLSX);
    assert_int_equal(export_format_of("d.xlsx/b"), EXPORT_FMT_NONE);
    assert_int_equal(export_format_of(".csv"), EXPORT_FMT_NONE);
    assert_int_equal(export_format_of("b.xls"), EXPORT_FMT_NONE);
    /* a folder that cannot be made */
    snprintf(link, sizeof link, "%s/keep.csv/sub/a.csv", dir);
    assert_null(export_open(link, "x", COLS, NCOLS, 0, err, sizeof err));
    fx_rmdir(dir);
}

static void test_unique_names(void **s)
{
    (void)s;
    char dir[64], path[128], err[512], final[3][256];
    assert_int_equal(fx_tempdir(dir, sizeof dir, "export", path, sizeof path, "dau-viec-20220620.csv"), 0);
    for (int i = 0; i < 3; i++) {
        export_file *f = export_open(path, "x", COLS, NCOLS, EXPORT_UNIQUE, err, sizeof err);
        assert_non_null(f);
        char text[32];
        snprintf(text, sizeof text, "lần %d", i + 1);
        row(f, text, i, i, 0, "", "");
        assert_int_equal(export_close(f, final[i], sizeof final[i], err, sizeof err), 0);
    }
    char want[256];
    assert_string_equal(final[0], path);
    snprintf(want, sizeof want, "%s/dau-viec-20220620-2.csv", dir);
    assert_string_equal(final[1], want);
    snprintf(want, sizeof want, "%s/dau-viec-20220620-3.csv", dir);
    assert_string_equal(final[2], want);
    for (int i = 0; i < 3; i++) {                  /* each kept its own rows */
        char *got = slurp(final[i], NULL), text[32];
        snprintf(text, sizeof text, "lần %d,", i + 1);
        assert_non_null(strstr(got, text));
        free(got);
    }
    assert_int_equal(hidden_files(dir), 0);
    fx_rmdir(dir);
}

/* The demo's tasks of thôn Nậy: every one, with the numbers the database has. */
static void test_dataset_tasks(void **s)
{
    (void)s;
    char dir[64], dbp[128], err[1024], path[256];
    assert_int_equal(fx_demo(dir, sizeof dir, "export", dbp, sizeof dbp, "d.db", err, sizeof err), 0);
    ntm_db *db;
    assert_int_equal(db_open(&db, dbp, 0, 1000, err, sizeof err), DB_OK);
    ds_scope sc = { 0 };
    assert_int_equal(unit_find(db, 'c', 0, "an hoa thinh", &sc.commune_id), DB_OK);
    assert_int_equal(unit_find(db, 'h', sc.commune_id, "nay", &sc.hamlet_id), DB_OK);
    snprintf(path, sizeof path, "%s/nay.csv", dir);
    export_result res;
    assert_int_equal(export_dataset(db, EXPORT_TASKS, &sc, path, 0, &res, err, sizeof err), 0);
    long n = fx_sql_ll(db_handle(db), "SELECT count(*) FROM task WHERE hamlet_id = %lld", (long long)sc.hamlet_id);
    assert_true(n > 3);
    assert_int_equal(res.rows, n);
    char *out = run("python3 -c 'import csv,sys\n"
                    "rows = list(csv.reader(open(sys.argv[1], encoding=\"utf-8-sig\", newline=\"\")))\n"
                    "print(len(rows) - 1)\n"
                    "r = [r for r in rows if r[3] == \"Thôn Nậy hoàn thành 2 km hàng rào xanh\"][0]\n"
                    "print(\"|\".join(r[1:3] + r[7:14]))' %s", path);
    assert_non_null(out);
    char want[512];
    long late = fx_sql_ll(db_handle(db), "SELECT julianday('2022-06-20') - julianday('2021-06-03')");
    snprintf(want, sizeof want, "%ld\nAn Hòa Thịnh|Nậy|2|km|1.4|70%%|03/06/2021|Đang làm|%ld\n", n, late);
    assert_string_equal(out, want);
    free(out);
    /* by ids, in the caller's order; only the overdue ones with --state overdue */
    int64_t ids[2] = { fx_sql_ll(db_handle(db), "SELECT max(id) FROM task WHERE hamlet_id = %lld", (long long)sc.hamlet_id),
                       fx_sql_ll(db_handle(db), "SELECT min(id) FROM task WHERE hamlet_id = %lld", (long long)sc.hamlet_id) };
    snprintf(path, sizeof path, "%s/ids.csv", dir);
    assert_int_equal(export_dataset_ids(db, EXPORT_TASKS, ids, 2, path, 0, &res, err, sizeof err), 0);
    assert_int_equal(res.rows, 2);
    out = run("python3 -c 'import csv,sys\n"
              "for r in list(csv.reader(open(sys.argv[1], encoding=\"utf-8-sig\")))[1:]: print(r[14])' %s", path);
    char *u1 = fx_sql_str(db_handle(db), "SELECT uuid FROM task WHERE id = %lld", (long long)ids[0]);
    char *u2 = fx_sql_str(db_handle(db), "SELECT uuid FROM task WHERE id = %lld", (long long)ids[1]);
    snprintf(want, sizeof want, "%s\n%s\n", u1, u2);
    assert_string_equal(out, want);
    free(out); free(u1); free(u2);
    sc.state = TQ_OVERDUE;
    snprintf(path, sizeof path, "%s/late.xlsx", dir);
    assert_int_equal(export_dataset(db, EXPORT_TASKS, &sc, path, 0, &res, err, sizeof err), 0);
    assert_int_equal(res.rows, fx_sql_ll(db_handle(db), "SELECT count(*) FROM task WHERE hamlet_id = %lld "
                                         "AND status = 'open' AND deadline < '2022-06-20'", (long long)sc.hamlet_id));
    /* every data set of the commune opens and has a row per record */
    sc.hamlet_id = 0; sc.state = 0;
    for (int k = 0; k < EXPORT_NKINDS; k++) {
        snprintf(path, sizeof path, "%s/%s.csv", dir, export_kind_name(k));
        assert_int_equal(export_dataset(db, k, &sc, path, 0, &res, err, sizeof err), 0);
        assert_true(res.rows > 0 || k == EXPORT_HOUSEHOLDS);
    }
    db_close(db);
    fx_rmdir(dir);
}

int main(void)
{
    setenv("NTM_TODAY", "2022-06-20", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv_bytes),
        cmocka_unit_test(test_csv_python_reads_vietnamese),
        cmocka_unit_test(test_xlsx),
        cmocka_unit_test(test_atomic_and_symlink),
        cmocka_unit_test(test_unique_names),
        cmocka_unit_test(test_dataset_tasks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
