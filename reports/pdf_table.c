/* pdf_table: bordered tables whose rows wrap in their cells, with the header row
 * repeated on every page. A row is laid out (wrapped) first, then placed: on this page
 * if it fits, else on the next; only a row taller than a whole page is split, between
 * lines, so a filled-in sheet never has half a row at the foot of a page by accident. */
#include "reports/pdf_internal.h"
#include "model/i18n.h"
#include <stdlib.h>
#include <string.h>

#define BORDER 0.6f

typedef struct {
    char *text, *note;         /* cleaned (NFC) copies */
    pdf_span *tl, *nl;         /* their lines */
    int nt, nn, box;
} cell_lay;

typedef struct {
    cell_lay c[PDF_TABLE_MAX_COLS];
    int lines;                 /* of the tallest cell */
} row_lay;

static void free_row(pdf_table *t, row_lay *r)
{
    for (int i = 0; i < t->ncols; i++) {
        free(r->c[i].text); free(r->c[i].note);
        free(r->c[i].tl); free(r->c[i].nl);
    }
}

static int wrap_into(pdf_table *t, const char *in, enum pdf_face f, float w, char **s, pdf_span **ln)
{
    if (!in || !in[0]) return 0;
    *s = pdf_clean(in);
    return *s ? pdf_wrap(t->d, f, t->size, *s, w, ln) : -1;
}

static int lay_row(pdf_table *t, const pdf_cell *cells, int min_lines, row_lay *r)
{
    memset(r, 0, sizeof *r);
    r->lines = min_lines > 1 ? min_lines : 1;
    for (int i = 0; i < t->ncols; i++) {
        cell_lay *c = &r->c[i];
        float w = t->w[i] - 2 * t->pad;
        c->box = cells[i].box;
        if (!c->box) {
            c->nt = wrap_into(t, cells[i].text, cells[i].face, w, &c->text, &c->tl);
            c->nn = wrap_into(t, cells[i].note, cells[i].note_face, w, &c->note, &c->nl);
        }
        if (c->nt < 0 || c->nn < 0) { free_row(t, r); return pdf_fail(t->d, "out of memory"); }
        int n = c->box ? 1 : c->nt + c->nn;
        if (n > r->lines) r->lines = n;
    }
    return 0;
}

static float rows_h(const pdf_table *t, int lines)
{
    return 2 * t->pad + (float)lines * pdf_leading(t->size);
}

static void draw_line_of(pdf_table *t, const pdf_cell *in, cell_lay *c, int k, float x, float cw,
                         float top, enum pdf_align a)
{
    pdf_doc *d = t->d;
    float lead = pdf_leading(t->size);
    if (c->box) {
        float s = lead * 0.8f < cw - 2 * t->pad ? lead * 0.8f : cw - 2 * t->pad;
        pdf_tick_box(d, x + (cw - s) / 2, top + (lead - s) / 2, s, c->box == PDF_BOX_TICKED);
        return;
    }
    int note = k >= c->nt;
    pdf_span *sp = note ? &c->nl[k - c->nt] : &c->tl[k];
    enum pdf_face f = note ? in->note_face : in->face;
    const char *s = note ? c->note : c->text;
    float lx = a == PDF_CENTER ? x + (cw - sp->width) / 2 : a == PDF_RIGHT ? x + cw - t->pad - sp->width
                                                                            : x + t->pad;
    pdf_draw(d, lx, top + pdf_baseline(d, f, t->size), f, t->size, s + sp->off, sp->len);
}

static void draw_borders(pdf_table *t, float top, float h)
{
    pdf_doc *d = t->d;
    float x = t->x, right = t->x;
    for (int i = 0; i < t->ncols; i++) right += t->w[i];
    HPDF_Page_SetLineWidth(d->page, BORDER);
    HPDF_Page_MoveTo(d->page, x, pdf_hy(d, top));
    HPDF_Page_LineTo(d->page, right, pdf_hy(d, top));
    HPDF_Page_MoveTo(d->page, x, pdf_hy(d, top + h));
    HPDF_Page_LineTo(d->page, right, pdf_hy(d, top + h));
    for (int i = 0; i <= t->ncols; i++) {
        HPDF_Page_MoveTo(d->page, x, pdf_hy(d, top));
        HPDF_Page_LineTo(d->page, x, pdf_hy(d, top + h));
        if (i < t->ncols) x += t->w[i];
    }
    HPDF_Page_Stroke(d->page);
}

/* Lines [from, to) of every cell at the cursor; head: centred both ways. */
static void draw_segment(pdf_table *t, const pdf_cell *cells, row_lay *r, int from, int to, int head)
{
    pdf_doc *d = t->d;
    float lead = pdf_leading(t->size), h = rows_h(t, to - from), x = t->x;
    for (int i = 0; i < t->ncols && !d->failed; i++) {
        cell_lay *c = &r->c[i];
        int n = c->box ? 1 : c->nt + c->nn;
        float top = d->y + t->pad + (head ? (float)(r->lines - n) * lead / 2 : 0);
        enum pdf_align a = head ? PDF_CENTER : t->cols[i].align;
        for (int k = from; k < to && k < n; k++)
            draw_line_of(t, &cells[i], c, k, x, t->w[i], top + (float)(k - from) * lead, a);
        x += t->w[i];
    }
    if (!d->failed) draw_borders(t, d->y, h);
    d->y += h;
}

/* The header as a row of bold cells, in the user's language: a head is a msgid (the
 * reports' column tables mark theirs N_) or a text already translated, which the
 * catalogue does not hold and so comes back as it is. */
static int lay_head(pdf_table *t, pdf_cell *hc, row_lay *r)
{
    memset(hc, 0, sizeof *hc * PDF_TABLE_MAX_COLS);
    for (int i = 0; i < t->ncols; i++) { hc[i].text = t->cols[i].head ? _(t->cols[i].head) : NULL; hc[i].face = PDF_BOLD; }
    return lay_row(t, hc, 1, r);
}

static int draw_head(pdf_table *t)
{
    pdf_cell hc[PDF_TABLE_MAX_COLS];
    row_lay r;
    if (lay_head(t, hc, &r)) return -1;
    draw_segment(t, hc, &r, 0, r.lines, 1);
    free_row(t, &r);
    t->head_page = pdf_page_count(t->d);
    return t->d->failed ? -1 : 0;
}

int pdf_table_init(pdf_table *t, pdf_doc *d, const pdf_col *cols, int ncols, float size, float width)
{
    memset(t, 0, sizeof *t);
    if (ncols < 1 || ncols > PDF_TABLE_MAX_COLS) return -1;
    float sum = 0;
    for (int i = 0; i < ncols; i++) sum += cols[i].weight > 0 ? cols[i].weight : 0;
    if (sum <= 0) return -1;
    *t = (pdf_table){ .d = d, .cols = cols, .ncols = ncols, .x = pdf_left(d), .size = size,
                      .pad = size * 0.3f };
    if (width <= 0) width = pdf_width(d);
    for (int i = 0; i < ncols; i++) t->w[i] = width * (cols[i].weight > 0 ? cols[i].weight : 0) / sum;
    pdf_cell hc[PDF_TABLE_MAX_COLS];
    row_lay r;
    if (lay_head(t, hc, &r)) return -1;
    t->head_h = rows_h(t, r.lines);
    free_row(t, &r);
    t->min_lines = 1;
    return 0;
}

float pdf_table_lead_height(pdf_table *t, const pdf_cell *cells)
{
    row_lay r;
    if (lay_row(t, cells, t->min_lines, &r)) return 0;
    float h = rows_h(t, r.lines) + (t->head_page != pdf_page_count(t->d) ? t->head_h : 0);
    free_row(t, &r);
    return h;
}

/* A row taller than a page: as many lines as fit on each page, header on each. */
static void split_row(pdf_table *t, const pdf_cell *cells, row_lay *r)
{
    pdf_doc *d = t->d;
    float lead = pdf_leading(t->size);
    int from = 0;
    while (from < r->lines && !d->failed) {
        if (t->head_page != pdf_page_count(d)) {
            if (pdf_room(d) < t->head_h + rows_h(t, 1) && !pdf_at_top(d)) pdf_new_page(d);
            if (draw_head(t)) return;
        }
        int fit = (int)((pdf_room(d) - 2 * t->pad) / lead);
        float fresh = d->mt + t->head_h;      /* y on a page holding only the header */
        if (fit < 1 && pdf_y(d) > fresh + 0.01f) { pdf_new_page(d); continue; }
        if (fit < 1) fit = 1;                 /* absurd sizes: print rather than loop */
        int to = from + fit < r->lines ? from + fit : r->lines;
        draw_segment(t, cells, r, from, to, 0);
        from = to;
        if (from < r->lines) pdf_new_page(d);
    }
}

int pdf_table_row(pdf_table *t, const pdf_cell *cells)
{
    pdf_doc *d = t->d;
    row_lay r;
    if (d->failed || lay_row(t, cells, t->min_lines, &r)) return -1;
    float rh = rows_h(t, r.lines);
    float full = d->ph - d->mt - d->mb;            /* a whole page's text height */
    int head = t->head_page != pdf_page_count(d);
    if (rh + (head ? t->head_h : 0) > pdf_room(d) && !pdf_at_top(d) && t->head_h + rh <= full) {
        pdf_new_page(d);
        head = 1;
    }
    if (rh + (head ? t->head_h : 0) <= pdf_room(d)) {
        if (!head || draw_head(t) == 0) draw_segment(t, cells, &r, 0, r.lines, 0);
    } else {
        split_row(t, cells, &r);
    }
    free_row(t, &r);
    t->rows++;
    return d->failed ? -1 : 0;
}
