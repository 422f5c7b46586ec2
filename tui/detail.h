/* detail: the selected task's detail pane (right of the list, or below it when the
 * terminal is narrower than 100 columns). */
#ifndef NTM_DETAIL_H
#define NTM_DETAIL_H
#include "model/task.h"
#include <curses.h>

/* Paint w with d; d NULL: no task selected; err non-NULL: task_get failed with it. */
void detail_draw(WINDOW *w, int below, const task_detail *d, const char *err);
#endif
