/* config: finds ntm.ini, loads it with iniparser and checks every section, key and
 * value against the table in keys.c. A wrong file stops ntm, so each message names
 * the file, the line, the section, the key and what is allowed. The documented
 * example file is written by example.c. */
#include "config/config.h"

#include <errno.h>
#include <fcntl.h>
#include <iniparser.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define SYSTEM_CONFIG "/etc/ntm/ntm.ini"
#define USER_CONFIG   "~/.config/ntm/ntm.ini"
#define SHOW_MAX      60        /* bytes of a bad value quoted back in a message */
#define KEYS_SECTION  "keys"    /* [keys]: any name; tui/ knows the names */

/* Messages after the file is open, in the file's own [ui] language. */
struct msgs {
    const char *bad, *too_long, *empty, *allowed, *utf8, *no_key, *keys_of;
    const char *no_section, *outside, *sections, *syntax, *line_long, *unreadable, *bom;
    const char *binds_many;
};
static const struct msgs msg_vi = {
    "không hợp lệ", "quá dài", "không được để trống", "giá trị cho phép",
    "giá trị không phải UTF-8 hợp lệ; hãy lưu tệp với bảng mã UTF-8",
    "khóa \"%s\" không tồn tại", "các khóa của [%s]",
    "mục [%s] không tồn tại", "khóa \"%s\" nằm ngoài mọi mục", "các mục",
    "dòng không đọc được; cần \"[mục]\" hoặc \"khóa = giá trị\"",
    "dòng quá dài", "không đọc được tệp cấu hình",
    "tệp bắt đầu bằng dấu BOM (EF BB BF); hãy lưu lại dạng UTF-8 không BOM",
    "quá nhiều phím đổi (tối đa %d)",
};
static const struct msgs msg_en = {
    "is not valid", "is too long", "must not be empty", "allowed",
    "the value is not valid UTF-8; save the file as UTF-8",
    "unknown key \"%s\"", "keys of [%s]",
    "unknown section [%s]", "key \"%s\" is outside any section", "sections",
    "cannot parse line; expected \"[section]\" or \"key = value\"",
    "line too long", "cannot read the configuration file",
    "the file starts with a byte order mark (EF BB BF); save it as UTF-8 without BOM",
    "too many keys rebound (at most %d)",
};

static const struct msgs *msgs_for(enum ntm_lang lang)
{
    return lang == NTM_LANG_EN ? &msg_en : &msg_vi;
}

static void fail(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || !errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

/* "path:line" or just "path" when the line is unknown. */
static void where(char *buf, size_t len, const char *path, int line)
{
    if (line > 0)
        snprintf(buf, len, "%s:%d", path, line);
    else
        snprintf(buf, len, "%s", path);
}

/* Copy text from the file for a message: bad bytes and control characters become
 * '?' (the message goes to a terminal), long text ends in "...". */
static void show(const char *s, char *out, size_t len)
{
    size_t o = 0, n;
    for (; *s && o + 4 < len && o < SHOW_MAX; s += n) {
        n = ntm_utf8_char(s);
        if (!n || (n == 1 && ((unsigned char)*s < 0x20 || *s == 0x7f))) {
            out[o++] = '?';
            n = 1;
        } else {
            memcpy(out + o, s, n);
            o += n;
        }
    }
    if (*s && o + 3 < len)
        out[o++] = '.', out[o++] = '.', out[o++] = '.';
    out[o] = '\0';
}

/* ---- home folder ---- */

static const char *home_dir(void)
{
    const char *h = getenv("HOME");
    if (h && *h)
        return h;
    struct passwd *pw = getpwuid(getuid());   /* e.g. started by a service manager */
    return pw && pw->pw_dir ? pw->pw_dir : "";
}

/* Returns the length of the full expansion, like snprintf, so callers see overflow. */
static size_t expand_home(const char *in, char *out, size_t outlen)
{
    if (in[0] != '~' || (in[1] != '/' && in[1] != '\0'))
        return (size_t)snprintf(out, outlen, "%s", in);
    const char *home = home_dir(), *rest = in + 1;
    size_t hl = strlen(home);
    if (hl && home[hl - 1] == '/' && *rest == '/')
        rest++;                                 /* HOME=/ gives "/x", not "//x" */
    return (size_t)snprintf(out, outlen, "%s%s", home, rest);
}

void config_expand_home(const char *in, char *out, size_t outlen)
{
    expand_home(in, out, outlen);
}

void config_defaults(ntm_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    for (size_t i = 0; i < ntm_nkeys; i++)
        ntm_key_set(&ntm_keys[i], ntm_keys[i].def, cfg);   /* the same path as the file */
}

/* ---- reading the file again for line numbers ---- */

/* One meaningful line as iniparser sees it (after joining lines ending in '\'). */
struct ini_line {
    int no;
    const char *section;         /* current section, as written */
    const char *name;            /* NULL for a section header */
    char *value;                 /* in the line buffer, free to cut */
};
typedef int (*line_visitor)(const struct ini_line *ln, void *ctx);

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n' || *s == '\f' || *s == '\v')
        s++;
    size_t n = strlen(s);
    while (n && strchr(" \t\r\n\f\v", s[n - 1]))
        s[--n] = '\0';
    return s;
}

/* Classify one trimmed line the way iniparser 4.1 does; 0 for blanks and comments. */
static int classify(char *s, char *section, size_t seclen, struct ini_line *ln)
{
    size_t n = strlen(s);
    char *eq;
    if (!n || *s == '#' || *s == ';')
        return 0;
    if (*s == '[' && s[n - 1] == ']') {
        s[strcspn(s, "]")] = '\0';
        snprintf(section, seclen, "%s", trim(s + 1));
        ln->name = ln->value = NULL;
        return 1;
    }
    if (!(eq = strchr(s, '=')))
        return 0;
    *eq = '\0';
    ln->name = trim(s);
    ln->value = trim(eq + 1);
    return 1;
}

/* Calls visit for every section header and key line until it returns non-zero. */
static int scan_file(const char *path, line_visitor visit, void *ctx)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    char *buf = NULL, section[NTM_LINE_MAX] = "";
    size_t cap = 0;
    int no = 0, joined = 0, stop = 0;
    while (!stop && getline(&buf, &cap, f) >= 0) {
        char *s = buf;
        if (no == 0 && !strncmp(s, "\xEF\xBB\xBF", 3))
            s += 3;                          /* read past a BOM to learn the language */
        s = trim(s);
        size_t n = strlen(s);
        int was_joined = joined;
        struct ini_line ln = { ++no, section, NULL, NULL };
        joined = n && s[n - 1] == '\\';      /* iniparser joins it with the next line */
        if (!was_joined && classify(s, section, sizeof section, &ln))
            stop = visit(&ln, ctx);
    }
    free(buf);
    fclose(f);
    return stop;
}

struct line_query {
    const char *section, *name;  /* name NULL: the section header */
    int line;
    char spelled[NTM_LINE_MAX];  /* the name as written in the file */
};

static int match_line(const struct ini_line *ln, void *ctx)
{
    struct line_query *q = ctx;
    if (strcasecmp(ln->section, q->section))
        return 0;
    if (!q->name && !ln->name) {
        q->line = ln->no;
        snprintf(q->spelled, sizeof q->spelled, "%s", ln->section);
        return 1;                           /* the first header */
    }
    if (q->name && ln->name && !strcasecmp(ln->name, q->name)) {
        q->line = ln->no;                   /* keep going: iniparser keeps the last one */
        snprintf(q->spelled, sizeof q->spelled, "%s", ln->name);
    }
    return 0;
}

static struct line_query find_line(const char *path, const char *section, const char *name)
{
    struct line_query q = { section, name, 0, "" };
    scan_file(path, match_line, &q);
    if (!q.spelled[0])
        snprintf(q.spelled, sizeof q.spelled, "%s", name ? name : section);
    return q;
}

/* [ui] language as written, for messages about lines iniparser could not read. */
static int match_lang(const struct ini_line *ln, void *ctx)
{
    char *v, *end;
    if (!ln->name || strcasecmp(ln->section, "ui") || strcasecmp(ln->name, "language"))
        return 0;
    v = ln->value;
    if ((*v == '"' || *v == '\'') && (end = strchr(v + 1, *v)))
        *end = '\0', v++;
    else
        v[strcspn(v, ";#")] = '\0';
    *(enum ntm_lang *)ctx = !strcasecmp(trim(v), "en") ? NTM_LANG_EN : NTM_LANG_VI;
    return 0;
}

static enum ntm_lang file_lang(const char *path)
{
    enum ntm_lang lang = NTM_LANG_VI;
    scan_file(path, match_lang, &lang);
    return lang;
}

/* ---- iniparser ---- */

/* iniparser reports through one global callback without a user pointer, so its last
 * message waits here. ntm loads its configuration once, from one thread. */
static char ini_msg[NTM_PATH_MAX + 128];

static int ini_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ini_msg, sizeof ini_msg, fmt, ap);
    va_end(ap);
    return 0;
}

/* iniparser_load without its stderr output. On NULL, *line is the line iniparser
 * named ("syntax error in FILE (LINE)"), or 0. */
static dictionary *load_dict(const char *path, int *line)
{
    ini_msg[0] = '\0';
    iniparser_set_error_callback(ini_error);
    dictionary *d = iniparser_load(path);
    iniparser_set_error_callback(NULL);         /* back to iniparser's default */
    *line = 0;
    /* The path may also occur inside the words before it ("a" in "iniparser"). */
    for (const char *p = ini_msg; !d && (p = strstr(p, path)); p++)
        if (sscanf(p + strlen(path), " (%d)", line) == 1)
            break;
    return d;
}

static int unreadable(const char *path, int line, char *err, size_t errlen)
{
    const struct msgs *m = msgs_for(file_lang(path));
    char loc[NTM_PATH_MAX + 16];
    where(loc, sizeof loc, path, line);
    if (!line)
        fail(err, errlen, "%s: %s", loc, m->unreadable);
    else
        fail(err, errlen, "%s: %s", loc, strstr(ini_msg, "too long") ? m->line_long : m->syntax);
    return -1;
}

/* ---- checking what iniparser read ---- */

struct check {
    const char *path;
    const struct msgs *m;
    enum ntm_lang lang;
    char *err;
    size_t errlen;
};

static int value_error(const struct check *c, const struct ntm_key *k, const char *text,
                       enum ntm_verdict v)
{
    struct line_query q = find_line(c->path, k->section, k->name);
    char loc[NTM_PATH_MAX + 16], shown[SHOW_MAX + 8], allowed[NTM_LINE_MAX];
    where(loc, sizeof loc, c->path, q.line);
    if (v == NTM_VALUE_UTF8) {
        fail(c->err, c->errlen, "%s: [%s] %s: %s", loc, k->section, k->name, c->m->utf8);
        return -1;
    }
    show(text, shown, sizeof shown);
    ntm_key_allowed(k, c->lang, allowed, sizeof allowed);
    fail(c->err, c->errlen, "%s: [%s] %s = \"%s\" %s; %s: %s", loc, k->section, k->name,
         shown, v == NTM_VALUE_LONG ? c->m->too_long : v == NTM_VALUE_EMPTY ? c->m->empty
         : c->m->bad, c->m->allowed, allowed);
    return -1;
}

/* "a, b, c": the keys of one section, or with section NULL every section. */
static void list_names(const char *section, char *buf, size_t len)
{
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < ntm_nkeys && n < len; i++) {
        const struct ntm_key *k = &ntm_keys[i];
        if (section ? strcmp(k->section, section) != 0
                    : i > 0 && !strcmp(k->section, ntm_keys[i - 1].section))
            continue;
        n += (size_t)snprintf(buf + n, len - n, section ? "%s%s" : "%s[%s]",
                              n ? ", " : "", section ? k->name : k->section);
    }
    if (!section && n < len)
        snprintf(buf + n, len - n, ", [%s]", KEYS_SECTION);
}

static int section_error(const struct check *c, const char *section, const char *key)
{
    struct line_query q = find_line(c->path, section, key);
    char loc[NTM_PATH_MAX + 16], shown[SHOW_MAX + 8], what[SHOW_MAX + 64], list[NTM_LINE_MAX];
    where(loc, sizeof loc, c->path, q.line);
    show(q.spelled, shown, sizeof shown);
    snprintf(what, sizeof what, key ? c->m->outside : c->m->no_section, shown);
    list_names(NULL, list, sizeof list);
    fail(c->err, c->errlen, "%s: %s; %s: %s", loc, what, c->m->sections, list);
    return -1;
}

static int key_error(const struct check *c, const char *section, const char *key)
{
    struct line_query q = find_line(c->path, section, key);
    char loc[NTM_PATH_MAX + 16], shown[SHOW_MAX + 8], what[SHOW_MAX + 64];
    char keys_of[NTM_LINE_MAX], list[NTM_LINE_MAX];
    where(loc, sizeof loc, c->path, q.line);
    show(q.spelled, shown, sizeof shown);
    snprintf(what, sizeof what, c->m->no_key, shown);
    snprintf(keys_of, sizeof keys_of, c->m->keys_of, section);
    list_names(section, list, sizeof list);
    fail(c->err, c->errlen, "%s: [%s] %s; %s: %s", loc, section, what, keys_of, list);
    return -1;
}

static int known_section(const char *section)
{
    if (!strcmp(section, KEYS_SECTION))
        return 1;
    for (size_t i = 0; i < ntm_nkeys; i++)
        if (!strcmp(ntm_keys[i].section, section))
            return 1;
    return 0;
}

static int utf8_ok(const char *s)
{
    for (size_t n; *s; s += n)
        if (!(n = ntm_utf8_char(s)))
            return 0;
    return 1;
}

/* A [keys] line, kept with its line number for tui/'s messages. */
static int bind_entry(const struct check *c, const char *name, const char *value, ntm_config *cfg)
{
    struct line_query q = find_line(c->path, KEYS_SECTION, name);
    char loc[NTM_PATH_MAX + 16], shown[SHOW_MAX + 8];
    struct ntm_bind *b = &cfg->binds[cfg->n_binds];
    where(loc, sizeof loc, c->path, q.line);
    show(name, shown, sizeof shown);
    if (!utf8_ok(value)) {
        fail(c->err, c->errlen, "%s: [%s] %s: %s", loc, KEYS_SECTION, shown, c->m->utf8);
        return -1;
    }
    if (cfg->n_binds >= NTM_BINDS_MAX) {
        fail(c->err, c->errlen, "%s: [%s] %s: ", loc, KEYS_SECTION, shown);
        size_t n = strlen(c->err);
        fail(c->err + n, c->errlen - n, c->m->binds_many, NTM_BINDS_MAX);
        return -1;
    }
    if (strlen(name) >= sizeof b->name || strlen(value) >= sizeof b->key) {
        char val[SHOW_MAX + 8];
        show(value, val, sizeof val);
        fail(c->err, c->errlen, "%s: [%s] %s = \"%s\" %s", loc, KEYS_SECTION, shown, val, c->m->too_long);
        return -1;
    }
    snprintf(b->name, sizeof b->name, "%s", name);
    snprintf(b->key, sizeof b->key, "%s", value);
    b->line = q.line;
    cfg->n_binds++;
    return 0;
}

/* One dictionary entry: "section" (a header, value NULL) or "section:key". */
static int check_entry(const struct check *c, const char *entry, const char *value,
                       ntm_config *cfg)
{
    char section[NTM_LINE_MAX * 4];
    const char *colon = strchr(entry, ':');
    if (!value || !colon)
        return known_section(entry) ? 0 : section_error(c, entry, NULL);
    snprintf(section, sizeof section, "%.*s", (int)(colon - entry), entry);
    if (!*section)
        return section_error(c, "", colon + 1);
    if (!known_section(section))
        return section_error(c, section, NULL);
    if (!strcmp(section, KEYS_SECTION))
        return bind_entry(c, colon + 1, value, cfg);
    const struct ntm_key *k = ntm_key_find(section, colon + 1);
    if (!k)
        return key_error(c, section, colon + 1);
    enum ntm_verdict v = ntm_key_set(k, value, cfg);
    return v == NTM_VALUE_OK ? 0 : value_error(c, k, value, v);
}

/* The language comes first so that every later message is in it; a bad language
 * value itself is reported in Vietnamese. Entries are checked in file order. */
static int check_dict(const dictionary *d, const char *path, ntm_config *cfg,
                      char *err, size_t errlen)
{
    struct check c = { path, &msg_vi, NTM_LANG_VI, err, errlen };
    const char *lang = iniparser_getstring(d, "ui:language", NULL);
    if (lang && check_entry(&c, "ui:language", lang, cfg))
        return -1;
    c.lang = cfg->lang;
    c.m = msgs_for(c.lang);
    for (int i = 0; i < d->size; i++)
        if (d->key[i] && check_entry(&c, d->key[i], d->val[i], cfg))
            return -1;
    return 0;
}

/* ---- opening ---- */

static const char *reason_vi(int e)
{
    switch (e) {
    case ENOENT:  return "tệp không tồn tại";
    case EACCES:  return "không có quyền đọc";
    case EISDIR:  return "đây là thư mục, không phải tệp";
    case ENOTDIR: return "một phần của đường dẫn không phải thư mục";
    default:      return strerror(e);
    }
}

/* Checked before iniparser, which would read a folder as an empty file and report
 * a missing file only as "cannot open". Language is unknown yet: Vietnamese. */
/* 0, an errno value, or -1 for a file that starts with a UTF-8 byte order mark
 * (iniparser would take it for part of the first line). */
static int open_problem(const char *path)
{
    struct stat st;
    unsigned char head[3];
    int fd = open(path, O_RDONLY | O_CLOEXEC), e = 0;
    if (fd < 0)
        return errno;
    if (fstat(fd, &st) != 0)
        e = errno;
    else if (S_ISDIR(st.st_mode))
        e = EISDIR;
    else if (S_ISREG(st.st_mode) && read(fd, head, 3) == 3 && !memcmp(head, "\xEF\xBB\xBF", 3))
        e = -1;
    close(fd);
    return e;
}

/* Checked before iniparser, which would read a folder as an empty file and report
 * a missing file only as "cannot open". The language is not known yet: Vietnamese. */
static int check_file(const char *path, const char *origin, char *err, size_t errlen)
{
    int e = open_problem(path);
    if (e > 0)
        fail(err, errlen, "%s: không mở được tệp cấu hình%s: %s", path,
             origin ? origin : "", reason_vi(e));
    else if (e < 0)
        fail(err, errlen, "%s:1: %s", path, msgs_for(file_lang(path))->bom);
    return e ? -1 : 0;
}

static int load_file(ntm_config *cfg, const char *path, const char *origin,
                     char *err, size_t errlen)
{
    ntm_config tmp;
    int line;
    if (strlen(path) >= sizeof tmp.source) {
        fail(err, errlen, "%.80s...: đường dẫn tệp cấu hình quá dài", path);
        return -1;
    }
    if (check_file(path, origin, err, errlen))
        return -1;
    dictionary *d = load_dict(path, &line);
    if (!d)
        return unreadable(path, line, err, errlen);
    config_defaults(&tmp);
    int r = check_dict(d, path, &tmp, err, errlen);
    iniparser_freedict(d);
    if (r)
        return -1;                              /* cfg is left as it was */
    snprintf(tmp.source, sizeof tmp.source, "%s", path);
    *cfg = tmp;
    fail(err, errlen, "%s", "");
    return 0;
}

int config_load_file(ntm_config *cfg, const char *path, char *err, size_t errlen)
{
    return load_file(cfg, path, NULL, err, errlen);
}

/* A file counts as present unless it plainly does not exist: a config that ntm may
 * not read is reported, not silently skipped. */
static int present(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 || (errno != ENOENT && errno != ENOTDIR);
}

int config_load(ntm_config *cfg, const char *explicit_path, char *err, size_t errlen)
{
    char path[NTM_PATH_MAX];
    const char *env = getenv("NTM_CONFIG"), *given = explicit_path, *origin = NULL;
    if (!given || !*given) {
        given = env && *env ? env : NULL;
        origin = " (biến môi trường NTM_CONFIG)";
    }
    if (given) {
        if (expand_home(given, path, sizeof path) >= sizeof path) {
            fail(err, errlen, "%.80s...: đường dẫn tệp cấu hình quá dài", given);
            return -1;
        }
        return load_file(cfg, path, origin, err, errlen);
    }
    expand_home(USER_CONFIG, path, sizeof path);
    if (present(path))
        return load_file(cfg, path, NULL, err, errlen);
    if (present(SYSTEM_CONFIG))
        return load_file(cfg, SYSTEM_CONFIG, NULL, err, errlen);
    config_defaults(cfg);
    fail(err, errlen, "%s", "");
    return 0;
}
