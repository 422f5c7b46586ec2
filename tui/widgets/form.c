/* form: labelled fields in a centred, scrolling window; checks (form_check.c), then the
 * screen's save; the values and the keys here, the drawing in form_draw.c. */
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
        if (form_has_text(spec[i].kind)) {
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
        free(f->fs[i].base);
    }
    form_merge_end(f);
    free(f->fs);
    picker_free(f->pick);
    free(f->title);
    free(f);
}

/* ---- values ---- */

static int kind_ok(form *f, int i, form_kind k) { return f && i >= 0 && i < f->n && f->spec[i].kind == k; }

int form_set_text(form *f, int i, const char *utf8)
{
    if (!f || i < 0 || i >= f->n || !form_has_text(f->spec[i].kind)) return -1;
    if (tf_set(f->fs[i].tf, utf8 ? utf8 : "") == TF_INVALID) return -1;
    f->fs[i].stale = 1;
    if (f->spec[i].kind != FORM_TEXT) form_check(f, i, 0);
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
    form_check(f, i, 0);
    return 0;
}

int form_set_qty(form *f, int i, double v, const char *unit)
{
    if (!kind_ok(f, i, FORM_QTY) || !isfinite(v)) return -1;
    char num[48], text[160];
    form_fmt_number(v, num, sizeof num);
    snprintf(text, sizeof text, "%s%s%s", num, unit && *unit ? " " : "", unit ? unit : "");
    if (tf_set(f->fs[i].tf, text) == TF_INVALID) return -1;
    form_check(f, i, 0);
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
    case FORM_ENUM: return fl->choice >= 0 ? form_opt_label(&f->spec[i].options[fl->choice]) : "";
    case FORM_REF: return fl->ref_label ? fl->ref_label : "";
    default: return tf_value(fl->tf);
    }
}

const char *form_date(form *f, int i)
{
    if (!kind_ok(f, i, FORM_DATE)) return "";
    if (f->fs[i].stale) form_check(f, i, 0);
    return f->fs[i].iso;
}

double form_qty(form *f, int i, const char **unit)
{
    if (unit) *unit = "";
    if (!kind_ok(f, i, FORM_QTY)) return 0;
    if (f->fs[i].stale) form_check(f, i, 0);
    if (unit) *unit = f->fs[i].unit;
    return f->fs[i].qty;
}

int form_qty_empty(form *f, int i)
{
    if (!kind_ok(f, i, FORM_QTY)) return 1;
    if (f->fs[i].stale) form_check(f, i, 0);
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

char *form_signature(form *f, int i)
{
    char buf[48];
    switch (f->spec[i].kind) {
    case FORM_ENUM: snprintf(buf, sizeof buf, "%d", f->fs[i].choice); return strdup(buf);
    case FORM_REF: snprintf(buf, sizeof buf, "%lld", (long long)f->fs[i].ref_id); return strdup(buf);
    default: return strdup(tf_value(f->fs[i].tf));
    }
}

void form_snapshot(form *f)
{
    for (int i = 0; i < f->n; i++) {
        free(f->fs[i].start);
        free(f->fs[i].base);
        f->fs[i].start = form_signature(f, i);
        f->fs[i].base = form_canon(f, i);
    }
    f->started = 1;
}

void form_set_reread(form *f, form_reread_fn fn) { if (f) f->reread = fn; }
int  form_took_theirs(const form *f) { return f && f->took_theirs; }
int  form_row_gone(const form *f) { return f && f->gone; }

int form_changed(form *f)
{
    if (!f->started) return 0;
    for (int i = 0; i < f->n; i++) {
        char *s = form_signature(f, i);
        int diff = !s || !f->fs[i].start || strcmp(s, f->fs[i].start);
        free(s);
        if (diff) return 1;
    }
    return 0;
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
    if (f->spec[f->cur].kind == FORM_DATE || f->spec[f->cur].kind == FORM_QTY) form_check(f, f->cur, 0);
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
        if (form_check(f, i, 1) < 0 && bad < 0) bad = i;
    if (bad >= 0) {
        f->cur = bad;
        snprintf(f->msg, sizeof f->msg, "%s", _("Chưa lưu: sửa các ô có dấu ! rồi lưu lại"));
        return SAVE_STAY;
    }
    return form_save_write(f, fn, ctx);
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
        char *fo = text_fold(form_opt_label(&sp->options[c]));
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
    f->pick = picker_new(form_label(sp));
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
    draw_wrap(w, 0, 0, COLS, LINES, _("Cửa sổ quá nhỏ cho biểu mẫu. Hãy phóng to cửa sổ."));
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

/* What the loop does after a save: 1 when the form ends, with *rc set. */
static int after_save(form *f, int r, int *rc)
{
    switch (r) {
    case SAVE_OK: *rc = FORM_SAVED; return 1;
    case SAVE_THEIRS: *rc = FORM_CANCELLED; return 1;
    case SAVE_RESIZED: *rc = FORM_RESIZED; return 1;
    case SAVE_ENDED: form_draft_keep(f); *rc = FORM_CANCELLED; return 1;
    default: return 0;
    }
}

static int form_loop(form *f, form_save_fn fn, void *ctx)
{
    if (!f->started) form_snapshot(f);     /* the unchanged state */
    if (f->cur >= f->n) f->cur = 0;
    if (!f->started_loop) { form_draft_restore(f); enter(f); f->started_loop = 1; }
    dialog_saved sv;
    dialog_save(&sv);
    form_geom g;
    if (!form_layout(f, &g)) {
        int r = too_small(f);
        dialog_restore(&sv, 0);
        return r;
    }
    WINDOW *w = dialog_window(g.h, g.w);
    if (!w) { dialog_restore(&sv, 0); return FORM_CANCELLED; }
    int rc = FORM_CANCELLED;
    for (;;) {
        form_layout(f, &g);
        if (g.h != getmaxy(w)) {                 /* a message changed the rows needed */
            delwin(w);
            if (sv.under) { touchwin(sv.under); wnoutrefresh(sv.under); }
            if (!(w = dialog_window(g.h, g.w))) break;
        }
        int cy = 0, cx = form_draw(f, w, &g, &cy);
        curs_set(cx >= 0 && !f->pick ? 1 : 0);
        wnoutrefresh(w);
        if (f->pick) {                            /* open over the form (again after a resize) */
            if (ref_run(f) == FORM_RESIZED) { rc = FORM_RESIZED; break; }
            touchwin(w);
            continue;
        }
        if (f->merge) {                           /* the conflict view, again after a resize */
            doupdate();
            int r = form_save_write(f, fn, ctx);
            if (after_save(f, r, &rc)) break;
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
        if (form_has_text(sp->kind)) {
            int was_fresh = fl->fresh, empty_before = tf_len(fl->tf) == 0;
            fresh_key(fl, k, wc);
            int r = tf_key(fl->tf, k, wc);
            if (was_fresh && !empty_before && tf_len(fl->tf) == 0 && r != TF_CHANGED) {
                r = TF_CHANGED;             /* Backspace/Delete cleared the selected value */
            }
            if (r == TF_REFUSED && k == OK && wc >= 0x20 && tf_chars(fl->tf) >= tf_max(fl->tf)) {
                if (!fl->cut++) beep();          /* once, not for each letter of a long paste */
                snprintf(fl->msg, sizeof fl->msg, _("Ô này nhận tối đa %zu ký tự: đã bỏ %ld ký tự gõ/dán thêm."),
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
            int r = save(f, fn, ctx);
            if (after_save(f, r, &rc)) break;
            if (r == SAVE_STAY) beep();
            touchwin(w);
        } else if (dialog_is_cancel(k, wc)) {
            if (!form_changed(f)) break;
            int a = dialog_confirm(_("Bỏ các thay đổi chưa lưu?"), 0);
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
