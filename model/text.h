/* text: Unicode helpers on UTF-8 strings, built on utf8proc (Debian libutf8proc).
 * Every returned string is malloc'd; the caller frees it. NULL means invalid UTF-8
 * (or out of memory). */
#ifndef NTM_TEXT_H
#define NTM_TEXT_H
#include <stddef.h>
#include <stdint.h>

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

/* Terminal safety. Text from the database may hold anything a file or another database
 * sent (sync, imports, a sqlite3 shell): it never reaches a terminal as it is, or ESC [ 2 J
 * would clear the screen and OSC 52 set the clipboard. Unsafe: C0 controls, DEL, C1
 * controls, and the bidi controls that reorder what is shown (U+061C, U+200E/F,
 * U+202A-U+202E, U+2066-U+2069). */
int   text_unsafe_cp(int32_t c);
enum { TEXT_PLACEHOLDER_MAX = 12 };
/* The visible stand-in for an unsafe c, into buf (TEXT_PLACEHOLDER_MAX bytes): UTF-8
 * terminal: the control pictures U+2400+c (ESC "␛"), U+2421 "␡" for DEL, "\x9b" for
 * C1, "\u202e" for bidi; ascii (LANG=C, vt100): "^[", "^?", "\x9b", "\u202e".
 * Returns buf, or NULL when c is safe. */
const char *text_placeholder(int32_t c, int ascii, char *buf);
/* A copy for the terminal: tab and line break become a space, every other unsafe code
 * point its placeholder, a bad byte U+FFFD ('?' when ascii). Never NULL for a non-NULL s
 * unless out of memory. */
char *text_term_safe(const char *s, int ascii);
/* A copy for PDFs and exports: unsafe code points dropped except those in keep (e.g.
 * "\n"), a bad byte becomes U+FFFD. */
char *text_strip_unsafe(const char *s, const char *keep);
#endif
