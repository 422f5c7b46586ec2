/* dataset: the rows of the exports (tasks, units, households, progress reports, criteria
 * states), streamed from one statement to a callback: a province's 150,000 tasks are
 * never in memory at once. Each set can be read for a scope (everything, a commune or a
 * hamlet) or for a list of ids in the caller's order (what a screen shows). The strings
 * of a row are valid during the callback only. A callback returning non-zero stops the
 * walk, and that value is returned. */
#ifndef NTM_DATASET_H
#define NTM_DATASET_H
#include "model/db.h"

typedef struct ds_scope {
    int64_t commune_id;     /* 0: every commune */
    int64_t hamlet_id;      /* 0: the commune's every unit; > 0: this hamlet only */
    int state;              /* tasks: a TQ_ state of model/filter.h (TQ_ALL = 0) */
} ds_scope;

typedef struct ds_task {
    int64_t id;
    const char *code, *commune, *hamlet, *title, *owner, *criterion, *campaign;
    const char *qty_unit, *deadline, *uuid;     /* deadline 'YYYY-MM-DD' or "" */
    double target, done;    /* target < 0: no quantity */
    char status;            /* 'o' open, 'd' done, 'x' cancelled */
    double progress;        /* done counts 1, else min(done/target, 1); < 0: no target */
    int overdue_days;       /* open, past the deadline: days past it; else 0 */
} ds_task;

typedef struct ds_unit {
    int64_t id;
    char kind;              /* 'p', 'c', 'h' */
    const char *province, *commune, *hamlet, *district, *status, *uuid;   /* status: Vietnamese label */
    int group;              /* 0: none */
    long long population, households;    /* -1: not known */
    int tasks, done, overdue;            /* not counting cancelled tasks */
} ds_unit;

typedef struct ds_household {
    int64_t id;
    const char *commune, *hamlet, *head, *address, *note, *uuid;
    int flags[8];           /* model/household.h's HH_ order: HH_UNKNOWN, HH_YES, HH_NO */
} ds_household;

typedef struct ds_progress {
    int64_t id;
    const char *date, *code, *commune, *hamlet, *task, *qty_unit, *note, *reporter;
    const char *entered_by, *entered_at, *uuid, *task_uuid;    /* entered_at: local 'YYYY-MM-DD HH:MM:SS' */
    double qty;
} ds_progress;

typedef struct ds_criterion {
    const char *commune, *hamlet, *set_code, *name, *owner, *date, *note, *uuid;
    int number;
    char status, dossier;   /* as uc_cell: 'm' 'n' 'r' / 0 'p' 'c' 'a' */
} ds_criterion;

typedef int ds_task_fn(void *ctx, const ds_task *r);
typedef int ds_unit_fn(void *ctx, const ds_unit *r);
typedef int ds_household_fn(void *ctx, const ds_household *r);
typedef int ds_progress_fn(void *ctx, const ds_progress *r);
typedef int ds_criterion_fn(void *ctx, const ds_criterion *r);

/* Tasks of the scope by commune, hamlet (commune-wide first), deadline (none last). */
int  ds_tasks(ntm_db *db, const ds_scope *s, ds_task_fn *fn, void *ctx);
/* Units: each province, its communes, each followed by its hamlets (Vietnamese order). */
int  ds_units(ntm_db *db, const ds_scope *s, ds_unit_fn *fn, void *ctx);
/* Households by commune, hamlet and head's given name. */
int  ds_households(ntm_db *db, const ds_scope *s, ds_household_fn *fn, void *ctx);
/* Progress reports by commune, then date and entry. */
int  ds_progress_reports(ntm_db *db, const ds_scope *s, ds_progress_fn *fn, void *ctx);
/* Each commune (and hamlet) of the scope x each criterion of the commune's set. */
int  ds_criteria(ntm_db *db, const ds_scope *s, ds_criterion_fn *fn, void *ctx);

/* The same rows for these ids, in this order (ids not found are skipped). */
int  ds_tasks_ids(ntm_db *db, const int64_t *ids, int n, ds_task_fn *fn, void *ctx);
int  ds_units_ids(ntm_db *db, const int64_t *ids, int n, ds_unit_fn *fn, void *ctx);
int  ds_households_ids(ntm_db *db, const int64_t *ids, int n, ds_household_fn *fn, void *ctx);

/* 1 when the task table has the short code column (task.code, migration 006). */
int  ds_has_task_code(ntm_db *db);
#endif
