/* report_common: see report_common.h. */
#include "reports/report_common.h"
#include <stdio.h>

int report_fail(char *err, size_t errlen, const char *msg)
{
    snprintf(err, errlen, "%s", msg);
    return -1;
}

float report_scaled(pdf_doc *d, float size, float min)
{
    float w = pdf_width(d), s = size * (w < REPORT_A4_TEXT_WIDTH ? w / REPORT_A4_TEXT_WIDTH : 1);
    return s < min ? min : s;
}
