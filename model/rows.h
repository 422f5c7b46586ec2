/* rows: private to the model's .c files. The shapes every table's code would otherwise repeat:
 * reading a text column, one row by id, all rows of a statement into a growing array,
 * statements with the one parameter ?1 = id, and the steps of a form's save and of a
 * refused delete. Not part of the public API: include it from model/ only. Every sql
 * argument is a static string (db_stmt caches statements by the text's address). */
#ifndef NTM_ROWS_H
#define NTM_ROWS_H
#include "model/db.h"
#include "model/entity.h"

/* Column c as text into dst (size n); NULL reads as "". */
void col_text(char *dst, size_t n, sqlite3_stmt *st, int c);

/* Room for element n of an array v of `size`-byte elements with *cap allocated: v
 * itself while n < *cap, else v moved to twice the room, 16 at first (*cap updated).
 * NULL when out of memory, v then untouched (still the caller's to free). */
void *rows_room(void *v, int n, int *cap, size_t size);

/* Fills one row (a struct of the caller's type) from the current result row. */
typedef void row_reader(ntm_db *db, sqlite3_stmt *st, void *row);

/* Step a bound statement once and reset it: DB_OK with the row read, DB_NOTFOUND
 * without a message (the caller names what is missing), or the SQLite error. */
int  rows_one(ntm_db *db, sqlite3_stmt *st, row_reader *read, void *row);
/* rows_one of sql with ?1 = id. */
int  rows_get(ntm_db *db, const char *sql, int64_t id, row_reader *read, void *row);
/* Every row of a bound statement into a malloc'd array (*v, *n; NULL and 0 on error). */
int  rows_all(ntm_db *db, sqlite3_stmt *st, row_reader *read, size_t size, void **v, int *n);
/* rows_all of sql with ?1 = id. */
int  rows_list(ntm_db *db, const char *sql, int64_t id, row_reader *read, size_t size, void **v, int *n);

/* The first column of sql's first row with ?1 = id into *out (0 when there is none). */
int  rows_int64(ntm_db *db, const char *sql, int64_t id, int64_t *out);
/* Run a write statement whose one parameter is ?1 = id. */
int  rows_exec(ntm_db *db, const char *sql, int64_t id);

/* DB_OK when unit_id is a unit of this kind ("commune", "hamlet"), else DB_INVALID
 * with msg (a form's "no commune chosen"). */
int  rows_unit_is(ntm_db *db, int64_t unit_id, const char *kind, const char *msg);

/* ---- a form's save: one transaction, create (id 0) or version-checked update -------- */
/* What write(db, edit_args *) gets: f is the caller's fields struct (org_fields ...). */
typedef struct { const void *f; int64_t id, version, *out; } edit_args;
int  edit_create(ntm_db *db, int (*write)(ntm_db *, void *), const void *f, int64_t *out);
/* id <= 0: DB_NOTFOUND with none_chosen ("No organisation chosen"). */
int  edit_update(ntm_db *db, int (*write)(ntm_db *, void *), const void *f, int64_t id, int64_t version,
                 const char *none_chosen);
/* Step the form's bound INSERT (a->id 0: *a->out, when asked, gets the new id) or its
 * "UPDATE ... WHERE id = ? AND version = ?" (no row changed: ent_conflict). */
int  edit_step(ntm_db *db, sqlite3_stmt *st, const edit_args *a, const char *table, const char *what);

/* ---- a delete refused while anything refers to the row ------------------------------ */
/* Count with sql (?1 = id, ?2 = parent; one column per refs[i], whose labels the caller
 * set) and refuse (ent_refused, naming what and name) when any count is above 0. */
int  edit_refuse_used(ntm_db *db, const char *sql, int64_t id, int64_t parent, const char *what, const char *name,
                      ent_ref *refs, int nrefs);
#endif
