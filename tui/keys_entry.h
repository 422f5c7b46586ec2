/* keys_entry: the keys and screen-wide actions of data entry (forms for every record, progress reports, the weekly report). */
#ifndef NTM_KEYS_ENTRY_H
#define NTM_KEYS_ENTRY_H
#include "tui/keymap.h"
#include "tui/screen.h"

enum {
    ACT_ENTRY_FIRST = 100,
    ACT_ENTRY_NEW = ACT_ENTRY_FIRST,   /* n: a new commune, hamlet, task or record */
    ACT_ENTRY_EDIT,                    /* e: edit the selected row */
    ACT_ENTRY_DELETE,                  /* d: delete the selected row (asks) */
    ACT_ENTRY_PROGRESS,                /* p: a progress report on the selected task */
    ACT_ENTRY_WEEKLY,                  /* w: the weekly report of a hamlet */
    ACT_ENTRY_WEEKLY_GO,               /* w, Enter on the weekly screen: type (again) */
    ACT_ENTRY_WEEKLY_TOTAL,            /* = on the weekly screen: type a new total */
    ACT_ENTRY_WEEKLY_SKIP,             /* s on the weekly screen: skip the selected task */
    ACT_ENTRY_CAMPAIGNS,               /* c: the commune's campaigns */
    ACT_ENTRY_ORGS,                    /* O: the commune's organisations */
    ACT_ENTRY_PEOPLE,                  /* P: the commune's people */
    ACT_ENTRY_HOUSEHOLDS,              /* E: the hamlet's households */
    ACT_ENTRY_STATUS,                  /* S: a status (danh hiệu) of the commune or hamlet */
    ACT_ENTRY_CRITERION,               /* A: a criterion's state for the commune or hamlet */
    ACT_ENTRY_TYPEBACK,                /* R: type a filled task sheet back by code (task list) */
    ACT_ENTRY_LAST = ACT_ENTRY_TYPEBACK
};

extern const keydef keys_entry[];
extern const int keys_entry_n;
/* An action that is not one screen's own (e.g. open the dashboard from anywhere): flags, or -1
 * when this module does not handle it. */
int keys_entry_global(tui *t, screen *s, int action);
#endif
