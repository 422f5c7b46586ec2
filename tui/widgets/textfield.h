/* textfield: a one-line text editor for Vietnamese input, in grapheme clusters.
 *
 * The text is a row of clusters (a base character and the combining marks typed after
 * it), each kept in NFC. A combining mark (U+0300-U+036F, U+0323, U+0309...) typed on
 * its own, as Unikey's "Unicode tổ hợp" and the Windows Vietnamese keyboard send it,
 * joins the cluster before the cursor, which is composed again: e + U+0302 + U+0323
 * becomes "ệ", one cluster, one column. The cursor moves by whole clusters, and Delete
 * and the kill keys remove whole clusters.
 *
 * Backspace: a cluster that arrived as one character (precomposed typing, pasted or
 * loaded text) goes whole, marks and all. A cluster that arrived in pieces loses the
 * last piece that arrived: "ậ" typed as â + U+0323 takes two Backspaces (ậ -> â -> ""),
 * as in a Windows edit box. This is what Unikey in "Unicode tổ hợp" mode relies on: to
 * move a tone mark ("hòa" -> "hoàn") it sends one Backspace per code point it sent, and
 * a whole-cluster Backspace would also delete the letter before.
 *
 * Only the tf_draw part uses curses; everything else is plain logic on UTF-8 and
 * wide characters, so a unit test links it without a terminal. Widths come from
 * wcwidth (the locale must be UTF-8, as the TUI requires), utf8proc when that fails. */
#ifndef NTM_TEXTFIELD_H
#define NTM_TEXTFIELD_H
#include <curses.h>
#include <stddef.h>
#include <wchar.h>

typedef struct textfield textfield;

/* What an edit did. The caller beeps on TF_REFUSED and redraws on MOVED/CHANGED. */
enum {
    TF_IGNORED = 0,    /* not an editing key: the caller handles it (Tab, Enter, Esc...) */
    TF_MOVED = 1,      /* the cursor moved */
    TF_CHANGED = 2,    /* the text changed */
    TF_REFUSED = -1,   /* too long, a mark with nothing before it, a control character */
    TF_INVALID = -2    /* tf_set / tf_paste: not valid UTF-8; nothing was inserted */
};

/* Editing operations, the keys tf_key maps to them:
 *   LEFT ← Ctrl-B, RIGHT → Ctrl-F, HOME Home Ctrl-A, END End Ctrl-E,
 *   BACKSPACE Backspace Ctrl-H, DELETE Delete Ctrl-D,
 *   KILL_START Ctrl-U, KILL_END Ctrl-K, KILL_WORD Ctrl-W (the word before the cursor). */
typedef enum { TF_LEFT, TF_RIGHT, TF_HOME, TF_END, TF_BACKSPACE, TF_DELETE,
               TF_KILL_START, TF_KILL_END, TF_KILL_WORD } tf_op;

enum { TF_DEFAULT_MAX = 4096 };

/* A field holding at most max_chars characters (Unicode code points after NFC, the
 * count field_text checks); 0 means TF_DEFAULT_MAX. NULL when out of memory. */
textfield  *tf_new(size_t max_chars);
void        tf_free(textfield *tf);
/* Replace the text (NFC'd); cursor at the end. TF_INVALID when s is not UTF-8,
 * TF_REFUSED when longer than the maximum (the text is then cut to it). */
int         tf_set(textfield *tf, const char *s);
/* Insert text at the cursor (a paste): refused whole with TF_INVALID when not valid
 * UTF-8; tabs and line breaks become spaces, other control characters are dropped;
 * TF_REFUSED when it had to stop at the maximum (what fitted stays). */
int         tf_paste(textfield *tf, const char *s);
/* Insert one character from get_wch at the cursor (a combining mark joins the cluster
 * before the cursor). TF_CHANGED or TF_REFUSED. */
int         tf_insert(textfield *tf, wint_t wc);
int         tf_op_do(textfield *tf, tf_op op);
/* Feed one get_wch result: rc is its return value (OK or KEY_CODE_YES). */
int         tf_key(textfield *tf, int rc, wint_t wc);
/* The text as NFC UTF-8; valid until the next change. Never NULL. */
const char *tf_value(textfield *tf);

size_t      tf_len(const textfield *tf);        /* clusters */
size_t      tf_chars(const textfield *tf);      /* code points (what the maximum counts) */
size_t      tf_max(const textfield *tf);
size_t      tf_cursor(const textfield *tf);     /* cursor, in clusters from the start */
void        tf_set_cursor(textfield *tf, size_t pos);
int         tf_width(const textfield *tf);      /* display columns of the whole text */
int         tf_cluster_width(const textfield *tf, size_t i);

/* Scroll so the cursor is visible in a field width columns wide. Sets *first (first
 * cluster shown) and *cursor_col (the cursor's column in the field). The window is
 * remembered, so the text does not jump while the cursor moves inside it. */
void        tf_view(textfield *tf, int width, size_t *first, int *cursor_col);

/* curses part. Draws the visible part at (y, x) in width columns with the window's
 * current attributes, padded with spaces; when focused, leaves the window's cursor on
 * the editing position. Returns the cursor's column (x + offset). */
int         tf_draw(textfield *tf, WINDOW *w, int y, int x, int width, int focused);
/* Unaccented ASCII display (the terminal is not UTF-8): "Nậy" is shown as "Nay". The
 * text itself is unchanged. Set from draw_is_ascii() by the widgets that use fields. */
void        tf_set_ascii(int ascii);
#endif
