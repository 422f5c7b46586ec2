/* goto: search every level and open what was found (m, F4). */
#ifndef NTM_TUI_GOTO_H
#define NTM_TUI_GOTO_H
#include "tui/screen.h"

extern const screen_kind goto_kind;
/* The go-to screen; push it with t->searching set, so typing goes to its query. */
screen *goto_new(tui *t);
#endif
