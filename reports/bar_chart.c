/* bar_chart: see bar_chart.h. Geometry: the names take up to a third of the text width
 * (right-aligned against the plot), the plot spans 0..100 % and leaves room at its
 * right for the value of a full bar. */
#include "reports/bar_chart.h"
#include "model/i18n.h"
#include <stdio.h>
#include <string.h>

#define TITLE_SIZE 12.0f
#define LABEL_SIZE 10.0f
#define PITCH_MAX 16.0f          /* one bar's row: bar 60 % of it */
#define PITCH_MIN 8.0f
#define PITCH_HERE 11.0f         /* thinner than this: better a fresh page */
#define BAR_GRAY 0.62f

typedef struct { float x0, x1, name_w, pitch, size; } geom;

static float title_h(void) { return pdf_leading(TITLE_SIZE) + 4; }
static float axis_h(float size) { return pdf_leading(size) + 2; }
/* Everything but the bars; the axis labels are at most LABEL_SIZE. */
static float overhead(void) { return title_h() + axis_h(LABEL_SIZE) + 6; }

static geom layout(pdf_doc *d, const bar_item *v, int n, float room)
{
    geom g = { 0 };
    g.pitch = PITCH_MAX;
    float rows = room - overhead() - 0.5f;
    if (n > 0 && rows / n < g.pitch) g.pitch = rows / n < PITCH_MIN ? PITCH_MIN : rows / n;
    g.size = g.pitch < 12.5f ? g.pitch * 0.8f : LABEL_SIZE;
    for (int i = 0; i < n; i++) {
        float w = pdf_text_width(d, PDF_REGULAR, g.size, v[i].label);
        if (w > g.name_w) g.name_w = w;
    }
    float w = pdf_width(d);
    if (g.name_w > w / 3) g.name_w = w / 3;
    g.x0 = pdf_left(d) + g.name_w + 6;
    g.x1 = pdf_left(d) + w - pdf_text_width(d, PDF_REGULAR, g.size, "100,0%") - 6;
    return g;
}

/* A label cut (between words or characters) to fit w. */
static void fit_label(pdf_doc *d, float size, const char *s, float w, char *out, size_t n)
{
    snprintf(out, n, "%s", s);
    size_t len = strlen(out);
    while (len > 0 && pdf_text_width(d, PDF_REGULAR, size, out) > w) {
        do len--; while (len > 0 && ((unsigned char)out[len] & 0xC0) == 0x80);
        snprintf(out + len, n - len, "…");
    }
}

static void grid(pdf_doc *d, const geom *g, float top, float bottom)
{
    static const char *ticks[] = { "0%", "25%", "50%", "75%", "100%" };
    for (int k = 0; k <= 4; k++) {
        float x = g->x0 + (g->x1 - g->x0) * (float)k / 4;
        pdf_text(d, x, top + g->size, PDF_REGULAR, g->size, PDF_CENTER, ticks[k]);
        pdf_line(d, x, top + axis_h(g->size), x, bottom, k == 0 ? 0.8f : 0.3f);
    }
}

/* Items [from, to) on this page at the cursor, under the title. */
static void draw_part(pdf_doc *d, const char *title, const bar_item *v, int from, int to, const geom *g)
{
    pdf_para(d, pdf_left(d), pdf_width(d), PDF_BOLD, TITLE_SIZE, PDF_CENTER, title);
    pdf_space(d, 4);
    float top = pdf_y(d), y = top + axis_h(g->size);
    float bottom = y + (float)(to - from) * g->pitch;
    grid(d, g, top, bottom);
    for (int i = from; i < to; i++, y += g->pitch) {
        char label[256];
        float bh = g->pitch * 0.6f, by = y + (g->pitch - bh) / 2;
        float val = (float)(v[i].value < 0 ? 0 : v[i].value > 1 ? 1 : v[i].value);
        float bw = (g->x1 - g->x0) * val;
        fit_label(d, g->size, v[i].label, g->name_w, label, sizeof label);
        float base = by + bh / 2 + g->size * 0.35f;
        pdf_text(d, g->x0 - 4, base, PDF_REGULAR, g->size, PDF_RIGHT, label);
        pdf_fill_rect(d, g->x0, by, bw, bh, BAR_GRAY);
        if (bw > 0) pdf_rect(d, g->x0, by, bw, bh, 0.4f);
        /* the value on white, so a gridline does not cross it */
        float tw = pdf_text_width(d, PDF_BOLD, g->size, v[i].text);
        pdf_fill_rect(d, g->x0 + bw + 2, by - 0.5f, tw + 2, bh + 1, 1.0f);
        pdf_text(d, g->x0 + bw + 3, base, PDF_BOLD, g->size, PDF_LEFT, v[i].text);
    }
    pdf_set_y(d, bottom + 6);
}

void report_bar_chart(pdf_doc *d, const char *title, const bar_item *items, int n)
{
    if (n <= 0) return;
    /* here if it fits, the bars a little thinner if need be; else on a fresh page,
     * thinner still when many */
    geom g = layout(d, items, n, pdf_room(d));
    if (g.pitch < PITCH_HERE && !pdf_at_top(d)) {
        pdf_new_page(d);
        g = layout(d, items, n, pdf_room(d));
    }
    int from = 0;
    char cont[400];
    while (from < n && !pdf_failed(d)) {
        int fit = (int)((pdf_room(d) - overhead()) / g.pitch);
        if (fit < 1) fit = 1;
        int to = from + fit < n ? from + fit : n;
        if (from) snprintf(cont, sizeof cont, "%s %s", title, _("(tiếp theo)"));
        draw_part(d, from ? cont : title, items, from, to, &g);
        from = to;
        if (from < n) pdf_new_page(d);
    }
}
