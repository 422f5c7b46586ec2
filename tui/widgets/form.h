/* form: a window of labelled fields that the screen describes with a table.
 *
 * Kinds: TEXT (one line, max characters, required), DATE (typed dd/mm/yyyy, d/m/yy,
 * "hôm nay"/"today", +N / -N days; checked with date_parse when the field is left and
 * on save), QTY (a number and a unit, "1,4 km": negatives refused; the unit from a list
 * or, if the table allows, free text), ENUM (Space/←/→ cycle through labelled values,
 * a letter jumps), REF (Enter, Space or a letter opens a picker; shows the label).
 * Text goes through textfield: decomposed typing is composed to NFC at once.
 *
 * Keys: Tab/↓/Enter next field, Shift-Tab/↑ previous, F2 or Ctrl-S saves (so does Enter
 * on the last field), Esc or F10 cancels, asking "Bỏ các thay đổi chưa lưu? (c/k)"
 * when something was changed. A problem is shown under its field, "!" first, in red
 * where there is colour; the input stays as typed. A DATE or QTY field entered with a
 * value shows it selected (Windows dialog style): typing replaces it, Backspace clears
 * it, ← → Home End start editing it. TEXT fields are never replaced: the cursor is at
 * the end. Ctrl-S is XOFF to a terminal in cbreak mode, so the form turns flow control
 * (IXON) off while it runs and puts it back after; F2 works everywhere.
 *
 * Saving: the form checks its fields, then calls the screen's save callback, which
 * reads the values (form_text, form_date...), calls the model and returns 0, or
 * reports the model's message with form_error and returns non-zero: the form stays
 * open with everything the user typed.
 *
 * Conflicts: when the write meets a row someone else changed since the form was filled
 * (the model's version check, DB_CONFLICT), the save callback returns FORM_SAVE_CONFLICT.
 * With a reread hook (form_set_reread) the form keeps the typing, has the hook fill a
 * second form of the same table (never shown) from the row as it is now, and merges the
 * three versions field by field (form_merge.c): what the form started with (base), what
 * was typed (mine), what the database holds (theirs). A field only they changed comes
 * from theirs, one only this user changed stays; one both changed (differently) is
 * chosen in the conflict view (form_conflict.c), which lists every field that differs
 * as theirs / mine: Space or arrows choose per field, t takes theirs everywhere (nothing
 * written; the form closes, form_took_theirs), m keeps mine everywhere and saves, Enter
 * or F2 saves the merge, Esc goes back to the form with the merge in it. The merge is
 * written against the new version (the hook keeps it), which can conflict again: the
 * view opens again with the newer row.
 *
 * The window is centred, at most 76 columns wide, and scrolls when the fields do not
 * fit (80x24 shows 18 rows). State lives in the form object: after FORM_RESIZED the
 * caller repaints its screen and calls form_run again; nothing typed is lost, and a
 * picker that was open opens again. On the other returns the screen under the form is
 * put back as it was. */
#ifndef NTM_FORM_H
#define NTM_FORM_H
#include "tui/widgets/picker.h"
#include <stddef.h>
#include <stdint.h>

typedef enum { FORM_TEXT, FORM_DATE, FORM_QTY, FORM_ENUM, FORM_REF } form_kind;
/* QTY units: from the list only, the list or any text, or no unit (a number alone). */
typedef enum { FORM_UNIT_LIST, FORM_UNIT_FREE, FORM_UNIT_NONE } form_unit_mode;

/* label: a msgid (N_("...")), translated where it is drawn. */
typedef struct form_option { int value; const char *label; } form_option;

/* One row of the screen's table; the table must outlive the form. */
typedef struct form_spec {
    form_kind kind;
    const char *label;                  /* a msgid, N_("..."): translated where drawn */
    int required;
    size_t max_chars;                   /* TEXT, DATE, QTY; 0: 200 */
    const char *hint;                   /* help line while focused (a msgid); NULL: one for the kind */
    const form_option *options;         /* ENUM */
    int n_options;
    form_unit_mode unit_mode;           /* QTY */
    const char *const *units;           /* NULL-terminated; NULL: form_units */
    const char *unit_default;           /* QTY: unit when none is typed ("" or NULL: none) */
    picker_fill_fn fill;                /* REF: adds the candidates to the picker */
    void *fill_ctx;
} form_spec;

/* The usual units of NTM criteria: km, m, hộ, hệ thống, vườn, công trình, %, hố,
 * đầu sách, tuyến. */
extern const char *const form_units[];

typedef struct form form;
/* Returns 0 when saved; otherwise calls form_error (else a generic message is shown). */
typedef int (*form_save_fn)(form *f, void *ctx);

enum { FORM_RESIZED = -2, FORM_CANCELLED = 0, FORM_SAVED = 1 };
/* A save callback's returns when the row changed meanwhile (see Conflicts above), and
 * when it was deleted meanwhile: the callback has put the message on the form
 * (form_error), which stays open with the typing; form_row_gone then says so. */
enum { FORM_SAVE_CONFLICT = 3, FORM_SAVE_GONE = 4 };

form       *form_new(const char *title, const form_spec *spec, int n);
void        form_free(form *f);

/* Values before form_run (they are the "unchanged" state). -1 if i has another kind
 * or the value is refused (not UTF-8, unknown ENUM value). */
int         form_set_text(form *f, int i, const char *utf8);   /* TEXT; DATE/QTY as typed */
int         form_set_date(form *f, int i, const char *iso);    /* 'YYYY-MM-DD' or "" */
int         form_set_qty(form *f, int i, double v, const char *unit);
int         form_set_choice(form *f, int i, int value);        /* an option's value */
int         form_set_ref(form *f, int i, int64_t id, const char *label);

/* Values, as checked (in the save callback every field has just been checked). */
const char *form_text(form *f, int i);      /* NFC text as shown; ENUM/REF: the label */
const char *form_date(form *f, int i);      /* 'YYYY-MM-DD', or "" when empty */
double      form_qty(form *f, int i, const char **unit);   /* unit: canonical, or "" */
int         form_qty_empty(form *f, int i);
int         form_choice(form *f, int i);    /* the option's value, -1 when none */
int64_t     form_ref(form *f, int i);       /* 0 when none */

/* A message under field i (i < 0: on the form's message line), and focus on it. */
void        form_error(form *f, int i, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void        form_focus(form *f, int i);
int         form_changed(form *f);          /* 1 when a value differs from the start */

/* Who changed the row and when, for the conflict view (user "?": not known, changed
 * outside ntm); msg: why the row could not be read
 * again (deleted meanwhile), shown on the form. */
typedef struct form_who { char user[64], at[16], msg[320]; } form_who;
/* Fill theirs (a form of the same table, never shown) from the row as it is now, keep the
 * row's new version for the next save (in ctx, the save callback's), and say who changed
 * it. 0, or -1 with who->msg set. */
typedef int (*form_reread_fn)(form *theirs, void *ctx, form_who *who);
void        form_set_reread(form *f, form_reread_fn fn);
/* 1 after form_run when the user took theirs everywhere: nothing was written, the form
 * holds the row as the database has it (FORM_CANCELLED is returned). */
int         form_took_theirs(const form *f);
/* 1 after form_run when a save found the row deleted meanwhile (the user read the
 * message on the form, then closed it). */
int         form_row_gone(const form *f);

/* Run until saved, cancelled or the terminal is resized. When the session ends (SSH
 * link gone, SIGHUP, SIGTERM) with changes typed, they are kept as a draft (below) and
 * FORM_CANCELLED is returned. */
int         form_run(form *f, form_save_fn save, void *ctx);
/* Terminal flow control (IXON) off, so that Ctrl-S reaches a window that saves with it;
 * 1 when it was turned off, then form_flow_back(1) puts it back. form_run does this. */
int         form_flow_off(void);
void        form_flow_back(int was_off);

/* Drafts: where the typing of a form cut off by the end of the session is kept (one
 * per user). The app gives the store; the form widget knows no database. The next form
 * opened with the same title is filled in from the draft, with a message saying so. */
typedef struct form_drafts {
    int  (*save)(void *ctx, const char *text);          /* 0 when kept */
    int  (*load)(void *ctx, char *out, size_t n);       /* 0 with the text, -1 when none */
    void (*drop)(void *ctx);
    void *ctx;
} form_drafts;
void        form_set_drafts(const form_drafts *d);
/* The kept draft's form title and when it was kept ("20/06/2022 10:32"); 0, or -1. */
int         form_draft_pending(char *title, size_t tn, char *when, size_t wn);
#endif
