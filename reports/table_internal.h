/* table_internal: what the CSV and XLSX readers share: one row's cells, grown as they
 * arrive, and the messages for the limits. Private to reports/table_read.c,
 * reports/csv_read.c and reports/xlsx_read.c. */
#ifndef NTM_TABLE_INTERNAL_H
#define NTM_TABLE_INTERNAL_H
#include "reports/table_read.h"

typedef struct {
    char **cell;               /* cell[i] malloc'd, NUL-terminated */
    size_t *cap;               /* bytes allocated for cell[i] */
    int n, ncap;               /* cells in this row; allocated slots */
    long rows;                 /* rows emitted so far */
} table_row;

enum { TROW_OK = 0, TROW_NOMEM = -1, TROW_TOO_MANY_COLS = -2, TROW_TOO_LONG = -3 };

/* Set cell col (earlier missing cells become "") to s[0..n). */
int  trow_set(table_row *r, int col, const char *s, size_t n);
/* Pass the row to fn unless every cell is empty (or only spaces), then empty it.
 * TABLE_OK, TABLE_STOPPED when fn asked to stop, TABLE_ERR past TABLE_MAX_ROWS. */
int  trow_emit(table_row *r, long line, table_row_fn *fn, void *ctx);
void trow_free(table_row *r);
/* The message for a TROW_ code (or too many rows) at line, into err; returns TABLE_ERR. */
int  trow_fail(int code, long line, char *err, size_t errlen);
/* A message into err; returns TABLE_ERR. */
int  table_fail(char *err, size_t errlen, const char *fmt, ...);
#endif
