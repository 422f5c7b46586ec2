/* text: NFC, accent folding and the Vietnamese collation key, through utf8proc. */
#include "model/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

int text_valid_utf8(const char *s)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_int32_t c;
    while (*p) {
        utf8proc_ssize_t n = utf8proc_iterate(p, -1, &c);
        if (n <= 0 || c == 0xFFFE || c == 0xFFFF) return 0;
        p += n;
    }
    return 1;
}

size_t text_utf8_valid_len(const char *s, size_t n)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t i = 0;
    utf8proc_int32_t c;
    while (i < n) {
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &c);
        if (k <= 0 || c == 0 || c == 0xFFFE || c == 0xFFFF) break;
        i += (size_t)k;
    }
    return i;
}

static char *map(const char *s, int opts)
{
    utf8proc_uint8_t *out = NULL;
    if (!s) return NULL;
    if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
                     UTF8PROC_NULLTERM | UTF8PROC_STABLE | opts) < 0)
        return NULL;
    return (char *)out;
}

char *text_nfc(const char *s) { return map(s, UTF8PROC_COMPOSE); }

/* đ (U+0111) and Đ (U+0110) have no decomposition: replace them by hand, in place.
 * Both are two bytes (C4 91 / C4 90); 'd' is one, so the string only shrinks. */
static void fold_d(char *s, int keep_case)
{
    char *w = s;
    for (const char *r = s; *r; ) {
        if ((unsigned char)r[0] == 0xC4 && ((unsigned char)r[1] == 0x91 || (unsigned char)r[1] == 0x90)) {
            *w++ = (keep_case && (unsigned char)r[1] == 0x90) ? 'D' : 'd';
            r += 2;
        } else {
            *w++ = *r++;
        }
    }
    *w = 0;
}

char *text_fold(const char *s)
{
    char *out = map(s, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
    if (out) fold_d(out, 0);
    return out;
}

char *text_ascii(const char *s)
{
    char *out = map(s, UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK);
    if (out) fold_d(out, 1);
    return out;
}

/* Collation: primary weights for letters in the Vietnamese alphabet, then a separator,
 * then one tone weight per letter. Bytes compare with SQLite's BINARY collation:
 *   0x02 end of the primary part, 0x03 space, 0x10.. digits, 0x40.. letters,
 *   0x70 + UTF-8 bytes for anything else. */
static const char *const ALPHA[] = {
    "a","ă","â","b","c","d","đ","e","ê","f","g","h","i","j","k","l","m","n",
    "o","ô","ơ","p","q","r","s","t","u","ư","v","w","x","y","z"
};
enum { N_ALPHA = sizeof ALPHA / sizeof ALPHA[0] };

static int tone_of(utf8proc_int32_t mark)
{
    switch (mark) {              /* Vietnamese dictionary order: ngang huyền hỏi ngã sắc nặng */
    case 0x0300: return 1;       /* huyền */
    case 0x0309: return 2;       /* hỏi */
    case 0x0303: return 3;       /* ngã */
    case 0x0301: return 4;       /* sắc */
    case 0x0323: return 5;       /* nặng */
    default: return 0;
    }
}

/* Base letter with its quality mark (ă â ê ô ơ ư) kept, tone marks removed. */
static int letter_index(utf8proc_int32_t base, utf8proc_int32_t quality)
{
    utf8proc_uint8_t buf[8];
    utf8proc_int32_t cps[2] = { base, quality };
    utf8proc_int32_t comp[2];
    int n = quality ? 2 : 1;
    memcpy(comp, cps, sizeof cps);
    if (quality) {
        utf8proc_ssize_t r = utf8proc_normalize_utf32(comp, n, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
        if (r != 1) return -1;
    }
    utf8proc_ssize_t len = utf8proc_encode_char(comp[0], buf);
    buf[len] = 0;
    for (int i = 0; i < N_ALPHA; i++)
        if (strcmp((const char *)buf, ALPHA[i]) == 0) return i;
    return -1;
}

static int is_quality_mark(utf8proc_int32_t c) { return c == 0x0306 || c == 0x0302 || c == 0x031B; }

typedef struct { char *p; size_t n, cap; } sbuf;
static int sb_put(sbuf *b, const void *d, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = (b->cap ? b->cap * 2 : 64) + n;
        char *p = realloc(b->p, cap);
        if (!p) return -1;
        b->p = p; b->cap = cap;
    }
    memcpy(b->p + b->n, d, n);
    b->n += n;
    b->p[b->n] = 0;
    return 0;
}

char *text_sort_key(const char *s)
{
    char *dec = map(s, UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD);
    if (!dec) return NULL;
    sbuf prim = {0}, tones = {0};
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)dec;
    utf8proc_int32_t c;
    int ok = 0;
    while (*p) {
        utf8proc_ssize_t n = utf8proc_iterate(p, -1, &c);
        if (n <= 0) goto out;
        p += n;
        utf8proc_int32_t quality = 0; int tone = 0;
        const utf8proc_uint8_t *q = p;
        utf8proc_int32_t m;
        while (*q) {                     /* gather the combining marks that follow */
            utf8proc_ssize_t k = utf8proc_iterate(q, -1, &m);
            if (k <= 0) break;
            if (is_quality_mark(m)) quality = m;
            else if (tone_of(m)) tone = tone_of(m);
            else break;
            q += k;
        }
        p = q;
        unsigned char w;
        int li = (c < 0x80 && c >= 'a' && c <= 'z') || c == 0x0111 ? letter_index(c, quality) : -1;
        if (li >= 0) {
            w = (unsigned char)(0x40 + li);
            sb_put(&prim, &w, 1);
            w = (unsigned char)('0' + tone);
            sb_put(&tones, &w, 1);
        } else if (c == ' ' || c == '\t' || c == '-') {
            w = 0x03; sb_put(&prim, &w, 1);
        } else if (c >= '0' && c <= '9') {
            w = (unsigned char)(0x10 + (c - '0')); sb_put(&prim, &w, 1);
        } else {
            utf8proc_uint8_t buf[4];
            utf8proc_ssize_t len = utf8proc_encode_char(c, buf);
            w = 0x70; sb_put(&prim, &w, 1);
            sb_put(&prim, buf, (size_t)len);
        }
    }
    unsigned char sep = 0x02;
    if (sb_put(&prim, &sep, 1) < 0 || (tones.n && sb_put(&prim, tones.p, tones.n) < 0)) goto out;
    ok = 1;
out:
    free(dec); free(tones.p);
    if (!ok) { free(prim.p); return NULL; }
    if (!prim.p) return strdup("\x02");
    return prim.p;
}

char *text_sort_key_person(const char *s)
{
    const char *last = strrchr(s, ' ');
    char *given = text_sort_key(last ? last + 1 : s);
    char *full = text_sort_key(s);
    char *out = NULL;
    if (given && full && (out = malloc(strlen(given) + strlen(full) + 2)))
        sprintf(out, "%s\x03%s", given, full);
    free(given); free(full);
    return out;
}

int text_match(const char *key, const char *q)
{
    char word[128];
    while (*q) {
        while (*q == ' ') q++;
        size_t n = strcspn(q, " ");
        if (!n) break;
        if (n >= sizeof word) n = sizeof word - 1;
        memcpy(word, q, n); word[n] = 0;
        if (!strstr(key, word)) return 0;
        q += strcspn(q, " ");
    }
    return 1;
}

void text_copy(char *dst, size_t n, const char *src)
{
    if (!n) return;
    size_t len = strlen(src);
    if (len >= n) {
        len = n - 1;
        while (len > 0 && ((unsigned char)src[len] & 0xC0) == 0x80) len--;
    }
    memcpy(dst, src, len);
    dst[len] = 0;
}

/* ---- terminal safety ---- */

static int bidi_control(int32_t c)
{
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}

int text_unsafe_cp(int32_t c) { return c < 0x20 || (c >= 0x7F && c < 0xA0) || bidi_control(c); }

const char *text_placeholder(int32_t c, int ascii, char *buf)
{
    if (!text_unsafe_cp(c)) return NULL;
    if (c < 0x20 || c == 0x7F) {
        if (ascii) snprintf(buf, TEXT_PLACEHOLDER_MAX, "^%c", c == 0x7F ? '?' : (char)(c + '@'));
        else buf[utf8proc_encode_char(c == 0x7F ? 0x2421 : 0x2400 + c, (utf8proc_uint8_t *)buf)] = 0;
    } else if (c < 0xA0) {
        snprintf(buf, TEXT_PLACEHOLDER_MAX, "\\x%02x", (unsigned)c);
    } else {
        snprintf(buf, TEXT_PLACEHOLDER_MAX, "\\u%04x", (unsigned)c);
    }
    return buf;
}

/* Walk s code point by code point; a bad byte comes as -1. */
typedef int (*cp_put)(sbuf *b, int32_t c, const void *arg);

static char *rewrite(const char *s, cp_put put, const void *arg)
{
    sbuf b = {0};
    if (!s) return NULL;
    if (sb_put(&b, "", 0) < 0) return NULL;
    for (const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s; *p; ) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(p, -1, &c);
        if (k <= 0) { c = -1; k = 1; }
        p += k;
        if (put(&b, c, arg) < 0) { free(b.p); return NULL; }
    }
    return b.p;
}

static int put_cp(sbuf *b, int32_t c)
{
    utf8proc_uint8_t u[4];
    return sb_put(b, u, (size_t)utf8proc_encode_char(c, u));
}

static int put_term(sbuf *b, int32_t c, const void *arg)
{
    int ascii = *(const int *)arg;
    char ph[TEXT_PLACEHOLDER_MAX];
    if (c < 0) return ascii ? sb_put(b, "?", 1) : put_cp(b, 0xFFFD);
    if (c == '\t' || c == '\n') return sb_put(b, " ", 1);
    if (text_placeholder(c, ascii, ph)) return sb_put(b, ph, strlen(ph));
    return put_cp(b, c);
}

char *text_term_safe(const char *s, int ascii) { return rewrite(s, put_term, &ascii); }

static int put_strip(sbuf *b, int32_t c, const void *arg)
{
    const char *keep = arg;
    if (c < 0) return put_cp(b, 0xFFFD);
    if (text_unsafe_cp(c) && !(c > 0 && c < 0x80 && keep && strchr(keep, (int)c))) return 0;
    return put_cp(b, c);
}

char *text_strip_unsafe(const char *s, const char *keep) { return rewrite(s, put_strip, keep); }
