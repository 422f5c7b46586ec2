/* tasks: a hamlet's tasks, a commune's commune-wide ones or every task of a commune,
 * with the selected task's detail (tui/screens/tasks/). */
#ifndef NTM_TUI_TASKS_H
#define NTM_TUI_TASKS_H
#include "tui/screen.h"

extern const screen_kind tasks_kind;
/* hamlet_id: the hamlet's tasks; -1: the commune-wide ones; 0: every task of the commune. */
screen *tasks_new(tui *t, int64_t commune_id, int64_t hamlet_id, const char *crumb);
#endif
