/* weekly_draw: the weekly report's window: the current task's card (code and title,
 * owner, done/target and deadline, last report), the quantity and note being typed, and
 * the hamlet's tasks with what this pass did to each. */
#include "tui/screens/weekly_int.h"
#include "tui/widgets/draw.h"
#include "model/date.h"
#include "model/i18n.h"
#include "model/text.h"
#include <stdio.h>
#include <string.h>

int weekly_cur_row(weekly_screen *w) { return list_row(&w->base.lv); }

const task_row *weekly_cur_task(weekly_screen *w)
{
    int row = weekly_cur_row(w);
    return row >= 0 ? &w->tasks.v[row] : NULL;
}

static void load_detail(weekly_screen *w, tui *t)
{
    const task_row *r = weekly_cur_task(w);
    if (!r || r->id == w->det_id) return;
    if (task_get(t->db, r->id, w->det) != DB_OK) memset(w->det, 0, sizeof *w->det);
    w->det_id = r->id;
}

/* ---- drawing ---------------------------------------------------------------------------- */

/* "Label: value" on one line, the label bold; returns the next row. */
static int line(WINDOW *win, int y, const char *label, const char *value, role r)
{
    int wd = getmaxx(win);
    char buf[1200];
    snprintf(buf, sizeof buf, "%s: %s", label, value);
    draw_role(win, r);
    draw_text(win, y, 2, wd - 4, buf, 0);
    snprintf(buf, sizeof buf, "%s:", label);
    draw_role(win, R_LABEL);
    draw_text(win, y, 2, wd - 4, buf, 0);
    draw_role(win, R_NORMAL);
    return y + 1;
}

void weekly_qty_text(const task_row *r, char *out, size_t n)
{
    task_qty_text(r, out, n);
    size_t len = strlen(out);
    if (r->target > 0 && len < n) snprintf(out + len, n - len, " (%.0f%%)", 100.0 * r->done / r->target);
}

static void when_line(const task_row *r, char *out, size_t n)
{
    char d[11];
    date_show(r->deadline, d);
    if (!r->deadline[0]) snprintf(out, n, "%s", C_("none", "chưa đặt"));
    else if (r->status == 'd') snprintf(out, n, "%s (%s)", d, _("đã xong"));
    else if (r->days_left > 0) snprintf(out, n, _("%s (còn %d ngày)"), d, r->days_left);
    else if (r->days_left == 0) snprintf(out, n, _("%s (hạn là hôm nay)"), d);
    else snprintf(out, n, _("%s (QUÁ HẠN %d ngày)"), d, -r->days_left);
}

static void report_line(const task_detail *d, char *out, size_t n)
{
    const task_report *r = &d->reports[0];
    char date[11], q[32];
    date_show(r->date, date);
    fmt_qty(r->qty, q, sizeof q);
    snprintf(out, n, "%s  %s%s %s%s%s%s%s", date, r->qty >= 0 ? "+" : "", q, d->row.qty_unit,
             r->note[0] ? glyph(G_DOT) : "", r->note, r->who[0] ? " — " : "", r->who);
}

static int draw_card(weekly_screen *w, tui *t, WINDOW *win, int y)
{
    const task_row *r = weekly_cur_task(w);
    int wd = getmaxx(win);
    char a[400], b[400], buf[900];
    if (!r) return y;
    load_detail(w, t);
    const task_detail *d = w->det;
    char title[600];
    task_code_text(r->code, title, sizeof title);         /* "V12 · title", as on the printed sheet */
    snprintf(title + strlen(title), sizeof title - strlen(title), "%s%s", title[0] ? glyph(G_DOT) : "", r->title);
    draw_role(win, R_TITLE);
    y += draw_wrap(win, y, 2, wd - 4, 2, title);
    draw_role(win, R_NORMAL);
    y = line(win, y, _("Phụ trách"), d->owner[0] ? d->owner : C_("unassigned", "chưa giao"), R_NORMAL);
    weekly_qty_text(r, a, sizeof a);
    when_line(r, b, sizeof b);
    snprintf(buf, sizeof buf, "%s%s%s: %s", a, glyph(G_DOT), _("Hạn"), b);
    y = line(win, y, _("Đã làm"), buf, r->overdue ? R_OVERDUE : R_NORMAL);
    if (d->n_reports && d->row.id == r->id) report_line(d, buf, sizeof buf);
    else snprintf(buf, sizeof buf, "%s", _("chưa có"));
    y = line(win, y, _("Báo cáo gần nhất"), buf, R_NORMAL);
    int row = weekly_cur_row(w);
    if (row >= 0 && w->state[row] == 's') {
        fmt_qty(w->added[row], a, sizeof a);
        snprintf(buf, sizeof buf, _("đã ghi %s%s %s trong lần nhập này"),
                 w->added[row] >= 0 ? "+" : "", a, r->qty_unit);
        y = line(win, y, _("Lần này"), buf, R_DONE);
    }
    return y;
}

static int draw_fields(weekly_screen *w, WINDOW *win, int y)
{
    const task_row *r = weekly_cur_task(w);
    int wd = getmaxx(win);
    char label[120];
    if (r && r->qty_unit[0]) snprintf(label, sizeof label, _("Lần này (%s)"), r->qty_unit);
    else snprintf(label, sizeof label, "%s", C_("This time", "Lần này"));
    int lw = draw_width(label) > draw_width(_("Ghi chú")) ? draw_width(label) : draw_width(_("Ghi chú"));
    int fx = 2 + lw + 2, nw = wd - fx - 2;
    if (nw < 10) nw = 10;
    attr_t field_attr = draw_attr(R_NORMAL) | (w->typing ? A_UNDERLINE : 0);
    draw_role(win, w->typing && w->field == 0 ? R_SELECTED : R_LABEL);
    draw_text(win, y, 2, lw, label, DRAW_PAD);
    wattrset(win, (int)field_attr);
    tf_set_ascii(draw_is_ascii());
    int c = tf_draw(w->qty, win, y, fx, QTY_W, w->typing && w->field == 0);
    if (w->typing && w->field == 0) { w->cy = y; w->cx = c; }
    draw_role(win, R_DIM);
    draw_text(win, y, fx + QTY_W + 2, wd - fx - QTY_W - 4,
              _("=số: tổng mới · Enter khi trống: bỏ qua"), 0);
    y++;
    draw_role(win, w->typing && w->field == 1 ? R_SELECTED : R_LABEL);
    draw_text(win, y, 2, lw, _("Ghi chú"), DRAW_PAD);
    wattrset(win, (int)field_attr);
    c = tf_draw(w->note, win, y, fx, nw, w->typing && w->field == 1);
    if (w->typing && w->field == 1) { w->cy = y; w->cx = c; }
    y++;
    if (w->err[0]) {
        char m[340];
        snprintf(m, sizeof m, "! %s", w->err);
        draw_role(win, R_ERROR);
        draw_text(win, y, fx, wd - fx - 1, m, 0);
    } else if (!w->typing) {
        draw_role(win, R_DIM);
        draw_text(win, y, 2, wd - 4, _("Enter hoặc w: nhập tiếp từ việc đang chọn · Esc: kết thúc"), 0);
    }
    draw_role(win, R_NORMAL);
    return y + 1;
}

static const char *mark_of(weekly_screen *w, int row, int current)
{
    if (w->state[row] == 's') return glyph(G_DONE);
    if (current) return draw_is_ascii() ? ">" : "▸";
    if (w->state[row] == 'k') return "-";
    return " ";
}

static void draw_tasks(weekly_screen *w, WINDOW *win, int y)
{
    screen *s = &w->base;
    int wd = getmaxx(win), h = getmaxy(win) - y - 1;
    if (h < 1) return;
    char head[160];
    snprintf(head, sizeof head, _("Các đầu việc đang làm (%d): %s đã lưu  - bỏ qua"),
             s->lv.n, glyph(G_DONE));
    draw_role(win, R_LABEL);
    draw_text(win, y++, 1, wd - 2, head, 0);
    list_scroll(&s->lv, h);
    for (int i = 0; i < h && s->lv.top + i < s->lv.n; i++) {
        int pos = s->lv.top + i, row = s->lv.idx[pos], current = pos == s->lv.cur;
        const task_row *r = &w->tasks.v[row];
        char qty[TASK_UNIT_SIZE + 80], code[24];
        task_qty_text(r, qty, sizeof qty);
        task_code_text(r->code, code, sizeof code);
        role base = current ? R_SELECTED : w->state[row] == 's' ? R_DONE : R_NORMAL;
        draw_role(win, base);
        int x = draw_text(win, y + i, 0, 2, " ", DRAW_PAD);
        x += draw_text(win, y + i, x, 2, mark_of(w, row, current), DRAW_PAD);
        x += draw_text(win, y + i, x, 5, code, DRAW_PAD);
        x += draw_text(win, y + i, x, wd - x - 16, r->title, DRAW_PAD);
        draw_text(win, y + i, x, wd - x, qty, DRAW_PAD | DRAW_RIGHT);
    }
    draw_role(win, R_NORMAL);
}

void weekly_draw(screen *s, tui *t, int flags)
{
    weekly_screen *w = (weekly_screen *)s;
    WINDOW *win = t->list;
    if (!(flags & REDRAW_LIST) || !win) return;
    werase(win);
    char d[11], head[400];
    date_show(w->date, d);
    snprintf(head, sizeof head, _(" Báo cáo tuần thôn %s — ngày %s — việc %d/%d — đã lưu %d, bỏ qua %d"),
             w->hamlet, d, s->lv.n ? s->lv.cur + 1 : 0, s->lv.n, w->saved, w->skipped);
    draw_role(win, R_HEADER);
    draw_text(win, 0, 0, getmaxx(win), head, DRAW_PAD);
    draw_role(win, R_NORMAL);
    if (!s->lv.n) {
        draw_text(win, 2, 2, getmaxx(win) - 4, s->lv.query[0] ? _("Không có việc nào khớp với từ tìm.")
                  : _("Không có đầu việc nào đang làm."), 0);
        return;
    }
    int y = draw_card(w, t, win, 2);
    y = draw_fields(w, win, y + 1);
    draw_tasks(w, win, y + 1);
}
