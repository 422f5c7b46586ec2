/* history: a task's reports and changes, newest first; its progress reports can be
 * corrected (e) or deleted (d). */
#ifndef NTM_TUI_HISTORY_H
#define NTM_TUI_HISTORY_H
#include "tui/screen.h"

extern const screen_kind history_kind;
screen *history_new(tui *t, int64_t task_id, const char *title);
#endif
