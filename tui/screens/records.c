/* records: the records an officer keeps beside the tasks: a commune's organisations,
 * people and campaigns, a hamlet's households. One kind of list with search (accents
 * ignored) and n/e/d forms (records_forms.c). */
#include "tui/screens/records.h"
#include "tui/export_ui.h"
#include "tui/global_keys.h"
#include "tui/print.h"
#include "tui/widgets/draw.h"
#include "model/campaign.h"
#include "model/date.h"
#include "model/household.h"
#include "model/i18n.h"
#include "model/org.h"
#include "model/person.h"
#include "model/text.h"
#include "model/unit.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct records_screen {
    screen base;
    char what;
    int64_t unit_id, commune_id;
    int n;
    org_rec *orgs;
    person_rec *people;
    campaign_rec *camps;
    household_rec *hhs;
    char **keys;               /* folded search text per row */
} records_screen;

enum { MAX_COLS = 5, CELL = 400 };
typedef struct { const char *vi; int width; int right; } col_def;   /* vi: a msgid; width 0: the rest */

static const col_def ORG_COLS[] = { { NC_("Organisation", "Tên tổ chức"), 0, 0 }, { N_("Viết tắt"), 10, 0 },
                                    { N_("Loại"), 16, 0 } };
static const col_def PERSON_COLS[] = { { N_("Họ và tên"), 22, 0 }, { N_("Chức vụ"), 0, 0 },
                                       { N_("Tổ chức"), 12, 0 }, { N_("Điện thoại"), 12, 0 } };
static const col_def CAMP_COLS[] = { { NC_("Campaign", "Tên đợt/kế hoạch"), 0, 0 }, { NC_("Document", "Số văn bản"), 14, 0 },
                                     { NC_("From", "Từ ngày"), 10, 0 }, { N_("Đến ngày"), 10, 0 }, { NC_("Tasks", "Việc"), 5, 1 } };
static const col_def HH_COLS[] = { { N_("Chủ hộ"), 22, 0 }, { N_("Địa chỉ"), 18, 0 },
                                   { N_("Có"), 0, 0 } };

static const col_def *cols_of(char what, int *n)
{
    switch (what) {
    case REC_ORGS: *n = 3; return ORG_COLS;
    case REC_PEOPLE: *n = 4; return PERSON_COLS;
    case REC_CAMPAIGNS: *n = 5; return CAMP_COLS;
    default: *n = 3; return HH_COLS;
    }
}

static int64_t row_id(const records_screen *r, int row)
{
    if (row < 0 || row >= r->n) return 0;
    switch (r->what) {
    case REC_ORGS: return r->orgs[row].id;
    case REC_PEOPLE: return r->people[row].id;
    case REC_CAMPAIGNS: return r->camps[row].id;
    default: return r->hhs[row].id;
    }
}

static const char *row_name(const records_screen *r, int row)
{
    if (row < 0 || row >= r->n) return "";
    switch (r->what) {
    case REC_ORGS: return r->orgs[row].name;
    case REC_PEOPLE: return r->people[row].full_name;
    case REC_CAMPAIGNS: return r->camps[row].name;
    default: return r->hhs[row].head_name;
    }
}

/* The households' "yes" flags, joined: "Vườn mẫu, 3 sạch". */
static void flags_text(const household_rec *h, char *out, size_t n)
{
    size_t len = 0;
    out[0] = 0;
    for (int i = 0; i < HH_NFLAGS && len < n; i++)
        if (h->flags[i] == HH_YES)
            len += (size_t)snprintf(out + len, n - len, "%s%s", len ? ", " : "", household_flag_label(i));
}

static void cells(const records_screen *r, int row, char cell[MAX_COLS][CELL])
{
    for (int i = 0; i < MAX_COLS; i++) cell[i][0] = 0;
    switch (r->what) {
    case REC_ORGS: {
        const org_rec *o = &r->orgs[row];
        text_copy(cell[0], CELL, o->name);
        text_copy(cell[1], CELL, o->short_name);
        text_copy(cell[2], CELL, org_kind_label(o->kind));
        break;
    }
    case REC_PEOPLE: {
        const person_rec *p = &r->people[row];
        text_copy(cell[0], CELL, p->full_name);
        text_copy(cell[1], CELL, p->position);
        text_copy(cell[2], CELL, p->org);
        text_copy(cell[3], CELL, p->phone);
        break;
    }
    case REC_CAMPAIGNS: {
        const campaign_rec *c = &r->camps[row];
        char d[11];
        text_copy(cell[0], CELL, c->name);
        text_copy(cell[1], CELL, c->doc_number);
        date_show(c->start_date, d); text_copy(cell[2], CELL, d);
        date_show(c->end_date, d); text_copy(cell[3], CELL, d);
        snprintf(cell[4], CELL, "%d", c->n_tasks);
        break;
    }
    default: {
        const household_rec *h = &r->hhs[row];
        text_copy(cell[0], CELL, h->head_name);
        text_copy(cell[1], CELL, h->address);
        flags_text(h, cell[2], CELL);
        break;
    }
    }
}

static void draw_cells(WINDOW *w, int y, const records_screen *r, char cell[MAX_COLS][CELL], role base)
{
    int n, width = getmaxx(w), fixed = 1;
    const col_def *c = cols_of(r->what, &n);
    for (int i = 0; i < n; i++) fixed += c[i].width + 1;
    int flex = width - fixed;
    if (flex < 8) flex = 8;
    draw_role(w, base);
    int x = draw_text(w, y, 0, 1, " ", DRAW_PAD);
    for (int i = 0; i < n && x < width; i++) {
        int cw = c[i].width ? c[i].width : flex;
        if (cw > width - x) cw = width - x;
        x += draw_text(w, y, x, cw, cell[i], DRAW_PAD | (c[i].right ? DRAW_RIGHT : 0));
        if (x < width) x += draw_text(w, y, x, 1, " ", DRAW_PAD);
    }
    if (x < width) draw_text(w, y, x, width - x, " ", DRAW_PAD);
    draw_role(w, R_NORMAL);
}

static void records_draw(screen *s, tui *t, int flags)
{
    records_screen *r = (records_screen *)s;
    WINDOW *w = t->list;
    if (!(flags & REDRAW_LIST)) return;
    int height = getmaxy(w) - 1, n;
    const col_def *c = cols_of(r->what, &n);
    char cell[MAX_COLS][CELL];
    werase(w);
    for (int i = 0; i < n; i++) {
        if (i == 0) snprintf(cell[i], CELL, "%s (%d)", _(c[i].vi), r->n);
        else text_copy(cell[i], CELL, _(c[i].vi));
    }
    draw_cells(w, 0, r, cell, R_HEADER);
    list_scroll(&s->lv, height);
    for (int i = 0; i < height && s->lv.top + i < s->lv.n; i++) {
        int pos = s->lv.top + i;
        cells(r, s->lv.idx[pos], cell);
        draw_cells(w, i + 1, r, cell, pos == s->lv.cur ? R_SELECTED : R_NORMAL);
    }
    if (s->lv.n == 0)
        draw_text(w, 2, 2, getmaxx(w) - 4, s->lv.query[0] ? _("Không có dòng nào khớp với từ tìm.")
                  : _("Chưa có mục nào. Nhấn n để thêm."), 0);
}

static int records_match(void *s, int row, const char *q)
{
    records_screen *r = s;
    return row >= 0 && row < r->n && r->keys[row] && text_match(r->keys[row], q);
}

static void drop(records_screen *r)
{
    for (int i = 0; r->keys && i < r->n; i++) free(r->keys[i]);
    free(r->keys); free(r->orgs); free(r->people); free(r->camps); free(r->hhs);
    r->keys = NULL; r->orgs = NULL; r->people = NULL; r->camps = NULL; r->hhs = NULL;
    r->n = 0;
}

static int load(records_screen *r, tui *t)
{
    drop(r);
    int rc;
    switch (r->what) {
    case REC_ORGS: rc = org_list(t->db, r->unit_id, &r->orgs, &r->n); break;
    case REC_PEOPLE: rc = person_list(t->db, r->unit_id, &r->people, &r->n); break;
    case REC_CAMPAIGNS: rc = campaign_list(t->db, r->unit_id, &r->camps, &r->n); break;
    default: rc = household_list(t->db, r->unit_id, &r->hhs, &r->n); break;
    }
    if (rc != DB_OK) { drop(r); tui_db_error(t); }
    r->keys = calloc((size_t)r->n + 1, sizeof *r->keys);
    if (!r->keys || list_reset(&r->base.lv, r->n) < 0) {
        drop(r);
        list_reset(&r->base.lv, 0);
        return tui_message(t, 1, "%s", _("Hết bộ nhớ"));
    }
    char cell[MAX_COLS][CELL], all[MAX_COLS * CELL + MAX_COLS];
    for (int i = 0; i < r->n; i++) {
        cells(r, i, cell);
        size_t len = 0;
        for (int k = 0; k < MAX_COLS; k++)
            len += (size_t)snprintf(all + len, sizeof all - len, "%s ", cell[k]);
        r->keys[i] = text_fold(all);
    }
    list_filter(&r->base.lv, records_match, r);
    return 0;
}

static void records_select(screen *s, int64_t id);

static int records_reload(screen *s, tui *t)
{
    records_screen *r = (records_screen *)s;
    int64_t id = row_id(r, list_row(&s->lv));
    int flags = load(r, t) | REDRAW_ALL;
    if (id) records_select(s, id);
    return flags;
}

static int records_key(screen *s, tui *t, int action)
{
    records_screen *r = (records_screen *)s;
    int row = list_row(&s->lv);
    int64_t id = row_id(r, row);
    switch (action) {
    case ACT_PRINT: return print_owner_sheet(t, r->what, r->commune_id, id);
    case ACT_NEW: return entry_record_new(t, r->what, r->unit_id, r->commune_id);
    case ACT_EDIT: case ACT_DELETE:
        if (!id) return tui_message(t, 1, "%s", _("Danh mục trống: nhấn n để thêm."));
        return action == ACT_DELETE ? entry_record_delete(t, r->what, id, row_name(r, row))
                                    : entry_record_edit(t, r->what, id, r->unit_id, r->commune_id);
    default: return 0;
    }
}

static void records_free(screen *s)
{
    records_screen *r = (records_screen *)s;
    drop(r);
    list_free(&s->lv);
    free(r);
}

static void records_where(screen *s, screen_where *w)
{
    records_screen *r = (records_screen *)s;
    w->record_what = r->what;
    w->record_id = row_id(r, list_row(&s->lv));
    w->commune_id = r->commune_id;
    w->hamlet_id = r->what == REC_HOUSEHOLDS ? r->unit_id : 0;
}

static void records_select(screen *s, int64_t id)
{
    records_screen *r = (records_screen *)s;
    for (int i = 0; i < r->n; i++)
        if (row_id(r, i) == id) list_select(&s->lv, i);
}

static int records_export(screen *s, tui *t, list_export *x);

static const struct screen_ops records_ops = {
    .draw = records_draw, .key = records_key, .reload = records_reload, .match = records_match, .free = records_free,
    .where = records_where, .select = records_select, .export = records_export,
};

static const keydef records_keys[] = {
    KEYS_BACK, KEYS_SEARCH,
    { ACT_PRINT, "print_owner", 'i', { KEY_FN(KEY_F(2)) }, NULL, N_("In phiếu"),
      N_("In phiếu đầu việc của tổ chức/người đang chọn, qua các thôn (PDF)") },
    KEYS_EXPORT, KEYS_GOTO, KEYS_UNDO_LISTS,
    { ACT_NEW, "new_record", 'n', { 0 }, NULL, NC_("New", "Thêm"), N_("Thêm một mục mới vào danh mục này") },
    { ACT_EDIT, "edit_record", 'e', { '\n', '\r', KEY_FN(KEY_ENTER) }, NULL, N_("Sửa"),
      N_("Sửa mục đang chọn") },
    KEYS_DELETE, KEYS_CAMPAIGNS, KEYS_ORGS, KEYS_PEOPLE,
};
const screen_kind records_kind = SCREEN_KIND(N_("danh mục"), records_keys);

screen *records_new(tui *t, char what, int64_t unit_id, int64_t commune_id, const char *crumb)
{
    records_screen *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    r->base.ops = &records_ops;
    r->base.kind = &records_kind;
    text_copy(r->base.crumb, sizeof r->base.crumb, crumb ? crumb : "");
    r->what = what;
    r->unit_id = unit_id;
    r->commune_id = commune_id;
    load(r, t);
    return &r->base;
}

static const char *list_word(char what)
{
    switch (what) {
    case REC_ORGS: return C_("Organisations", "Tổ chức");
    case REC_PEOPLE: return _("Cán bộ");
    case REC_CAMPAIGNS: return C_("Campaigns", "Đợt/kế hoạch");
    default: return C_("Households", "Hộ gia đình");
    }
}

int records_open(tui *t, screen *from, char what, int64_t unit_id, int64_t commune_id)
{
    char crumb[300];
    unit_row u;
    if (unit_get(t->db, unit_id, &u) == DB_OK)
        snprintf(crumb, sizeof crumb, u.kind == 'h' ? _("%s thôn %s") : C_("%s of %s", "%s xã %s"), list_word(what), u.name);
    else
        text_copy(crumb, sizeof crumb, list_word(what));
    if (from && from->ops == &records_ops && t->depth > 1 && tui_top(t) == from)
        tui_pop_to(t, t->depth - 1);     /* one records list replaces another */
    return tui_push(t, records_new(t, what, unit_id, commune_id, crumb));
}

/* ---- x: the rows shown; households as the data set, the others as on screen ---- */

static const export_col ORG_X[] = { { "Tên tổ chức", EXPORT_TEXT }, { "Viết tắt", EXPORT_TEXT }, { "Loại", EXPORT_TEXT } };
static const export_col PERSON_X[] = { { "Họ và tên", EXPORT_TEXT }, { "Chức vụ", EXPORT_TEXT },
                                       { "Tổ chức", EXPORT_TEXT }, { "Điện thoại", EXPORT_TEXT } };
static const export_col CAMP_X[] = { { "Tên đợt/kế hoạch", EXPORT_TEXT }, { "Số văn bản", EXPORT_TEXT },
                                     { "Từ ngày", EXPORT_DATE }, { "Đến ngày", EXPORT_DATE }, { "Số đầu việc", EXPORT_INT } };

static int64_t record_id_of(void *ctx, int row) { return row_id(ctx, row); }

static int records_rows(screen *s, tui *t, export_file *f)
{
    records_screen *r = (records_screen *)s;
    char cell[MAX_COLS][CELL];
    for (int i = 0; i < s->lv.n; i++) {
        int row = s->lv.idx[i];
        cells(r, row, cell);
        if (r->what == REC_CAMPAIGNS) {
            const campaign_rec *c = &r->camps[row];
            export_text(f, c->name);
            export_text(f, c->doc_number);
            export_date(f, c->start_date);
            export_date(f, c->end_date);
            export_int(f, c->n_tasks);
        } else {
            for (int k = 0; k < (r->what == REC_PEOPLE ? 4 : 3); k++) export_text(f, cell[k]);
        }
        if (export_row_end(f)) return -1;
    }
    return 0;
}

static int records_export(screen *s, tui *t, list_export *x)
{
    records_screen *r = (records_screen *)s;
    x->unit1 = r->commune_id;
    if (r->what == REC_HOUSEHOLDS) {
        x->kind = EXPORT_HOUSEHOLDS;
        snprintf(x->stem, sizeof x->stem, "%s", export_kind_stem(EXPORT_HOUSEHOLDS));
        x->unit2 = r->unit_id != r->commune_id ? r->unit_id : 0;
        if (!(x->ids = export_ids(&s->lv, record_id_of, r, &x->n))) return tui_message(t, 1, "%s", _("Hết bộ nhớ")), -1;
        return 0;
    }
    x->rows = records_rows;
    switch (r->what) {
    case REC_ORGS: snprintf(x->stem, sizeof x->stem, "%s", "to-chuc"); x->sheet = "Tổ chức"; x->cols = ORG_X; x->ncols = 3; break;
    case REC_PEOPLE: snprintf(x->stem, sizeof x->stem, "%s", "can-bo"); x->sheet = "Cán bộ"; x->cols = PERSON_X; x->ncols = 4; break;
    default: snprintf(x->stem, sizeof x->stem, "%s", "dot-ke-hoach"); x->sheet = "Đợt, kế hoạch"; x->cols = CAMP_X; x->ncols = 5; break;
    }
    return 0;
}
