/* keys_tour: the keys and screen-wide actions of inspection tours (tours, stops, checks, results, follow-ups, route sheets). */
#ifndef NTM_KEYS_TOUR_H
#define NTM_KEYS_TOUR_H
#include "tui/keymap.h"
#include "tui/screen.h"

enum {
    ACT_TOUR_FIRST = 200,
};

extern const keydef keys_tour[];
extern const int keys_tour_n;
/* An action that is not one screen's own (e.g. open the tour list from anywhere): flags, or -1
 * when this module does not handle it. */
int keys_tour_global(tui *t, screen *s, int action);
#endif
