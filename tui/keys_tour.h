/* keys_tour: the keys and screen-wide actions of inspection tours (tours, stops, checks, results, follow-ups, route sheets). */
#ifndef NTM_KEYS_TOUR_H
#define NTM_KEYS_TOUR_H
#include "tui/keymap.h"
#include "tui/screen.h"

enum {
    ACT_TOUR_FIRST = 200,
    ACT_TOURS = ACT_TOUR_FIRST,   /* t: the tours of this commune (unit lists, task list) */
    ACT_TOUR_OPEN,                /* Enter: open the selected tour (tour list) */
    ACT_TOUR_NEW,                 /* n: new tour (tour list) */
    ACT_TOUR_EDIT,                /* e: the tour's own fields (tour list; E on the tour) */
    ACT_TOUR_DELETE,              /* d: delete the tour (tour list) */
    ACT_TOUR_ALL,                 /* A: every commune's tours / this commune's (tour list) */
    ACT_TOUR_ITEM_EDIT,           /* e Enter: edit the selected stop or check (tour) */
    ACT_TOUR_STOP_ADD,            /* a */
    ACT_TOUR_STOP_UP,             /* K */
    ACT_TOUR_STOP_DOWN,           /* J */
    ACT_TOUR_REMOVE,              /* d: remove the selected stop or check */
    ACT_TOUR_CHECK_ADD,           /* c */
    ACT_TOUR_TEMPLATE,            /* T */
    ACT_TOUR_RESULTS,             /* R: type results by code */
    ACT_TOUR_PASS,                /* 1 */
    ACT_TOUR_FAIL,                /* 2 */
    ACT_TOUR_NA,                  /* 3 */
    ACT_TOUR_CLEAR,               /* 0 */
    ACT_TOUR_NOTE,                /* N */
    ACT_TOUR_FOLLOWUP,            /* F */
    ACT_TOUR_OPEN_ONLY,           /* o: only the open follow-ups */
    ACT_TOUR_PRINT,               /* p: route sheet */
    ACT_TOUR_PRINT_COMPACT,       /* P: compact route sheet */
    ACT_TOUR_SUMMARY,             /* s: summary of the results */
    ACT_TOUR_DETAIL,              /* v Tab: detail pane (tour) */
    ACT_TOUR_LAST
};

extern const keydef keys_tour[];
extern const int keys_tour_n;
/* An action that is not one screen's own (e.g. open the tour list from anywhere): flags, or -1
 * when this module does not handle it. */
int keys_tour_global(tui *t, screen *s, int action);
#endif
