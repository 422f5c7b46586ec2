/* criteria: the criteria matrix. Rows are the commune and its hamlets (or a
 * province's communes), columns the criteria of the set by number, each cell a mark:
 * ✓ met, ✗ not met, ! at risk, · nothing recorded (ASCII v x ! .). The cursor is a cell:
 * j/k move between units, h/l (←/→) between criteria; the columns scroll sideways when
 * they do not fit (19 criteria fit in 80 columns). Under the matrix the selected cell in
 * words: criterion, unit, status and its date, dossier, owner, note.
 *
 * Changes are made in place, one transaction each, with the version read: s cycles the
 * status, 1 2 3 set it, o cycles the dossier, e (Enter) opens the cell's form. When
 * someone else changed the cell meanwhile, the model refuses; a key's change is dropped
 * (the screen says so and reads the matrix again), the form shows theirs and mine to
 * merge (form.h, "Conflicts"). u (tui/global.c) takes the change back. */
#include "tui/screens/criteria.h"
#include "tui/entry.h"
#include "tui/global_keys.h"
#include "tui/pickers.h"
#include "tui/print.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/draw.h"
#include "tui/widgets/form.h"
#include "model/criteria.h"
#include "model/date.h"
#include "model/i18n.h"
#include "model/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { CELL_W = 3, MET_W = 7, NAME_MIN = 10, NAME_MAX = 22, DETAIL_LINES = 4 };

typedef struct crit_screen {
    screen base;
    int64_t unit_id;
    criteria_matrix m;
    int rc;
    char err[512];
    int col, left;              /* the selected criterion, the first one shown */
    uc_rec rec;                 /* the selected cell as read (with its note) */
    int64_t rec_unit, rec_crit, rec_version;
    int rec_ok;
} crit_screen;

static const char *mark(char status)
{
    int a = draw_is_ascii();
    switch (status) {
    case 'm': return a ? "v" : "✓";
    case 'n': return a ? "x" : "✗";
    case 'r': return "!";
    default: return a ? "." : "·";
    }
}

static role mark_role(char status)
{
    return status == 'm' ? R_DONE : status == 'r' ? R_OVERDUE : status == 'n' ? R_NORMAL : R_DIM;
}

static uc_cell *cur_cell(crit_screen *cs)
{
    int row = list_row(&cs->base.lv);
    return row >= 0 ? criteria_cell(&cs->m, row, cs->col) : NULL;
}

/* A commune's matrix starts with the commune's own row; a province's lists communes. */
static int is_commune(const crit_screen *cs) { return cs->m.n_rows && cs->m.rows[0].id == cs->unit_id; }

/* The commune a row's owners come from: the row itself when it is a commune. */
static int64_t row_commune(const crit_screen *cs, int row)
{
    return cs->m.rows[row].kind == 'c' ? cs->m.rows[row].id : cs->unit_id;
}

/* ---- layout ---- */

static void header_name(const crit_screen *cs, char *out, size_t n)
{
    snprintf(out, n, "%s (%d)", is_commune(cs) ? _("Xã, thôn") : C_("Communes", "Xã"), cs->m.n_rows);
}

typedef struct { int name, x0, ncols, scroll; } crit_cols;

static crit_cols layout(crit_screen *cs, int W)
{
    crit_cols c = { NAME_MIN, 0, 0, 0 };
    char head[64];
    header_name(cs, head, sizeof head);
    if (draw_width(head) + 1 > c.name) c.name = draw_width(head) + 1;
    for (int i = 0; i < cs->m.n_rows; i++) {
        int w = draw_width(cs->m.rows[i].name) + 1;
        if (w > c.name) c.name = w;
    }
    if (c.name > NAME_MAX) c.name = NAME_MAX;
    int room = W - 1 - c.name - MET_W - 1;
    int need = cs->m.n_cols * CELL_W - room;
    if (need > 0 && c.name - need >= NAME_MIN) {       /* shorter names when then all columns fit */
        c.name -= need;
        room += need;
    }
    c.x0 = 1 + c.name + MET_W + 1;
    c.ncols = room / CELL_W;
    if (c.ncols < cs->m.n_cols) { c.scroll = 1; c.ncols = (room - 1) / CELL_W; }
    if (c.ncols < 1) c.ncols = 1;
    if (c.ncols > cs->m.n_cols) c.ncols = cs->m.n_cols;
    if (cs->col < cs->left) cs->left = cs->col;
    if (cs->col >= cs->left + c.ncols) cs->left = cs->col - c.ncols + 1;
    if (cs->left > cs->m.n_cols - c.ncols) cs->left = cs->m.n_cols - c.ncols;
    if (cs->left < 0) cs->left = 0;
    return c;
}

/* ---- drawing ---- */

static void draw_header(crit_screen *cs, WINDOW *w, int W, crit_cols c)
{
    char name[64], num[16];
    header_name(cs, name, sizeof name);
    draw_role(w, R_HEADER);
    draw_text(w, 0, 0, W, " ", DRAW_PAD);
    draw_text(w, 0, 1, c.name, name, DRAW_PAD);
    draw_text(w, 0, 1 + c.name, MET_W, _("Đạt"), DRAW_RIGHT);
    for (int j = 0; j < c.ncols && cs->left + j < cs->m.n_cols; j++) {
        int k = cs->left + j;
        snprintf(num, sizeof num, "%2d ", cs->m.cols[k].number);
        if (k == cs->col) draw_role(w, R_SELECTED);
        draw_text(w, 0, c.x0 + j * CELL_W, CELL_W, num, DRAW_PAD);
        draw_role(w, R_HEADER);
    }
    if (c.scroll) {
        if (cs->left > 0) draw_text(w, 0, c.x0 - 1, 1, "<", 0);
        if (cs->left + c.ncols < cs->m.n_cols) draw_text(w, 0, c.x0 + c.ncols * CELL_W, 1, ">", 0);
    }
    draw_role(w, R_NORMAL);
}

static void draw_row(crit_screen *cs, WINDOW *w, int y, crit_cols c, int row, int selected)
{
    const criteria_row *r = &cs->m.rows[row];
    char met[24];
    snprintf(met, sizeof met, "%d/%d", r->met, cs->m.n_cols);
    draw_role(w, selected ? R_SELECTED : row == 0 && is_commune(cs) ? R_LABEL : R_NORMAL);
    draw_text(w, y, 0, 1, " ", DRAW_PAD);
    draw_text(w, y, 1, c.name, r->name, DRAW_PAD);
    draw_text(w, y, 1 + c.name, MET_W, met, DRAW_RIGHT);
    draw_text(w, y, 1 + c.name + MET_W, 1, " ", DRAW_PAD);
    for (int j = 0; j < c.ncols && cs->left + j < cs->m.n_cols; j++) {
        int k = cs->left + j;
        const uc_cell *cell = criteria_cell(&cs->m, row, k);
        char buf[16];
        snprintf(buf, sizeof buf, " %s ", mark(cell->status));
        draw_role(w, selected && k == cs->col ? R_SELECTED : mark_role(cell->status));
        draw_text(w, y, c.x0 + j * CELL_W, CELL_W, buf, DRAW_PAD);
    }
    draw_role(w, R_NORMAL);
}

/* Read the selected cell's whole record (its note) when the selection moved. */
static void read_rec(crit_screen *cs, tui *t)
{
    uc_cell *cell = cur_cell(cs);
    if (!cell) { cs->rec_ok = 0; return; }
    if (cs->rec_ok && cs->rec_unit == cell->unit_id && cs->rec_crit == cell->criterion_id && cs->rec_version == cell->version) return;
    cs->rec_unit = cell->unit_id;
    cs->rec_crit = cell->criterion_id;
    cs->rec_version = cell->version;
    cs->rec_ok = uc_read(t->db, cell->unit_id, cell->criterion_id, &cs->rec) == DB_OK;
}

static int line(WINDOW *w, int y, int W, const char *label, const char *value, role r)
{
    int x = 1;
    draw_role(w, R_LABEL);
    x += draw_text(w, y, x, W - x - 1, label, 0);
    draw_role(w, r);
    x += draw_text(w, y, x, W - x - 1, " ", 0);
    draw_text(w, y, x, W - x - 1, value, 0);
    draw_role(w, R_NORMAL);
    return y + 1;
}

static void draw_cell_detail(crit_screen *cs, tui *t, WINDOW *w, int y, int W)
{
    char buf[900], date[11];
    draw_hline(w, y, 0, W);
    snprintf(buf, sizeof buf, _(" %s đạt  %s chưa đạt  %s có nguy cơ  %s chưa đánh giá "),
             mark('m'), mark('n'), mark('r'), mark(0));
    draw_role(w, R_DIM);
    draw_text(w, y, 2, W - 4, buf, 0);
    draw_role(w, R_NORMAL);
    y++;
    int row = list_row(&cs->base.lv);
    uc_cell *cell = cur_cell(cs);
    if (!cell) return;
    read_rec(cs, t);
    const criterion_rec *k = &cs->m.cols[cs->col];
    snprintf(buf, sizeof buf, "%d. %s — %s", k->number, k->name, cs->m.rows[row].name);
    draw_role(w, R_TITLE);
    draw_text(w, y++, 1, W - 2, buf, 0);
    draw_role(w, R_NORMAL);
    date_show(cell->status_date, date);
    snprintf(buf, sizeof buf, "%s %s%s%s%s  %s %s  %s %s", mark(cell->status),
             cell->status ? uc_status_label(cell->status) : _("chưa đánh giá"),
             date[0] ? " (" : "", date, date[0] ? ")" : "", _("Hồ sơ:"), uc_dossier_label(cell->dossier),
             _("Phụ trách:"), cell->owner[0] ? cell->owner : glyph(G_DASH));
    y = line(w, y, W, _("Tình trạng:"), buf, mark_role(cell->status) == R_DIM ? R_NORMAL : mark_role(cell->status));
    if (cs->rec_ok && cs->rec.note[0]) line(w, y, W, _("Ghi chú:"), cs->rec.note, R_NORMAL);
    else {
        snprintf(buf, sizeof buf, "%s", cs->m.set_label[0] ? cs->m.set_label : cs->m.set_name);
        line(w, y, W, _("Bộ tiêu chí:"), buf, R_DIM);
    }
}

static void crit_draw(screen *s, tui *t, int flags)
{
    crit_screen *cs = (crit_screen *)s;
    WINDOW *w = t->list;
    if (!(flags & REDRAW_LIST)) return;
    int H = getmaxy(w), W = getmaxx(w);
    werase(w);
    if (cs->rc) {
        draw_role(w, R_HEADER);
        draw_text(w, 0, 0, W, _(" Bảng tiêu chí"), DRAW_PAD);
        draw_role(w, R_ERROR);
        draw_wrap(w, 2, 2, W - 4, H - 3, cs->err);
        draw_role(w, R_NORMAL);
        return;
    }
    crit_cols c = layout(cs, W);
    int height = H - 1 - DETAIL_LINES;
    draw_header(cs, w, W, c);
    list_scroll(&s->lv, height);
    for (int i = 0; i < height && s->lv.top + i < s->lv.n; i++) {
        int pos = s->lv.top + i;
        draw_row(cs, w, 1 + i, c, s->lv.idx[pos], pos == s->lv.cur);
    }
    if (s->lv.n == 0)
        draw_text(w, 2, 2, W - 4, s->lv.query[0] ? _("Không có đơn vị nào khớp với từ tìm.")
                  : _("Chưa có đơn vị nào."), 0);
    draw_cell_detail(cs, t, w, H - DETAIL_LINES, W);
}

/* ---- data ---- */

static int crit_match(void *ctx, int row, const char *q)
{
    crit_screen *cs = ctx;
    char *key = text_fold(cs->m.rows[row].name);
    int m = key && text_match(key, q);
    free(key);
    return m;
}

static int load(crit_screen *cs, tui *t)
{
    criteria_matrix_free(&cs->m);
    cs->rec_ok = 0;
    cs->rc = criteria_matrix_load(t->db, cs->unit_id, 0, &cs->m);
    if (cs->rc) text_copy(cs->err, sizeof cs->err, db_errmsg(t->db));
    if (cs->col >= cs->m.n_cols) cs->col = cs->m.n_cols ? cs->m.n_cols - 1 : 0;
    if (list_reset(&cs->base.lv, cs->rc ? 0 : cs->m.n_rows) < 0)
        return tui_message(t, 1, "%s", _("Hết bộ nhớ"));
    list_filter(&cs->base.lv, crit_match, cs);
    return 0;
}

static void crit_select(screen *s, int64_t unit_id)
{
    crit_screen *cs = (crit_screen *)s;
    for (int i = 0; i < cs->m.n_rows; i++)
        if (cs->m.rows[i].id == unit_id) list_select(&s->lv, i);
}

static int crit_reload(screen *s, tui *t)
{
    crit_screen *cs = (crit_screen *)s;
    int row = list_row(&s->lv);
    int64_t id = row >= 0 && !cs->rc ? cs->m.rows[row].id : 0;
    int flags = load(cs, t) | REDRAW_ALL;
    if (id) crit_select(s, id);
    return flags;
}

/* ---- changes ---- */

static int refused(tui *t, int rc)
{
    if (rc == DB_CONFLICT || rc == DB_NOTFOUND)
        return tui_message(t, 1, "%s %s", db_errmsg(t->db), _("Đã đọc lại bảng.")) | RELOAD | REDRAW_ALL;
    return tui_db_error(t) | RELOAD | REDRAW_ALL;
}

static int writable(tui *t)
{
    if (!db_is_readonly(t->db)) return 1;
    tui_message(t, 1, "%s", _("Cơ sở dữ liệu chỉ đọc: không ghi được."));
    return 0;
}

static int done_msg(crit_screen *cs, tui *t, const char *what)
{
    int row = list_row(&cs->base.lv);
    const criterion_rec *k = &cs->m.cols[cs->col];
    return tui_message(t, 0, _("Đã ghi: TC %d %s — %s: %s (u: hoàn tác)"),
                       k->number, k->name, cs->m.rows[row].name, what) | RELOAD | REDRAW_ALL;
}

static int set_status(crit_screen *cs, tui *t, char status)
{
    uc_cell *cell = cur_cell(cs);
    if (!cell || !writable(t)) return REDRAW_STATUS;
    int rc = uc_set_status(t->db, cell->unit_id, cell->criterion_id, cell->version, uc_status_code(status));
    if (rc) return refused(t, rc);
    return done_msg(cs, t, uc_status_label(status));
}

static const char *dossier_code(char d)
{
    return d == 'p' ? "in_progress" : d == 'c' ? "complete" : d == 'a' ? "appraised" : "none";
}

static int next_dossier(crit_screen *cs, tui *t)
{
    uc_cell *cell = cur_cell(cs);
    if (!cell || !writable(t)) return REDRAW_STATUS;
    uc_rec rec;
    if (uc_read(t->db, cell->unit_id, cell->criterion_id, &rec) != DB_OK) return tui_db_error(t);
    char next = cell->dossier == 0 ? 'p' : cell->dossier == 'p' ? 'c' : cell->dossier == 'c' ? 'a' : 0;
    uc_fields f = { uc_status_code(cell->status), dossier_code(next), rec.c.owner_org_id, rec.c.owner_person_id,
                    rec.c.status_date, rec.note };
    int rc = uc_set(t->db, cell->unit_id, cell->criterion_id, cell->version, &f);
    if (rc) return refused(t, rc);
    char what[128];
    snprintf(what, sizeof what, "%s %s", _("hồ sơ"), uc_dossier_label(next));
    return done_msg(cs, t, what);
}

/* ---- the cell's form ---- */

static const form_option STATUSES[] = { { 'n', N_("Chưa đạt") }, { 'm', N_("Đạt") }, { 'r', N_("Có nguy cơ") } };
static const form_option DOSSIERS[] = { { 0, N_("Chưa có") }, { 'p', N_("Đang hoàn thiện") },
                                        { 'c', N_("Đủ hồ sơ") }, { 'a', N_("Đã thẩm định") } };
enum { E_STATUS, E_DOSSIER, E_OWNER, E_DATE, E_NOTE, E_N };

typedef struct { crit_screen *cs; tui *t; uc_cell cell; int rc; view_pick *owners; } edit_ctx;

static int edit_save(form *f, void *p)
{
    edit_ctx *c = p;
    int64_t owner = form_ref(f, E_OWNER);
    uc_fields u = { uc_status_code((char)form_choice(f, E_STATUS)), dossier_code((char)form_choice(f, E_DOSSIER)),
                    owner > 0 && owner % 4 == 1 ? owner / 4 : 0, owner > 0 && owner % 4 == 2 ? owner / 4 : 0,
                    form_date(f, E_DATE), form_text(f, E_NOTE) };
    c->rc = uc_set(c->t->db, c->cell.unit_id, c->cell.criterion_id, c->cell.version, &u);
    if (c->rc == DB_CONFLICT) return FORM_SAVE_CONFLICT;
    if (entry_write_gone(f, c->t->db, c->rc)) return FORM_SAVE_GONE;
    if (c->rc) { form_error(f, -1, "%s", db_errmsg(c->t->db)); return 1; }
    return 0;
}

static void fill_cell(const edit_ctx *c, form *f, const uc_rec *rec)
{
    form_set_choice(f, E_STATUS, rec->c.status ? rec->c.status : 'n');
    form_set_choice(f, E_DOSSIER, rec->c.dossier);
    int64_t code = rec->c.owner_org_id ? view_owner_code('o', rec->c.owner_org_id)
                 : rec->c.owner_person_id ? view_owner_code('p', rec->c.owner_person_id) : 0;
    char label[256];
    if (code && !view_pick_label(c->owners, code, label, sizeof label)) form_set_ref(f, E_OWNER, code, label);
    form_set_date(f, E_DATE, rec->c.status_date);
    form_set_text(f, E_NOTE, rec->note);
}

/* The cell as it is now, for the conflict view; its version for the next save. */
static int reread_cell(form *theirs, void *ctx, form_who *who)
{
    edit_ctx *c = ctx;
    uc_rec rec = { 0 };
    int rc = uc_read(c->t->db, c->cell.unit_id, c->cell.criterion_id, &rec);
    if (rc == DB_OK) { fill_cell(c, theirs, &rec); c->cell.version = rec.c.version; }
    return entry_reread_done(c->t, rc, "unit_criterion", rec.c.id, who);
}

static int edit_cell(crit_screen *cs, tui *t)
{
    int row = list_row(&cs->base.lv);
    uc_cell *cell = cur_cell(cs);
    if (!cell || !writable(t)) return REDRAW_STATUS;
    uc_rec rec;
    if (uc_read(t->db, cell->unit_id, cell->criterion_id, &rec) != DB_OK) return tui_db_error(t);
    view_pick owners = { t->db, row_commune(cs, row), VIEW_PICK_OWNER, PICK_ORG | PICK_PERSON, N_("— Chưa giao") };
    const form_spec spec[E_N] = {
        { .kind = FORM_ENUM, .label = N_("Tình trạng"), .options = STATUSES, .n_options = 3 },
        { .kind = FORM_ENUM, .label = N_("Hồ sơ"), .options = DOSSIERS, .n_options = 4 },
        { .kind = FORM_REF, .label = N_("Phụ trách"), .fill = view_pick_fill, .fill_ctx = &owners },
        { .kind = FORM_DATE, .label = N_("Ngày đánh giá") },
        { .kind = FORM_TEXT, .label = N_("Ghi chú"), .max_chars = 1000 },
    };
    char title[700];
    const criterion_rec *k = &cs->m.cols[cs->col];
    snprintf(title, sizeof title, "%d. %s — %s", k->number, k->name, cs->m.rows[row].name);
    form *f = form_new(title, spec, E_N);
    if (!f) return tui_message(t, 1, "%s", _("Hết bộ nhớ"));
    edit_ctx c = { cs, t, *cell, 0, &owners };
    fill_cell(&c, f, &rec);
    form_set_reread(f, reread_cell);
    int rc = entry_form_run(t, f, edit_save, &c);
    form_free(f);
    if (rc != FORM_SAVED) return REDRAW_ALL;
    if (c.rc) return refused(t, c.rc);
    return done_msg(cs, t, _("đã sửa"));
}

enum { ACT_LEFT = ACT_SCREEN, ACT_RIGHT, ACT_STATUS, ACT_MET, ACT_NOT_MET, ACT_AT_RISK, ACT_DOSSIER };

static int crit_key(screen *s, tui *t, int action)
{
    crit_screen *cs = (crit_screen *)s;
    uc_cell *cell = cs->rc ? NULL : cur_cell(cs);
    switch (action) {
    case ACT_LEFT:
        if (cs->col > 0) { cs->col--; return REDRAW_LIST; }
        return 0;
    case ACT_RIGHT:
        if (cs->col < cs->m.n_cols - 1) { cs->col++; return REDRAW_LIST; }
        return 0;
    case ACT_STATUS:
        if (!cell) return 0;
        return set_status(cs, t, cell->status == 'm' ? 'r' : cell->status == 'r' ? 'n' : 'm');
    case ACT_MET: return cell ? set_status(cs, t, 'm') : 0;
    case ACT_NOT_MET: return cell ? set_status(cs, t, 'n') : 0;
    case ACT_AT_RISK: return cell ? set_status(cs, t, 'r') : 0;
    case ACT_DOSSIER: return cell ? next_dossier(cs, t) : 0;
    case ACT_EDIT: return cell ? edit_cell(cs, t) : 0;
    case ACT_PRINT: return cs->rc ? 0 : period_print_criteria(t, cs->unit_id);
    default: return 0;
    }
}

static void crit_free(screen *s)
{
    crit_screen *cs = (crit_screen *)s;
    criteria_matrix_free(&cs->m);
    list_free(&s->lv);
    free(cs);
}

static const struct screen_ops crit_ops = {
    .draw = crit_draw, .key = crit_key, .reload = crit_reload, .match = crit_match, .free = crit_free,
    .select = crit_select,
};

/* It moves between criteria with h/l and ←/→, so it has its own Back (Esc, Backspace). */
static const keydef criteria_keys[] = {
    KEYS_SEARCH,
    { ACT_BACK, "criteria_back", 27, { KEY_FN(KEY_BACKSPACE), 127 }, "Esc", N_("Lùi"),
      N_("Bỏ lọc; nếu không lọc thì lùi một màn hình") },
    { ACT_STATUS, "criterion_status", 's', { 0 }, NULL, N_("Đổi tình trạng"),
      N_("Đổi tình trạng ô đang chọn: chưa đạt → đạt → có nguy cơ → chưa đạt") },
    { ACT_DOSSIER, "criterion_dossier", 'o', { 0 }, NULL, N_("Hồ sơ"),
      N_("Đổi tình trạng hồ sơ: chưa có → đang hoàn thiện → đủ hồ sơ → đã thẩm định") },
    { ACT_PRINT, "print_criteria", 'i', { KEY_FN(KEY_F(2)) }, NULL, N_("In báo cáo"),
      N_("In báo cáo tình hình các tiêu chí ra PDF (đạt x/N, hồ sơ, người phụ trách; các xã của tỉnh)") },
    { ACT_EDIT, "criterion_edit", 'e', { '\n', '\r', KEY_FN(KEY_ENTER) }, NULL, NULL,
      N_("Sửa ô đang chọn: tình trạng, hồ sơ, người phụ trách, ngày đánh giá, ghi chú") },
    { ACT_MET, "criterion_met", '1', { 0 }, NULL, NULL, N_("Ghi ✓ đạt cho ô đang chọn") },
    { ACT_NOT_MET, "criterion_not_met", '2', { 0 }, NULL, NULL,
      N_("Ghi ✗ chưa đạt cho ô đang chọn") },
    { ACT_AT_RISK, "criterion_at_risk", '3', { 0 }, NULL, NULL,
      N_("Ghi ! có nguy cơ (không giữ được) cho ô đang chọn") },
    { ACT_LEFT, "criterion_left", 'h', { KEY_FN(KEY_LEFT) }, NULL, NULL,
      N_("Sang tiêu chí bên trái") },
    { ACT_RIGHT, "criterion_right", 'l', { KEY_FN(KEY_RIGHT), '\t' }, NULL, NULL,
      N_("Sang tiêu chí bên phải") },
    KEYS_GOTO, KEYS_UNDO,
};
const screen_kind criteria_kind = SCREEN_KIND(N_("bảng tiêu chí"), criteria_keys);

screen *criteria_new(tui *t, int64_t unit_id, const char *crumb)
{
    crit_screen *cs = calloc(1, sizeof *cs);
    if (!cs) return NULL;
    cs->base.ops = &crit_ops;
    cs->base.kind = &criteria_kind;
    text_copy(cs->base.crumb, sizeof cs->base.crumb, crumb ? crumb : "");
    cs->unit_id = unit_id;
    load(cs, t);
    return &cs->base;
}
