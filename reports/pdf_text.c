/* pdf_text: cleaning, measuring, wrapping and drawing text; lines and boxes.
 * libharu 2.3.0's own wrappers are not used: HPDF_Page_MeasureText can cut inside a
 * UTF-8 character and HPDF_Page_TextRect breaks only at ASCII spaces and fails on a
 * long word (TECH-NOTES). */
#include "reports/pdf_font.h"
#include "model/text.h"
#include <stdlib.h>
#include <string.h>

/* Bytes of the well-formed UTF-8 character at s, or 0. utf8proc judges overlongs and
 * surrogates, so the rule is the same as the model's. */
static size_t utf8_char(const char *s)
{
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80) return 1;
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (!n || c > 0xF4) return 0;
    char buf[5];
    for (size_t i = 1; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) return 0;
    memcpy(buf, s, n);
    buf[n] = 0;
    return text_valid_utf8(buf) ? n : 0;
}

char *pdf_clean(const char *s)
{
    size_t n = strlen(s), j = 0;
    char *tmp = malloc(n + 1);
    if (!tmp) return NULL;
    for (size_t i = 0; i < n;) {
        size_t k = utf8_char(s + i);
        unsigned char c = (unsigned char)s[i];
        if (!k) { tmp[j++] = '?'; i++; continue; }
        if (c == '\t') { tmp[j++] = ' '; i++; continue; }
        memcpy(tmp + j, s + i, k);
        j += k;
        i += k;
    }
    tmp[j] = 0;
    /* Control characters (C0 but the line break, DEL, C1) and bidi overrides go: the
     * text layer of a paper holds only what is printed. */
    char *clean = text_strip_unsafe(tmp, "\n");
    char *out = clean ? text_nfc(clean) : NULL;
    free(tmp);
    free(clean);
    return out;
}

/* Same sum as HPDF_Page_TextWidth (which calls HPDF_Font_TextWidth with the page's
 * font), but for any byte range and without touching the page's graphics state. */
float pdf_measure(pdf_doc *d, enum pdf_face f, float size, const char *s, size_t len)
{
    if (!len || d->failed) return 0;
    HPDF_TextWidth tw = HPDF_Font_TextWidth(d->font[f], (const HPDF_BYTE *)s, (HPDF_UINT)len);
    return (float)tw.width * size / 1000.0f;
}

float pdf_baseline(const pdf_doc *d, enum pdf_face f, float size)
{
    return size * (d->ascent[f] + 0.05f);
}

float pdf_leading(float size) { return size * 1.22f; }

void pdf_draw(pdf_doc *d, float x, float y, enum pdf_face f, float size, const char *s, size_t len)
{
    char small[512];
    if (!len || d->failed) return;
    char *buf = len < sizeof small ? small : malloc(len + 1);
    if (!buf) { pdf_fail(d, "out of memory"); return; }
    memcpy(buf, s, len);
    buf[len] = 0;
    if (d->cur_font != d->font[f] || d->cur_size != size) {
        HPDF_Page_SetFontAndSize(d->page, d->font[f], size);
        d->cur_font = d->font[f];
        d->cur_size = size;
    }
    pdf_font_note(d, f, buf, len);         /* for the ToUnicode CMap */
    HPDF_Page_BeginText(d->page);
    HPDF_Page_TextOut(d->page, x, pdf_hy(d, y), buf);
    HPDF_Page_EndText(d->page);
    if (buf != small) free(buf);
}

/* ---- the wrapper ---- */

typedef struct { pdf_span *v; int n, cap; } spans;

static int push(spans *a, size_t off, size_t len, float w)
{
    if (a->n == a->cap) {
        int cap = a->cap ? a->cap * 2 : 8;
        pdf_span *v = realloc(a->v, (size_t)cap * sizeof *v);
        if (!v) return -1;
        a->v = v;
        a->cap = cap;
    }
    a->v[a->n++] = (pdf_span){ off, len, w };
    return 0;
}

/* Next character boundary after i: combining marks stay with their letter. */
static size_t next_char(const char *s, size_t i, size_t to)
{
    unsigned char c = (unsigned char)s[i];
    i += c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    while (i + 1 < to && (((unsigned char)s[i] == 0xCC && (unsigned char)s[i + 1] >= 0x80) ||
                          ((unsigned char)s[i] == 0xCD && (unsigned char)s[i + 1] <= 0xAF)))
        i += 2;
    return i < to ? i : to;
}

static int num_char(char c) { return (c >= '0' && c <= '9') || c == '.' || c == ','; }

/* A cut at nx inside a number ("1.500/2.000": digits with their separators) moves back
 * to where the number starts, so "1.500" is never split; unless the number starts the
 * piece (a number wider than the line is cut where it must be). */
static size_t number_start(const char *s, size_t ws, size_t nx)
{
    if (nx <= ws || !num_char(s[nx - 1]) || !num_char(s[nx])) return nx;
    size_t j = nx - 1;
    while (j > ws && num_char(s[j - 1])) j--;
    return j > ws ? j : nx;
}

/* Cut [*ws, we) into lines of whole characters while it is wider than width; leaves
 * *ws at the last piece, which starts the next line. At least one character a line. */
static int cut_word(pdf_doc *d, enum pdf_face f, float size, const char *s, size_t *ws,
                    size_t we, float width, spans *a)
{
    while (pdf_measure(d, f, size, s + *ws, we - *ws) > width) {
        size_t i = *ws, nx = next_char(s, i, we);
        float w = pdf_measure(d, f, size, s + i, nx - i);
        for (;;) {
            if (nx >= we) return 0;      /* the rounding said it fits after all */
            size_t nn = next_char(s, nx, we);
            float cw = pdf_measure(d, f, size, s + nx, nn - nx);
            if (w + cw > width) break;
            w += cw;
            nx = nn;
        }
        nx = number_start(s, *ws, nx);
        if (push(a, *ws, nx - *ws, pdf_measure(d, f, size, s + *ws, nx - *ws))) return -1;
        *ws = nx;
    }
    return 0;
}

/* One paragraph [from, to) without '\n'; always at least one (maybe empty) line. */
static int wrap_para(pdf_doc *d, enum pdf_face f, float size, const char *s, size_t from,
                     size_t to, float width, spans *a)
{
    size_t ls = from, le = from, i = from;
    int open = 0, before = a->n;
    for (;;) {
        while (i < to && s[i] == ' ') i++;
        if (i >= to) break;
        size_t ws = i;
        while (i < to && s[i] != ' ') i++;
        if (open && pdf_measure(d, f, size, s + ls, i - ls) <= width) { le = i; continue; }
        if (open && push(a, ls, le - ls, pdf_measure(d, f, size, s + ls, le - ls))) return -1;
        if (cut_word(d, f, size, s, &ws, i, width, a)) return -1;
        ls = ws; le = i; open = 1;
    }
    if (open) return push(a, ls, le - ls, pdf_measure(d, f, size, s + ls, le - ls));
    return a->n == before ? push(a, from, 0, 0) : 0;
}

int pdf_wrap(pdf_doc *d, enum pdf_face f, float size, const char *nfc, float width, pdf_span **out)
{
    spans a = { 0 };
    size_t n = strlen(nfc), i = 0;
    *out = NULL;
    if (width < 1) width = 1;
    while (n && i <= n) {
        size_t end = i;
        while (end < n && nfc[end] != '\n') end++;
        if (wrap_para(d, f, size, nfc, i, end, width, &a)) { free(a.v); return -1; }
        i = end + 1;
    }
    *out = a.v;
    return a.n;
}

/* ---- public text functions ---- */

float pdf_text_width(pdf_doc *d, enum pdf_face f, float size, const char *utf8)
{
    char *s = pdf_clean(utf8 ? utf8 : "");
    float w = s ? pdf_measure(d, f, size, s, strlen(s)) : 0;
    free(s);
    return w;
}

float pdf_fit_size(pdf_doc *d, enum pdf_face f, float size, float min, const char *utf8, float width)
{
    float w = pdf_text_width(d, f, size, utf8);
    if (w <= width || w <= 0) return size;
    float s = size * width / w;
    return s < min ? min : s;
}

static float align_x(float x, float w, enum pdf_align a)
{
    return a == PDF_CENTER ? x - w / 2 : a == PDF_RIGHT ? x - w : x;
}

void pdf_text(pdf_doc *d, float x, float y, enum pdf_face f, float size, enum pdf_align a,
              const char *utf8)
{
    char *s = pdf_clean(utf8 ? utf8 : "");
    if (!s) { pdf_fail(d, "out of memory"); return; }
    size_t n = strlen(s);
    pdf_draw(d, align_x(x, pdf_measure(d, f, size, s, n), a), y, f, size, s, n);
    free(s);
}

float pdf_para(pdf_doc *d, float x, float w, enum pdf_face f, float size, enum pdf_align a,
               const char *utf8)
{
    char *s = pdf_clean(utf8 ? utf8 : "");
    pdf_span *ln = NULL;
    int n = s ? pdf_wrap(d, f, size, s, w, &ln) : -1;
    float lead = pdf_leading(size), used = 0;
    if (n < 0) pdf_fail(d, "out of memory");
    for (int i = 0; i < n && !d->failed; i++) {
        if (pdf_room(d) < lead && !pdf_at_top(d)) pdf_new_page(d);
        float lx = a == PDF_CENTER ? x + w / 2 : a == PDF_RIGHT ? x + w : x;
        pdf_draw(d, align_x(lx, ln[i].width, a), d->y + pdf_baseline(d, f, size), f, size,
                 s + ln[i].off, ln[i].len);
        d->y += lead;
        used += lead;
    }
    free(ln);
    free(s);
    return used;
}

float pdf_para_height(pdf_doc *d, float w, enum pdf_face f, float size, const char *utf8)
{
    char *s = pdf_clean(utf8 ? utf8 : "");
    pdf_span *ln = NULL;
    int n = s ? pdf_wrap(d, f, size, s, w, &ln) : 0;
    free(ln);
    free(s);
    return n > 0 ? (float)n * pdf_leading(size) : 0;
}

/* ---- lines and boxes ---- */

void pdf_line(pdf_doc *d, float x1, float y1, float x2, float y2, float lw)
{
    if (d->failed) return;
    HPDF_Page_SetLineWidth(d->page, lw);
    HPDF_Page_MoveTo(d->page, x1, pdf_hy(d, y1));
    HPDF_Page_LineTo(d->page, x2, pdf_hy(d, y2));
    HPDF_Page_Stroke(d->page);
}

void pdf_rect(pdf_doc *d, float x, float y, float w, float h, float lw)
{
    if (d->failed) return;
    HPDF_Page_SetLineWidth(d->page, lw);
    HPDF_Page_Rectangle(d->page, x, pdf_hy(d, y + h), w, h);
    HPDF_Page_Stroke(d->page);
}

void pdf_tick_box(pdf_doc *d, float x, float y, float s, int ticked)
{
    pdf_rect(d, x, y, s, s, 0.8f);
    if (!ticked || d->failed) return;
    HPDF_Page_SetLineWidth(d->page, 1.2f);
    HPDF_Page_MoveTo(d->page, x + s * 0.2f, pdf_hy(d, y + s * 0.55f));
    HPDF_Page_LineTo(d->page, x + s * 0.42f, pdf_hy(d, y + s * 0.8f));
    HPDF_Page_LineTo(d->page, x + s * 0.85f, pdf_hy(d, y + s * 0.2f));
    HPDF_Page_Stroke(d->page);
}
