/* actions: turn one key into changes and the flags saying what to repaint. */
#ifndef NTM_ACTIONS_H
#define NTM_ACTIONS_H
#include "tui/screen.h"

/* code: a character, or KEY_FN(curses key code). Returns REDRAW_/RELOAD/RELAYOUT/QUIT flags. */
int tui_key(tui *t, int code);
#endif
