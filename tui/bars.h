/* bars: the top bar (path, read-only mark, date), the status line and the bottom bar of
 * keys (read from the keymap for the screen on top). */
#ifndef NTM_BARS_H
#define NTM_BARS_H
#include "tui/screen.h"

void bars_top(tui *t);
void bars_status(tui *t);
void bars_keys(tui *t);
#endif
