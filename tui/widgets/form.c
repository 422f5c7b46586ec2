/* form: labelled fields in a centred, scrolling window; checks, then the screen's save. */
#include "tui/widgets/form.h"
#include "tui/widgets/form_internal.h"
#include "tui/widgets/input.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/draw.h"
#include "tui/widgets/textfield.h"
#include "model/date.h"
#include "model/i18n.h"
#include "model/text.h"
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <utf8proc.h>

const char *const form_units[] = {
    "km", "m", "hộ", "hệ thống", "vườn", "công trình", "%", "hố", "đầu sách", "tuyến", NULL
};

static int min_i(int a, int b) { return a < b ? a : b; }
static int max_i(int a, int b) { return a > b ? a : b; }

static int has_text(form_kind k) { return k == FORM_TEXT || k == FORM_DATE || k == FORM_QTY; }
static const char *label_of(const form_spec *s) { return L(s->label_vi, s->label_en ? s->label_en : s->label_vi); }
static const char *opt_label(const form_option *o) { return L(o->vi, o->en ? o->en : o->vi); }

/* ---- life ---- */

form *form_new(const char *title, const form_spec *spec, int n)
{
    form *f = calloc(1, sizeof *f);
    if (!f) return NULL;
    f->title = strdup(title ? title : "");
    f->spec = spec;
    f->n = n;
    f->fs = calloc((size_t)(n > 0 ? n : 1), sizeof *f->fs);
    f->pick_field = -1;
    if (!f->title || !f->fs) { form_free(f); return NULL; }
    for (int i = 0; i < n; i++) {
        f->fs[i].choice = -1;
        f->fs[i].qty_empty = 1;
        if (has_text(spec[i].kind)) {
            f->fs[i].tf = tf_new(spec[i].max_chars ? spec[i].max_chars : DEFAULT_MAX);
            if (!f->fs[i].tf) { form_free(f); return NULL; }
        }
    }
    return f;
}

void form_free(form *f)
{
    if (!f) return;
    for (int i = 0; f->fs && i < f->n; i++) {
        tf_free(f->fs[i].tf);
        free(f->fs[i].ref_label);
        free(f->fs[i].start);
    }
    free(f->fs);
    picker_free(f->pick);
    free(f->title);
    free(f);
}

/* ---- checks ---- */

static void set_msg(field *fl, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void set_msg(field *fl, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(fl->msg, sizeof fl->msg, fmt, ap);
    va_end(ap);
}

/* Trimmed copy of a field's text. */
static void trimmed(field *fl, char *out, size_t n)
{
    const char *s = tf_value(fl->tf);
    while (*s == ' ') s++;
    text_copy(out, n, s);
    size_t len = strlen(out);
    while (len && out[len - 1] == ' ') out[--len] = 0;
}

static void fmt_number(double v, char *out, size_t n)
{
    snprintf(out, n, "%.10g", v);
    if (!ntm_lang_en)
        for (char *p = out; *p; p++) if (*p == '.') *p = ',';
}

/* The unit list of a QTY field, joined for a message: "km, m, hộ, ...". */
static void units_text(const char *const *u, char *out, size_t n)
{
    size_t len = 0;
    out[0] = 0;
    for (int i = 0; u[i] && len < n; i++)
        len += (size_t)snprintf(out + len, n - len, "%s%s", i ? ", " : "", u[i]);
}

/* Find the canonical unit for what was typed: exact, then accents ignored, then a
 * unique beginning ("cong" -> "công trình"). 0 and out set, or -1 and a message. */
static int unit_resolve(const form_spec *sp, const char *typed, char *out, size_t n, field *fl)
{
    const char *const *u = sp->units ? sp->units : form_units;
    char list[256];
    out[0] = 0;
    if (!*typed) {
        text_copy(out, n, sp->unit_default ? sp->unit_default : "");
        return 0;
    }
    if (sp->unit_mode == FORM_UNIT_NONE) {
        set_msg(fl, "%s", L("Chỉ nhập số, không kèm đơn vị", "A number only, no unit"));
        return -1;
    }
    for (int i = 0; u[i]; i++)
        if (!strcmp(u[i], typed)) { text_copy(out, n, u[i]); return 0; }
    char *ft = text_fold(typed);
    if (!ft) return -1;
    size_t fl_len = strlen(ft);
    int pass, found = -1, count = 0;
    list[0] = 0;
    for (pass = 0; pass < 2 && !count; pass++) {       /* 0: same letters; 1: beginning */
        size_t ll = 0;
        for (int i = 0; u[i]; i++) {
            char *fu = text_fold(u[i]);
            int hit = fu && (pass == 0 ? !strcmp(fu, ft) : !strncmp(fu, ft, fl_len));
            free(fu);
            if (!hit) continue;
            found = i;
            count++;
            ll += (size_t)snprintf(list + ll, ll < sizeof list ? sizeof list - ll : 0, "%s%s", ll ? ", " : "", u[i]);
        }
    }
    free(ft);
    if (count == 1) { text_copy(out, n, u[found]); return 0; }
    if (count > 1) {
        set_msg(fl, L("Đơn vị \"%s\" là %s? Gõ có dấu hoặc đủ chữ", "Unit \"%s\": %s? Type it in full"), typed, list);
        return -1;
    }
    if (sp->unit_mode == FORM_UNIT_FREE) { text_copy(out, n, typed); return 0; }
    units_text(u, list, sizeof list);
    set_msg(fl, L("Đơn vị phải là: %s", "The unit must be one of: %s"), list);
    return -1;
}

/* "1,4 km", "2", "50%", "3 hộ": number (comma or point) and the rest. */
static int qty_parse(const form_spec *sp, field *fl, const char *in)
{
    char num[64], *end;
    size_t i = 0;
    for (; in[i] && i < sizeof num - 1 && (isdigit((unsigned char)in[i]) || strchr(",.-+", in[i])); i++)
        num[i] = in[i] == ',' ? '.' : in[i];
    num[i] = 0;
    if (!i) {
        set_msg(fl, "%s", L("Phải bắt đầu bằng một số (vd. 2 hoặc 1,4 km)", "Must start with a number (e.g. 2 or 1.4 km)"));
        return -1;
    }
    double v = strtod(num, &end);
    if (*end || !isfinite(v)) {
        set_msg(fl, L("\"%.*s\" không phải là số", "\"%.*s\" is not a number"), (int)i, in);
        return -1;
    }
    if (v < 0 || num[0] == '-') {
        set_msg(fl, "%s", L("Không được âm", "Cannot be negative"));
        return -1;
    }
    if (v > 1e9) {
        set_msg(fl, "%s", L("Số quá lớn", "Number too large"));
        return -1;
    }
    /* The unit: spaces squeezed. */
    char unit[UNIT_MAX * 2], *w = unit;
    const char *u = in + i;
    while (*u == ' ') u++;
    for (; *u && w < unit + sizeof unit - 1; u++)
        if (*u != ' ' || (u[1] && u[1] != ' ')) *w++ = *u;
    *w = 0;
    char canon[UNIT_MAX];
    if (unit_resolve(sp, unit, canon, sizeof canon, fl) < 0) return -1;
    fl->qty = v;
    fl->qty_empty = 0;
    text_copy(fl->unit, sizeof fl->unit, canon);
    /* Show it as understood: the number as typed and the unit spelled in full. */
    char shown[UNIT_MAX + 100];
    snprintf(shown, sizeof shown, "%.*s%s%s", (int)i, in, canon[0] ? " " : "", canon);
    if (strcmp(shown, tf_value(fl->tf))) tf_set(fl->tf, shown);
    return 0;
}

/* Check field i. on_save adds the "required" checks. 0 when good. */
static int check(form *f, int i, int on_save)
{
    const form_spec *sp = &f->spec[i];
    field *fl = &f->fs[i];
    char t[1024];
    fl->msg[0] = 0;
    switch (sp->kind) {
    case FORM_TEXT:
        trimmed(fl, t, sizeof t);
        if (on_save && sp->required && !t[0]) set_msg(fl, "%s", L("Không được để trống", "Required"));
        break;
    case FORM_DATE: {
        trimmed(fl, t, sizeof t);
        fl->iso[0] = 0;
        if (!t[0]) {
            if (on_save && sp->required) set_msg(fl, "%s", date_error(DATE_EMPTY));
            break;
        }
        char iso[11];
        int rc = date_parse(t, date_today(), iso);
        if (rc != DATE_OK) { set_msg(fl, "%s", date_error(rc)); break; }
        memcpy(fl->iso, iso, sizeof iso);
        char shown[11];
        date_show(iso, shown);
        if (strcmp(shown, tf_value(fl->tf))) tf_set(fl->tf, shown);
        break;
    }
    case FORM_QTY:
        trimmed(fl, t, sizeof t);
        fl->qty_empty = 1;
        fl->qty = 0;
        fl->unit[0] = 0;
        if (!t[0]) {
            if (on_save && sp->required) set_msg(fl, "%s", L("Chưa nhập số lượng", "No quantity given"));
            break;
        }
        qty_parse(sp, fl, t);
        break;
    case FORM_ENUM:
        if (on_save && sp->required && fl->choice < 0) set_msg(fl, "%s", L("Hãy chọn một giá trị (dấu cách)", "Choose a value (Space)"));
        break;
    case FORM_REF:
        if (on_save && sp->required && !fl->ref_id) set_msg(fl, "%s", L("Chưa chọn (Enter để chọn)", "Nothing chosen (Enter to choose)"));
        break;
    }
    fl->stale = 0;
    return fl->msg[0] ? -1 : 0;
}

/* ---- values ---- */

static int kind_ok(form *f, int i, form_kind k) { return f && i >= 0 && i < f->n && f->spec[i].kind == k; }

int form_set_text(form *f, int i, const char *utf8)
{
    if (!f || i < 0 || i >= f->n || !has_text(f->spec[i].kind)) return -1;
    if (tf_set(f->fs[i].tf, utf8 ? utf8 : "") == TF_INVALID) return -1;
    f->fs[i].stale = 1;
    if (f->spec[i].kind != FORM_TEXT) check(f, i, 0);
    return 0;
}

int form_set_date(form *f, int i, const char *iso)
{
    if (!kind_ok(f, i, FORM_DATE)) return -1;
    char shown[11] = "";
    if (iso && *iso) {
        if (!date_valid_iso(iso)) return -1;
        date_show(iso, shown);
    }
    tf_set(f->fs[i].tf, shown);
    check(f, i, 0);
    return 0;
}

int form_set_qty(form *f, int i, double v, const char *unit)
{
    if (!kind_ok(f, i, FORM_QTY) || !isfinite(v)) return -1;
    char num[48], text[160];
    fmt_number(v, num, sizeof num);
    snprintf(text, sizeof text, "%s%s%s", num, unit && *unit ? " " : "", unit ? unit : "");
    if (tf_set(f->fs[i].tf, text) == TF_INVALID) return -1;
    check(f, i, 0);
    return 0;
}

int form_set_choice(form *f, int i, int value)
{
    if (!kind_ok(f, i, FORM_ENUM)) return -1;
    for (int k = 0; k < f->spec[i].n_options; k++)
        if (f->spec[i].options[k].value == value) { f->fs[i].choice = k; return 0; }
    if (value < 0) { f->fs[i].choice = -1; return 0; }
    return -1;
}

int form_set_ref(form *f, int i, int64_t id, const char *label)
{
    if (!kind_ok(f, i, FORM_REF) || (label && !text_valid_utf8(label))) return -1;
    char *l = text_nfc(label && id ? label : "");
    if (!l) return -1;
    free(f->fs[i].ref_label);
    f->fs[i].ref_label = l;
    f->fs[i].ref_id = id;
    return 0;
}

const char *form_text(form *f, int i)
{
    if (!f || i < 0 || i >= f->n) return "";
    field *fl = &f->fs[i];
    switch (f->spec[i].kind) {
    case FORM_ENUM: return fl->choice >= 0 ? opt_label(&f->spec[i].options[fl->choice]) : "";
    case FORM_REF: return fl->ref_label ? fl->ref_label : "";
    default: return tf_value(fl->tf);
    }
}

const char *form_date(form *f, int i)
{
    if (!kind_ok(f, i, FORM_DATE)) return "";
    if (f->fs[i].stale) check(f, i, 0);
    return f->fs[i].iso;
}

double form_qty(form *f, int i, const char **unit)
{
    if (unit) *unit = "";
    if (!kind_ok(f, i, FORM_QTY)) return 0;
    if (f->fs[i].stale) check(f, i, 0);
    if (unit) *unit = f->fs[i].unit;
    return f->fs[i].qty;
}

int form_qty_empty(form *f, int i)
{
    if (!kind_ok(f, i, FORM_QTY)) return 1;
    if (f->fs[i].stale) check(f, i, 0);
    return f->fs[i].qty_empty;
}

int form_choice(form *f, int i)
{
    if (!kind_ok(f, i, FORM_ENUM) || f->fs[i].choice < 0) return -1;
    return f->spec[i].options[f->fs[i].choice].value;
}

int64_t form_ref(form *f, int i) { return kind_ok(f, i, FORM_REF) ? f->fs[i].ref_id : 0; }

void form_focus(form *f, int i) { if (f && i >= 0 && i < f->n) f->cur = i; }

void form_error(form *f, int i, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (i >= 0 && i < f->n) {
        vsnprintf(f->fs[i].msg, sizeof f->fs[i].msg, fmt, ap);
        f->cur = i;
    } else {
        vsnprintf(f->msg, sizeof f->msg, fmt, ap);
    }
    va_end(ap);
}

/* What "changed" compares: the text, the option, the id. */
static char *signature(form *f, int i)
{
    char buf[48];
    switch (f->spec[i].kind) {
    case FORM_ENUM: snprintf(buf, sizeof buf, "%d", f->fs[i].choice); return strdup(buf);
    case FORM_REF: snprintf(buf, sizeof buf, "%lld", (long long)f->fs[i].ref_id); return strdup(buf);
    default: return strdup(tf_value(f->fs[i].tf));
    }
}

int form_changed(form *f)
{
    if (!f->started) return 0;
    for (int i = 0; i < f->n; i++) {
        char *s = signature(f, i);
        int diff = !s || !f->fs[i].start || strcmp(s, f->fs[i].start);
        free(s);
        if (diff) return 1;
    }
    return 0;
}

/* ---- drawing ---- */

typedef struct { int w, h, body, lw, fx, fw; } geom;

static int field_rows(form *f, int i, int fw)
{
    if (!f->fs[i].msg[0]) return 1;
    char m[MSG_MAX + 4];
    snprintf(m, sizeof m, "! %s", f->fs[i].msg);
    return 1 + dialog_wrapped_lines(m, fw, 2);
}

static int layout(form *f, geom *g)
{
    g->w = min_i(COLS - 4, MAX_WIDTH);
    if (g->w < MIN_W) g->w = min_i(COLS, MIN_W);
    int inner = g->w - 4, lw = 0;
    for (int i = 0; i < f->n; i++)
        lw = max_i(lw, draw_width(label_of(&f->spec[i])) + (f->spec[i].required ? 2 : 0));
    g->lw = min_i(lw + 1, inner * 2 / 5);
    g->fx = 2 + g->lw + 1;
    g->fw = inner - g->lw - 1;
    int rows = 0;
    for (int i = 0; i < f->n; i++) rows += field_rows(f, i, g->fw);
    g->h = min_i(LINES - 2, rows + 4);
    if (g->h < MIN_H) g->h = min_i(LINES, MIN_H);
    g->body = g->h - 4;
    return g->w >= MIN_W && g->h >= MIN_H && COLS >= MIN_W && LINES >= MIN_H;
}

static const char *weekday(int d)
{
    static const char *const vi[] = { "", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật" };
    static const char *const en[] = { "", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };
    return d >= 1 && d <= 7 ? L(vi[d], en[d]) : "";
}

static const char *hint_of(form *f, int i, char *buf, size_t n)
{
    const form_spec *sp = &f->spec[i];
    if (sp->hint_vi) return L(sp->hint_vi, sp->hint_en ? sp->hint_en : sp->hint_vi);
    switch (sp->kind) {
    case FORM_DATE:
        return L("Ngày: dd/mm/yyyy, d/m/yy, \"hôm nay\" hoặc +N (N ngày nữa)",
                 "Date: dd/mm/yyyy, d/m/yy, \"today\" or +N (in N days)");
    case FORM_QTY: {
        if (sp->unit_mode == FORM_UNIT_NONE) return L("Một số, vd. 2 hoặc 1,5", "A number, e.g. 2 or 1.5");
        char list[200];
        units_text(sp->units ? sp->units : form_units, list, sizeof list);
        snprintf(buf, n, L("Số và đơn vị, vd. 1,4 km. Đơn vị: %s", "Number and unit, e.g. 1.4 km. Units: %s"), list);
        return buf;
    }
    case FORM_ENUM: return L("Dấu cách hoặc ←/→ để đổi; gõ chữ đầu để nhảy tới", "Space or ←/→ to change; type a first letter to jump");
    case FORM_REF: return L("Enter hoặc gõ chữ để chọn trong danh sách; Delete để bỏ", "Enter or type to choose from the list; Delete clears");
    default:
        snprintf(buf, n, L("%zu/%zu ký tự · Ctrl-U: xóa về đầu, Ctrl-K: xóa đến cuối",
                           "%zu/%zu characters · Ctrl-U: delete to start, Ctrl-K: to end"),
                 tf_chars(f->fs[i].tf), tf_max(f->fs[i].tf));
        return buf;
    }
}

/* Draw field i's value at row y; returns the cursor column when it has one, else -1. */
static int draw_value(form *f, WINDOW *w, int i, int y, const geom *g)
{
    const form_spec *sp = &f->spec[i];
    field *fl = &f->fs[i];
    int focused = i == f->cur, a = draw_is_ascii();
    attr_t base = draw_attr(R_NORMAL) | A_UNDERLINE;
    wattrset(w, (int)base);
    switch (sp->kind) {
    case FORM_TEXT: case FORM_QTY: case FORM_DATE: {
        int fw = sp->kind == FORM_DATE ? min_i(g->fw, 16) : g->fw;
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
        const char *v = fl->choice >= 0 ? opt_label(&sp->options[fl->choice]) : L("(chưa chọn)", "(none)");
        snprintf(buf, sizeof buf, "%s %s %s", a ? "<" : "‹", v, a ? ">" : "›");
        if (focused) wattrset(w, (int)draw_attr(R_SELECTED));
        draw_text(w, y, g->fx, g->fw, buf, DRAW_PAD);
        return -1;
    }
    case FORM_REF: {
        const char *v = fl->ref_id ? fl->ref_label : L("(chưa chọn: Enter)", "(none: Enter)");
        if (focused) wattrset(w, (int)draw_attr(R_SELECTED));
        draw_text(w, y, g->fx, g->fw, v, DRAW_PAD);
        return -1;
    }
    }
    return -1;
}

/* Keep the focused field (and its message) in the body. */
static void scroll_to(form *f, const geom *g)
{
    int row = 0, r0 = 0, r1 = 0;
    for (int i = 0; i < f->n; i++) {
        int h = field_rows(f, i, g->fw);
        if (i == f->cur) { r0 = row; r1 = row + h; }
        row += h;
    }
    if (r1 - f->top > g->body) f->top = r1 - g->body;
    if (r0 < f->top) f->top = r0;
    if (f->top > max_i(0, row - g->body)) f->top = max_i(0, row - g->body);
}

/* Paint everything; returns the cursor column on the focused text, or -1. */
static int draw(form *f, WINDOW *w, const geom *g, int *cy)
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
            snprintf(lbl, sizeof lbl, "%s%s", label_of(sp), sp->required ? " *" : "");
            wattrset(w, (int)draw_attr(i == f->cur ? R_SELECTED : R_LABEL));
            draw_text(w, y, 2, g->lw, lbl, DRAW_PAD);
            int c = draw_value(f, w, i, y, g);
            if (c >= 0) { cx = c; *cy = y; }
        }
        if (f->fs[i].msg[0]) {
            char m[MSG_MAX + 4];
            snprintf(m, sizeof m, "! %s", f->fs[i].msg);
            wattrset(w, (int)draw_attr(R_ERROR));
            int first = max_i(y + 1, 1), lines = min_i(h - 1, g->body - first + 1);
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
              L("F2/Ctrl-S: lưu · Esc: hủy · Tab/↓/Enter: ô sau · ↑: ô trước",
                "F2/Ctrl-S: save · Esc: cancel · Tab/↓/Enter: next · ↑: previous"), DRAW_PAD);
    if (cx >= 0) wmove(w, *cy, cx);
    return cx;
}

/* ---- keys ---- */

/* A DATE or QTY field that is entered with a value has it "selected", as in a Windows
 * dialog: the first letter typed replaces it, Backspace/Delete clear it, any other
 * key (←, →, Home, End...) just starts editing it. */
static void enter(form *f)
{
    form_kind k = f->spec[f->cur].kind;
    f->fs[f->cur].fresh = (k == FORM_DATE || k == FORM_QTY) && tf_len(f->fs[f->cur].tf) > 0;
}

/* Replace-on-type for a fresh field; called before the key goes to the textfield. */
static void fresh_key(field *fl, int k, wint_t wc)
{
    if (!fl->fresh) return;
    fl->fresh = 0;
    int del = (k == KEY_CODE_YES && (wc == KEY_BACKSPACE || wc == KEY_DC)) || (k == OK && (wc == 127 || wc == 8));
    int letter = k == OK && wc >= 0x20 && wc != 0x7F && !(wc >= 0x80 && wc < 0xA0);
    if (letter || del) tf_set(fl->tf, "");
    if (del) fl->stale = 1;
}

/* Leave the focused field for field to (checked on the way out). */
static void go(form *f, int to)
{
    if (to < 0 || to >= f->n || to == f->cur) return;
    if (f->spec[f->cur].kind == FORM_DATE || f->spec[f->cur].kind == FORM_QTY) check(f, f->cur, 0);
    f->fs[f->cur].fresh = 0;
    f->cur = to;
    enter(f);
}

static int save(form *f, form_save_fn fn, void *ctx)
{
    int bad = -1;
    f->msg[0] = 0;
    f->msg_sticky = 0;
    for (int i = 0; i < f->n; i++)
        if (check(f, i, 1) < 0 && bad < 0) bad = i;
    if (bad >= 0) {
        f->cur = bad;
        snprintf(f->msg, sizeof f->msg, "%s", L("Chưa lưu: sửa các ô có dấu ! rồi lưu lại", "Not saved: fix the fields marked ! and save again"));
        return -1;
    }
    if (!fn || fn(f, ctx) == 0) return 0;
    int shown = f->msg[0] != 0;
    for (int i = 0; i < f->n && !shown; i++) shown = f->fs[i].msg[0] != 0;
    if (!shown) snprintf(f->msg, sizeof f->msg, "%s", L("Không lưu được; dữ liệu đã nhập vẫn còn", "Could not save; what you typed is kept"));
    return -1;
}

static void enum_step(form *f, int dir)
{
    const form_spec *sp = &f->spec[f->cur];
    field *fl = &f->fs[f->cur];
    int lo = sp->required ? 0 : -1, n = sp->n_options;
    if (n <= 0) return;
    int c = fl->choice + dir;
    if (c >= n) c = lo;
    if (c < lo) c = n - 1;
    fl->choice = c;
    fl->msg[0] = 0;
}

/* A letter jumps to the next option that starts with it (accents ignored). */
static int enum_jump(form *f, wint_t wc)
{
    const form_spec *sp = &f->spec[f->cur];
    field *fl = &f->fs[f->cur];
    utf8proc_uint8_t u[8];
    if (sp->n_options <= 0) return 0;
    utf8proc_ssize_t k = utf8proc_encode_char((utf8proc_int32_t)wc, u);
    if (k <= 0) return 0;
    u[k] = 0;
    char *fk = text_fold((char *)u);
    if (!fk || !fk[0]) { free(fk); return 0; }
    int found = 0;
    for (int s = 1; s <= sp->n_options && !found; s++) {
        int c = (fl->choice + s + sp->n_options) % sp->n_options;
        char *fo = text_fold(opt_label(&sp->options[c]));
        if (fo && !strncmp(fo, fk, strlen(fk))) { fl->choice = c; found = 1; }
        free(fo);
    }
    free(fk);
    if (found) fl->msg[0] = 0;
    return found;
}

/* Open the picker of the focused REF field, seeded with the typed letter. */
static void ref_open(form *f, wint_t seed)
{
    const form_spec *sp = &f->spec[f->cur];
    picker_free(f->pick);
    f->pick = picker_new(label_of(sp));
    if (!f->pick) { beep(); return; }
    if (sp->fill) sp->fill(sp->fill_ctx, f->pick);
    picker_select(f->pick, f->fs[f->cur].ref_id);
    if (seed) {
        utf8proc_uint8_t u[8];
        utf8proc_ssize_t k = utf8proc_encode_char((utf8proc_int32_t)seed, u);
        if (k > 0) { u[k] = 0; picker_set_query(f->pick, (char *)u); }
    }
    f->pick_field = f->cur;
}

/* Run the open picker. FORM_RESIZED, or 0 when it was closed. */
static int ref_run(form *f)
{
    int rc = picker_run(f->pick);
    if (rc == PICK_RESIZED) return FORM_RESIZED;
    int i = f->pick_field;
    if (rc == PICK_OK && i >= 0 && i < f->n) {
        form_set_ref(f, i, picker_id(f->pick), picker_label(f->pick));
        f->fs[i].msg[0] = 0;
        f->msg[0] = 0;
        if (i == f->cur && i + 1 < f->n) go(f, i + 1);
    }
    picker_free(f->pick);
    f->pick = NULL;
    f->pick_field = -1;
    return 0;
}

static int printable(int k, wint_t wc)
{
    return k == OK && wc >= 0x20 && wc != 0x7F && !(wc >= 0x80 && wc < 0xA0);
}

/* Handle a key on the focused ENUM or REF field; 1 when used. */
static int choice_key(form *f, int k, wint_t wc)
{
    const form_spec *sp = &f->spec[f->cur];
    field *fl = &f->fs[f->cur];
    int del = (k == KEY_CODE_YES && (wc == KEY_BACKSPACE || wc == KEY_DC)) ||
              (k == OK && (wc == 127 || wc == 8));
    if (sp->kind == FORM_ENUM) {
        if ((k == OK && wc == ' ') || (k == KEY_CODE_YES && wc == KEY_RIGHT)) { enum_step(f, 1); return 1; }
        if (k == KEY_CODE_YES && wc == KEY_LEFT) { enum_step(f, -1); return 1; }
        if (del && !sp->required) { fl->choice = -1; return 1; }
        if (printable(k, wc)) { if (!enum_jump(f, wc)) beep(); return 1; }
        return 0;
    }
    if (dialog_is_enter(k, wc) || (k == OK && wc == ' ') || (k == KEY_CODE_YES && wc == KEY_F(4))) {
        ref_open(f, 0);
        return 1;
    }
    if (del) { form_set_ref(f, f->cur, 0, NULL); return 1; }
    if (printable(k, wc)) { ref_open(f, wc); return 1; }
    return 0;
}

static int too_small(form *f)
{
    /* Too small to show the form: say so, wait for a resize (or a cancel with nothing lost). */
    WINDOW *w = newwin(LINES, COLS, 0, 0);
    if (!w) return FORM_CANCELLED;
    keypad(w, TRUE);
    werase(w);
    draw_wrap(w, 0, 0, COLS, LINES, L("Cửa sổ quá nhỏ cho biểu mẫu. Hãy phóng to cửa sổ.",
                                     "The window is too small for the form. Make it larger."));
    wnoutrefresh(w);
    doupdate();
    int rc = FORM_RESIZED;
    for (;;) {
        wint_t wc;
        int k = dialog_key(w, &wc);
        if (k == ERR) { rc = FORM_CANCELLED; break; }
        if (k == KEY_CODE_YES && wc == KEY_RESIZE) break;
        if (dialog_is_cancel(k, wc) && !form_changed(f)) { rc = FORM_CANCELLED; break; }
        beep();
    }
    delwin(w);
    return rc;
}

/* Ctrl-S is XOFF to a terminal in cbreak mode: it would freeze the output instead of
 * reaching us. Flow control is turned off while the form is open, and put back. */
static struct termios flow_saved;

int form_flow_off(void)
{
    struct termios t;
    if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &flow_saved) != 0) return 0;
    if (!(flow_saved.c_iflag & IXON)) return 0;
    t = flow_saved;
    t.c_iflag &= ~(tcflag_t)IXON;
    return tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0;
}

void form_flow_back(int was_off)
{
    if (!was_off) return;
    struct termios t;
    if (tcgetattr(STDIN_FILENO, &t) != 0) return;
    t.c_iflag |= flow_saved.c_iflag & IXON;
    tcsetattr(STDIN_FILENO, TCSANOW, &t);
}

static int form_loop(form *f, form_save_fn fn, void *ctx);

int form_run(form *f, form_save_fn fn, void *ctx)
{
    if (!f || f->n <= 0) return FORM_CANCELLED;
    int off = form_flow_off();
    int rc = form_loop(f, fn, ctx);
    form_flow_back(off);
    return rc;
}

static int form_loop(form *f, form_save_fn fn, void *ctx)
{
    if (!f->started) {                     /* the unchanged state */
        for (int i = 0; i < f->n; i++) { free(f->fs[i].start); f->fs[i].start = signature(f, i); }
        f->started = 1;
    }
    if (f->cur >= f->n) f->cur = 0;
    if (!f->started_loop) { form_draft_restore(f); enter(f); f->started_loop = 1; }
    dialog_saved sv;
    dialog_save(&sv);
    geom g;
    if (!layout(f, &g)) {
        int r = too_small(f);
        dialog_restore(&sv, 0);
        return r;
    }
    WINDOW *w = dialog_window(g.h, g.w);
    if (!w) { dialog_restore(&sv, 0); return FORM_CANCELLED; }
    int rc = FORM_CANCELLED;
    for (;;) {
        layout(f, &g);
        if (g.h != getmaxy(w)) {                 /* a message changed the rows needed */
            delwin(w);
            if (sv.under) { touchwin(sv.under); wnoutrefresh(sv.under); }
            if (!(w = dialog_window(g.h, g.w))) break;
        }
        int cy = 0, cx = draw(f, w, &g, &cy);
        curs_set(cx >= 0 && !f->pick ? 1 : 0);
        wnoutrefresh(w);
        if (f->pick) {                            /* open over the form (again after a resize) */
            if (ref_run(f) == FORM_RESIZED) { rc = FORM_RESIZED; break; }
            touchwin(w);
            continue;
        }
        doupdate();
        wint_t wc;
        int k = dialog_key(w, &wc);
        if (k == ERR) { form_draft_keep(f); break; }     /* the session ended: keep the typing */
        unsigned char bad;
        if (input_take_dropped(&bad)) {       /* kept while typing on, until the next message */
            input_dropped_hint(bad, f->msg, sizeof f->msg);
            f->msg_sticky = 1;
        }
        int hinted = f->msg_sticky && f->msg[0];
        if (k == KEY_CODE_YES && wc == KEY_RESIZE) { rc = FORM_RESIZED; break; }
        const form_spec *sp = &f->spec[f->cur];
        field *fl = &f->fs[f->cur];
        if (has_text(sp->kind)) {
            int was_fresh = fl->fresh, empty_before = tf_len(fl->tf) == 0;
            fresh_key(fl, k, wc);
            int r = tf_key(fl->tf, k, wc);
            if (was_fresh && !empty_before && tf_len(fl->tf) == 0 && r != TF_CHANGED) {
                r = TF_CHANGED;             /* Backspace/Delete cleared the selected value */
            }
            if (r == TF_REFUSED && k == OK && wc >= 0x20 && tf_chars(fl->tf) >= tf_max(fl->tf)) {
                if (!fl->cut++) beep();          /* once, not for each letter of a long paste */
                snprintf(fl->msg, sizeof fl->msg, L("Ô này nhận tối đa %zu ký tự: đã bỏ %ld ký tự gõ/dán thêm.",
                                                    "This field takes at most %zu characters: %ld more typed or pasted were dropped."),
                         tf_max(fl->tf), fl->cut);
            } else if (r == TF_REFUSED) beep();
            if (r == TF_CHANGED) { fl->stale = 1; fl->msg[0] = 0; fl->cut = 0; if (!hinted) f->msg[0] = 0; }
            if (r != TF_IGNORED) continue;
        } else if (choice_key(f, k, wc)) {
            if (!hinted) f->msg[0] = 0;
            continue;
        }
        int last = f->cur == f->n - 1;
        if ((k == OK && wc == KEY_TAB) || (k == KEY_CODE_YES && wc == KEY_DOWN)) {
            if (!last) go(f, f->cur + 1);
            else if (k == OK) go(f, 0);
            else beep();
        } else if (k == KEY_CODE_YES && (wc == KEY_BTAB || wc == KEY_UP)) {
            if (f->cur > 0) go(f, f->cur - 1);
            else if (wc == KEY_BTAB) go(f, f->n - 1);
            else beep();
        } else if (dialog_is_enter(k, wc) && !last) {
            go(f, f->cur + 1);
        } else if (dialog_is_enter(k, wc) || (k == OK && wc == KEY_CTRL_S) || (k == KEY_CODE_YES && wc == KEY_F(2))) {
            if (save(f, fn, ctx) == 0) { rc = FORM_SAVED; break; }
            beep();
        } else if (dialog_is_cancel(k, wc)) {
            if (!form_changed(f)) break;
            int a = dialog_confirm(L("Bỏ các thay đổi chưa lưu?", "Drop the unsaved changes?"), 0);
            if (a == DLG_RESIZED) { rc = FORM_RESIZED; break; }
            if (a == DLG_YES) break;
            touchwin(w);
        } else if (k == OK && wc == KEY_CTRL_L) {
            clearok(curscr, TRUE);
        } else {
            beep();
        }
    }
    if (w) delwin(w);
    dialog_restore(&sv, rc != FORM_RESIZED);
    return rc;
}
