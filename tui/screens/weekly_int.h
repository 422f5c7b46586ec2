/* weekly_int: the weekly report's screen, shared by weekly.c (the walk, the keys, the
 * start) and weekly_draw.c (the task's card, the two fields, the list of tasks). */
#ifndef NTM_TUI_WEEKLY_INT_H
#define NTM_TUI_WEEKLY_INT_H
#include "tui/screens/weekly.h"
#include "tui/widgets/textfield.h"
#include "model/task.h"

enum { QTY_MAX = 40, NOTE_MAX = 1000, QTY_W = 16 };

typedef struct weekly_screen {
    screen base;
    int64_t hamlet_id, commune_id;
    char hamlet[204];
    char date[11];               /* the report's date, 'YYYY-MM-DD' */
    char reporter[484];
    task_list tasks;             /* the open tasks when the walk began; numbers kept current */
    char *state;                 /* per task: 0 not yet, 's' report saved, 'k' skipped */
    double *added;               /* per task: what this walk's reports added */
    int saved, skipped;
    task_detail *det;            /* the current task's detail */
    int64_t det_id;
    textfield *qty, *note;
    int field;                   /* 0 quantity, 1 note */
    int typing;                  /* the walk is reading keys */
    char err[320];
    int cy, cx;                  /* the cursor on the focused field */
} weekly_screen;

/* weekly_draw.c: the draw op; the selected row and task (NULL when none); a task's
 * done/target as the card shows it ("1,4/2 km (70%)"). */
void weekly_draw(screen *s, tui *t, int flags);
void weekly_qty_text(const task_row *r, char *out, size_t n);
int weekly_cur_row(weekly_screen *w);
const task_row *weekly_cur_task(weekly_screen *w);
#endif
