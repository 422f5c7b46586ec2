/* registry: every kind of screen, one line each; a new screen adds its line here and
 * touches no other list. The keymap does not need it to dispatch (each screen points to
 * its kind); it is what the checks walk (tests/unit/test_tui_keymap.c: stable names,
 * no row hidden behind another) and, later, the [keys] section of ntm.ini. */
#include "tui/keymap.h"
#include "tui/screens/criteria.h"
#include "tui/screens/dash.h"
#include "tui/screens/goto.h"
#include "tui/screens/help.h"
#include "tui/screens/history.h"
#include "tui/screens/records.h"
#include "tui/screens/tasks/tasks.h"
#include "tui/screens/tour/tours.h"
#include "tui/screens/units.h"
#include "tui/screens/users.h"
#include "tui/screens/weekly.h"

const screen_kind *const screen_kinds[] = {
    &provinces_kind, &communes_kind, &hamlets_kind,
    &tasks_kind,
    &dash_kind,
    &criteria_kind,
    &history_kind,
    &records_kind,
    &weekly_kind,
    &tours_kind, &tour_kind,
    &goto_kind,
    &users_kind,
    &help_kind,
    &keymap_search, &keymap_small,
};
const int screen_kinds_n = KEYS_N(screen_kinds);
