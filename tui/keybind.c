/* keybind: ntm.ini's [keys] over the key tables. config/ keeps the lines as written; here
 * they are checked against the registry (tui/screens/registry.c) before curses starts, and
 * each rebound row becomes a copy that keymap_at returns in place of the table's row, per
 * kind: dispatch, the bottom bar and the help read keymap_at, so they all show the new key.
 * The tables themselves stay const. */
#include "tui/keymap.h"
#include "config/config.h"
#include "model/i18n.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

/* Enough for every binding on every kind, and the rows they take a key from. */
enum { BOUND_MAX = 1024 };

typedef struct {
    const screen_kind *kind;
    const keydef *orig;          /* the table's row */
    keydef row;                  /* as bound on kind */
    const struct ntm_bind *by;   /* the [keys] line that gave it its main key; NULL: it lost an extra */
} bound;

static bound bounds[BOUND_MAX];
static int n_bounds;

static bound *bound_of(const keydef *row)
{
    for (int i = 0; i < n_bounds; i++)
        if (&bounds[i].row == row) return &bounds[i];
    return NULL;
}

const keydef *keymap_bound(const screen_kind *k, const keydef *d)
{
    for (int i = 0; i < n_bounds; i++)
        if (bounds[i].orig == d && bounds[i].kind == k) return &bounds[i].row;
    return d;
}

const keydef *keymap_orig(const keydef *row)
{
    const bound *b = bound_of(row);
    return b ? b->orig : row;
}

void keymap_reset(void) { n_bounds = 0; }

/* ---- key names ---- */

static const struct { const char *name; int key; } named[] = {
    { "Enter", '\n' }, { "Esc", 27 }, { "Tab", '\t' }, { "Space", ' ' },
    { "Up", KEY_FN(KEY_UP) }, { "Down", KEY_FN(KEY_DOWN) }, { "Left", KEY_FN(KEY_LEFT) },
    { "Right", KEY_FN(KEY_RIGHT) }, { "Home", KEY_FN(KEY_HOME) }, { "End", KEY_FN(KEY_END) },
    { "PgUp", KEY_FN(KEY_PPAGE) }, { "PgDn", KEY_FN(KEY_NPAGE) }, { "Delete", KEY_FN(KEY_DC) },
};

/* A single code point that shows as itself: a letter (also Vietnamese), digit, sign. */
static int printable(const char *s)
{
    utf8proc_int32_t c;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &c);
    if (n <= 0 || s[n]) return -1;
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF: case UTF8PROC_CATEGORY_PO:
    case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC: case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO:
        return c;
    default:
        return -1;                   /* controls, spaces, combining marks, unassigned */
    }
}

int keymap_parse_key(const char *s)
{
    if (!s || !*s) return -1;
    int c = printable(s);
    if (c >= 0) return c;
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (!strcasecmp(s, named[i].name)) return named[i].key;
    const char *x = !strncasecmp(s, "Ctrl-", 5) ? s + 5 : s[0] == '^' ? s + 1 : NULL;
    if (x && x[0] && !x[1] && ((x[0] >= 'a' && x[0] <= 'z') || (x[0] >= 'A' && x[0] <= 'Z'))
        && !strchr("cCzZsSqQ", x[0]))    /* the terminal's: interrupt, suspend, flow control */
        return KEY_CTRL(x[0]);
    int f = 0, used = 0;
    if ((s[0] == 'F' || s[0] == 'f') && sscanf(s + 1, "%2d%n", &f, &used) == 1 && !s[1 + used]
        && s[1] != '0' && f >= 1 && f <= 12)
        return KEY_FN(KEY_F(f));
    return -1;
}

void keymap_kind_id(const screen_kind *k, char *out, size_t n)
{
    const char *r = k->rows_name ? k->rows_name : "";
    size_t len = strlen(r);
    if (len > 5 && !strcmp(r + len - 5, "_keys")) len -= 5;
    snprintf(out, n, "%.*s", (int)len, r);
}

/* ---- applying ---- */

typedef struct { const ntm_config *cfg; char *err; size_t n; } ctx;

/* "FILE:LINE: [keys] name = key: " and the reason. */
static int refuse(const ctx *c, const struct ntm_bind *b, const char *fmt, ...)
{
    char why[600], key[80];
    size_t o = 0;
    for (const char *p = b->key; *p && o + 1 < sizeof key; p++)   /* no control bytes to the terminal */
        key[o++] = (unsigned char)*p < 0x20 || *p == 0x7f ? '?' : *p;
    key[o] = 0;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    snprintf(c->err, c->n, "%s:%d: [keys] %s = %s: %s", c->cfg->source[0] ? c->cfg->source : "ntm.ini",
             b->line, b->name, key, why);
    keymap_reset();
    return -1;
}

static bound *entry_for(const screen_kind *k, const keydef *row)
{
    bound *b = bound_of(row);
    if (b) return b;
    if (n_bounds >= BOUND_MAX) return NULL;
    b = &bounds[n_bounds++];
    *b = (bound){ k, row, *row, NULL };
    return b;
}

/* Takes key (as keymap_norm sees it) out of a row's extras. */
static void drop_extra(keydef *d, int key)
{
    int o = 0;
    for (int i = 0; i < KEYMAP_EXTRAS && d->extra[i]; i++)
        if (keymap_norm(d->extra[i]) != key) d->extra[o++] = d->extra[i];
    while (o < KEYMAP_EXTRAS) d->extra[o++] = 0;
}

static const screen_kind *kind_named(const char *id, size_t len)
{
    char k[64];
    for (int i = 0; i < screen_kinds_n; i++) {
        keymap_kind_id(screen_kinds[i], k, sizeof k);
        if (strlen(k) == len && !strncmp(k, id, len)) return screen_kinds[i];
    }
    return NULL;
}

static void kind_list(char *out, size_t n)
{
    size_t len = 0;
    out[0] = 0;
    for (int i = 0; i < screen_kinds_n && len < n; i++) {
        char k[64];
        keymap_kind_id(screen_kinds[i], k, sizeof k);
        len += (size_t)snprintf(out + len, n - len, "%s%s", len ? ", " : "", k);
    }
}

/* One line of [keys]: the main key of every row it names. */
static int bind_one(const ctx *c, const struct ntm_bind *b)
{
    int key = keymap_parse_key(b->key), found = 0;
    const char *dot = strchr(b->name, '.'), *action = dot ? dot + 1 : b->name;
    const screen_kind *only = dot ? kind_named(b->name, (size_t)(dot - b->name)) : NULL;
    char list[400];
    if (key < 0)
        return refuse(c, b, "%s", L("phím không hiểu được; dùng một ký tự (p, P, đ), Ctrl-X hoặc ^X, F1..F12, Enter, Esc, Tab, Space",
                                    "not a key; use one character (p, P, đ), Ctrl-X or ^X, F1..F12, Enter, Esc, Tab, Space"));
    if (dot && !only) {
        kind_list(list, sizeof list);
        return refuse(c, b, L("không có màn hình \"%.*s\"; các màn hình: %s", "no screen \"%.*s\"; the screens: %s"),
                      (int)(dot - b->name), b->name, list);
    }
    for (int k = 0; k < screen_kinds_n; k++) {
        const screen_kind *kind = screen_kinds[k];
        if (only && kind != only) continue;
        for (int i = 0, n = keymap_count(kind); i < n; i++) {
            const keydef *d = keymap_at(kind, i);
            if (strcmp(d->name, action)) continue;
            bound *e = entry_for(kind, d);
            if (!e) return refuse(c, b, "%s", L("quá nhiều phím đổi", "too many keys rebound"));
            e->row.key = key;
            e->row.bar_key = NULL;           /* the bar names the new key */
            drop_extra(&e->row, keymap_norm(key));
            e->by = b;
            found = 1;
        }
    }
    if (found) return 0;
    if (only) return refuse(c, b, L("không có hành động \"%s\" trên %s (xem ? trên màn hình đó, hoặc ntm keys)",
                                    "no action \"%s\" on %s (see ? on that screen, or ntm keys)"),
                            action, L(only->name_vi, only->name_en));
    return refuse(c, b, L("không có hành động \"%s\" (tên ở trợ giúp ? của mỗi màn hình, hoặc ntm keys)",
                          "no action \"%s\" (the names are in each screen's ? help, or ntm keys)"), action);
}

/* A rebound row's key against the other rows of its kind: another action's main key is a
 * clash; another row's extra key moves to the rebound row. */
static int settle(const ctx *c, const screen_kind *kind, const keydef *d)
{
    const struct ntm_bind *by = bound_of(d)->by;
    int key = keymap_norm(d->key);
    for (int j = 0, n = keymap_count(kind); j < n; j++) {
        const keydef *o = keymap_at(kind, j);
        if (o == d) continue;
        if (keymap_norm(o->key) == key && o->id != d->id) {
            char name[32];
            keymap_key_name(d->key, name, sizeof name);
            return refuse(c, by, L("phím %s đã dùng cho '%s' trên %s", "key %s is already '%s' on %s"),
                          name, o->name, L(kind->name_vi, kind->name_en));
        }
        for (int e = 0; e < KEYMAP_EXTRAS && o->extra[e]; e++) {
            if (keymap_norm(o->extra[e]) != key) continue;
            bound *t = entry_for(kind, o);
            if (!t) return refuse(c, by, "%s", L("quá nhiều phím đổi", "too many keys rebound"));
            drop_extra(&t->row, key);
            break;
        }
    }
    return 0;
}

/* A bar_key that names a key the row no longer has gives way to its main key. */
static void fix_bar_key(keydef *d)
{
    char name[32];
    if (!d->bar_key) return;
    for (int i = -1; i < KEYMAP_EXTRAS; i++) {
        int key = i < 0 ? d->key : d->extra[i];
        if (!key) break;
        keymap_key_name(key, name, sizeof name);
        if (!strcmp(name, d->bar_key)) return;
    }
    d->bar_key = NULL;
}

int keymap_configure(const ntm_config *cfg, char *err, size_t n)
{
    ctx c = { cfg, err, n };
    keymap_reset();
    /* the bare names first, so that "tasks.progress" wins over "progress" */
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < cfg->n_binds; i++)
            if ((strchr(cfg->binds[i].name, '.') != NULL) == pass && bind_one(&c, &cfg->binds[i])) return -1;
    for (int k = 0; k < screen_kinds_n; k++)
        for (int i = 0, m = keymap_count(screen_kinds[k]); i < m; i++) {
            const keydef *d = keymap_at(screen_kinds[k], i);
            const bound *b = bound_of(d);
            if (b && b->by && settle(&c, screen_kinds[k], d)) return -1;
        }
    for (int i = 0; i < n_bounds; i++) fix_bar_key(&bounds[i].row);
    return 0;
}
