/* filter: the task lists of the officer's screens: filters (campaign, hamlet, owner,
 * criterion, state), sort orders (deadline, progress, name in Vietnamese order), the
 * weekly-report walk of a hamlet's open tasks, and each user's last filter per screen
 * (table ui_state). Lists are per commune or per hamlet, read through their index. */
#ifndef NTM_FILTER_H
#define NTM_FILTER_H
#include "model/db.h"
#include "model/task.h"

enum { TQ_ALL, TQ_OPEN, TQ_DONE, TQ_OVERDUE, TQ_DUE7, TQ_CANCELLED, TQ_NSTATES };
enum { TQ_BY_DEADLINE, TQ_BY_PROGRESS, TQ_BY_NAME, TQ_NSORTS };

typedef struct task_query {
    int64_t commune_id;          /* required */
    int64_t hamlet_id;           /* 0: every task of the commune; -1: commune-wide only; >0 one hamlet */
    int64_t campaign_id, criterion_id;                     /* 0: any */
    int64_t owner_org_id, owner_person_id, owner_unit_id;  /* 0: any */
    int state;                   /* TQ_ALL ...: open (overdue included), done, overdue (open, deadline
                                    before today), due in 7 days (open, deadline today..today+7), cancelled */
    int sort;                    /* TQ_BY_DEADLINE (none last), TQ_BY_PROGRESS (least first), TQ_BY_NAME */
    int desc;                    /* reverse the order */
    const char *text;            /* search words as typed (title, owner, hamlet; accents ignored); not saved */
} task_query;

/* Fill out (a task_list of model/task.h; free with task_list_free). */
int  filter_tasks(ntm_db *db, const task_query *q, task_list *out);
/* What a state means for a task (today 'YYYY-MM-DD'): the status it must have ("" any)
 * and the bounds of its deadline (from..to, "" none). */
void filter_state_bounds(const char *today, int state, const char **status, char from[11], char to[11]);
/* The weekly-report walk: the open tasks of a hamlet, earliest deadline first. */
int  filter_weekly(ntm_db *db, int64_t hamlet_id, task_list *out);
/* A row's progress for sorting and bars: done counts 1, else min(done/target, 1), else 0. */
double task_row_progress(const task_row *r);
const char *filter_state_label(int state);              /* UI language */
const char *filter_sort_label(int sort);

/* The user's (db_user) last filter of a screen ("tasks", "weekly", ...). Restoring into
 * a query for another commune keeps only the state and the sort order; commune_id 0
 * takes the saved commune too. DB_NOTFOUND when nothing was saved (q untouched). Ids
 * that no longer exist are dropped. */
int  filter_save(ntm_db *db, const char *screen, const task_query *q);
int  filter_restore(ntm_db *db, const char *screen, task_query *q);
#endif
