/* tours: the inspection tours of a commune (A: of every commune), newest first:
 * date, name, commune, stops, checks passed and failed, open follow-ups. Enter opens
 * one; n, e, d create, edit and delete; p P s print. */
#include "tui/screens/tour/tour.h"
#include "tui/export_ui.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/draw.h"
#include "tui/global_keys.h"
#include "model/date.h"
#include "model/i18n.h"
#include "model/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct tours_screen {
    screen base;
    int64_t commune_id;        /* 0: every commune */
    int64_t home_id;           /* the commune it was opened for (A goes back to it) */
    char home_crumb[208];
    tour_row *v;
    int n;
    int64_t want;              /* select this tour after the next reload (0: keep) */
} tours_screen;

enum { COL_DATE = 10, COL_NUM = 4, COMMUNE_MAX = 18, NAME_MIN = 24 };

typedef struct { int name, commune, stops, pass, fail, open; } tours_cols;

static const char *head_stops(void) { return C_("Stops", "Điểm"); }
static const char *head_pass(void) { return C_("Pass", "Đạt"); }
static const char *head_fail(void) { return C_("Failed", "Chưa đạt"); }
static const char *head_open(void) { return _("Việc mở"); }

static int max_i(int a, int b) { return a > b ? a : b; }

static tours_cols layout(const tours_screen *ts, int width)
{
    tours_cols c;
    c.stops = max_i(COL_NUM, draw_width(head_stops()));
    c.pass = max_i(COL_NUM, draw_width(head_pass()));
    c.fail = max_i(COL_NUM, draw_width(head_fail()));
    c.open = max_i(COL_NUM, draw_width(head_open()));
    int fixed = 1 + COL_DATE + 1 + 1 + c.stops + 1 + c.pass + 1 + c.fail + 1 + c.open + 1;
    int cw = 0;                                    /* the widest commune name */
    for (int i = 0; i < ts->n; i++) cw = max_i(cw, draw_width(ts->v[i].commune));
    cw = max_i(cw, draw_width(_("Xã")));
    if (cw > COMMUNE_MAX) cw = COMMUNE_MAX;
    /* one commune: its name is in the path already; show it only when there is room */
    c.commune = ts->commune_id && width - fixed - cw - 1 < NAME_MIN + 20 ? 0 : cw;
    c.name = width - fixed - (c.commune ? c.commune + 1 : 0);
    if (c.name < 8) c.name = 8;
    return c;
}

static void draw_cells(WINDOW *w, int y, tours_cols c, const char *const cell[7], role base)
{
    draw_role(w, base);
    int x = draw_text(w, y, 0, 1, " ", DRAW_PAD);
    x += draw_text(w, y, x, COL_DATE, cell[0], DRAW_PAD);
    x += draw_text(w, y, x, 1, " ", DRAW_PAD);
    x += draw_text(w, y, x, c.name, cell[1], DRAW_PAD);
    if (c.commune) {
        x += draw_text(w, y, x, 1, " ", DRAW_PAD);
        x += draw_text(w, y, x, c.commune, cell[2], DRAW_PAD);
    }
    x += draw_text(w, y, x, c.stops + 1, cell[3], DRAW_RIGHT);
    x += draw_text(w, y, x, c.pass + 1, cell[4], DRAW_RIGHT);
    x += draw_text(w, y, x, c.fail + 1, cell[5], DRAW_RIGHT);
    x += draw_text(w, y, x, c.open + 1, cell[6], DRAW_RIGHT);
    draw_text(w, y, x, getmaxx(w) - x, " ", DRAW_PAD);
    draw_role(w, R_NORMAL);
}

static void tours_draw(screen *s, tui *t, int flags)
{
    tours_screen *ts = (tours_screen *)s;
    WINDOW *w = t->list;
    if (!(flags & REDRAW_LIST)) return;
    int height = getmaxy(w) - 1;
    tours_cols c = layout(ts, getmaxx(w));
    char title[64];
    snprintf(title, sizeof title, "%s (%d)", C_("Inspection tours", "Tour kiểm tra"), ts->n);
    const char *head[7] = { _("Ngày"), title, _("Xã"), head_stops(), head_pass(), head_fail(), head_open() };
    werase(w);
    draw_cells(w, 0, c, head, R_HEADER);
    list_scroll(&s->lv, height);
    for (int i = 0; i < height && s->lv.top + i < s->lv.n; i++) {
        int pos = s->lv.top + i;
        const tour_row *r = &ts->v[s->lv.idx[pos]];
        char date[11], stops[16], pass[16], fail[16], open[16];
        date_show(r->date, date);
        snprintf(stops, sizeof stops, "%d", r->n_stops);
        snprintf(pass, sizeof pass, "%d", r->n_pass);
        snprintf(fail, sizeof fail, "%d", r->n_fail);
        snprintf(open, sizeof open, "%d", r->n_followups_open);
        const char *cell[7] = { date[0] ? date : C_("no date", "chưa định"), r->name, r->commune, stops, pass,
                                r->n_fail ? fail : glyph(G_DASH), r->n_followups_open ? open : glyph(G_DASH) };
        draw_cells(w, i + 1, c, cell, pos == s->lv.cur ? R_SELECTED : R_NORMAL);
    }
    if (s->lv.n == 0)
        draw_text(w, 2, 2, getmaxx(w) - 4, s->lv.query[0] ? _("Không có tour nào khớp với từ tìm.")
                  : _("Chưa có tour kiểm tra nào. Nhấn n để tạo tour mới."), 0);
}

static int tours_match(void *s, int row, const char *q)
{
    const tour_row *r = &((tours_screen *)s)->v[row];
    char buf[512];
    snprintf(buf, sizeof buf, "%s %s", r->name, r->commune);
    char *key = text_fold(buf);
    int m = key && text_match(key, q);
    free(key);
    return m;
}

static int load(tours_screen *ts, tui *t)
{
    free(ts->v);
    ts->v = NULL; ts->n = 0;
    if (tour_list(t->db, ts->commune_id, &ts->v, &ts->n) != DB_OK) tui_db_error(t);
    if (list_reset(&ts->base.lv, ts->n) < 0) {
        free(ts->v); ts->v = NULL; ts->n = 0;
        return tui_message(t, 1, "%s", _("Hết bộ nhớ"));
    }
    list_filter(&ts->base.lv, tours_match, ts);
    return 0;
}

static int64_t selected_id(tours_screen *ts)
{
    int row = list_row(&ts->base.lv);
    return row >= 0 ? ts->v[row].id : 0;
}

static int tours_reload(screen *s, tui *t)
{
    tours_screen *ts = (tours_screen *)s;
    int64_t id = ts->want ? ts->want : selected_id(ts);
    ts->want = 0;
    int flags = load(ts, t) | REDRAW_ALL;
    for (int i = 0; id && i < ts->n; i++)
        if (ts->v[i].id == id) list_select(&s->lv, i);
    return flags;
}

static const tour_row *selected(tours_screen *ts, tui *t)
{
    int row = list_row(&ts->base.lv);
    if (row < 0) tui_message(t, 1, "%s", _("Chưa có tour nào được chọn."));
    return row >= 0 ? &ts->v[row] : NULL;
}

static int delete_tour(tours_screen *ts, tui *t, const tour_row *r)
{
    char q[900];
    snprintf(q, sizeof q, _("Xóa tour \"%s\" cùng %d điểm dừng và %d mục kiểm tra? Việc khắc phục đã giao vẫn giữ lại."),
             r->name, r->n_stops, r->n_checks);
    int a;
    while ((a = dialog_confirm(q, 0)) == DLG_RESIZED) tui_repaint(t, 0);
    if (a != DLG_YES) return tui_message(t, 0, "%s", C_("Not deleted.", "Không xóa."));
    char name[sizeof r->name];
    snprintf(name, sizeof name, "%s", r->name);
    if (tour_delete(t->db, r->id) != DB_OK) return tui_db_error(t);
    return tui_message(t, 0, _("Đã xóa tour \"%s\"."), name) | RELOAD | REDRAW_ALL;
}

enum { ACT_ALL = ACT_TOUR_OWN };

static int tours_key(screen *s, tui *t, int action)
{
    tours_screen *ts = (tours_screen *)s;
    const tour_row *r;
    int64_t id = 0;
    switch (action) {
    case ACT_NEW:
        if (!tour_form(t, ts->commune_id, &id)) return REDRAW_ALL;
        ts->want = id;
        return tui_message(t, 0, "%s", _("Đã tạo tour. Nhấn Enter để mở và thêm điểm dừng (a).")) | RELOAD | REDRAW_ALL;
    case ACT_ALL:
        if (!ts->home_id) return 0;
        ts->commune_id = ts->commune_id ? 0 : ts->home_id;
        if (ts->commune_id) text_copy(s->crumb, sizeof s->crumb, ts->home_crumb);
        else text_copy(s->crumb, sizeof s->crumb, _("Tour kiểm tra của mọi xã"));
        return RELOAD | REDRAW_ALL;
    case ACT_OPEN:
    case ACT_EDIT:
    case ACT_DELETE:
    case ACT_ROUTE:
    case ACT_ROUTE_COMPACT:
    case ACT_SUMMARY:
        if (!(r = selected(ts, t))) return REDRAW_STATUS;
        id = r->id;
        if (action == ACT_OPEN) return tui_push(t, tour_new(t, id, r->name));
        if (action == ACT_DELETE) return delete_tour(ts, t, r);
        if (action == ACT_EDIT)
            return tour_form(t, r->commune_id, &id) ? tui_message(t, 0, "%s", _("Đã lưu tour.")) | RELOAD | REDRAW_ALL
                                                     : REDRAW_ALL;
        return tour_print(t, id, action == ACT_SUMMARY ? 's' : action == ACT_ROUTE_COMPACT ? 'P' : 'p');
    default:
        return tui_key_unused(t);
    }
}

static void tours_free(screen *s)
{
    tours_screen *ts = (tours_screen *)s;
    free(ts->v);
    list_free(&s->lv);
    free(ts);
}

static int tours_export(screen *s, tui *t, list_export *x);

static const struct screen_ops tours_ops = {
    .draw = tours_draw, .key = tours_key, .reload = tours_reload, .match = tours_match, .free = tours_free,
    .export = tours_export,
};

static const keydef tours_keys[] = {
    KEYS_BACK, KEYS_SEARCH, KEYS_EXPORT, KEYS_GOTO, KEYS_UNDO_LISTS,
    { ACT_OPEN, "tour_open", 'l', { '\n', '\r', KEY_FN(KEY_ENTER), KEY_FN(KEY_RIGHT) }, "Enter", N_("Mở"),
      N_("Mở tour: các điểm dừng và mục kiểm tra") },
    { ACT_NEW, "tour_new", 'n', { 0 }, NULL, N_("Tour mới"),
      N_("Tạo tour mới (tên, ngày, xã, đoàn, mục đích)") },
    { ACT_EDIT, "tour_edit", 'e', { 0 }, NULL, N_("Sửa"), N_("Sửa tour đang chọn") },
    { ACT_DELETE, "tour_delete", 'd', { KEY_FN(KEY_DC) }, NULL, N_("Xóa"),
      N_("Xóa tour đang chọn (hỏi lại trước)") },
    { ACT_ALL, "tours_all", 'A', { 0 }, NULL, NULL,
      N_("Tour của mọi xã / chỉ của xã này") },
    KEYS_TOUR_PRINT,
};
const screen_kind tours_kind = SCREEN_KIND(N_("danh sách tour kiểm tra"), tours_keys);

screen *tours_new(tui *t, int64_t commune_id, const char *crumb)
{
    tours_screen *ts = calloc(1, sizeof *ts);
    if (!ts) return NULL;
    ts->base.ops = &tours_ops;
    ts->base.kind = &tours_kind;
    text_copy(ts->base.crumb, sizeof ts->base.crumb, crumb ? crumb : "");
    ts->commune_id = ts->home_id = commune_id;
    text_copy(ts->home_crumb, sizeof ts->home_crumb, ts->base.crumb);
    load(ts, t);
    return &ts->base;
}

/* ---- x: the tours shown ---- */

static const export_col TOURS_X[] = {
    { "Ngày", EXPORT_DATE }, { "Tên tour", EXPORT_TEXT }, { "Xã", EXPORT_TEXT }, { "Số điểm", EXPORT_INT },
    { "Số mục kiểm tra", EXPORT_INT }, { "Đạt", EXPORT_INT }, { "Chưa đạt", EXPORT_INT },
    { "Việc khắc phục", EXPORT_INT }, { "Việc khắc phục còn mở", EXPORT_INT },
};

static int tours_rows(screen *s, tui *t, export_file *f)
{
    tours_screen *ts = (tours_screen *)s;
    for (int i = 0; i < s->lv.n; i++) {
        const tour_row *r = &ts->v[s->lv.idx[i]];
        export_date(f, r->date);
        export_text(f, r->name);
        export_text(f, r->commune);
        export_int(f, r->n_stops);
        export_int(f, r->n_checks);
        export_int(f, r->n_pass);
        export_int(f, r->n_fail);
        export_int(f, r->n_followups);
        export_int(f, r->n_followups_open);
        if (export_row_end(f)) return -1;
    }
    return 0;
}

static int tours_export(screen *s, tui *t, list_export *x)
{
    snprintf(x->stem, sizeof x->stem, "tour-kiem-tra");
    x->unit1 = ((tours_screen *)s)->commune_id;
    x->sheet = "Tour kiểm tra";
    x->cols = TOURS_X;
    x->ncols = (int)(sizeof TOURS_X / sizeof TOURS_X[0]);
    x->rows = tours_rows;
    return 0;
}
