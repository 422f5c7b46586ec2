/* parts: what the task list's files share: its filter and sort (view.c), the task form
 * (form.c), the progress report (progress.c) and the filled sheet typed back
 * (typeback.c). Each action returns the loop's flags. */
#ifndef NTM_TUI_TASKS_PARTS_H
#define NTM_TUI_TASKS_PARTS_H
#include "tui/screens/tasks/tasks.h"
#include "model/filter.h"
#include "model/task.h"
#include <stddef.h>
#include <stdint.h>

/* The task list's filter and sort (view.c). The list's own scope (its commune and,
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
/* The filter form (F), the next sort order (o), overdue only / all (!). */
int  task_view_filter(tui *t, task_view *v);
int  task_view_sort(tui *t, task_view *v);
int  task_view_overdue(tui *t, task_view *v);

/* n e d (form.c); hamlet_id > 0: the new task's hamlet (and owner). */
int entry_task_new(tui *t, int64_t commune_id, int64_t hamlet_id);
int entry_task_edit(tui *t, int64_t id);
int entry_task_delete(tui *t, int64_t id);
/* p: one progress report (progress.c). */
int entry_progress(tui *t, int64_t task_id);
/* R: a filled task sheet typed back by code, lines checked, then saved together
 * (typeback.c). hamlet_id 0: the codes of the whole commune. */
int entry_typeback(tui *t, int64_t commune_id, int64_t hamlet_id);
#endif
