/* export_ui: x on a list writes what the list shows (its filter, search and order) to a
 * CSV or XLSX file in [output] pdf_dir: asks the format (default [output] export_format),
 * never replaces an earlier file, and shows the path in the status line.
 *
 * Each list screen says what it holds in a list_export (its export op): the rows of a data set by id
 * (tasks, units, households: the columns `ntm export` writes and `ntm import` reads), or
 * a table of its own (organisations, people, campaigns, a task's history, tours, the
 * dashboard's ranking) written row by row by the screen. */
#ifndef NTM_EXPORT_UI_H
#define NTM_EXPORT_UI_H
#include "tui/screen.h"
#include "reports/export_data.h"

typedef struct list_export list_export;
struct list_export {
    int kind;                   /* EXPORT_TASKS, EXPORT_UNITS, EXPORT_HOUSEHOLDS; -1: own table */
    int64_t *ids;               /* malloc'd by the screen (freed by export_list), in screen order */
    int n;
    char stem[64];              /* file name: <stem>-<unit1>-<unit2>-<yyyymmdd>.<ext> */
    int64_t unit1, unit2;       /* units whose names go into the file name (0: none) */
    /* own table: */
    const char *sheet;
    const export_col *cols;
    int ncols;
    int (*rows)(screen *s, tui *t, export_file *f);   /* every shown row; 0 or -1 (f failed) */
};

/* The x action on any list screen (through its export op); returns flags. */
int export_list(tui *t, screen *s);

/* The data rows shown, in order (lv.idx), as ids: ids_of(lv, get, ctx) with get(ctx,
 * row) giving a row's id (rows with id 0 are left out). NULL when out of memory. */
int64_t *export_ids(const listview *lv, int64_t (*get)(void *ctx, int row), void *ctx, int *n);
#endif
