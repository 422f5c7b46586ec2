/* report_common: see report_common.h. */
#include "reports/report_common.h"
#include "model/text.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

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

void report_slug(const char *name, char *out, size_t n)
{
    char *a = text_ascii(name);
    size_t j = 0;
    for (const char *s = a ? a : ""; *s && j + 1 < n; s++) {
        unsigned char ch = (unsigned char)tolower((unsigned char)*s);
        if (isalnum(ch) && ch < 0x80) out[j++] = (char)ch;
        else if ((ch == ' ' || ch == '-') && j && out[j - 1] != '-') out[j++] = '-';
    }
    while (j && out[j - 1] == '-') j--;
    if (n) out[j] = 0;
    free(a);
}
