/* period_report: the numbers of the papers that go up the chain (issue 7, seeds 001,
 * 002, 004): a commune's (or a province's) progress over a period [from, to] - the
 * weekly report of Friday, the monthly one, the daily one of 15:30 - and the ranking
 * that names the hamlets to praise and the laggards (biểu dương / phê bình).
 *
 * The as-of day. Everything is counted as it stood on A = min(to, today) (today:
 * db_today()): a report on a past week shows that week's figures, not today's. The
 * model keeps no history of a task's status, so the state on A is rebuilt from the
 * progress reports: a task's quantity on A is today's less its reports dated after A,
 * and a task done today counts as done on A only when it was finished by A:
 *   - finishing date of a done task: the date of the report that brought its reports'
 *     running sum to the target; for a task without a target (or closed by hand below
 *     it), its last report; for a task with no report at all, the day it was last
 *     changed (task.updated_at, UTC).
 * When A is today (the report of the current period), today's numbers are used as they
 * are (the dashboard's, from the running tallies). Tasks added, re-opened or cancelled
 * after A are taken as they are now. Cancelled tasks are left out everywhere.
 *
 * Per unit (hamlet, or commune for a province) and per owner:
 *   total     tasks (not cancelled)
 *   done      done on A
 *   progress  the dashboard's measure (model/dashboard.h): the mean over tasks of 1 for
 *             a done task, else min(done/target, 1) with a target, else 0
 *   reports   progress reports dated within [from, to] (report_date, the day reported,
 *             not the day typed), with their quantity when all are in one unit
 *   finished  tasks whose finishing date is within [from, to]
 *   overdue   open on A with a deadline before A (days late: A - deadline)
 *   due       open on A with a deadline from A to to + 7 (what comes due next week)
 *
 * The ranking rule (one for the paper and the dashboard, period_rank_cmp): by progress
 * as printed (percent with one decimal), higher first; then fewer overdue tasks; then
 * the name in Vietnamese order (a ă â b c d đ ...). Units without tasks are not ranked
 * (they come last, in name order). Praised: the first N, named: the last N, with N = 3,
 * or fewer when there are few ranked units (at most half each, so that no unit is both:
 * ceil(k/2) and floor(k/2) of k); a unit at 0 % is never praised, one at 100 % with no
 * overdue task never named.
 *
 * Cost: a commune is one pass over its tasks (index task_by_commune, each task's reports
 * through progress_by_task); a province reads the running tallies, ranges of the task
 * and progress indexes (progress_by_date, migration 006) and, for a past period, the
 * reports dated after A. Neither ever reads a whole table. */
#ifndef NTM_PERIOD_REPORT_H
#define NTM_PERIOD_REPORT_H
#include "model/db.h"
#include "model/dashboard.h"

/* ---- the ranking rule ---- */
typedef struct rank_key {
    double progress;             /* 0..1 */
    int total, overdue;
    int order;                   /* position in Vietnamese name order */
} rank_key;
/* qsort-style: < 0 when a ranks above b. */
int  period_rank_cmp(const rank_key *a, const rank_key *b);
/* Of n keys already in rank order: how many are ranked (total > 0; they come first),
 * how many of those to praise (the first *n_top) and to name (the last *n_bottom). */
void period_rank_pick(const rank_key *sorted, int n, int *n_ranked, int *n_top, int *n_bottom);
/* The progress as the paper prints it and the ranking compares it: tenths of a percent. */
long period_pct10(double progress);

/* ---- the report ---- */
typedef struct pr_counts {
    int total, done, overdue, due, finished, reports;
    double progress;             /* 0..1 */
    double qty;                  /* quantity of the period's reports, when qty_unit is set */
    char qty_unit[TASK_UNIT_SIZE]; /* their one unit; "" when none had a unit or they were in several */
    int mixed;                   /* the reports were in several units (tasks without one aside) */
} pr_counts;

typedef struct pr_row {
    int64_t id;                  /* the unit, org or person; 0 for "toàn xã" and "no owner" */
    char kind;                   /* units: 'h' hamlet, 'w' commune-wide tasks (toàn xã), 'c' commune;
                                    owners: 'o' organisation, 'p' person, 'u' a hamlet, 'n' none */
    char name[204];
    int rank;                    /* 1 = best; 0: not ranked */
    pr_counts c;
} pr_row;

/* A listed task: the dashboard's overdue-task row (days_late: A - deadline, negative
 * for one not yet due; done: its quantity on A), and for a finished one its finishing
 * date. */
typedef struct pr_task { dash_late t; char finished[11]; } pr_task;

typedef struct period_report {
    int64_t unit_id;
    char kind;                   /* 'c' commune, 'p' province */
    char name[204];
    char from[11], to[11], as_of[11], due_to[11];   /* 'YYYY-MM-DD'; due_to = to + 7 */
    pr_counts total;
    /* hamlets (commune) or communes (province) in rank order: the n_ranked ranked first,
     * then those without tasks by name, then (commune) the "toàn xã" row when the
     * commune has tasks of its own */
    pr_row *units; int n_units, n_ranked, n_top, n_bottom;
    pr_row *owners; int n_owners;         /* commune only: organisations, people, hamlets, none */
    /* commune only, at most list_max each (the totals above count them all): */
    pr_task *finished; int n_finished;    /* by finishing date */
    pr_task *overdue; int n_overdue;      /* most overdue first */
    pr_task *due; int n_due;              /* soonest first */
} period_report;

/* from, to: 'YYYY-MM-DD', from <= to. unit_id: a commune or a province. list_max: how
 * many tasks each list holds (0: none). DB_INVALID with a message for a bad period or
 * another kind of unit. */
int  period_report_load(ntm_db *db, int64_t unit_id, const char *from, const char *to, int list_max,
                        period_report *out);
void period_report_free(period_report *r);

/* ---- periods ---- */
/* ISO 8601 weeks (Monday to Sunday; week 1 holds the year's first Thursday), as
 * `date +%G-W%V` numbers them. */
void period_week_of(const char *iso, int *year, int *week);
/* Monday and Sunday of week `week` of ISO year `year`; -1 when the year has no such week. */
int  period_week_range(int year, int week, char from[11], char to[11]);
/* First and last day of month (1-12) of year; -1 when out of range. */
int  period_month_range(int year, int month, char from[11], char to[11]);
#endif
