/* date: calendar dates as 'YYYY-MM-DD' (stored) and dd/mm/yyyy (shown, typed). */
#ifndef NTM_DATE_H
#define NTM_DATE_H
#include <stddef.h>

enum { DATE_OK = 0, DATE_EMPTY = 1, DATE_BAD_FORMAT = -1, DATE_NO_SUCH_DAY = -2, DATE_OUT_OF_RANGE = -3 };

/* Parse what an officer types: dd/mm/yyyy, d/m/yy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd,
 * "hôm nay"/"hom nay"/"today", "+N"/"-N" days from today. today is 'YYYY-MM-DD'.
 * Writes 'YYYY-MM-DD' into out (11 bytes). Returns a DATE_ code. */
int  date_parse(const char *in, const char *today, char out[11]);
const char *date_error(int code);                     /* message in the UI language */
int  date_valid_iso(const char *iso);                 /* 1 when a real day */
void date_show(const char *iso, char out[11]);        /* '2021-06-30' -> '30/06/2021'; "" stays "" */
long date_days(const char *iso);                      /* days since 1970-01-01; LONG_MIN if bad */
void date_from_days(long days, char out[11]);
void date_add(const char *iso, long n, char out[11]);
/* Today in local time, or NTM_TODAY / the value set by date_set_today (tests, demo as-of). */
const char *date_today(void);
void date_set_today(const char *iso);
/* The user's own "today" (ntm --today, NTM_TODAY): it wins over the clock and over a
 * file's meta.as_of (db_today). Parsing --today calls date_today() and caches the clock,
 * so the day must be forced after parsing, not left to the environment. */
void date_force_today(const char *iso);
int  date_today_forced(void);                         /* 1 after date_force_today or with NTM_TODAY */
int  date_weekday(const char *iso);                   /* 1 = Monday ... 7 = Sunday */
#endif
