/* fuzz_date: model/date.h on what an officer may type. date_parse against three fixed
 * days (the demo's, and the first and last day of the allowed range, where +N and -N
 * fall outside it), and date_valid_iso on the raw bytes. Properties: a parsed date is a
 * real stored date, prints as dd/mm/yyyy and that parses back to itself, and survives
 * the day arithmetic; a string date_valid_iso accepts is exactly 'YYYY-MM-DD' (SQL
 * compares stored dates as text) and parses to itself. */
#include "tests/fuzz/fuzz_common.h"
#include "model/date.h"
#include <ctype.h>
#include <limits.h>

/* 'YYYY-MM-DD' byte by byte. */
static int fzd_canonical(const char *s)
{
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? s[i] != '-' : !isdigit((unsigned char)s[i])) return 0;
    return s[10] == 0;
}

/* A date that came out of the parser or was accepted as stored. */
static void fzd_check_stored(const char *iso, const char *today, const char *in)
{
    char shown[11], again[11], back[11];
    FZ_CHECK(date_valid_iso(iso) && fzd_canonical(iso), "\"%s\" (today %s) gave \"%s\"", in, today, iso);
    date_show(iso, shown);
    FZ_CHECK(strlen(shown) == 10 && shown[2] == '/' && shown[5] == '/', "\"%s\" shows as \"%s\"", iso, shown);
    int rc = date_parse(shown, today, again);
    FZ_CHECK(rc == DATE_OK && !strcmp(again, iso), "\"%s\" shown \"%s\" parses back to %d \"%s\"", iso, shown, rc,
             rc == DATE_OK ? again : "");
    long d = date_days(iso);
    FZ_CHECK(d != LONG_MIN, "no day number for \"%s\"", iso);
    date_from_days(d, back);
    FZ_CHECK(!strcmp(back, iso), "\"%s\" -> day %ld -> \"%s\"", iso, d, back);
    int wd = date_weekday(iso);
    FZ_CHECK(wd >= 1 && wd <= 7, "weekday %d of \"%s\"", wd, iso);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) { (void)argc; (void)argv; return 0; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const fzd_todays[] = { "2022-06-20", "1900-01-01", "2200-12-31" };
    char *in = fz_str(data, size);
    for (int t = 0; t < 3; t++) {
        char out[11] = "";
        int rc = date_parse(in, fzd_todays[t], out);
        FZ_CHECK(rc == DATE_OK || rc == DATE_EMPTY || rc == DATE_BAD_FORMAT || rc == DATE_NO_SUCH_DAY ||
                 rc == DATE_OUT_OF_RANGE, "\"%s\": code %d", in, rc);
        FZ_CHECK(date_error(rc) != NULL, "no message for %d", rc);
        if (rc == DATE_OK) fzd_check_stored(out, fzd_todays[t], in);
    }
    if (date_valid_iso(in)) {
        char out[11];
        FZ_CHECK(fzd_canonical(in), "date_valid_iso accepts \"%s\"", in);
        fzd_check_stored(in, fzd_todays[0], in);
        FZ_CHECK(date_parse(in, fzd_todays[0], out) == DATE_OK && !strcmp(out, in), "\"%s\" typed is not itself", in);
    }
    free(in);
    return 0;
}
