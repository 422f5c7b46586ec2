/* export_ui: the x key (export_ui.h): the format dialog, the file name, the status line. */
#include "tui/export_ui.h"
#include "tui/bars.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/draw.h"
#include "tui/print.h"
#include "model/i18n.h"
#include "model/unit.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int64_t *export_ids(const listview *lv, int64_t (*get)(void *ctx, int row), void *ctx, int *n)
{
    int64_t *v = malloc(sizeof *v * (size_t)(lv->n > 0 ? lv->n : 1));
    *n = 0;
    if (!v) return NULL;
    for (int i = 0; i < lv->n; i++) {
        int64_t id = get(ctx, lv->idx[i]);
        if (id) v[(*n)++] = id;
    }
    return v;
}

/* ---- the format dialog: two lines, the default selected ---- */

static void format_draw(WINDOW *w, int sel, int inner)
{
    static const char *const keys[2] = { "x", "c" };
    const char *names[2] = { _("Excel (.xlsx): ngày, số, cột lọc"),
                             _("CSV (.csv): văn bản UTF-8, mọi phần mềm") };
    char line[160];
    dialog_frame(w, _("Xuất danh sách"));
    for (int i = 0; i < 2; i++) {
        snprintf(line, sizeof line, " %s  %s", keys[i], names[i]);
        draw_role(w, i == sel ? R_SELECTED : R_NORMAL);
        draw_text(w, 1 + i, 2, inner, line, DRAW_PAD);
    }
    draw_role(w, R_DIM);
    draw_text(w, 4, 2, inner, _("Enter: chọn · ↑↓: đổi · Esc: thôi"), 0);
    draw_role(w, R_NORMAL);
}

/* EXPORT_FMT_XLSX or _CSV, EXPORT_FMT_NONE when cancelled, DLG_RESIZED to be asked again. */
static int ask_format(int def)
{
    dialog_saved sv;
    dialog_save(&sv);
    int inner = COLS - 8 < 46 ? COLS - 8 : 46, sel = def == EXPORT_FMT_CSV ? 1 : 0, rc = EXPORT_FMT_NONE;
    WINDOW *w = dialog_window(6, inner + 4);
    for (; w; ) {
        format_draw(w, sel, inner);
        wint_t wc;
        int k = dialog_show_key(w, &wc);
        if (k == ERR || dialog_is_cancel(k, wc)) break;
        if (k == KEY_CODE_YES && wc == KEY_RESIZE) { rc = DLG_RESIZED; break; }
        if (dialog_is_enter(k, wc)) { rc = sel ? EXPORT_FMT_CSV : EXPORT_FMT_XLSX; break; }
        if (k == OK && (wc == 'x' || wc == 'X' || wc == 'e' || wc == '1')) { rc = EXPORT_FMT_XLSX; break; }
        if (k == OK && (wc == 'c' || wc == 'C' || wc == '2')) { rc = EXPORT_FMT_CSV; break; }
        if ((k == KEY_CODE_YES && (wc == KEY_UP || wc == KEY_DOWN || wc == KEY_BTAB)) ||
            (k == OK && (wc == 'j' || wc == 'k' || wc == '\t'))) sel = !sel;
        else beep();
    }
    if (w) delwin(w);
    dialog_restore(&sv, rc != DLG_RESIZED);
    return rc;
}

/* ---- the x action ---- */

static int fill(screen *s, tui *t, list_export *x)
{
    if (s->ops->export) return s->ops->export(s, t, x);
    tui_message(t, 1, "%s", _("Màn hình này không xuất ra tệp được."));
    return -1;
}

static int file_name(tui *t, const list_export *x, int format, char *out, size_t n)
{
    unit_row u1 = { .name = "" }, u2 = { .name = "" };
    if ((x->unit1 && unit_get(t->db, x->unit1, &u1)) || (x->unit2 && unit_get(t->db, x->unit2, &u2))) return -1;
    return export_file_name(t->cfg->pdf_dir, x->stem[0] ? x->stem : "danh-sach", u1.name, u2.name, db_today(t->db),
                            format, out, n);
}

static int write_own(screen *s, tui *t, const list_export *x, const char *path, export_result *res, char *err, size_t n)
{
    export_file *f = export_open(path, x->sheet, x->cols, x->ncols, EXPORT_UNIQUE, err, n);
    if (!f) return -1;
    x->rows(s, t, f);                       /* a failure stays in f: export_close says it */
    res->rows = export_rows(f);
    return export_close(f, res->path, sizeof res->path, err, n);
}

int export_list(tui *t, screen *s)
{
    list_export x = { .kind = -1 };
    char path[NTM_PATH_MAX], err[1024], shown[NTM_PATH_MAX + 16];
    if (fill(s, t, &x)) { free(x.ids); return REDRAW_STATUS; }
    int format;
    while ((format = ask_format(!strcmp(t->cfg->export_format, "csv") ? EXPORT_FMT_CSV : EXPORT_FMT_XLSX)) == DLG_RESIZED)
        tui_repaint(t, 0);
    if (format == EXPORT_FMT_NONE) { free(x.ids); return tui_message(t, 0, "%s", _("Không xuất.")); }
    if (file_name(t, &x, format, path, sizeof path)) {
        free(x.ids);
        return tui_message(t, 1, "%s", _("Tên tệp quá dài: hãy đổi [output] pdf_dir trong ntm.ini."));
    }
    tui_message(t, 0, "%s", _("Đang xuất…"));
    bars_flush_status(t, 0);
    export_result res = { "", 0 };
    int rc = x.kind >= 0 ? export_dataset_ids(t->db, x.kind, x.ids, x.n, path, EXPORT_UNIQUE, &res, err, sizeof err)
                         : write_own(s, t, &x, path, &res, err, sizeof err);
    free(x.ids);
    if (rc) return tui_message(t, 1, "%s %s", _("Không xuất được:"), err) | REDRAW_ALL;
    tui_short_path(res.path, shown, sizeof shown);
    return tui_message(t, 0, _("Đã xuất %ld dòng: %s"), res.rows, shown) | REDRAW_ALL;
}
