/* export_xlsx: the XLSX back end, through libxlsxwriter (Debian's libxlsxwriter-dev).
 * Constant-memory mode: each row goes to a temporary file as soon as the next begins,
 * so a province's 150,000 tasks take no more memory than ten. Header row bold, frozen
 * and with an autofilter; column widths from the widest cell (set at the end, which
 * libxlsxwriter allows: the columns are written when the workbook is closed); dates as
 * Excel dates shown dd/mm/yyyy, quantities as numbers, ratios shown as percentages.
 * Text is written as strings, never as formulas, so it needs no neutralising. */
#include "reports/export_internal.h"
#include "model/i18n.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

enum { MAX_WIDTH = 60, XLSX_MAX_ROWS = 1048576 };

typedef struct {
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_format *bold, *date, *datetime, *pct;
} xlsx_state;

static void fail_lxw(export_file *f, lxw_error e)
{
    export_fail(f, _("Không ghi được tệp \"%s\": %s"), f->path, lxw_strerror(e));
}

/* Excel's sheet names: at most 31 characters, none of []:*?/\ . */
static void sheet_name(const char *in, char *out, size_t n)
{
    size_t j = 0;
    int chars = 0;
    for (const char *s = in && *in ? in : "ntm"; *s && j + 4 < n; s++) {
        if (((unsigned char)*s & 0xC0) != 0x80 && ++chars > 31) break;
        out[j++] = strchr("[]:*?/\\", *s) ? '-' : *s;
    }
    out[j] = 0;
}

static int xlsx_begin(export_file *f, const char *sheet)
{
    xlsx_state *x = calloc(1, sizeof *x);
    char name[128];
    if (!x) { export_fail(f, "out of memory"); return -1; }
    close(f->fd);                          /* libxlsxwriter opens the file by name at the end */
    f->fd = -1;
    lxw_workbook_options o = { .constant_memory = LXW_TRUE, .tmpdir = f->dir };
    if (!(x->wb = workbook_new_opt(f->tmp, &o))) { free(x); export_fail(f, "libxlsxwriter: workbook_new"); return -1; }
    f->be = x;
    sheet_name(sheet, name, sizeof name);
    if (!(x->ws = workbook_add_worksheet(x->wb, name))) { export_fail(f, "libxlsxwriter: add_worksheet"); return -1; }
    x->bold = workbook_add_format(x->wb);
    format_set_bold(x->bold);
    x->date = workbook_add_format(x->wb);
    format_set_num_format(x->date, "dd/mm/yyyy");
    x->datetime = workbook_add_format(x->wb);
    format_set_num_format(x->datetime, "dd/mm/yyyy hh:mm");
    x->pct = workbook_add_format(x->wb);
    format_set_num_format(x->pct, "0%");
    for (int c = 0; c < f->ncols; c++) {
        lxw_error e = worksheet_write_string(x->ws, 0, (lxw_col_t)c, f->cols[c].header, x->bold);
        if (e) { fail_lxw(f, e); return -1; }
    }
    worksheet_freeze_panes(x->ws, 1, 0);
    return 0;
}

static void xlsx_cell(export_file *f, const export_value *v)
{
    xlsx_state *x = f->be;
    lxw_row_t r = (lxw_row_t)(f->rows + 1);
    lxw_col_t c = (lxw_col_t)f->col;
    lxw_error e = LXW_NO_ERROR;
    if (f->rows + 1 >= XLSX_MAX_ROWS) {
        export_fail(f, _("Quá %d dòng: Excel không mở được; hãy xuất ra CSV hoặc chia nhỏ (--commune)."), XLSX_MAX_ROWS - 1);
        return;
    }
    if (v->empty) return;
    switch (v->type) {
    case EXPORT_NUMBER: case EXPORT_INT:
        e = worksheet_write_number(x->ws, r, c, v->num, NULL); break;
    case EXPORT_PERCENT:
        e = worksheet_write_number(x->ws, r, c, v->num, x->pct); break;
    case EXPORT_DATE: case EXPORT_DATETIME: {
        lxw_datetime dt = { v->y, v->mo, v->d, v->h, v->mi, v->s };
        e = worksheet_write_datetime(x->ws, r, c, &dt, v->type == EXPORT_DATE ? x->date : x->datetime);
        break;
    }
    default:
        e = worksheet_write_string(x->ws, r, c, v->text, NULL); break;
    }
    if (e) fail_lxw(f, e);
}

static void xlsx_row_end(export_file *f) { (void)f; }

static int xlsx_finish(export_file *f)
{
    xlsx_state *x = f->be;
    for (int c = 0; c < f->ncols; c++) {
        int w = f->width[c] > MAX_WIDTH ? MAX_WIDTH : f->width[c];
        worksheet_set_column(x->ws, (lxw_col_t)c, (lxw_col_t)c, w + 1, NULL);
    }
    if (f->ncols) worksheet_autofilter(x->ws, 0, 0, (lxw_row_t)f->rows, (lxw_col_t)(f->ncols - 1));
    lxw_error e = workbook_close(x->wb);
    free(x);
    f->be = NULL;
    if (e) { fail_lxw(f, e); return -1; }
    return 0;
}

static void xlsx_drop(export_file *f)
{
    xlsx_state *x = f->be;
    lxw_workbook_free(x->wb);   /* frees without writing the file */
    free(x);
    f->be = NULL;
}

const struct export_ops export_xlsx_ops = { xlsx_begin, xlsx_cell, xlsx_row_end, xlsx_finish, xlsx_drop };
