/* ntm: entry point. Options and config first, then a command or the full screen. */
#include "tui/app.h"
#include "tui/cli.h"
#include "model/date.h"
#include "model/db.h"
#include "model/i18n.h"
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    cli_opts o;
    ntm_config cfg;
    char err[1024];
    setlocale(LC_ALL, "");
    int rc = cli_parse(argc, argv, &o);
    if (rc) return rc == 1 ? 0 : 2;
    if (config_load(&cfg, o.config_path, err, sizeof err) != 0) {
        fprintf(stderr, "ntm: %s\n", err);
        return 1;
    }
    ntm_lang_en = cfg.lang == NTM_LANG_EN;
    if (o.db_path) snprintf(cfg.db_path, sizeof cfg.db_path, "%s", o.db_path);
    if (o.body) snprintf(cfg.issuer, sizeof cfg.issuer, "%s", o.body);
    /* --today wins over the clock and over a demo's meta.as_of (db_today). Forced here:
     * cli_parse already read (and cached) the clock while parsing the date. */
    if (o.today) { setenv("NTM_TODAY", o.today, 1); date_force_today(o.today); }
    db_set_backup_dir(cfg.backup_dir);               /* a damaged file's message names the newest backup */
    if (o.argc > 0) return cli_run(&o, &cfg);

    ntm_db *db;
    if (db_open(&db, cfg.db_path, 0, cfg.busy_timeout_ms, err, sizeof err) != DB_OK) {
        fprintf(stderr, "ntm: %s\n", err);
        return 1;
    }
    backup_at_start(db, &cfg);                      /* the day's first start: a backup, in the background */
    rc = tui_run(db, &cfg);
    db_close(db);
    return rc;
}
