/* form_conflict: the view of a save that met a row someone else changed (form.h,
 * "Conflicts"), over the form. It says who changed it and when, which fields came from
 * them by themselves, and lists every field that differs, three lines each: its label
 * and how it stands, then theirs and mine, the one to be saved marked. */
#include "tui/widgets/form_internal.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/draw.h"
#include "model/i18n.h"
#include <stdio.h>
#include <string.h>

enum { ROW_LINES = 3, HEAD_MAX = 4, FOOT = 2 };

/* Who changed the row: a user name from the audit, else (changed outside ntm, "?") these
 * words; known() tells the header which sentence to use. */
static int known(const form_merge *m) { return m->who.user[0] && strcmp(m->who.user, "?"); }
static const char *who_name(const form_merge *m) { return known(m) ? m->who.user : _("người khác"); }

static const char *state_of(const form_merge *m, const merge_row *r, char *buf, size_t n)
{
    switch (r->kind) {
    case MERGE_BOTH: return _("cả hai cùng sửa: chọn một");
    case MERGE_THEIRS:
        snprintf(buf, n, _("chỉ %s sửa: đã lấy tự động"), who_name(m));
        return buf;
    default: return _("chỉ bạn sửa");
    }
}

/* The header: who and when, and the fields taken from theirs by themselves. */
static void header(form *f, char *who, size_t wn, char *autos, size_t an)
{
    form_merge *m = f->merge;
    char when[40] = "";                      /* no time: changed outside ntm, no updated_at */
    if (m->who.at[0] && strcmp(m->who.at, "?")) snprintf(when, sizeof when, _(" lúc %s"), m->who.at);
    snprintf(who, wn, _("%s đã sửa bản ghi này%s, sau khi bạn mở biểu mẫu. Chưa lưu gì; những gì bạn gõ vẫn còn."),
             known(m) ? m->who.user : _("Người khác"), when);
    autos[0] = 0;
    size_t len = 0;
    for (int r = 0; r < m->n; r++) {
        if (m->rows[r].kind != MERGE_THEIRS) continue;
        if (!len) len = (size_t)snprintf(autos, an, _("Bạn không sửa, lấy theo %s: "), who_name(m));
        else if (len < an) len += (size_t)snprintf(autos + len, an - len, ", ");
        if (len < an) len += (size_t)snprintf(autos + len, an - len, "%s", form_label(&f->spec[m->rows[r].field]));
    }
    if (len && len < an) snprintf(autos + len, an - len, ".");
}

static void draw_choice(WINDOW *w, int y, int width, int chosen, const char *whose, const char *value)
{
    char line[1200];
    int a = draw_is_ascii();
    snprintf(line, sizeof line, "%s %s: %s", chosen ? (a ? "(*)" : "(•)") : "( )", whose, value);
    wattrset(w, (int)draw_attr(chosen ? R_LABEL : R_DIM));
    draw_text(w, y, 4, width - 6, line, DRAW_PAD);
}

/* Paint; the rows from m->top that fit between the header (hl lines) and the keys. */
static void paint(form *f, WINDOW *w, const char *who, const char *autos, int hw, int hl)
{
    form_merge *m = f->merge;
    int h = getmaxy(w), width = getmaxx(w), body = h - 2 - hl - FOOT;
    char title[400], whose[100], st[200];
    snprintf(title, sizeof title, _("%s — người khác đã sửa"), f->title);
    dialog_frame(w, title);
    wattrset(w, (int)draw_attr(R_ERROR));
    int y = 1 + draw_wrap(w, 1, 2, hw, 2, who);
    wattrset(w, (int)draw_attr(R_NORMAL));
    if (autos[0]) y += draw_wrap(w, y, 2, hw, 2, autos);
    int fit = body / ROW_LINES;
    if (fit < 1) fit = 1;
    if (m->cur < m->top) m->top = m->cur;
    if (m->cur >= m->top + fit) m->top = m->cur - fit + 1;
    y = 1 + hl;
    snprintf(whose, sizeof whose, _("Của %s"), who_name(m));
    for (int r = m->top; r < m->n && r < m->top + fit; r++, y += ROW_LINES) {
        const merge_row *row = &m->rows[r];
        char lbl[400];
        snprintf(lbl, sizeof lbl, "%s %s %s", form_label(&f->spec[row->field]), glyph(G_DASH),
                 state_of(m, row, st, sizeof st));
        wattrset(w, (int)draw_attr(r == m->cur ? R_SELECTED : R_LABEL));
        draw_text(w, y, 2, width - 4, lbl, DRAW_PAD);
        draw_choice(w, y + 1, width, row->take_theirs, whose, form_merge_shown(m->theirs, row->field));
        draw_choice(w, y + 2, width, !row->take_theirs, _("Của bạn"), form_merge_shown(f, row->field));
    }
    wattrset(w, (int)draw_attr(R_NORMAL));
    int a = draw_is_ascii();
    if (m->top > 0) mvwaddstr(w, 1 + hl, width - 1, a ? "^" : "▲");
    if (m->top + fit < m->n) mvwaddstr(w, h - 2 - FOOT, width - 1, a ? "v" : "▼");
    wattrset(w, (int)draw_attr(R_DIM));
    draw_text(w, h - 3, 2, width - 4, _("↑↓: ô · Dấu cách: đổi · t: lấy hết của họ · m: giữ hết của bạn · ?"), DRAW_PAD);
    wattrset(w, (int)draw_attr(R_NORMAL));
    draw_text(w, h - 2, 2, width - 4, _("Enter/F2: lưu bản gộp · Esc: quay lại biểu mẫu"), DRAW_PAD);
}

/* t drops what was typed: asked first when anything of it would go. */
static int confirm_theirs(form *f)
{
    int drops = 0;
    for (int r = 0; r < f->merge->n; r++) drops |= f->merge->rows[r].kind == MERGE_MINE || f->merge->rows[r].kind == MERGE_BOTH;
    if (!drops) return DLG_YES;
    char q[300];
    snprintf(q, sizeof q, _("Bỏ những gì bạn đã sửa và lấy bản của %s?"), who_name(f->merge));
    return dialog_confirm(q, 0);
}

/* ?: how the view works, in a few lines (README's "Several users" says the same). */
static int help(void)
{
    return dialog_message(_("Trợ giúp: người khác đã sửa"),
        _("Người khác đã lưu bản ghi này sau khi bạn mở biểu mẫu. Chưa có gì được lưu. "
          "Ô chỉ họ sửa: lấy theo họ. Ô chỉ bạn sửa: giữ của bạn. Ô cả hai cùng sửa: bạn chọn. "
          "↑↓ chọn ô, Dấu cách đổi giữa của họ và của bạn; "
          "t: lấy hết của họ (không lưu gì của bạn, biểu mẫu đóng); m: giữ hết của bạn và lưu; "
          "Enter/F2: lưu bản gộp; Esc: quay lại biểu mẫu với bản gộp, F2 để lưu."), 0);
}

int form_conflict_run(form *f)
{
    form_merge *m = f->merge;
    char who[600], autos[900];
    header(f, who, sizeof who, autos, sizeof autos);
    int width = form_min(COLS - 2, MAX_WIDTH + 2), hw = width - 4;
    int hl = dialog_wrapped_lines(who, hw, 2) + (autos[0] ? dialog_wrapped_lines(autos, hw, 2) : 0);
    if (hl > HEAD_MAX) hl = HEAD_MAX;
    if (2 + hl + 1 + m->n * ROW_LINES + FOOT <= LINES - 2) hl++;      /* a blank line under the header when it fits */
    int h = form_min(LINES - 2, 2 + hl + m->n * ROW_LINES + FOOT);
    dialog_saved sv;
    dialog_save(&sv);
    WINDOW *w = dialog_window(h, width);
    if (!w) { dialog_restore(&sv, 0); return MERGE_BACK; }
    int rc = MERGE_BACK;
    for (;;) {
        paint(f, w, who, autos, hw, hl);
        curs_set(0);
        wint_t wc;
        int k = dialog_show_key(w, &wc);
        if (k == ERR) { rc = MERGE_ENDED; break; }
        if (k == KEY_CODE_YES && wc == KEY_RESIZE) { rc = MERGE_RESIZED; break; }
        merge_row *row = &m->rows[m->cur];
        if ((k == KEY_CODE_YES && wc == KEY_UP) || (k == OK && wc == 'k') || (k == KEY_CODE_YES && wc == KEY_BTAB)) {
            if (m->cur > 0) m->cur--; else beep();
        } else if ((k == KEY_CODE_YES && wc == KEY_DOWN) || (k == OK && (wc == 'j' || wc == KEY_TAB))) {
            if (m->cur < m->n - 1) m->cur++; else beep();
        } else if ((k == OK && wc == ' ') || (k == KEY_CODE_YES && (wc == KEY_LEFT || wc == KEY_RIGHT))) {
            row->take_theirs = !row->take_theirs;
        } else if (k == OK && (wc == 't' || wc == 'T')) {
            int a = confirm_theirs(f);
            if (a == DLG_RESIZED) { rc = MERGE_RESIZED; break; }
            if (a == DLG_YES) { rc = MERGE_TAKE_THEIRS; break; }
            touchwin(w);
        } else if (k == OK && (wc == 'm' || wc == 'M')) {
            form_merge_all(f, 0);
            rc = MERGE_SAVE;
            break;
        } else if (dialog_is_enter(k, wc) || (k == OK && wc == KEY_CTRL_S) || (k == KEY_CODE_YES && wc == KEY_F(2))) {
            rc = MERGE_SAVE;
            break;
        } else if (dialog_is_cancel(k, wc)) {
            rc = MERGE_BACK;
            break;
        } else if ((k == OK && wc == '?') || (k == KEY_CODE_YES && wc == KEY_F(1))) {
            if (help() == DLG_RESIZED) { rc = MERGE_RESIZED; break; }
            touchwin(w);
        } else if (k == OK && wc == KEY_CTRL_L) {
            clearok(curscr, TRUE);
        } else {
            beep();
        }
    }
    delwin(w);
    dialog_restore(&sv, rc != MERGE_RESIZED);
    return rc;
}
