/* report_keep: see report_keep.h. */
#include "reports/report_keep.h"
#include "reports/letterhead.h"

int report_keep_break(pdf_doc *d, const report_keep *k)
{
    if (!k || !k->pass || pdf_at_top(d)) return 0;
    pdf_new_page(d);
    return 1;
}

int report_signature(pdf_doc *d, const letterhead *lh, const char *const *recipients, report_keep *k)
{
    int before = pdf_page_count(d);
    letterhead_signature(d, lh, recipients);
    if (k->pass || pdf_failed(d) || pdf_page_count(d) == before) return 0;
    k->pass = 1;
    k->lone_pages = pdf_page_count(d);
    return 1;
}

int report_keep_tail_rows(int n) { return n >= 4 ? 2 : n > 0 ? 1 : 0; }
