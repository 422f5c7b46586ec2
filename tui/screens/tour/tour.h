/* tour: what the inspection-tour screens (this folder) share: the two screens (tours.c,
 * tour.c), the forms (tour, stop, check, follow-up: forms.c), the window for typing
 * results back by code (results.c), printing (print.c), and the rows both screens have.
 * Every write goes through model/tour.h, one transaction each; the forms return only
 * after the model accepted the values (or the user cancelled). */
#ifndef NTM_TUI_TOUR_H
#define NTM_TUI_TOUR_H
#include "tui/screens/tour/tours.h"
#include "model/tour.h"

/* p P s on both screens: the route sheet, full and compact, and the summary. A screen's
 * own actions are numbered from ACT_TOUR_OWN. */
enum { ACT_ROUTE = ACT_SCREEN, ACT_ROUTE_COMPACT, ACT_SUMMARY, ACT_TOUR_OWN };
#define KEYS_TOUR_PRINT \
    { ACT_ROUTE, "tour_print", 'p', { 0 }, NULL, NULL, \
      N_("In phiếu kiểm tra tour tuyến (PDF)") }, \
    { ACT_ROUTE_COMPACT, "tour_print_compact", 'P', { 0 }, NULL, NULL, \
      N_("In phiếu kiểm tra bản gọn (PDF)") }, \
    { ACT_SUMMARY, "tour_summary", 's', { 0 }, NULL, NULL, \
      N_("In báo cáo kết quả kiểm tra (PDF)") }

/* One tour: its stops in route order, each followed by its checks. */
screen *tour_new(tui *t, int64_t tour_id, const char *crumb);

/* Forms. Each returns 1 when saved (the model wrote it), 0 when cancelled. */
/* A new tour (*id == 0; commune preset when commune_id > 0) or an existing one. */
int tour_form(tui *t, int64_t commune_id, int64_t *id);
/* A new stop at the end of tour_id (s == NULL; *id receives it), or edit s. */
int tour_stop_form(tui *t, const tour_full *tf, const tour_stop_row *s, int64_t *id);
/* The result and note of one check ("3.5") of tour tour_id. */
int tour_check_form(tui *t, int64_t tour_id, const tour_check_row *k, const char *code);
/* A follow-up task for a failed check; *task_id receives it. */
int tour_followup_form(tui *t, const tour_full *tf, const tour_check_row *k, const tour_stop_row *s,
                       int64_t *task_id);
/* Pick a checklist template; its code goes to out. 1 when one was chosen. */
int tour_template_pick(tui *t, char *out, size_t n);

/* Typing back the filled sheet: a window that takes one line at a time, stores it at
 * once and stays open until Esc. stored(ctx, check_id) is called after each line is
 * written (the screen reloads and repaints under the window); describe(ctx, check_id,
 * out, n) names the check for the log ("3.5 ... — stop"). Returns the lines stored. */
typedef struct tour_results_cb {
    void *ctx;
    void (*stored)(void *ctx, int64_t check_id);
    void (*describe)(void *ctx, int64_t check_id, char *out, size_t n);
} tour_results_cb;
int tour_results_run(tui *t, int64_t tour_id, const tour_results_cb *cb);

/* Write the route sheet (what 'p' full, 'P' compact) or the summary ('s') into
 * cfg->pdf_dir and send it to the print command; the outcome goes to the status line. */
int tour_print(tui *t, int64_t tour_id, int what);

/* Marks of a result ('p' 'f' 'n' 0): ✓ ✗ – · (v x - . without UTF-8), and its name. */
const char *tour_mark(char result);
const char *tour_result_name(char result);
/* 1 when the check's follow-up task is open and its deadline is before db_today. */
int tour_followup_overdue(tui *t, const tour_check_row *k);
#endif
