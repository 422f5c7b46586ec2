/* ntm-batch: the commands of ntm (report, export, import, tours, demo, reindex,
 * config...) without the full screen, linked without curses, for cron jobs and servers
 * that have no terminal library. Same options, messages and exit status as ntm. */
#include "tui/cli/cli.h"

int main(int argc, char **argv) { return cli_main(argc, argv, NULL); }
