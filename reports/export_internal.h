/* export_internal: what export.c shares with its two back ends (export_csv.c,
 * export_xlsx.c). Not for other modules: they use export.h. */
#ifndef NTM_EXPORT_INTERNAL_H
#define NTM_EXPORT_INTERNAL_H
#include "reports/export.h"
#include "config/config.h"
#include <stdio.h>

/* One cell as a back end receives it: the column's type says which fields count. Text
 * is already cleaned (valid UTF-8, no control characters); an empty cell has empty 1. */
typedef struct export_value {
    int type, empty;
    const char *text;
    double num;
    int y, mo, d, h, mi, s;
} export_value;

struct export_ops {
    /* Start writing the temporary file (f->tmp; f->fd is open on it) and its header. */
    int  (*begin)(export_file *f, const char *sheet);
    /* Cell f->col of row f->rows + 1 (the header is row 0). */
    void (*cell)(export_file *f, const export_value *v);
    void (*row_end)(export_file *f);
    /* Write everything out and close the temporary file (0 or -1 with export_fail). */
    int  (*finish)(export_file *f);
    /* Release the back end after a failure (the temporary file is removed by export.c). */
    void (*drop)(export_file *f);
};
extern const struct export_ops export_csv_ops, export_xlsx_ops;

struct export_file {
    const struct export_ops *ops;
    const export_col *cols;
    int ncols, col, flags, fd;
    long rows;
    int failed;
    char err[640];
    int *width;                     /* per column: the widest cell, in characters */
    char path[NTM_PATH_MAX], dir[NTM_PATH_MAX], tmp[NTM_PATH_MAX + 32];
    void *be;                       /* the back end's own state */
};

/* Record the first failure (printf-style message); later ones are dropped. */
void export_fail(export_file *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Characters (code points) in a UTF-8 string, for column widths. */
int  export_width(const char *s);
#endif
