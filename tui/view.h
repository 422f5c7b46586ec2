/* view: the read-mostly screens (dashboard, criteria matrix, task history) and the task
 * list's filter and sort, which the task list (screen_tasks.c) keeps in a task_view. */
#ifndef NTM_VIEW_H
#define NTM_VIEW_H
#include "tui/widgets/picker.h"
#include "tui/screen.h"
#include "model/filter.h"
#include "model/pick.h"
#include "model/task.h"
#include <stddef.h>
#include <stdint.h>

/* "Tổng hợp xã An Hòa Thịnh": a crumb for a screen about a unit (vi/en: what it is). */
int view_crumb(tui *t, int64_t unit_id, const char *vi, const char *en, char *out, size_t n);

/* The dashboard of a commune or a province (screen_dash.c). */
screen *dash_new(tui *t, int64_t unit_id, const char *crumb);
/* The unit a screen is the dashboard of; 0 when s is not a dashboard. */
int64_t dash_unit(const screen *s);

/* The criteria matrix of a commune (the commune and its hamlets) or a province (its
 * communes) (screen_criteria.c). */
screen *criteria_new(tui *t, int64_t unit_id, const char *crumb);
/* Put the cursor on this unit's row. */
void criteria_select(screen *s, int64_t unit_id);

/* The papers up the chain (period_print.c): on a dashboard, asks which report (week,
 * month, day) of its commune or province; on the criteria matrix, the criteria report.
 * The path (or the error) goes to the status line; flags. */
int period_print_dash(tui *t, int64_t unit_id);
int period_print_criteria(tui *t, int64_t unit_id);

/* A task's reports and changes, newest first (screen_history.c). */
screen *history_new(tui *t, int64_t task_id, const char *title);

/* The task list's filter and sort (filter_bar.c). The list's own scope (its commune and,
 * unless it lists every task of the commune, its hamlet) is fixed; the rest is the
 * user's, saved per user on every change and restored when a list opens. */
typedef struct task_view {
    task_query q;
    int64_t scope_hamlet;       /* the list's hamlet; 0: every task of the commune; -1: commune-wide */
    char text[240];             /* the active filter in words ("" when none) */
} task_view;

void task_view_init(tui *t, task_view *v, int64_t commune_id, int64_t hamlet_id);
int  task_view_load(tui *t, const task_view *v, task_list *out);
/* 1 when anything but the sort order narrows the list. */
int  task_view_active(const task_view *v);
/* The list's header title: "Đầu việc (5) · Lọc: Quá hạn · theo hạn". */
void task_view_title(const task_view *v, int n, char *out, size_t size);
/* F o ! H on the task list (selected: the task under the cursor or NULL): flags, or -1
 * when the action is not one of these. */
int  task_view_key(tui *t, task_view *v, int action, const task_row *selected);

/* Candidates for a reference picker of a commune (owners: organisations, people and
 * hamlets as asked in kinds, with picker ids from view_owner_code). none_vi/none_en: a
 * first row with id 0 (no choice), or NULL. */
enum { VIEW_PICK_OWNER, VIEW_PICK_HAMLET, VIEW_PICK_CRITERION, VIEW_PICK_CAMPAIGN };
typedef struct view_pick {
    ntm_db *db;
    int64_t commune_id;
    int what, kinds;
    const char *none_vi, *none_en;
} view_pick;
int64_t view_owner_code(char kind, int64_t id);     /* kind: 'o' org, 'p' person, 'h' hamlet */
int  view_pick_load(ntm_db *db, const view_pick *v, pick_list *out);
void view_pick_fill(void *ctx, picker *p);          /* a form_spec fill callback */
/* The label of the candidate with this picker id; -1 when there is none. */
int  view_pick_label(const view_pick *v, int64_t code, char *out, size_t n);
#endif
