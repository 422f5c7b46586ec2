/* task_edit: creating, editing and deleting tasks (đầu việc) with every field, with an
 * optimistic version check; correcting and deleting progress reports. Recording a new
 * report is task_add_progress (model/task.h). */
#ifndef NTM_TASK_EDIT_H
#define NTM_TASK_EDIT_H
#include "model/db.h"
#include "model/task.h"

typedef struct task_fields {
    int64_t commune_id;          /* required */
    int64_t hamlet_id;           /* a hamlet of the commune, or 0: the whole commune */
    int64_t criterion_id, campaign_id;                     /* optional (0) */
    int64_t owner_org_id, owner_person_id, owner_unit_id;  /* at least one; of the commune */
    const char *title;           /* required, at most 500 characters */
    const char *description;     /* optional, at most 4000 */
    const char *target;          /* typed: "2", "1,5", "33 hệ thống"; NULL or "": no target */
    const char *qty_unit;        /* km, m, hộ, hệ thống, vườn, công trình, %...; or from target */
    const char *start_date, *deadline;   /* typed (dd/mm/yyyy...) or 'YYYY-MM-DD'; optional */
    const char *status;          /* "open", "done", "cancelled"; NULL: open when created, unchanged on update */
} task_fields;

typedef struct task_rec {
    int64_t id, commune_id, hamlet_id, criterion_id, campaign_id;
    int64_t owner_org_id, owner_person_id, owner_unit_id, tour_check_id, version;
    char title[2004], description[16004];
    char qty_unit[TASK_UNIT_SIZE], start_date[11], deadline[11], status[12], updated_at[24];
    double target;               /* -1: no target */
    double done;
    char target_text[32];        /* the target as the form shows it ("1,5"), "" when none */
} task_rec;

int  task_create(ntm_db *db, const task_fields *f, int64_t *id);
int  task_read(ntm_db *db, int64_t id, task_rec *out);
/* version is the one read; DB_CONFLICT ("someone else changed this task at HH:MM;
 * reload") when it changed since, DB_NOTFOUND when it was deleted. */
int  task_update(ntm_db *db, int64_t id, int64_t version, const task_fields *f);
int  task_set_status(ntm_db *db, int64_t id, int64_t version, const char *status);
/* Delete with its progress reports (version 0: no check). Undo brings both back. */
int  task_delete(ntm_db *db, int64_t id, int64_t version);
/* The units a quantity is usually counted in (NULL-terminated), for a picker. */
const char *const *task_qty_units(void);

typedef struct progress_rec {
    int64_t id, task_id, version;
    char report_date[11];
    double qty;
    char note[2004], reporter[484], entered_by[64], entered_at[24];
} progress_rec;

/* Every report of a task, newest report date first (malloc'd; free() it). */
int  progress_list(ntm_db *db, int64_t task_id, progress_rec **out, int *n);
int  progress_read(ntm_db *db, int64_t id, progress_rec *out);
/* Correct a report: date, this report's quantity (typed, never negative), note, who.
 * The task's done quantity follows; a task finished by its numbers reopens when a
 * correction brings it below the target, and is marked done when it reaches it. */
int  progress_update(ntm_db *db, int64_t id, int64_t version, const char *date, const char *qty,
                     const char *note, const char *reporter);
int  progress_delete(ntm_db *db, int64_t id);
#endif
