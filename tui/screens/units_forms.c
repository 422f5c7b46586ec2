/* units_forms: the forms of the commune and hamlet lists: new (n), edit (e; a new name keeps the old one in the
 * unit's history: the model records it), delete (d, asks; refused while tasks or other
 * records refer to it), a status such as "met NTM standard" (S), and one criterion's
 * state for the unit (A). */
#include "tui/screens/units.h"
#include "tui/entry.h"
#include "tui/pickers.h"
#include "tui/widgets/dialog.h"
#include "model/criteria.h"
#include "model/date.h"
#include "model/entity.h"
#include "model/i18n.h"
#include "model/pick.h"
#include "model/status_kind.h"
#include "model/text.h"
#include "model/unit.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *kind_word(char kind) { return kind == 'c' ? _("xã") : _("thôn"); }

/* ---- the unit form ---------------------------------------------------------------------- */

enum { U_NAME, U_DISTRICT, U_GROUP, U_SET, U_POP, U_HH, U_NOTE, U_RDATE, U_RDOC, U_N };
enum { MAX_SETS = 32 };

static const form_option GROUPS[] = {
    { 1, N_("Nhóm 1 (gần đô thị, nông nghiệp dưới 10%)") },
    { 2, N_("Nhóm 2") },
    { 3, N_("Nhóm 3 (dân tộc thiểu số, miền núi)") },
};

typedef struct unit_form {
    tui *t;
    char kind;                   /* 'c' or 'h' */
    int64_t id, parent_id, version, new_id;
    form_spec spec[U_N];
    int n, at[U_N];              /* at[U_x]: the field's place in spec, -1 when not shown */
    form_option sets[MAX_SETS];
    char set_names[MAX_SETS][440];
    int n_sets;
    int unchanged;               /* edited, nothing changed: not written */
} unit_form;

static void add(unit_form *u, int which, form_spec s)
{
    u->at[which] = u->n;
    u->spec[u->n++] = s;
}

static void load_sets(unit_form *u)
{
    criteria_set_rec *sets = NULL;
    int n = 0;
    if (criteria_sets(u->t->db, &sets, &n) != DB_OK) return;
    for (int i = 0; i < n && u->n_sets < MAX_SETS; i++) {
        const char *lv = sets[i].level;
        int fits = u->kind == 'c' ? !strncmp(lv, "commune", 7) : (!strcmp(lv, "hamlet") || !strcmp(lv, "model_area"));
        if (!fits) continue;
        snprintf(u->set_names[u->n_sets], sizeof u->set_names[0], "%s", sets[i].label);
        u->sets[u->n_sets] = (form_option){ (int)sets[i].id, u->set_names[u->n_sets] };
        u->n_sets++;
    }
    free(sets);
}

static void build(unit_form *u, int editing)
{
    for (int i = 0; i < U_N; i++) u->at[i] = -1;
    add(u, U_NAME, entry_text((u->kind == 'c' ? N_("Tên xã") : N_("Tên thôn")),
                              1, 200, NULL));
    if (u->kind == 'c') {
        add(u, U_DISTRICT, entry_text(N_("Huyện"), 0, 60, N_("Huyện cũ, nếu văn bản còn ghi (không bắt buộc)")));
        add(u, U_GROUP, entry_enum(N_("Nhóm xã"), 0, GROUPS, 3,
                                   N_("Nhóm xã theo QĐ 51/2025: chỉ tiêu tùy nhóm (dấu cách để đổi)")));
    }
    load_sets(u);
    if (u->n_sets)
        add(u, U_SET, entry_enum(N_("Bộ tiêu chí"), 0, u->sets, u->n_sets, NULL));
    add(u, U_POP, entry_text(N_("Dân số"), 0, 15, N_("Số người (không bắt buộc)")));
    add(u, U_HH, entry_text(N_("Số hộ"), 0, 15, N_("Số hộ (không bắt buộc)")));
    add(u, U_NOTE, entry_text(N_("Ghi chú"), 0, 1000, NULL));
    if (editing) {
        add(u, U_RDATE, entry_date(N_("Ngày đổi tên"), 0, N_("Chỉ khi đổi tên: ngày của quyết định (trống: hôm nay)")));
        add(u, U_RDOC, entry_text(N_("Văn bản đổi tên"), 0, 200, N_("Chỉ khi đổi tên: số quyết định (không bắt buộc)")));
    }
}

static const char *text_at(form *f, const unit_form *u, int which)
{
    return u->at[which] >= 0 ? form_text(f, u->at[which]) : "";
}

static int save_unit(form *f, void *ctx)
{
    unit_form *u = ctx;
    ntm_db *db = u->t->db;
    if (u->id && !form_changed(f)) { u->unchanged = 1; return 0; }
    unit_fields uf = {
        .name = text_at(f, u, U_NAME), .district = text_at(f, u, U_DISTRICT),
        .population = text_at(f, u, U_POP), .households = text_at(f, u, U_HH), .note = text_at(f, u, U_NOTE),
    };
    if (u->at[U_GROUP] >= 0 && form_choice(f, u->at[U_GROUP]) > 0) uf.commune_group = form_choice(f, u->at[U_GROUP]);
    if (u->at[U_SET] >= 0 && form_choice(f, u->at[U_SET]) > 0) uf.criteria_set_id = form_choice(f, u->at[U_SET]);
    int rc = u->id ? unit_update(db, u->id, u->version, &uf, u->at[U_RDATE] >= 0 ? form_date(f, u->at[U_RDATE]) : "",
                                 text_at(f, u, U_RDOC))
                   : unit_create(db, u->kind, u->parent_id, &uf, &u->new_id);
    if (rc == DB_OK) return 0;
    if (rc == DB_CONFLICT) return FORM_SAVE_CONFLICT;
    if (entry_write_gone(f, db, rc)) return FORM_SAVE_GONE;
    const entry_field fields[] = {
        { "name", u->at[U_NAME] }, { "district", u->at[U_DISTRICT] }, { "commune_group", u->at[U_GROUP] },
        { "criteria_set_id", u->at[U_SET] }, { "population", u->at[U_POP] }, { "households", u->at[U_HH] },
        { "note", u->at[U_NOTE] }, { "rename_date", u->at[U_RDATE] }, { "rename_document", u->at[U_RDOC] }, { NULL, 0 },
    };
    entry_model_error(f, fields, db);
    return 1;
}

static void fill_unit(unit_form *u, form *f, const unit_rec *rec)
{
    char num[32];
    form_set_text(f, u->at[U_NAME], rec->name);
    if (u->at[U_DISTRICT] >= 0) form_set_text(f, u->at[U_DISTRICT], rec->district);
    if (u->at[U_GROUP] >= 0 && rec->commune_group > 0) form_set_choice(f, u->at[U_GROUP], rec->commune_group);
    if (u->at[U_SET] >= 0 && rec->criteria_set_id > 0) form_set_choice(f, u->at[U_SET], (int)rec->criteria_set_id);
    if (rec->population >= 0) { snprintf(num, sizeof num, "%lld", rec->population); form_set_text(f, u->at[U_POP], num); }
    if (rec->households >= 0) { snprintf(num, sizeof num, "%lld", rec->households); form_set_text(f, u->at[U_HH], num); }
    form_set_text(f, u->at[U_NOTE], rec->note);
}

/* The unit as it is now, into the conflict view's second form; its version for the next save. */
static int reread_unit(form *theirs, void *ctx, form_who *who)
{
    unit_form *u = ctx;
    unit_rec *rec = calloc(1, sizeof *rec);
    int rc = rec ? unit_read(u->t->db, u->id, rec) : DB_ERR;
    if (rc == DB_OK) { fill_unit(u, theirs, rec); u->version = rec->version; }
    free(rec);
    return entry_reread_done(u->t, rc, "unit", u->id, who);
}

static int run_unit_form(tui *t, char kind, int64_t id, int64_t parent_id)
{
    unit_form *u = calloc(1, sizeof *u);
    unit_rec *rec = calloc(1, sizeof *rec);
    int flags = 0;
    if (!u || !rec) { free(u); free(rec); return tui_message(t, 1, "%s", _("Hết bộ nhớ")); }
    u->t = t;
    if (id) {
        if (unit_read(t->db, id, rec) != DB_OK) { free(u); free(rec); return tui_db_error(t); }
        kind = rec->kind;
        u->version = rec->version;
        parent_id = rec->parent_id;
    }
    u->kind = kind;
    u->id = id;
    u->parent_id = parent_id;
    build(u, id != 0);
    char title[300];
    if (id) snprintf(title, sizeof title, _("Sửa %s %s"), kind_word(kind), rec->name);
    else snprintf(title, sizeof title, kind == 'c' ? _("Thêm xã mới") : _("Thêm thôn mới"));
    form *f = form_new(title, u->spec, u->n);
    if (!f) { free(u); free(rec); return tui_message(t, 1, "%s", _("Hết bộ nhớ")); }
    if (id) {
        fill_unit(u, f, rec);
        form_set_reread(f, reread_unit);
    } else if (u->at[U_SET] >= 0) {
        unit_list sib = { 0 };           /* a new hamlet or commune: the set its neighbours use */
        int64_t set = 0;
        if (unit_children(t->db, parent_id, &sib) == DB_OK) {
            for (int i = 0; i < sib.n && !set; i++) {
                unit_rec r;
                if (unit_read(t->db, sib.v[i].id, &r) == DB_OK) set = r.criteria_set_id;
            }
            unit_list_free(&sib);
        }
        if (set > 0) form_set_choice(f, u->at[U_SET], (int)set);
    }
    int rc = entry_form_run(t, f, save_unit, u);
    if (rc == FORM_SAVED && u->unchanged) tui_message(t, 0, "%s", _("Không có gì thay đổi."));
    else if (rc == FORM_SAVED) {
        flags = entry_after_write(t, id ? id : u->new_id);
        tui_message(t, 0, _("Đã lưu %s \"%s\"."), kind_word(kind), form_text(f, u->at[U_NAME]));
    }
    form_free(f);
    free(u);
    free(rec);
    return flags | REDRAW_ALL;
}

int entry_unit_new(tui *t, char kind, int64_t parent_id)
{
    if (!parent_id) return tui_message(t, 1, "%s", _("Không biết thêm vào đâu."));
    return run_unit_form(t, kind, 0, parent_id);
}

int entry_unit_edit(tui *t, int64_t id) { return run_unit_form(t, 0, id, 0); }

int entry_unit_delete(tui *t, int64_t id)
{
    unit_rec *r = calloc(1, sizeof *r);
    if (!r) return tui_message(t, 1, "%s", _("Hết bộ nhớ"));
    if (unit_read(t->db, id, r) != DB_OK) { free(r); return tui_db_error(t); }
    char q[1000];
    snprintf(q, sizeof q, _("Xóa %s \"%s\"?"), kind_word(r->kind), r->name);
    int flags = REDRAW_ALL;
    if (entry_confirm(t, q)) {
        if (unit_delete(t->db, id) != DB_OK) flags |= tui_db_error(t);
        else {
            flags |= entry_after_write(t, 0);
            tui_message(t, 0, _("Đã xóa — nhấn u để hoàn tác: %s \"%s\""),
                        kind_word(r->kind), r->name);
        }
    }
    free(r);
    return flags;
}

/* ---- status (danh hiệu) ------------------------------------------------------------------ */

/* The statuses come from the status_kind table (model/status_kind.h), in rank order. */
enum { MAX_STATUSES = 32 };
enum { S_STATUS, S_YEAR, S_SINCE, S_DOC, S_NOTE, S_N };

typedef struct { tui *t; int64_t unit_id; const status_kind_row *kinds; int n_kinds; } status_ctx;

static int save_status(form *f, void *ctx)
{
    status_ctx *c = ctx;
    int k = form_choice(f, S_STATUS);
    if (k < 0 || k >= c->n_kinds) { form_error(f, S_STATUS, "%s", _("Hãy chọn một trạng thái")); return 1; }
    int64_t id;
    if (unit_set_status(c->t->db, c->unit_id, c->kinds[k].code, form_text(f, S_YEAR), form_date(f, S_SINCE),
                        form_text(f, S_DOC), form_text(f, S_NOTE), &id) == DB_OK)
        return 0;
    static const entry_field fields[] = {
        { "status", S_STATUS }, { "year", S_YEAR }, { "since", S_SINCE }, { "document", S_DOC }, { "note", S_NOTE }, { NULL, 0 },
    };
    entry_model_error(f, fields, c->t->db);
    return 1;
}

int entry_unit_status(tui *t, int64_t id)
{
    unit_row u;
    if (unit_get(t->db, id, &u) != DB_OK) return tui_db_error(t);
    if (u.kind != 'c' && u.kind != 'h')
        return tui_message(t, 1, "%s", _("Trạng thái ghi cho xã hoặc thôn."));
    status_kind_row *kinds = NULL;
    int n = 0;
    if (status_kinds(t->db, u.kind == 'c' ? "commune" : "hamlet", &kinds, &n) != DB_OK) return tui_db_error(t);
    if (n > MAX_STATUSES) n = MAX_STATUSES;
    if (!n) {
        free(kinds);
        return tui_message(t, 1, "%s", _("Chưa có danh hiệu/trạng thái nào cho cấp này."));
    }
    form_option opts[MAX_STATUSES];
    for (int i = 0; i < n; i++) opts[i] = (form_option){ i, kinds[i].label };
    const form_spec spec[S_N] = {
        entry_enum(N_("Danh hiệu/trạng thái"), 1, opts, n, NULL),
        entry_text(N_("Năm"), 0, 4, N_("Năm được công nhận, hoặc năm phấn đấu")),
        entry_date(N_("Từ ngày"), 0, NULL),
        entry_text(N_("Văn bản"), 0, 200, N_("Số quyết định công nhận (không bắt buộc)")),
        entry_text(N_("Ghi chú"), 0, 1000, NULL),
    };
    char title[300];
    snprintf(title, sizeof title, _("Trạng thái của %s %s"), kind_word(u.kind), u.name);
    form *f = form_new(title, spec, S_N);
    if (!f) { free(kinds); return tui_message(t, 1, "%s", _("Hết bộ nhớ")); }
    char year[8];
    snprintf(year, sizeof year, "%.4s", db_today(t->db));
    form_set_text(f, S_YEAR, year);
    for (int i = 0; i < n; i++)                /* start from the status it has now (unit_get: its label) */
        if (u.status[0] && !strcmp(u.status, kinds[i].label)) form_set_choice(f, S_STATUS, i);
    status_ctx c = { t, id, kinds, n };
    int flags = REDRAW_ALL;
    if (entry_form_run(t, f, save_status, &c) == FORM_SAVED) {
        flags |= entry_after_write(t, id);
        tui_message(t, 0, _("Đã lưu trạng thái \"%s\" cho %s %s."),
                    form_text(f, S_STATUS), kind_word(u.kind), u.name);
    }
    form_free(f);
    free(kinds);
    return flags;
}

/* ---- one criterion of a unit ------------------------------------------------------------- */

enum { C_STATUS, C_DOSSIER, C_OWNER, C_DATE, C_NOTE, C_N };

static const form_option UC_STATUS[] = {
    { 'm', N_("Đạt") }, { 'n', N_("Chưa đạt") }, { 'r', N_("Có nguy cơ") },
};
static const form_option UC_DOSSIER[] = {
    { 1, N_("Chưa có") }, { 'p', N_("Đang hoàn thiện") }, { 'c', N_("Đủ hồ sơ") },
    { 'a', N_("Đã thẩm định") },
};

typedef struct { tui *t; int64_t unit_id, criterion_id, version, commune_id; } uc_ctx;

static int save_uc(form *f, void *ctx)
{
    uc_ctx *c = ctx;
    int st = form_choice(f, C_STATUS), ds = form_choice(f, C_DOSSIER);
    int64_t oid = 0;
    char ok = entry_owner_kind(form_ref(f, C_OWNER), &oid);
    uc_fields uf = {
        .status = uc_status_code((char)(st > 0 ? st : 'n')),
        .dossier = ds == 'p' ? "in_progress" : ds == 'c' ? "complete" : ds == 'a' ? "appraised" : "none",
        .owner_org_id = ok == 'o' ? oid : 0, .owner_person_id = ok == 'p' ? oid : 0,
        .status_date = form_date(f, C_DATE), .note = form_text(f, C_NOTE),
    };
    int rc = uc_set(c->t->db, c->unit_id, c->criterion_id, c->version, &uf);
    if (rc == DB_OK) return 0;
    if (rc == DB_CONFLICT) return FORM_SAVE_CONFLICT;
    if (entry_write_gone(f, c->t->db, rc)) return FORM_SAVE_GONE;
    static const entry_field fields[] = {
        { "status", C_STATUS }, { "dossier", C_DOSSIER }, { "owner_org_id", C_OWNER }, { "owner_person_id", C_OWNER },
        { "status_date", C_DATE }, { "note", C_NOTE }, { NULL, 0 },
    };
    entry_model_error(f, fields, c->t->db);
    return 1;
}

/* Choose the criterion first, so the form opens with what is recorded for it. */
static int64_t pick_criterion(tui *t, int64_t commune_id, char *label, size_t n)
{
    entry_pick ctx = { t->db, commune_id, 0, 0 };
    picker *p = picker_new(_("Tiêu chí"));
    if (!p) return 0;
    entry_fill_criteria(&ctx, p);
    int64_t id = 0;
    if (picker_total(p) == 0) {
        picker_free(p);
        tui_message(t, 1, "%s", _("Xã chưa được gán bộ tiêu chí (nhấn e ở danh sách xã để chọn)."));
        return -1;
    }
    int rc;
    while ((rc = picker_run(p)) == PICK_RESIZED) tui_repaint(t, 0);
    if (rc == PICK_OK) { id = picker_id(p); text_copy(label, n, picker_label(p)); }
    picker_free(p);
    return id;
}

static void fill_uc(const uc_ctx *c, form *f, const uc_rec *rec)
{
    form_set_choice(f, C_STATUS, rec->c.status ? rec->c.status : 'n');
    form_set_choice(f, C_DOSSIER, rec->c.dossier ? rec->c.dossier : 1);
    char label[300];
    if (rec->c.owner_org_id) {
        entry_label(c->t->db, c->commune_id, 'o', rec->c.owner_org_id, label, sizeof label);
        form_set_ref(f, C_OWNER, entry_owner_code('o', rec->c.owner_org_id), label);
    } else if (rec->c.owner_person_id) {
        entry_label(c->t->db, c->commune_id, 'p', rec->c.owner_person_id, label, sizeof label);
        form_set_ref(f, C_OWNER, entry_owner_code('p', rec->c.owner_person_id), label);
    }
    form_set_date(f, C_DATE, rec->c.status_date[0] ? rec->c.status_date : db_today(c->t->db));
    form_set_text(f, C_NOTE, rec->note);
}

/* The criterion's state as it is now, for the conflict view; its version for the next save. */
static int reread_uc(form *theirs, void *ctx, form_who *who)
{
    uc_ctx *c = ctx;
    uc_rec rec = { 0 };
    int rc = uc_read(c->t->db, c->unit_id, c->criterion_id, &rec);
    if (rc == DB_OK) { fill_uc(c, theirs, &rec); c->version = rec.c.version; }
    return entry_reread_done(c->t, rc, "unit_criterion", rec.c.id, who);
}

int entry_unit_criterion(tui *t, int64_t id, int64_t commune_id)
{
    unit_row u;
    if (unit_get(t->db, id, &u) != DB_OK) return tui_db_error(t);
    if (u.kind == 'c') commune_id = u.id;
    else if (u.kind == 'h') commune_id = u.parent_id;
    else return tui_message(t, 1, "%s", _("Tiêu chí đánh giá cho xã hoặc thôn."));
    char crit[300] = "";
    int64_t cid = pick_criterion(t, commune_id, crit, sizeof crit);
    if (cid < 0) return REDRAW_ALL | REDRAW_STATUS;
    if (!cid) return REDRAW_ALL;
    uc_rec rec;
    if (uc_read(t->db, id, cid, &rec) != DB_OK) return tui_db_error(t);
    entry_pick owners = { t->db, commune_id, PICK_ORG | PICK_PERSON, 0 };
    const form_spec spec[C_N] = {
        entry_enum(N_("Tình trạng"), 1, UC_STATUS, 3, NULL),
        entry_enum(N_("Hồ sơ"), 1, UC_DOSSIER, 4, NULL),
        entry_ref(N_("Phụ trách"), 0, entry_fill_owners, &owners, NULL),
        entry_date(N_("Ngày đánh giá"), 0, NULL),
        entry_text(N_("Ghi chú"), 0, 1000, NULL),
    };
    char title[700];
    snprintf(title, sizeof title, "%s — %s %s", crit, kind_word(u.kind), u.name);
    form *f = form_new(title, spec, C_N);
    if (!f) return tui_message(t, 1, "%s", _("Hết bộ nhớ"));
    uc_ctx c = { t, id, cid, rec.c.version, commune_id };
    fill_uc(&c, f, &rec);
    form_set_reread(f, reread_uc);
    int flags = REDRAW_ALL;
    if (entry_form_run(t, f, save_uc, &c) == FORM_SAVED) {
        flags |= entry_after_write(t, id);
        tui_message(t, 0, _("Đã lưu: %s — %s."), crit, form_text(f, C_STATUS));
    }
    form_free(f);
    return flags;
}
