/* form_internal: the form's state, shared by its files: form.c (values, keys), form_check.c
 * (a field's checks), form_draw.c (the window) and form_draft.c (keeping what was typed
 * when the session ends). */
#ifndef NTM_FORM_INTERNAL_H
#define NTM_FORM_INTERNAL_H
#include "tui/widgets/form.h"
#include "tui/widgets/picker.h"
#include "tui/widgets/textfield.h"
#include "model/i18n.h"
#include <curses.h>

enum { DEFAULT_MAX = 200, MSG_MAX = 320, UNIT_MAX = 168, MAX_WIDTH = 76, MIN_W = 30, MIN_H = 7,
       KEY_CTRL_S = 19, KEY_CTRL_L = 12, KEY_TAB = 9 };

typedef struct {
    textfield *tf;                /* TEXT, DATE, QTY */
    int choice;                   /* ENUM: index into options, -1 none */
    int64_t ref_id;               /* REF */
    char *ref_label;
    char iso[11];                 /* DATE, when checked */
    double qty;                   /* QTY, when checked */
    int qty_empty;
    char unit[UNIT_MAX];
    int stale;                    /* text changed since the last check */
    int fresh;                    /* DATE/QTY just entered: typing replaces the value */
    char msg[MSG_MAX];            /* the problem shown under the field */
    long cut;                     /* characters typed or pasted past the maximum, dropped */
    char *start;                  /* the value when the form opened */
} field;

struct form {
    char *title;
    const form_spec *spec;
    int n, cur, top;
    field *fs;
    char msg[MSG_MAX];            /* the form's own message line */
    int msg_sticky;               /* msg is the input hint: typing does not clear it */
    int started, started_loop;
    picker *pick;                 /* open picker (kept across a resize) */
    int pick_field;
};

static inline int form_min(int a, int b) { return a < b ? a : b; }
static inline int form_max(int a, int b) { return a > b ? a : b; }
static inline int form_has_text(form_kind k) { return k == FORM_TEXT || k == FORM_DATE || k == FORM_QTY; }
/* The spec holds msgids (or text made at run time, which has no translation). */
static inline const char *form_label(const form_spec *s) { return _(s->label); }
static inline const char *form_opt_label(const form_option *o) { return _(o->label); }

/* form_check.c: check field i (on_save adds the "required" checks); 0 when good, else its
 * message is set. A number as the UI writes it ("1,4"); a unit list joined for a message. */
int  form_check(form *f, int i, int on_save);
void form_fmt_number(double v, char *out, size_t n);
void form_units_text(const char *const *u, char *out, size_t n);

/* form_draw.c: the window's size and places (0 when the terminal is too small), and the
 * painting; returns the cursor column on the focused text (its row in *cy), or -1. */
typedef struct form_geom { int w, h, body, lw, fx, fw; } form_geom;
int  form_layout(form *f, form_geom *g);
int  form_draw(form *f, WINDOW *w, const form_geom *g, int *cy);

/* form_draft.c */
int  form_draft_keep(form *f);          /* 0 when the changes were kept */
void form_draft_restore(form *f);       /* fill in the draft of this form, if there is one */
#endif
