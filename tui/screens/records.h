/* records: the records lists (records.c): a commune's organisations, people and
 * campaigns, a hamlet's households; and their forms (records_forms.c). */
#ifndef NTM_TUI_RECORDS_H
#define NTM_TUI_RECORDS_H
#include "tui/screen.h"

enum { REC_ORGS = 'o', REC_PEOPLE = 'p', REC_CAMPAIGNS = 'g', REC_HOUSEHOLDS = 'h' };

extern const screen_kind records_kind;
/* unit_id: the commune (a hamlet for households). */
screen *records_new(tui *t, char what, int64_t unit_id, int64_t commune_id, const char *crumb);
/* Push the list of what, named after its unit; from (NULL: none) is the screen the key
 * was pressed on: a records list there gives its place to the new one. */
int records_open(tui *t, screen *from, char what, int64_t unit_id, int64_t commune_id);

/* ---- the lists' own forms (records_forms.c) ---- */
int entry_record_new(tui *t, char what, int64_t unit_id, int64_t commune_id);
int entry_record_edit(tui *t, char what, int64_t id, int64_t unit_id, int64_t commune_id);
int entry_record_delete(tui *t, char what, int64_t id, const char *name);
#endif
