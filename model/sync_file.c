/* sync_file: the file a stream travels in. A text header (readable with `head`), then
 * the segments, each a line "seg SEQ MADE LENGTH" and the changeset's bytes:
 *
 *   NTM-SYNC 1
 *   site 3f0c...                  the sending file's site id
 *   dir up                        up: a commune's rows; down: the province's
 *   commune <uuid> <name>
 *   province <uuid> <name>
 *   first 4                       the segments in the file
 *   seq 6
 *   ack 2                         the other direction's last segment applied here
 *   schema 8                      PRAGMA user_version of the sender
 *   made 2026-03-06T08:15:00Z
 *   length 18234                  bytes after the empty line
 *   crc32 9a0b1c2d                zlib's CRC-32 of everything above this line and the body
 *
 * It is written beside its destination and renamed into place when complete. */
#include "model/sync_internal.h"
#include "model/i18n.h"
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#define MAGIC "NTM-SYNC 1\n"
#define MAX_FILE (512L << 20)

const char *sync_dir_name(int dir) { return dir == SYNC_DOWN ? "down" : "up"; }

void sync_now(char out[24])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 24, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* A name on one header line: no line breaks. */
static void one_line(char *dst, size_t n, const char *src)
{
    snprintf(dst, n, "%s", src ? src : "");
    for (char *p = dst; *p; p++) if (*p == '\n' || *p == '\r') *p = ' ';
}

static size_t header_text(char *out, size_t n, const sync_header *h)
{
    char cname[204], pname[204];
    one_line(cname, sizeof cname, h->commune_name);
    one_line(pname, sizeof pname, h->province_name);
    int k = snprintf(out, n, MAGIC "site %s\ndir %s\ncommune %s %s\nprovince %s %s\nfirst %lld\nseq %lld\nack %lld\n"
                     "schema %d\nmade %s\nlength %lld\n", h->site, sync_dir_name(h->dir), h->commune_uuid, cname,
                     h->province_uuid[0] ? h->province_uuid : "-", pname, h->first, h->seq, h->ack, h->schema, h->made,
                     h->length);
    return k < 0 ? 0 : (size_t)k;
}

static int fail(char *err, size_t en, const char *fmt, const char *a, const char *b)
{
    snprintf(err, en, fmt, a, b);
    return -1;
}

int sync_file_write(const char *path, sync_header *h, const sync_seg *segs, int nseg, char *err, size_t en)
{
    char line[96];
    h->length = 0;
    for (int i = 0; i < nseg; i++)
        h->length += snprintf(line, sizeof line, "seg %lld %s %d\n", segs[i].seq, segs[i].made, segs[i].n) + segs[i].n;
    char head[1400];
    size_t hn = header_text(head, sizeof head, h);
    uLong crc = crc32(0L, (const Bytef *)head, (uInt)hn);
    for (int i = 0; i < nseg; i++) {
        int k = snprintf(line, sizeof line, "seg %lld %s %d\n", segs[i].seq, segs[i].made, segs[i].n);
        crc = crc32(crc, (const Bytef *)line, (uInt)k);
        crc = crc32(crc, (const Bytef *)segs[i].data, (uInt)segs[i].n);
    }
    h->crc = crc;
    char dir[1100], tmp[1200];
    snprintf(dir, sizeof dir, "%s", path);
    snprintf(tmp, sizeof tmp, "%s/.ntmsync.XXXXXX", dirname(dir));
    int fd = mkstemp(tmp);
    if (fd < 0) return fail(err, en, _("Không ghi được vào thư mục %s: %s"), dir, strerror(errno));
    mode_t um = umask(0);
    umask(um);
    fchmod(fd, 0666 & ~um);
    FILE *f = fdopen(fd, "wb");
    if (!f) { close(fd); unlink(tmp); return fail(err, en, "%s: %s", tmp, strerror(errno)); }
    fwrite(head, 1, hn, f);
    fprintf(f, "crc32 %08lx\n\n", (unsigned long)crc);
    for (int i = 0; i < nseg; i++) {
        fprintf(f, "seg %lld %s %d\n", segs[i].seq, segs[i].made, segs[i].n);
        fwrite(segs[i].data, 1, (size_t)segs[i].n, f);
    }
    int bad = fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0;
    int e = errno;
    if (fclose(f) != 0) bad = 1;
    if (!bad && rename(tmp, path) != 0) { bad = 1; e = errno; }
    if (bad) {
        unlink(tmp);
        return fail(err, en, _("Không ghi được tệp %s: %s"), path, strerror(e));
    }
    return 0;
}

/* Header fields from text (NUL-terminated, up to the empty line). */
static int parse_header(char *text, sync_header *h)
{
    memset(h, 0, sizeof *h);
    if (strncmp(text, MAGIC, strlen(MAGIC))) return -1;
    h->format = 1;
    int seen = 0;
    for (char *line = strtok(text + strlen(MAGIC), "\n"); line; line = strtok(NULL, "\n")) {
        char *v = strchr(line, ' ');
        if (!v) continue;
        *v++ = 0;
        char *name = NULL;
        if (!strcmp(line, "commune") || !strcmp(line, "province")) {
            name = strchr(v, ' ');
            if (name) *name++ = 0;
        }
        if (!strcmp(line, "site")) snprintf(h->site, sizeof h->site, "%s", v);
        else if (!strcmp(line, "dir")) h->dir = !strcmp(v, "up") ? SYNC_UP : !strcmp(v, "down") ? SYNC_DOWN : 0;
        else if (!strcmp(line, "commune")) {
            snprintf(h->commune_uuid, sizeof h->commune_uuid, "%s", v);
            snprintf(h->commune_name, sizeof h->commune_name, "%s", name ? name : "");
        } else if (!strcmp(line, "province")) {
            snprintf(h->province_uuid, sizeof h->province_uuid, "%s", strcmp(v, "-") ? v : "");
            snprintf(h->province_name, sizeof h->province_name, "%s", name ? name : "");
        }
        else if (!strcmp(line, "first")) h->first = atoll(v);
        else if (!strcmp(line, "seq")) h->seq = atoll(v);
        else if (!strcmp(line, "ack")) h->ack = atoll(v);
        else if (!strcmp(line, "schema")) h->schema = atoi(v);
        else if (!strcmp(line, "made")) snprintf(h->made, sizeof h->made, "%s", v);
        else if (!strcmp(line, "length")) { h->length = atoll(v); seen |= 1; }
        else if (!strcmp(line, "crc32")) { h->crc = strtoul(v, NULL, 16); seen |= 2; }
    }
    return seen == 3 && h->dir && h->commune_uuid[0] && h->seq >= h->first && h->first >= 1 ? 0 : -1;
}

int sync_file_peek(const char *path, sync_header *h)
{
    char buf[2048];
    FILE *f = fopen(path, "rb");
    memset(h, 0, sizeof *h);
    if (!f) return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    char *end = strstr(buf, "\n\n");
    if (!end) return -1;
    end[1] = 0;
    return parse_header(buf, h);
}

static int damaged(char *err, size_t en, const char *path, const char *why)
{
    fail(err, en, _("Tệp %s bị hỏng hoặc không đủ (%s): không nhập gì từ tệp này. Hãy xuất lại ở xã."),
         path, why);
    return SYNC_DAMAGED;
}

static int read_all(const char *path, unsigned char **buf, size_t *len, char *err, size_t en)
{
    struct stat sb;
    FILE *f = fopen(path, "rb");
    *buf = NULL;
    if (!f) { fail(err, en, _("Không mở được %s: %s"), path, strerror(errno)); return SYNC_REFUSED; }
    if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size > MAX_FILE) {
        fclose(f);
        return damaged(err, en, path, _("không phải tệp đồng bộ"));
    }
    *buf = malloc((size_t)sb.st_size + 1);
    *len = *buf ? fread(*buf, 1, (size_t)sb.st_size, f) : 0;
    fclose(f);
    if (!*buf) { fail(err, en, "%s%s", "out of memory", ""); return SYNC_REFUSED; }
    (*buf)[*len] = 0;
    return 0;
}

/* The segments of a checked body. */
static int parse_segments(unsigned char *body, size_t n, sync_seg **segs, int *nseg)
{
    int cap = 0;
    *segs = NULL; *nseg = 0;
    for (size_t o = 0; o < n;) {
        unsigned char *nl = memchr(body + o, '\n', n - o);
        if (!nl || nl - (body + o) > 80) return -1;
        sync_seg g;
        memset(&g, 0, sizeof g);
        *nl = 0;
        if (sscanf((char *)body + o, "seg %lld %23s %d", &g.seq, g.made, &g.n) != 3 || g.n < 0) return -1;
        o = (size_t)(nl - body) + 1;
        if ((size_t)g.n > n - o) return -1;
        g.data = body + o;
        o += (size_t)g.n;
        if (*nseg == cap) {
            cap = cap ? cap * 2 : 8;
            sync_seg *v = realloc(*segs, (size_t)cap * sizeof *v);
            if (!v) return -1;
            *segs = v;
        }
        (*segs)[(*nseg)++] = g;
    }
    return 0;
}

int sync_file_read(const char *path, sync_header *h, unsigned char **buf, sync_seg **segs, int *nseg,
                   char *err, size_t en)
{
    size_t len = 0;
    *segs = NULL; *nseg = 0;
    memset(h, 0, sizeof *h);
    int rc = read_all(path, buf, &len, err, en);
    if (rc) return rc;
    unsigned char *p = *buf;
    char *end = strstr((char *)p, "\n\n");
    char *crcline = strstr((char *)p, "\ncrc32 ");
    if (len < strlen(MAGIC) || memcmp(p, MAGIC, strlen(MAGIC)) || !end || !crcline || crcline > end)
        return damaged(err, en, path, _("không phải tệp đồng bộ của ntm"));
    size_t hlen = (size_t)(end - (char *)p) + 2, crc_at = (size_t)(crcline - (char *)p) + 1;
    char *text = malloc(hlen);
    if (text) { memcpy(text, p, hlen - 1); text[hlen - 1] = 0; }
    int bad = !text || parse_header(text, h);
    free(text);
    if (bad) return damaged(err, en, path, _("phần đầu không đọc được"));
    unsigned char *body = p + hlen;
    size_t blen = len - hlen;
    if ((long long)blen != h->length) {
        char why[96];
        snprintf(why, sizeof why, _("%zu byte thay vì %lld"), blen, h->length);
        return damaged(err, en, path, why);
    }
    uLong crc = crc32(0L, p, (uInt)crc_at);
    crc = crc32(crc, body, (uInt)blen);
    if (crc != h->crc) return damaged(err, en, path, _("mã kiểm tra CRC-32 sai"));
    if (parse_segments(body, blen, segs, nseg) || *nseg == 0 || (*segs)[0].seq != h->first ||
        (*segs)[*nseg - 1].seq != h->seq)
        return damaged(err, en, path, _("các đoạn không khớp phần đầu"));
    for (int i = 1; i < *nseg; i++)
        if ((*segs)[i].seq != (*segs)[i - 1].seq + 1)
            return damaged(err, en, path, _("các đoạn không liên tiếp"));
    return 0;
}
