/* keys_view: the keys and screen-wide actions of the views (dashboard, criteria matrix, task history, list filters and sort, undo). */
#ifndef NTM_KEYS_VIEW_H
#define NTM_KEYS_VIEW_H
#include "tui/keymap.h"
#include "tui/screen.h"

enum {
    ACT_VIEW_FIRST = 300,
};

extern const keydef keys_view[];
extern const int keys_view_n;
/* An action that is not one screen's own (e.g. open the dashboard from anywhere): flags, or -1
 * when this module does not handle it. */
int keys_view_global(tui *t, screen *s, int action);
#endif
