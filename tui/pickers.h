/* pickers: the candidates of the forms' reference fields (owners, hamlets, criteria,
 * campaigns, places), read from the model when a picker opens, and the labels a field
 * being edited starts with. Two encodings of an owner in a picker id exist: the data
 * entry forms' (entry_owner_code: the kind in the high bits) and the views' (the task
 * filter and the criteria cell: view_owner_code, the kind in the two low bits). */
#ifndef NTM_PICKERS_H
#define NTM_PICKERS_H
#include "model/db.h"
#include "model/pick.h"
#include "tui/widgets/picker.h"
#include <stddef.h>
#include <stdint.h>

/* Candidates of a REF field, read when the picker opens. */
typedef struct entry_pick {
    ntm_db *db;
    int64_t commune_id;
    int owner_kinds;             /* owners: PICK_ORG | PICK_PERSON | PICK_HAMLET */
    int whole;                   /* hamlets: first a "— toàn xã" row (id ENTRY_WHOLE) */
} entry_pick;
enum { ENTRY_WHOLE = -1 };       /* the hamlet REF value meaning "the whole commune" */
void entry_fill_owners(void *ctx, picker *p);
void entry_fill_hamlets(void *ctx, picker *p);
void entry_fill_criteria(void *ctx, picker *p);
void entry_fill_campaigns(void *ctx, picker *p);
/* The commune itself, then its hamlets (where a person works). */
void entry_fill_places(void *ctx, picker *p);
const char *entry_whole_label(void);

/* Owners share one picker: the kind is kept in the id. */
int64_t entry_owner_code(char kind, int64_t id);      /* kind 'o', 'p', 'h' */
char    entry_owner_kind(int64_t code, int64_t *id);  /* 0 when code is 0 */
/* The label a picker shows for an id (to fill a field being edited); "" when not found.
 * what: 'o' 'p' 'h' (owners), 'H' (hamlets), 'P' (places: "Xã ...", "Thôn ..."), 'c' (criteria),
 * 'g' (campaigns). */
void entry_label(ntm_db *db, int64_t commune_id, char what, int64_t id, char *out, size_t n);

/* The views' pickers (the task list's filter form, the criteria matrix's cell form):
 * candidates of a commune (owners: organisations, people and hamlets as asked in kinds,
 * with picker ids from view_owner_code). none (a msgid): a first row with id 0 (no
 * choice), or NULL. */
enum { VIEW_PICK_OWNER, VIEW_PICK_HAMLET, VIEW_PICK_CRITERION, VIEW_PICK_CAMPAIGN };
typedef struct view_pick {
    ntm_db *db;
    int64_t commune_id;
    int what, kinds;
    const char *none;
} view_pick;
int64_t view_owner_code(char kind, int64_t id);     /* kind: 'o' org, 'p' person, 'h' hamlet */
char    view_owner_kind(int64_t code);              /* the kind back from the code */
int  view_pick_load(ntm_db *db, const view_pick *v, pick_list *out);
void view_pick_fill(void *ctx, picker *p);          /* a form_spec fill callback */
/* The label of the candidate with this picker id; -1 when there is none. */
int  view_pick_label(const view_pick *v, int64_t code, char *out, size_t n);
#endif
