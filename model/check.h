/* check: what `ntm check` looks at: SQLite's own checks of the file and the totals the
 * triggers keep (task.done_qty, task_tally, task_open_month) against a recount. */
#ifndef NTM_CHECK_H
#define NTM_CHECK_H
#include "model/db.h"

typedef void (*check_out)(void *ctx, int problem, const char *text);
/* Each check reports a line ("integrity_check: ok") or one line per problem (at most
 * 20 a check, then how many more). Returns the number of problems, or DB_ERR/DB_BUSY
 * (db_errmsg) when a check could not run. */
int db_check(ntm_db *db, check_out out, void *ctx);
#endif
