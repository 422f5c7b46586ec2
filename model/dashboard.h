/* dashboard: the officer's first screen. For a commune: the current campaign and its
 * days left; tasks done, open, overdue and due this week; the hamlets ranked by
 * progress; criteria met X/N under the commune's set; the most overdue tasks. For a
 * province: the same numbers summed over its communes, the communes ranked. */
#ifndef NTM_DASHBOARD_H
#define NTM_DASHBOARD_H
#include "model/db.h"
#include "model/task.h"

/* Cancelled tasks are counted apart and left out of everything else. overdue: open,
 * deadline before today; due_week: open, deadline from today to today + 7 (as
 * unit_count_tasks). progress: the mean over tasks of 1 for a done task, else
 * min(done/target, 1) when there is a target, else 0. */
typedef struct dash_counts {
    int total, done, open, overdue, due_week, cancelled;
    double progress;             /* 0..1 */
} dash_counts;

typedef struct dash_rank {
    int64_t id;
    char name[204];
    dash_counts c;
    int criteria_met, criteria_total;   /* under the unit's own set; 0/0 when it has none */
} dash_rank;

typedef struct dash_late {
    int64_t id, commune_id;
    char title[512], owner[256], hamlet[204], commune[204], deadline[11], qty_unit[TASK_UNIT_SIZE];
    int days_late;
    double target, done;         /* target < 0: no quantity */
} dash_late;

typedef struct dashboard {
    int64_t unit_id;
    char kind;                   /* 'c' commune, 'p' province */
    char name[204];
    /* the current campaign (communes only) */
    int64_t campaign_id;         /* 0: none */
    char campaign_name[1204], campaign_doc[204], campaign_start[11], campaign_end[11];
    int campaign_days_left, campaign_running;
    dash_counts counts;
    dash_rank *ranks; int n_ranks;        /* hamlets (commune) or communes (province), best first
                                             by the papers' rule (period_rank_cmp) */
    int criteria_met, criteria_total;     /* commune: its set; province: summed over communes */
    char set_name[404];                   /* commune only */
    dash_late *late; int n_late;          /* most overdue first; then the n_followups below */
    int n_followups;                      /* late[n_late ..]: open follow-ups of inspection tours,
                                             by deadline (days_late < 0: not due yet) */
    int followups_open;                   /* how many are open in all */
} dashboard;

/* n_late: how many overdue tasks to list, and open follow-ups after them (0: none). */
int  dashboard_load(ntm_db *db, int64_t unit_id, int n_late, dashboard *out);
void dashboard_free(dashboard *d);
/* One task as the overdue list shows it, days_late counted from as_of ('YYYY-MM-DD'):
 * the rows of the papers' task lists too (model/period_report.h). */
int  dashboard_task(ntm_db *db, int64_t task_id, const char *as_of, dash_late *out);
#endif
