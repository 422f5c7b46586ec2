/* report_common: small helpers every report body (task_sheet.c, route_sheet.c,
 * tour_summary.c, period_report.c...) would otherwise have its own copy of. */
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
/* A default output file that never clashes, for cron and for several officers:
 * "<pdf_dir>/<stem>.pdf", or when that exists "<stem>-2.pdf", "<stem>-3.pdf"... The
 * name is taken by creating the file empty (O_EXCL), so two runs at the same moment
 * cannot both get it; the report then replaces it (pdf_save), or the caller removes it
 * on failure (report_output_drop). (A pdf_dir that does not exist yet is not created
 * here: the first name is then free, and pdf_save makes the folder.) 0, or -1 when the
 * path is too long or 999 names are taken. */
int report_output_path(const ntm_config *cfg, const char *stem, char *out, size_t n);
/* Remove what report_output_path reserved when the report was not written (only an
 * empty file is removed). */
void report_output_drop(const char *path);
/* Vietnamese decimal comma, one decimal: 0.8291 -> "82,9%". */
void report_pct(double progress, char *out, size_t n);
#endif
