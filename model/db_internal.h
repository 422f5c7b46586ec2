/* db_internal: the connection struct, shared by the model files only. */
#ifndef NTM_DB_INTERNAL_H
#define NTM_DB_INTERNAL_H
#include "model/db.h"

#define DB_STMT_CACHE 96

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
    struct { const char *sql; sqlite3_stmt *st; } cache[DB_STMT_CACHE];
    int ncache;
};

int audit_install(ntm_db *db);
/* The message for a damaged file: what is wrong, the newest backup, the command. */
int db_damaged(ntm_db *db);
/* backup_dir holds at least one dated backup. */
int db_have_backups(void);
#endif
