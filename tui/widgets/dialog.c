/* dialog: question, message and prompt windows, and the pieces form and picker share. */
#include "tui/widgets/dialog.h"
#include "tui/widgets/input.h"
#include "tui/widgets/signals.h"
#include "tui/widgets/draw.h"
#include "tui/widgets/textfield.h"
#include "model/i18n.h"
#include "model/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { KEY_ESC = 27, MAX_ERRORS = 100 };

/* ---- shared pieces ---- */

void dialog_save(dialog_saved *s)
{
    doupdate();                          /* what is pending goes out, so curscr is current */
    s->under = dupwin(curscr);
    s->cursor = curs_set(0);
}

void dialog_restore(dialog_saved *s, int restore)
{
    if (s->under) {
        if (restore) {
            touchwin(s->under);
            wnoutrefresh(s->under);
        }
        delwin(s->under);
        s->under = NULL;
    }
    if (s->cursor != ERR) curs_set(s->cursor);
    doupdate();
}

WINDOW *dialog_window(int h, int w)
{
    if (h > LINES) h = LINES;
    if (w > COLS) w = COLS;
    if (h < 3 || w < 10) return NULL;
    WINDOW *win = newwin(h, w, (LINES - h) / 2, (COLS - w) / 2);
    if (!win) return NULL;
    keypad(win, TRUE);
    wtimeout(win, -1);
    wbkgdset(win, (chtype)(' ' | draw_attr(R_NORMAL)));
    return win;
}

void dialog_frame(WINDOW *w, const char *title)
{
    int h, wd;
    getmaxyx(w, h, wd);
    int a = draw_is_ascii();
    const char *hl = a ? "-" : "─", *vl = a ? "|" : "│";
    wattrset(w, (int)draw_attr(R_NORMAL));
    werase(w);
    for (int x = 1; x < wd - 1; x++) { mvwaddstr(w, 0, x, hl); mvwaddstr(w, h - 1, x, hl); }
    for (int y = 1; y < h - 1; y++) { mvwaddstr(w, y, 0, vl); mvwaddstr(w, y, wd - 1, vl); }
    mvwaddstr(w, 0, 0, a ? "+" : "┌");
    mvwaddstr(w, 0, wd - 1, a ? "+" : "┐");
    mvwaddstr(w, h - 1, 0, a ? "+" : "└");
    mvwaddstr(w, h - 1, wd - 1, a ? "+" : "┘");
    if (title && *title && wd > 6) {
        wattrset(w, (int)draw_attr(R_TITLE));
        mvwaddstr(w, 0, 1, " ");
        draw_text(w, 0, 2, wd - 6, title, 0);
        waddstr(w, " ");
        wattrset(w, (int)draw_attr(R_NORMAL));
    }
}

int dialog_key(WINDOW *w, wint_t *wc)
{
    for (int errors = 0; errors < MAX_ERRORS; errors++) {
        int rc = input_wch(w, wc);
        if (rc == KEY_CODE_YES && *wc == KEY_NTM_HUP) return ERR;   /* the session is ending */
        if (rc != ERR) return rc;
    }
    return ERR;
}

int dialog_show_key(WINDOW *w, wint_t *wc)
{
    wnoutrefresh(w);
    doupdate();
    return dialog_key(w, wc);
}

/* The dimmed key hint on the last line of a question or message. */
static void draw_keys(WINDOW *w, int y, int width, const char *keys)
{
    wattrset(w, (int)draw_attr(R_DIM));
    draw_text(w, y, 2, width, keys, 0);
    wattrset(w, (int)draw_attr(R_NORMAL));
}

int dialog_is_enter(int rc, wint_t wc)
{
    return (rc == OK && (wc == '\n' || wc == '\r')) || (rc == KEY_CODE_YES && wc == KEY_ENTER);
}

/* Ctrl-C cancels like Esc: a form with changes asks before it drops them. */
int dialog_is_cancel(int rc, wint_t wc)
{
    return (rc == OK && wc == KEY_ESC) || (rc == KEY_CODE_YES && (wc == KEY_F(10) || wc == KEY_NTM_INTR));
}

int dialog_answer(int rc, wint_t wc)
{
    if (rc != OK) return -1;
    switch (wc) {
    case 'c': case 'C': case 'y': case 'Y': return DLG_YES;
    case 'k': case 'K': case 'n': case 'N': return DLG_NO;
    default: return -1;
    }
}

/* Lines s takes when wrapped to width (drawn on a scratch pad, so the count is exactly
 * what draw_wrap will do). */
int dialog_wrapped_lines(const char *s, int width, int max)
{
    if (width < 1 || max < 1) return 1;
    WINDOW *p = newpad(max, width);
    if (!p) return 1;
    int n = draw_wrap(p, 0, 0, width, max, s);
    delwin(p);
    return n > 0 ? n : 1;
}

static int min_i(int a, int b) { return a < b ? a : b; }
static int max_i(int a, int b) { return a > b ? a : b; }

/* ---- question ---- */

int dialog_confirm(const char *question, int default_yes)
{
    char text[1024], keys[160];
    snprintf(text, sizeof text, "%s %s", question, _("(c/k)"));
    snprintf(keys, sizeof keys, _("c: có · k: không · Enter: %s"),
             default_yes ? _("có") : _("không"));
    dialog_saved sv;
    dialog_save(&sv);
    int rc = DLG_NO, resized = 0;
    for (;;) {
        int inner = min_i(COLS - 8, max_i(draw_width(text), draw_width(keys)));
        if (inner < 10) inner = 10;
        int lines = dialog_wrapped_lines(text, inner, max_i(1, LINES - 6));
        WINDOW *w = dialog_window(lines + 4, inner + 4);
        if (!w) { rc = DLG_NO; break; }
        dialog_frame(w, NULL);
        draw_wrap(w, 1, 2, inner, lines, text);
        draw_keys(w, lines + 2, inner, keys);
        wint_t wc;
        int k = dialog_show_key(w, &wc), done = 1;
        if (k == ERR) rc = DLG_NO;
        else if (k == KEY_CODE_YES && wc == KEY_RESIZE) { rc = DLG_RESIZED; resized = 1; }
        else if (dialog_answer(k, wc) >= 0) rc = dialog_answer(k, wc);
        else if (dialog_is_enter(k, wc)) rc = default_yes ? DLG_YES : DLG_NO;
        else if (dialog_is_cancel(k, wc)) rc = DLG_NO;
        else { beep(); done = 0; }
        delwin(w);
        if (done) break;
    }
    dialog_restore(&sv, !resized);
    return rc;
}

/* ---- message ---- */

int dialog_message(const char *title, const char *text, int error)
{
    char buf[2048];
    const char *keys = _("Bấm phím bất kỳ để đóng");
    snprintf(buf, sizeof buf, "%s%s", error ? "! " : "", text ? text : "");
    dialog_saved sv;
    dialog_save(&sv);
    int inner = min_i(COLS - 8, max_i(max_i(draw_width(buf), draw_width(keys)),
                                      title ? draw_width(title) + 4 : 0));
    if (inner < 10) inner = 10;
    int lines = dialog_wrapped_lines(buf, inner, max_i(1, LINES - 6));
    WINDOW *w = dialog_window(lines + 4, inner + 4);
    int rc = DLG_OK;
    if (!w) { dialog_restore(&sv, 0); return DLG_OK; }
    dialog_frame(w, title);
    wattrset(w, (int)draw_attr(error ? R_ERROR : R_NORMAL));
    draw_wrap(w, 1, 2, inner, lines, buf);
    draw_keys(w, lines + 2, inner, keys);
    wint_t wc;
    int k = dialog_show_key(w, &wc);
    if (k == KEY_CODE_YES && wc == KEY_RESIZE) rc = DLG_RESIZED;
    delwin(w);
    dialog_restore(&sv, rc != DLG_RESIZED);
    return rc;
}

/* ---- prompt ---- */

static void prompt_draw(WINDOW *w, const char *title, const char *label, const char *error,
                        textfield *tf, int inner)
{
    char count[48];
    const char *keys = _("Enter: xong · Esc: hủy");
    dialog_frame(w, title);
    draw_text(w, 1, 2, inner, label ? label : "", 0);
    int row = 4;
    if (error && *error) {
        char e[1024];
        snprintf(e, sizeof e, "! %s", error);
        wattrset(w, (int)draw_attr(R_ERROR));
        draw_text(w, 3, 2, inner, e, 0);
    }
    wattrset(w, (int)draw_attr(R_DIM));
    snprintf(count, sizeof count, "%zu/%zu", tf_chars(tf), tf_max(tf));
    int cw = draw_width(count);
    draw_text(w, row, 2, inner - cw - 1, keys, 0);
    draw_text(w, row, 2 + inner - cw, cw, count, 0);
    wattrset(w, (int)(draw_attr(R_NORMAL) | A_UNDERLINE));
    tf_set_ascii(draw_is_ascii());
    tf_draw(tf, w, 2, 2, inner, 1);
    wattrset(w, (int)draw_attr(R_NORMAL));
}

int dialog_prompt(const char *title, const char *label, const char *error,
                  char *buf, size_t size, size_t max_chars)
{
    if (!buf || size < 2) return DLG_CANCEL;
    if (!max_chars || max_chars > size - 1) max_chars = size - 1;
    textfield *tf = tf_new(max_chars);
    if (!tf) return DLG_CANCEL;
    tf_set(tf, buf);
    dialog_saved sv;
    dialog_save(&sv);
    int inner = min_i(COLS - 8, 68), rc = DLG_CANCEL;
    if (inner < 10) inner = 10;
    WINDOW *w = dialog_window(6, inner + 4);      /* label, field, error, keys */
    if (!w) {
        tf_free(tf);
        dialog_restore(&sv, 0);
        return DLG_CANCEL;
    }
    const char *too_long = NULL;
    for (;;) {
        prompt_draw(w, title, label, too_long ? too_long : error, tf, inner);
        curs_set(1);
        wint_t wc;
        int k = dialog_show_key(w, &wc);
        if (k == ERR) break;
        if (k == KEY_CODE_YES && wc == KEY_RESIZE) {
            text_copy(buf, size, tf_value(tf));
            rc = DLG_RESIZED;
            break;
        }
        int r = tf_key(tf, k, wc);
        if (r == TF_REFUSED) beep();
        if (r != TF_IGNORED) continue;
        if (dialog_is_enter(k, wc)) {
            const char *v = tf_value(tf);
            if (strlen(v) >= size) {         /* more bytes than the caller's buffer */
                too_long = _("Dòng quá dài");
                beep();
                continue;
            }
            memcpy(buf, v, strlen(v) + 1);
            rc = DLG_OK;
            break;
        }
        if (dialog_is_cancel(k, wc)) break;
        if (k == OK && wc == 12) { clearok(curscr, TRUE); continue; }   /* Ctrl-L */
    }
    delwin(w);
    tf_free(tf);
    dialog_restore(&sv, rc != DLG_RESIZED);
    return rc;
}
