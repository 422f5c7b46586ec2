/* keymap: actions and their keys. Each kind of screen holds its own rows (a screen_kind,
 * defined in the screen's file); the loop's rows go around them: help first, then the
 * screen's rows in bar order, then quit, the moves, reload and redraw. Dispatch, the
 * bottom bar and the help screen all read the same rows, so they cannot disagree (tig's
 * request table, calcurse's keydef). */
#ifndef NTM_KEYMAP_H
#define NTM_KEYMAP_H
#include <curses.h>
#include <stddef.h>

/* A key as the table stores it: a character is its code point; a curses KEY_ code is
 * marked with KEY_FN, because Vietnamese letters (U+0100..U+01FF) share the numbers of
 * the KEY_ codes (0401..0777). */
#define KEY_FN(k) (0x1000000 | (k))
#define KEY_IS_FN(k) (((k) & 0x1000000) != 0)
#define KEY_CTRL(c) ((c) & 0x1f)

typedef int action_id;
enum {
    ACT_NONE = 0,
    /* the loop's own (tui/actions.c) */
    ACT_HELP, ACT_BACK, ACT_SEARCH, ACT_QUIT, ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_TOP, ACT_BOTTOM,
    ACT_RELOAD, ACT_REDRAW, ACT_CLOSE, ACT_SEARCH_KEEP, ACT_SEARCH_CLEAR, ACT_SEARCH_ERASE,
    /* many screens have these; each says what they do (its key op) */
    ACT_OPEN, ACT_DETAIL, ACT_PRINT, ACT_NEW, ACT_EDIT, ACT_DELETE,
    ACT_GLOBAL = 100,          /* 100-999: the actions across screens (tui/global_keys.h, tui/global.c) */
    ACT_SCREEN = 1000          /* from here on: a screen's own, numbered in its file */
};

enum { KEYMAP_EXTRAS = 5 };

typedef struct keydef {
    action_id id;
    const char *name;             /* stable name: the action's name in ntm.ini's [keys] */
    int key;                      /* the main key: a letter or sign, typed anywhere */
    int extra[KEYMAP_EXTRAS];     /* F-keys, arrows, Enter, Esc...; 0 ends the list */
    const char *bar_key;          /* key as the bar shows it; NULL: the main key */
    const char *bar;              /* label in the bottom bar (a msgid); NULL: help screen only */
    const char *help;             /* a msgid */
} keydef;

/* The loop's rows a kind takes. */
enum { KM_LIST = 1, KM_HELP = 2, KM_SEARCH = 4, KM_SMALL = 8 };

/* A kind of screen as the keymap and the help see it. */
typedef struct screen_kind {
    const char *name;                  /* "danh sách đầu việc": the help's title (a msgid) */
    const keydef *keys;                /* its own rows, in bar order (the first labels fill the bar) */
    int n_keys;
    int core;                          /* the loop's rows it takes: KM_; 0 = KM_LIST */
    const char *prompt;                /* the search prompt (a msgid); NULL: "Tìm" */
    const char *rows_name;             /* "tasks_keys": without "_keys", its name in [keys] */
} screen_kind;
#define KEYS_N(rows) ((int)(sizeof (rows) / sizeof (rows)[0]))
/* const screen_kind tasks_kind = SCREEN_KIND(N_("danh sách đầu việc"), tasks_keys); */
#define SCREEN_KIND(name_, rows) { .name = name_, .keys = rows, .n_keys = KEYS_N(rows), .rows_name = #rows }

/* The search prompt's keys and the too-small terminal's (the loop's own kinds). */
extern const screen_kind keymap_search, keymap_small;
/* Every screen kind, one line each in tui/screens/registry.c: walked by the checks
 * (tests/unit/test_tui_keymap.c) and by the [keys] names (tui/keybind.c). */
extern const screen_kind *const screen_kinds[];
extern const int screen_kinds_n;

/* A kind's rows in order: the loop's head, its own, the loop's tail. */
int keymap_count(const screen_kind *k);
const keydef *keymap_at(const screen_kind *k, int i);
/* 1 when row is one of the kind's own rows (not the loop's). */
int keymap_own(const screen_kind *k, const keydef *row);
/* The action bound to key on a kind of screen, or ACT_NONE: the first row that has it. */
action_id keymap_find(int key, const screen_kind *k);
/* "Enter", "F1", "↑", "q"... for the bar and help (drawn through draw.c, which turns
 * arrows into ASCII when the terminal needs it). */
void keymap_key_name(int key, char *out, size_t n);
/* The key that does id on kind k now ([keys] applied), named as the bar names it ("q",
 * "F10"), for messages that tell the user which key to press; "" when k has no such row. */
void keymap_action_key(const screen_kind *k, action_id id, char *out, size_t n);
/* 1 when key types text (so it is part of the query while searching). */
int  keymap_is_text(int key);
/* Every key of k, named and separated by spaces, duplicates (Enter/^M) once;
 * with no_text, only the keys that do not type text (what works while searching). */
void keymap_keys_text(const keydef *k, int no_text, char *out, size_t n);

/* ---- [keys] of ntm.ini (tui/keybind.c) ----
 * A binding "progress = P" gives the action named progress the main key P on every kind
 * that has it; "tasks.progress = P" only on the kind whose rows are tasks_keys (the
 * screen's name, keymap_kind_id). The new key replaces the main key; the row keeps its
 * other keys (F-keys, arrows) unless a binding on that kind takes one of them. keymap_at
 * returns the rebound rows, so dispatch, the bar and the help all show them. */
/* "p", "đ", "Ctrl-X" or "^X", "F1".."F12", "Enter", "Esc", "Tab", "Space" and the names
 * keymap_key_name writes for arrows and the like (names without case); -1 if none. */
int  keymap_parse_key(const char *s);
/* The kind's name in [keys]: "tasks" (its rows_name without "_keys"). */
void keymap_kind_id(const screen_kind *k, char *out, size_t n);
/* Apply cfg's [keys] over the built-in keys of every registered kind. An unknown screen or
 * action, a key that is none of the above, or a key another action of that kind already has:
 * -1 with "FILE:LINE: [keys] name = key: why" in err (and the built-in keys back). */
struct ntm_config;
int  keymap_configure(const struct ntm_config *cfg, char *err, size_t n);
void keymap_reset(void);
/* `ntm keys` (tui/keys_list.c): cfg's [keys] applied, then every kind's rows to stdout with
 * their names; the exit status (1 with the message on stderr when [keys] is wrong). */
int  keymap_print(const struct ntm_config *cfg);
/* Internal to keymap.c and keybind.c: the row as bound on k (d itself when not rebound),
 * and the table's row behind a rebound one. */
const keydef *keymap_bound(const screen_kind *k, const keydef *d);
const keydef *keymap_orig(const keydef *row);
/* Enter, ^M, ^J and the keypad's Enter are one key (so are the names that say them). */
int  keymap_norm(int key);

/* Rows of the loop's and the common actions that screens put in their tables where they
 * want them (a screen that moves with h, the criteria matrix, has its own Back). */
#define KEYS_BACK \
    { ACT_BACK, "back", 'h', { 27, KEY_FN(KEY_LEFT), KEY_FN(KEY_BACKSPACE), 127 }, "Esc", N_("Lùi"), \
      N_("Bỏ lọc; nếu không lọc thì lùi một màn hình") }
#define KEYS_SEARCH \
    { ACT_SEARCH, "search", '/', { KEY_FN(KEY_F(3)) }, NULL, N_("Tìm"), \
      N_("Tìm khi gõ, không cần dấu (\"son tien\" ra \"Sơn Tiến\")") }
#define KEYS_DELETE \
    { ACT_DELETE, "delete", 'd', { KEY_FN(KEY_DC) }, NULL, N_("Xóa"), \
      N_("Xóa dòng đang chọn (hỏi trước; u: hoàn tác)") }
#endif
