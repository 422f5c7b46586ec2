/* global: the actions that work across screens (tui/global_keys.h): go to, the
 * dashboard and the criteria matrix of where the user is, undo, export, the tours, the
 * weekly report and the records lists of the commune. They read what the screen on top
 * shows through its ops (where, select, export), never its kind. */
#ifndef NTM_GLOBAL_H
#define NTM_GLOBAL_H
#include "tui/screen.h"

/* action: one of tui/global_keys.h, from a row of s's own table. Returns flags. */
int global_key(tui *t, screen *s, int action);
#endif
