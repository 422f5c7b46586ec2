/* cli_sync: `ntm sync ...` (tui/cli_sync.c), and what its report commands share with it
 * (tui/cli_sync_report.c: status, conflicts, directive). Curses-free. */
#ifndef NTM_CLI_SYNC_H
#define NTM_CLI_SYNC_H
#include "tui/cli/cli.h"
#include "model/db.h"

typedef struct {
    const char *commune, *forc, *out, *province, *title, *number, *due, *text;
    int no_ack, tsv, note;
    const char *files[1024];
    int nfiles;
} sync_args;

int  cli_sync(const cli_opts *o, ntm_config *cfg);
int  cli_sync_status(const sync_args *a, ntm_config *cfg);
int  cli_sync_conflicts(const sync_args *a, ntm_config *cfg);
int  cli_sync_directive(const sync_args *a, ntm_config *cfg);

/* Shared helpers: a usage error (exit 2), the database opened (message printed; NULL),
 * the model's error printed and the database closed (exit 1), --commune or the only one. */
int     sync_usage(const char *what);
ntm_db *sync_open(ntm_config *cfg, int flags);
int     sync_failed(ntm_db *db);
int     sync_pick_commune(ntm_db *db, const char *name, int64_t *id);
#endif
