/* keys_view: the keys and screen-wide actions of the views (dashboard, criteria matrix, task history and its report corrections, list filters and sort, undo). */
#ifndef NTM_KEYS_VIEW_H
#define NTM_KEYS_VIEW_H
#include "tui/keymap.h"
#include "tui/screen.h"

enum {
    ACT_VIEW_FIRST = 300,
    ACT_VIEW_DASH = ACT_VIEW_FIRST,   /* D: the dashboard of the selected/current commune or province */
    ACT_VIEW_OPEN,                    /* Enter l (dashboard): the hamlet's tasks, the commune's dashboard */
    ACT_VIEW_UNITS,                   /* X (dashboard): the unit lists under it */
    ACT_VIEW_TASKS,                   /* T (dashboard): every task of the commune */
    ACT_VIEW_CRITERIA,                /* C: the criteria matrix */
    ACT_VIEW_HISTORY,                 /* H (task list): the selected task's history */
    ACT_VIEW_FILTER,                  /* F (task list): the filter form */
    ACT_VIEW_SORT,                    /* o (task list): next sort order */
    ACT_VIEW_OVERDUE,                 /* ! (task list): overdue only / all */
    ACT_VIEW_UNDO,                    /* u: undo the user's last change */
    ACT_VIEW_STATUS,                  /* s (criteria): next status */
    ACT_VIEW_MET,                     /* 1 */
    ACT_VIEW_NOT_MET,                 /* 2 */
    ACT_VIEW_AT_RISK,                 /* 3 */
    ACT_VIEW_DOSSIER,                 /* o (criteria): next dossier state */
    ACT_VIEW_EDIT,                    /* e Enter (criteria): the cell's form */
    ACT_VIEW_LEFT,                    /* h ← (criteria): previous criterion */
    ACT_VIEW_RIGHT,                   /* l → (criteria): next criterion */
    ACT_VIEW_REPORT_EDIT,             /* e (history): correct the selected progress report */
    ACT_VIEW_REPORT_DELETE,           /* d Delete (history): delete the selected progress report (asks) */
    ACT_VIEW_EXPORT,                  /* x (every list): what the list shows to CSV/XLSX */
    ACT_VIEW_GOTO,                    /* m F4: go to anything, searching every level */
    ACT_VIEW_LAST
};

extern const keydef keys_view[];
extern const int keys_view_n;
/* An action that is not one screen's own (e.g. open the dashboard from anywhere): flags, or -1
 * when this module does not handle it. */
int keys_view_global(tui *t, screen *s, int action);
#endif
