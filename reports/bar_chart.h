/* bar_chart: a horizontal bar chart drawn with the PDF layer's own lines and filled
 * rectangles (no image library): a title, the names at left, one bar per item with
 * its value printed at the bar's end, gridlines at 0, 25, 50, 75 and 100 %. */
#ifndef NTM_BAR_CHART_H
#define NTM_BAR_CHART_H
#include "reports/pdf.h"

typedef struct bar_item {
    const char *label;           /* at left, cut to fit */
    double value;                /* 0..1 */
    const char *text;            /* printed after the bar ("82,9%") */
} bar_item;

/* At the cursor, items in the order given. Kept on one page with its title: the bars
 * are made thinner when many (down to a readable minimum); past that, the chart goes
 * on over the next pages, the title repeated with "(tiếp theo)". */
void report_bar_chart(pdf_doc *d, const char *title, const bar_item *items, int n);
#endif
