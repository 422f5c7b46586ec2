/* csv_read: CSV through libcsv (Debian libcsv-dev). The file is read whole (at most
 * TABLE_MAX_BYTES) so its encoding can be checked before any row is passed on, then fed
 * to the parser one physical line at a time: libcsv does not say where a record began,
 * and the import names lines ("dòng 14"), also for records with newlines in quotes. */
#include "reports/table_internal.h"
#include "model/files.h"
#include "model/i18n.h"
#include "model/text.h"
#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int table_csv_formula(const char *s)
{
    s += strspn(s, "'");
    s += strspn(s, " ");
    return *s && strchr("=+-@\t\r", *s) != NULL;
}

typedef struct {
    table_row row;
    table_row_fn *fn;
    void *ctx;
    int col;                   /* next cell of the record */
    long rec_line;             /* line the record began on */
    int in_rec;                /* bytes of a record fed since the last one ended */
    int status;                /* TROW_ code, or TABLE_STOPPED / TABLE_ERR from emitting */
    long bad_line;
} csv_state;

static void on_cell(void *s, size_t len, void *data)
{
    csv_state *st = data;
    if (st->status) return;
    const char *p = s ? s : "";
    size_t n = s ? len : 0;
    /* ntm's export (and OWASP's advice against CSV formula injection) puts an apostrophe
     * before a text starting with = + - @ tab or CR: one is dropped again here. */
    if (n >= 2 && p[0] == '\'' && table_csv_formula(p + 1)) p++, n--;    /* p is NUL-terminated */
    int rc = trow_set(&st->row, st->col++, p, n);
    if (rc) { st->status = rc; st->bad_line = st->rec_line; }
}

static void on_row(int c, void *data)
{
    csv_state *st = data;
    (void)c;
    st->in_rec = 0;
    st->col = 0;
    if (st->status) return;
    int rc = trow_emit(&st->row, st->rec_line, st->fn, st->ctx);
    if (rc) { st->status = rc == TABLE_STOPPED ? TABLE_STOPPED : TABLE_ERR; st->bad_line = st->rec_line; }
}

/* End of the physical line starting at p: after its '\n', or after a lone '\r'. */
static size_t line_len(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '\n') return i + 1;
        if (p[i] == '\r' && (i + 1 == n || p[i + 1] != '\n')) return i + 1;
    }
    return n;
}

/* The line of byte off (buf is NUL-terminated past off). */
static long line_of(const char *buf, size_t off)
{
    long line = 1;
    for (size_t i = 0; i < off; i++) line += buf[i] == '\n' || (buf[i] == '\r' && buf[i + 1] != '\n');
    return line;
}

/* Only spaces and the line end: libcsv skips such a line, so no record begins on it. */
static int blank_line(const char *p, size_t len)
{
    for (size_t i = 0; i < len; i++) if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\n') return 0;
    return 1;
}

/* The separator: the most frequent of , ; tab outside quotes in the first line that has
 * any (a title typed alone on the first lines, as above a criteria set's table, has none). */
static unsigned char guess_delim(const char *p, size_t n)
{
    int comma = 0, semi = 0, tab = 0, quoted = 0, lines = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '"') quoted = !quoted;
        else if (!quoted && (p[i] == '\n' || p[i] == '\r')) {
            if (comma || semi || tab || ++lines == 20) break;
        } else if (!quoted) comma += p[i] == ',', semi += p[i] == ';', tab += p[i] == '\t';
    }
    if (semi > comma && semi >= tab) return ';';
    if (tab > comma && tab > semi) return '\t';
    return ',';
}

static int not_utf8(const char *path, long line, char *err, size_t errlen)
{
    return table_fail(err, errlen,
        L("%s không phải văn bản UTF-8 (dòng %ld có ký tự lạ; có thể tệp lưu bằng bảng mã Windows-1258/1252 hoặc "
          "\"Unicode Text\"). Trong Excel hãy chọn Tệp → Lưu như → kiểu tệp \"CSV UTF-8 (Comma delimited) (*.csv)\" "
          "rồi nhập lại tệp đó.",
          "%s is not UTF-8 text (line %ld has a stray byte; the file was perhaps saved as Windows-1258/1252 or "
          "\"Unicode Text\"). In Excel choose File → Save As → file type \"CSV UTF-8 (Comma delimited) (*.csv)\" "
          "and import that file."), path, line);
}

static char *slurp(const char *path, size_t *n, char *err, size_t errlen)
{
    struct stat sb;
    FILE *f = fopen(path, "rb");
    if (!f) { table_fail(err, errlen, L("Không mở được %s: %s", "Cannot open %s: %s"), path, file_strerror(errno)); return NULL; }
    if (fstat(fileno(f), &sb) || !S_ISREG(sb.st_mode) || sb.st_size > TABLE_MAX_BYTES) {
        fclose(f);
        table_fail(err, errlen, L("%s: không phải tệp thường hoặc lớn quá %ld MB", "%s: not a regular file, or larger than %ld MB"),
                   path, TABLE_MAX_BYTES / (1024 * 1024));
        return NULL;
    }
    char *buf = malloc((size_t)sb.st_size + 1);
    *n = buf ? fread(buf, 1, (size_t)sb.st_size, f) : 0;
    fclose(f);
    if (!buf) { table_fail(err, errlen, "%s", L("Hết bộ nhớ", "Out of memory")); return NULL; }
    buf[*n] = 0;
    return buf;
}

static int parse(const char *path, const char *p, size_t n, long first_line, unsigned char delim,
                 table_row_fn *fn, void *ctx, char *err, size_t errlen)
{
    struct csv_parser cp;
    /* Strict: without it a stray quote after a closing one ("b"c) swallows the rest of
     * the file into one cell; Excel always writes well-formed quoting. */
    if (csv_init(&cp, CSV_APPEND_NULL | CSV_STRICT | CSV_STRICT_FINI)) return table_fail(err, errlen, "%s", L("Hết bộ nhớ", "Out of memory"));
    csv_set_delim(&cp, delim);
    csv_state st = { .fn = fn, .ctx = ctx };
    long line = first_line, bad = 0;
    for (size_t i = 0; i < n && !st.status; line++) {
        size_t len = line_len(p + i, n - i);
        if (!st.in_rec && !blank_line(p + i, len)) {
            st.in_rec = 1;
            st.rec_line = line;
        }
        if (csv_parse(&cp, p + i, len, on_cell, on_row, &st) != len) { bad = line; break; }
        i += len;
    }
    int perr = st.status ? 0 : csv_error(&cp), open_quote = 0;
    if (!st.status && !perr && csv_fini(&cp, on_cell, on_row, &st) != 0) perr = csv_error(&cp), open_quote = 1;
    csv_free(&cp);
    trow_free(&st.row);
    if (st.status == TABLE_STOPPED) return TABLE_STOPPED;
    if (st.status == TABLE_ERR) return trow_fail(0, st.bad_line, err, errlen);
    if (st.status) return trow_fail(st.status, st.bad_line, err, errlen);
    if (perr == CSV_EPARSE && open_quote)
        return table_fail(err, errlen, L("%s, dòng %ld: dấu ngoặc kép mở mà không đóng đến hết tệp",
                                         "%s, line %ld: a quote opened and never closed up to the end of the file"),
                          path, st.rec_line);
    if (perr == CSV_EPARSE)
        return table_fail(err, errlen, L("%s, dòng %ld: dấu ngoặc kép (\") sai chỗ. Ô có dấu \" phải nằm trong ngoặc kép, "
                                         "dấu \" bên trong viết hai lần (\"\"), như Excel vẫn ghi",
                                         "%s, line %ld: a quote (\") out of place. A cell with a \" in it must be quoted and "
                                         "the \" inside doubled (\"\"), as Excel writes it"), path, bad);
    if (perr) return table_fail(err, errlen, "%s: %s", path, csv_strerror(perr));
    return TABLE_OK;
}

int table_read_csv(const char *path, table_row_fn *fn, void *ctx, char *err, size_t errlen)
{
    size_t n = 0;
    char *buf = slurp(path, &n, err, errlen);
    if (!buf) return TABLE_ERR;
    const char *p = buf;
    if (n >= 2 && ((unsigned char)p[0] == 0xFF || (unsigned char)p[0] == 0xFE) &&
        ((unsigned char)p[1] == 0xFE || (unsigned char)p[1] == 0xFF) && p[0] != p[1]) {
        free(buf);
        return not_utf8(path, 1, err, errlen);                 /* UTF-16 ("Unicode Text") */
    }
    if (n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3)) p += 3, n -= 3;
    size_t ok = text_utf8_valid_len(p, n);
    if (ok < n) {
        long line = line_of(p, ok);
        free(buf);
        return not_utf8(path, line, err, errlen);
    }
    long first_line = 1;
    unsigned char delim;
    size_t l0 = line_len(p, n);
    if (n >= 5 && !strncmp(p, "sep=", 4) && (l0 == 5 || (l0 >= 6 && (p[5] == '\r' || p[5] == '\n')))) {
        delim = (unsigned char)p[4];
        p += l0, n -= l0, first_line = 2;
    } else {
        delim = guess_delim(p, n);
    }
    int rc = parse(path, p, n, first_line, delim, fn, ctx, err, errlen);
    free(buf);
    return rc;
}
