/* screen: what every screen of the full-screen program shares: the program state (tui),
 * the screen interface (a small table of functions, tig's view_ops) and the flags an
 * action returns so the loop repaints only what changed (htop's HTOP_REFRESH...). */
#ifndef NTM_SCREEN_H
#define NTM_SCREEN_H
#include "config/config.h"
#include "model/db.h"
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

struct screen_ops {
    /* Paint the list window (and detail window when there is one) for the flags given. */
    void (*draw)(screen *s, tui *t, int flags);
    /* Handle an action the loop does not handle itself; returns flags. */
    int  (*key)(screen *s, tui *t, int action);
    /* Read the data again, keeping the cursor on the same item; returns flags. */
    int  (*reload)(screen *s, tui *t);
    /* 1 when data row matches the folded query; NULL: the screen has no search. */
    int  (*match)(void *s, int row, const char *folded);
    void (*free)(screen *s);
    /* The query changed (lv.query): find the rows anew; NULL: filter with match. The
     * search prompt is then the screen itself: Enter opens the row, Esc closes it. */
    int  (*query)(screen *s, tui *t);
};

struct screen {
    const struct screen_ops *ops;
    int kind;               /* SCR_ bit: which keys apply */
    int has_detail;         /* wants the detail pane */
    char crumb[208];        /* its part of the top bar path; "" for none */
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
/* 1 (and a message) when the database is read-only: forms call it before opening. */
int tui_refuse_readonly(tui *t);
/* The model's last error in the status line. */
int tui_db_error(tui *t);
/* Put a new screen on top (NULL: out of memory, reported). Returns flags. */
int tui_push(tui *t, screen *s);
/* Rows of list data on screen (the list window less its header line). */
int tui_list_rows(const tui *t);
/* Lay out and paint everything now (flags may add RELOAD), e.g. when a form or dialog
 * returns FORM_RESIZED / DLG_RESIZED and is about to open again (app.c). */
void tui_repaint(tui *t, int flags);

/* The screens. */
/* level: what the rows are, 'p' provinces (parent 0), 'c' communes, 'h' hamlets. */
screen *units_new(tui *t, char level, int64_t parent_id, const char *crumb);
/* The first screen: the provinces, or the communes when there is only one province. */
screen *units_start(tui *t);
/* The very first screen: the dashboard of the only commune, else of the only province,
 * else units_start (screen_dash.c). */
screen *dash_start(tui *t);
screen *tasks_new(tui *t, int64_t commune_id, int64_t hamlet_id, const char *crumb);
/* The commune a unit list or task list is about: the selected commune (commune list),
 * the parent (hamlet list), the task list's commune; 0 for the province list. */
int64_t units_commune(screen *s);
int64_t tasks_commune(screen *s);
screen *help_new(tui *t, int for_kind);
/* For data entry (tui/keys_entry.c): the unit of the selected row (0: the "(Toàn xã)" row,
 * an empty list or another kind of screen), the level of the rows ('p', 'c', 'h') and
 * their parent; and the cursor put on a unit after a reload. */
int64_t units_selected(screen *s, char *level, int64_t *parent_id);
void units_select(screen *s, int64_t unit_id);
/* The selected task (0: none), the list's commune and hamlet (-1: commune-wide tasks,
 * 0: every task of the commune); and the cursor put on a task after a reload. */
int64_t tasks_selected(screen *s, int64_t *commune_id, int64_t *hamlet_id);
void tasks_select(screen *s, int64_t task_id);
/* The path as the user reads it: "~/ntm-pdf/phieu-....pdf" rather than the whole home. */
void tui_short_path(const char *path, char *out, size_t n);
/* Write one hamlet's task sheet to a PDF; the path or the error goes to the status line. */
int print_sheet(tui *t, int64_t hamlet_id);
/* The same for an organisation (what 'o') or a person ('p') of the commune, across its
 * hamlets (i on the organisation and people lists); another what: a message. */
int print_owner_sheet(tui *t, char what, int64_t commune_id, int64_t id);
#endif
