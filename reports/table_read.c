/* table_read: which reader a file needs, and the row buffer both readers fill. */
#include "reports/table_internal.h"
#include "model/files.h"
#include "model/i18n.h"
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int table_fail(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return TABLE_ERR;
}

int trow_set(table_row *r, int col, const char *s, size_t n)
{
    if (col >= TABLE_MAX_COLS) return n ? TROW_TOO_MANY_COLS : TROW_OK;   /* empty cells far right: formatting only */
    if (n > TABLE_MAX_CELL) return TROW_TOO_LONG;
    if (col >= r->ncap) {
        int cap = r->ncap ? r->ncap : 16;
        while (cap <= col) cap *= 2;
        char **c = realloc(r->cell, (size_t)cap * sizeof *c);
        if (!c) return TROW_NOMEM;
        r->cell = c;
        size_t *k = realloc(r->cap, (size_t)cap * sizeof *k);
        if (!k) return TROW_NOMEM;
        r->cap = k;
        for (int i = r->ncap; i < cap; i++) { r->cell[i] = NULL; r->cap[i] = 0; }
        r->ncap = cap;
    }
    for (; r->n <= col; r->n++) {          /* cells skipped on the way are empty */
        if (!r->cell[r->n]) {
            if (!(r->cell[r->n] = malloc(16))) return TROW_NOMEM;
            r->cap[r->n] = 16;
        }
        r->cell[r->n][0] = 0;
    }
    if (r->cap[col] < n + 1) {
        char *c = realloc(r->cell[col], n + 1);
        if (!c) return TROW_NOMEM;
        r->cell[col] = c;
        r->cap[col] = n + 1;
    }
    memcpy(r->cell[col], s, n);
    r->cell[col][n] = 0;
    return TROW_OK;
}

int trow_emit(table_row *r, long line, table_row_fn *fn, void *ctx)
{
    int any = 0;
    for (int i = 0; i < r->n && !any; i++) any = r->cell[i][strspn(r->cell[i], " \t\r\n")] != 0;
    int n = r->n;
    r->n = 0;
    if (!any) return TABLE_OK;
    if (++r->rows > TABLE_MAX_ROWS) return TABLE_ERR;
    return fn(ctx, line, n, (const char *const *)r->cell) ? TABLE_STOPPED : TABLE_OK;
}

void trow_free(table_row *r)
{
    for (int i = 0; i < r->ncap; i++) free(r->cell[i]);
    free(r->cell);
    free(r->cap);
    memset(r, 0, sizeof *r);
}

int trow_fail(int code, long line, char *err, size_t errlen)
{
    switch (code) {
    case TROW_NOMEM:
        return table_fail(err, errlen, "%s", _("Hết bộ nhớ khi đọc tệp"));
    case TROW_TOO_MANY_COLS:
        return table_fail(err, errlen, _("dòng %ld: quá nhiều cột (tối đa %d)"),
                          line, TABLE_MAX_COLS);
    case TROW_TOO_LONG:
        return table_fail(err, errlen, _("dòng %ld: một ô dài quá %d KB"),
                          line, TABLE_MAX_CELL / 1024);
    default:
        return table_fail(err, errlen, _("Tệp có quá %d dòng"), TABLE_MAX_ROWS);
    }
}

int table_read(const char *path, table_row_fn *fn, void *ctx, char *err, size_t errlen)
{
    unsigned char magic[4] = { 0 };
    FILE *f = fopen(path, "rb");
    if (!f) return table_fail(err, errlen, _("Không mở được %s: %s"), path, file_strerror(errno));
    size_t got = fread(magic, 1, sizeof magic, f);
    fclose(f);
    if (got == 4 && !memcmp(magic, "PK\3\4", 4)) return table_read_xlsx(path, fn, ctx, err, errlen);
    if (got == 4 && !memcmp(magic, "\xD0\xCF\x11\xE0", 4))
        return table_fail(err, errlen, _("%s là sổ Excel cũ (.xls) hoặc có mật khẩu: trong Excel hãy bỏ mật khẩu và chọn "
                                         "Tệp → Lưu như → \"Sổ làm việc Excel (*.xlsx)\" hoặc \"CSV UTF-8 (*.csv)\"."),
                          path);
    return table_read_csv(path, fn, ctx, err, errlen);
}
