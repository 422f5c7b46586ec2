/* keymap: the loop's rows and the walk over a kind's rows (keymap.h). Row order is bar
 * order: when the bar is too narrow, the labels at the end are the ones left off, so the
 * few that matter most come first (each screen orders its own) and Quit is never far. */
#include "tui/keymap.h"
#include "model/i18n.h"
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

#define F(k) KEY_FN(k)
#define ESC 27

/* The loop's rows, each with the kinds of screen it is on (KM_). The head goes before a
 * screen's own rows, the tail after them, so the bar shows the screen's labels before
 * Quit. */
typedef struct { keydef k; int on; } core_row;

static const core_row head[] = {
    { { ACT_HELP, "help", '?', { F(KEY_F(1)) }, NULL, N_("Trợ giúp"),
        N_("Trợ giúp cho màn hình này") }, KM_LIST },
};

static const core_row tail[] = {
    { { ACT_QUIT, "quit", 'q', { F(KEY_F(10)) }, NULL, N_("Thoát"),
        N_("Thoát khỏi ntm") }, KM_LIST | KM_SMALL },
    { { ACT_UP, "up", 'k', { F(KEY_UP) }, NULL, NULL,
        N_("Lên một dòng") }, KM_LIST | KM_HELP | KM_SEARCH },
    { { ACT_DOWN, "down", 'j', { F(KEY_DOWN) }, NULL, NULL,
        N_("Xuống một dòng") }, KM_LIST | KM_HELP | KM_SEARCH },
    { { ACT_PGUP, "page_up", 'b', { F(KEY_PPAGE) }, NULL, NULL,
        N_("Lên một trang") }, KM_LIST | KM_HELP | KM_SEARCH },
    { { ACT_PGDN, "page_down", 'f', { F(KEY_NPAGE), ' ' }, NULL, NULL,
        N_("Xuống một trang") }, KM_LIST | KM_HELP | KM_SEARCH },
    { { ACT_TOP, "top", 'g', { F(KEY_HOME) }, NULL, NULL,
        N_("Về dòng đầu") }, KM_LIST | KM_HELP | KM_SEARCH },
    { { ACT_BOTTOM, "bottom", 'G', { F(KEY_END) }, NULL, NULL,
        N_("Xuống dòng cuối") }, KM_LIST | KM_HELP | KM_SEARCH },
    { { ACT_RELOAD, "reload", 'r', { F(KEY_F(5)) }, NULL, NULL,
        N_("Đọc lại dữ liệu (khi người khác vừa cập nhật)") }, KM_LIST },
    { { ACT_REDRAW, "redraw", KEY_CTRL('l'), { 0 }, NULL, NULL,
        N_("Vẽ lại màn hình") }, KM_LIST | KM_HELP | KM_SEARCH | KM_SMALL },
};

/* The search prompt's own keys (the moves work there too). */
static const keydef search_keys[] = {
    { ACT_SEARCH_KEEP, "search_keep", '\n', { '\r', F(KEY_ENTER) }, "Enter", N_("Giữ bộ lọc"),
      N_("Giữ bộ lọc và trở về danh sách") },
    { ACT_SEARCH_CLEAR, "search_clear", ESC, { 0 }, "Esc", N_("Xóa tìm kiếm"),
      N_("Xóa từ tìm và hiện lại cả danh sách") },
    { ACT_SEARCH_ERASE, "search_erase", 127, { F(KEY_BACKSPACE), 8 }, NULL, NULL,
      N_("Xóa ký tự cuối của từ tìm") },
};

const screen_kind keymap_search = { N_("ô tìm"), search_keys, KEYS_N(search_keys), KM_SEARCH, NULL,
                                    "search_keys" };
const screen_kind keymap_small = { N_("màn hình này"), NULL, 0, KM_SMALL, NULL, "small_keys" };

enum { N_HEAD = sizeof head / sizeof head[0], N_TAIL = sizeof tail / sizeof tail[0] };

static int core_of(const screen_kind *k) { return k->core ? k->core : KM_LIST; }

/* The loop's rows of table t (n rows) that are on k: the i-th of them, or NULL with *count set. */
static const keydef *core_at(const core_row *t, int n, int on, int i, int *count)
{
    int c = 0;
    for (int r = 0; r < n; r++) {
        if (!(t[r].on & on)) continue;
        if (c++ == i) return &t[r].k;
    }
    *count = c;
    return NULL;
}

int keymap_count(const screen_kind *k)
{
    int nh = 0, nt = 0;
    core_at(head, N_HEAD, core_of(k), -1, &nh);
    core_at(tail, N_TAIL, core_of(k), -1, &nt);
    return nh + k->n_keys + nt;
}

static const keydef *table_at(const screen_kind *k, int i)
{
    int n = 0;
    const keydef *d = core_at(head, N_HEAD, core_of(k), i, &n);
    if (d) return d;
    i -= n;
    if (i < k->n_keys) return &k->keys[i];
    return core_at(tail, N_TAIL, core_of(k), i - k->n_keys, &n);
}

/* The table's row as ntm.ini's [keys] bound it on k. */
const keydef *keymap_at(const screen_kind *k, int i)
{
    const keydef *d = table_at(k, i);
    return d ? keymap_bound(k, d) : NULL;
}

int keymap_own(const screen_kind *k, const keydef *row)
{
    row = keymap_orig(row);
    return k->keys && row >= k->keys && row < k->keys + k->n_keys;
}

int keymap_norm(int key)
{
    return key == '\r' || key == KEY_FN(KEY_ENTER) ? '\n' : key;
}

static int binds(const keydef *k, int key)
{
    key = keymap_norm(key);
    if (keymap_norm(k->key) == key) return 1;
    for (int i = 0; i < KEYMAP_EXTRAS && k->extra[i]; i++)
        if (keymap_norm(k->extra[i]) == key) return 1;
    return 0;
}

action_id keymap_find(int key, const screen_kind *kind)
{
    for (int i = 0, n = keymap_count(kind); i < n; i++) {
        const keydef *k = keymap_at(kind, i);
        if (binds(k, key)) return k->id;
    }
    return ACT_NONE;
}

static const char *fn_name(int k)
{
    switch (k) {
    case KEY_UP: return "↑";
    case KEY_DOWN: return "↓";
    case KEY_LEFT: return "←";
    case KEY_RIGHT: return "→";
    case KEY_PPAGE: return "PgUp";
    case KEY_NPAGE: return "PgDn";
    case KEY_HOME: return "Home";
    case KEY_END: return "End";
    case KEY_ENTER: return "Enter";
    case KEY_BACKSPACE: return "Backspace";
    case KEY_DC: return "Delete";
    case KEY_SR: return "Shift-↑";
    case KEY_SF: return "Shift-↓";
    default: return NULL;
    }
}

void keymap_action_key(const screen_kind *k, action_id id, char *out, size_t n)
{
    out[0] = 0;
    for (int i = 0, c = keymap_count(k); i < c; i++) {
        const keydef *d = keymap_at(k, i);
        if (d->id == id) { keymap_key_name(d->key ? d->key : d->extra[0], out, n); return; }
    }
}

void keymap_key_name(int key, char *out, size_t n)
{
    if (KEY_IS_FN(key)) {
        int k = key & ~KEY_FN(0);
        const char *s = fn_name(k);
        if (s) snprintf(out, n, "%s", s);
        else if (k >= KEY_F(1) && k <= KEY_F(12)) snprintf(out, n, "F%d", k - KEY_F(0));
        else snprintf(out, n, "#%d", k);
        return;
    }
    switch (key) {
    case '\n': case '\r': snprintf(out, n, "Enter"); return;
    case ESC: snprintf(out, n, "Esc"); return;
    case '\t': snprintf(out, n, "Tab"); return;
    case ' ': snprintf(out, n, "%s", _("Dấu cách")); return;
    case 127: case 8: snprintf(out, n, "Backspace"); return;
    default: break;
    }
    if (key < 32) snprintf(out, n, "Ctrl-%c", key + '@');
    else if (key < 0x80) snprintf(out, n, "%c", key);
    else {                              /* a letter of [keys]: "đ" */
        utf8proc_uint8_t u[5] = { 0 };
        utf8proc_encode_char(key, u);
        snprintf(out, n, "%s", (const char *)u);
    }
}

/* 1 when name is already one of the space-separated words of list. */
static int listed(const char *list, const char *name)
{
    size_t len = strlen(name);
    for (const char *p = list; (p = strstr(p, name)); p += len)
        if ((p == list || p[-1] == ' ') && (p[len] == ' ' || !p[len])) return 1;
    return 0;
}

int keymap_is_text(int key) { return !KEY_IS_FN(key) && key >= 32 && key != 127; }

void keymap_keys_text(const keydef *k, int no_text, char *out, size_t n)
{
    char name[32];
    size_t len = 0;
    out[0] = 0;
    for (int i = -1; i < KEYMAP_EXTRAS; i++) {
        int key = i < 0 ? k->key : k->extra[i];
        if (!key) break;
        if (no_text && keymap_is_text(key)) continue;
        keymap_key_name(key, name, sizeof name);
        if (listed(out, name)) continue;         /* Enter and ^M, Backspace and ^H: once */
        len += (size_t)snprintf(out + len, len < n ? n - len : 0, "%s%s", len ? " " : "", name);
        if (len >= n) break;
    }
}
