/* dash: the dashboard, the first screen. For a commune: the current campaign and
 * its days left, the task counts (done, open, overdue, due in 7 days), criteria met X/N
 * under the commune's set, the hamlets ranked by progress with a bar each, the most
 * overdue tasks. For a province the same numbers summed over its communes, the communes
 * ranked. Every number comes from model/dashboard.c in one read per reload.
 *
 * The ranking is the papers' (model/period_report.h: % done, then fewer overdue, then the
 * name), its top marked "biểu dương" and its bottom "phê bình" as the weekly report names
 * them. The cursor walks the ranked rows, then the overdue tasks, then the open follow-ups
 * of inspection tours: Enter on a hamlet opens its tasks, on a commune its dashboard, on a
 * task its list with it selected. The drawing is dash_draw.c's. */
#include "tui/screens/dash_int.h"
#include "tui/screens/tasks/tasks.h"
#include "tui/screens/units.h"
#include "tui/export_ui.h"
#include "tui/global_keys.h"
#include "tui/print.h"
#include "tui/widgets/draw.h"
#include "model/ui_state.h"
#include "model/dashboard.h"
#include "model/period_report.h"
#include "model/date.h"
#include "model/i18n.h"
#include "model/text.h"
#include "model/unit.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { N_LATE = 30 };

static const struct screen_ops dash_ops;

int64_t dash_unit(const screen *s) { return s && s->ops == &dash_ops ? ((const dash_screen *)s)->unit_id : 0; }

/* ---- data ---- */

static int dash_match(void *ctx, int row, const char *q)
{
    dash_screen *ds = ctx;
    char buf[1200];
    if (row < ds->d.n_ranks) snprintf(buf, sizeof buf, "%s", ds->d.ranks[row].name);
    else {
        const dash_late *l = &ds->d.late[row - ds->d.n_ranks];
        snprintf(buf, sizeof buf, "%s %s %s %s", l->title, l->hamlet, l->commune, l->owner);
    }
    char *key = text_fold(buf);
    int m = key && text_match(key, q);
    free(key);
    return m;
}

/* Whom the weekly report would praise and name: the same pick over the same order. */
static void pick_marks(dash_screen *ds)
{
    ds->n_ranked = ds->n_top = ds->n_bottom = 0;
    rank_key *k = ds->d.n_ranks ? calloc((size_t)ds->d.n_ranks, sizeof *k) : NULL;
    if (!k) return;
    for (int i = 0; i < ds->d.n_ranks; i++)
        k[i] = (rank_key){ ds->d.ranks[i].c.progress, ds->d.ranks[i].c.total, ds->d.ranks[i].c.overdue, i };
    period_rank_pick(k, ds->d.n_ranks, &ds->n_ranked, &ds->n_top, &ds->n_bottom);
    free(k);
}

/* On a province's dashboard, when each commune's last sync file came: only when the file
 * is a roll-up (some commune sent one), else every commune would read "never". */
static void load_sync(dash_screen *ds, tui *t)
{
    free(ds->sync); free(ds->sync_of);
    ds->sync = NULL; ds->sync_of = NULL; ds->n_sync = 0;
    if (ds->rc || ds->d.kind != 'p' || !ds->d.n_ranks) return;
    if (sync_commune_status(t->db, ds->unit_id, &ds->sync, &ds->n_sync) != DB_OK) { ds->n_sync = 0; return; }
    int fed = 0;
    for (int i = 0; i < ds->n_sync; i++) fed |= ds->sync[i].seq > 0;
    if (!fed || !(ds->sync_of = malloc(sizeof *ds->sync_of * (size_t)ds->d.n_ranks))) return;
    for (int r = 0; r < ds->d.n_ranks; r++) {
        ds->sync_of[r] = -1;
        for (int i = 0; i < ds->n_sync; i++)
            if (ds->sync[i].id == ds->d.ranks[r].id) { ds->sync_of[r] = i; break; }
    }
}

static int load(dash_screen *ds, tui *t)
{
    dashboard_free(&ds->d);
    ds->rc = dashboard_load(t->db, ds->unit_id, N_LATE, &ds->d);
    if (ds->rc) {
        text_copy(ds->err, sizeof ds->err, db_errmsg(t->db));
        dashboard_free(&ds->d);
    }
    if (list_reset(&ds->base.lv, ds->rc ? 0 : ds->d.n_ranks + ds->d.n_late + ds->d.n_followups) < 0)
        return tui_message(t, 1, "%s", L("Hết bộ nhớ", "Out of memory"));
    pick_marks(ds);
    load_sync(ds, t);
    list_filter(&ds->base.lv, dash_match, ds);
    return 0;
}

/* The id of data row (rank or overdue task) and which it is, to find it again. */
static int64_t row_id(const dash_screen *ds, int row, int *late)
{
    *late = row < ds->d.n_ranks ? 0 : row < ds->d.n_ranks + ds->d.n_late ? 1 : 2;
    if (row < 0) return 0;
    return *late ? ds->d.late[row - ds->d.n_ranks].id : ds->d.ranks[row].id;
}

static int dash_reload(screen *s, tui *t)
{
    dash_screen *ds = (dash_screen *)s;
    int late = 0;
    int64_t id = ds->rc ? 0 : row_id(ds, list_row(&s->lv), &late);
    int flags = load(ds, t) | REDRAW_ALL;
    for (int i = 0; id && i < ds->d.n_ranks + ds->d.n_late + ds->d.n_followups; i++) {
        int l;
        if (row_id(ds, i, &l) == id && l == late) { list_select(&s->lv, i); break; }
    }
    return flags;
}

/* ---- keys ---- */

static int open_late(dash_screen *ds, tui *t, const dash_late *l)
{
    task_detail *det = calloc(1, sizeof *det);
    if (!det) return tui_message(t, 1, "%s", L("Hết bộ nhớ", "Out of memory"));
    if (task_get(t->db, l->id, det) != DB_OK) { free(det); return tui_db_error(t); }
    int64_t hamlet = det->row.hamlet_id > 0 ? det->row.hamlet_id : -1;
    free(det);
    char crumb[420];
    const char *place = l->hamlet[0] ? l->hamlet : L("(Toàn xã)", "(Whole commune)");
    if (ds->d.kind == 'p') snprintf(crumb, sizeof crumb, "%s%s%s", l->commune, glyph(G_PATH), place);
    else snprintf(crumb, sizeof crumb, "%s", place);
    screen *ts = tasks_new(t, l->commune_id, hamlet, crumb);
    int f = tui_push(t, ts);
    if (ts && tui_top(t) == ts) {
        screen_where w = { 0 };
        ts->ops->select(ts, l->id);
        ts->ops->where(ts, &w);
        if (w.task_id != l->id)
            f |= tui_message(t, 0, "%s", L("Đầu việc này bị bộ lọc ẩn (F để đổi bộ lọc).", "The filter hides this task (F changes it)."));
    }
    return f;
}

static int dash_open(dash_screen *ds, tui *t)
{
    int row = list_row(&ds->base.lv);
    if (row < 0) return 0;
    if (row >= ds->d.n_ranks) return open_late(ds, t, &ds->d.late[row - ds->d.n_ranks]);
    const dash_rank *r = &ds->d.ranks[row];
    if (ds->d.kind == 'c') return tui_push(t, tasks_new(t, ds->unit_id, r->id, r->name));
    char crumb[208];
    if (tui_unit_crumb(t, r->id, "Tổng hợp", "Dashboard", crumb, sizeof crumb)) return tui_db_error(t);
    return tui_push(t, dash_new(t, r->id, crumb));
}

enum { ACT_UNITS = ACT_SCREEN, ACT_TASKS };

static int dash_key(screen *s, tui *t, int action)
{
    dash_screen *ds = (dash_screen *)s;
    if (ds->rc && action != ACT_UNITS) return 0;
    switch (action) {
    case ACT_OPEN:
        return dash_open(ds, t);
    case ACT_UNITS:
        return tui_push(t, units_new(t, ds->d.kind == 'p' ? 'c' : 'h', ds->unit_id, ds->d.name[0] ? ds->d.name : s->crumb));
    case ACT_TASKS:
        if (ds->d.kind != 'c')
            return tui_message(t, 0, "%s", L("Mở bảng tổng hợp của một xã (Enter trên xã) để xem mọi đầu việc của xã.",
                                             "Open a commune's dashboard (Enter on it) to list all its tasks."));
        return tui_push(t, tasks_new(t, ds->unit_id, 0, L("Mọi đầu việc", "All tasks")));
    case ACT_PRINT:
        return period_print_dash(t, ds->unit_id);
    default:
        return 0;
    }
}

static void dash_free(screen *s)
{
    dash_screen *ds = (dash_screen *)s;
    dashboard_free(&ds->d);
    free(ds->sync); free(ds->sync_of);
    list_free(&s->lv);
    free(ds);
}

static void dash_where(screen *s, screen_where *w) { w->area_id = ((dash_screen *)s)->unit_id; }   /* C */

static int dash_export(screen *s, tui *t, list_export *x);

static const struct screen_ops dash_ops = {
    .draw = dash_draw, .key = dash_key, .reload = dash_reload, .match = dash_match, .free = dash_free,
    .where = dash_where, .export = dash_export,
};

/* x is on the bar where there is room for it; the unit lists are X (x was taken). */
static const keydef dash_keys[] = {
    KEYS_BACK, KEYS_SEARCH,
    { ACT_OPEN, "dash_open", 'l', { '\n', '\r', KEY_FN(KEY_ENTER), KEY_FN(KEY_RIGHT) }, "Enter", "Mở", "Open",
      "Mở dòng đang chọn: đầu việc của thôn, bảng tổng hợp của xã, danh sách việc quá hạn. Thứ hạng như báo cáo "
      "tuần: % hoàn thành, rồi ít việc quá hạn hơn, rồi tên; ▲ biểu dương, ▼ phê bình",
      "Open the selected row: the hamlet's tasks, the commune's dashboard, the overdue task. Ranked as the weekly "
      "report ranks: % done, then fewer overdue, then the name; ▲ praised, ▼ criticised" },
    { ACT_UNITS, "dash_units", 'X', { 0 }, NULL, "Xã/thôn", "Units",
      "Danh sách xã/thôn bên dưới (các thôn của xã, các xã của tỉnh)",
      "The unit lists below (the commune's hamlets, the province's communes)" },
    { ACT_CRITERIA, "criteria", 'C', { 0 }, NULL, "Tiêu chí", "Criteria",
      "Bảng tiêu chí: đơn vị × tiêu chí, đổi tình trạng tại chỗ",
      "The criteria matrix: units × criteria, change a status in place" },
    { ACT_TASKS, "dash_tasks", 'T', { 0 }, NULL, NULL, NULL,
      "Mọi đầu việc của xã (lọc được theo thôn, đợt, người phụ trách, tiêu chí)",
      "Every task of the commune (filter by hamlet, campaign, owner, criterion)" },
    { ACT_PRINT, "print_report", 'i', { KEY_FN(KEY_F(2)) }, NULL, "In báo cáo", "Print report",
      "In báo cáo gửi cấp trên ra PDF: tuần này, tuần trước, tháng này, hôm nay (tiến độ từng thôn, việc quá hạn, xếp hạng, biểu đồ)",
      "Write the report up the chain to a PDF: this week, last week, this month, today (progress, overdue, ranking, chart)" },
    KEYS_EXPORT, KEYS_GOTO, KEYS_UNDO_LISTS, KEYS_USERS,
};
const screen_kind dash_kind = SCREEN_KIND("bảng tổng hợp", "the dashboard", dash_keys);

screen *dash_new(tui *t, int64_t unit_id, const char *crumb)
{
    dash_screen *ds = calloc(1, sizeof *ds);
    if (!ds) return NULL;
    ds->base.ops = &dash_ops;
    ds->base.kind = &dash_kind;
    text_copy(ds->base.crumb, sizeof ds->base.crumb, crumb ? crumb : "");
    ds->unit_id = unit_id;
    load(ds, t);
    /* The dashboard last looked at is where this user starts next time. */
    char v[24];
    snprintf(v, sizeof v, "%lld", (long long)unit_id);
    ui_state_set(t->db, "start.dashboard", v);
    return &ds->base;
}

/* The dashboard this user last looked at, if its unit is still there. */
static int64_t last_dashboard(tui *t)
{
    char v[24];
    unit_row r;
    if (ui_state_get(t->db, "start.dashboard", v, sizeof v) != DB_OK) return 0;
    int64_t id = strtoll(v, NULL, 10);
    return id > 0 && unit_get(t->db, id, &r) == DB_OK && r.kind != 'h' ? id : 0;
}

/* The first screen: the dashboard this user last opened; else one commune in the file
 * -> its dashboard; one province -> the province's; else the province list. */
/* One commune in the file -> its id; else one province -> its id; else 0. */
static int64_t only_unit(tui *t)
{
    unit_list provinces;
    if (unit_children(t->db, 0, &provinces) != DB_OK) return 0;
    int64_t commune = 0, unit = 0;
    int communes = 0;
    for (int i = 0; i < provinces.n; i++) {
        unit_list c;
        if (unit_children(t->db, provinces.v[i].id, &c) != DB_OK) continue;
        communes += c.n;
        if (c.n) commune = c.v[0].id;
        unit_list_free(&c);
    }
    if (communes == 1) unit = commune;
    else if (provinces.n == 1) unit = provinces.v[0].id;
    unit_list_free(&provinces);
    return unit;
}

screen *dash_start(tui *t)
{
    int64_t unit = last_dashboard(t);
    if (!unit) unit = only_unit(t);
    char crumb[208];
    if (!unit || tui_unit_crumb(t, unit, "Tổng hợp", "Dashboard", crumb, sizeof crumb)) return units_start(t);
    return dash_new(t, unit, crumb);
}

/* ---- x: the ranking as shown (the overdue list is the task list's to export) ---- */

static const export_col RANK_HAMLETS_X[] = {
    { "Hạng", EXPORT_INT }, { "Thôn", EXPORT_TEXT }, { "Tiến độ", EXPORT_PERCENT }, { "Đã xong", EXPORT_INT },
    { "Số đầu việc", EXPORT_INT }, { "Quá hạn", EXPORT_INT }, { "Tiêu chí đạt", EXPORT_INT }, { "Số tiêu chí", EXPORT_INT },
};
static const export_col RANK_COMMUNES_X[] = {
    { "Hạng", EXPORT_INT }, { "Xã", EXPORT_TEXT }, { "Tiến độ", EXPORT_PERCENT }, { "Đã xong", EXPORT_INT },
    { "Số đầu việc", EXPORT_INT }, { "Quá hạn", EXPORT_INT }, { "Tiêu chí đạt", EXPORT_INT }, { "Số tiêu chí", EXPORT_INT },
};

static int rank_rows(screen *s, tui *t, export_file *f)
{
    dash_screen *ds = (dash_screen *)s;
    for (int i = 0; i < s->lv.n; i++) {
        int row = s->lv.idx[i];
        if (row >= ds->d.n_ranks) continue;
        const dash_rank *r = &ds->d.ranks[row];
        export_int(f, row + 1);
        export_text(f, r->name);
        if (r->c.total) export_percent(f, r->c.progress); else export_blank(f);
        export_int(f, r->c.done);
        export_int(f, r->c.total);
        export_int(f, r->c.overdue);
        if (r->criteria_total) { export_int(f, r->criteria_met); export_int(f, r->criteria_total); }
        if (export_row_end(f)) return -1;
    }
    return 0;
}

static int dash_export(screen *s, tui *t, list_export *x)
{
    dash_screen *ds = (dash_screen *)s;
    if (ds->rc) { tui_message(t, 1, "%s", ds->err); return -1; }
    snprintf(x->stem, sizeof x->stem, "xep-hang");
    x->unit1 = ds->unit_id;
    x->sheet = ds->d.kind == 'p' ? "Xếp hạng xã" : "Xếp hạng thôn";
    x->cols = ds->d.kind == 'p' ? RANK_COMMUNES_X : RANK_HAMLETS_X;
    x->ncols = (int)(sizeof RANK_HAMLETS_X / sizeof RANK_HAMLETS_X[0]);
    x->rows = rank_rows;
    return 0;
}
