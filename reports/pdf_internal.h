/* pdf_internal: the pdf_doc struct and helpers shared by reports/pdf*.c only.
 * Report files (letterhead.c, task_sheet.c, ...) use reports/pdf.h, never this. */
#ifndef NTM_PDF_INTERNAL_H
#define NTM_PDF_INTERNAL_H
#include "reports/pdf.h"
#include <hpdf.h>

struct pdf_doc {
    HPDF_Doc h;
    HPDF_Font font[PDF_NFACES];
    float ascent[PDF_NFACES];      /* per 1 pt of size */
    HPDF_Page *pages;              /* every page, for the page numbers written at the end */
    int npages, cap;
    HPDF_Page page;                /* current page */
    float pw, ph;                  /* page size */
    float ml, mr, mt, mb;          /* margins */
    float y;                       /* cursor from the top edge */
    HPDF_Font cur_font;            /* what the current page was last told (saves Tf ops) */
    float cur_size;
    int failed;
    int numbered;                  /* page numbers written (pdf_save may be retried) */
    unsigned char used[PDF_NFACES][0x10000 / 8];   /* code points drawn, for pdf_font.c */
    char err[640];
};

/* Set the first error (printf style); later ones are dropped. Returns -1. */
int   pdf_fail(pdf_doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* NFC copy with tabs and control characters made spaces, '\r' dropped, invalid UTF-8
 * bytes made '?'. malloc'd; NULL only when out of memory. */
char *pdf_clean(const char *s);
/* strerror() in the UI language for the errors users meet (missing, no right, full). */
const char *pdf_strerror(int e);
float pdf_measure(pdf_doc *d, enum pdf_face f, float size, const char *s, size_t len);
/* Draw len bytes of clean text with the baseline at y (from the top). */
void  pdf_draw(pdf_doc *d, float x, float y, enum pdf_face f, float size, const char *s, size_t len);
float pdf_baseline(const pdf_doc *d, enum pdf_face f, float size);   /* top of line -> baseline */
/* libharu's y for our y */
static inline float pdf_hy(const pdf_doc *d, float y) { return d->ph - y; }
#endif
