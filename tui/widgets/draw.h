/* draw: text on the screen measured in display columns, with the unaccented ASCII
 * fallback for terminals that are not UTF-8, and the colour/attribute roles. */
#ifndef NTM_DRAW_H
#define NTM_DRAW_H
#include <curses.h>

/* Decided once at start-up (app.c): ascii = the terminal cannot show UTF-8. */
void draw_setup(int ascii, int color);
int  draw_is_ascii(void);

/* Symbols with an ASCII stand-in. */
typedef enum { G_PATH, G_VLINE, G_HLINE, G_MORE, G_DONE, G_OVERDUE, G_OPEN, G_CANCELLED,
               G_BAR_ON, G_BAR_OFF, G_DOT, G_DASH } glyph_id;
const char *glyph(glyph_id g);

/* What a piece of the screen means; draw.c maps it to colour or, without colour, to
 * bold/reverse/underline (vt100). */
typedef enum { R_NORMAL, R_TOP, R_HEADER, R_SELECTED, R_OVERDUE, R_DONE, R_KEY, R_LABEL,
               R_ERROR, R_READONLY, R_DIM, R_TITLE, R__N } role;
void   draw_colors_init(void);
attr_t draw_attr(role r);
void   draw_role(WINDOW *w, role r);     /* wattrset */

enum { DRAW_PAD = 1, DRAW_RIGHT = 2 };
/* Display columns of a UTF-8 string as draw_text would show it. */
int draw_width(const char *s);
/* Draw s at (y, x) in at most width columns; cut with "…" when longer. DRAW_PAD fills
 * the rest with spaces; DRAW_RIGHT aligns right (and pads). Returns columns drawn. */
int draw_text(WINDOW *w, int y, int x, int width, const char *s, int flags);
/* Word-wrap s into lines of width columns from (y, x), at most maxlines; returns lines used.
 * With w NULL nothing is drawn: the lines it would take are counted. */
int draw_wrap(WINDOW *w, int y, int x, int width, int maxlines, const char *s);
/* A horizontal rule of n columns; a vertical one of n rows. */
void draw_hline(WINDOW *w, int y, int x, int n);
void draw_vline(WINDOW *w, int y, int x, int n);
#endif
