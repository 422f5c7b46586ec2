/* global: the actions across screens (global.h). Each starts from what the screen on top
 * says it shows (screen_where) and opens the screen it asks for through that screen's
 * constructor; the screens never call each other for these. */
#include "tui/global.h"
#include "tui/export_ui.h"
#include "tui/global_keys.h"
#include "tui/screens/criteria.h"
#include "tui/screens/dash.h"
#include "tui/screens/goto.h"
#include "tui/screens/records.h"
#include "tui/screens/tour/tours.h"
#include "tui/screens/users.h"
#include "tui/screens/weekly.h"
#include "tui/widgets/dialog.h"
#include "model/i18n.h"
#include "model/task_edit.h"
#include "model/undo.h"
#include "model/unit.h"
#include <stdio.h>
#include <stdlib.h>

static int need(tui *t, const char *vi, const char *en) { return tui_message(t, 1, "%s", L(vi, en)); }

/* A dashboard already open for this unit comes to the top again; else a new one. */
static int open_dash(tui *t, int64_t id)
{
    for (int i = t->depth - 1; i >= 0; i--) {
        if (dash_unit(t->stack[i]) != id) continue;
        tui_pop_to(t, i + 1);
        return RELOAD | RELAYOUT | REDRAW_ALL;
    }
    char crumb[208];
    if (tui_unit_crumb(t, id, "Tổng hợp", "Dashboard", crumb, sizeof crumb)) return tui_db_error(t);
    return tui_push(t, dash_new(t, id, crumb));
}

static int open_criteria(tui *t, int64_t id, int64_t select)
{
    char crumb[208];
    if (tui_unit_crumb(t, id, "Tiêu chí", "Criteria", crumb, sizeof crumb)) return tui_db_error(t);
    screen *c = criteria_new(t, id, crumb);
    if (c && select) c->ops->select(c, select);
    return tui_push(t, c);
}

static int undo(tui *t)
{
    undo_info u;
    char q[600];
    if (db_is_readonly(t->db))
        return tui_message(t, 1, "%s", L("Cơ sở dữ liệu chỉ đọc: không hoàn tác được.", "The database is read-only: nothing can be undone."));
    int rc = undo_peek(t->db, &u);
    if (rc == DB_NOTFOUND) return tui_message(t, 0, "%s", db_errmsg(t->db));
    if (rc) return tui_db_error(t);
    snprintf(q, sizeof q, L("Hoàn tác: %s?", "Undo: %s?"), u.summary);
    int a;
    while ((a = dialog_confirm(q, 0)) == DLG_RESIZED) tui_repaint(t, 0);
    if (a != DLG_YES) return tui_message(t, 0, "%s", L("Không hoàn tác.", "Nothing undone."));
    rc = undo_last(t->db, &u);
    if (rc) { tui_db_error(t); return RELOAD | REDRAW_ALL; }
    return tui_message(t, 0, L("Đã hoàn tác: %s", "Undone: %s"), u.summary) | RELOAD | REDRAW_ALL;
}

static int go_to(tui *t)
{
    screen *g = goto_new(t);
    int flags = tui_push(t, g);
    if (g && tui_top(t) == g) t->searching = 1;       /* typing goes to its query */
    return flags | REDRAW_STATUS;
}

/* t: the commune the screen is about, else a message. */
static int open_tours(tui *t, const screen_where *w)
{
    char crumb[512];
    if (!w->commune_id) return need(t, "Hãy chọn một xã.", "Select a commune.");
    if (w->unit_level == 'c') {                /* the commune list: the commune is not in the path yet */
        unit_row u;
        if (unit_get(t->db, w->commune_id, &u) != DB_OK) return tui_db_error(t);
        snprintf(crumb, sizeof crumb, "%s %s", L("Tour kiểm tra", "Tours of"), u.name);
    } else {
        snprintf(crumb, sizeof crumb, "%s", L("Tour kiểm tra", "Tours"));
    }
    return tui_push(t, tours_new(t, w->commune_id, crumb));
}

/* The hamlet a key is about: the screen's, else the selected task's. */
static int64_t hamlet_of(tui *t, const screen_where *w)
{
    if (w->hamlet_id > 0) return w->hamlet_id;
    if (w->task_id) {
        task_rec *r = malloc(sizeof *r);
        int64_t h = r && task_read(t->db, w->task_id, r) == DB_OK ? r->hamlet_id : 0;
        free(r);
        return h;
    }
    return 0;
}

static int open_records(tui *t, screen *s, const screen_where *w, char what)
{
    if (what == REC_HOUSEHOLDS) {
        int64_t h = hamlet_of(t, w);
        if (h <= 0) return need(t, "Hộ gia đình xem theo thôn: hãy chọn một thôn.", "Households are per hamlet: select a hamlet.");
        return records_open(t, s, what, h, w->commune_id);
    }
    if (!w->commune_id) return need(t, "Hãy chọn một xã trước.", "Select a commune first.");
    return records_open(t, s, what, w->commune_id, w->commune_id);
}

int global_key(tui *t, screen *s, int action)
{
    screen_where w = { 0 };
    if (s->ops->where) s->ops->where(s, &w);
    switch (action) {
    case ACT_GOTO: return go_to(t);
    case ACT_UNDO: return undo(t);
    case ACT_EXPORT: return export_list(t, s);
    case ACT_DASH:
        if (!w.area_id) return need(t, "Hãy chọn một xã hoặc một tỉnh.", "Select a commune or a province.");
        return open_dash(t, w.area_id);
    case ACT_CRITERIA:
        if (!w.area_id) return need(t, "Hãy chọn một xã hoặc một tỉnh.", "Select a commune or a province.");
        return open_criteria(t, w.area_id, w.area_select);
    case ACT_TOURS: return open_tours(t, &w);
    case ACT_WEEKLY: {
        int64_t h = hamlet_of(t, &w);
        if (h <= 0) return need(t, "Báo cáo tuần làm theo thôn: hãy chọn một thôn.", "Weekly reports are per hamlet: select a hamlet.");
        return weekly_open(t, h);
    }
    case ACT_CAMPAIGNS: return open_records(t, s, &w, REC_CAMPAIGNS);
    case ACT_ORGS: return open_records(t, s, &w, REC_ORGS);
    case ACT_PEOPLE: return open_records(t, s, &w, REC_PEOPLE);
    case ACT_HOUSEHOLDS: return open_records(t, s, &w, REC_HOUSEHOLDS);
    case ACT_USERS: return tui_push(t, users_new(t));
    default: return 0;
    }
}
