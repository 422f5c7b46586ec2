/* keys_entry: key table rows for this module (bar order within the module). */
#include "tui/keys_entry.h"
#include "model/i18n.h"
#include <curses.h>

const keydef keys_entry[] = {
    { ACT_NONE, NULL, 0, { 0 }, NULL, NULL, NULL, NULL, NULL, 0 },   /* placeholder: no keys yet */
};
const int keys_entry_n = 0;

int keys_entry_global(tui *t, screen *s, int action)
{
    (void)t; (void)s; (void)action;
    return -1;
}
