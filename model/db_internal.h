/* db_internal: the connection struct, shared by the model files only. */
#ifndef NTM_DB_INTERNAL_H
#define NTM_DB_INTERNAL_H
#include "model/db.h"

struct ntm_db {
    sqlite3 *h;
    char path[1024];
    char user[64];
    char err[1536];          /* room for a damaged file's message with two paths */
    char notice[512];
    char err_field[48];      /* the input the last failure names ("deadline"); "" none */
    size_t err_detail;       /* where the message goes on after "label: " */
    char today[11];
    int readonly;
    int immutable;           /* opened as a snapshot: no -shm could be made */
    int audit_ready;         /* TEMP audit triggers created on first write */
    int no_audit;            /* bulk loads (the demo) are not anyone's change */
    int in_tx;
    struct role_state *role; /* the user's role and its triggers (role.c) */
    int role_bypass;         /* a users change or a sync import: no role gate, no role triggers */
    /* prepared statements by their SQL's address (db_stmt); grows as needed: ~150
     * statements in all, the first few dozen on every screen */
    struct db_cached { const char *sql; sqlite3_stmt *st; } *cache;
    int ncache, cache_cap;
};

int audit_install(ntm_db *db);
/* role.c: db_begin's gate (before BEGIN): the user's role read again, a read-only role
 * refused, the role's triggers made when missing or out of date. */
int role_gate(ntm_db *db);
/* A role trigger's RAISE message starts with this; db_sqlite_error makes it DB_DENIED. */
#define ROLE_MARK "[ntm-role] "
/* No role triggers and no gate until role_resume (users.c, sync_import.c, after their
 * own checks). */
void role_suspend(ntm_db *db);
void role_resume(ntm_db *db);
void role_free(ntm_db *db);
/* DROP every TEMP trigger whose name is LIKE pattern (with ESCAPE '\'). */
void db_drop_temp_triggers(ntm_db *db, const char *pattern);
/* The message for a damaged file: what is wrong, the newest backup, the command. */
int db_damaged(ntm_db *db);
/* backup_dir holds at least one dated backup. */
int db_have_backups(void);
#endif
