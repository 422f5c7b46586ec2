/* dash_int: the dashboard's state, shared by dash.c (data, keys) and dash_draw.c. */
#ifndef NTM_TUI_DASH_INT_H
#define NTM_TUI_DASH_INT_H
#include "tui/screens/dash.h"
#include "model/dashboard.h"
#include "model/sync.h"

typedef struct dash_screen {
    screen base;
    int64_t unit_id;
    dashboard d;
    int rc;                     /* dashboard_load's result (the message is in err) */
    char err[512];
    int top_rank, top_late, top_fu;   /* first row shown of each section, as positions */
    int n_ranked, n_top, n_bottom;    /* the papers' pick: praised first n_top, named last n_bottom */
    /* a province file fed by its communes' sync files: when each one's numbers came */
    sync_commune *sync; int n_sync;
    int *sync_of;                     /* per rank: its index in sync, -1 none; NULL: no roll-up */
} dash_screen;

/* The draw op (dash_draw.c). */
void dash_draw(screen *s, tui *t, int flags);
#endif
