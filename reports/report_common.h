/* report_common: two small helpers every report body (task_sheet.c, route_sheet.c,
 * tour_summary.c) had its own copy of. */
#ifndef NTM_REPORT_COMMON_H
#define NTM_REPORT_COMMON_H
#include "reports/pdf.h"
#include <stddef.h>

/* The A4 text width (A4 less the Nghị định 30 margins) the reports' font sizes and
 * column weights were chosen for. */
#define REPORT_A4_TEXT_WIDTH 467.7f

/* Copy msg into err and return -1, so a failing step reads "return report_fail(...)". */
int report_fail(char *err, size_t errlen, const char *msg);
/* size as chosen for A4; on A5 (narrower text area) shrunk in proportion, never below min. */
float report_scaled(pdf_doc *d, float size, float min);

/* "Sơn Kim 2" -> "son-kim-2": unaccented, lower case, '-' between words, nothing else. */
void report_slug(const char *name, char *out, size_t n);
#endif
