/* ntm: entry point. The options, ntm.ini and the commands are tui/cli/'s (the same code
 * as ntm-batch); with no command, the full screen. */
#include "tui/app.h"
#include "tui/cli/cli.h"
#include "tui/keymap.h"
#include "model/db.h"
#include <stdio.h>

static int full_screen(ntm_config *cfg)
{
    ntm_db *db;
    char err[1024];
    /* [keys] is checked against the screens' tables before anything opens: a wrong line
     * is an ntm.ini error like any other (exit status 1, file:line). */
    if (keymap_configure(cfg, err, sizeof err) != 0) {
        fprintf(stderr, "ntm: %s\n", err);
        return 1;
    }
    if (db_open(&db, cfg->db_path, 0, cfg->busy_timeout_ms, err, sizeof err) != DB_OK) {
        fprintf(stderr, "ntm: %s\n", err);
        return 1;
    }
    backup_at_start(db, cfg);                       /* the day's first start: a backup, in the background */
    int rc = tui_run(db, cfg);
    db_close(db);
    return rc;
}

/* `ntm keys` needs the screens' tables, which the commands (no curses) do not link. */
static int keys_command(const cli_opts *o, ntm_config *cfg) { return keymap_print(cfg); }

int main(int argc, char **argv)
{
    cli_keys_hook = keys_command;
    return cli_main(argc, argv, full_screen);
}
