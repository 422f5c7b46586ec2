/* demo: the seed documents' communes, hamlets, campaigns, tasks and tour. */
#include "model/demo.h"
#include "model/db_internal.h"
#include "model/embedded.h"
#include "model/i18n.h"
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int load(ntm_db *db)
{
    for (int i = 0; i < embedded_n_demo; i++) {
        char *msg = NULL;
        if (sqlite3_exec(db->h, embedded_demo[i].text, NULL, NULL, &msg) != SQLITE_OK) {
            db_fail(db, DB_ERR, "%s: %s", embedded_demo[i].name, msg ? msg : "?");
            sqlite3_free(msg);
            return DB_ERR;
        }
    }
    return db_refold(db);
}

int demo_create(const char *path, char *err, size_t errlen)
{
    if (access(path, F_OK) == 0) {
        snprintf(err, errlen, _("%s đã có; không ghi đè. Xóa tệp hoặc chọn tên khác."), path);
        return DB_INVALID;
    }
    ntm_db *db;
    int rc = db_open(&db, path, DB_OPEN_CREATE, 5000, err, errlen);
    if (rc) return rc;
    /* Demo rows are not audited: they are the starting point, not anyone's change. */
    db->no_audit = 1;
    rc = db_begin(db);
    if (!rc) rc = load(db);
    if (!rc) rc = db_commit(db);
    else db_rollback(db);
    if (rc) snprintf(err, errlen, "%s", db_errmsg(db));
    db_close(db);
    if (rc) {
        char side[1100];
        unlink(path);
        snprintf(side, sizeof side, "%s-wal", path); unlink(side);
        snprintf(side, sizeof side, "%s-shm", path); unlink(side);
    }
    return rc;
}
