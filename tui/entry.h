/* entry: what the screens' forms share: a form or question run until answered (painting
 * the screens again after a resize), the model's refusal put under the field it names,
 * the reload after a write that keeps the cursor on the row just written, and the rows
 * of a form's table. The reference pickers' candidates are in tui/pickers.h.
 *
 * Every entry action returns the loop's flags (screen.h), like any other action. */
#ifndef NTM_ENTRY_H
#define NTM_ENTRY_H
#include "tui/screen.h"
#include "tui/widgets/form.h"
#include "tui/widgets/picker.h"
#include <stddef.h>
#include <stdint.h>

/* "Hôm nay" in forms is the database's date (the demo's as-of date), as in the top bar. */
void entry_sync_today(tui *t);

/* form_run until it is saved or cancelled; after a resize the screens are painted again
 * and the form opens again with everything typed. FORM_SAVED or FORM_CANCELLED. When the
 * user took theirs in a conflict (form_took_theirs), or a save found the record deleted
 * (form_row_gone), every screen is read again and the status line says so. */
int  entry_form_run(tui *t, form *f, form_save_fn save, void *ctx);
/* The end of a form's reread hook (form_reread_fn) that read row id of table with result
 * rc: who changed it and when (from the audit), or the model's message. 0 or -1. */
int  entry_reread_done(tui *t, int rc, const char *table, int64_t id, form_who *who);
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
 * cursor on select_id (its select op; 0: stays where it was). Returns the flags to
 * repaint everything. */
int  entry_after_write(tui *t, int64_t select_id);
/* In a form's save callback, after a version-checked write returned rc: 1 when the record
 * was deleted meanwhile (DB_NOTFOUND), with the model's message on the form: the callback
 * returns FORM_SAVE_GONE, the form stays open with the typing, and once it is closed
 * entry_form_run reads everything again and says so. 0 for any other rc. A DB_CONFLICT
 * (changed meanwhile) is the form's: return FORM_SAVE_CONFLICT, and the form merges
 * with the reread hook (form_set_reread). */
int  entry_write_gone(form *f, ntm_db *db, int rc);
/* After a form was saved: "Nothing changed", or it was written (read again, cursor on
 * select_id, saved as the message). The redraw flags. */
int  entry_after_save(tui *t, int unchanged, int64_t select_id, const char *saved);

/* Form fields, one row of a form's table each. label and hint are msgids (N_("...")),
 * translated where the form draws them (hint NULL: the form's own for the kind). */
form_spec entry_text(const char *label, int required, size_t max_chars, const char *hint);
form_spec entry_date(const char *label, int required, const char *hint);
form_spec entry_qty(const char *label, const char *hint,
                    form_unit_mode mode, const char *const *units, const char *unit_default);
form_spec entry_enum(const char *label, int required, const form_option *options, int n, const char *hint);
form_spec entry_ref(const char *label, int required, picker_fill_fn fill, void *fill_ctx, const char *hint);
#endif
