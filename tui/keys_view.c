/* keys_view: key table rows for this module (bar order within the module). */
#include "tui/keys_view.h"
#include "model/i18n.h"
#include <curses.h>

const keydef keys_view[] = {
    { ACT_NONE, NULL, 0, { 0 }, NULL, NULL, NULL, NULL, NULL, 0 },   /* placeholder: no keys yet */
};
const int keys_view_n = 0;

int keys_view_global(tui *t, screen *s, int action)
{
    (void)t; (void)s; (void)action;
    return -1;
}
