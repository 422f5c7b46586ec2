/* text: Unicode helpers on UTF-8 strings, built on utf8proc (Debian libutf8proc).
 * Every returned string is malloc'd; the caller frees it. NULL means invalid UTF-8
 * (or out of memory). */
#ifndef NTM_TEXT_H
#define NTM_TEXT_H
#include <stddef.h>

int   text_valid_utf8(const char *s);          /* 1 when s is well-formed UTF-8 */
/* Bytes of s[0..n) that are well-formed UTF-8 from the start (a NUL byte ends them): n when all. */
size_t text_utf8_valid_len(const char *s, size_t n);
char *text_nfc(const char *s);                 /* NFC; what is stored and printed */
char *text_fold(const char *s);                /* search key: NFC, lower, no accents, đ->d */
char *text_sort_key(const char *s);            /* Vietnamese order: a ă â b c d đ e ê ... */
char *text_sort_key_person(const char *s);     /* by given name (last word), then full */
char *text_ascii(const char *s);               /* unaccented fallback: "Sơn Tiến" -> "Son Tien" */
/* 1 when every word of the folded query occurs in the folded key (order free). */
int   text_match(const char *key, const char *folded_query);
/* Copy src into dst (size n) without cutting a UTF-8 character. */
void  text_copy(char *dst, size_t n, const char *src);
#endif
