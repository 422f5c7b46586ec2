/* db: one SQLite connection as ntm uses it: WAL, foreign keys, busy timeout,
 * migrations to the current schema, BEGIN IMMEDIATE writes, audit with the Unix user. */
#ifndef NTM_DB_H
#define NTM_DB_H
#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

typedef struct ntm_db ntm_db;

enum {
    DB_OK = 0,
    DB_ERR = -1,          /* see db_errmsg */
    DB_BUSY = -2,         /* another user holds the write lock past the busy timeout */
    DB_READONLY = -3,     /* the file or its folder cannot be written */
    DB_CONFLICT = -4,     /* the row changed since it was read (version check) */
    DB_NOTFOUND = -5,
    DB_INVALID = -6,      /* bad input; db_errmsg says what */
    DB_CORRUPT = -7,      /* db_open: the file is damaged (message names the newest backup) */
    DB_DENIED = -8        /* the user's role may not do this; db_errmsg says who may (model/role.h) */
};

enum { DB_OPEN_CREATE = 1, DB_OPEN_READONLY = 2 };

/* Open (and with DB_OPEN_CREATE, create) a database and migrate it to the current
 * schema. A file that is not writable opens read-only (db_is_readonly). */
int  db_open(ntm_db **out, const char *path, int flags, int busy_ms, char *err, size_t errlen);
void db_close(ntm_db *db);
sqlite3 *db_handle(ntm_db *db);
int  db_is_readonly(const ntm_db *db);
/* Read-only and opened as an immutable snapshot (others' later writes are not seen). */
int  db_is_snapshot(const ntm_db *db);
const char *db_user(const ntm_db *db);
const char *db_path(const ntm_db *db);
const char *db_errmsg(const ntm_db *db);
int  db_fail(ntm_db *db, int code, const char *fmt, ...);   /* set message, return code */
/* The same for input that is refused, naming it: field is its column or field name
 * ("deadline", "qty"), label what the user reads; the message is "label: <fmt>" (label
 * NULL: <fmt> alone). A form puts it under that field. */
int  db_fail_field(ntm_db *db, int code, const char *field, const char *label, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* The field the last failure named, "" when none (db_fail names none); and its message
 * without the "label: " in front (the field shows its label already). */
const char *db_err_field(const ntm_db *db);
const char *db_err_detail(const ntm_db *db);
int  db_schema_version(ntm_db *db);
int  db_latest_version(void);
/* Where the backups are ([output] backup_dir): messages about a damaged file name the
 * newest one and the restore command. Process-wide, set once at start. */
void db_set_backup_dir(const char *dir);
/* A note for the user about this session (e.g. "the daily backup was skipped"), shown
 * once by the full-screen interface; "" when none. */
void db_set_notice(ntm_db *db, const char *text);
const char *db_notice(const ntm_db *db);
/* Bring the schema to version target (tests use it to make older files). */
int  db_migrate(ntm_db *db, int target);

/* Writes: one BEGIN IMMEDIATE transaction per user action. */
int  db_begin(ntm_db *db);
int  db_commit(ntm_db *db);
void db_rollback(ntm_db *db);

/* A prepared statement cached by its SQL text's address (static strings only), reset
 * and with bindings cleared. Do not finalize it. */
sqlite3_stmt *db_stmt(ntm_db *db, const char *sql);
/* Map a SQLite result code to DB_ codes with a message in the UI language. */
int  db_sqlite_error(ntm_db *db, int rc);
/* Execute a script of statements (no result rows). */
int  db_exec(ntm_db *db, const char *sql);

/* The 'as of' date: meta.as_of when set (the demo's), else today. 'YYYY-MM-DD'. */
const char *db_today(ntm_db *db);
/* meta table */
int  db_meta_get(ntm_db *db, const char *key, char *out, size_t n);
int  db_meta_set(ntm_db *db, const char *key, const char *value);
/* Bulk maintenance (reindex) is nobody's change: call before the first write to leave
 * the audit triggers out of this connection. */
void db_no_audit(ntm_db *db);
/* Fill every empty search/sort key (after a bulk load or a sqlite3 shell edit). */
int  db_refold(ntm_db *db);
/* Rebuild the task totals (task.done_qty from the reports, task_tally, task_open_month). */
int  db_rebuild_tallies(ntm_db *db);
/* The same for one commune, exactly as the triggers build them up (after a sync import). */
int  db_rebuild_tallies_of(ntm_db *db, int64_t commune_id);
#endif
