/* draw: width-aware text. Strings arrive as UTF-8 (NFC from the model); they are turned
 * into wide characters, measured with wcwidth and clipped by columns, never by bytes, so
 * Vietnamese letters and any combining mark keep the columns aligned. Every string goes
 * through text_term_safe first, so control characters, escape sequences and bidi
 * overrides from the database reach the terminal only as visible placeholders ("␛[2J",
 * "^[[2J" in ASCII mode) and are measured as such; tab and line break show as a space.
 * Anything else unprintable shows as '?'. In ASCII mode (the terminal is not UTF-8) text goes
 * through text_ascii ("Nậy" -> "Nay") and the few symbols the UI uses get ASCII stand-ins. */
#include "tui/widgets/draw.h"
#include "tui/widgets/textfield.h"
#include "model/text.h"
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

enum { DRAW_MAX = 1024, WRAP_MAX = 4096 };

static int ascii_mode;
static int color_on;

/* The fields learn the mode here too, before any is filled: a stored control character
 * takes the columns of its placeholder ("␛" one, "^[" two) from the start. */
void draw_setup(int ascii, int color) { ascii_mode = ascii; color_on = color; tf_set_ascii(ascii); }
int  draw_is_ascii(void) { return ascii_mode; }

const char *glyph(glyph_id g)
{
    static const char *const uni[] = { " › ", "│", "─", "…", "✓", "!", "·", "×", "█", "░", " · ", "—" };
    static const char *const asc[] = { " > ", "|", "-", "~", "v", "!", ".", "x", "#", "-", " - ", "-" };
    return ascii_mode ? asc[g] : uni[g];
}

/* ASCII stand-ins for the symbols UI text uses; anything else non-ASCII becomes '?'. */
static const char *ascii_for(wchar_t c)
{
    switch (c) {
    case 0x203A: case 0x00BB: return ">";
    case 0x2039: case 0x00AB: return "<";
    case 0x2192: return "->";
    case 0x2190: return "<-";
    case 0x2191: return "Up";
    case 0x2193: return "Down";
    case 0x2026: return "...";
    case 0x2713: return "v";
    case 0x00B7: return ".";
    case 0x2013: case 0x2014: case 0x2500: case 0x2591: return "-";
    case 0x201C: case 0x201D: return "\"";
    case 0x2018: case 0x2019: return "'";
    case 0x2502: return "|";
    case 0x2588: return "#";
    case 0x00D7: return "x";
    case 0x258F: return "_";
    default: return "?";
    }
}

static int printable(wchar_t c)
{
    if (c < 32 || c == 127 || (c >= 0x80 && c < 0xA0)) return 0;
    return wcwidth(c) >= 0;
}

/* UTF-8 -> wide characters as they will be shown. Returns the count. */
static int decode(const char *s, wchar_t *out, int cap)
{
    char *safe = text_term_safe(s ? s : "", ascii_mode);   /* the one gate to the terminal */
    char *conv = ascii_mode && safe ? text_ascii(safe) : NULL;
    const char *p = conv ? conv : safe ? safe : "";
    size_t left = strlen(p);
    mbstate_t st;
    int n = 0;
    memset(&st, 0, sizeof st);
    while (left && n < cap) {
        wchar_t c;
        size_t k = mbrtowc(&c, p, left, &st);
        if (k == (size_t)-1 || k == (size_t)-2 || k == 0) { c = L'?'; k = 1; memset(&st, 0, sizeof st); }
        p += k; left -= k;
        if (!printable(c)) c = L'?';
        if (ascii_mode && c >= 128) {
            for (const char *a = ascii_for(c); *a && n < cap; a++) out[n++] = (wchar_t)*a;
            continue;
        }
        out[n++] = c;
    }
    free(conv);
    free(safe);
    return n;
}

static int wc_cols(wchar_t c) { int w = wcwidth(c); return w < 0 ? 1 : w; }

int draw_width(const char *s)
{
    wchar_t buf[DRAW_MAX];
    int n = decode(s, buf, DRAW_MAX), cols = 0;
    for (int i = 0; i < n; i++) cols += wc_cols(buf[i]);
    return cols;
}

static void spaces(WINDOW *w, int n) { while (n-- > 0) waddch(w, ' '); }

/* Show buf[0..n) in width columns at the cursor; returns columns drawn. */
static int put_clipped(WINDOW *w, const wchar_t *buf, int n, int width, int flags)
{
    int total = 0, used = 0, k = 0;
    for (int i = 0; i < n; i++) total += wc_cols(buf[i]);
    int cut = total > width;
    int avail = cut ? width - 1 : width;            /* one column for the "…" */
    while (k < n && used + wc_cols(buf[k]) <= avail) used += wc_cols(buf[k++]);
    int shown = used + (cut ? 1 : 0);
    if ((flags & DRAW_RIGHT) && !cut) spaces(w, width - shown);
    if (k) waddnwstr(w, buf, k);
    if (cut) waddstr(w, glyph(G_MORE));
    if ((flags & DRAW_PAD) && !(flags & DRAW_RIGHT)) spaces(w, width - shown);
    return (flags & (DRAW_PAD | DRAW_RIGHT)) ? width : shown;
}

int draw_text(WINDOW *w, int y, int x, int width, const char *s, int flags)
{
    wchar_t buf[DRAW_MAX];
    if (width <= 0) return 0;
    int n = decode(s, buf, DRAW_MAX);
    wmove(w, y, x);
    return put_clipped(w, buf, n, width, flags);
}

/* Columns of the word starting at buf[i] and its length in characters. */
static int word_at(const wchar_t *buf, int n, int i, int *len)
{
    int cols = 0, k = i;
    while (k < n && buf[k] != L' ') cols += wc_cols(buf[k++]);
    *len = k - i;
    return cols;
}

int draw_wrap(WINDOW *w, int y, int x, int width, int maxlines, const char *s)
{
    static wchar_t buf[WRAP_MAX];       /* static: 16 KB is too much for some stacks */
    int n = decode(s, buf, WRAP_MAX), i = 0, line = 0;
    if (width <= 0) return 0;
    while (i < n && line < maxlines) {
        while (i < n && buf[i] == L' ') i++;
        if (i >= n) break;
        int start = i, cols = 0, len;
        while (i < n) {                 /* take words while they fit */
            int wc = word_at(buf, n, i, &len);
            if (cols && cols + 1 + wc > width) break;
            if (!cols && wc > width) {  /* a word longer than the line: break inside it */
                while (i < n && buf[i] != L' ' && cols + wc_cols(buf[i]) <= width) cols += wc_cols(buf[i++]);
                break;
            }
            cols += (cols ? 1 : 0) + wc;
            i += len;
            if (i < n && buf[i] == L' ') i++;
        }
        int end = i;
        while (end > start && buf[end - 1] == L' ') end--;
        int last = line == maxlines - 1 && i < n;   /* more text than lines: mark the cut */
        if (w) {                        /* no window: only count the lines */
            wmove(w, y + line, x);
            if (last) put_clipped(w, buf + start, n - start, width, 0);
            else waddnwstr(w, buf + start, end - start);
        }
        line++;
    }
    return line;
}

void draw_hline(WINDOW *w, int y, int x, int n)
{
    wmove(w, y, x);
    for (int i = 0; i < n; i++) waddstr(w, glyph(G_HLINE));
}

void draw_vline(WINDOW *w, int y, int x, int n)
{
    for (int i = 0; i < n; i++) mvwaddstr(w, y + i, x, glyph(G_VLINE));
}

/* ---- colour ---- */

enum { P_TOP = 1, P_HEADER, P_SELECTED, P_OVERDUE, P_DONE, P_KEY, P_READONLY };

void draw_colors_init(void)
{
    if (!color_on) return;
    short bg = use_default_colors() == OK ? -1 : COLOR_BLACK;
    init_pair(P_TOP, COLOR_BLACK, COLOR_CYAN);
    init_pair(P_HEADER, COLOR_BLACK, COLOR_GREEN);
    init_pair(P_SELECTED, COLOR_BLACK, COLOR_CYAN);
    init_pair(P_OVERDUE, COLOR_RED, bg);
    init_pair(P_DONE, COLOR_GREEN, bg);
    init_pair(P_KEY, COLOR_BLACK, COLOR_CYAN);
    init_pair(P_READONLY, COLOR_WHITE, COLOR_RED);
}

attr_t draw_attr(role r)
{
    static const attr_t mono[R__N] = {
        [R_NORMAL] = A_NORMAL, [R_TOP] = A_REVERSE, [R_HEADER] = A_BOLD | A_UNDERLINE,
        [R_SELECTED] = A_REVERSE, [R_OVERDUE] = A_BOLD, [R_DONE] = A_NORMAL, [R_KEY] = A_REVERSE,
        [R_LABEL] = A_BOLD, [R_ERROR] = A_BOLD, [R_READONLY] = A_BOLD, [R_DIM] = A_DIM, [R_TITLE] = A_BOLD };
    if (!color_on) return mono[r];
    switch (r) {
    case R_TOP: return COLOR_PAIR(P_TOP);
    case R_HEADER: return COLOR_PAIR(P_HEADER);
    case R_SELECTED: return COLOR_PAIR(P_SELECTED);
    case R_OVERDUE: case R_ERROR: return COLOR_PAIR(P_OVERDUE) | A_BOLD;
    case R_DONE: return COLOR_PAIR(P_DONE);
    case R_KEY: return COLOR_PAIR(P_KEY);
    case R_READONLY: return COLOR_PAIR(P_READONLY) | A_BOLD;
    default: return mono[r];
    }
}

void draw_role(WINDOW *w, role r) { wattrset(w, (int)draw_attr(r)); }
