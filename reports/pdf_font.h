/* pdf_font: loading the faces small (HarfBuzz subset) and giving their text back
 * (a valid ToUnicode CMap). For reports/pdf*.c only; see pdf_font.c for why. */
#ifndef NTM_PDF_FONT_H
#define NTM_PDF_FONT_H
#include "reports/pdf_internal.h"

/* Load the TrueType file at path into d's libharu document: subset to the code points
 * of pdf_font.c's table when that works, else the whole file (libharu's own loader;
 * always with NTM_PDF_NO_SUBSET=1 in the environment: for the test of that path, and
 * to compare sizes).
 * Returns libharu's font name for HPDF_GetFont, or NULL after a libharu error (which
 * the document's error handler has recorded). */
const char *pdf_font_load(pdf_doc *d, const char *path);

/* Note the code points of len bytes of clean UTF-8 drawn with face f. */
void pdf_font_note(pdf_doc *d, enum pdf_face f, const char *s, size_t len);

/* Before each save: rewrite every face's ToUnicode CMap (and its width array) for the
 * code points noted. May be called again before another save. 0, or -1 (pdf_fail). */
int  pdf_font_finish(pdf_doc *d);
#endif
