/* textfield: one-line editor in grapheme clusters, composed to NFC as it is typed.
 *
 * Each cluster keeps two forms: the code points as they arrived (up to TF_UNITS) and
 * its NFC text. The NFC text is what is shown, counted and returned; the arrived form
 * is what Backspace undoes, one code point at a time. That matters for Unikey with
 * "Unicode tổ hợp": when it retypes a word (the tone moves from "hòa" to "hoàn") it
 * sends one Backspace per code point it sent before ("ò" was o + U+0300: two). A
 * Backspace that removed the whole cluster would also eat the letter before it. A
 * cluster that arrived as one code point (precomposed typing, pasted or loaded text)
 * goes with one Backspace, marks and all. */
#include "tui/widgets/textfield.h"
#include "model/text.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

enum { TF_BYTES = 32, TF_UNITS = 8 };

typedef struct {
    char s[TF_BYTES];              /* NFC, NUL-terminated */
    int32_t unit[TF_UNITS];        /* code points as they arrived */
    unsigned char len, n_units, n_cp, width, bad;
} cluster;

struct textfield {
    cluster *cl;
    size_t n, cap, cur, first, max, chars;
    char *val;                     /* cached tf_value */
    int val_ok;
};

static int ascii_mode;
void tf_set_ascii(int ascii) { ascii_mode = ascii; }

/* ---- character classes ---- */

static int cp_width(int32_t c)
{
    int w = wcwidth((wchar_t)c);
    if (w < 0) w = utf8proc_charwidth(c);
    return w < 0 ? 0 : w;
}

/* Joins the cluster before it: combining marks, and other zero-width letters such as
 * Hangul medial vowels. Format characters (ZWSP, bidi controls) do not. */
static int cp_joins(int32_t c)
{
    utf8proc_category_t k = utf8proc_category(c);
    if (k == UTF8PROC_CATEGORY_MN || k == UTF8PROC_CATEGORY_MC || k == UTF8PROC_CATEGORY_ME)
        return 1;
    if (k == UTF8PROC_CATEGORY_CC || k == UTF8PROC_CATEGORY_CF || k == UTF8PROC_CATEGORY_CN ||
        k == UTF8PROC_CATEGORY_CS || k == UTF8PROC_CATEGORY_CO || k == UTF8PROC_CATEGORY_ZL ||
        k == UTF8PROC_CATEGORY_ZP)
        return 0;
    return c >= 0x300 && wcwidth((wchar_t)c) == 0;
}

/* May be typed into a field: no controls, format characters, surrogates, private use
 * or unassigned code points. */
static int cp_typable(int32_t c)
{
    if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c > 0x10FFFF) return 0;
    utf8proc_category_t k = utf8proc_category(c);
    return !(k == UTF8PROC_CATEGORY_CC || k == UTF8PROC_CATEGORY_CF || k == UTF8PROC_CATEGORY_CN ||
             k == UTF8PROC_CATEGORY_CS || k == UTF8PROC_CATEGORY_CO || k == UTF8PROC_CATEGORY_ZL ||
             k == UTF8PROC_CATEGORY_ZP);
}

/* ---- clusters ---- */

/* The placeholder a control character of stored text shows as (model/text.h), or NULL. */
static const char *placeholder(const cluster *c, char *buf)
{
    return c->n_units == 1 ? text_placeholder(c->unit[0], ascii_mode, buf) : NULL;
}

static int placeholder_width(const cluster *c)
{
    char buf[TEXT_PLACEHOLDER_MAX];
    const char *ph = placeholder(c, buf);
    return ph && !ascii_mode && (unsigned char)ph[0] >= 0x80 ? 1 : ph ? (int)strlen(ph) : 1;
}

/* Build c's NFC text, counts and width from its units. -1 when it does not fit. */
static int cluster_make(cluster *c, const int32_t *units, int n, int bad)
{
    utf8proc_uint8_t raw[TF_UNITS * 4 + 1], *nfc = NULL;
    size_t rl = 0;
    for (int i = 0; i < n; i++) rl += (size_t)utf8proc_encode_char(units[i], raw + rl);
    raw[rl] = 0;
    if (utf8proc_map(raw, (utf8proc_ssize_t)rl, &nfc, UTF8PROC_STABLE | UTF8PROC_COMPOSE) < 0)
        return -1;
    size_t len = strlen((char *)nfc);
    if (len >= TF_BYTES) { free(nfc); return -1; }
    cluster t = {0};
    memcpy(t.s, nfc, len + 1);
    free(nfc);
    t.len = (unsigned char)len;
    memcpy(t.unit, units, (size_t)n * sizeof *units);
    t.n_units = (unsigned char)n;
    int w = 0, np = 0;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)t.s;
    int32_t cp;
    for (utf8proc_ssize_t k; *p && (k = utf8proc_iterate(p, -1, &cp)) > 0; p += k, np++)
        w += cp_width(cp);
    t.n_cp = (unsigned char)np;
    /* Shown as U+FFFD / '?' in one column: a mark alone, an unassigned code point. A
     * control character (stored text) shows as its placeholder, in its columns. */
    t.bad = (unsigned char)(bad || w == 0);
    t.width = (unsigned char)(t.bad ? placeholder_width(&t) : (w > 2 ? 2 : w));
    *c = t;
    return 0;
}

static int grow(textfield *tf)
{
    if (tf->n < tf->cap) return 0;
    size_t cap = tf->cap ? tf->cap * 2 : 16;
    cluster *p = realloc(tf->cl, cap * sizeof *p);
    if (!p) return -1;
    tf->cl = p; tf->cap = cap;
    return 0;
}

static void changed(textfield *tf) { tf->val_ok = 0; }

/* Put one code point at the cursor: a mark joins the cluster before the cursor.
 * strict: refuse what cannot be typed (tf_set passes 0 to keep stored text whole). */
static int put_cp(textfield *tf, int32_t c, int strict)
{
    if (strict && !cp_typable(c)) return TF_REFUSED;
    if (cp_joins(c) && tf->cur > 0 && !tf->cl[tf->cur - 1].bad) {
        cluster *prev = &tf->cl[tf->cur - 1], next;
        if (prev->n_units >= TF_UNITS) return TF_REFUSED;
        int32_t u[TF_UNITS];
        memcpy(u, prev->unit, prev->n_units * sizeof *u);
        u[prev->n_units] = c;
        if (cluster_make(&next, u, prev->n_units + 1, 0) < 0) return TF_REFUSED;
        size_t chars = tf->chars - prev->n_cp + next.n_cp;
        if (chars > tf->max) return TF_REFUSED;
        *prev = next;
        tf->chars = chars;
        changed(tf);
        return TF_CHANGED;
    }
    if (strict && cp_joins(c)) return TF_REFUSED;     /* a mark with nothing to sit on */
    cluster nc;
    if (cluster_make(&nc, &c, 1, !cp_typable(c)) < 0) return TF_REFUSED;
    if (tf->chars + nc.n_cp > tf->max || grow(tf) < 0) return TF_REFUSED;
    memmove(tf->cl + tf->cur + 1, tf->cl + tf->cur, (tf->n - tf->cur) * sizeof *tf->cl);
    tf->cl[tf->cur++] = nc;
    tf->n++;
    tf->chars += nc.n_cp;
    changed(tf);
    return TF_CHANGED;
}

static void remove_range(textfield *tf, size_t from, size_t to)
{
    if (from >= to) return;
    for (size_t i = from; i < to; i++) tf->chars -= tf->cl[i].n_cp;
    memmove(tf->cl + from, tf->cl + to, (tf->n - to) * sizeof *tf->cl);
    tf->n -= to - from;
    if (tf->cur > to) tf->cur -= to - from;
    else if (tf->cur > from) tf->cur = from;
    changed(tf);
}

/* ---- public: content ---- */

textfield *tf_new(size_t max_chars)
{
    textfield *tf = calloc(1, sizeof *tf);
    if (!tf) return NULL;
    tf->max = max_chars ? max_chars : TF_DEFAULT_MAX;
    return tf;
}

void tf_free(textfield *tf)
{
    if (!tf) return;
    free(tf->cl);
    free(tf->val);
    free(tf);
}

/* Insert the code points of valid UTF-8 s. paste 0: stored text, kept as it is (a
 * control character shows as U+FFFD but stays); 1: a paste (tabs and line breaks become
 * spaces, other controls and marks with nothing before them are dropped). */
static int insert_utf8(textfield *tf, const char *s, int paste)
{
    if (!s) return TF_IGNORED;
    if (!text_valid_utf8(s)) return TF_INVALID;
    char *n = text_nfc(s);
    if (!n) return TF_INVALID;
    int rc = TF_IGNORED;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)n;
    int32_t c;
    for (utf8proc_ssize_t k; *p && (k = utf8proc_iterate(p, -1, &c)) > 0; p += k) {
        if (paste) {
            if (c == '\t' || c == '\n' || c == '\r') c = ' ';
            else if (!cp_typable(c)) continue;
        }
        if (put_cp(tf, c, paste) != TF_CHANGED) {
            /* At the maximum: stop. A stray mark (paste) is simply skipped. */
            if (tf->chars >= tf->max) { rc = TF_REFUSED; break; }
            continue;
        }
        rc = TF_CHANGED;
    }
    free(n);
    return rc;
}

int tf_set(textfield *tf, const char *s)
{
    if (s && !text_valid_utf8(s)) return TF_INVALID;
    tf->n = tf->cur = tf->first = tf->chars = 0;
    changed(tf);
    int rc = insert_utf8(tf, s ? s : "", 0);
    /* The arrived form of loaded text is its NFC form, so Backspace takes whole letters. */
    return rc == TF_REFUSED ? TF_REFUSED : TF_CHANGED;
}

int tf_paste(textfield *tf, const char *s) { return insert_utf8(tf, s, 1); }

int tf_insert(textfield *tf, wint_t wc)
{
    if (wc == WEOF || wc > 0x10FFFF) return TF_REFUSED;
    return put_cp(tf, (int32_t)wc, 1);
}

static int is_space(const cluster *c) { return c->s[0] == ' ' || c->s[0] == '\t'; }

int tf_op_do(textfield *tf, tf_op op)
{
    size_t i;
    switch (op) {
    case TF_LEFT:
        if (!tf->cur) return TF_IGNORED;
        tf->cur--; return TF_MOVED;
    case TF_RIGHT:
        if (tf->cur >= tf->n) return TF_IGNORED;
        tf->cur++; return TF_MOVED;
    case TF_HOME:
        if (!tf->cur) return TF_IGNORED;
        tf->cur = 0; return TF_MOVED;
    case TF_END:
        if (tf->cur == tf->n) return TF_IGNORED;
        tf->cur = tf->n; return TF_MOVED;
    case TF_BACKSPACE: {
        if (!tf->cur) return TF_REFUSED;
        cluster *c = &tf->cl[tf->cur - 1], nc;
        if (c->n_units > 1 && !c->bad && cluster_make(&nc, c->unit, c->n_units - 1, 0) == 0) {
            tf->chars = tf->chars - c->n_cp + nc.n_cp;     /* undo the last code point typed */
            *c = nc;
            changed(tf);
            return TF_CHANGED;
        }
        remove_range(tf, tf->cur - 1, tf->cur);
        return TF_CHANGED;
    }
    case TF_DELETE:
        if (tf->cur >= tf->n) return TF_REFUSED;
        remove_range(tf, tf->cur, tf->cur + 1);
        return TF_CHANGED;
    case TF_KILL_START:
        if (!tf->cur) return TF_IGNORED;
        remove_range(tf, 0, tf->cur);
        return TF_CHANGED;
    case TF_KILL_END:
        if (tf->cur >= tf->n) return TF_IGNORED;
        remove_range(tf, tf->cur, tf->n);
        return TF_CHANGED;
    case TF_KILL_WORD:
        if (!tf->cur) return TF_REFUSED;
        i = tf->cur;
        while (i > 0 && is_space(&tf->cl[i - 1])) i--;
        while (i > 0 && !is_space(&tf->cl[i - 1])) i--;
        remove_range(tf, i, tf->cur);
        return TF_CHANGED;
    }
    return TF_IGNORED;
}

int tf_key(textfield *tf, int rc, wint_t wc)
{
    if (rc == KEY_CODE_YES) {
        switch (wc) {
        case KEY_LEFT: return tf_op_do(tf, TF_LEFT);
        case KEY_RIGHT: return tf_op_do(tf, TF_RIGHT);
        case KEY_HOME: case KEY_FIND: case KEY_A1: return tf_op_do(tf, TF_HOME);
        case KEY_END: case KEY_SELECT: case KEY_C1: return tf_op_do(tf, TF_END);
        case KEY_BACKSPACE: return tf_op_do(tf, TF_BACKSPACE);
        case KEY_DC: return tf_op_do(tf, TF_DELETE);
        default: return TF_IGNORED;
        }
    }
    if (rc != OK) return TF_IGNORED;
    switch (wc) {
    case 1: return tf_op_do(tf, TF_HOME);            /* Ctrl-A */
    case 5: return tf_op_do(tf, TF_END);             /* Ctrl-E */
    case 2: return tf_op_do(tf, TF_LEFT);            /* Ctrl-B */
    case 6: return tf_op_do(tf, TF_RIGHT);           /* Ctrl-F */
    case 4: return tf_op_do(tf, TF_DELETE);          /* Ctrl-D */
    case 8: case 127: return tf_op_do(tf, TF_BACKSPACE);
    case 21: return tf_op_do(tf, TF_KILL_START);     /* Ctrl-U */
    case 11: return tf_op_do(tf, TF_KILL_END);       /* Ctrl-K */
    case 23: return tf_op_do(tf, TF_KILL_WORD);      /* Ctrl-W */
    default: break;
    }
    if (wc < 0x20 || (wc >= 0x7F && wc < 0xA0)) return TF_IGNORED;
    return tf_insert(tf, wc);
}

const char *tf_value(textfield *tf)
{
    if (tf->val_ok) return tf->val;
    size_t len = 0;
    for (size_t i = 0; i < tf->n; i++) len += tf->cl[i].len;
    char *raw = malloc(len + 1);
    if (!raw) return "";
    len = 0;
    for (size_t i = 0; i < tf->n; i++) {
        memcpy(raw + len, tf->cl[i].s, tf->cl[i].len);
        len += tf->cl[i].len;
    }
    raw[len] = 0;
    char *nfc = text_nfc(raw);            /* clusters are NFC; the whole is, once more */
    if (nfc) { free(raw); raw = nfc; }
    free(tf->val);
    tf->val = raw;
    tf->val_ok = 1;
    return tf->val;
}

size_t tf_len(const textfield *tf) { return tf->n; }
size_t tf_chars(const textfield *tf) { return tf->chars; }
size_t tf_max(const textfield *tf) { return tf->max; }
size_t tf_cursor(const textfield *tf) { return tf->cur; }
void   tf_set_cursor(textfield *tf, size_t pos) { tf->cur = pos > tf->n ? tf->n : pos; }

int tf_cluster_width(const textfield *tf, size_t i) { return i < tf->n ? tf->cl[i].width : 0; }

static int cols(const textfield *tf, size_t from, size_t to)
{
    int w = 0;
    for (size_t i = from; i < to && i < tf->n; i++) w += tf->cl[i].width;
    return w;
}

int tf_width(const textfield *tf) { return cols(tf, 0, tf->n); }

void tf_view(textfield *tf, int width, size_t *first, int *cursor_col)
{
    if (width < 1) width = 1;
    if (tf->cur > tf->n) tf->cur = tf->n;
    if (tf->first > tf->cur) tf->first = tf->cur;
    int cw = tf->cur < tf->n ? tf->cl[tf->cur].width : 1;
    while (tf->first < tf->cur && cols(tf, tf->first, tf->cur) + cw > width) tf->first++;
    /* Room on the right (text was deleted): show more of the start again. */
    int tail = tf->cur == tf->n ? 1 : 0;
    while (tf->first > 0 && cols(tf, tf->first - 1, tf->n) + tail <= width) tf->first--;
    if (first) *first = tf->first;
    if (cursor_col) *cursor_col = cols(tf, tf->first, tf->cur);
}

/* ---- curses ---- */

static void draw_cluster(WINDOW *w, int y, int x, const cluster *c)
{
    if (c->bad) {
        char buf[TEXT_PLACEHOLDER_MAX];
        const char *ph = placeholder(c, buf);
        mvwaddstr(w, y, x, ph ? ph : ascii_mode ? "?" : "\xEF\xBF\xBD");
        return;
    }
    if (ascii_mode) {
        char *a = text_ascii(c->s);
        int ok = a && a[0] >= 0x20 && a[0] < 0x7F && !a[1];
        if (ok && c->width == 1) mvwaddch(w, y, x, (chtype)(unsigned char)a[0]);
        else for (int i = 0; i < c->width; i++) mvwaddch(w, y, x + i, '?');
        free(a);
        return;
    }
    wchar_t ws[TF_BYTES];
    int n = 0;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)c->s;
    int32_t cp;
    for (utf8proc_ssize_t k; *p && n < TF_BYTES - 1 && (k = utf8proc_iterate(p, -1, &cp)) > 0; p += k)
        ws[n++] = (wchar_t)cp;
    ws[n] = 0;
    mvwaddnwstr(w, y, x, ws, n);
}

int tf_draw(textfield *tf, WINDOW *w, int y, int x, int width, int focused)
{
    size_t first;
    int ccol, col = 0;
    if (width < 1) return x;
    tf_view(tf, width, &first, &ccol);
    for (size_t i = first; i < tf->n && col + tf->cl[i].width <= width; i++) {
        draw_cluster(w, y, x + col, &tf->cl[i]);
        col += tf->cl[i].width;
    }
    for (; col < width; col++) mvwaddch(w, y, x + col, ' ');
    if (ccol >= width) ccol = width - 1;
    if (focused) wmove(w, y, x + ccol);
    return x + ccol;
}
