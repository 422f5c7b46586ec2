/* results: typing the filled route sheet back, one line per check as written on
 * paper ("3.5 2 hàng rào chưa cắt tỉa": box 2, Chưa đạt). Enter parses the line (tour_parse_result_line)
 * and stores it at once (tour_result_set: its own transaction, with who and when); the
 * window stays open for the next line and keeps a log of what was stored, each line as
 * understood ("✗ 3.5 Chưa đạt: hàng rào chưa cắt tỉa"), or why it was refused (the line
 * then stays in the field to be corrected). Esc ends. A pasted block of lines works too:
 * each line break is an Enter.
 *
 * The window sits at the bottom of the screen (at the top when the row just stored is
 * under it), so the tour underneath, repainted after every line, shows the new marks. */
#include "tui/screens/tour/tour.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/draw.h"
#include "tui/widgets/textfield.h"
#include "model/i18n.h"
#include "model/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { LOG_MAX = 40, LINE_MAX_CHARS = 600, WIN_MAX_W = 110 };

typedef struct { char text[900]; char mark; int error; } log_line;

typedef struct results {
    tui *t;
    int64_t tour_id;
    const tour_results_cb *cb;
    textfield *tf;
    log_line log[LOG_MAX];
    int nlog, stored;
    int at_top;                 /* the window is at the top of the screen */
} results;

static void log_add(results *r, char mark, int error, const char *text)
{
    if (r->nlog == LOG_MAX) { memmove(r->log, r->log + 1, (LOG_MAX - 1) * sizeof r->log[0]); r->nlog--; }
    log_line *l = &r->log[r->nlog++];
    l->mark = mark;
    l->error = error;
    text_copy(l->text, sizeof l->text, text);
}

/* Over the detail pane when it is under the list (80x24: the list stays in view), else
 * a band at the bottom. */
static int win_h(tui *t)
{
    if (t->detail && t->detail_below && getmaxy(t->detail) >= 8) return getmaxy(t->detail);
    return LINES >= 36 ? 14 : 10;
}

static WINDOW *make_window(results *r)
{
    int h = win_h(r->t), w = COLS - 4 > WIN_MAX_W ? WIN_MAX_W : COLS - 4;
    if (h > LINES - 2) h = LINES - 2;
    if (h < 7 || w < 40) return NULL;
    int y = r->at_top ? 1 : LINES - 2 - h;
    WINDOW *win = newwin(h, w, y < 0 ? 0 : y, (COLS - w) / 2);
    if (!win) return NULL;
    keypad(win, TRUE);
    wtimeout(win, -1);
    wbkgdset(win, (chtype)(' ' | draw_attr(R_NORMAL)));
    return win;
}

/* At the top when the selected row of the screen under it would be hidden. */
static int place(results *r)
{
    screen *s = tui_top(r->t);
    if (!s || !r->t->list) return 0;
    int sel_y = getbegy(r->t->list) + 1 + (s->lv.cur - s->lv.top), h = win_h(r->t);
    return sel_y >= LINES - 2 - h && sel_y > h;
}

static void draw(results *r, WINDOW *w)
{
    int h = getmaxy(w), wd = getmaxx(w), inner = wd - 4;
    char title[160], keys[200], count[64];
    snprintf(title, sizeof title, "%s", _("Nhập kết quả theo mã"));
    dialog_frame(w, title);
    draw_role(w, R_DIM);
    draw_text(w, 1, 2, inner, _("Mỗi dòng: mã điểm.mục, số ô đã tích, ghi chú. Vd: 3.5 2 hàng rào chưa cắt tỉa"), 0);
    draw_text(w, 2, 2, inner, _("Ô: 1 (đ) đạt · 2 (c) chưa đạt · 3 (k) không áp dụng · 0 (?) xóa kết quả"), 0);
    draw_role(w, R_NORMAL);
    int rows = h - 6, first = r->nlog > rows ? r->nlog - rows : 0;   /* the newest lines */
    for (int i = 0; i < rows && first + i < r->nlog; i++) {
        const log_line *l = &r->log[first + i];
        int y = 3 + i;
        draw_role(w, l->error ? R_ERROR : l->mark == 'f' ? R_OVERDUE : l->mark == 'p' ? R_DONE : R_NORMAL);
        int x = 2 + draw_text(w, y, 2, 2, l->error ? "!" : tour_mark(l->mark), DRAW_PAD);
        draw_role(w, l->error ? R_ERROR : R_NORMAL);
        draw_text(w, y, x, inner - 2, l->text, 0);
    }
    draw_role(w, R_NORMAL);
    if (!r->nlog)
        draw_text(w, 3, 2, inner, _("Chưa lưu dòng nào."), 0);
    draw_role(w, R_LABEL);
    draw_text(w, h - 3, 2, 2, ">", 0);
    snprintf(keys, sizeof keys, "%s", _("Enter: lưu dòng · Esc: xong"));
    snprintf(count, sizeof count, _("%d dòng đã lưu"), r->stored);
    draw_role(w, R_DIM);
    int cw = draw_width(count);
    draw_text(w, h - 2, 2, inner - cw - 1, keys, 0);
    draw_text(w, h - 2, 2 + inner - cw, cw, count, 0);
    wattrset(w, (int)(draw_attr(R_NORMAL) | A_UNDERLINE));
    tf_set_ascii(draw_is_ascii());
    tf_draw(r->tf, w, h - 3, 4, inner - 2, 1);
    wattrset(w, (int)draw_attr(R_NORMAL));
}

/* One line typed: parse, store, log. 1 when stored. */
static int enter_line(results *r)
{
    ntm_db *db = r->t->db;
    char line[LINE_MAX_CHARS * 4 + 1], note[LINE_MAX_CHARS * 4 + 1], msg[6000], about[600] = "";
    text_copy(line, sizeof line, tf_value(r->tf));
    const char *p = line;
    while (*p == ' ') p++;
    if (!*p) return 0;
    int64_t id = 0;
    char res = 0;
    int a = 0, b = 0;
    if (tour_parse_result_line(db, r->tour_id, line, &id, &res, note, sizeof note) != DB_OK
        || tour_result_set(db, id, res, note) != DB_OK) {
        snprintf(msg, sizeof msg, "%s: %s", p, db_errmsg(db));
        log_add(r, 0, 1, msg);
        return 0;
    }
    sscanf(p, "%d.%d", &a, &b);
    if (r->cb && r->cb->describe) r->cb->describe(r->cb->ctx, id, about, sizeof about);
    snprintf(msg, sizeof msg, "%d.%d %s%s%s%s%s%s", a, b, tour_result_name(res), note[0] ? ": " : "", note,
             about[0] ? "  (" : "", about, about[0] ? ")" : "");
    log_add(r, res, 0, msg);
    r->stored++;
    tf_set(r->tf, "");
    if (r->cb && r->cb->stored) r->cb->stored(r->cb->ctx, id);
    return 1;
}

int tour_results_run(tui *t, int64_t tour_id, const tour_results_cb *cb)
{
    results *r = calloc(1, sizeof *r);
    if (!r || !(r->tf = tf_new(LINE_MAX_CHARS))) {
        free(r);
        tui_message(t, 1, "%s", _("Hết bộ nhớ"));
        return 0;
    }
    r->t = t; r->tour_id = tour_id; r->cb = cb;
    r->at_top = place(r);
    int cursor = curs_set(1), done = 0;
    WINDOW *w = NULL;
    while (!done) {
        if (!w && !(w = make_window(r))) break;          /* too small: give up, nothing lost */
        draw(r, w);
        curs_set(1);
        wint_t wc;
        int k = dialog_show_key(w, &wc);
        if (k == ERR) break;
        if (k == KEY_CODE_YES && wc == KEY_RESIZE) {
            delwin(w); w = NULL;
            tui_repaint(t, 0);
            r->at_top = place(r);
            continue;
        }
        int e = tf_key(r->tf, k, wc);
        if (e == TF_REFUSED) beep();
        if (e != TF_IGNORED) continue;
        if (dialog_is_enter(k, wc)) {
            if (!enter_line(r)) { if (!r->nlog || !r->log[r->nlog - 1].error) beep(); continue; }
            delwin(w); w = NULL;                          /* the tour under it changed */
            tui_repaint(t, RELOAD);
            r->at_top = place(r);
        } else if (dialog_is_cancel(k, wc)) {
            done = 1;
        } else if (k == OK && wc == 12) {                 /* Ctrl-L */
            clearok(curscr, TRUE);
        } else {
            beep();
        }
    }
    if (w) delwin(w);
    curs_set(cursor == ERR ? 0 : cursor);
    int n = r->stored;
    tf_free(r->tf);
    free(r);
    return n;
}
