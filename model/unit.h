/* unit: provinces, communes and hamlets (thôn). */
#ifndef NTM_UNIT_H
#define NTM_UNIT_H
#include "model/db.h"

typedef struct unit_row {
    int64_t id, parent_id;
    char kind;                 /* 'p' province, 'c' commune, 'h' hamlet */
    char name[204];
    char name_key[204];        /* folded, for search-as-you-type */
    char district[64];
    char status[96];           /* current status label in the UI language, or "" */
    int  n_children;
} unit_row;

typedef struct { unit_row *v; int n; } unit_list;

/* Task counts of a unit (its hamlets and communes included), as of db_today(). */
typedef struct { int total, done, open, overdue, due_week; double pct; } unit_counts;

/* Children of parent in Vietnamese order; parent 0 lists the provinces. */
int  unit_children(ntm_db *db, int64_t parent_id, unit_list *out);
void unit_list_free(unit_list *l);
int  unit_get(ntm_db *db, int64_t id, unit_row *out);
int  unit_count_tasks(ntm_db *db, const unit_row *u, unit_counts *out);
/* Resolve a name (accents ignored, whole or part) or a numeric id among units of
 * kind ('p', 'c' or 'h'), under parent (0: anywhere). On DB_NOTFOUND or DB_INVALID
 * (ambiguous) db_errmsg lists the candidates. */
int  unit_find(ntm_db *db, char kind, int64_t parent_id, const char *name_or_id, int64_t *id);
#endif
