/* form_internal: the form's state, shared by its files: form.c (values, keys), form_check.c
 * (a field's checks), form_draw.c (the window), form_draft.c (keeping what was typed
 * when the session ends), form_merge.c (the three-way merge after a conflict) and
 * form_conflict.c (its view). */
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
    char *start;                  /* the value when the form opened (form_signature) */
    char *base;                   /* the same, canonical (form_canon): the merge's base */
} field;

/* form_merge.c: how a field stands after a save met a changed row. SAME: mine equals
 * theirs (nothing to choose); MINE: only this user changed it; THEIRS: only the other
 * did (taken from theirs by itself); BOTH: both did, differently (the user chooses). */
typedef enum { MERGE_SAME, MERGE_MINE, MERGE_THEIRS, MERGE_BOTH } merge_kind;
typedef struct merge_row { int field; merge_kind kind; int take_theirs; } merge_row;
typedef struct form_merge {
    struct form *theirs;          /* the row as it is now, in a form of the same table */
    form_who who;
    merge_row *rows;              /* the fields that are not SAME, in form order */
    int n, cur, top;
} form_merge;

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
    form_reread_fn reread;        /* conflicts: the screen's hook (form_set_reread) */
    form_merge *merge;            /* a conflict being settled (kept across a resize) */
    int took_theirs;
    int gone;                     /* a save found the row deleted (FORM_SAVE_GONE) */
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

/* form.c: what "changed" compares (the text, the option's index, the id); the values as
 * they are now become the unchanged state. */
char *form_signature(form *f, int i);
void  form_snapshot(form *f);

/* form_merge.c. A field's value for comparing: DATE as ISO, QTY as number and unit, TEXT
 * trimmed, ENUM the option's value, REF the id (malloc'd). */
char      *form_canon(form *f, int i);
merge_kind form_merge_kind(const char *base, const char *mine, const char *theirs);
/* Compare f (base and mine) with theirs and keep the result in f->merge (theirs is then
 * the merge's). Returns how many fields need the view (THEIRS or BOTH), -1 when out of
 * memory (theirs freed). take_theirs starts 1 for THEIRS, 0 for MINE and BOTH. */
int  form_merge_begin(form *f, struct form *theirs, const form_who *who);
void form_merge_all(form *f, int take_theirs);
/* The chosen values into f; the row as it is now becomes the unchanged state (and the
 * next merge's base); the merge ends. */
void form_merge_apply(form *f);
void form_merge_end(form *f);
/* A field's value as the view shows it ("(trống)" when empty). */
const char *form_merge_shown(form *f, int i);

/* form_merge.c: write the checked fields, settling each conflict it meets (the view,
 * merge, write again against the new version). */
/* What a save ended in: written; stays open (a message says why); the user took theirs
 * (nothing written, the form closes); the terminal was resized or the session ended
 * while the conflict view was open (the merge is kept for the next form_run). */
enum { SAVE_OK = 0, SAVE_STAY = -1, SAVE_THEIRS = 1, SAVE_RESIZED = 2, SAVE_ENDED = 3 };
int  form_save_write(form *f, form_save_fn fn, void *ctx);

/* form_conflict.c: the view. */
enum { MERGE_SAVE, MERGE_BACK, MERGE_TAKE_THEIRS, MERGE_RESIZED, MERGE_ENDED };
int  form_conflict_run(form *f);

/* form_draft.c */
int  form_draft_keep(form *f);          /* 0 when the changes were kept */
void form_draft_restore(form *f);       /* fill in the draft of this form, if there is one */
#endif
