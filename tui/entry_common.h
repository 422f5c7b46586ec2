/* entry_common: what the data-entry files (tui/entry_*.c) share: where the user is, a
 * form or question run until answered (painting the screens again after a resize), the
 * model's message put next to the field it names, the reference pickers' candidates,
 * and the reload after a write that keeps the cursor on the row just written.
 *
 * Every entry action returns the loop's flags (screen.h), like any other action. */
#ifndef NTM_ENTRY_COMMON_H
#define NTM_ENTRY_COMMON_H
#include "tui/widgets/form.h"
#include "tui/widgets/picker.h"
#include "tui/screen.h"
#include <stddef.h>
#include <stdint.h>

/* Where the user is when an entry key is pressed. */
typedef struct entry_where {
    int kind;                    /* the screen's SCR_ bit */
    int64_t commune_id;          /* 0: not under a commune (province list) */
    int64_t hamlet_id;           /* the hamlet the list is about (0: none, commune-wide) */
    int64_t unit_id;             /* unit lists: the selected row's unit (0: none or "(Toàn xã)") */
    char unit_level;             /* unit lists: 'p', 'c', 'h' */
    int64_t parent_id;           /* unit lists: the rows' parent */
    int64_t task_id;             /* task lists: the selected task */
    int64_t record_id;           /* records lists: the selected record */
    char record_what;            /* records lists: REC_ORGS ... */
} entry_where;
void entry_where_of(tui *t, screen *s, entry_where *w);

/* "Hôm nay" in forms is the database's date (the demo's as-of date), as in the top bar. */
void entry_sync_today(tui *t);

/* form_run until it is saved or cancelled; after a resize the screens are painted again
 * and the form opens again with everything typed. FORM_SAVED or FORM_CANCELLED. */
int  entry_form_run(tui *t, form *f, form_save_fn save, void *ctx);
/* dialog_confirm, asked again after a resize. 1: yes. */
int  entry_confirm(tui *t, const char *question);
/* dialog_message, shown again after a resize. */
void entry_tell(tui *t, const char *title, const char *text, int error);

/* Put the model's refusal under the field it names (db_err_field: a column such as
 * "deadline"; the message without its "label: ", which the field shows already), through
 * the form's table of the model's fields (ended by a NULL name; field -1: not on this
 * form); a refusal naming no field of the form goes on the form's message line. */
typedef struct entry_field { const char *name; int field; } entry_field;
void entry_model_error(form *f, const entry_field *fields, ntm_db *db);

/* After a write: every screen on the stack reads its data again; the one on top puts its
 * cursor on select_id (0: stays where it was). Returns the flags to repaint everything. */
int  entry_after_write(tui *t, int64_t select_id);
/* In a form's save callback, after a version-checked write returned rc: 1 when the record
 * was changed or deleted meanwhile (DB_CONFLICT, DB_NOTFOUND), with *gone set and the
 * model's message in gone_msg: the form closes and the caller says so (entry_after_save);
 * 0 for any other rc. */
int  entry_write_gone(ntm_db *db, int rc, int *gone, char *gone_msg, size_t n);
/* After a form was saved: "Nothing changed", or the record was gone (everything read
 * again, gone_msg in red), or it was written (read again, cursor on select_id, saved as
 * the message). Returns the flags of the reload. */
int  entry_after_save(tui *t, int unchanged, int gone, const char *gone_msg, int64_t select_id,
                      const char *saved);

/* Form fields, one row of a form's table each (hints NULL: the form's own for the kind). */
form_spec entry_text(const char *vi, const char *en, int required, size_t max_chars, const char *hint_vi, const char *hint_en);
form_spec entry_date(const char *vi, const char *en, int required, const char *hint_vi, const char *hint_en);
form_spec entry_qty(const char *vi, const char *en, const char *hint_vi, const char *hint_en,
                    form_unit_mode mode, const char *const *units, const char *unit_default);
form_spec entry_enum(const char *vi, const char *en, int required, const form_option *options, int n,
                     const char *hint_vi, const char *hint_en);
form_spec entry_ref(const char *vi, const char *en, int required, picker_fill_fn fill, void *fill_ctx,
                    const char *hint_vi, const char *hint_en);

/* ---- reference pickers ---------------------------------------------------------------- */
/* Candidates of a REF field, read when the picker opens. */
typedef struct entry_pick {
    ntm_db *db;
    int64_t commune_id;
    int owner_kinds;             /* owners: PICK_ORG | PICK_PERSON | PICK_HAMLET */
    int whole;                   /* hamlets: first a "— toàn xã" row (id ENTRY_WHOLE) */
} entry_pick;
enum { ENTRY_WHOLE = -1 };       /* the hamlet REF value meaning "the whole commune" */
void entry_fill_owners(void *ctx, picker *p);
void entry_fill_hamlets(void *ctx, picker *p);
void entry_fill_criteria(void *ctx, picker *p);
void entry_fill_campaigns(void *ctx, picker *p);
/* The commune itself, then its hamlets (where a person works). */
void entry_fill_places(void *ctx, picker *p);
const char *entry_whole_label(void);

/* Owners share one picker: the kind is kept in the id. */
int64_t entry_owner_code(char kind, int64_t id);      /* kind 'o', 'p', 'h' */
char    entry_owner_kind(int64_t code, int64_t *id);  /* 0 when code is 0 */
/* The label a picker shows for an id (to fill a field being edited); "" when not found.
 * what: 'o' 'p' 'h' (owners), 'H' (hamlets), 'P' (places: "Xã ...", "Thôn ..."), 'c' (criteria),
 * 'g' (campaigns). */
void entry_label(ntm_db *db, int64_t commune_id, char what, int64_t id, char *out, size_t n);

/* ---- the records lists (screen_records.c) --------------------------------------------- */
enum { REC_ORGS = 'o', REC_PEOPLE = 'p', REC_CAMPAIGNS = 'g', REC_HOUSEHOLDS = 'h' };
/* unit_id: the commune (a hamlet for households). */
screen *records_new(tui *t, char what, int64_t unit_id, int64_t commune_id, const char *crumb);
/* What a records list shows; 0 when s is not one. */
int  records_where(screen *s, char *what, int64_t *unit_id, int64_t *commune_id, int64_t *selected_id);
void records_select(screen *s, int64_t id);
/* The name of a record as the list shows it (for the delete question). */
const char *records_selected_name(screen *s);

/* ---- the actions (one file each) ------------------------------------------------------ */
int entry_unit_new(tui *t, char kind, int64_t parent_id);
int entry_unit_edit(tui *t, int64_t id);
int entry_unit_delete(tui *t, int64_t id);
int entry_unit_status(tui *t, int64_t id);
int entry_unit_criterion(tui *t, int64_t id, int64_t commune_id);
int entry_task_new(tui *t, int64_t commune_id, int64_t hamlet_id);
int entry_task_edit(tui *t, int64_t id);
int entry_task_delete(tui *t, int64_t id);
int entry_progress(tui *t, int64_t task_id);
int entry_weekly(tui *t, int64_t hamlet_id);
/* R: a filled task sheet typed back by code, lines checked, then saved together
 * (task_typeback.c). hamlet_id 0: the codes of the whole commune. */
int entry_typeback(tui *t, int64_t commune_id, int64_t hamlet_id);
/* The weekly screen's own keys (resume, "=" new total, skip); -1 when s is not it. */
int entry_weekly_key(tui *t, screen *s, int action);
/* The weekly screen's commune and hamlet; 0 when s is not it. */
int weekly_where(screen *s, int64_t *commune_id, int64_t *hamlet_id);
int entry_records_open(tui *t, screen *from, char what, int64_t unit_id, int64_t commune_id);
int entry_record_new(tui *t, char what, int64_t unit_id, int64_t commune_id);
int entry_record_edit(tui *t, char what, int64_t id, int64_t commune_id);
int entry_record_delete(tui *t, char what, int64_t id, const char *name);
#endif
