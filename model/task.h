/* task: the assigned tasks (đầu việc) and their progress reports. */
#ifndef NTM_TASK_H
#define NTM_TASK_H
#include "model/db.h"

/* A quantity's unit: at most TASK_UNIT_MAX characters (the form and the schema refuse
 * more, 006_task_code.sql); TASK_UNIT_SIZE bytes hold any such unit in UTF-8. */
enum { TASK_UNIT_MAX = 40, TASK_UNIT_SIZE = 4 * TASK_UNIT_MAX + 4 };

typedef struct task_row {
    int64_t id, hamlet_id, version;
    int64_t code;               /* short code, unique in the commune: V12 is code 12; 0: none */
    int64_t campaign_id;        /* 0: none */
    char *title, *title_key, *owner, *hamlet;   /* owned by the list's arena */
    char *qty_unit;             /* "" when none; whole, in the list's arena */
    char deadline[11];          /* 'YYYY-MM-DD' or "" */
    double target, done;        /* target < 0: no quantity */
    char status;                /* 'o' open, 'd' done, 'x' cancelled */
    int overdue;                /* open and deadline before today */
    int days_left;              /* deadline - today (when a deadline is set) */
} task_row;

typedef struct task_list {
    task_row *v;
    int n;
    char *arena; size_t arena_used, arena_cap;
} task_list;

typedef struct task_filter {
    int64_t commune_id;         /* required */
    int64_t hamlet_id;          /* 0: every task of the commune; -1: commune-wide tasks only */
} task_filter;

int  task_list_load(ntm_db *db, const task_filter *f, task_list *out);
void task_list_free(task_list *l);
/* Rows whose title or owner matches every word of the folded query, or whose code
 * does ("v12", "v1" as it is typed). */
int  task_row_matches(const task_row *r, const char *folded_query);
/* "V12": the code as printed and typed back ("" for code 0). */
void task_code_text(int64_t code, char *out, size_t n);

typedef struct task_report { char date[11]; double qty; char note[256]; char who[64]; } task_report;
typedef struct task_detail {
    task_row row;               /* strings point into detail's own storage */
    char title[512], owner[256], hamlet[204], commune[204], unit[TASK_UNIT_SIZE];
    char description[2048], criterion[160], campaign[320], tour_stop[256];
    task_report reports[8]; int n_reports, n_reports_total;
} task_detail;
int  task_get(ntm_db *db, int64_t id, task_detail *out);

/* Record a progress report in one transaction. qty is this report's quantity; with
 * as_total, qty is the new total and the report holds the difference. Refuses a
 * negative quantity and an invalid date with a message; marks the task done when
 * the target is reached. */
int  task_add_progress(ntm_db *db, int64_t task_id, const char *date, double qty, int as_total,
                       const char *note, const char *reporter);
/* The same, with the unit the quantity was typed in: a task that has no unit yet takes
 * it, in the same transaction ("3 hộ" on a task without a unit). */
int  task_add_progress_unit(ntm_db *db, int64_t task_id, const char *date, double qty, int as_total,
                            const char *note, const char *reporter, const char *unit);
/* The same inside a transaction the caller holds (db_begin ... db_commit), for several
 * reports saved together (model/typeback.h). Nothing is rolled back here. */
int  task_add_progress_tx(ntm_db *db, int64_t task_id, const char *date, double qty, int as_total,
                          const char *note, const char *reporter);

/* Format "1,4/2 km" style quantity text (Vietnamese decimal comma). */
void task_qty_text(const task_row *r, char *out, size_t n);
void fmt_qty(double v, char *out, size_t n);
#endif
