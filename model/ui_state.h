/* ui_state: small per-user preferences kept in the database (table ui_state, schema 2):
 * the last filter of a list, the dashboard to open first. Not audited, never travels. */
#ifndef NTM_UI_STATE_H
#define NTM_UI_STATE_H
#include "model/db.h"

/* The value of key for the current Unix user: DB_OK, DB_NOTFOUND, or an error. */
int ui_state_get(ntm_db *db, const char *key, char *out, size_t n);
/* Store it (a read-only database quietly keeps nothing: DB_READONLY, no message). */
int ui_state_set(ntm_db *db, const char *key, const char *value);
#endif
