/* tour_screen: one tour's screen, shared by tour.c (rows, reload, actions) and
 * tour_draw.c (the list, the detail pane, the texts they show). */
#ifndef NTM_TUI_TOUR_SCREEN_H
#define NTM_TUI_TOUR_SCREEN_H
#include "tui/screens/tour/tour.h"
#include <stddef.h>

typedef struct { int stop, check; } trow;       /* check -1: the stop's own row */

typedef struct tour_screen {
    screen base;
    int64_t tour_id;
    tour_full tf;
    trow *rows;
    int nrows;
    int open_only;             /* o: only failed checks whose follow-up is not done */
    char want_kind;            /* after the next reload select: 's' stop, 'k' check, 0 keep */
    int64_t want_id;
    int64_t hh_id;             /* household named in the detail pane (cached) */
    char hh_name[484];
} tour_screen;

/* tour.c: the stop and the check (NULL on a stop's own row) of a data row. */
const tour_stop_row *tour_row_stop(const tour_screen *ts, int row);
const tour_check_row *tour_row_check(const tour_screen *ts, int row);
/* tour_draw.c: the draw op; a check's code ("3.5"); its follow-up in words ("HPN, hạn
 * 15/07/2021 (quá hạn 340 ngày)"). */
void tour_draw(screen *s, tui *t, int flags);
void tour_code(const tour_check_row *k, char *out, size_t n);
void tour_followup_text(tui *t, const tour_check_row *k, char *out, size_t n);
#endif
