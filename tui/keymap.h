/* keymap: the one table of actions and their keys. Dispatch, the bottom bar and the
 * help screen all read it, so they cannot disagree (tig's request table, calcurse's keydef). */
#ifndef NTM_KEYMAP_H
#define NTM_KEYMAP_H
#include <stddef.h>

/* A key as the table stores it: a character is its code point; a curses KEY_ code is
 * marked with KEY_FN, because Vietnamese letters (U+0100..U+01FF) share the numbers of
 * the KEY_ codes (0401..0777). */
#define KEY_FN(k) (0x1000000 | (k))
#define KEY_IS_FN(k) (((k) & 0x1000000) != 0)
#define KEY_CTRL(c) ((c) & 0x1f)

/* Screens an action applies to (one bit each). SCR_SEARCH is the search prompt. */
enum {
    SCR_PROVINCES = 1, SCR_COMMUNES = 2, SCR_HAMLETS = 4, SCR_TASKS = 8,
    SCR_HELP = 16, SCR_SEARCH = 32, SCR_SMALL = 64,
    SCR_UNITS = SCR_PROVINCES | SCR_COMMUNES | SCR_HAMLETS,
    SCR_LISTS = SCR_UNITS | SCR_TASKS
};

typedef enum {
    ACT_NONE = 0,
    ACT_HELP, ACT_OPEN, ACT_BACK, ACT_SEARCH, ACT_DETAIL, ACT_PRINT, ACT_QUIT,
    ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_TOP, ACT_BOTTOM, ACT_RELOAD, ACT_REDRAW,
    ACT_CLOSE, ACT_SEARCH_KEEP, ACT_SEARCH_CLEAR, ACT_SEARCH_ERASE
} action_id;

enum { KEYMAP_EXTRAS = 5 };

typedef struct keydef {
    action_id id;
    const char *name;             /* stable name, for a later [keys] section in ntm.ini */
    int key;                      /* the main key: a letter or sign, typed anywhere */
    int extra[KEYMAP_EXTRAS];     /* F-keys, arrows, Enter, Esc...; 0 ends the list */
    const char *bar_key;          /* key as the bar shows it; NULL: the main key */
    const char *bar_vi, *bar_en;  /* label in the bottom bar; NULL: help screen only */
    const char *help_vi, *help_en;
    int screens;                  /* SCR_ bits */
} keydef;

extern const keydef keymap[];
extern const int keymap_n;

/* The action bound to key on a screen (SCR_ bit), or ACT_NONE. */
action_id keymap_find(int key, int screen);
/* "Enter", "F1", "↑", "q"... for the bar and help (drawn through draw.c, which turns
 * arrows into ASCII when the terminal needs it). */
void keymap_key_name(int key, char *out, size_t n);
/* 1 when key types text (so it is part of the query while searching). */
int  keymap_is_text(int key);
/* Every key of k, named and separated by spaces, duplicates (Enter/^M) once;
 * with no_text, only the keys that do not type text (what works while searching). */
void keymap_keys_text(const keydef *k, int no_text, char *out, size_t n);
#endif
