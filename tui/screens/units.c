/* units: the list of provinces, of a province's communes or of a commune's hamlets,
 * with each unit's status and task counts. Counts are asked of the database only for rows
 * as they come on screen, and kept until the next reload. A commune's hamlet list starts
 * with a "(Toàn xã)" row: the commune-wide tasks, which belong to no hamlet. Each level
 * is a kind of its own (its keys); n e d S A open the forms of units_forms.c. */
#include "tui/screens/units.h"
#include "tui/screens/tasks/tasks.h"
#include "tui/entry.h"
#include "tui/export_ui.h"
#include "tui/global_keys.h"
#include "tui/print.h"
#include "tui/widgets/draw.h"
#include "model/i18n.h"
#include "model/task.h"
#include "model/text.h"
#include "model/unit.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct units_screen {
    screen base;
    char level;                /* what the rows are: 'p' provinces, 'c' communes, 'h' hamlets */
    int64_t parent_id;
    int whole;                 /* 1: data row 0 is the commune-wide row */
    unit_list units;
    unit_counts *counts;       /* per data row */
    unsigned char *counted;    /* counts[i] is filled */
    int name_w;                /* widest name, so the status column gets the rest */
} units_screen;

typedef struct { int name, status, done, over, prog; } units_cols;
enum { COL_DONE = 12, COL_OVER = 7, COL_PROG = 11, BAR_CELLS = 6 };   /* "30000/150075", "██████ 100%" */

static const char *whole_label(void) { return L("(Toàn xã)", "(Whole commune)"); }

static const unit_row *row_unit(const units_screen *u, int row)
{
    return u->whole && row == 0 ? NULL : &u->units.v[row - u->whole];
}

/* Counts of the commune-wide tasks: no query covers "hamlet_id IS NULL", so count the
 * (short) list of those tasks the way unit_count_tasks counts. */
static int whole_counts(tui *t, int64_t commune_id, unit_counts *c)
{
    task_filter f = { commune_id, -1 };
    task_list l;
    memset(c, 0, sizeof *c);
    if (task_list_load(t->db, &f, &l) != DB_OK) return DB_ERR;
    double sum = 0;
    for (int i = 0; i < l.n; i++) {
        const task_row *r = &l.v[i];
        if (r->status == 'x') continue;
        c->total++;
        c->done += r->status == 'd';
        c->open += r->status == 'o';
        c->overdue += r->overdue;
        sum += r->target > 0 ? (r->done / r->target < 1 ? r->done / r->target : 1) : r->status == 'd';
    }
    c->pct = c->total ? 100.0 * sum / c->total : 0;
    task_list_free(&l);
    return DB_OK;
}

static const unit_counts *row_counts(units_screen *u, tui *t, int row)
{
    if (!u->counted[row]) {
        const unit_row *r = row_unit(u, row);
        int rc = r ? unit_count_tasks(t->db, r, &u->counts[row]) : whole_counts(t, u->parent_id, &u->counts[row]);
        if (rc != DB_OK) tui_db_error(t);
        u->counted[row] = 1;    /* also on error: one message, not one per repaint */
    }
    return &u->counts[row];
}

static units_cols layout(int width, int name_w)
{
    units_cols c = { 0, 0, COL_DONE, COL_OVER, COL_PROG };
    int flex = width - 6 - COL_DONE - COL_OVER - COL_PROG;   /* 6: the spaces between columns */
    c.name = name_w < 11 ? 12 : name_w + 1;
    if (c.name > flex / 2) c.name = flex / 2;
    c.status = flex - c.name;
    if (c.status > 40) c.status = 40;   /* wide terminals: keep the numbers near the names */
    if (c.status < 0) c.status = 0;
    return c;
}

static void progress_text(const unit_counts *c, char *out, size_t n)
{
    size_t len = 0;
    int on = (int)(c->pct / 100.0 * BAR_CELLS);   /* down: a full bar means all done */
    out[0] = 0;
    if (!c->total) return;
    for (int i = 0; i < BAR_CELLS && len < n; i++)
        len += (size_t)snprintf(out + len, n - len, "%s", glyph(i < on ? G_BAR_ON : G_BAR_OFF));
    if (len < n) snprintf(out + len, n - len, " %3.0f%%", c->pct);
}

/* One line in the column layout; the header and the rows share it so they line up.
 * over_role colours the overdue count. */
static void draw_cells(WINDOW *w, int y, units_cols c, const char *const cell[5], role base, role over_role)
{
    draw_role(w, base);
    int x = draw_text(w, y, 0, 1, " ", DRAW_PAD);
    x += draw_text(w, y, x, c.name, cell[0], DRAW_PAD);
    x += draw_text(w, y, x, 1, " ", DRAW_PAD);
    x += draw_text(w, y, x, c.status, cell[1], DRAW_PAD);
    x += draw_text(w, y, x, c.done + 1, cell[2], DRAW_RIGHT);
    x += draw_text(w, y, x, 1, " ", DRAW_PAD);
    draw_role(w, over_role);
    x += draw_text(w, y, x, c.over, cell[3], DRAW_RIGHT);
    draw_role(w, base);
    x += draw_text(w, y, x, 2, " ", DRAW_PAD);
    draw_text(w, y, x, getmaxx(w) - x, cell[4], DRAW_PAD);
    draw_role(w, R_NORMAL);
}

static void header_name(const units_screen *u, char *out, size_t n)
{
    const char *what = u->level == 'p' ? L("Tỉnh", "Province") : u->level == 'c' ? L("Xã", "Commune") : L("Thôn", "Hamlet");
    snprintf(out, n, "%s (%d)", what, u->units.n);
}

static void draw_header(units_screen *u, tui *t, units_cols c)
{
    char name[64];
    header_name(u, name, sizeof name);
    const char *cell[5] = { name, L("Tình trạng", "Status"), L("Xong/Tổng", "Done/All"),
                            L("Quá hạn", "Overdue"), L("Tiến độ", "Progress") };
    draw_cells(t->list, 0, c, cell, R_HEADER, R_HEADER);
}

static void draw_row(units_screen *u, tui *t, int y, int row, int selected, units_cols c)
{
    const unit_row *r = row_unit(u, row);
    const unit_counts *n = row_counts(u, t, row);
    char done[32], over[16], prog[64];
    if (n->total) snprintf(done, sizeof done, "%d/%d", n->done, n->total);
    else snprintf(done, sizeof done, "%s", glyph(G_DASH));
    snprintf(over, sizeof over, n->overdue ? "%d" : "", n->overdue);
    progress_text(n, prog, sizeof prog);
    const char *cell[5] = { r ? r->name : whole_label(), r ? r->status : L("Việc chung của xã", "Commune-wide tasks"),
                            done, over, prog };
    role base = selected ? R_SELECTED : R_NORMAL;
    draw_cells(t->list, y, c, cell, base, n->overdue && !selected ? R_OVERDUE : base);
}

static void units_draw(screen *s, tui *t, int flags)
{
    units_screen *u = (units_screen *)s;
    WINDOW *w = t->list;
    if (!(flags & REDRAW_LIST)) return;
    int height = getmaxy(w) - 1;
    units_cols c = layout(getmaxx(w), u->name_w);
    werase(w);
    draw_header(u, t, c);
    list_scroll(&s->lv, height);
    for (int i = 0; i < height && s->lv.top + i < s->lv.n; i++) {
        int pos = s->lv.top + i;
        draw_row(u, t, i + 1, s->lv.idx[pos], pos == s->lv.cur, c);
    }
    if (s->lv.n == 0)
        draw_text(w, 2, 2, getmaxx(w) - 4, s->lv.query[0] ? L("Không có dòng nào khớp với từ tìm.", "No row matches the search.")
                  : u->level == 'p' ? L("Chưa có dữ liệu. Tạo dữ liệu mẫu: ntm demo", "No data yet. Make the demo data: ntm demo")
                  : L("Chưa có đơn vị nào ở đây.", "Nothing here yet."), 0);
}

static int units_match(void *s, int row, const char *q)
{
    units_screen *u = s;
    const unit_row *r = row_unit(u, row);
    char *key = text_fold(r ? r->name : whole_label());   /* name_key may be empty after a shell edit */
    int m = key && text_match(r && r->name_key[0] ? r->name_key : key, q);
    free(key);
    return m;
}

static int load(units_screen *u, tui *t)
{
    unit_list_free(&u->units);
    free(u->counts); free(u->counted);
    u->counts = NULL; u->counted = NULL;
    int rc = unit_children(t->db, u->parent_id, &u->units);
    if (rc != DB_OK) tui_db_error(t);
    int n = u->units.n + u->whole;
    u->counts = calloc((size_t)n + 1, sizeof *u->counts);
    u->counted = calloc((size_t)n + 1, 1);
    if (!u->counts || !u->counted || list_reset(&u->base.lv, n) < 0) {
        unit_list_free(&u->units);
        u->whole = 0;
        list_reset(&u->base.lv, 0);
        return tui_message(t, 1, "%s", L("Hết bộ nhớ", "Out of memory"));
    }
    char head[64];
    header_name(u, head, sizeof head);
    u->name_w = draw_width(head);
    if (u->whole && draw_width(whole_label()) > u->name_w) u->name_w = draw_width(whole_label());
    for (int i = 0; i < u->units.n; i++) {
        int w = draw_width(u->units.v[i].name);
        if (w > u->name_w) u->name_w = w;
    }
    list_filter(&u->base.lv, units_match, u);
    return 0;
}

static int units_reload(screen *s, tui *t)
{
    units_screen *u = (units_screen *)s;
    int row = list_row(&s->lv);
    const unit_row *r = row >= 0 ? row_unit(u, row) : NULL;
    int64_t id = r ? r->id : 0;
    int flags = load(u, t) | REDRAW_ALL;
    for (int i = 0; id && i < u->units.n; i++)
        if (u->units.v[i].id == id) list_select(&s->lv, i + u->whole);
    return flags;
}

static int units_open(units_screen *u, tui *t)
{
    int row = list_row(&u->base.lv);
    if (row < 0) return 0;
    const unit_row *r = row_unit(u, row);
    if (!r) return tui_push(t, tasks_new(t, u->parent_id, -1, whole_label()));
    if (r->kind == 'p') return tui_push(t, units_new(t, 'c', r->id, r->name));
    if (r->kind == 'c') return tui_push(t, units_new(t, 'h', r->id, r->name));
    return tui_push(t, tasks_new(t, r->parent_id, r->id, r->name));
}

enum { ACT_STATUS = ACT_SCREEN, ACT_CRITERION };

static int need(tui *t, const char *vi, const char *en) { return tui_message(t, 1, "%s", L(vi, en)); }

static int units_key(screen *s, tui *t, int action)
{
    units_screen *u = (units_screen *)s;
    int row = list_row(&s->lv);
    const unit_row *r = row >= 0 ? row_unit(u, row) : NULL;
    int64_t id = r ? r->id : 0;
    switch (action) {
    case ACT_OPEN: return units_open(u, t);
    case ACT_PRINT:
        if (!r || r->kind != 'h')
            return need(t, "Phiếu đầu việc in theo thôn: hãy chọn một thôn.", "Task sheets are per hamlet: select a hamlet.");
        return print_sheet(t, r->id);
    case ACT_NEW: return entry_unit_new(t, u->level, u->parent_id);
    case ACT_EDIT: case ACT_DELETE:
        if (!id)
            return need(t, "Hãy chọn một xã hoặc thôn (dòng \"(Toàn xã)\" không phải là một thôn).",
                        "Select a commune or hamlet (the \"(Whole commune)\" row is not a hamlet).");
        return action == ACT_DELETE ? entry_unit_delete(t, id) : entry_unit_edit(t, id);
    case ACT_STATUS: case ACT_CRITERION: {
        int64_t unit = id ? id : u->level == 'h' ? u->parent_id : 0;   /* "(Toàn xã)": the commune */
        if (!unit) return need(t, "Hãy chọn một xã hoặc thôn.", "Select a commune or hamlet.");
        int64_t commune = u->level == 'c' ? id : u->parent_id;
        return action == ACT_STATUS ? entry_unit_status(t, unit) : entry_unit_criterion(t, unit, commune);
    }
    default: return 0;
    }
}

static void units_free(screen *s)
{
    units_screen *u = (units_screen *)s;
    unit_list_free(&u->units);
    free(u->counts);
    free(u->counted);
    list_free(&s->lv);
    free(u);
}

static void units_where(screen *s, screen_where *w)
{
    units_screen *u = (units_screen *)s;
    int row = list_row(&s->lv);
    const unit_row *r = row >= 0 ? row_unit(u, row) : NULL;
    w->unit_id = r ? r->id : 0;
    w->unit_level = u->level;
    w->parent_id = u->parent_id;
    if (u->level == 'c') w->commune_id = w->unit_id;
    if (u->level == 'h') { w->commune_id = u->parent_id; w->hamlet_id = w->unit_id; }
    /* D and C: the selected commune or province; on a hamlet list its commune, the hamlet's row selected */
    w->area_id = u->level == 'h' ? u->parent_id : w->unit_id;
    w->area_select = u->level == 'h' ? w->unit_id : 0;
}

static void units_select(screen *s, int64_t unit_id)
{
    units_screen *u = (units_screen *)s;
    for (int i = 0; i < u->units.n; i++)
        if (u->units.v[i].id == unit_id) list_select(&s->lv, i + u->whole);
}

static int units_export(screen *s, tui *t, list_export *x);

static const struct screen_ops units_ops = {
    .draw = units_draw, .key = units_key, .reload = units_reload, .match = units_match, .free = units_free,
    .where = units_where, .select = units_select, .export = units_export,
};

/* ---- the keys of the three levels ---- */

#define K_OPEN \
    { ACT_OPEN, "open", 'l', { '\n', '\r', KEY_FN(KEY_ENTER), KEY_FN(KEY_RIGHT) }, "Enter", "Mở", "Open", \
      "Mở dòng đang chọn (xã, thôn, đầu việc)", "Open the selected row (commune, hamlet, tasks)" }
#define K_DASHBOARD \
    { ACT_DASH, "dashboard", 'D', { 0 }, NULL, "Tổng hợp", "Dashboard", \
      "Bảng tổng hợp của xã/tỉnh đang chọn: tiến độ, việc quá hạn, tiêu chí đạt", \
      "Dashboard of the selected commune/province: progress, overdue tasks, criteria met" }
/* the province list has no t: its help page at 80x24 is full (tests/e2e/help.sh reads the
 * search keys on its first page) */
#define K_LISTS K_DASHBOARD, KEYS_CRITERIA_LISTS, KEYS_EXPORT_LISTS, KEYS_GOTO, KEYS_UNDO_LISTS
#define K_EDIT \
    { ACT_EDIT, "edit_unit", 'e', { 0 }, NULL, NULL, NULL, \
      "Sửa xã/thôn: tên, nhóm, bộ tiêu chí (giữ tên cũ)", "Edit: name, group, criteria set (old name kept)" }, \
    { ACT_DELETE, "delete_unit", 'd', { KEY_FN(KEY_DC) }, NULL, NULL, NULL, \
      "Xóa xã/thôn không còn gì liên quan (u: hoàn tác)", "Delete a unit nothing refers to (u undoes)" }
#define K_STATUS \
    { ACT_STATUS, "unit_status", 'S', { 0 }, NULL, NULL, NULL, \
      "Danh hiệu/trạng thái (đạt chuẩn NTM, KDC kiểu mẫu)", "Status (met NTM standard, model area...)" }, \
    { ACT_CRITERION, "unit_criterion", 'A', { 0 }, NULL, NULL, NULL, \
      "Đánh giá một tiêu chí: đạt/chưa, hồ sơ, phụ trách", "Assess a criterion: met or not, dossier, owner" }

static const keydef provinces_keys[] = { K_OPEN, KEYS_BACK, KEYS_SEARCH, K_LISTS, KEYS_USERS };
static const keydef communes_keys[] = {
    K_OPEN, KEYS_BACK, KEYS_SEARCH, K_LISTS,
    { ACT_NEW, "new_commune", 'n', { 0 }, NULL, "Thêm", "New", "Thêm xã mới vào tỉnh này", "Add a commune to this province" },
    K_EDIT, KEYS_CAMPAIGNS, KEYS_ORGS, KEYS_PEOPLE, K_STATUS, KEYS_TOURS, KEYS_USERS,
};
static const keydef hamlets_keys[] = {
    K_OPEN, KEYS_BACK, KEYS_SEARCH, KEYS_PRINT_SHEET, K_LISTS,
    KEYS_WEEKLY("weekly"),           /* the bar is short at 80 columns: the weekly report first, it is daily work */
    { ACT_NEW, "new_hamlet", 'n', { 0 }, NULL, "Thêm", "New", "Thêm thôn mới vào xã này", "Add a hamlet to this commune" },
    K_EDIT, KEYS_CAMPAIGNS, KEYS_ORGS, KEYS_PEOPLE, KEYS_HOUSEHOLDS, K_STATUS, KEYS_TOURS,
};
const screen_kind provinces_kind = SCREEN_KIND("danh sách tỉnh", "the province list", provinces_keys);
const screen_kind communes_kind = SCREEN_KIND("danh sách xã", "the commune list", communes_keys);
const screen_kind hamlets_kind = SCREEN_KIND("danh sách thôn", "the hamlet list", hamlets_keys);

screen *units_new(tui *t, char level, int64_t parent_id, const char *crumb)
{
    units_screen *u = calloc(1, sizeof *u);
    if (!u) return NULL;
    u->base.ops = &units_ops;
    u->base.kind = level == 'p' ? &provinces_kind : level == 'c' ? &communes_kind : &hamlets_kind;
    text_copy(u->base.crumb, sizeof u->base.crumb, crumb ? crumb : "");
    u->level = level;
    u->parent_id = parent_id;
    u->whole = level == 'h';
    load(u, t);
    return &u->base;
}

/* The first screen: the provinces, or straight to the communes when there is one. */
screen *units_start(tui *t)
{
    unit_list top;
    if (unit_children(t->db, 0, &top) != DB_OK) { tui_db_error(t); return units_new(t, 'p', 0, ""); }
    /* The province list has no crumb: the path starts at a province's name. */
    screen *s = top.n == 1 ? units_new(t, 'c', top.v[0].id, top.v[0].name) : units_new(t, 'p', 0, "");
    unit_list_free(&top);
    return s;
}

/* x: the units shown; the "(Toàn xã)" row stands for the commune itself. */
static int64_t unit_id_of(void *ctx, int row)
{
    const units_screen *u = ctx;
    const unit_row *r = row_unit(u, row);
    return r ? r->id : u->parent_id;
}

static int units_export(screen *s, tui *t, list_export *x)
{
    units_screen *u = (units_screen *)s;
    x->kind = EXPORT_UNITS;
    snprintf(x->stem, sizeof x->stem, "%s", export_kind_stem(EXPORT_UNITS));
    x->unit1 = u->parent_id;
    if (!(x->ids = export_ids(&s->lv, unit_id_of, u, &x->n))) return tui_message(t, 1, "%s", L("Hết bộ nhớ", "Out of memory")), -1;
    return 0;
}
