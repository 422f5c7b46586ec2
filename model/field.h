/* field: checks every typed value gets before it is stored: valid UTF-8, NFC, length,
 * required, dates, quantities. Messages name the field, in the UI language ("label: ..."),
 * and a refusal names it for the form too: field is its column name ("title", "deadline";
 * NULL: none), what db_err_field() gives back (db_fail_field). */
#ifndef NTM_FIELD_H
#define NTM_FIELD_H
#include "model/db.h"

/* NFC copy of in (malloc'd, or NULL for an empty optional value) into *out.
 * Leading/trailing spaces are trimmed. Returns DB_OK or DB_INVALID with a message. */
int field_text(ntm_db *db, const char *field, const char *label, const char *in, int required, size_t max_chars,
               char **out);
/* A stored date 'YYYY-MM-DD' (or NULL/"" when optional). */
int field_date(ntm_db *db, const char *field, const char *label, const char *iso, int required);
/* Parse a typed quantity: "2", "1,4", "1.4", "2 km" (unit split off into unit_out
 * when given); refuses negatives, NaN, huge values. */
int field_qty(ntm_db *db, const char *field, const char *label, const char *in, double *out, char *unit_out,
              size_t unit_n);
/* Bind helpers for optional values. */
void bind_text_or_null(sqlite3_stmt *st, int i, const char *s);
void bind_id_or_null(sqlite3_stmt *st, int i, int64_t id);
/* Run a prepared write statement: DB_OK or an error from db_sqlite_error. */
int  step_done(ntm_db *db, sqlite3_stmt *st);
#endif
