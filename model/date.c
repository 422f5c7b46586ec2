/* date: parsing and day arithmetic on the proleptic Gregorian calendar. */
#include "model/date.h"
#include "model/i18n.h"
#include "model/text.h"
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char today_buf[11];
static int today_forced;          /* set by the user (--today, NTM_TODAY), not the clock */

/* Days from civil, Howard Hinnant's algorithm: exact for every Gregorian date. */
static long days_from_civil(long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

void date_from_days(long z, char out[11])
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = (long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp < 10 ? mp + 3 : mp - 9;
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)(y + (m <= 2)) % 10000u, m % 100u, d % 100u);
}

static int days_in_month(int y, int m)
{
    static const int dm[] = {31,28,31,30,31,30,31,31,30,31,30,31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return dm[m - 1];
}

static int all_digits(const char *s, size_t n)
{
    if (!n) return 0;
    for (size_t i = 0; i < n; i++) if (!isdigit((unsigned char)s[i])) return 0;
    return 1;
}

static int check_ymd(int y, int m, int d, char out[11])
{
    if (y < 1900 || y > 2200) return DATE_OUT_OF_RANGE;
    if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return DATE_NO_SUCH_DAY;
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
    return DATE_OK;
}

int date_valid_iso(const char *iso)
{
    int y, m, d; char tmp[11]; int n = 0;
    if (!iso || strlen(iso) != 10 || !all_digits(iso, 4) || iso[4] != '-' || !all_digits(iso + 5, 2) ||
        iso[7] != '-' || !all_digits(iso + 8, 2))      /* sscanf alone takes "2021- 1-+1" */
        return 0;
    if (sscanf(iso, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10)
        return 0;
    return check_ymd(y, m, d, tmp) == DATE_OK;
}

long date_days(const char *iso)
{
    int y, m, d;
    if (!date_valid_iso(iso) || sscanf(iso, "%d-%d-%d", &y, &m, &d) != 3) return LONG_MIN;
    return days_from_civil(y, (unsigned)m, (unsigned)d);
}

void date_add(const char *iso, long n, char out[11]) { date_from_days(date_days(iso) + n, out); }

int date_weekday(const char *iso)
{
    long z = date_days(iso);            /* 1970-01-01 was a Thursday */
    return (int)(((z % 7) + 7 + 3) % 7) + 1;
}

const char *date_today(void)
{
    if (!today_buf[0]) {
        const char *env = getenv("NTM_TODAY");
        if (env && date_valid_iso(env)) {
            snprintf(today_buf, sizeof today_buf, "%s", env);
        } else {
            time_t t = time(NULL);
            struct tm tm;
            localtime_r(&t, &tm);
            strftime(today_buf, sizeof today_buf, "%Y-%m-%d", &tm);
        }
    }
    return today_buf;
}

void date_set_today(const char *iso)
{
    if (iso && date_valid_iso(iso)) snprintf(today_buf, sizeof today_buf, "%s", iso);
    else today_buf[0] = 0;
}

void date_force_today(const char *iso)
{
    date_set_today(iso);
    today_forced = today_buf[0] != 0;
}

int date_today_forced(void)
{
    const char *env = getenv("NTM_TODAY");
    return today_forced || (env && date_valid_iso(env));
}

void date_show(const char *iso, char out[11])
{
    if (!iso || !date_valid_iso(iso)) { out[0] = 0; return; }
    snprintf(out, 11, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
}

/* Split "d<sep>m<sep>y" with one separator kind out of / - . */
static int parse_dmy(const char *s, char out[11])
{
    char sep = 0;
    for (const char *p = s; *p; p++)
        if (*p == '/' || *p == '-' || *p == '.') { sep = *p; break; }
    if (!sep) return DATE_BAD_FORMAT;
    const char *a = s, *b = strchr(a, sep), *c = b ? strchr(b + 1, sep) : NULL;
    if (!b || !c || strchr(c + 1, sep)) return DATE_BAD_FORMAT;
    size_t la = (size_t)(b - a), lb = (size_t)(c - b - 1), lc = strlen(c + 1);
    if (!all_digits(a, la) || !all_digits(b + 1, lb) || !all_digits(c + 1, lc)) return DATE_BAD_FORMAT;
    if (la == 4 && lb <= 2 && lc <= 2)                     /* yyyy-mm-dd */
        return check_ymd(atoi(a), atoi(b + 1), atoi(c + 1), out);
    if (la > 2 || lb > 2 || (lc != 2 && lc != 4)) return DATE_BAD_FORMAT;
    int y = atoi(c + 1);
    if (lc == 2) y += 2000;                                 /* d/m/yy: this century */
    return check_ymd(y, atoi(b + 1), atoi(a), out);
}

int date_parse(const char *in, const char *today, char out[11])
{
    char buf[64];
    size_t n;
    while (*in == ' ') in++;
    text_copy(buf, sizeof buf, in);
    n = strlen(buf);
    while (n && buf[n - 1] == ' ') buf[--n] = 0;
    if (!n) return DATE_EMPTY;
    if (!today || !date_valid_iso(today)) today = date_today();
    char *f = text_fold(buf);
    if (!f) return DATE_BAD_FORMAT;
    int rc = DATE_BAD_FORMAT;
    if (!strcmp(f, "hom nay") || !strcmp(f, "homnay") || !strcmp(f, "today") || !strcmp(f, "nay")) {
        snprintf(out, 11, "%s", today); rc = DATE_OK;
    } else if ((f[0] == '+' || f[0] == '-') && all_digits(f + 1, strlen(f + 1)) && strlen(f) < 7) {
        /* The day reached must be in the range a typed date may have (1900-2200). */
        long d = date_days(today) + (f[0] == '+' ? atol(f + 1) : -atol(f + 1));
        rc = d < date_days("1900-01-01") || d > date_days("2200-12-31") ? DATE_OUT_OF_RANGE : DATE_OK;
        if (rc == DATE_OK) date_from_days(d, out);
    } else {
        rc = parse_dmy(f, out);
    }
    free(f);
    return rc;
}

const char *date_error(int code)
{
    switch (code) {
    case DATE_OK: return "";
    case DATE_EMPTY: return L("Chưa nhập ngày", "No date given");
    case DATE_NO_SUCH_DAY: return L("Không có ngày này trong lịch (vd. 31/02)", "No such day in the calendar (e.g. 31/02)");
    case DATE_OUT_OF_RANGE: return L("Năm phải từ 1900 đến 2200", "The year must be 1900-2200");
    default: return L("Ngày phải có dạng dd/mm/yyyy, d/m/yy, \"hôm nay\" hoặc +N", "Dates are dd/mm/yyyy, d/m/yy, \"today\" or +N");
    }
}
