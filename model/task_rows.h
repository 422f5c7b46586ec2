/* task_rows: private to the model's .c files. Filling a task_list (task.h) from a
 * statement, shared by task_list_load and filter_tasks: rows are gathered with their
 * strings as offsets into one growing arena (the arena may move while it grows), may be
 * sorted, and only then get their string pointers. */
#ifndef NTM_TASK_ROWS_H
#define NTM_TASK_ROWS_H
#include "model/db.h"
#include "model/task.h"

/* The columns task_row_read and task_gather_add read, first in the statement
 * (3..6: title, title key, owner, hamlet; 7 the unit), and the joins they need.
 * TASK_ROW_NCOLS: the first column after them. */
#define TASK_ROW_COLS \
    "t.id, coalesce(t.hamlet_id, 0), t.version, t.title, t.title_key, " \
    "trim(coalesce(o.short_name, o.name, '') || CASE WHEN o.id IS NOT NULL AND p.id IS NOT NULL THEN ', ' ELSE '' END " \
    "  || coalesce(p.full_name, '') || CASE WHEN o.id IS NULL AND p.id IS NULL THEN coalesce(ou.name, '') ELSE '' END), " \
    "coalesce(h.name, ''), coalesce(t.qty_unit, ''), coalesce(t.deadline, ''), " \
    "coalesce(t.target_qty, -1), t.done_qty, t.status, coalesce(t.code, 0), coalesce(t.campaign_id, 0) "
#define TASK_ROW_NCOLS 14
#define TASK_ROW_JOINS \
    "FROM task t LEFT JOIN org o ON o.id = t.owner_org_id LEFT JOIN person p ON p.id = t.owner_person_id " \
    "LEFT JOIN unit ou ON ou.id = t.owner_unit_id LEFT JOIN unit h ON h.id = t.hamlet_id "

/* The row's numbers, deadline and status (not its strings, nor the unit); today is 'YYYY-MM-DD'. */
void task_row_read(sqlite3_stmt *st, task_row *r, const char *today);

/* sort and progress are for the caller's ordering (sort is malloc'd, freed here). */
typedef struct { task_row r; size_t off[5]; char *sort; double progress; } task_item;
typedef struct { task_item *v; int n, cap; char *arena; size_t used, cap_a; int oom; } task_gather;

/* Append the statement's current row; NULL (and g->oom set) when out of memory. */
task_item *task_gather_add(task_gather *g, sqlite3_stmt *st, const char *today);
/* Hand the gathered rows over to out (memset by the caller), in their order, and free
 * the rest of g. step_rc is the last sqlite3_step result: out of memory or a step
 * error frees everything and returns the error. */
int  task_gather_done(ntm_db *db, task_gather *g, int step_rc, task_list *out);
#endif
