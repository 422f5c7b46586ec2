/* app: the full-screen program (ncursesw). */
#ifndef NTM_APP_H
#define NTM_APP_H
#include "config/config.h"
#include "model/db.h"
/* Run until the user quits; returns the process exit status. */
int tui_run(ntm_db *db, const ntm_config *cfg);
#endif
