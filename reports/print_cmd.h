/* print_cmd: send a written PDF to the print command of ntm.ini ([output] print_command,
 * e.g. "lp -d office"), without a shell: the command is split into words and the file
 * is passed as one more argument, so no file name can be read as shell syntax. */
#ifndef NTM_PRINT_CMD_H
#define NTM_PRINT_CMD_H
#include "config/config.h"
#include <stddef.h>

/* Returns 0 when the command ran and exited 0; 1 when no command is configured (msg then
 * says where the file is, to fetch it over SFTP); -1 on failure (msg says why). */
int report_print(const ntm_config *cfg, const char *pdf_path, char *msg, size_t n);
/* Split a command line into at most max-1 words (single and double quotes group words;
 * no other shell syntax). words points into buf. Returns the word count or -1. */
int print_split(const char *cmd, char *buf, size_t bufn, char **words, int max);
/* Run argv[0] (searched in PATH, no shell) with argv and wait for it. quiet: its
 * stdin, stdout and stderr on /dev/null (it must not write on a curses screen); else it
 * shares the terminal (scp's password prompt). Returns its exit status, -1 when it was
 * killed, or -2 when it could not be run, with errno's reason in *why (the print
 * command and `ntm sync push`). */
int run_argv(char *const argv[], int quiet, int *why);
#endif
