/* report_keep: a paper's signature never alone on its last page (what an office would
 * send back). A report is drawn at most twice: the first pass as usual, watching whether
 * the signature block (letterhead_signature, kept whole on one page) had to start a page
 * of its own; then the second pass starts a page before the end of the body (the
 * table's last rows, the closing paragraph), which thus keeps the signature company.
 *
 *   report_keep k = { 0 };
 *   do { d = pdf_open(...); ...body, report_keep_break(d, &k) before its tail...;
 *        again = report_signature(d, &lh, rec, &k); if (again) pdf_close(d); } while (again);
 */
#ifndef NTM_REPORT_KEEP_H
#define NTM_REPORT_KEEP_H
#include "reports/letterhead.h"
#include "reports/pdf.h"

typedef struct report_keep {
    int pass;                  /* 0 first, 1 second */
    int lone_pages;            /* the first pass's page count when its signature was alone */
} report_keep;

/* Before the body's tail: on the second pass, start a new page (unless the page is
 * still empty). Returns 1 when it did. */
int report_keep_break(pdf_doc *d, const report_keep *k);
/* letterhead_signature. Returns 1 when, on the first pass, the signature began a page
 * with nothing else on it: draw the paper again (k now says so). 0 otherwise. */
int report_signature(pdf_doc *d, const letterhead *lh, const char *const *recipients, report_keep *k);
/* The first pass's tail index for a table of n rows: the last two rows go together
 * (the last one alone when the table has fewer than four). */
int report_keep_tail_rows(int n);
#endif
