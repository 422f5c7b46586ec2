/* form_internal: the form's state, shared by tui/form.c (fields, checks, drawing, keys)
 * and tui/form_draft.c (keeping what was typed when the session ends). */
#ifndef NTM_FORM_INTERNAL_H
#define NTM_FORM_INTERNAL_H
#include "tui/widgets/form.h"
#include "tui/widgets/picker.h"
#include "tui/widgets/textfield.h"

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

/* tui/form_draft.c */
int  form_draft_keep(form *f);          /* 0 when the changes were kept */
void form_draft_restore(form *f);       /* fill in the draft of this form, if there is one */
#endif
