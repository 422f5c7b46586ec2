/* input: a small UTF-8 decoder over wgetch(), which returns single bytes and KEY_ codes. */
#include "tui/widgets/input.h"
#include "tui/widgets/signals.h"
#include "model/i18n.h"
#include <stdio.h>

#define CONT_WAIT_MS 120        /* the rest of one character comes in the same packet */

static int dropped;
static unsigned char first_dropped;

static void drop(int byte)
{
    if (!dropped) first_dropped = (unsigned char)byte;
    dropped++;
}

/* Length of the sequence a lead byte starts (1-4), 0 for a byte that cannot lead. */
static int seq_len(int b)
{
    return b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
}

/* The allowed range of the second byte (no overlong forms, no surrogates, <= U+10FFFF). */
static int second_ok(int lead, int b)
{
    int lo = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
    int hi = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
    return b >= lo && b <= hi;
}

/* Read the continuation bytes of a sequence; 1 with *cp, 0 when it broke off (the
 * breaking byte or key is pushed back to be read as the next key). */
static int continuation(WINDOW *w, int lead, int len, wint_t *cp)
{
    int delay = wgetdelay(w);
    wtimeout(w, CONT_WAIT_MS);
    wint_t c = (wint_t)(lead & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07));
    int ok = 1;
    for (int i = 1; i < len && ok; i++) {
        int b = wgetch(w);
        if (b == ERR) ok = 0;
        else if (b > 0xFF || (i == 1 ? !second_ok(lead, b) : (b & 0xC0) != 0x80)) {
            ungetch(b);
            ok = 0;
        } else c = (c << 6) | (wint_t)(b & 0x3F);
    }
    wtimeout(w, delay);
    if (ok) *cp = c;
    return ok;
}

int input_wch(WINDOW *w, wint_t *wc)
{
    for (;;) {
        int b = wgetch(w);
        if (b == ERR) {                  /* a signal broke the read, or none came in time */
            if (sig_take_interrupt()) { *wc = KEY_NTM_INTR; return KEY_CODE_YES; }
            if (sig_hangup()) { *wc = KEY_NTM_HUP; return KEY_CODE_YES; }
            return ERR;
        }
        if (b > 0xFF) { *wc = (wint_t)b; return KEY_CODE_YES; }
        int len = seq_len(b);
        if (len == 1) { *wc = (wint_t)b; return OK; }
        if (len && continuation(w, b, len, wc)) return OK;
        drop(b);                 /* then read on: the next key must work */
    }
}

int input_take_dropped(unsigned char *first)
{
    int n = dropped;
    if (first) *first = first_dropped;
    dropped = 0;
    return n;
}

void input_dropped_hint(unsigned char first, char *out, size_t n)
{
    snprintf(out, n, _("Đã bỏ ký tự không phải UTF-8 (byte 0x%02X). Hãy đặt terminal dùng UTF-8: PuTTY: "
                       "Window → Translation → UTF-8; Unikey: bảng mã Unicode."), first);
}
