/* export_csv: the CSV back end. RFC 4180 with what Excel on Windows needs to open
 * Vietnamese right: UTF-8 with a byte order mark, CRLF line ends, comma separators,
 * fields quoted when they hold a comma, semicolon, quote or line break (quotes doubled)
 * or start or end with a space (which readers trim).
 * A text cell that a spreadsheet would run as a formula (= + - @ first, after any
 * spaces; also behind apostrophes, so "'=x" comes back: table_csv_formula) gets a
 * leading apostrophe, as OWASP advises against CSV injection; numbers are written
 * plainly ("1.4", dot decimal), dates dd/mm/yyyy, percentages "70%". */
#include "reports/export_internal.h"
#include "reports/pdf_internal.h"   /* pdf_strerror: errno in words, in the UI language */
#include "reports/table_read.h"     /* table_csv_formula: the apostrophe rule the reader shares */
#include "model/i18n.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

typedef struct { FILE *fp; } csv_state;

static void field(export_file *f, const char *s, int neutralise)
{
    csv_state *c = f->be;
    if (f->col) fputc(',', c->fp);
    int apos = neutralise && table_csv_formula(s);       /* the reader drops it again */
    size_t n = strlen(s);
    /* Quoted also with a space or tab at either end: readers (libcsv too) trim those. */
    int edge = n && (strchr(" \t", s[0]) || strchr(" \t", s[n - 1]));
    if (!apos && !edge && !s[strcspn(s, ",;\"\r\n")]) { fputs(s, c->fp); return; }
    fputc('"', c->fp);
    if (apos) fputc('\'', c->fp);
    for (; *s; s++) {
        if (*s == '"') fputc('"', c->fp);
        fputc(*s, c->fp);
    }
    fputc('"', c->fp);
}

static int csv_begin(export_file *f, const char *sheet)
{
    csv_state *c = calloc(1, sizeof *c);
    if (!c || !(c->fp = fdopen(f->fd, "wb"))) {
        free(c);
        export_fail(f, L("Không ghi được tệp \"%s\": %s", "Cannot write the file \"%s\": %s"), f->path, pdf_strerror(errno));
        return -1;
    }
    f->fd = -1;                         /* the FILE owns it now */
    f->be = c;
    fputs("\xEF\xBB\xBF", c->fp);
    for (f->col = 0; f->col < f->ncols; f->col++) field(f, f->cols[f->col].header, 0);
    fputs("\r\n", c->fp);
    f->col = 0;
    return ferror(c->fp) ? -1 : 0;
}

static void csv_cell(export_file *f, const export_value *v)
{
    field(f, v->empty ? "" : v->text, v->type == EXPORT_TEXT);
}

static void csv_row_end(export_file *f)
{
    csv_state *c = f->be;
    fputs("\r\n", c->fp);
    if (ferror(c->fp))
        export_fail(f, L("Không ghi được tệp \"%s\": %s", "Cannot write the file \"%s\": %s"), f->path, pdf_strerror(errno));
}

static int csv_finish(export_file *f)
{
    csv_state *c = f->be;
    int bad = ferror(c->fp) | fflush(c->fp);     /* export.c syncs the file */
    int e = errno;
    bad |= fclose(c->fp);
    free(c);
    f->be = NULL;
    if (bad) export_fail(f, L("Không ghi được tệp \"%s\": %s", "Cannot write the file \"%s\": %s"), f->path, pdf_strerror(e ? e : EIO));
    return bad ? -1 : 0;
}

static void csv_drop(export_file *f)
{
    csv_state *c = f->be;
    fclose(c->fp);
    free(c);
    f->be = NULL;
}

const struct export_ops export_csv_ops = { csv_begin, csv_cell, csv_row_end, csv_finish, csv_drop };
