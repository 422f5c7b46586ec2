/* dash: the dashboard of a commune or a province, the first screen. */
#ifndef NTM_TUI_DASH_H
#define NTM_TUI_DASH_H
#include "tui/screen.h"

extern const screen_kind dash_kind;
screen *dash_new(tui *t, int64_t unit_id, const char *crumb);
/* The very first screen: the dashboard this user last looked at; else the dashboard of
 * the only commune, else of the only province, else units_start. */
screen *dash_start(tui *t);
/* The unit a screen is the dashboard of; 0 when s is not a dashboard. */
int64_t dash_unit(const screen *s);
#endif
