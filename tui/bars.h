/* bars: the top bar (path, read-only mark, date), the status line and the bottom bar of
 * keys (read from the keymap for the screen on top). */
#ifndef NTM_BARS_H
#define NTM_BARS_H
#include "tui/screen.h"

void bars_top(tui *t);
void bars_status(tui *t);
void bars_keys(tui *t);
/* The status line (with keys, the key bar too: a long message goes on there) on the
 * terminal now, before work that takes a moment on an old PC. */
void bars_flush_status(tui *t, int keys);
#endif
