/* tasks: a hamlet's tasks (or a commune's commune-wide ones): status mark, title,
 * owner, done/target, deadline; the selected task's detail in the detail pane. The detail
 * is read (task_get) only when the selection lands on another task. Its keys: the filter
 * and sort (view.c), the task form (form.c), progress (progress.c), the sheet typed back
 * (typeback.c), the history (screens/history.c). */
#include "tui/screens/tasks/parts.h"
#include "tui/screens/history.h"
#include "tui/export_ui.h"
#include "tui/global_keys.h"
#include "tui/print.h"
#include "tui/widgets/detail.h"
#include "tui/widgets/draw.h"
#include "model/date.h"
#include "model/i18n.h"
#include "model/task.h"
#include "model/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct tasks_screen {
    screen base;
    task_filter f;
    task_view view;            /* the user's filter and sort (view.c) */
    task_list tasks;
    task_detail *det;          /* the selected task's detail (large: on the heap) */
    int64_t det_id;            /* det is this task's; 0: nothing read yet */
    int det_rc;
    char det_err[512];
} tasks_screen;

typedef struct { int code, title, hamlet, owner, qty, date, spans; } tasks_cols;   /* spans: hamlets */
enum { COL_MARK = 3, QTY_MIN = 10, QTY_MAX = 20, COL_DATE = 10, COL_OWNER = 14, HAMLET_MAX = 12,
       TITLE_MIN = 30, TITLE_MIN_HAMLET = 18 };

/* code: the widest code's columns ("V12": 3), the code typed back from the sheet; qty:
 * the widest quantity ("215/200 đầu sách"); hamlet: the widest hamlet name when the list
 * spans hamlets (0: one hamlet's list), which goes before the owner: five tasks that read
 * alike but for their hamlet must tell it. Each column has a space before it. */
static tasks_cols layout(int width, int code, int qty, int hamlet)
{
    tasks_cols c = { code, 0, 0, COL_OWNER, qty, COL_DATE, hamlet > 0 };
    int rest = width - COL_MARK - (code ? code + 1 : 0) - 1 - c.qty - 2 - COL_DATE - 1;
    if (hamlet && rest - hamlet - 1 >= TITLE_MIN_HAMLET) { c.hamlet = hamlet; rest -= hamlet + 1; }
    if (rest - COL_OWNER - 1 < TITLE_MIN) c.owner = 0;   /* narrow: the owner is in the detail */
    c.title = rest - (c.owner ? c.owner + 1 : 0);
    if (c.title < 1) c.title = 1;
    return c;
}

static void draw_cells(WINDOW *w, int y, tasks_cols c, const char *const cell[7], role base, role mark)
{
    draw_role(w, base);
    int x = draw_text(w, y, 0, 1, " ", DRAW_PAD);
    draw_role(w, mark);
    x += draw_text(w, y, x, 1, cell[0], DRAW_PAD);
    draw_role(w, base);
    x += draw_text(w, y, x, 1, " ", DRAW_PAD);
    if (c.code) {
        x += draw_text(w, y, x, c.code, cell[5], DRAW_PAD | DRAW_RIGHT);
        x += draw_text(w, y, x, 1, " ", DRAW_PAD);
    }
    x += draw_text(w, y, x, c.title, cell[1], DRAW_PAD);
    if (c.hamlet) {
        x += draw_text(w, y, x, 1, " ", DRAW_PAD);
        x += draw_text(w, y, x, c.hamlet, cell[6], DRAW_PAD);
    }
    if (c.owner) {
        x += draw_text(w, y, x, 1, " ", DRAW_PAD);
        x += draw_text(w, y, x, c.owner, cell[2], DRAW_PAD);
    }
    x += draw_text(w, y, x, 1, " ", DRAW_PAD);            /* never run into the owner */
    x += draw_text(w, y, x, c.qty, cell[3], DRAW_RIGHT);
    x += draw_text(w, y, x, 2, " ", DRAW_PAD);
    x += draw_text(w, y, x, c.date, cell[4], DRAW_PAD);
    draw_text(w, y, x, getmaxx(w) - x, " ", DRAW_PAD);
    draw_role(w, R_NORMAL);
}

static const char *mark_of(const task_row *r)
{
    return r->status == 'd' ? glyph(G_DONE) : r->status == 'x' ? glyph(G_CANCELLED)
         : r->overdue ? glyph(G_OVERDUE) : glyph(G_OPEN);
}

static void draw_row(tasks_screen *ts, tui *t, int y, int row, int selected, tasks_cols c)
{
    const task_row *r = &ts->tasks.v[row];
    char qty[TASK_UNIT_SIZE + 80], date[11], code[24];
    task_qty_text(r, qty, sizeof qty);
    date_show(r->deadline, date);
    task_code_text(r->code, code, sizeof code);
    const char *place = r->hamlet && r->hamlet[0] ? r->hamlet : L("(toàn xã)", "(commune)");
    char both[1200];                 /* no room for the hamlet's column: it leads the title */
    const char *title = r->title;
    if (c.spans && !c.hamlet) { snprintf(both, sizeof both, "%s · %s", place, r->title); title = both; }
    const char *cell[7] = { mark_of(r), title, r->owner, qty, date[0] ? date : glyph(G_DASH), code, place };
    role base = selected ? R_SELECTED : r->overdue ? R_OVERDUE : r->status == 'x' ? R_DIM : R_NORMAL;
    role mark = selected ? base : r->status == 'd' ? R_DONE : base;
    draw_cells(t->list, y, c, cell, base, mark);
}

static void draw_list(tasks_screen *ts, tui *t)
{
    WINDOW *w = t->list;
    screen *s = &ts->base;
    int height = getmaxy(w) - 1;
    int64_t top = 0;
    for (int i = 0; i < ts->tasks.n; i++) if (ts->tasks.v[i].code > top) top = ts->tasks.v[i].code;
    char code[24];
    task_code_text(top, code, sizeof code);
    int qty_w = QTY_MIN, hamlet_w = 0;             /* from the rows shown */
    for (int i = 0; i < s->lv.n; i++) {
        const task_row *r = &ts->tasks.v[s->lv.idx[i]];
        char q[TASK_UNIT_SIZE + 80];
        task_qty_text(r, q, sizeof q);
        if (draw_width(q) > qty_w) qty_w = draw_width(q);
        if (ts->f.hamlet_id == 0) {
            int hw = draw_width(r->hamlet && r->hamlet[0] ? r->hamlet : L("(toàn xã)", "(commune)"));
            if (hw > hamlet_w) hamlet_w = hw;
        }
    }
    if (qty_w > QTY_MAX) qty_w = QTY_MAX;
    if (hamlet_w > HAMLET_MAX) hamlet_w = HAMLET_MAX;
    tasks_cols c = layout(getmaxx(w), top ? (int)strlen(code) : 0, qty_w, hamlet_w);
    char title[400];
    task_view_title(&ts->view, ts->tasks.n, title, sizeof title);
    const char *head[7] = { " ", title, L("Phụ trách", "Owner"), L("Khối lượng", "Quantity"), L("Hạn", "Deadline"), L("Mã", "No."),
                            L("Thôn", "Hamlet") };
    werase(w);
    draw_cells(w, 0, c, head, R_HEADER, R_HEADER);
    if (draw_width(title) > c.title) {            /* a long filter takes the headings on its right */
        int x0 = COL_MARK + (c.code ? c.code + 1 : 0), span = getmaxx(w) - x0;
        if (c.owner && !c.hamlet && draw_width(title) <= c.title + 1 + c.owner) span = c.title + 1 + c.owner;
        draw_role(w, R_HEADER);
        draw_text(w, 0, x0, span, title, DRAW_PAD);
        draw_role(w, R_NORMAL);
    }
    list_scroll(&s->lv, height);
    for (int i = 0; i < height && s->lv.top + i < s->lv.n; i++) {
        int pos = s->lv.top + i;
        draw_row(ts, t, i + 1, s->lv.idx[pos], pos == s->lv.cur, c);
    }
    if (s->lv.n == 0)
        draw_text(w, 2, 2, getmaxx(w) - 4, s->lv.query[0] ? L("Không có đầu việc nào khớp với từ tìm.", "No task matches the search.")
                  : task_view_active(&ts->view) ? L("Không có đầu việc nào khớp bộ lọc (F: đổi bộ lọc).", "No task matches the filter (F changes it).")
                  : L("Chưa có đầu việc nào ở đây.", "No tasks here yet."), 0);
}

static void draw_detail(tasks_screen *ts, tui *t)
{
    int row = list_row(&ts->base.lv);
    int64_t id = row >= 0 ? ts->tasks.v[row].id : 0;
    if (id && id != ts->det_id) {
        ts->det_rc = task_get(t->db, id, ts->det);
        text_copy(ts->det_err, sizeof ts->det_err, ts->det_rc ? db_errmsg(t->db) : "");
        ts->det_id = id;
    }
    detail_draw(t->detail, t->detail_below, id ? ts->det : NULL, ts->det_rc ? ts->det_err : NULL);
}

static void tasks_draw(screen *s, tui *t, int flags)
{
    tasks_screen *ts = (tasks_screen *)s;
    if (flags & REDRAW_LIST) draw_list(ts, t);
    if ((flags & REDRAW_DETAIL) && t->detail) draw_detail(ts, t);
}

static int tasks_match(void *s, int row, const char *q)
{
    return task_row_matches(&((tasks_screen *)s)->tasks.v[row], q);
}

static int load(tasks_screen *ts, tui *t)
{
    task_list_free(&ts->tasks);
    ts->det_id = 0;                      /* the detail may have changed too */
    task_view_load(t, &ts->view, &ts->tasks);     /* filter_tasks; says what went wrong */
    if (list_reset(&ts->base.lv, ts->tasks.n) < 0) {
        task_list_free(&ts->tasks);
        return tui_message(t, 1, "%s", L("Hết bộ nhớ", "Out of memory"));
    }
    list_filter(&ts->base.lv, tasks_match, ts);
    return 0;
}

static int tasks_reload(screen *s, tui *t)
{
    tasks_screen *ts = (tasks_screen *)s;
    int row = list_row(&s->lv);
    int64_t id = row >= 0 ? ts->tasks.v[row].id : 0;
    int flags = load(ts, t) | REDRAW_ALL;
    for (int i = 0; id && i < ts->tasks.n; i++)
        if (ts->tasks.v[i].id == id) list_select(&s->lv, i);
    return flags;
}

enum { ACT_PROGRESS = ACT_SCREEN, ACT_TYPEBACK, ACT_FILTER, ACT_SORT, ACT_OVERDUE, ACT_HISTORY };

static int no_task(tui *t) { return tui_message(t, 1, "%s", L("Chưa chọn đầu việc nào.", "No task selected.")); }

static int tasks_key(screen *s, tui *t, int action)
{
    tasks_screen *ts = (tasks_screen *)s;
    int row = list_row(&s->lv);
    const task_row *r = row >= 0 ? &ts->tasks.v[row] : NULL;
    int64_t hamlet = ts->f.hamlet_id > 0 ? ts->f.hamlet_id : 0;
    switch (action) {
    case ACT_DETAIL:
        t->show_detail = !t->show_detail;
        return RELAYOUT | REDRAW_ALL;
    case ACT_PRINT:
        if (ts->f.hamlet_id <= 0)
            return tui_message(t, 1, "%s", L("Phiếu đầu việc in theo thôn; việc chung của xã chưa có phiếu.",
                                             "Task sheets are per hamlet; commune-wide tasks have none yet."));
        return print_sheet(t, ts->f.hamlet_id);
    case ACT_FILTER: return task_view_filter(t, &ts->view);
    case ACT_SORT: return task_view_sort(t, &ts->view);
    case ACT_OVERDUE: return task_view_overdue(t, &ts->view);
    case ACT_HISTORY: return r ? tui_push(t, history_new(t, r->id, r->title)) : no_task(t);
    case ACT_NEW: return entry_task_new(t, ts->f.commune_id, hamlet);
    case ACT_EDIT: return r ? entry_task_edit(t, r->id) : no_task(t);
    case ACT_DELETE: return r ? entry_task_delete(t, r->id) : no_task(t);
    case ACT_PROGRESS: return r ? entry_progress(t, r->id) : no_task(t);
    case ACT_TYPEBACK: return ts->f.commune_id ? entry_typeback(t, ts->f.commune_id, hamlet) : 0;
    default: return 0;
    }
}

static void tasks_free(screen *s)
{
    tasks_screen *ts = (tasks_screen *)s;
    task_list_free(&ts->tasks);
    list_free(&s->lv);
    free(ts->det);
    free(ts);
}

static void tasks_where(screen *s, screen_where *w)
{
    tasks_screen *ts = (tasks_screen *)s;
    int row = list_row(&s->lv);
    w->task_id = row >= 0 ? ts->tasks.v[row].id : 0;
    w->commune_id = ts->f.commune_id;
    w->hamlet_id = ts->f.hamlet_id > 0 ? ts->f.hamlet_id : 0;
    w->area_id = ts->f.commune_id;                 /* D and C: the commune, C on the list's hamlet */
    w->area_select = w->hamlet_id;
}

static void tasks_select(screen *s, int64_t task_id)
{
    tasks_screen *ts = (tasks_screen *)s;
    for (int i = 0; i < ts->tasks.n; i++)
        if (ts->tasks.v[i].id == task_id) list_select(&s->lv, i);
}

static int tasks_export(screen *s, tui *t, list_export *x);

static const struct screen_ops tasks_ops = {
    .draw = tasks_draw, .key = tasks_key, .reload = tasks_reload, .match = tasks_match, .free = tasks_free,
    .where = tasks_where, .select = tasks_select, .export = tasks_export,
};

/* The bar is short at 80 columns: progress and the weekly report first, they are daily
 * work; F o ! H are in the help, and the header line shows the filter and the order. */
static const keydef tasks_keys[] = {
    KEYS_BACK, KEYS_SEARCH,
    { ACT_DETAIL, "detail", 'v', { '\t', '\n', '\r', KEY_FN(KEY_ENTER) }, NULL, "Chi tiết", "Details",
      "Hiện/ẩn ô chi tiết của đầu việc đang chọn", "Show/hide the selected task's detail pane" },
    KEYS_PRINT_SHEET,
    { ACT_DASH, "dashboard_tasks", 'D', { 0 }, NULL, NULL, NULL, "Bảng tổng hợp của xã", "The commune's dashboard" },
    KEYS_CRITERIA_LISTS,
    { ACT_FILTER, "filter", 'F', { 0 }, NULL, NULL, NULL,
      "Lọc theo tình trạng, đợt, thôn, người phụ trách, tiêu chí; chọn cách sắp xếp (được nhớ cho lần sau)",
      "Filter by state, campaign, hamlet, owner, criterion; choose the order (remembered)" },
    { ACT_SORT, "sort", 'o', { 0 }, NULL, NULL, NULL,
      "Đổi cách sắp xếp: theo hạn, theo tiến độ, theo tên (a ă â b c d đ ...)",
      "Change the order: by deadline, by progress, by name (Vietnamese order)" },
    { ACT_HISTORY, "history", 'H', { 0 }, NULL, NULL, NULL,
      "Lịch sử đầu việc đang chọn: báo cáo tiến độ và các thay đổi (ai, lúc nào, cũ → mới)",
      "The selected task's history: progress reports and changes (who, when, old → new)" },
    { ACT_OVERDUE, "overdue", '!', { 0 }, NULL, NULL, NULL,
      "Chỉ hiện việc quá hạn (nhấn lại: hiện tất cả)", "Overdue tasks only (again: all tasks)" },
    KEYS_EXPORT_LISTS, KEYS_GOTO, KEYS_UNDO_LISTS,
    { ACT_PROGRESS, "progress", 'p', { 0 }, NULL, "Tiến độ", "Progress",
      "Báo cáo tiến độ: lần này hoặc tổng mới, ghi chú", "Progress report: this time or new total, a note" },
    KEYS_WEEKLY("weekly_tasks"),
    { ACT_NEW, "new_task", 'n', { 0 }, NULL, "Thêm", "New",
      "Thêm đầu việc (điền sẵn thôn, phụ trách, đợt)", "Add a task (hamlet, owner, campaign filled in)" },
    { ACT_EDIT, "edit_task", 'e', { 0 }, NULL, "Sửa", "Edit",
      "Sửa đầu việc đang chọn: mọi trường, cả trạng thái", "Edit the selected task: every field, its status too" },
    KEYS_DELETE,
    { ACT_TYPEBACK, "typeback", 'R', { 0 }, NULL, "Nhập phiếu", "Type sheet",
      "Nhập lại phiếu đã ghi, theo mã: V12 150 ghi chú (nhiều dòng, lưu cùng lúc)",
      "Type a filled sheet back by code: V12 150 note (many lines, saved together)" },
    KEYS_CAMPAIGNS, KEYS_ORGS, KEYS_PEOPLE, KEYS_HOUSEHOLDS, KEYS_TOURS,
};
const screen_kind tasks_kind = SCREEN_KIND("danh sách đầu việc", "the task list", tasks_keys);

screen *tasks_new(tui *t, int64_t commune_id, int64_t hamlet_id, const char *crumb)
{
    tasks_screen *ts = calloc(1, sizeof *ts);
    if (!ts || !(ts->det = calloc(1, sizeof *ts->det))) { free(ts); return NULL; }
    ts->base.ops = &tasks_ops;
    ts->base.kind = &tasks_kind;
    ts->base.has_detail = 1;
    text_copy(ts->base.crumb, sizeof ts->base.crumb, crumb ? crumb : "");
    ts->f.commune_id = commune_id;
    ts->f.hamlet_id = hamlet_id;
    task_view_init(t, &ts->view, commune_id, hamlet_id);   /* the user's last filter */
    load(ts, t);
    return &ts->base;
}

/* x: the tasks shown, with the list's filter, search and order. */
static int64_t task_id_of(void *ctx, int row) { return ((tasks_screen *)ctx)->tasks.v[row].id; }

static int tasks_export(screen *s, tui *t, list_export *x)
{
    tasks_screen *ts = (tasks_screen *)s;
    x->kind = EXPORT_TASKS;
    snprintf(x->stem, sizeof x->stem, "%s", export_kind_stem(EXPORT_TASKS));
    x->unit1 = ts->f.commune_id;
    x->unit2 = ts->view.q.hamlet_id > 0 ? ts->view.q.hamlet_id : 0;
    if (!(x->ids = export_ids(&s->lv, task_id_of, ts, &x->n))) return tui_message(t, 1, "%s", L("Hết bộ nhớ", "Out of memory")), -1;
    return 0;
}
