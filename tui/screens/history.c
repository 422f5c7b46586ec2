/* history: what happened to one task, newest first (model/history.h): its progress
 * reports (+quantity, note, who reported) and every change from the audit log (field:
 * old → new), with the local date and time and the user who typed it. One line per
 * entry; the detail pane shows the selected one in full.
 *
 * A progress report's row can be corrected (e: date, quantity, note, reporter, saved with
 * the version read) or deleted (d, asks); the model brings the task's done quantity along,
 * and every screen on the stack reads its data again. */
#include "tui/screens/history.h"
#include "tui/entry.h"
#include "tui/export_ui.h"
#include "tui/global_keys.h"
#include "tui/widgets/detail.h"
#include "tui/widgets/draw.h"
#include "model/date.h"
#include "model/history.h"
#include "model/i18n.h"
#include "model/task.h"
#include "model/task_edit.h"
#include "model/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { COL_WHEN = 16, COL_WHO = 12, HEAD_LINES = 2 };

typedef struct hist_screen {
    screen base;
    int64_t task_id;
    char title[512], qty[TASK_UNIT_SIZE + 80], unit[TASK_UNIT_SIZE];
    hist_list h;
    int rc;
    char err[512];
} hist_screen;

static void qty_text(const hist_screen *hs, double q, char *out, size_t n)
{
    char v[32];
    fmt_qty(q, v, sizeof v);
    snprintf(out, n, "%s%s%s%s", q >= 0 ? "+" : "", v, hs->unit[0] ? " " : "", hs->unit);
}

static const char *or_empty(const char *s) { return s[0] ? s : _("(trống)"); }

/* What the entry says, in one line. */
static void what_text(const hist_screen *hs, const hist_entry *e, char *out, size_t n)
{
    char date[11], q[TASK_UNIT_SIZE + 40];
    date_show(e->report_date, date);
    qty_text(hs, e->qty, q, sizeof q);
    switch (e->kind) {
    case HIST_REPORT:
        snprintf(out, n, _("Báo cáo %s: %s%s%s%s%s"), date, q,
                 e->note[0] ? glyph(G_DOT) : "", e->note, e->reporter[0] ? " — " : "", e->reporter);
        break;
    case HIST_CREATED: snprintf(out, n, "%s", _("Tạo đầu việc")); break;
    case HIST_DELETED: snprintf(out, n, "%s", _("Xóa đầu việc")); break;
    case HIST_CHANGE: snprintf(out, n, "%s: %s → %s", e->field, or_empty(e->old_val), or_empty(e->new_val)); break;
    case HIST_REPORT_CHANGE:
        snprintf(out, n, _("Sửa báo cáo %s: %s: %s → %s"), date, e->field,
                 or_empty(e->old_val), or_empty(e->new_val));
        break;
    case HIST_REPORT_DELETED:
        snprintf(out, n, _("Xóa báo cáo %s: %s%s%s"), date, q, e->note[0] ? glyph(G_DOT) : "", e->note);
        break;
    default: snprintf(out, n, "?"); break;
    }
}

static void cells(WINDOW *w, int y, int W, const char *when, const char *who, const char *what, role r)
{
    draw_role(w, r);
    int x = draw_text(w, y, 0, 1, " ", DRAW_PAD);
    x += draw_text(w, y, x, COL_WHEN, when, DRAW_PAD);
    x += draw_text(w, y, x, 2, " ", DRAW_PAD);
    x += draw_text(w, y, x, COL_WHO, who, DRAW_PAD);
    x += draw_text(w, y, x, 1, " ", DRAW_PAD);
    draw_text(w, y, x, W - x, what, DRAW_PAD);
    draw_role(w, R_NORMAL);
}

static void draw_list(hist_screen *hs, tui *t)
{
    WINDOW *w = t->list;
    screen *s = &hs->base;
    int H = getmaxy(w), W = getmaxx(w), height = H - HEAD_LINES;
    char line[1400];
    werase(w);
    snprintf(line, sizeof line, " %s%s%s", hs->title, hs->qty[0] ? glyph(G_DOT) : "", hs->qty);
    draw_role(w, R_TITLE);
    draw_text(w, 0, 0, W, line, DRAW_PAD);
    snprintf(line, sizeof line, _("Báo cáo và thay đổi (%d), mới nhất trước"), hs->h.n);
    cells(w, 1, W, _("Lúc"), _("Người nhập"), line, R_HEADER);
    if (hs->rc) {
        draw_role(w, R_ERROR);
        draw_wrap(w, HEAD_LINES + 1, 2, W - 4, H - HEAD_LINES - 1, hs->err);
        draw_role(w, R_NORMAL);
        return;
    }
    list_scroll(&s->lv, height);
    for (int i = 0; i < height && s->lv.top + i < s->lv.n; i++) {
        int pos = s->lv.top + i, row = s->lv.idx[pos];
        const hist_entry *e = &hs->h.v[row];
        what_text(hs, e, line, sizeof line);
        role r = pos == s->lv.cur ? R_SELECTED : e->kind == HIST_DELETED || e->kind == HIST_REPORT_DELETED ? R_DIM : R_NORMAL;
        cells(w, HEAD_LINES + i, W, e->when, e->who, line, r);
    }
    if (s->lv.n == 0)
        draw_text(w, HEAD_LINES + 1, 2, W - 4, s->lv.query[0] ? C_("No entry matches the search.", "Không có dòng nào khớp với từ tìm.")
                  : _("Chưa có báo cáo tiến độ hay thay đổi nào."), 0);
}

/* "Label: value" wrapped; returns the next line. */
static int field(WINDOW *w, int y, int x, int width, int ymax, const char *label, const char *value)
{
    char buf[1400];
    if (y >= ymax || !value || !value[0]) return y;
    snprintf(buf, sizeof buf, "%s: %s", label, value);
    int y0 = y;
    y += draw_wrap(w, y, x, width, ymax - y, buf);
    snprintf(buf, sizeof buf, "%s:", label);
    draw_role(w, R_LABEL);
    draw_text(w, y0, x, width, buf, 0);
    draw_role(w, R_NORMAL);
    return y;
}

static void draw_detail(hist_screen *hs, tui *t)
{
    WINDOW *w = t->detail;
    int h = getmaxy(w), wd = getmaxx(w), below = t->detail_below;
    int x = below ? 1 : 2, width = below ? wd - 2 : wd - 3, y = 1;
    detail_frame(w, below, _(" Chi tiết"));
    int row = list_row(&hs->base.lv);
    if (hs->rc || row < 0) return;
    const hist_entry *e = &hs->h.v[row];
    char buf[1400], date[11];
    snprintf(buf, sizeof buf, "%s%s%s", e->when, e->who[0] ? _(", người nhập: ") : "", e->who);
    y = field(w, y, x, width, h, _("Lúc"), buf);
    date_show(e->report_date, date);
    switch (e->kind) {
    case HIST_REPORT: case HIST_REPORT_DELETED:
        qty_text(hs, e->qty, buf, sizeof buf);
        y = field(w, y, x, width, h, e->kind == HIST_REPORT ? _("Báo cáo ngày") : _("Đã xóa báo cáo ngày"), date);
        y = field(w, y, x, width, h, _("Khối lượng"), buf);
        y = field(w, y, x, width, h, _("Người báo cáo"), e->reporter);
        field(w, y, x, width, h, _("Ghi chú"), e->note);
        break;
    case HIST_CHANGE: case HIST_REPORT_CHANGE:
        if (e->kind == HIST_REPORT_CHANGE) y = field(w, y, x, width, h, _("Báo cáo ngày"), date);
        y = field(w, y, x, width, h, _("Thay đổi"), e->field);
        y = field(w, y, x, width, h, _("Cũ"), or_empty(e->old_val));
        field(w, y, x, width, h, _("Mới"), or_empty(e->new_val));
        break;
    default:
        what_text(hs, e, buf, sizeof buf);
        field(w, y, x, width, h, _("Việc"), buf);
        break;
    }
}

static void hist_draw(screen *s, tui *t, int flags)
{
    hist_screen *hs = (hist_screen *)s;
    if (flags & REDRAW_LIST) draw_list(hs, t);
    if ((flags & REDRAW_DETAIL) && t->detail) draw_detail(hs, t);
}

static int hist_match(void *ctx, int row, const char *q)
{
    hist_screen *hs = ctx;
    const hist_entry *e = &hs->h.v[row];
    char buf[1600];
    what_text(hs, e, buf, sizeof buf);
    size_t len = strlen(buf);
    snprintf(buf + len, sizeof buf - len, " %s %s", e->when, e->who);
    char *key = text_fold(buf);
    int m = key && text_match(key, q);
    free(key);
    return m;
}

static int load(hist_screen *hs, tui *t)
{
    hist_list_free(&hs->h);
    task_detail *d = calloc(1, sizeof *d);
    if (d && task_get(t->db, hs->task_id, d) == DB_OK) {
        text_copy(hs->title, sizeof hs->title, d->title);
        text_copy(hs->unit, sizeof hs->unit, d->row.qty_unit);
        task_qty_text(&d->row, hs->qty, sizeof hs->qty);
        if (!strcmp(hs->qty, "-")) hs->qty[0] = 0;
    }
    free(d);
    hs->rc = task_history(t->db, hs->task_id, &hs->h);
    if (hs->rc) text_copy(hs->err, sizeof hs->err, db_errmsg(t->db));
    if (list_reset(&hs->base.lv, hs->h.n) < 0) {
        hist_list_free(&hs->h);
        return tui_message(t, 1, "%s", _("Hết bộ nhớ"));
    }
    list_filter(&hs->base.lv, hist_match, hs);
    return 0;
}

static int hist_reload(screen *s, tui *t)
{
    hist_screen *hs = (hist_screen *)s;
    int keep = s->lv.cur;
    int flags = load(hs, t) | REDRAW_ALL;
    s->lv.cur = keep < s->lv.n ? keep : s->lv.n ? s->lv.n - 1 : 0;
    return flags;
}

/* ---- correcting and deleting a progress report ---- */

/* The report under the cursor (its progress id), or 0 with the reason in the status line. */
static int64_t selected_report(hist_screen *hs, tui *t, int *flags)
{
    int row = list_row(&hs->base.lv);
    *flags = 0;
    if (db_is_readonly(t->db)) {
        *flags = tui_message(t, 1, "%s", _("Cơ sở dữ liệu chỉ đọc: không ghi được."));
        return 0;
    }
    if (hs->rc || row < 0 || hs->h.v[row].kind != HIST_REPORT || hs->h.v[row].progress_id <= 0) {
        *flags = tui_message(t, 1, "%s", _("Chỉ sửa/xóa được dòng báo cáo tiến độ."));
        return 0;
    }
    return hs->h.v[row].progress_id;
}

/* After a write: the cursor back on this report (its place may have moved with its date). */
static void select_report(hist_screen *hs, int64_t progress_id)
{
    for (int i = 0; i < hs->h.n; i++)
        if (hs->h.v[i].kind == HIST_REPORT && hs->h.v[i].progress_id == progress_id) {
            list_select(&hs->base.lv, i);
            return;
        }
}

/* The report changed or went away since it was read: the model's message, read again. */
static int report_gone(tui *t, const char *msg)
{
    char copy[512];
    text_copy(copy, sizeof copy, msg);      /* the reload may leave another message in the model */
    entry_after_write(t, 0);
    return tui_message(t, 1, _("%s Đã tải lại lịch sử."), copy) | REDRAW_ALL;
}

enum { R_DATE, R_QTY, R_NOTE, R_WHO, R_N };

typedef struct report_form {
    tui *t;
    hist_screen *hs;
    progress_rec *rec;               /* as read; its version is the one the save checks */
    int unchanged;
} report_form;

static int save_report(form *f, void *ctx)
{
    report_form *c = ctx;
    if (!form_changed(f)) { c->unchanged = 1; return 0; }
    char qty[64];
    snprintf(qty, sizeof qty, "%.15g", form_qty(f, R_QTY, NULL));
    int rc = progress_update(c->t->db, c->rec->id, c->rec->version, form_date(f, R_DATE), qty, form_text(f, R_NOTE),
                             form_text(f, R_WHO));
    if (rc == DB_OK) return 0;
    if (rc == DB_CONFLICT) return FORM_SAVE_CONFLICT;
    if (entry_write_gone(f, c->t->db, rc)) return FORM_SAVE_GONE;
    static const entry_field fields[] = {
        { "report_date", R_DATE }, { "qty", R_QTY }, { "note", R_NOTE }, { "reporter", R_WHO }, { NULL, 0 },
    };
    entry_model_error(f, fields, c->t->db);
    return 1;
}

/* "dd/mm/yyyy (+0,25 km)": a report as the question and the messages name it. */
static void report_name(const hist_screen *hs, const progress_rec *r, char *out, size_t n)
{
    char date[11], q[TASK_UNIT_SIZE + 40];
    date_show(r->report_date, date);
    qty_text(hs, r->qty, q, sizeof q);
    snprintf(out, n, "%s (%s)", date, q);
}

/* The selected report as the database has it now (another window may have changed it),
 * for editing or deleting; NULL, with *flags set, when no report row is selected, the
 * database is read-only, memory ran out or the report is gone. Free the result. */
static progress_rec *read_selected(hist_screen *hs, tui *t, int64_t *id, int *flags)
{
    *id = selected_report(hs, t, flags);
    if (!*id) return NULL;
    progress_rec *rec = calloc(1, sizeof *rec);
    if (!rec) { *flags = tui_message(t, 1, "%s", _("Hết bộ nhớ")); return NULL; }
    if (progress_read(t->db, *id, rec) != DB_OK) {
        *flags = report_gone(t, db_errmsg(t->db));
        free(rec);
        return NULL;
    }
    return rec;
}

static void fill_report(const hist_screen *hs, form *f, const progress_rec *rec)
{
    form_set_date(f, R_DATE, rec->report_date);
    form_set_qty(f, R_QTY, rec->qty, hs->unit);
    form_set_text(f, R_NOTE, rec->note);
    form_set_text(f, R_WHO, rec->reporter);
}

/* The report as it is now, for the conflict view; its version for the next save. */
static int reread_report(form *theirs, void *ctx, form_who *who)
{
    report_form *c = ctx;
    progress_rec *now = calloc(1, sizeof *now);
    int rc = now ? progress_read(c->t->db, c->rec->id, now) : DB_ERR;
    if (rc == DB_OK) { fill_report(c->hs, theirs, now); c->rec->version = now->version; }
    free(now);
    return entry_reread_done(c->t, rc, "progress", c->rec->id, who);
}

static int edit_report(hist_screen *hs, tui *t)
{
    int flags;
    int64_t id;
    progress_rec *rec = read_selected(hs, t, &id, &flags);
    if (!rec) return flags;
    entry_sync_today(t);
    char name[TASK_UNIT_SIZE + 64], title[800];
    report_name(hs, rec, name, sizeof name);
    const char *units[2] = { hs->unit, NULL };
    const form_spec spec[R_N] = {
        entry_date(N_("Ngày báo cáo"), 1, NULL),
        entry_qty(N_("Khối lượng"), N_("Khối lượng của riêng báo cáo này (không phải tổng đã làm)"), hs->unit[0] ? FORM_UNIT_LIST : FORM_UNIT_NONE, units,
                  hs->unit),
        entry_text(N_("Ghi chú"), 0, 500, NULL),
        entry_text(N_("Người báo cáo"), 0, 120, NULL),
    };
    snprintf(title, sizeof title, _("Sửa báo cáo ngày %s: %s"), name, hs->title);
    form *f = form_new(title, spec, R_N);
    if (!f) { free(rec); return tui_message(t, 1, "%s", _("Hết bộ nhớ")); }
    fill_report(hs, f, rec);
    form_focus(f, R_QTY);
    report_form c = { t, hs, rec, 0 };
    form_set_reread(f, reread_report);
    flags = REDRAW_ALL;
    if (entry_form_run(t, f, save_report, &c) == FORM_SAVED) {
        if (c.unchanged) flags |= tui_message(t, 0, "%s", _("Không có gì thay đổi."));
        else {
            flags |= entry_after_write(t, 0);
            select_report(hs, id);
            if (progress_read(t->db, id, rec) == DB_OK) report_name(hs, rec, name, sizeof name);
            tui_message(t, 0, _("Đã sửa báo cáo ngày %s; đã làm %s (u: hoàn tác)"),
                        name, hs->qty[0] ? hs->qty : "-");
        }
    }
    form_free(f);
    free(rec);
    return flags;
}

static int delete_report(hist_screen *hs, tui *t)
{
    int flags;
    int64_t id;
    progress_rec *rec = read_selected(hs, t, &id, &flags);
    if (!rec) return flags;
    char name[TASK_UNIT_SIZE + 64], q[300];
    report_name(hs, rec, name, sizeof name);
    snprintf(q, sizeof q, _("Xóa báo cáo ngày %s?"), name);
    flags = REDRAW_ALL;
    if (entry_confirm(t, q)) {
        int rc = progress_delete(t->db, id);
        if (rc == DB_NOTFOUND) flags |= report_gone(t, db_errmsg(t->db));
        else if (rc != DB_OK) flags |= tui_db_error(t);
        else {
            flags |= entry_after_write(t, 0);
            tui_message(t, 0, _("Đã xóa báo cáo ngày %s; đã làm %s (u: hoàn tác)"),
                        name, hs->qty[0] ? hs->qty : "-");
        }
    } else {
        flags |= tui_message(t, 0, "%s", _("Không xóa."));
    }
    free(rec);
    return flags;
}

static int hist_key(screen *s, tui *t, int action)
{
    hist_screen *hs = (hist_screen *)s;
    switch (action) {
    case ACT_EDIT: return edit_report(hs, t);
    case ACT_DELETE: return delete_report(hs, t);
    default: return 0;
    }
}

static void hist_free(screen *s)
{
    hist_screen *hs = (hist_screen *)s;
    hist_list_free(&hs->h);
    list_free(&s->lv);
    free(hs);
}

static int history_export(screen *s, tui *t, list_export *x);

static const struct screen_ops hist_ops = {
    .draw = hist_draw, .key = hist_key, .reload = hist_reload, .match = hist_match, .free = hist_free,
    .export = history_export,
};

/* e and d are the reports' (a task's own are on the task list) */
static const keydef history_keys[] = {
    KEYS_BACK, KEYS_SEARCH,
    { ACT_EDIT, "report_edit", 'e', { 0 }, NULL, N_("Sửa"),
      N_("Sửa báo cáo đang chọn: ngày, khối lượng, ghi chú") },
    { ACT_DELETE, "report_delete", 'd', { KEY_FN(KEY_DC) }, NULL, N_("Xóa"),
      N_("Xóa báo cáo đang chọn (hỏi trước; u: hoàn tác)") },
    KEYS_EXPORT, KEYS_GOTO, KEYS_UNDO,
};
const screen_kind history_kind = SCREEN_KIND(N_("lịch sử đầu việc"), history_keys);

screen *history_new(tui *t, int64_t task_id, const char *title)
{
    hist_screen *hs = calloc(1, sizeof *hs);
    if (!hs) return NULL;
    hs->base.ops = &hist_ops;
    hs->base.kind = &history_kind;
    hs->base.has_detail = 1;
    snprintf(hs->base.crumb, sizeof hs->base.crumb, "%s", _("Lịch sử"));
    hs->task_id = task_id;
    text_copy(hs->title, sizeof hs->title, title ? title : "");
    load(hs, t);
    return &hs->base;
}

/* ---- x: the entries shown, newest first ---- */

static const export_col HIST_X[] = {
    { "Lúc", EXPORT_DATETIME }, { "Người nhập", EXPORT_TEXT }, { "Loại", EXPORT_TEXT }, { "Nội dung", EXPORT_TEXT },
    { "Ngày báo cáo", EXPORT_DATE }, { "Khối lượng", EXPORT_NUMBER }, { "Đơn vị tính", EXPORT_TEXT },
    { "Người báo cáo", EXPORT_TEXT }, { "Ghi chú", EXPORT_TEXT }, { "Trường", EXPORT_TEXT }, { "Cũ", EXPORT_TEXT },
    { "Mới", EXPORT_TEXT },
};

static const char *kind_word(char k)
{
    switch (k) {
    case HIST_REPORT: return "Báo cáo";
    case HIST_CREATED: return "Tạo";
    case HIST_DELETED: return "Xóa";
    case HIST_CHANGE: return "Sửa";
    case HIST_REPORT_CHANGE: return "Sửa báo cáo";
    case HIST_REPORT_DELETED: return "Xóa báo cáo";
    default: return "";
    }
}

static int hist_rows(screen *s, tui *t, export_file *f)
{
    hist_screen *hs = (hist_screen *)s;
    char what[1400], when[24];
    for (int i = 0; i < s->lv.n; i++) {
        const hist_entry *e = &hs->h.v[s->lv.idx[i]];
        int report = e->kind == HIST_REPORT || e->kind == HIST_REPORT_DELETED;
        const char *w = e->when;          /* 'dd/mm/yyyy HH:MM' -> 'YYYY-MM-DD HH:MM' */
        if (strlen(w) >= 16) snprintf(when, sizeof when, "%.4s-%.2s-%.2s %.5s", w + 6, w + 3, w, w + 11);
        else when[0] = 0;
        what_text(hs, e, what, sizeof what);
        export_datetime(f, when);
        export_text(f, e->who);
        export_text(f, kind_word(e->kind));
        export_text(f, what);
        export_date(f, e->report_date);
        if (report) export_number(f, e->qty); else export_blank(f);
        export_text(f, report ? hs->unit : "");
        export_text(f, e->reporter);
        export_text(f, e->note);
        export_text(f, e->field);
        export_text(f, e->old_val);
        export_text(f, e->new_val);
        if (export_row_end(f)) return -1;
    }
    return 0;
}

static int history_export(screen *s, tui *t, list_export *x)
{
    snprintf(x->stem, sizeof x->stem, "lich-su-dau-viec-%lld", (long long)((hist_screen *)s)->task_id);
    x->sheet = "Lịch sử";
    x->cols = HIST_X;
    x->ncols = (int)(sizeof HIST_X / sizeof HIST_X[0]);
    x->rows = hist_rows;
    return 0;
}
