/* period_internal: what period_report.c (rule, periods, a commune) and
 * period_province.c (a province) share. Private to those two files. */
#ifndef NTM_PERIOD_INTERNAL_H
#define NTM_PERIOD_INTERNAL_H
#include "model/period_report.h"

#define PR_EPS 1e-9

/* The days of a report: [from, to], the as-of day A, to + 7, and whether the state on A
 * must be rebuilt from the reports (A before today). after_a: the day after A, the
 * lowest updated_at that is later than A. */
typedef struct pr_days {
    char from[11], to[11], as_of[11], due_to[11], after_a[11], after_to[11], month[8];
    int rebuild;
} pr_days;

/* A task now and on A. st: 'o' open, 'd' done. */
typedef struct pr_state { char st; double done; } pr_state;

/* The task's state on A from today's (st_now, done_now), its reports dated after A (how
 * many, their sum), whether it has any report, and the date it was last changed. */
pr_state pr_state_on(const pr_days *p, char st_now, double target, double done_now, int n_later, double later,
                     int has_reports, const char *updated);
double pr_contrib(pr_state s, double target);
/* Where an open-on-A task stands: 1 overdue, 2 due, 0 neither. */
int pr_due_kind(const pr_days *p, const char *deadline);

/* The finishing date of a done task (see period_report.h) into out ("" when unknown). */
int pr_finish_date(ntm_db *db, int64_t task_id, double target, double done_now, const char *updated,
                   int has_reports, char out[11]);

/* The children (hamlets of a commune, communes of a province) in name order as rows. */
int pr_load_children(ntm_db *db, int64_t parent_id, char kind, pr_row **out, int *n);
pr_row *pr_find(pr_row *v, int n, int64_t id);
/* Add a period's reports (n of them, quantity q, in unit) to c. */
void pr_add_reports(pr_counts *c, int n, double q, const char *unit);
/* Rank rows [0, n) with progress = sum[i] / total (sums given per row), set ranks and
 * the report's n_ranked, n_top, n_bottom. */
int pr_rank_rows(ntm_db *db, period_report *r, const double *sums);

int pr_load_province(ntm_db *db, const pr_days *p, period_report *r);
#endif
