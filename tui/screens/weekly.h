/* weekly: a hamlet's weekly report typed in one pass, task by task (w). */
#ifndef NTM_TUI_WEEKLY_H
#define NTM_TUI_WEEKLY_H
#include "tui/screen.h"

extern const screen_kind weekly_kind;
/* Asks the report's date and who reports, then walks the hamlet's open tasks. */
int weekly_open(tui *t, int64_t hamlet_id);
#endif
