/* i18n: the English catalogue (a GNU .mo file made by msgfmt from config/po/en.po) and the
 * choice of language.
 *
 * Why ntm reads the .mo itself instead of calling glibc's dgettext (measured on Debian 12,
 * glibc 2.36): dgettext chooses the language from the process's locale and LANGUAGE on
 * every call. (1) Under LANG=C, which ntm supports (the unaccented ASCII fallback), glibc
 * ignores LANGUAGE and returns the msgid: `LANGUAGE=en ntm` would stay Vietnamese. (2) ntm's
 * language also comes from ntm.ini ([ui] language), which glibc cannot know without
 * rewriting the environment. (3) ntm.ini.example and the manual pages are written in both
 * languages by one process. So the catalogue is opened here, once, from a place ntm
 * chooses (NTM_LOCALEDIR, the build tree, the installed LOCALEDIR), and looked up by
 * binary search over its sorted msgids: the same file, format and tools (xgettext,
 * msgmerge, msgfmt) as gettext, with no dependency on the process locale. */
#include "model/i18n.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef NTM_LOCALEDIR
#define NTM_LOCALEDIR "/usr/local/share/locale"
#endif
#define MO_NAME "en/LC_MESSAGES/ntm.mo"

int ntm_lang_en = 0;

typedef struct { const char *id, *str; } mo_pair;

static struct {
    int loaded;
    mo_pair *v;                 /* sorted by id */
    size_t n;
    char *data;
    char path[4096];
} cat;

static uint32_t word(const unsigned char *p, int swap)
{
    uint32_t w;
    memcpy(&w, p, 4);
    return swap ? __builtin_bswap32(w) : w;
}

static int by_id(const void *a, const void *b)
{
    return strcmp(((const mo_pair *)a)->id, ((const mo_pair *)b)->id);
}

/* The string at table entry i of the table at off: NULL when it lies outside the file
 * or is not NUL-terminated. */
static const char *mo_string(const unsigned char *d, size_t size, uint32_t off, uint32_t i, int swap)
{
    if (off > size || i >= (size - off) / 8) return NULL;
    uint32_t len = word(d + off + 8u * i, swap), at = word(d + off + 8u * i + 4, swap);
    if (at > size || len >= size - at || d[at + len]) return NULL;
    return (const char *)d + at;
}

/* Reads the .mo at path; 0 when it is a well-formed catalogue. */
static int mo_load(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    char *d = NULL;
    size_t size = 0, cap = 0, got;
    do {
        if (size == cap) {
            char *nd = realloc(d, cap = cap ? cap * 2 : 65536);
            if (!nd) { free(d); fclose(f); return -1; }
            d = nd;
        }
        got = fread(d + size, 1, cap - size, f);
        size += got;
    } while (got > 0);
    fclose(f);
    const unsigned char *u = (const unsigned char *)d;
    int swap = size >= 4 && word(u, 0) == 0xde120495u;
    if (size < 20 || (word(u, swap) != 0x950412deu) || (word(u + 4, swap) >> 16) != 0) { free(d); return -1; }
    uint32_t n = word(u + 8, swap), orig = word(u + 12, swap), trans = word(u + 16, swap);
    mo_pair *v = n ? calloc(n, sizeof *v) : NULL;
    if (n && !v) { free(d); return -1; }
    size_t k = 0;
    for (uint32_t i = 0; i < n; i++) {
        const char *id = mo_string(u, size, orig, i, swap), *str = mo_string(u, size, trans, i, swap);
        if (!id || !str) { free(v); free(d); return -1; }
        if (id[0] && str[0]) v[k++] = (mo_pair){ id, str };   /* "" is the header */
    }
    qsort(v, k, sizeof *v, by_id);
    cat.v = v, cat.n = k, cat.data = d;
    snprintf(cat.path, sizeof cat.path, "%s", path);
    return 0;
}

/* dir/en/LC_MESSAGES/ntm.mo, when dir is set; 0 when it was read. */
static int try_dir(const char *dir)
{
    char p[4096];
    if (!dir || !dir[0]) return -1;
    if (snprintf(p, sizeof p, "%s/%s", dir, MO_NAME) >= (int)sizeof p) return -1;
    return mo_load(p);
}

/* The build tree: locale/ beside the binary or one folder up (build/ntm, build/tests/x,
 * build/man/x all find build/locale). An installed /usr/bin/ntm has none there. */
static int try_build_tree(void)
{
    char exe[4096], p[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) return -1;
    exe[n] = 0;
    for (int up = 0; up < 2; up++) {
        char *slash = strrchr(exe, '/');
        if (!slash) return -1;
        *slash = 0;
        if (snprintf(p, sizeof p, "%s/locale", exe) < (int)sizeof p && !try_dir(p)) return 0;
    }
    return -1;
}

/* NTM_LOCALEDIR wins (tests, a catalogue elsewhere); then the build tree, so that
 * ./build/ntm and the tests never read an older installed catalogue; then LOCALEDIR. */
static void load_once(void)
{
    if (cat.loaded) return;
    cat.loaded = 1;
    const char *env = getenv("NTM_LOCALEDIR");
    if (env && env[0]) { try_dir(env); return; }
    if (!try_build_tree()) return;
    try_dir(NTM_LOCALEDIR);
}

const char *ntm_catalogue_path(void)
{
    load_once();
    return cat.path;
}

void ntm_catalogue_reset(void)
{
    free(cat.v);
    free(cat.data);
    memset(&cat, 0, sizeof cat);
}

static const mo_pair *find(const char *msgid)
{
    load_once();
    mo_pair key = { msgid, NULL };
    return cat.n ? bsearch(&key, cat.v, cat.n, sizeof *cat.v, by_id) : NULL;
}

int ntm_tr_has(const char *msgid) { return msgid && msgid[0] && find(msgid) != NULL; }

/* The msgid without its context ("ctx\004msgid"). */
static const char *plain(const char *msgid)
{
    const char *p = strchr(msgid, '\004');
    return p ? p + 1 : msgid;
}

const char *ntm_tr_in(int en, const char *msgid)
{
    if (!msgid || !msgid[0]) return msgid;
    if (!en) return plain(msgid);
    const mo_pair *hit = find(msgid);
    return hit ? hit->str : plain(msgid);
}

const char *ntm_tr(const char *msgid) { return ntm_tr_in(ntm_lang_en, msgid); }

/* The catalogue's key of a message in context is "ctx\004msgid" (what NC_ writes). */
const char *ntm_tr_ctx(int en, const char *ctx, const char *msgid)
{
    char key[1024];
    if (!en || !msgid || snprintf(key, sizeof key, "%s\004%s", ctx, msgid) >= (int)sizeof key) return msgid;
    const mo_pair *hit = find(key);
    return hit ? hit->str : msgid;
}

int ntm_lang_env(void)
{
    const char *v = getenv("LANGUAGE");
    while (v && *v) {
        size_t len = strcspn(v, ":");
        if (len >= 2 && !strncmp(v, "en", 2) && (len == 2 || v[2] == '_' || v[2] == '.' || v[2] == '@')) return 1;
        if (len >= 2 && !strncmp(v, "vi", 2) && (len == 2 || v[2] == '_' || v[2] == '.' || v[2] == '@')) return 0;
        v += len;
        if (*v == ':') v++;
    }
    return -1;
}

int ntm_lang_pick(int ini_en)
{
    int e = ntm_lang_env();
    return e >= 0 ? e : ini_en != 0;
}
