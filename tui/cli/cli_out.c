/* cli_out: the commands' stdout and stderr never carry a control character or an escape
 * sequence from the database to the terminal (a hamlet named "ESC ]52;..." in `ntm
 * tours`, a refused import's cell in a message). Both streams are replaced, once, by
 * glibc's fopencookie streams that pass every code point through except the unsafe ones
 * (model/text.h: C0 but line break and tab, DEL, C1, bidi controls), which become their
 * visible placeholders, as on the full screen. One place instead of a guard at each of
 * the commands' ~200 printf calls. What goes to files (PDFs, exports) is cleaned where it
 * is written. */
#define _GNU_SOURCE
#include "tui/cli/cli_out.h"
#include "model/text.h"
#include <langinfo.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    int fd, ascii;
    unsigned char carry[4];  /* a UTF-8 sequence cut between two writes */
    size_t ncarry;
} guard;

static guard g_out, g_err;

static int put_all(int fd, const void *p, size_t n)
{
    const char *s = p;
    while (n) {
        ssize_t w = write(fd, s, n);
        if (w < 0) return -1;
        s += w;
        n -= (size_t)w;
    }
    return 0;
}

/* The length of the UTF-8 sequence that starts with b (1 for a stray byte). */
static size_t seq_len(unsigned char b)
{
    return b < 0xc2 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : b < 0xf5 ? 4 : 1;
}

static int32_t decode(const unsigned char *s, size_t n)
{
    if (n == 1) return s[0] < 0x80 ? s[0] : -1;
    int32_t c = s[0] & (0x7f >> n);
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80) return -1;
        c = (c << 6) | (s[i] & 0x3f);
    }
    return c;
}

/* Writes one sequence: as it is, or its placeholder. */
static int put_seq(guard *g, const unsigned char *s, size_t n)
{
    int32_t c = decode(s, n);
    char ph[TEXT_PLACEHOLDER_MAX];
    if (c >= 0 && c != '\n' && c != '\t' && text_placeholder(c, g->ascii, ph))
        return put_all(g->fd, ph, strlen(ph));
    return put_all(g->fd, s, n);
}

static ssize_t guard_write(void *cookie, const char *buf, size_t size)
{
    guard *g = cookie;
    const unsigned char *s = (const unsigned char *)buf;
    size_t i = 0;
    while (g->ncarry && i < size) {                   /* finish the sequence cut last time */
        g->carry[g->ncarry++] = s[i++];
        if (g->ncarry == seq_len(g->carry[0]) || (s[i - 1] & 0xc0) != 0x80) {
            if (put_seq(g, g->carry, g->ncarry)) return -1;
            g->ncarry = 0;
        }
    }
    while (i < size) {
        size_t n = seq_len(s[i]);
        if (i + n > size) {                           /* cut: keep it for the next write */
            memcpy(g->carry, s + i, size - i);
            g->ncarry = size - i;
            break;
        }
        if (put_seq(g, s + i, n)) return -1;
        i += n;
    }
    return (ssize_t)size;
}

static int guard_close(void *cookie)
{
    guard *g = cookie;
    if (g->ncarry) put_all(g->fd, g->carry, g->ncarry);   /* a cut sequence at the end: as it was */
    g->ncarry = 0;
    return 0;
}

static FILE *guarded(guard *g, int fd, int mode)
{
    cookie_io_functions_t io = { .write = guard_write, .close = guard_close };
    g->fd = fd;
    g->ascii = strcmp(nl_langinfo(CODESET), "UTF-8") != 0;
    FILE *f = fopencookie(g, "w", io);
    if (f) setvbuf(f, NULL, mode, BUFSIZ);
    return f;
}

void cli_out_guard(void)
{
    static int done;
    if (done) return;
    done = 1;
    fflush(stdout);
    fflush(stderr);
    FILE *o = guarded(&g_out, STDOUT_FILENO, isatty(STDOUT_FILENO) ? _IOLBF : _IOFBF);
    FILE *e = guarded(&g_err, STDERR_FILENO, _IONBF);
    if (o) stdout = o;
    if (e) stderr = e;
}
