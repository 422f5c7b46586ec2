/* keys_entry: the keys and screen-wide actions of data entry (forms for every record, progress reports, the weekly report). */
#ifndef NTM_KEYS_ENTRY_H
#define NTM_KEYS_ENTRY_H
#include "tui/keymap.h"
#include "tui/screen.h"

enum {
    ACT_ENTRY_FIRST = 100,
};

extern const keydef keys_entry[];
extern const int keys_entry_n;
/* An action that is not one screen's own (e.g. open the dashboard from anywhere): flags, or -1
 * when this module does not handle it. */
int keys_entry_global(tui *t, screen *s, int action);
#endif
