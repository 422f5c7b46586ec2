/* form_draw: the form's window: its size for the fields and their messages, the labels,
 * the values (a date with its weekday), the hint or message line, the keys. */
#include "tui/widgets/form_internal.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/draw.h"
#include "tui/widgets/textfield.h"
#include "model/date.h"
#include "model/i18n.h"
#include <stdio.h>

static int field_rows(form *f, int i, int fw)
{
    if (!f->fs[i].msg[0]) return 1;
    char m[MSG_MAX + 4];
    snprintf(m, sizeof m, "! %s", f->fs[i].msg);
    return 1 + dialog_wrapped_lines(m, fw, 2);
}

int form_layout(form *f, form_geom *g)
{
    g->w = form_min(COLS - 4, MAX_WIDTH);
    if (g->w < MIN_W) g->w = form_min(COLS, MIN_W);
    int inner = g->w - 4, lw = 0;
    for (int i = 0; i < f->n; i++)
        lw = form_max(lw, draw_width(form_label(&f->spec[i])) + (f->spec[i].required ? 2 : 0));
    g->lw = form_min(lw + 1, inner * 2 / 5);
    g->fx = 2 + g->lw + 1;
    g->fw = inner - g->lw - 1;
    int rows = 0;
    for (int i = 0; i < f->n; i++) rows += field_rows(f, i, g->fw);
    g->h = form_min(LINES - 2, rows + 4);
    if (g->h < MIN_H) g->h = form_min(LINES, MIN_H);
    g->body = g->h - 4;
    return g->w >= MIN_W && g->h >= MIN_H && COLS >= MIN_W && LINES >= MIN_H;
}

static const char *weekday(int d)
{
    static const char *const names[] = { "", N_("Thứ Hai"), N_("Thứ Ba"), N_("Thứ Tư"), N_("Thứ Năm"), N_("Thứ Sáu"),
                                          N_("Thứ Bảy"), N_("Chủ nhật") };
    return d >= 1 && d <= 7 ? _(names[d]) : "";
}

static const char *hint_of(form *f, int i, char *buf, size_t n)
{
    const form_spec *sp = &f->spec[i];
    if (sp->hint) return _(sp->hint);
    switch (sp->kind) {
    case FORM_DATE:
        return _("Ngày: dd/mm/yyyy, d/m/yy, \"hôm nay\" hoặc +N (N ngày nữa)");
    case FORM_QTY: {
        if (sp->unit_mode == FORM_UNIT_NONE) return _("Một số, vd. 2 hoặc 1,5");
        char list[200];
        form_units_text(sp->units ? sp->units : form_units, list, sizeof list);
        snprintf(buf, n, _("Số và đơn vị, vd. 1,4 km. Đơn vị: %s"), list);
        return buf;
    }
    case FORM_ENUM: return _("Dấu cách hoặc ←/→ để đổi; gõ chữ đầu để nhảy tới");
    case FORM_REF: return _("Enter hoặc gõ chữ để chọn trong danh sách; Delete để bỏ");
    default:
        snprintf(buf, n, _("%zu/%zu ký tự · Ctrl-U: xóa về đầu, Ctrl-K: xóa đến cuối"),
                 tf_chars(f->fs[i].tf), tf_max(f->fs[i].tf));
        return buf;
    }
}

/* Draw field i's value at row y; returns the cursor column when it has one, else -1. */
static int draw_value(form *f, WINDOW *w, int i, int y, const form_geom *g)
{
    const form_spec *sp = &f->spec[i];
    field *fl = &f->fs[i];
    int focused = i == f->cur, a = draw_is_ascii();
    attr_t base = draw_attr(R_NORMAL) | A_UNDERLINE;
    wattrset(w, (int)base);
    switch (sp->kind) {
    case FORM_TEXT: case FORM_QTY: case FORM_DATE: {
        int fw = sp->kind == FORM_DATE ? form_min(g->fw, 16) : g->fw;
        if (focused && fl->fresh) wattrset(w, (int)draw_attr(R_SELECTED));
        tf_set_ascii(a);
        int cx = tf_draw(fl->tf, w, y, g->fx, fw, focused);
        if (sp->kind == FORM_DATE && fw < g->fw) {
            wattrset(w, (int)draw_attr(R_DIM));
            mvwaddch(w, y, g->fx + fw, ' ');
            draw_text(w, y, g->fx + fw + 1, g->fw - fw - 1,
                      !fl->stale && fl->iso[0] && !fl->msg[0] ? weekday(date_weekday(fl->iso)) : "", DRAW_PAD);
        }
        return focused ? cx : -1;
    }
    case FORM_ENUM: {
        char buf[256];
        const char *v = fl->choice >= 0 ? form_opt_label(&sp->options[fl->choice]) : _("(chưa chọn)");
        snprintf(buf, sizeof buf, "%s %s %s", a ? "<" : "‹", v, a ? ">" : "›");
        if (focused) wattrset(w, (int)draw_attr(R_SELECTED));
        draw_text(w, y, g->fx, g->fw, buf, DRAW_PAD);
        return -1;
    }
    case FORM_REF: {
        const char *v = fl->ref_id ? fl->ref_label : _("(chưa chọn: Enter)");
        if (focused) wattrset(w, (int)draw_attr(R_SELECTED));
        draw_text(w, y, g->fx, g->fw, v, DRAW_PAD);
        return -1;
    }
    }
    return -1;
}

/* Keep the focused field (and its message) in the body. */
static void scroll_to(form *f, const form_geom *g)
{
    int row = 0, r0 = 0, r1 = 0;
    for (int i = 0; i < f->n; i++) {
        int h = field_rows(f, i, g->fw);
        if (i == f->cur) { r0 = row; r1 = row + h; }
        row += h;
    }
    if (r1 - f->top > g->body) f->top = r1 - g->body;
    if (r0 < f->top) f->top = r0;
    if (f->top > form_max(0, row - g->body)) f->top = form_max(0, row - g->body);
}

/* Paint everything; returns the cursor column on the focused text, or -1. */
int form_draw(form *f, WINDOW *w, const form_geom *g, int *cy)
{
    char hbuf[320];
    dialog_frame(w, f->title);
    scroll_to(f, g);
    int row = 0, cx = -1, total = 0;
    for (int i = 0; i < f->n; i++) {
        int h = field_rows(f, i, g->fw), y = 1 + row - f->top;
        total += h;
        row += h;
        if (y + h - 1 < 1 || y > g->body) continue;
        if (y >= 1) {
            const form_spec *sp = &f->spec[i];
            char lbl[256];
            snprintf(lbl, sizeof lbl, "%s%s", form_label(sp), sp->required ? " *" : "");
            wattrset(w, (int)draw_attr(i == f->cur ? R_SELECTED : R_LABEL));
            draw_text(w, y, 2, g->lw, lbl, DRAW_PAD);
            int c = draw_value(f, w, i, y, g);
            if (c >= 0) { cx = c; *cy = y; }
        }
        if (f->fs[i].msg[0]) {
            char m[MSG_MAX + 4];
            snprintf(m, sizeof m, "! %s", f->fs[i].msg);
            wattrset(w, (int)draw_attr(R_ERROR));
            int first = form_max(y + 1, 1), lines = form_min(h - 1, g->body - first + 1);
            if (first == y + 1 && lines > 0) draw_wrap(w, first, g->fx, g->fw, lines, m);
        }
    }
    /* more above / below */
    wattrset(w, (int)draw_attr(R_NORMAL));
    int a = draw_is_ascii();
    if (f->top > 0) mvwaddstr(w, 1, g->w - 1, a ? "^" : "▲");
    if (total - f->top > g->body) mvwaddstr(w, g->body, g->w - 1, a ? "v" : "▼");
    /* hint or the form's message; then the keys */
    if (f->msg[0]) {
        char m[MSG_MAX + 4];
        snprintf(m, sizeof m, "! %s", f->msg);
        wattrset(w, (int)draw_attr(R_ERROR));
        draw_text(w, g->h - 3, 2, g->w - 4, m, DRAW_PAD);
    } else if (f->n) {
        wattrset(w, (int)draw_attr(R_DIM));
        draw_text(w, g->h - 3, 2, g->w - 4, hint_of(f, f->cur, hbuf, sizeof hbuf), DRAW_PAD);
    }
    wattrset(w, (int)draw_attr(R_NORMAL));
    draw_text(w, g->h - 2, 2, g->w - 4,
              _("F2/Ctrl-S: lưu · Esc: hủy · Tab/↓/Enter: ô sau · ↑: ô trước"), DRAW_PAD);
    if (cx >= 0) wmove(w, *cy, cx);
    return cx;
}
