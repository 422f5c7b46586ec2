/* cli: the command line (ntm [options] [COMMAND]) for scripts and for checking. The
 * room links no curses: ntm-batch (tui/cli/main_batch.c) is these commands alone, for a
 * cron job or a province server without a terminal library; ntm runs the same code and,
 * with no command, the full screen. */
#ifndef NTM_CLI_H
#define NTM_CLI_H
#include "config/config.h"
#include "model/db.h"
#include <stdio.h>

typedef struct cli_opts {
    const char *config_path;     /* --config */
    const char *db_path;         /* --db */
    const char *today;           /* --today, 'YYYY-MM-DD' after parsing */
    const char *body;            /* --body: the issuing body's code ([letterhead] issuer) */
    char today_buf[11];
    int argc;                    /* the command and its arguments */
    char **argv;
} cli_opts;

/* The whole program: the options, ntm.ini, then the command, or full_screen(cfg) when
 * there is none (NULL: a usage error, for ntm-batch). Returns the exit status. */
int  cli_main(int argc, char **argv, int (*full_screen)(ntm_config *cfg));
/* Parse the global options; returns 0, 1 when done (help/version printed), 2 on a usage error. */
int  cli_parse(int argc, char **argv, cli_opts *o);
void cli_usage(FILE *out);
/* Run the command in o->argv (argc > 0); returns the exit status. */
int  cli_run(const cli_opts *o, ntm_config *cfg);
/* The database of cfg opened for a command (flags: db_open's), or NULL with the reason
 * on stderr. */
ntm_db *cli_open_db(const ntm_config *cfg, int flags);
/* tui/cli/cli_tour.c: `tours`, `report route`, `report tour-summary`. */
int  cli_tours(const cli_opts *o, ntm_config *cfg);
int  cli_report_tour(const cli_opts *o, ntm_config *cfg, int summary);
/* tui/cli/cli_export.c: `export KIND ... -o FILE.csv|FILE.xlsx`. */
int  cli_export(const cli_opts *o, ntm_config *cfg);
/* tui/cli/cli_issuer.c: `issuers [--commune NAME|ID]`. */
int  cli_issuers(const cli_opts *o, ntm_config *cfg);
int  cli_criteria(const cli_opts *o, ntm_config *cfg);
/* tui/cli/cli_import.c: `import hamlets|households|tasks FILE [--commune X] [--dry-run]`. */
int  cli_import(const cli_opts *o, ntm_config *cfg);
/* tui/cli/cli_period.c: `report weekly|monthly|daily|criteria` (o->argv[1] says which). */
int  cli_report_period(const cli_opts *o, ntm_config *cfg);
/* tui/cli/cli_backup.c: `backup [FILE] [--daily]`, `restore FILE`, `check`. */
int  cli_backup(const cli_opts *o, ntm_config *cfg);
int  cli_restore(const cli_opts *o, ntm_config *cfg);
int  cli_check(const cli_opts *o, ntm_config *cfg);
/* tui/cli/cli_keys.c: `keys`, through the hook ntm sets (tui/keys_list.c; NULL in ntm-batch). */
int  cli_keys(const cli_opts *o, ntm_config *cfg);
extern int (*cli_keys_hook)(const cli_opts *o, ntm_config *cfg);
/* tui/cli/cli_users.c: `users [list]`, `users add|set|remove LOGIN ...`. */
int  cli_users(const cli_opts *o, ntm_config *cfg);
/* At the start of the full-screen interface: the day's first start makes the daily
 * backup in the background; why it cannot goes to db_notice. */
void backup_at_start(ntm_db *db, const ntm_config *cfg);
#endif
