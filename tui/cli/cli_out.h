/* cli_out: stdout and stderr of the commands with unsafe code points shown as
 * placeholders (cli_out.c). */
#ifndef NTM_CLI_OUT_H
#define NTM_CLI_OUT_H
/* From here on, what the process prints goes through the guard. Once; before any output
 * a command makes (cli_main calls it before running a command). */
void cli_out_guard(void);
#endif
