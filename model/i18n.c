/* i18n: the English catalogue (a GNU .mo file made by msgfmt from config/po/en.po) and the
 * choice of language. Lookups are glibc's gettext (dgettext), with two things pinned so
 * that the answer does not depend on the process's locale and environment (measured on
 * Debian 12, glibc 2.36):
 * - glibc ignores LANGUAGE when LC_MESSAGES is "C", and ntm runs under LANG=C too (the
 *   unaccented ASCII fallback): `LANG=C LANGUAGE=en` gave "Thoát". So a lookup runs in the
 *   C.UTF-8 locale (uselocale, this thread only), which every glibc since 2.35 has built in.
 * - The language is ntm's choice (LANGUAGE, else ntm.ini's [ui] language), and the files
 *   ntm writes in both languages (ntm.ini.example, the manual pages) ask for English
 *   whatever the user's: a lookup sets LANGUAGE=en for its duration and puts the user's
 *   value back (ntm is single-threaded; glibc's setenv keeps the values it has seen, so
 *   this does not grow).
 * Vietnamese is the msgid itself: no lookup at all. The catalogue's folder is chosen here
 * (NTM_LOCALEDIR, the build tree, the installed LOCALEDIR) and given to bindtextdomain. */
#define _GNU_SOURCE
#include "model/i18n.h"

#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef NTM_LOCALEDIR
#define NTM_LOCALEDIR "/usr/local/share/locale"
#endif
#define DOMAIN "ntm"
#define MO_NAME "en/LC_MESSAGES/ntm.mo"

int ntm_lang_en = 0;

static struct {
    int loaded, found;
    locale_t c_utf8;
    char path[4096];
} cat;

/* dir/en/LC_MESSAGES/ntm.mo exists and is readable: the domain is bound to dir. */
static int try_dir(const char *dir)
{
    char p[4096];
    if (!dir || !dir[0]) return -1;
    if (snprintf(p, sizeof p, "%s/%s", dir, MO_NAME) >= (int)sizeof p || access(p, R_OK)) return -1;
    if (!bindtextdomain(DOMAIN, dir)) return -1;
    bind_textdomain_codeset(DOMAIN, "UTF-8");
    snprintf(cat.path, sizeof cat.path, "%s", p);
    cat.found = 1;
    return 0;
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
    if (!cat.c_utf8) cat.c_utf8 = newlocale(LC_ALL_MASK, "C.UTF-8", (locale_t)0);
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
    locale_t keep = cat.c_utf8;
    memset(&cat, 0, sizeof cat);
    cat.c_utf8 = keep;
}

/* The English of key ("msgid" or "ctx\004msgid"), or NULL when the catalogue has none. */
static const char *lookup(const char *key)
{
    load_once();
    if (!cat.found || !cat.c_utf8) return NULL;
    const char *user = getenv("LANGUAGE");
    char *saved = user ? strdup(user) : NULL;
    if (user && !saved) return NULL;
    setenv("LANGUAGE", "en", 1);
    locale_t old = uselocale(cat.c_utf8);
    const char *t = dgettext(DOMAIN, key);
    uselocale(old);
    if (saved) setenv("LANGUAGE", saved, 1); else unsetenv("LANGUAGE");
    free(saved);
    return t != key ? t : NULL;
}

int ntm_tr_has(const char *msgid) { return msgid && msgid[0] && lookup(msgid) != NULL; }

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
    const char *hit = lookup(msgid);
    return hit ? hit : plain(msgid);
}

const char *ntm_tr(const char *msgid) { return ntm_tr_in(ntm_lang_en, msgid); }

/* The catalogue's key of a message in context is "ctx\004msgid" (what NC_ writes, and
 * what gettext's pgettext looks up). */
const char *ntm_tr_ctx(int en, const char *ctx, const char *msgid)
{
    char key[1024];
    if (!en || !msgid || snprintf(key, sizeof key, "%s\004%s", ctx, msgid) >= (int)sizeof key) return msgid;
    const char *hit = lookup(key);
    return hit ? hit : msgid;
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
