/* fuzz_table: what the table readers' harnesses (fuzz_csv, fuzz_xlsx) check of every
 * row a reader hands over. */
#ifndef NTM_FUZZ_TABLE_H
#define NTM_FUZZ_TABLE_H
#include "tests/fuzz/fuzz_common.h"
#include "reports/table_read.h"

typedef struct { long last_line; int rows, stop_at; } fz_seen;

/* What every table reader must hand over (the XLSX harness uses it too, with
 * increasing 0: Excel's row numbers may come in any order). */
static inline int fz_table_row(fz_seen *s, long line, int n, const char *const *cells, int increasing)
{
    FZ_CHECK(n >= 1 && n <= TABLE_MAX_COLS, "line %ld: %d cells", line, n);
    FZ_CHECK(!increasing || (line >= 1 && line > s->last_line), "line %ld after %ld", line, s->last_line);
    int any = 0;
    for (int i = 0; i < n; i++) {
        FZ_CHECK(cells[i] != NULL, "line %ld: cell %d NULL", line, i);
        size_t len = strlen(cells[i]);
        FZ_CHECK(len <= TABLE_MAX_CELL, "line %ld: cell %d of %zu bytes", line, i, len);
        FZ_CHECK(text_valid_utf8(cells[i]), "line %ld: cell %d not UTF-8", line, i);
        any |= cells[i][strspn(cells[i], " \t\r\n")] != 0;
    }
    FZ_CHECK(any, "line %ld: a blank row passed on", line);
    s->last_line = line;
    return ++s->rows == s->stop_at;
}
#endif
