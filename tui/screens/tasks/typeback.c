/* typeback: R on a task list: the filled-in task sheet typed back, one line a task,
 * as the hamlet wrote it ("V12 150 đã trồng xong"; model/typeback.h says what a line
 * may hold). The window holds the report's date (asked once, today by default) and the
 * lines; under each line, once it was left or checked, what it was understood as
 * ("→ V12 Trồng hàng rào xanh: +150 m") or why not ("! Không có đầu việc mã V99").
 * F2 or Ctrl-S checks every line and saves them all in one transaction, only when all
 * are good: nothing is saved, and nothing typed is lost, while any line is wrong.
 *
 * Keys: Enter a new line below · ↑ ↓ between lines · Backspace on an empty line joins
 * it to the one above · Tab the date / the lines · F2 or Ctrl-S save · Esc cancel (asks
 * when something was typed). A pasted block of lines works: each line break is an Enter. */
#include "tui/screens/tasks/parts.h"
#include "tui/entry.h"
#include "tui/pickers.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/draw.h"
#include "tui/widgets/form.h"
#include "tui/widgets/textfield.h"
#include "model/date.h"
#include "model/i18n.h"
#include "model/text.h"
#include "model/typeback.h"
#include "model/unit.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_LINES = 300, LINE_CHARS = 600, WIN_MAX_W = 104, KEY_CTRL_S = 19 };

typedef struct tb_win {
    tui *t;
    int64_t commune_id, hamlet_id;
    char place[240];             /* "thôn Nậy" / "xã An Hòa Thịnh" */
    char reporter[240];
    textfield *date;
    textfield *line[MAX_LINES];
    int n, cur;                  /* lines, the current one */
    int on_date;                 /* focus on the date */
    int checked;                 /* res is for the text as it is now shown */
    tb_result res;
    char date_err[160], msg[600];
    int msg_error;
    int top;                     /* first line shown */
} tb_win;

/* The whole text, one line each. malloc'd. */
static char *joined(tb_win *b)
{
    size_t n = 1;
    for (int i = 0; i < b->n; i++) n += strlen(tf_value(b->line[i])) + 1;
    char *s = malloc(n), *p = s;
    for (int i = 0; s && i < b->n; i++) {
        const char *v = tf_value(b->line[i]);
        size_t k = strlen(v);
        memcpy(p, v, k); p += k;
        *p++ = '\n';
    }
    if (s) *p = 0;
    return s;
}

static int typed(tb_win *b)
{
    for (int i = 0; i < b->n; i++) if (tf_len(b->line[i])) return 1;
    return 0;
}

/* Check every line again (the results are per line number). */
static void check(tb_win *b)
{
    tb_free(&b->res);
    char *text = joined(b);
    if (!text || tb_check(b->t->db, b->commune_id, b->hamlet_id, text, &b->res) != DB_OK) {
        snprintf(b->msg, sizeof b->msg, "%s", text ? db_errmsg(b->t->db) : _("Hết bộ nhớ"));
        b->msg_error = 1;
    }
    free(text);
    b->checked = 1;
}

static const tb_line *result_of(tb_win *b, int i)
{
    for (int k = 0; b->checked && k < b->res.n; k++) if (b->res.v[k].lineno == i + 1) return &b->res.v[k];
    return NULL;
}

static int insert_line(tb_win *b, int at)
{
    if (b->n >= MAX_LINES) return -1;
    textfield *tf = tf_new(LINE_CHARS);
    if (!tf) return -1;
    memmove(b->line + at + 1, b->line + at, sizeof b->line[0] * (size_t)(b->n - at));
    b->line[at] = tf;
    b->n++;
    return 0;
}

static void drop_line(tb_win *b, int at)
{
    tf_free(b->line[at]);
    memmove(b->line + at, b->line + at + 1, sizeof b->line[0] * (size_t)(b->n - at - 1));
    b->n--;
}

/* ---- drawing ---- */

static void draw(tb_win *b, WINDOW *w, int *cy, int *cx)
{
    int h = getmaxy(w), wd = getmaxx(w), inner = wd - 4;
    char buf[900];
    snprintf(buf, sizeof buf, _("Nhập lại phiếu đầu việc theo mã — %s"), b->place);
    dialog_frame(w, buf);
    draw_role(w, R_DIM);
    draw_text(w, 1, 2, inner, _("Mỗi dòng một việc: mã, khối lượng kỳ này, ghi chú. Vd: V12 150 đã trồng xong đoạn đầu"), 0);
    draw_text(w, 2, 2, inner, _("= trước số: tổng mới (V7 =27) · \"xong\": ô Xong đã đánh dấu (V5 xong)"), 0);
    const char *dl = _("Ngày báo cáo:");
    draw_role(w, b->on_date ? R_SELECTED : R_LABEL);
    int lx = 2 + draw_text(w, 3, 2, inner, dl, 0) + 1;
    wattrset(w, (int)(draw_attr(R_NORMAL) | A_UNDERLINE));
    tf_set_ascii(draw_is_ascii());
    int c = tf_draw(b->date, w, 3, lx, 12, b->on_date);
    if (b->on_date) { *cy = 3; *cx = c; }
    draw_role(w, b->date_err[0] ? R_ERROR : R_DIM);
    draw_text(w, 3, lx + 14, inner - lx - 12, b->date_err[0] ? b->date_err : _("(dd/mm/yyyy; mặc định hôm nay)"), 0);
    int first_y = 4, rows = (h - 2 - first_y) / 2;     /* two rows a line: the text, what it means */
    if (rows < 1) rows = 1;
    if (b->cur < b->top) b->top = b->cur;
    if (b->cur >= b->top + rows) b->top = b->cur - rows + 1;
    for (int i = 0; i < rows && b->top + i < b->n; i++) {
        int k = b->top + i, y = first_y + 2 * i, focus = !b->on_date && k == b->cur;
        snprintf(buf, sizeof buf, "%3d", k + 1);
        draw_role(w, focus ? R_SELECTED : R_DIM);
        draw_text(w, y, 1, 4, buf, DRAW_PAD);
        draw_role(w, R_LABEL);
        draw_text(w, y, 5, 2, ">", 0);
        wattrset(w, (int)(draw_attr(R_NORMAL) | (focus ? A_UNDERLINE : 0)));
        c = tf_draw(b->line[k], w, y, 7, inner - 5, focus);
        if (focus) { *cy = y; *cx = c; }
        const tb_line *l = result_of(b, k);
        if (l) {
            char what[sizeof buf + 8];
            if (l->err[0]) snprintf(what, sizeof what, "! %s", l->err);
            else { tb_describe(l, buf, sizeof buf); snprintf(what, sizeof what, "%s %s", draw_is_ascii() ? "->" : "→", buf); }
            draw_role(w, l->err[0] ? R_ERROR : R_DONE);
            draw_text(w, y + 1, 7, inner - 5, what, 0);
        }
    }
    draw_role(w, b->msg_error ? R_ERROR : R_DIM);
    char count[64];
    snprintf(count, sizeof count, _("%d dòng"), b->res.n && b->checked ? b->res.n : b->n);
    const char *keys = _("F2/Ctrl-S: kiểm tra và lưu · Enter: dòng mới · Tab: ngày · Esc: bỏ");
    int cw = draw_width(count);
    draw_text(w, h - 2, 2, inner - cw - 1, b->msg[0] ? b->msg : keys, 0);
    draw_role(w, R_DIM);
    draw_text(w, h - 2, 2 + inner - cw, cw, count, 0);
    draw_role(w, R_NORMAL);
}

/* ---- saving ---- */

/* The date as typed: 'YYYY-MM-DD' into iso, or the message. */
static int read_date(tb_win *b, char iso[11])
{
    int rc = date_parse(tf_value(b->date), db_today(b->t->db), iso);
    if (rc != DATE_OK) { text_copy(b->date_err, sizeof b->date_err, date_error(rc)); return -1; }
    char shown[11];
    date_show(iso, shown);
    tf_set(b->date, shown);
    b->date_err[0] = 0;
    return 0;
}

/* F2: check all, save all or nothing. 1 when saved (the window closes). */
static int save(tb_win *b)
{
    char iso[11];
    b->msg[0] = 0;
    b->msg_error = 0;
    if (read_date(b, iso)) { b->on_date = 1; return 0; }
    check(b);
    if (b->msg_error) return 0;
    if (!b->res.n) {
        snprintf(b->msg, sizeof b->msg, "%s", _("Chưa có dòng nào để lưu."));
        b->msg_error = 1;
        return 0;
    }
    if (b->res.bad) {
        for (int k = 0; k < b->res.n; k++)
            if (b->res.v[k].err[0]) { b->cur = b->res.v[k].lineno - 1; break; }
        b->on_date = 0;
        snprintf(b->msg, sizeof b->msg, _("%d dòng có lỗi (ghi ! bên dưới): chưa lưu dòng nào. Sửa rồi nhấn F2."), b->res.bad);
        b->msg_error = 1;
        return 0;
    }
    int saved = 0;
    if (tb_save(b->t->db, &b->res, iso, b->reporter, &saved) != DB_OK) {
        text_copy(b->msg, sizeof b->msg, db_errmsg(b->t->db));
        b->msg_error = 1;
        return 0;
    }
    char shown[11];
    date_show(iso, shown);
    tui_message(b->t, 0, _("Đã lưu %d báo cáo tiến độ từ phiếu (ngày %s)."),
                saved, shown);
    return 1;
}

/* ---- keys ---- */

/* One key on the lines; 1 when handled. */
static int line_key(tb_win *b, int k, wint_t wc)
{
    textfield *tf = b->line[b->cur];
    if (dialog_is_enter(k, wc)) {
        if (insert_line(b, b->cur + 1)) { beep(); return 1; }
        b->cur++;
        check(b);                                      /* the line just left says what it means */
        return 1;
    }
    if (k == KEY_CODE_YES && (wc == KEY_UP || wc == KEY_DOWN)) {
        int to = b->cur + (wc == KEY_UP ? -1 : 1);
        if (to < 0 || to >= b->n) { beep(); return 1; }
        b->cur = to;
        check(b);
        return 1;
    }
    int bs = (k == KEY_CODE_YES && wc == KEY_BACKSPACE) || (k == OK && (wc == 127 || wc == 8));
    if (bs && tf_len(tf) == 0 && b->cur > 0) {        /* an empty line goes */
        drop_line(b, b->cur);
        b->cur--;
        b->checked = 0;
        return 1;
    }
    int e = tf_key(tf, k, wc);
    if (e == TF_REFUSED) beep();
    if (e == TF_CHANGED) b->msg[0] = 0;
    return e != TF_IGNORED;
}

/* 1 saved, 0 cancelled, -1 the terminal is too small for the window. */
static int run(tb_win *b)
{
    int off = form_flow_off(), done = 0, saved = 0, cursor = curs_set(1);
    dialog_saved sv;
    dialog_save(&sv);
    while (!done) {
        int h = LINES - 2 > 22 ? 22 : LINES - 2, wd = COLS - 2 > WIN_MAX_W ? WIN_MAX_W : COLS - 2;
        WINDOW *w = h >= 10 && wd >= 40 ? dialog_window(h, wd) : NULL;
        if (!w && !typed(b)) { saved = -1; break; }
        if (!w) {                            /* made too small while lines are typed: wait for room */
            wint_t wc;
            int k = wget_wch(stdscr, &wc);
            if (k == ERR || (k == OK && wc == 27)) break;
            if (k == KEY_CODE_YES && wc == KEY_RESIZE) { dialog_restore(&sv, 0); tui_repaint(b->t, 0); dialog_save(&sv); }
            continue;
        }
        for (;;) {
            int cy = 0, cx = 0;
            draw(b, w, &cy, &cx);
            wmove(w, cy, cx);
            curs_set(1);
            wint_t wc;
            int k = dialog_show_key(w, &wc);
            if (k == ERR) { done = 1; break; }
            if (k == KEY_CODE_YES && wc == KEY_RESIZE) {       /* the screens again, then the window */
                dialog_restore(&sv, 0);
                tui_repaint(b->t, 0);
                dialog_save(&sv);
                break;
            }
            int f2 = (k == KEY_CODE_YES && wc == KEY_F(2)) || (k == OK && wc == KEY_CTRL_S);
            if (f2) { if (save(b)) { saved = done = 1; break; } continue; }
            if (k == OK && wc == '\t') { b->on_date = !b->on_date; if (!b->on_date) { char iso[11]; read_date(b, iso); } continue; }
            if (dialog_is_cancel(k, wc)) {
                delwin(w); w = NULL;
                dialog_restore(&sv, 1);
                if (!typed(b) || entry_confirm(b->t, _("Bỏ các dòng đã gõ (chưa lưu)?"))) done = 1;
                dialog_save(&sv);
                break;
            }
            if (k == OK && wc == 12) { clearok(curscr, TRUE); continue; }     /* Ctrl-L */
            if (b->on_date) {
                int e = tf_key(b->date, k, wc);
                if (e == TF_REFUSED) beep();
                if (dialog_is_enter(k, wc)) { char iso[11]; if (!read_date(b, iso)) b->on_date = 0; }
                continue;
            }
            if (!line_key(b, k, wc)) beep();
        }
        if (w) delwin(w);
    }
    dialog_restore(&sv, 1);
    curs_set(cursor == ERR ? 0 : cursor);
    form_flow_back(off);
    return saved;
}

int entry_typeback(tui *t, int64_t commune_id, int64_t hamlet_id)
{
    if (tui_refuse_readonly(t)) return REDRAW_STATUS;
    tb_win *b = calloc(1, sizeof *b);
    if (!b || !(b->date = tf_new(20)) || insert_line(b, 0)) {
        if (b) { tf_free(b->date); free(b); }
        return tui_message(t, 1, "%s", _("Hết bộ nhớ"));
    }
    b->t = t;
    b->commune_id = commune_id;
    b->hamlet_id = hamlet_id > 0 ? hamlet_id : 0;
    unit_row u;
    if (unit_get(t->db, b->hamlet_id ? b->hamlet_id : commune_id, &u) == DB_OK) {
        snprintf(b->place, sizeof b->place, b->hamlet_id ? _("thôn %s") : _("xã %s"), u.name);
        if (b->hamlet_id) snprintf(b->reporter, sizeof b->reporter, _("Thôn %s (phiếu)"), u.name);
    }
    char today[11];
    date_show(db_today(t->db), today);
    tf_set(b->date, today);
    int saved = run(b);
    for (int i = 0; i < b->n; i++) tf_free(b->line[i]);
    tf_free(b->date);
    tb_free(&b->res);
    free(b);
    if (saved < 0)
        return tui_message(t, 1, "%s", _("Màn hình quá nhỏ để nhập phiếu (cần 40x12)."));
    return saved ? entry_after_write(t, 0) | REDRAW_STATUS : REDRAW_ALL;
}
