/* tour: inspection tours (tour tuyến kiểm tra): ordered stops, the checks at each stop,
 * their results, and follow-up tasks for what failed. */
#ifndef NTM_TOUR_H
#define NTM_TOUR_H
#include "model/db.h"

typedef struct tour_row {
    int64_t id, commune_id;
    char name[204], date[11], commune[204];
    int n_stops, n_checks, n_pass, n_fail, n_followups, n_followups_open;
} tour_row;

typedef struct tour_stop_row {
    int64_t id, hamlet_id, household_id, version;
    int seq;
    char kind[16];             /* household garden farm cultural_house school road bridge field other */
    char name[256], hamlet[204], landmark[256], note[512];
    int first_check;           /* index into tour_full.checks */
    int n_checks;
} tour_stop_row;

typedef struct tour_check_row {
    int64_t id, stop_id, item_id, followup_task_id, version;
    int stop_seq, seq;
    char title[256];
    char result;               /* 'p' đạt, 'f' chưa đạt, 'n' không áp dụng, 0 not yet */
    char note[512], recorded_by[64], recorded_at[24];
    char followup_owner[256], followup_deadline[11], followup_status;
} tour_check_row;

typedef struct tour_full {
    tour_row t;
    char lead[160], team[512], purpose[1024], campaign[320];
    int64_t lead_person_id, campaign_id;    /* 0 when not set */
    int64_t version;                        /* the tour row's, for tour_update */
    tour_stop_row *stops; int n_stops;
    tour_check_row *checks; int n_checks;
} tour_full;

int  tour_list(ntm_db *db, int64_t commune_id, tour_row **out, int *n);   /* 0: all communes */
/* Resolve a tour by id or name (accents ignored); candidates listed on error. */
int  tour_find(ntm_db *db, const char *name_or_id, int64_t *id);
int  tour_load(ntm_db *db, int64_t id, tour_full *out);
void tour_free(tour_full *t);
const char *tour_kind_label(const char *kind);             /* UI language */

/* The checklist templates (data, model/data/checklists.sql), by code. */
typedef struct tour_template { int64_t id; char code[32], name[204]; int n_items; } tour_template;
int  tour_templates(ntm_db *db, tour_template **out, int *n);
int  tour_kind_valid(const char *kind);

typedef struct tour_fields {
    int64_t commune_id, lead_person_id, campaign_id;
    const char *name, *date, *team, *purpose;   /* date 'YYYY-MM-DD' or NULL */
} tour_fields;
int  tour_create(ntm_db *db, const tour_fields *f, int64_t *id);
/* version: the one read (tour_full.version); DB_CONFLICT when someone changed it since. */
int  tour_update(ntm_db *db, int64_t id, int64_t version, const tour_fields *f);
int  tour_delete(ntm_db *db, int64_t id);

typedef struct stop_fields {
    int64_t hamlet_id, household_id;
    const char *kind, *name, *landmark, *note;
} stop_fields;
int  tour_stop_add(ntm_db *db, int64_t tour_id, const stop_fields *f, int64_t *id);   /* at the end */
int  tour_stop_update(ntm_db *db, int64_t stop_id, int64_t version, const stop_fields *f);   /* version checked */
int  tour_stop_move(ntm_db *db, int64_t stop_id, int delta);          /* -1 up, +1 down */
int  tour_stop_remove(ntm_db *db, int64_t stop_id);                   /* renumbers the rest */

/* Checks: apply a checklist template (by code) to every stop, or add/drop one. */
int  tour_apply_template(ntm_db *db, int64_t tour_id, const char *template_code, int *added);
int  tour_check_add(ntm_db *db, int64_t stop_id, const char *title, int64_t *id);
int  tour_check_drop(ntm_db *db, int64_t check_id);

/* Results. result is 'p', 'f', 'n' or 0 (clear). Who and when are recorded. */
int  tour_result_set(ntm_db *db, int64_t check_id, char result, const char *note);
/* The same from the check's form: DB_CONFLICT when the check changed since version was read. */
int  tour_result_edit(ntm_db *db, int64_t check_id, int64_t version, char result, const char *note);
/* Parse one typed line of the filled sheet, "3.5 2 hàng rào chưa cắt tỉa":
 * code stop.check, the result (the number of the box ticked on the sheet: 1 or đ đạt; 2 or c
 * chưa đạt; 3 or k không áp dụng; 0 or ? clears; a bare tick "x" is refused),
 * then an optional note. On success *check_id, *result and note (NFC) are set. */
int  tour_parse_result_line(ntm_db *db, int64_t tour_id, const char *line,
                            int64_t *check_id, char *result, char *note, size_t note_n);
/* Parse and store several lines (one per line); stops at the first bad line, with
 * its line number in the message; all or nothing. *stored counts the results. */
int  tour_results_from_text(ntm_db *db, int64_t tour_id, const char *text, int *stored);

/* Turn a failed check into a task (owner, deadline, hamlet of the stop, criterion of the
 * checklist item), linked to the check. */
typedef struct followup_fields {
    int64_t owner_org_id, owner_person_id, criterion_id;
    const char *deadline, *title;     /* title NULL: "<check> - <stop>" */
    int64_t owner_unit_id;            /* or a hamlet of the tour's commune owns it */
} followup_fields;
int  tour_followup(ntm_db *db, int64_t check_id, const followup_fields *f, int64_t *task_id);
#endif
