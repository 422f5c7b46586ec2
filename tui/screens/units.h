/* units: the lists of provinces, of a province's communes, of a commune's hamlets
 * (units.c), and their forms (units_forms.c). */
#ifndef NTM_TUI_UNITS_H
#define NTM_TUI_UNITS_H
#include "tui/screen.h"

extern const screen_kind provinces_kind, communes_kind, hamlets_kind;
/* level: what the rows are, 'p' provinces (parent 0), 'c' communes, 'h' hamlets. */
screen *units_new(tui *t, char level, int64_t parent_id, const char *crumb);
/* The first screen: the provinces, or the communes when there is only one province. */
screen *units_start(tui *t);

/* ---- the lists' own forms (units_forms.c) ---- */
/* n: a new commune ('c') or hamlet ('h') under parent_id; e, d: a unit; S: a status
 * (danh hiệu); A: one criterion's state (commune_id: where the owners come from). */
int entry_unit_new(tui *t, char kind, int64_t parent_id);
int entry_unit_edit(tui *t, int64_t id);
int entry_unit_delete(tui *t, int64_t id);
int entry_unit_status(tui *t, int64_t id);
int entry_unit_criterion(tui *t, int64_t id, int64_t commune_id);
#endif
