/* detail: the selected task's detail pane (right of the list, or below it when the
 * terminal is narrower than 100 columns). */
#ifndef NTM_DETAIL_H
#define NTM_DETAIL_H
#include "model/task.h"
#include "tui/widgets/draw.h"
#include <curses.h>

/* Paint w with d; d NULL: no task selected; err non-NULL: task_get failed with it. */
void detail_draw(WINDOW *w, int below, const task_detail *d, const char *err);
/* Where the next "Label: value" goes in a detail pane, and the line it must stop above. */
typedef struct detail_pane { WINDOW *w; int y, x, width, ymax; } detail_pane;
/* "Label: value" (role r) at p->y wrapped over at most maxlines, never past p->ymax,
 * the label in bold; moves p->y down. Nothing when value is NULL or "". */
void detail_field(detail_pane *p, const char *label, const char *value, int maxlines, role r);
/* Clear w and draw the pane's edge and heading, shared by every detail pane (task,
 * tour, history) so they look alike: below the list a rule with " Chi tiết " in it;
 * beside it a vertical rule and side_title as a header line. Leaves R_NORMAL set. */
void detail_frame(WINDOW *w, int below, const char *side_title);
#endif
