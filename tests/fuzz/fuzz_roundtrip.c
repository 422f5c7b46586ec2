/* fuzz_roundtrip: what ntm exports, ntm imports back (reports/export_cols.h promises it).
 * The input is a table: rows split by \x02, cells by \x01 (at most 6 columns, 40 rows),
 * after a first byte whose low bit picks CSV (0) or XLSX (1). It is written through
 * reports/export.h as text cells under the headers A-F, into a folder on tmpfs, and read
 * back with table_read. Property: the header comes back, then every row that is not
 * all blank, each cell exactly as the export cleaned it (control characters out), with
 * no apostrophe left of those the CSV writer puts before = + - @ and the reader drops. */
#include "tests/fuzz/fuzz_common.h"
#include "reports/export.h"
#include "reports/table_read.h"

#define FZR_COLS 6
#define FZR_ROWS 40

static char fzr_dir[256];

static void fzr_cleanup(void)
{
    char p[300];
    snprintf(p, sizeof p, "%s/t.csv", fzr_dir); unlink(p);
    snprintf(p, sizeof p, "%s/t.xlsx", fzr_dir); unlink(p);
    rmdir(fzr_dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    fz_mkdtemp(fzr_dir, sizeof fzr_dir);
    atexit(fzr_cleanup);
    return 0;
}

typedef struct { char *want[FZR_ROWS + 1][FZR_COLS]; int nrows, got; } fzr_table;

/* What the reader must give back for text s: the text as the export cleans it (control
 * characters out), with no apostrophe. export_csv_cell("x" + s) is "x" and that. */
static char *fzr_expected(const char *s)
{
    char *x = malloc(strlen(s) + 2);
    if (!x) abort();
    x[0] = 'x';
    strcpy(x + 1, s);
    char *c = export_csv_cell(x);
    free(x);
    if (!c || c[0] != 'x') abort();
    memmove(c, c + 1, strlen(c));
    return c;
}

static int fzr_blank(char *const *cells)
{
    for (int i = 0; i < FZR_COLS; i++) if (cells[i][strspn(cells[i], " \t\r\n")]) return 0;
    return 1;
}

static int fzr_row(void *ctx, long line, int n, const char *const *cells)
{
    fzr_table *t = ctx;
    while (t->got < t->nrows && fzr_blank(t->want[t->got])) t->got++;     /* blank rows are skipped */
    FZ_CHECK(t->got < t->nrows, "line %ld: a row more than written", line);
    char *const *want = t->want[t->got++];
    for (int i = 0; i < FZR_COLS || i < n; i++) {
        const char *w = i < FZR_COLS ? want[i] : "", *g = i < n ? cells[i] : "";
        FZ_CHECK(!strcmp(w, g), "line %ld, cell %d: wrote \"%s\", read \"%s\"", line, i, w, g);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!fzr_dir[0]) LLVMFuzzerInitialize(NULL, NULL);
    if (size < 1) return 0;
    static const export_col cols[FZR_COLS] = {
        { "A", EXPORT_TEXT }, { "B", EXPORT_TEXT }, { "C", EXPORT_TEXT },
        { "D", EXPORT_TEXT }, { "E", EXPORT_TEXT }, { "F", EXPORT_TEXT },
    };
    int xlsx = data[0] & 1;
    char path[300], err[1024];
    snprintf(path, sizeof path, "%s/t.%s", fzr_dir, xlsx ? "xlsx" : "csv");
    char *text = fz_str(data + 1, size - 1);
    fzr_table t = { .nrows = 1 };
    for (int c = 0; c < FZR_COLS; c++) t.want[0][c] = strdup(cols[c].header);
    export_file *f = export_open(path, "S", cols, FZR_COLS, 0, err, sizeof err);     /* writes the header */
    FZ_CHECK(f, "export_open: %s", err);
    char *row = text;
    for (int r = 1; r <= FZR_ROWS && row; r++, t.nrows++) {
        char *next = strchr(row, '\x02');
        if (next) *next++ = 0;
        char *cell = row;
        for (int c = 0; c < FZR_COLS; c++) {
            char *end = cell ? strchr(cell, '\x01') : NULL;
            if (end) *end = 0;
            export_text(f, cell ? cell : "");
            t.want[r][c] = fzr_expected(cell ? cell : "");
            cell = end ? end + 1 : NULL;
        }
        FZ_CHECK(export_row_end(f) == 0, "export_row_end");
        row = next;
    }
    FZ_CHECK(export_close(f, NULL, 0, err, sizeof err) == 0, "export_close: %s", err);
    int rc = table_read(path, fzr_row, &t, err, sizeof err);
    FZ_CHECK(rc == TABLE_OK, "read back: %d %s", rc, err);
    while (t.got < t.nrows && fzr_blank(t.want[t.got])) t.got++;
    FZ_CHECK(t.got == t.nrows, "%d rows written, %d read", t.nrows, t.got);
    for (int r = 0; r < t.nrows; r++)
        for (int c = 0; c < FZR_COLS; c++) free(t.want[r][c]);
    free(text);
    return 0;
}
