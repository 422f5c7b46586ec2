/* pdftext: what a PDF says, read back with poppler's pdftotext / pdfinfo (poppler-utils),
 * for the reports tests. Header-only so each tests/unit/test_reports_*.c stays one file. */
#ifndef NTM_TEST_PDFTEXT_H
#define NTM_TEST_PDFTEXT_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PDFTOTEXT "/usr/bin/pdftotext"
#define PDFINFO "/usr/bin/pdfinfo"

/* Whole output of a shell command; NULL on failure. What the command prints on stderr
 * is a failure too: poppler warns there about a malformed PDF (it did about libharu's
 * ToUnicode CMap before reports/pdf_font.c wrote a valid one). Inside a cmocka test the
 * warning fails the test; elsewhere it is printed and NULL returned. malloc'd. */
static inline char *pt_run(const char *cmd)
{
    char full[8400], errpath[] = "/tmp/ntm-pdftext.XXXXXX";
    int efd = mkstemp(errpath);
    if (efd < 0) return NULL;
    close(efd);
    snprintf(full, sizeof full, "%s 2>'%s'", cmd, errpath);
    FILE *p = popen(full, "r");
    if (!p) { unlink(errpath); return NULL; }
    size_t n = 0, cap = 4096;
    char *buf = malloc(cap);
    for (size_t k; buf && (k = fread(buf + n, 1, cap - n - 1, p)) > 0;) {
        n += k;
        if (cap - n < 2) { char *b = realloc(buf, cap *= 2); if (!b) { free(buf); buf = NULL; } else buf = b; }
    }
    int rc = pclose(p);
    char warn[2048] = "";
    FILE *e = fopen(errpath, "r");
    if (e) { warn[fread(warn, 1, sizeof warn - 1, e)] = 0; fclose(e); }
    unlink(errpath);
    if (warn[0]) {
        fprintf(stderr, "%s printed on stderr:\n%s", cmd, warn);
        free(buf);
#ifdef fail_msg
        fail_msg("poppler warned (see above)");
#endif
        return NULL;
    }
    if (rc != 0 && buf) { free(buf); return NULL; }
    if (buf) buf[n] = 0;
    return buf;
}

/* Text of pages first..last (0, 0: all). mode: "-layout" (columns kept side by side)
 * or "-raw" (content-stream order: a cell's wrapped lines stay together). */
static inline char *pt_text(const char *pdf, int first, int last, const char *mode)
{
    char cmd[4200];
    if (first > 0)
        snprintf(cmd, sizeof cmd, PDFTOTEXT " %s -f %d -l %d '%s' -", mode, first, last, pdf);
    else
        snprintf(cmd, sizeof cmd, PDFTOTEXT " %s '%s' -", mode, pdf);
    return pt_run(cmd);
}

static inline int pt_count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle)) n++;
    return n;
}

/* Copy without line breaks (and the spaces around them), to find text that wrapped. */
static inline char *pt_join(const char *s)
{
    char *out = malloc(strlen(s) + 1), *w = out;
    for (; out && *s; s++) {
        if (*s == '\n' || *s == '\f') {
            if (w > out && w[-1] != ' ') *w++ = ' ';
            while (s[1] == ' ') s++;
            continue;
        }
        *w++ = *s;
    }
    if (out) *w = 0;
    return out;
}

/* Copy with no white space at all, for words cut between characters. */
static inline char *pt_squash(const char *s)
{
    char *out = malloc(strlen(s) + 1), *w = out;
    for (; out && *s; s++) if (*s != '\n' && *s != ' ' && *s != '\f') *w++ = *s;
    if (out) *w = 0;
    return out;
}

/* "Pages:" from pdfinfo, or -1. */
static inline int pt_pages(const char *pdf)
{
    char cmd[4200];
    snprintf(cmd, sizeof cmd, PDFINFO " '%s'", pdf);
    char *s = pt_run(cmd), *p = s ? strstr(s, "Pages:") : NULL;
    int n = p ? atoi(p + 6) : -1;
    free(s);
    return n;
}

/* The box of the first word equal to `word` on page `page` (pdftotext -bbox, points
 * from the top-left corner). 1 when found. */
static inline int pt_word_box(const char *pdf, int page, const char *word, double box[4])
{
    char cmd[4200];
    snprintf(cmd, sizeof cmd, PDFTOTEXT " -bbox -f %d -l %d '%s' -", page, page, pdf);
    char *s = pt_run(cmd);
    int found = 0;
    for (char *p = s; !found && p && (p = strstr(p, "<word xMin=\"")); p++) {
        char w[256] = "";
        if (sscanf(p, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\">%255[^<]",
                   &box[0], &box[1], &box[2], &box[3], w) == 5 && strcmp(w, word) == 0) found = 1;
    }
    free(s);
    return found;
}

/* The style of the first text line on page `page` that starts with `text`, from
 * pdftohtml -xml: "bi" bold italic, "b", "i", "" upright; NULL when not found (free it). */
static inline char *pt_style(const char *pdf, int page, const char *text)
{
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "/usr/bin/pdftohtml -xml -i -stdout -q -f %d -l %d '%s'", page, page, pdf);
    char *s = pt_run(cmd), *out = NULL;
    for (char *p = s; !out && p && (p = strstr(p, "<text ")); p++) {
        char *body = strchr(p, '>'), *end = body ? strstr(body, "</text>") : NULL;
        if (!end) break;
        body++;
        int b = 0, i = 0;
        while (*body == '<') {                 /* <i><b>...: the tags before the words */
            if (!strncmp(body, "<b>", 3)) b = 1;
            else if (!strncmp(body, "<i>", 3)) i = 1;
            else break;
            body += 3;
        }
        if (strncmp(body, text, strlen(text)) == 0 && body + strlen(text) <= end) {
            out = malloc(3);
            snprintf(out, 3, "%s%s", b ? "b" : "", i ? "i" : "");
        }
    }
    free(s);
    return out;
}

static inline char *pt_info(const char *pdf)
{
    char cmd[4200];
    snprintf(cmd, sizeof cmd, PDFINFO " '%s'", pdf);
    return pt_run(cmd);
}
/* Words outside the text area [l, r] x [t, b] on any page (pdftotext -bbox), except the
 * page number (digits only, centred in the top margin, Nghị định 30). Prints them;
 * returns their count. */
static inline int pt_outside(const char *pdf, double l, double t, double r, double b)
{
    char cmd[4200];
    snprintf(cmd, sizeof cmd, PDFTOTEXT " -bbox '%s' -", pdf);
    char *s = pt_run(cmd);
    int bad = s ? 0 : -1;
    for (char *p = s; p && (p = strstr(p, "<word xMin=\"")); p++) {
        double x0, y0, x1, y1;
        char w[256] = "";
        if (sscanf(p, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\">%255[^<]",
                   &x0, &y0, &x1, &y1, w) != 5) continue;
        int number = y1 < t && w[0] && strspn(w, "0123456789") == strlen(w)
                     && (x0 + x1) / 2 > l + (r - l) / 2 - 10 && (x0 + x1) / 2 < l + (r - l) / 2 + 10;
        if (!number && (x0 < l - 1 || x1 > r + 1 || y0 < t - 1 || y1 > b + 1)) {
            fprintf(stderr, "outside the text area: \"%s\" %.1f %.1f %.1f %.1f\n", w, x0, y0, x1, y1);
            bad++;
        }
    }
    free(s);
    return bad;
}
#endif

/* ---- codes "stop.check" (3.5) in the tour reports: appended for test_reports_route/summary ---- */
#ifndef NTM_TEST_PDFTEXT_CODES
#define NTM_TEST_PDFTEXT_CODES
#include <ctype.h>

/* First occurrence of the code as a whole token: "1.1" is not found in "11.1" or "1.10". */
static inline const char *pt_find_code(const char *hay, const char *code)
{
    size_t n = strlen(code);
    for (const char *p = hay; (p = strstr(p, code)); p++) {
        int before = p > hay && (isdigit((unsigned char)p[-1]) || p[-1] == '.');
        int after = isdigit((unsigned char)p[n]) || (p[n] == '.' && isdigit((unsigned char)p[n + 1]));
        if (!before && !after) return p;
    }
    return NULL;
}

/* The line of text (without '\n') that holds position at; "" when at is NULL. */
static inline void pt_line_at(const char *hay, const char *at, char *out, size_t n)
{
    out[0] = 0;
    if (!at || !n) return;
    const char *s = at, *e = at;
    while (s > hay && s[-1] != '\n' && s[-1] != '\f') s--;
    while (*e && *e != '\n' && *e != '\f') e++;
    size_t len = (size_t)(e - s) < n - 1 ? (size_t)(e - s) : n - 1;
    memcpy(out, s, len);
    out[len] = 0;
}
#endif

/* ---- positions: words from pdftotext -bbox, squares from pdftocairo -svg ---- */
#ifndef NTM_TEST_PDFTEXT_POS
#define NTM_TEST_PDFTEXT_POS
#include <math.h>
#define PDFTOCAIRO "/usr/bin/pdftocairo"

typedef struct pt_word { int page; double x0, y0, x1, y1; char text[128]; } pt_word;

/* Every word of the PDF with its page (1-based) and box in points from the top-left.
 * malloc'd array (free it), count in *n; NULL on failure. */
static inline pt_word *pt_words(const char *pdf, int *n)
{
    char cmd[4200];
    snprintf(cmd, sizeof cmd, PDFTOTEXT " -bbox '%s' -", pdf);
    char *s = pt_run(cmd);
    pt_word *v = NULL;
    int cap = 0, page = 0;
    *n = 0;
    for (char *p = s; p && *p; p++) {
        if (!strncmp(p, "<page ", 6)) { page++; continue; }
        if (strncmp(p, "<word xMin=\"", 12)) continue;
        pt_word w = { .page = page };
        if (sscanf(p, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\">%127[^<]",
                   &w.x0, &w.y0, &w.x1, &w.y1, w.text) != 5) continue;
        if (*n == cap) { cap = cap ? cap * 2 : 256; pt_word *nv = realloc(v, (size_t)cap * sizeof *v); if (!nv) break; v = nv; }
        v[(*n)++] = w;
    }
    free(s);
    return v;
}

/* The first word with this text on page (0: any page) at or after index from; -1 when none. */
static inline int pt_word_find(const pt_word *v, int n, int page, const char *text, int from)
{
    for (int i = from; i < n; i++) if ((!page || v[i].page == page) && !strcmp(v[i].text, text)) return i;
    return -1;
}

typedef struct pt_square { double x, y, s; } pt_square;

/* The transform="matrix(a b c d e f)" of the SVG element at p (identity when none), as
 * pdftocairo writes it for paths in PDF coordinates (y up): top-left point coordinates. */
static inline void pt_svg_matrix(const char *p, double m[6])
{
    m[0] = 1; m[1] = 0; m[2] = 0; m[3] = 1; m[4] = 0; m[5] = 0;
    const char *end = strchr(p, '>'), *t = strstr(p, "transform=\"matrix(");
    if (t && end && t < end) sscanf(t, "transform=\"matrix(%lf,%lf,%lf,%lf,%lf,%lf)", &m[0], &m[1], &m[2], &m[3], &m[4], &m[5]);
}

static inline void pt_svg_point(const double m[6], double x, double y, double *ox, double *oy)
{
    *ox = m[0] * x + m[2] * y + m[4];
    *oy = m[1] * x + m[3] * y + m[5];
}

/* The squares (tick boxes: closed paths of four right angles, side between min and max
 * points) drawn on one page, from pdftocairo's SVG, in the coordinates of pdftotext -bbox
 * (points from the top-left; x, y the top-left corner). malloc'd (free it), count in *n. */
static inline pt_square *pt_squares(const char *pdf, int page, double min, double max, int *n)
{
    char cmd[4300];
    snprintf(cmd, sizeof cmd, PDFTOCAIRO " -svg -f %d -l %d '%s' -", page, page, pdf);
    char *s = pt_run(cmd);
    pt_square *v = NULL;
    int cap = 0;
    *n = 0;
    for (char *p = s; p && (p = strstr(p, "d=\"M ")); p++) {
        double x0, y0, x1, y1, x2, y2, x3, y3, m[6];
        if (sscanf(p, "d=\"M %lf %lf L %lf %lf L %lf %lf L %lf %lf Z", &x0, &y0, &x1, &y1, &x2, &y2, &x3, &y3) != 8) continue;
        double side = x1 - x0;
        if (fabs(y1 - y0) > 0.01 || fabs(x2 - x1) > 0.01 || fabs(fabs(y2 - y1) - side) > 0.01 || fabs(x3 - x0) > 0.01
            || fabs(y3 - y2) > 0.01) continue;
        pt_svg_matrix(p, m);
        double ax, ay, bx, by;
        pt_svg_point(m, x0, y0, &ax, &ay);
        pt_svg_point(m, x2, y2, &bx, &by);
        side = fabs(bx - ax);
        if (side < min || side > max) continue;
        if (*n == cap) { cap = cap ? cap * 2 : 64; pt_square *nv = realloc(v, (size_t)cap * sizeof *v); if (!nv) break; v = nv; }
        v[(*n)++] = (pt_square){ ax < bx ? ax : bx, ay < by ? ay : by, side };
    }
    free(s);
    return v;
}
#endif
