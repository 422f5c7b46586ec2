/* export: a table written to a CSV or an XLSX file, one row at a time, whatever fills it
 * (the data sets of export_data.h, or a TUI list as shown). Two back ends behind one
 * interface: CSV (RFC 4180, UTF-8 with BOM, CRLF, formula injection neutralised) and
 * XLSX through libxlsxwriter (bold frozen header row, autofilter, widths from the
 * content, dates as dates, numbers as numbers, percentages with a % format).
 *
 * The file is written to a hidden temporary file in the destination folder and renamed
 * into place only when complete: a failed or interrupted export never leaves half a
 * file, and never replaces a good one. A symlink at the destination is refused. */
#ifndef NTM_EXPORT_H
#define NTM_EXPORT_H
#include "reports/export_cols.h"
#include <stddef.h>

enum export_format { EXPORT_FMT_NONE = -1, EXPORT_FMT_CSV = 0, EXPORT_FMT_XLSX = 1 };

/* The format named by the path's extension (.csv, .xlsx, any case), else EXPORT_FMT_NONE. */
int  export_format_of(const char *path);
const char *export_format_ext(int format);              /* "csv", "xlsx" */

enum {
    EXPORT_UNIQUE = 1      /* never replace a file: "name.csv" taken -> "name-2.csv", "-3"... */
};

typedef struct export_file export_file;

/* Open an export to path (its folder is created when missing), in the format of its
 * extension, and write the header row of cols. sheet: the XLSX sheet name (cut to
 * Excel's 31 characters). NULL with a message in err. */
export_file *export_open(const char *path, const char *sheet, const export_col *cols, int ncols,
                         int flags, char *err, size_t errlen);

/* The next cell of the current row (cells past the header's columns are ignored). Text
 * is cleaned of control characters; an empty or NULL text is an empty cell. */
void export_text(export_file *f, const char *s);
void export_number(export_file *f, double v);
void export_int(export_file *f, long long v);
void export_percent(export_file *f, double ratio);       /* 0.7 -> 70% */
void export_date(export_file *f, const char *iso);       /* 'YYYY-MM-DD'; "" or bad: empty */
void export_datetime(export_file *f, const char *local); /* 'YYYY-MM-DD HH:MM[:SS]', local time */
void export_blank(export_file *f);
/* End the row (missing cells stay empty). -1 once anything failed (see export_close). */
int  export_row_end(export_file *f);
/* Rows written so far, the header not counted. */
long export_rows(const export_file *f);

/* Finish the file and move it into place; final (may be NULL) gets the path written
 * (with EXPORT_UNIQUE, perhaps "name-2.csv"). 0, or -1 with a message in err (the
 * temporary file is then removed and the destination untouched). Frees f. */
int  export_close(export_file *f, char *final, size_t finaln, char *err, size_t errlen);
/* Drop the export: nothing is written at the destination. Frees f. */
void export_abort(export_file *f);

/* The cleaned form of a text cell as CSV holds it (unquoted): control characters
 * dropped (tab, CR, LF become a space), invalid UTF-8 replaced by U+FFFD, and a
 * leading = + - @ neutralised with an apostrophe. malloc'd; NULL when out of memory. */
char *export_csv_cell(const char *s);
#endif
