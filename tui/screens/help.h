/* help: the keys of a kind of screen, from its rows (keymap.h), then the search keys and
 * the marks; Esc, q or ? closes it. */
#ifndef NTM_TUI_HELP_H
#define NTM_TUI_HELP_H
#include "tui/screen.h"

extern const screen_kind help_kind;
screen *help_new(tui *t, const screen_kind *for_kind);
#endif
