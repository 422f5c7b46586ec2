/* history: what happened to a task, newest first: its progress reports, and every
 * change from the audit log (who, when, field: old -> new), report corrections and
 * deletions included. Ids are shown as names, dates as dd/mm/yyyy. */
#ifndef NTM_HISTORY_H
#define NTM_HISTORY_H
#include "model/db.h"

enum {
    HIST_REPORT = 'r',           /* a progress report (report_date, qty, note, reporter) */
    HIST_CREATED = 'n',          /* the task was created */
    HIST_CHANGE = 'c',           /* one field of the task: field, old_val -> new_val */
    HIST_REPORT_CHANGE = 'k',    /* one field of a report corrected (report_date says which) */
    HIST_REPORT_DELETED = 'x',   /* a report deleted (report_date, qty, note) */
    HIST_DELETED = 'd'           /* the task was deleted (seen after an undo brought it back) */
};

typedef struct hist_entry {
    char kind;
    char at[24];                 /* when it was recorded, UTC 'YYYY-MM-DDTHH:MM:SS...' */
    char when[20];               /* the same in local time, 'dd/mm/yyyy HH:MM' */
    char who[64];                /* Unix user who typed it */
    char field[64];              /* changes: the field's label in the UI language */
    char old_val[256], new_val[256];
    char report_date[11];        /* reports: 'YYYY-MM-DD' */
    double qty;
    char note[512], reporter[128];
    int64_t audit_id, progress_id;
} hist_entry;

typedef struct hist_list { hist_entry *v; int n; } hist_list;

int  task_history(ntm_db *db, int64_t task_id, hist_list *out);
void hist_list_free(hist_list *l);
#endif
