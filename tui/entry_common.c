/* entry_common: the pieces every data-entry file uses (see entry_common.h). */
#include "tui/entry_common.h"
#include "tui/widgets/dialog.h"
#include "tui/keymap.h"
#include "model/date.h"
#include "model/i18n.h"
#include "model/pick.h"
#include "model/text.h"
#include "model/unit.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void entry_where_of(tui *t, screen *s, entry_where *w)
{
    (void)t;
    memset(w, 0, sizeof *w);
    if (!s) return;
    w->kind = s->kind;
    int64_t c = 0, h = 0;
    switch (s->kind) {
    case SCR_PROVINCES: case SCR_COMMUNES: case SCR_HAMLETS:
        w->unit_id = units_selected(s, &w->unit_level, &w->parent_id);
        if (w->unit_level == 'c') w->commune_id = w->unit_id;
        if (w->unit_level == 'h') { w->commune_id = w->parent_id; w->hamlet_id = w->unit_id; }
        break;
    case SCR_TASKS:
        w->task_id = tasks_selected(s, &c, &h);
        w->commune_id = c;
        w->hamlet_id = h > 0 ? h : 0;
        break;
    case SCR_RECORDS:
        records_where(s, &w->record_what, &h, &c, &w->record_id);
        w->commune_id = c;
        w->hamlet_id = w->record_what == REC_HOUSEHOLDS ? h : 0;
        break;
    case SCR_WEEKLY:
        weekly_where(s, &c, &h);
        w->commune_id = c;
        w->hamlet_id = h;
        break;
    default:
        break;
    }
}

void entry_sync_today(tui *t) { date_set_today(db_today(t->db)); }

int entry_form_run(tui *t, form *f, form_save_fn save, void *ctx)
{
    if (tui_refuse_readonly(t)) return FORM_CANCELLED;
    tui_repaint(t, 0);                   /* the status line as it is now, under the form */
    for (;;) {
        int rc = form_run(f, save, ctx);
        if (rc != FORM_RESIZED) return rc;
        tui_repaint(t, 0);
    }
}

int entry_confirm(tui *t, const char *question)
{
    tui_repaint(t, 0);
    for (;;) {
        int rc = dialog_confirm(question, 0);
        if (rc != DLG_RESIZED) return rc == DLG_YES;
        tui_repaint(t, 0);
    }
}

void entry_tell(tui *t, const char *title, const char *text, int error)
{
    while (dialog_message(title, text, error) == DLG_RESIZED) tui_repaint(t, 0);
}

form_spec entry_text(const char *vi, const char *en, int required, size_t max_chars, const char *hint_vi, const char *hint_en)
{
    return (form_spec){ .kind = FORM_TEXT, .label_vi = vi, .label_en = en, .required = required, .max_chars = max_chars,
                        .hint_vi = hint_vi, .hint_en = hint_en };
}

form_spec entry_date(const char *vi, const char *en, int required, const char *hint_vi, const char *hint_en)
{
    return (form_spec){ .kind = FORM_DATE, .label_vi = vi, .label_en = en, .required = required, .max_chars = 20,
                        .hint_vi = hint_vi, .hint_en = hint_en };
}

form_spec entry_qty(const char *vi, const char *en, const char *hint_vi, const char *hint_en,
                    form_unit_mode mode, const char *const *units, const char *unit_default)
{
    return (form_spec){ .kind = FORM_QTY, .label_vi = vi, .label_en = en, .max_chars = 40, .hint_vi = hint_vi,
                        .hint_en = hint_en, .unit_mode = mode, .units = units, .unit_default = unit_default };
}

form_spec entry_enum(const char *vi, const char *en, int required, const form_option *options, int n,
                     const char *hint_vi, const char *hint_en)
{
    return (form_spec){ .kind = FORM_ENUM, .label_vi = vi, .label_en = en, .required = required, .options = options,
                        .n_options = n, .hint_vi = hint_vi, .hint_en = hint_en };
}

form_spec entry_ref(const char *vi, const char *en, int required, picker_fill_fn fill, void *fill_ctx,
                    const char *hint_vi, const char *hint_en)
{
    return (form_spec){ .kind = FORM_REF, .label_vi = vi, .label_en = en, .required = required, .fill = fill,
                        .fill_ctx = fill_ctx, .hint_vi = hint_vi, .hint_en = hint_en };
}

void entry_model_error(form *f, const entry_field *fields, ntm_db *db)
{
    const char *msg = db_errmsg(db), *name = db_err_field(db), *detail = db_err_detail(db);
    if (!msg || !msg[0]) msg = L("Không lưu được", "Could not save");
    int field = -1;
    for (int i = 0; name[0] && fields && fields[i].name && field < 0; i++)
        if (!strcmp(fields[i].name, name)) field = fields[i].field;
    if (field < 0) form_error(f, -1, "%s", msg);
    else form_error(f, field, "%s", detail[0] ? detail : msg);
}

int entry_write_gone(ntm_db *db, int rc, int *gone, char *gone_msg, size_t n)
{
    if (rc != DB_CONFLICT && rc != DB_NOTFOUND) return 0;
    *gone = 1;
    text_copy(gone_msg, n, db_errmsg(db));
    return 1;
}

int entry_after_save(tui *t, int unchanged, int gone, const char *gone_msg, int64_t select_id,
                     const char *saved)
{
    int flags = 0;
    if (unchanged) {
        tui_message(t, 0, "%s", L("Không có gì thay đổi.", "Nothing changed."));
    } else if (gone) {
        flags = entry_after_write(t, 0);
        tui_message(t, 1, L("%s Đã tải lại dữ liệu.", "%s The data was read again."), gone_msg);
    } else {
        flags = entry_after_write(t, select_id);
        tui_message(t, 0, "%s", saved);
    }
    return flags;
}

int entry_after_write(tui *t, int64_t select_id)
{
    for (int i = 0; i < t->depth; i++) {
        screen *s = t->stack[i];
        s->ops->reload(s, t);
    }
    screen *top = tui_top(t);
    if (top && select_id) {
        switch (top->kind) {
        case SCR_PROVINCES: case SCR_COMMUNES: case SCR_HAMLETS: units_select(top, select_id); break;
        case SCR_TASKS: tasks_select(top, select_id); break;
        case SCR_RECORDS: records_select(top, select_id); break;
        default: break;
        }
    }
    return REDRAW_ALL;
}

/* ---- reference pickers ---------------------------------------------------------------- */

enum { PICK_ALL = 100000 };
#define OWNER_SHIFT 40
#define OWNER_MASK ((INT64_C(1) << OWNER_SHIFT) - 1)

int64_t entry_owner_code(char kind, int64_t id)
{
    if (id <= 0) return 0;
    int64_t k = kind == 'p' ? 1 : kind == 'h' ? 2 : 0;
    return (k << OWNER_SHIFT) | (id & OWNER_MASK);
}

char entry_owner_kind(int64_t code, int64_t *id)
{
    if (id) *id = 0;
    if (code <= 0) return 0;
    if (id) *id = code & OWNER_MASK;
    int64_t k = code >> OWNER_SHIFT;
    return k == 1 ? 'p' : k == 2 ? 'h' : 'o';
}

const char *entry_whole_label(void) { return L("— Toàn xã (việc chung của xã)", "— Whole commune (commune-wide)"); }

/* What a picker row says: hamlets among owners are named as hamlets. */
static void owner_label(const pick_item *it, char *out, size_t n)
{
    if (it->kind == 'h') snprintf(out, n, L("Thôn %s", "%s hamlet"), it->label);
    else text_copy(out, n, it->label);
}

void entry_fill_owners(void *ctx, picker *p)
{
    entry_pick *c = ctx;
    pick_list l;
    char label[300];
    if (pick_owners(c->db, c->commune_id, c->owner_kinds, "", PICK_ALL, &l) != DB_OK) return;
    for (int i = 0; i < l.n; i++) {
        owner_label(&l.v[i], label, sizeof label);
        picker_add(p, entry_owner_code(l.v[i].kind, l.v[i].id), label, l.v[i].key);
    }
    pick_list_free(&l);
}

void entry_fill_hamlets(void *ctx, picker *p)
{
    entry_pick *c = ctx;
    pick_list l;
    if (c->whole) picker_add(p, ENTRY_WHOLE, entry_whole_label(), "toan xa chung whole commune");
    if (pick_hamlets(c->db, c->commune_id, "", PICK_ALL, &l) != DB_OK) return;
    for (int i = 0; i < l.n; i++) picker_add(p, l.v[i].id, l.v[i].label, l.v[i].key);
    pick_list_free(&l);
}

void entry_fill_criteria(void *ctx, picker *p)
{
    entry_pick *c = ctx;
    pick_list l;
    if (pick_criteria(c->db, c->commune_id, "", PICK_ALL, &l) != DB_OK) return;
    for (int i = 0; i < l.n; i++) picker_add(p, l.v[i].id, l.v[i].label, l.v[i].key);
    pick_list_free(&l);
}

void entry_fill_campaigns(void *ctx, picker *p)
{
    entry_pick *c = ctx;
    pick_list l;
    if (pick_campaigns(c->db, c->commune_id, "", PICK_ALL, &l) != DB_OK) return;
    for (int i = 0; i < l.n; i++) picker_add(p, l.v[i].id, l.v[i].label, l.v[i].key);
    pick_list_free(&l);
}

static void place_label(ntm_db *db, int64_t id, char *out, size_t n)
{
    unit_row u;
    out[0] = 0;
    if (unit_get(db, id, &u) != DB_OK) return;
    snprintf(out, n, u.kind == 'c' ? L("Xã %s", "%s commune") : L("Thôn %s", "%s hamlet"), u.name);
}

void entry_fill_places(void *ctx, picker *p)
{
    entry_pick *c = ctx;
    char label[300];
    place_label(c->db, c->commune_id, label, sizeof label);
    if (label[0]) picker_add(p, c->commune_id, label, NULL);
    pick_list l;
    if (pick_hamlets(c->db, c->commune_id, "", PICK_ALL, &l) != DB_OK) return;
    for (int i = 0; i < l.n; i++) {
        snprintf(label, sizeof label, L("Thôn %s", "%s hamlet"), l.v[i].label);
        picker_add(p, l.v[i].id, label, NULL);
    }
    pick_list_free(&l);
}

void entry_label(ntm_db *db, int64_t commune_id, char what, int64_t id, char *out, size_t n)
{
    pick_list l;
    int rc;
    out[0] = 0;
    if (!id) return;
    switch (what) {
    case 'H': {
        unit_row u;
        if (id == ENTRY_WHOLE) text_copy(out, n, entry_whole_label());
        else if (unit_get(db, id, &u) == DB_OK) text_copy(out, n, u.name);
        return;
    }
    case 'P': place_label(db, id, out, n); return;
    case 'o': rc = pick_owners(db, commune_id, PICK_ORG, "", PICK_ALL, &l); break;
    case 'p': rc = pick_owners(db, commune_id, PICK_PERSON, "", PICK_ALL, &l); break;
    case 'h': rc = pick_owners(db, commune_id, PICK_HAMLET, "", PICK_ALL, &l); break;
    case 'c': rc = pick_criteria(db, commune_id, "", PICK_ALL, &l); break;
    case 'g': rc = pick_campaigns(db, commune_id, "", PICK_ALL, &l); break;
    default: return;
    }
    if (rc != DB_OK) return;
    for (int i = 0; i < l.n; i++)
        if (l.v[i].id == id) { owner_label(&l.v[i], out, n); break; }
    pick_list_free(&l);
}
