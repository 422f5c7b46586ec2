/* criteria: the criteria matrix of a commune (the commune and its hamlets) or of a
 * province (its communes); its select op puts the cursor on a unit's row. */
#ifndef NTM_TUI_CRITERIA_H
#define NTM_TUI_CRITERIA_H
#include "tui/screen.h"

extern const screen_kind criteria_kind;
screen *criteria_new(tui *t, int64_t unit_id, const char *crumb);
#endif
