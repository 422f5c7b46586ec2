/* keymap: actions, their keys, bar labels and help lines, in one table. Table order is
 * bar order: when the bar is too narrow, the labels at the end are the ones left off,
 * so the few that matter most come first and Quit is never far. */
#include "tui/keymap.h"
#include "tui/keys_entry.h"
#include "tui/keys_view.h"
#include "tui/keys_tour.h"
#include "model/i18n.h"
#include <curses.h>
#include <stdio.h>
#include <string.h>

#define F(k) KEY_FN(k)
#define ESC 27

/* The core keys, cut in two: the extensions' labels go between the head (help, open,
 * back...) and the tail (quit, moves), so the bar shows them before Quit. */
static const keydef head[] = {
    { ACT_HELP, "help", '?', { F(KEY_F(1)) }, NULL, "Trợ giúp", "Help",
      "Trợ giúp cho màn hình này", "Help for this screen", SCR_LISTS },
    { ACT_OPEN, "open", 'l', { '\n', '\r', F(KEY_ENTER), F(KEY_RIGHT) }, "Enter", "Mở", "Open",
      "Mở dòng đang chọn (xã, thôn, đầu việc)", "Open the selected row (commune, hamlet, tasks)",
      SCR_UNITS },
    { ACT_BACK, "back", 'h', { ESC, F(KEY_LEFT), F(KEY_BACKSPACE), 127 }, "Esc", "Lùi", "Back",
      "Bỏ lọc; nếu không lọc thì lùi một màn hình", "Clear the filter, else go back one screen",
      SCR_LISTS & ~SCR_CRITERIA },       /* the matrix moves with h ←; its Back is in keys_view.c */
    { ACT_SEARCH, "search", '/', { F(KEY_F(3)) }, NULL, "Tìm", "Search",
      "Tìm khi gõ, không cần dấu (\"son tien\" ra \"Sơn Tiến\")",
      "Search as you type, no accents needed (\"son tien\")", SCR_LISTS },
    { ACT_DETAIL, "detail", 'v', { '\t', '\n', '\r', F(KEY_ENTER) }, NULL, "Chi tiết", "Details",
      "Hiện/ẩn ô chi tiết của đầu việc đang chọn", "Show/hide the selected task's detail pane", SCR_TASKS },
    { ACT_PRINT, "print", 'i', { F(KEY_F(2)) }, NULL, "In phiếu", "Print sheet",
      "In phiếu đầu việc của thôn ra tệp PDF", "Write the hamlet's task sheet to a PDF file",
      SCR_HAMLETS | SCR_TASKS },
    { ACT_PRINT, "print_owner", 'i', { F(KEY_F(2)) }, NULL, "In phiếu", "Print sheet",
      "In phiếu đầu việc của tổ chức/người đang chọn, qua các thôn (PDF)",
      "Write the selected organisation's or person's task sheet, across hamlets (PDF)", SCR_RECORDS },
};

static const keydef tail[] = {
    { ACT_QUIT, "quit", 'q', { F(KEY_F(10)) }, NULL, "Thoát", "Quit",
      "Thoát khỏi ntm", "Quit ntm", SCR_LISTS | SCR_SMALL },
    { ACT_UP, "up", 'k', { F(KEY_UP) }, NULL, NULL, NULL,
      "Lên một dòng", "Up one row", SCR_LISTS | SCR_HELP | SCR_SEARCH },
    { ACT_DOWN, "down", 'j', { F(KEY_DOWN) }, NULL, NULL, NULL,
      "Xuống một dòng", "Down one row", SCR_LISTS | SCR_HELP | SCR_SEARCH },
    { ACT_PGUP, "page_up", 'b', { F(KEY_PPAGE) }, NULL, NULL, NULL,
      "Lên một trang", "Up one page", SCR_LISTS | SCR_HELP | SCR_SEARCH },
    { ACT_PGDN, "page_down", 'f', { F(KEY_NPAGE), ' ' }, NULL, NULL, NULL,
      "Xuống một trang", "Down one page", SCR_LISTS | SCR_HELP | SCR_SEARCH },
    { ACT_TOP, "top", 'g', { F(KEY_HOME) }, NULL, NULL, NULL,
      "Về dòng đầu", "First row", SCR_LISTS | SCR_HELP | SCR_SEARCH },
    { ACT_BOTTOM, "bottom", 'G', { F(KEY_END) }, NULL, NULL, NULL,
      "Xuống dòng cuối", "Last row", SCR_LISTS | SCR_HELP | SCR_SEARCH },
    { ACT_RELOAD, "reload", 'r', { F(KEY_F(5)) }, NULL, NULL, NULL,
      "Đọc lại dữ liệu (khi người khác vừa cập nhật)", "Read the data again (others may have changed it)", SCR_LISTS },
    { ACT_REDRAW, "redraw", KEY_CTRL('l'), { 0 }, NULL, NULL, NULL,
      "Vẽ lại màn hình", "Redraw the screen", SCR_LISTS | SCR_HELP | SCR_SEARCH | SCR_SMALL },
    { ACT_CLOSE, "close", 'q', { ESC, '?', 'h', F(KEY_F(1)), F(KEY_LEFT) }, "Esc", "Đóng", "Close",
      "Đóng trợ giúp", "Close the help", SCR_HELP },
    { ACT_SEARCH_KEEP, "search_keep", '\n', { '\r', F(KEY_ENTER) }, "Enter", "Giữ bộ lọc", "Keep filter",
      "Giữ bộ lọc và trở về danh sách", "Keep the filter and go back to the list", SCR_SEARCH },
    { ACT_SEARCH_CLEAR, "search_clear", ESC, { 0 }, "Esc", "Xóa tìm kiếm", "Clear search",
      "Xóa từ tìm và hiện lại cả danh sách", "Clear the search and show the whole list", SCR_SEARCH },
    { ACT_SEARCH_ERASE, "search_erase", 127, { F(KEY_BACKSPACE), 8 }, NULL, NULL, NULL,
      "Xóa ký tự cuối của từ tìm", "Erase the last character of the search", SCR_SEARCH },
};

static const struct { const keydef *v; const int *n; } tables[] = {
    { head, NULL }, { keys_view, &keys_view_n }, { keys_entry, &keys_entry_n }, { keys_tour, &keys_tour_n },
    { tail, NULL },
};
enum { N_TABLES = sizeof tables / sizeof tables[0] };
static const int n_head = sizeof head / sizeof head[0], n_tail = sizeof tail / sizeof tail[0];

static int table_len(int t)
{
    return t == 0 ? n_head : t == N_TABLES - 1 ? n_tail : *tables[t].n;
}

int keymap_count(void)
{
    int n = 0;
    for (int t = 0; t < N_TABLES; t++) n += table_len(t);
    return n;
}

const keydef *keymap_at(int i)
{
    for (int t = 0; t < N_TABLES; t++) {
        if (i < table_len(t)) return &tables[t].v[i];
        i -= table_len(t);
    }
    return NULL;
}

const char *keymap_screen_name(int kind)
{
    switch (kind) {
    case SCR_TASKS: return L("danh sách đầu việc", "the task list");
    case SCR_HAMLETS: return L("danh sách thôn", "the hamlet list");
    case SCR_COMMUNES: return L("danh sách xã", "the commune list");
    case SCR_PROVINCES: return L("danh sách tỉnh", "the province list");
    case SCR_DASH: return L("bảng tổng hợp", "the dashboard");
    case SCR_CRITERIA: return L("bảng tiêu chí", "the criteria matrix");
    case SCR_HISTORY: return L("lịch sử đầu việc", "the task history");
    case SCR_RECORDS: return L("danh mục", "the records list");
    case SCR_WEEKLY: return L("nhập báo cáo tuần", "the weekly report");
    case SCR_TOURS: return L("danh sách tour kiểm tra", "the tour list");
    case SCR_TOUR: return L("tour kiểm tra", "the tour");
    case SCR_GOTO: return L("đi tới", "go to");
    default: return L("màn hình này", "this screen");
    }
}

static int binds(const keydef *k, int key)
{
    if (k->key == key) return 1;
    for (int i = 0; i < KEYMAP_EXTRAS && k->extra[i]; i++)
        if (k->extra[i] == key) return 1;
    return 0;
}

action_id keymap_find(int key, int kind)
{
    int n = keymap_count();
    for (int i = 0; i < n; i++) {
        const keydef *k = keymap_at(i);
        if ((k->screens & kind) && binds(k, key)) return k->id;
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
    case ' ': snprintf(out, n, "%s", L("Dấu cách", "Space")); return;
    case 127: case 8: snprintf(out, n, "Backspace"); return;
    default: break;
    }
    if (key < 32) snprintf(out, n, "Ctrl-%c", key + '@');
    else snprintf(out, n, "%c", key);
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
