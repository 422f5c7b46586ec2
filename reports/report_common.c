/* report_common: see report_common.h. */
#include "reports/report_common.h"
#include "model/period_report.h"
#include "model/text.h"
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

int report_output_path(const ntm_config *cfg, const char *stem, char *out, size_t n)
{
    size_t dl = strlen(cfg->pdf_dir);
    while (dl > 1 && cfg->pdf_dir[dl - 1] == '/') dl--;
    for (int k = 1; k < 1000; k++) {
        char suffix[8] = "";
        if (k > 1) snprintf(suffix, sizeof suffix, "-%d", k);
        int w = snprintf(out, n, "%.*s/%s%s.pdf", (int)dl, cfg->pdf_dir, stem, suffix);
        if (w < 0 || (size_t)w >= n) return -1;
        int fd = open(out, O_WRONLY | O_CREAT | O_EXCL, 0666);
        if (fd >= 0) { close(fd); return 0; }
        if (errno == EEXIST) continue;
        return access(out, F_OK) == 0 ? -1 : 0;     /* no folder yet (pdf_save makes it), or no right */
    }
    return -1;
}

void report_output_drop(const char *path)
{
    struct stat st;
    if (path && stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0) unlink(path);
}

void report_pct(double progress, char *out, size_t n)
{
    long t = period_pct10(progress);
    snprintf(out, n, "%ld,%ld%%", t / 10, t % 10);
}
