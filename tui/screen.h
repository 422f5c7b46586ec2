/* screen: what every screen of the full-screen program shares: the program state (tui),
 * the screen interface (a small table of functions, tig's view_ops) and the flags an
 * action returns so the loop repaints only what changed (htop's HTOP_REFRESH...).
 *
 * A screen knows the others only by their constructors (tui/screens/<name>.h); the
 * actions across screens (tui/global.c) ask the one on top what it shows (where) and
 * put its cursor on a row (select), without knowing which kind it is. */
#ifndef NTM_SCREEN_H
#define NTM_SCREEN_H
#include "config/config.h"
#include "model/db.h"
#include "tui/keymap.h"
#include "tui/widgets/list.h"
#include <curses.h>
#include <stdint.h>

enum {
    REDRAW_LIST = 1, REDRAW_DETAIL = 2, REDRAW_TOP = 4, REDRAW_STATUS = 8,
    REDRAW_ALL = 15,
    RELOAD = 16,        /* read the top screen's data again */
    RELAYOUT = 32,      /* windows change (resize, screen pushed, pane toggled) */
    QUIT = 64
};

typedef struct tui tui;
typedef struct screen screen;
struct list_export;

/* What a screen shows, for the actions that work from several screens (D C t w c O P E,
 * new/edit forms): each fills what applies to it, the rest stays 0. */
typedef struct screen_where {
    int64_t commune_id;          /* the commune it is under or about (0: none, a province list) */
    int64_t hamlet_id;           /* the hamlet it is about (0: none, or the whole commune) */
    int64_t unit_id;             /* unit lists: the selected row's unit (0: none, or "(Toàn xã)") */
    char unit_level;             /* unit lists: what the rows are, 'p' 'c' 'h'; 0 elsewhere */
    int64_t parent_id;           /* unit lists: the rows' parent */
    int64_t task_id;             /* task lists: the selected task */
    char record_what;            /* records lists: REC_ORGS... (screens/records.h); 0 elsewhere */
    int64_t record_id;           /* records lists: the selected record */
    int64_t area_id;             /* D and C: the commune or province they open (0: none chosen) */
    int64_t area_select;         /* C: the row the matrix starts on (a hamlet), 0: the first */
} screen_where;

struct screen_ops {
    /* Paint the list window (and detail window when there is one) for the flags given. */
    void (*draw)(screen *s, tui *t, int flags);
    /* An action of its own table that the loop does not run itself; returns flags. */
    int  (*key)(screen *s, tui *t, int action);
    /* Read the data again, keeping the cursor on the same item; returns flags. */
    int  (*reload)(screen *s, tui *t);
    /* 1 when data row matches the folded query; NULL: the screen has no search. */
    int  (*match)(void *s, int row, const char *folded);
    void (*free)(screen *s);
    /* The query changed (lv.query): find the rows anew; NULL: filter with match. The
     * search prompt is then the screen itself: Enter opens the row, Esc closes it. */
    int  (*query)(screen *s, tui *t);
    /* What it shows (screen_where); NULL: nothing the other actions use. */
    void (*where)(screen *s, screen_where *w);
    /* Put the cursor on the row of this id (after a write, for go to); NULL: no such rows. */
    void (*select)(screen *s, int64_t id);
    /* x: fill in what the list shows (tui/export_ui.h): 0, or -1 after a message; NULL:
     * nothing to export. */
    int  (*export)(screen *s, tui *t, struct list_export *x);
};

struct screen {
    const struct screen_ops *ops;
    const screen_kind *kind;    /* its keys, its name in the help */
    int has_detail;             /* wants the detail pane */
    char crumb[208];            /* its part of the top bar path; "" for none */
    listview lv;
};

enum { STACK_MAX = 8 };

struct tui {
    ntm_db *db;
    const ntm_config *cfg;
    WINDOW *top, *list, *detail, *status, *bar;
    int rows, cols, too_small;
    int detail_below;       /* the detail pane is under the list (narrow terminal) */
    int show_detail;        /* user's choice (key v) */
    int searching;          /* the status line is the search prompt */
    screen *stack[STACK_MAX];
    int depth;
    char msg[640];          /* status line message */
    int msg_error;
    int pending;            /* flags raised while drawing (a message from a failed count) */
};

static inline screen *tui_top(tui *t) { return t->depth ? t->stack[t->depth - 1] : NULL; }
/* Set the status line message (printf-style); returns REDRAW_STATUS. */
int tui_message(tui *t, int error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* "That key does nothing here. Press ? for the keys.", naming the help key as bound now. */
int tui_key_unused(tui *t);
/* The key of action id on the top screen as bound now ("q"); "?" style names, "" none. */
void tui_action_key(tui *t, action_id id, char *out, size_t n);
/* 1 (and a message) when the database is read-only: forms call it before opening. */
int tui_refuse_readonly(tui *t);
/* The model's last error in the status line. */
int tui_db_error(tui *t);
/* Put a new screen on top (NULL: out of memory, reported). Returns flags. */
int tui_push(tui *t, screen *s);
/* Take screens off the top until depth are left (freeing them). */
void tui_pop_to(tui *t, int depth);
/* Rows of list data on screen (the list window less its header line). */
int tui_list_rows(const tui *t);
/* Lay out and paint everything now (flags may add RELOAD), e.g. when a form or dialog
 * returns FORM_RESIZED / DLG_RESIZED and is about to open again (app.c). */
void tui_repaint(tui *t, int flags);
/* "Tổng hợp xã An Hòa Thịnh": a crumb for a screen about a unit (vi/en: what it is);
 * -1 when the unit cannot be read. */
int tui_unit_crumb(tui *t, int64_t unit_id, const char *what, char *out, size_t n);
#endif
