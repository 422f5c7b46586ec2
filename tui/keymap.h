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
    SCR_DASH = 128,         /* the dashboard (commune or province) */
    SCR_CRITERIA = 256,     /* units x criteria matrix */
    SCR_HISTORY = 512,      /* a task's reports and changes */
    SCR_RECORDS = 1024,     /* lists of organisations, people, campaigns, households */
    SCR_WEEKLY = 2048,      /* weekly report mode */
    SCR_TOURS = 4096,       /* the list of tours */
    SCR_TOUR = 8192,        /* one tour: its stops and checks */
    SCR_GOTO = 16384,       /* go to: search every level */
    SCR_UNITS = SCR_PROVINCES | SCR_COMMUNES | SCR_HAMLETS,
    SCR_LISTS = SCR_UNITS | SCR_TASKS | SCR_DASH | SCR_CRITERIA | SCR_HISTORY | SCR_RECORDS
              | SCR_WEEKLY | SCR_TOURS | SCR_TOUR | SCR_GOTO
};

/* Action ids: the core's here (below 100); data entry's (100-199) in tui/keys_entry.h,
 * inspection tours' (200-299) in tui/keys_tour.h, the views' (300-399) in tui/keys_view.h. Each range has its own key table,
 * and keymap_at() walks them all in bar order. */
typedef int action_id;
enum {
    ACT_NONE = 0,
    ACT_HELP, ACT_OPEN, ACT_BACK, ACT_SEARCH, ACT_DETAIL, ACT_PRINT, ACT_QUIT,
    ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_TOP, ACT_BOTTOM, ACT_RELOAD, ACT_REDRAW,
    ACT_CLOSE, ACT_SEARCH_KEEP, ACT_SEARCH_CLEAR, ACT_SEARCH_ERASE
};

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

/* Every key definition, core and extensions, in bar order (the most used first). */
int keymap_count(void);
const keydef *keymap_at(int i);
/* A screen kind's name for the help title ("danh sách đầu việc"...). */
const char *keymap_screen_name(int kind);

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
