/* entity: editing communes and hamlets (create under a parent, rename with history,
 * delete when nothing refers to them, statuses), and the helpers every editing file of
 * the model shares (one transaction per action, typed dates and numbers, the messages
 * for a version conflict and for a refused delete). */
#ifndef NTM_ENTITY_H
#define NTM_ENTITY_H
#include "model/db.h"

#define ENT_NOW "strftime('%Y-%m-%dT%H:%M:%SZ','now')"

/* ---- shared by the editing files ---------------------------------------------------- */
/* Run fn(db, arg) inside one BEGIN IMMEDIATE transaction: all of it or nothing. Inside
 * a transaction already begun (db_begin: an import), fn joins it and the caller commits
 * or rolls back. */
int  ent_in_tx(ntm_db *db, int (*fn)(ntm_db *, void *), void *arg);
/* A date as typed (dd/mm/yyyy, d/m/yy, yyyy-mm-dd, "hôm nay", +N) or stored; out is
 * 'YYYY-MM-DD' or "" when empty and optional. The message names the field (label), and
 * a refusal names it for the form (field: its column, see field.h). */
int  ent_date(ntm_db *db, const char *field, const char *label, const char *in, int required, char out[11]);
/* A whole number as typed ("1.250" and "1 250" allowed), in [min, max]; empty gives
 * *is_null = 1 (DB_INVALID when required). */
int  ent_int(ntm_db *db, const char *field, const char *label, const char *in, int required, long long min,
             long long max, long long *out, int *is_null);
/* After "UPDATE ... WHERE id = ? AND version = ?" changed nothing: DB_NOTFOUND when the
 * row is gone, else DB_CONFLICT "someone else (user) changed this <what> at HH:MM;
 * reload". table is one of the model's own table names (never user input). */
int  ent_conflict(ntm_db *db, const char *table, int64_t id, const char *what);
/* Who changed row id of table last and when ("nva", "10:32" local time), from the audit
 * (without an audit row: "?" and the row's updated_at); "?" when not known. For the
 * forms' conflict view. */
void ent_last_change(ntm_db *db, const char *table, int64_t id, char *user, size_t un, char *at, size_t an);
/* Delete refusal: the counts of what still refers to a row, as "3 đầu việc, 2 thôn". */
typedef struct { const char *label; long long n; } ent_ref;
int  ent_refused(ntm_db *db, const char *what, const char *name, const ent_ref *refs, int nrefs);

/* ---- communes and hamlets ----------------------------------------------------------- */
typedef struct unit_fields {
    const char *name;            /* required, at most 200 characters */
    const char *district;        /* optional label */
    const char *population;      /* typed numbers, optional */
    const char *households;
    const char *note;
    int commune_group;           /* communes: 1, 2, 3 or 0 (not set); ignored for hamlets */
    int64_t criteria_set_id;     /* the set it is graded by; 0 = not set */
} unit_fields;

typedef struct unit_rec {
    int64_t id, parent_id, version, criteria_set_id, merged_into_id;
    char kind;                   /* 'p', 'c', 'h' */
    char name[804], district[260], note[4004];
    long long population, households;   /* -1: not known */
    int commune_group, active;
    char updated_at[24];
} unit_rec;

/* Create a commune (kind 'c', parent a province) or a hamlet ('h', parent a commune). */
int  unit_create(ntm_db *db, char kind, int64_t parent_id, const unit_fields *f, int64_t *id);
int  unit_read(ntm_db *db, int64_t id, unit_rec *out);
/* Update with the version read; a new name records a unit_event 'rename' (old, new,
 * today). on_date/document describe the rename decision (both optional). */
int  unit_update(ntm_db *db, int64_t id, int64_t version, const unit_fields *f,
                 const char *rename_date, const char *rename_document);
/* Delete a commune or hamlet nothing refers to (its own statuses, events and criterion
 * states go with it). Otherwise DB_INVALID naming what refers: hamlets, tasks, ... */
int  unit_delete(ntm_db *db, int64_t id);
/* Record a recognised status (status_kind code of the unit's level). */
int  unit_set_status(ntm_db *db, int64_t unit_id, const char *status, const char *year,
                     const char *since, const char *document, const char *note, int64_t *id);
#endif
