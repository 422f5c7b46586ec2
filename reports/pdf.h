/* pdf: the small layout layer every ntm report uses, over libharu 2.3.0.
 *
 * A pdf_doc is a cursor that runs down the page: paragraphs and table rows are put at
 * the cursor and move it down; a new page starts when the next thing does not fit.
 * Coordinates are in points (1/72 inch) measured from the TOP-LEFT corner of the page
 * (libharu's own origin is bottom-left; the conversion stays inside reports/pdf*.c).
 *
 * Text is UTF-8; every function that draws or measures text normalises it to NFC first
 * (libharu does no shaping, so "o" + U+0302 would print with a misplaced mark).
 *
 * Errors: no function crashes on a libharu error. The first error is kept, later calls
 * do nothing, and pdf_save() returns -1 with the message. Messages are in the UI
 * language (model/i18n.h). */
#ifndef NTM_PDF_H
#define NTM_PDF_H
#include "config/config.h"
#include <stddef.h>

typedef struct pdf_doc pdf_doc;

enum pdf_face { PDF_REGULAR = 0, PDF_BOLD, PDF_ITALIC, PDF_BOLD_ITALIC, PDF_NFACES };
enum pdf_align { PDF_LEFT = 0, PDF_CENTER, PDF_RIGHT };

/* ---- document ---- */

/* Start a document with one empty page: fonts from cfg->font_regular / font_bold (the
 * italic and bold italic faces are looked for beside them, regular and bold are used
 * when absent), paper
 * from cfg->paper (A4, A5, Letter), margins of Nghị định 30/2020 (left 30 mm, right
 * 15 mm, top and bottom 20 mm; smaller on A5). title and author go into the document
 * info. Returns NULL with a message in err (a missing font names the file and the
 * ntm.ini key). */
pdf_doc *pdf_open(const ntm_config *cfg, const char *title, const char *author,
                  char *err, size_t errlen);
/* Number the pages from the second (top centre, Nghị định 30), then save to path
 * through a temporary file in the same folder and rename(): a half-written PDF never
 * replaces a good one. The folder
 * is created when missing (mkdir -p). Returns 0, or -1 with a message in err; after a
 * failed save (folder not writable...) another path may be tried. */
int  pdf_save(pdf_doc *d, const char *path, char *err, size_t errlen);
/* Free everything (HPDF_Free). NULL is allowed. */
void pdf_close(pdf_doc *d);
/* 1 once a libharu call failed; pdf_error() says what. */
int  pdf_failed(const pdf_doc *d);
const char *pdf_error(const pdf_doc *d);

/* ---- page geometry and the cursor ---- */
float pdf_left(const pdf_doc *d);          /* left margin, x of the text area */
float pdf_width(const pdf_doc *d);         /* width of the text area */
float pdf_y(const pdf_doc *d);             /* cursor, from the top edge */
void  pdf_set_y(pdf_doc *d, float y);
void  pdf_space(pdf_doc *d, float h);      /* move the cursor down (never past the page) */
float pdf_room(const pdf_doc *d);          /* space left above the bottom margin */
int   pdf_page_count(const pdf_doc *d);
int   pdf_at_top(const pdf_doc *d);        /* 1 when nothing was put on this page yet */
int   pdf_new_page(pdf_doc *d);            /* 0, or -1 after a libharu error */
/* Keep together: start a new page when less than h is left (and the page is not empty).
 * Returns 1 when it started a page. */
int   pdf_need(pdf_doc *d, float h);
/* Keep with next: a block of height h (a heading) must not end a page without the
 * first part (next_h) of what follows, e.g. pdf_table_lead_height() of its table. */
int   pdf_keep_with_next(pdf_doc *d, float h, float next_h);

/* ---- text ---- */
float pdf_text_width(pdf_doc *d, enum pdf_face f, float size, const char *utf8);
/* Largest size <= size at which text fits in width (never below min). */
float pdf_fit_size(pdf_doc *d, enum pdf_face f, float size, float min, const char *utf8, float width);
float pdf_leading(float size);             /* line height used for size */
/* One line, baseline at y (from the top), x is the left, centre or right end. */
void  pdf_text(pdf_doc *d, float x, float y, enum pdf_face f, float size,
               enum pdf_align a, const char *utf8);
/* A wrapped paragraph at the cursor in [x, x + w]; '\n' starts a new line. Moves the
 * cursor down and starts new pages between lines as needed. Returns the height used. */
float pdf_para(pdf_doc *d, float x, float w, enum pdf_face f, float size,
               enum pdf_align a, const char *utf8);
float pdf_para_height(pdf_doc *d, float w, enum pdf_face f, float size, const char *utf8);

/* The word wrapper: splits NFC text into lines no wider than width. Words are measured
 * with libharu's UTF-8 aware width; a word wider than the line is cut only between
 * characters (never inside a UTF-8 sequence, never before a combining mark).
 * Returns the number of lines and a malloc'd array in *out (free it), or -1. */
typedef struct pdf_span { size_t off, len; float width; } pdf_span;
int   pdf_wrap(pdf_doc *d, enum pdf_face f, float size, const char *nfc, float width,
               pdf_span **out);

/* ---- drawing ---- */
void  pdf_line(pdf_doc *d, float x1, float y1, float x2, float y2, float lw);
void  pdf_rect(pdf_doc *d, float x, float y, float w, float h, float lw);
/* A square of side s with its top-left at (x, y), to tick by pen; ticked draws a mark. */
void  pdf_tick_box(pdf_doc *d, float x, float y, float s, int ticked);
/* A rectangle filled in gray (0 black .. 1 white), no border: a bar of a chart. */
void  pdf_fill_rect(pdf_doc *d, float x, float y, float w, float h, float gray);
/* Turn the paper to landscape for the whole document (a wide matrix): only before
 * anything is put on the first page. 0, or -1 when too late. */
int   pdf_set_landscape(pdf_doc *d);

/* ---- tables ----
 * Columns get widths in proportion to their weight over the text area (or the width
 * given to pdf_table_init). The header row is drawn before the first row on every page
 * the table reaches. A row never splits across pages, unless it is taller than a whole
 * page: then it is split between lines. Every cell has borders. */
typedef struct pdf_col {
    const char *head;          /* header text, bold, centred; may wrap */
    float weight;              /* relative width */
    enum pdf_align align;      /* of the cells below */
} pdf_col;

enum { PDF_BOX_NONE = 0, PDF_BOX_EMPTY, PDF_BOX_TICKED };

typedef struct pdf_cell {
    const char *text;          /* NULL or "" for an empty cell */
    enum pdf_face face;
    const char *note;          /* an extra paragraph under text, e.g. "(quá hạn)" */
    enum pdf_face note_face;
    int box;                   /* PDF_BOX_*: a tick box instead of text */
} pdf_cell;

#define PDF_TABLE_MAX_COLS 24          /* 24: a criteria matrix (19 criteria + name, TT, total) */
typedef struct pdf_table {
    pdf_doc *d;
    const pdf_col *cols;
    int ncols;
    float x, w[PDF_TABLE_MAX_COLS];
    float size, pad, head_h;   /* head_h: height of the header row */
    int min_lines;             /* rows are at least this many lines tall (room for a pen) */
    int head_page;             /* page (1-based) the header was last drawn on; 0: none */
    int rows;                  /* rows drawn so far */
} pdf_table;

/* width 0: the whole text area. Returns -1 when ncols is out of range. */
int   pdf_table_init(pdf_table *t, pdf_doc *d, const pdf_col *cols, int ncols,
                     float size, float width);
/* What must fit for the next row to start here: the row, plus the header when it is not
 * on this page yet. For pdf_keep_with_next(). */
float pdf_table_lead_height(pdf_table *t, const pdf_cell *cells);
/* Add one row (ncols cells). Returns 0, or -1 on error (out of memory, libharu). */
int   pdf_table_row(pdf_table *t, const pdf_cell *cells);
#endif
