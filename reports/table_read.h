/* table_read: the rows of a spreadsheet file, CSV (libcsv) or XLSX (libzip + expat), as
 * UTF-8 strings, one callback per row. What comes out is plain text whatever the file:
 * an XLSX date cell arrives as "dd/mm/yyyy", a number as "1.5" (shortest form), a
 * boolean as "1"/"0", so the import checks every value the same way. */
#ifndef NTM_TABLE_READ_H
#define NTM_TABLE_READ_H
#include <stddef.h>

/* Limits against broken or hostile files (zip bombs, endless rows). */
#define TABLE_MAX_BYTES (64L * 1024 * 1024)   /* a CSV file, or one unpacked XLSX part */
#define TABLE_MAX_COLS  256                   /* columns with a value in them */
#define TABLE_MAX_CELL  (128 * 1024)          /* bytes in one cell (Excel keeps 32,767 characters) */
#define TABLE_MAX_ROWS  1000000

/* One row: cells[0..n-1], never NULL ("" when empty); line is where the row starts in
 * the file (CSV: the physical line, counting from 1 with the header; XLSX: the row
 * number Excel shows). Rows whose cells are all empty are not passed. Return 0 to go
 * on, anything else to stop reading (table_read then returns TABLE_STOPPED). */
typedef int table_row_fn(void *ctx, long line, int n, const char *const *cells);

enum { TABLE_OK = 0, TABLE_ERR = -1, TABLE_STOPPED = 1 };

/* By content, not by name: a zip (PK) is read as XLSX, an old .xls or a password-
 * protected workbook is refused with what to do, anything else is read as CSV.
 * TABLE_ERR with a message in the UI language in err. */
int table_read(const char *path, table_row_fn *fn, void *ctx, char *err, size_t errlen);

/* CSV: UTF-8 with or without BOM (anything else refused, naming the first bad line and
 * how to save "CSV UTF-8" in Excel), CRLF or LF, quoted fields with newlines; the
 * separator (',' ';' or tab) is the most frequent one in the header line, or the one a
 * first line "sep=;" names (Excel writes and reads that line). A cell "'=..." (also
 * + - @ tab CR after the apostrophe: how ntm's export and others defuse formulas) loses
 * that one apostrophe: exactly when table_csv_formula says the rest needed it. */
int table_read_csv(const char *path, table_row_fn *fn, void *ctx, char *err, size_t errlen);
/* 1 when CSV text s needs an apostrophe in front (the export writes one, the reader
 * drops one): s, past any apostrophes and then spaces, starts with = + - @ tab or CR.
 * The apostrophes count so that a text "'=x" itself is written "''=x" and read back. */
int table_csv_formula(const char *s);
/* XLSX: the first sheet of the workbook; shared and inline strings, numbers, booleans,
 * formula results; a number in a cell whose format is a date becomes dd/mm/yyyy. */
int table_read_xlsx(const char *path, table_row_fn *fn, void *ctx, char *err, size_t errlen);
#endif
