/* tours: the inspection tours of a commune, and one tour's stops and checks
 * (tui/screens/tour/). */
#ifndef NTM_TUI_TOURS_H
#define NTM_TUI_TOURS_H
#include "tui/screen.h"

extern const screen_kind tours_kind, tour_kind;
/* The tours of a commune (0: of every commune), newest first. */
screen *tours_new(tui *t, int64_t commune_id, const char *crumb);
#endif
