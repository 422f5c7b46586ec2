/* forms: the forms of the tour screens (a tour, a stop, a check's result, a
 * follow-up task) and the pickers behind their reference fields. Each save calls one
 * model function (one transaction); a refusal is shown on the form, which stays open
 * with what was typed. An edit checks the version read: a row someone changed
 * meanwhile opens the form's conflict view (form.h), its reread hook here. */
#include "tui/screens/tour/tour.h"
#include "tui/entry.h"
#include "tui/widgets/draw.h"
#include "tui/widgets/form.h"
#include "tui/widgets/picker.h"
#include "model/date.h"
#include "model/household.h"
#include "model/i18n.h"
#include "model/pick.h"
#include "model/text.h"
#include "model/unit.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { PICK_LIMIT = 5000 };

/* What the fill callbacks need: the database, the form (to read the commune or hamlet
 * chosen in another field) and the fixed commune when there is no such field. */
typedef struct ref_ctx {
    tui *t;
    form *f;
    int commune_field;         /* -1: use commune */
    int64_t commune;
    int hamlet_field;          /* households: narrow to this hamlet when chosen (-1: none) */
} ref_ctx;

static int64_t ctx_commune(ref_ctx *c)
{
    return c->commune_field >= 0 && c->f ? form_ref(c->f, c->commune_field) : c->commune;
}

static int run_form(tui *t, form *f, form_save_fn save, void *ctx)
{
    return entry_form_run(t, f, save, ctx) == FORM_SAVED;
}

/* A save's model result: 0 written, FORM_SAVE_CONFLICT or _GONE, else the message on the form. */
static int saved_or(form *f, ntm_db *db, int rc)
{
    if (rc == DB_OK) return 0;
    if (rc == DB_CONFLICT) return FORM_SAVE_CONFLICT;
    if (entry_write_gone(f, db, rc)) return FORM_SAVE_GONE;
    form_error(f, -1, "%s", db_errmsg(db));
    return -1;
}

static void add_list(picker *p, const pick_list *l, int person_negative)
{
    for (int i = 0; i < l->n; i++)
        picker_add(p, person_negative && l->v[i].kind == 'p' ? -l->v[i].id : l->v[i].id, l->v[i].label, l->v[i].key);
}

/* "Sơn Kim 2 (Hà Tĩnh)" */
static void commune_label(tui *t, int64_t id, char *out, size_t n)
{
    unit_row c, p;
    out[0] = 0;
    if (unit_get(t->db, id, &c) != DB_OK) return;
    if (c.parent_id && unit_get(t->db, c.parent_id, &p) == DB_OK) snprintf(out, n, "%s (%s)", c.name, p.name);
    else snprintf(out, n, "%s", c.name);
}

static void fill_communes(void *ctx, picker *p)
{
    ref_ctx *c = ctx;
    unit_list prov, com;
    if (unit_children(c->t->db, 0, &prov) != DB_OK) return;
    for (int i = 0; i < prov.n; i++) {
        if (unit_children(c->t->db, prov.v[i].id, &com) != DB_OK) continue;
        for (int j = 0; j < com.n; j++) {
            char label[450];
            snprintf(label, sizeof label, "%s (%s)", com.v[j].name, prov.v[i].name);
            picker_add(p, com.v[j].id, label, NULL);
        }
        unit_list_free(&com);
    }
    unit_list_free(&prov);
}

static void fill_people(void *ctx, picker *p)
{
    ref_ctx *c = ctx;
    pick_list l;
    if (pick_owners(c->t->db, ctx_commune(c), PICK_PERSON, NULL, PICK_LIMIT, &l) != DB_OK) return;
    add_list(p, &l, 0);
    pick_list_free(&l);
}

/* Owners of a follow-up: organisations (id), hamlets (HAMLET_OWNER + id) and people (-id). */
#define HAMLET_OWNER ((int64_t)1 << 40)
static void fill_owners(void *ctx, picker *p)
{
    ref_ctx *c = ctx;
    pick_list l;
    if (pick_owners(c->t->db, ctx_commune(c), PICK_ORG | PICK_HAMLET | PICK_PERSON, NULL, PICK_LIMIT, &l) != DB_OK) return;
    for (int i = 0; i < l.n; i++) {
        char label[300];
        if (l.v[i].kind != 'h') { picker_add(p, l.v[i].kind == 'p' ? -l.v[i].id : l.v[i].id, l.v[i].label, l.v[i].key); continue; }
        snprintf(label, sizeof label, _("Thôn %s"), l.v[i].label);
        picker_add(p, HAMLET_OWNER + l.v[i].id, label, l.v[i].key);
    }
    pick_list_free(&l);
}

static void fill_campaigns(void *ctx, picker *p)
{
    ref_ctx *c = ctx;
    pick_list l;
    if (pick_campaigns(c->t->db, ctx_commune(c), NULL, PICK_LIMIT, &l) != DB_OK) return;
    add_list(p, &l, 0);
    pick_list_free(&l);
}

static void fill_hamlets(void *ctx, picker *p)
{
    ref_ctx *c = ctx;
    pick_list l;
    if (pick_hamlets(c->t->db, ctx_commune(c), NULL, PICK_LIMIT, &l) != DB_OK) return;
    add_list(p, &l, 0);
    pick_list_free(&l);
}

/* The households of the hamlet chosen in the form, else of every hamlet of the commune. */
static void fill_households(void *ctx, picker *p)
{
    ref_ctx *c = ctx;
    int64_t only = c->hamlet_field >= 0 ? form_ref(c->f, c->hamlet_field) : 0;
    pick_list hl;
    if (pick_hamlets(c->t->db, ctx_commune(c), NULL, PICK_LIMIT, &hl) != DB_OK) return;
    for (int i = 0; i < hl.n; i++) {
        if (only && hl.v[i].id != only) continue;
        household_rec *v = NULL;
        int n = 0;
        if (household_list(c->t->db, hl.v[i].id, &v, &n) != DB_OK) continue;
        for (int j = 0; j < n; j++) {
            char label[800];
            snprintf(label, sizeof label, _("Hộ %s (thôn %s)"), v[j].head_name, hl.v[i].label);
            picker_add(p, v[j].id, label, NULL);
        }
        free(v);
    }
    pick_list_free(&hl);
}

/* ---- the tour ---- */

enum { TF_NAME, TF_DATE, TF_COMMUNE, TF_LEAD, TF_TEAM, TF_PURPOSE, TF_CAMPAIGN, TF_N };

typedef struct { ref_ctx ref; int64_t id, version, *out; } tour_save_ctx;

static int tour_save(form *f, void *p)
{
    tour_save_ctx *c = p;
    const char *date = form_date(f, TF_DATE);
    tour_fields tf = { form_ref(f, TF_COMMUNE), form_ref(f, TF_LEAD), form_ref(f, TF_CAMPAIGN),
                       form_text(f, TF_NAME), date[0] ? date : NULL, form_text(f, TF_TEAM), form_text(f, TF_PURPOSE) };
    int rc = c->id ? tour_update(c->ref.t->db, c->id, c->version, &tf) : tour_create(c->ref.t->db, &tf, c->out);
    if (rc == DB_OK && c->id) *c->out = c->id;
    return saved_or(f, c->ref.t->db, rc);
}

static void fill_tour(tui *t, form *f, const tour_full *full)
{
    char label[450];
    form_set_text(f, TF_NAME, full->t.name);
    form_set_date(f, TF_DATE, full->t.date);
    commune_label(t, full->t.commune_id, label, sizeof label);
    form_set_ref(f, TF_COMMUNE, full->t.commune_id, label);
    form_set_text(f, TF_TEAM, full->team);
    form_set_text(f, TF_PURPOSE, full->purpose);
    if (full->lead_person_id) form_set_ref(f, TF_LEAD, full->lead_person_id, full->lead);
    if (full->campaign_id) form_set_ref(f, TF_CAMPAIGN, full->campaign_id, full->campaign);
}

/* The tour as it is now, for the conflict view; its version for the next save. */
static int reread_tour(form *theirs, void *ctx, form_who *who)
{
    tour_save_ctx *c = ctx;
    tour_full full;
    int rc = tour_load(c->ref.t->db, c->id, &full);
    if (rc == DB_OK) { fill_tour(c->ref.t, theirs, &full); c->version = full.version; tour_free(&full); }
    return entry_reread_done(c->ref.t, rc, "tour", c->id, who);
}

int tour_form(tui *t, int64_t commune_id, int64_t *id)
{
    static const form_spec proto[TF_N] = {
        { FORM_TEXT, N_("Tên tour"), 1, 200, NULL, NULL, 0, 0, NULL, NULL, NULL, NULL },
        { FORM_DATE, NC_("Date", "Ngày kiểm tra"), 0, 0, NULL, NULL, 0, 0, NULL, NULL, NULL, NULL },
        { FORM_REF, N_("Xã"), 1, 0, NULL, NULL, 0, 0, NULL, NULL, NULL, NULL },
        { FORM_REF, N_("Trưởng đoàn"), 0, 0, NULL, NULL, 0, 0, NULL, NULL, NULL, NULL },
        { FORM_TEXT, NC_("Team members", "Thành phần đoàn"), 0, 500, N_("Những người đi cùng đoàn, cách nhau bằng dấu phẩy"), NULL, 0, 0, NULL, NULL, NULL, NULL },
        { FORM_TEXT, N_("Mục đích"), 0, 1000, NULL, NULL, 0, 0, NULL, NULL, NULL, NULL },
        { FORM_REF, N_("Đợt thi đua"), 0, 0, NULL, NULL, 0, 0, NULL, NULL, NULL, NULL },
    };
    form_spec spec[TF_N];
    memcpy(spec, proto, sizeof spec);
    tour_save_ctx c = { { t, NULL, TF_COMMUNE, 0, -1 }, *id, 0, id };
    spec[TF_COMMUNE].fill = fill_communes;
    spec[TF_LEAD].fill = fill_people;
    spec[TF_CAMPAIGN].fill = fill_campaigns;
    for (int i = 0; i < TF_N; i++) if (spec[i].kind == FORM_REF) spec[i].fill_ctx = &c.ref;
    form *f = form_new(*id ? _("Sửa tour kiểm tra") : _("Tour kiểm tra mới"), spec, TF_N);
    if (!f) { tui_message(t, 1, "%s", _("Hết bộ nhớ")); return 0; }
    c.ref.f = f;
    char label[450];
    if (*id) {
        tour_full full;
        if (tour_load(t->db, *id, &full) != DB_OK) { form_free(f); tui_db_error(t); return 0; }
        fill_tour(t, f, &full);
        c.version = full.version;
        form_set_reread(f, reread_tour);
        form_focus(f, TF_NAME);
        tour_free(&full);
    } else if (commune_id > 0) {
        commune_label(t, commune_id, label, sizeof label);
        form_set_ref(f, TF_COMMUNE, commune_id, label);
    }
    int saved = run_form(t, f, tour_save, &c);
    form_free(f);
    return saved;
}

/* ---- a stop ---- */

enum { SF_KIND, SF_NAME, SF_HAMLET, SF_HOUSEHOLD, SF_LANDMARK, SF_NOTE, SF_N };
enum { CF_RESULT, CF_NOTE, CF_N };         /* a check's form (below) */
static const char *const KIND_CODES[] = { "household", "garden", "farm", "cultural_house", "school", "road", "bridge", "field", "other" };
enum { N_KINDS = sizeof KIND_CODES / sizeof KIND_CODES[0] };

typedef struct { ref_ctx ref; int64_t tour_id, stop_id, version, *out; } stop_save_ctx;

static int stop_save(form *f, void *p)
{
    stop_save_ctx *c = p;
    ntm_db *db = c->ref.t->db;
    int kind = form_choice(f, SF_KIND);
    int64_t hamlet = form_ref(f, SF_HAMLET), hh = form_ref(f, SF_HOUSEHOLD);
    if (hh) {                                    /* the household fixes the hamlet */
        household_rec *h = malloc(sizeof *h);
        int rc = h ? household_read(db, hh, h) : DB_ERR;
        int64_t hh_hamlet = rc == DB_OK ? h->hamlet_id : 0;
        free(h);
        if (rc != DB_OK) { form_error(f, SF_HOUSEHOLD, "%s", db_errmsg(db)); return -1; }
        if (hamlet && hamlet != hh_hamlet) {
            unit_row u;
            form_error(f, SF_HOUSEHOLD, _("Hộ này ở thôn %s, không phải thôn đã chọn."),
                       unit_get(db, hh_hamlet, &u) == DB_OK ? u.name : "?");
            return -1;
        }
        hamlet = hh_hamlet;
    }
    stop_fields sf = { hamlet, hh, kind >= 0 && kind < N_KINDS ? KIND_CODES[kind] : "other",
                       form_text(f, SF_NAME), form_text(f, SF_LANDMARK), form_text(f, SF_NOTE) };
    int rc = c->stop_id ? tour_stop_update(db, c->stop_id, c->version, &sf) : tour_stop_add(db, c->tour_id, &sf, c->out);
    return saved_or(f, db, rc);
}

static void fill_stop(tui *t, form *f, const tour_stop_row *s)
{
    int kind = N_KINDS - 1;
    for (int i = 0; i < N_KINDS; i++) if (!strcmp(KIND_CODES[i], s->kind)) kind = i;
    form_set_choice(f, SF_KIND, kind);
    form_set_text(f, SF_NAME, s->name);
    if (s->hamlet_id) form_set_ref(f, SF_HAMLET, s->hamlet_id, s->hamlet);
    if (s->household_id) {
        household_rec *h = malloc(sizeof *h);
        if (h && household_read(t->db, s->household_id, h) == DB_OK) {
            char label[800];
            snprintf(label, sizeof label, _("Hộ %s (thôn %s)"), h->head_name, s->hamlet);
            form_set_ref(f, SF_HOUSEHOLD, s->household_id, label);
        }
        free(h);
    }
    form_set_text(f, SF_LANDMARK, s->landmark);
    form_set_text(f, SF_NOTE, s->note);
}

/* The stop (or check) as it is now: the tour read again, the row found by its id. */
static int reread_row(tui *t, int64_t tour_id, int64_t id, int stop, form *theirs, int64_t *version, form_who *who)
{
    tour_full full;
    int rc = tour_load(t->db, tour_id, &full), found = 0;
    for (int i = 0; rc == DB_OK && stop && i < full.n_stops && !found; i++)
        if (full.stops[i].id == id) { fill_stop(t, theirs, &full.stops[i]); *version = full.stops[i].version; found = 1; }
    for (int i = 0; rc == DB_OK && !stop && i < full.n_checks && !found; i++)
        if (full.checks[i].id == id) {
            form_set_choice(theirs, CF_RESULT, full.checks[i].result);
            form_set_text(theirs, CF_NOTE, full.checks[i].note);
            *version = full.checks[i].version;
            found = 1;
        }
    if (rc == DB_OK) tour_free(&full);
    if (rc == DB_OK && !found)
        rc = db_fail(t->db, DB_NOTFOUND, "%s", stop ? _("Điểm dừng này không còn nữa.")
                                                    : _("Mục kiểm tra này không còn nữa."));
    return entry_reread_done(t, rc, stop ? "tour_stop" : "tour_check", id, who);
}

static int reread_stop(form *theirs, void *ctx, form_who *who)
{
    stop_save_ctx *c = ctx;
    return reread_row(c->ref.t, c->tour_id, c->stop_id, 1, theirs, &c->version, who);
}

int tour_stop_form(tui *t, const tour_full *tf, const tour_stop_row *s, int64_t *id)
{
    form_option kinds[N_KINDS];
    for (int i = 0; i < N_KINDS; i++) kinds[i] = (form_option){ i, tour_kind_label(KIND_CODES[i]) };
    form_spec spec[SF_N] = {
        { FORM_ENUM, N_("Loại điểm"), 1, 0, NULL, kinds, N_KINDS, 0, NULL, NULL, NULL, NULL },
        { FORM_TEXT, N_("Tên điểm dừng"), 1, 200, NULL, NULL, 0, 0, NULL, NULL, NULL, NULL },
        { FORM_REF, N_("Thôn"), 0, 0, NULL, NULL, 0, 0, NULL, NULL, NULL, NULL },
        { FORM_REF, N_("Hộ gia đình"), 0, 0, N_("Nếu điểm dừng là nhà/vườn của một hộ (Enter để chọn; có thể bỏ trống)"), NULL, 0, 0, NULL, NULL, NULL, NULL },
        { FORM_TEXT, N_("Mốc nhận biết"), 0, 200, NULL, NULL, 0, 0, NULL, NULL, NULL, NULL },
        { FORM_TEXT, N_("Ghi chú"), 0, 500, NULL, NULL, 0, 0, NULL, NULL, NULL, NULL },
    };
    stop_save_ctx c = { { t, NULL, -1, tf->t.commune_id, SF_HAMLET }, tf->t.id, s ? s->id : 0, s ? s->version : 0, id };
    spec[SF_HAMLET].fill = fill_hamlets;
    spec[SF_HOUSEHOLD].fill = fill_households;
    spec[SF_HAMLET].fill_ctx = spec[SF_HOUSEHOLD].fill_ctx = &c.ref;
    char title[400];
    if (s) snprintf(title, sizeof title, _("Sửa điểm dừng %d"), s->seq);
    else snprintf(title, sizeof title, _("Thêm điểm dừng (thứ %d)"), tf->n_stops + 1);
    form *f = form_new(title, spec, SF_N);
    if (!f) { tui_message(t, 1, "%s", _("Hết bộ nhớ")); return 0; }
    c.ref.f = f;
    if (s) {
        fill_stop(t, f, s);
        form_set_reread(f, reread_stop);
    } else {
        form_set_choice(f, SF_KIND, N_KINDS - 1);
    }
    int saved = run_form(t, f, stop_save, &c);
    form_free(f);
    return saved;
}

/* ---- a check's result ---- */

typedef struct { tui *t; int64_t tour_id, id, version; } check_save_ctx;

static int check_save(form *f, void *p)
{
    check_save_ctx *c = p;
    int r = form_choice(f, CF_RESULT);
    return saved_or(f, c->t->db, tour_result_edit(c->t->db, c->id, c->version, (char)(r > 0 ? r : 0), form_text(f, CF_NOTE)));
}

static int reread_check(form *theirs, void *ctx, form_who *who)
{
    check_save_ctx *c = ctx;
    return reread_row(c->t, c->tour_id, c->id, 0, theirs, &c->version, who);
}

int tour_check_form(tui *t, int64_t tour_id, const tour_check_row *k, const char *code)
{
    static const form_option results[] = {
        { 'p', NC_("Passed", "Đạt") }, { 'f', NC_("Failed", "Chưa đạt") },
        { 'n', N_("Không áp dụng") }, { 0, N_("Chưa kiểm tra") },
    };
    form_spec spec[CF_N] = {
        { FORM_ENUM, NC_("Result", "Kết quả"), 1, 0, N_("Dấu cách, ←/→: đổi · gõ d Đạt, c Chưa đạt, k Không áp dụng"), results, 4, 0, NULL, NULL, NULL, NULL },
        { FORM_TEXT, N_("Ghi chú"), 0, 500, NULL, NULL, 0, 0, NULL, NULL, NULL, NULL },
    };
    char title[400];
    snprintf(title, sizeof title, "%s %s", code, k->title);
    form *f = form_new(title, spec, CF_N);
    if (!f) { tui_message(t, 1, "%s", _("Hết bộ nhớ")); return 0; }
    form_set_choice(f, CF_RESULT, k->result);
    form_set_text(f, CF_NOTE, k->note);
    check_save_ctx c = { t, tour_id, k->id, k->version };
    form_set_reread(f, reread_check);
    int saved = run_form(t, f, check_save, &c);
    form_free(f);
    return saved;
}

/* ---- a follow-up task ---- */

enum { FF_OWNER, FF_DEADLINE, FF_TITLE, FF_N };
typedef struct { ref_ctx ref; int64_t check_id, *out; } fu_save_ctx;

static int followup_save(form *f, void *p)
{
    fu_save_ctx *c = p;
    int64_t owner = form_ref(f, FF_OWNER);
    followup_fields ff = {
        .owner_org_id = owner > 0 && owner < HAMLET_OWNER ? owner : 0,
        .owner_person_id = owner < 0 ? -owner : 0,
        .owner_unit_id = owner >= HAMLET_OWNER ? owner - HAMLET_OWNER : 0,
        .deadline = form_date(f, FF_DEADLINE), .title = form_text(f, FF_TITLE),
    };
    if (tour_followup(c->ref.t->db, c->check_id, &ff, c->out) != DB_OK) {
        form_error(f, -1, "%s", db_errmsg(c->ref.t->db));
        return -1;
    }
    return 0;
}

int tour_followup_form(tui *t, const tour_full *tf, const tour_check_row *k, const tour_stop_row *s, int64_t *task_id)
{
    char hint[400], title[400], task[700];
    if (s->hamlet[0]) snprintf(hint, sizeof hint, _("Ai làm (Enter: chọn). Việc thuộc thôn %s."), s->hamlet);
    else snprintf(hint, sizeof hint, "%s", _("Ai làm (Enter: chọn). Điểm chưa có thôn: việc chung của xã."));
    form_spec spec[FF_N] = {
        { FORM_REF, N_("Phụ trách"), 1, 0, hint, NULL, 0, 0, NULL, NULL, NULL, NULL },
        { FORM_DATE, N_("Hạn"), 1, 0, NULL, NULL, 0, 0, NULL, NULL, NULL, NULL },
        { FORM_TEXT, NC_("Task", "Nội dung việc"), 1, 500, NULL, NULL, 0, 0, NULL, NULL, NULL, NULL },
    };
    fu_save_ctx c = { { t, NULL, -1, tf->t.commune_id, -1 }, k->id, task_id };
    spec[FF_OWNER].fill = fill_owners;
    spec[FF_OWNER].fill_ctx = &c.ref;
    snprintf(title, sizeof title, _("Việc khắc phục cho mục %d.%d"), k->stop_seq, k->seq);
    form *f = form_new(title, spec, FF_N);
    if (!f) { tui_message(t, 1, "%s", _("Hết bộ nhớ")); return 0; }
    c.ref.f = f;
    snprintf(task, sizeof task, "%s - %s", k->title, s->name);
    form_set_text(f, FF_TITLE, task);
    if (s->hamlet_id) {                     /* the stop's hamlet, as a hamlet's own tasks are */
        char label[300];
        snprintf(label, sizeof label, _("Thôn %s"), s->hamlet);
        form_set_ref(f, FF_OWNER, HAMLET_OWNER + s->hamlet_id, label);
    }
    int saved = run_form(t, f, followup_save, &c);
    form_free(f);
    return saved;
}

/* ---- checklist templates ---- */

int tour_template_pick(tui *t, char *out, size_t n)
{
    picker *p = picker_new(_("Áp dụng mẫu danh mục kiểm tra cho mọi điểm dừng"));
    if (!p) { tui_message(t, 1, "%s", _("Hết bộ nhớ")); return 0; }
    tour_template *v = NULL;
    int nv = 0;
    if (tour_templates(t->db, &v, &nv) != DB_OK) { picker_free(p); tui_db_error(t); return 0; }
    for (int i = 0; i < nv; i++) {
        char label[300];
        snprintf(label, sizeof label, _("%s %s %s (%d mục)"), v[i].code, glyph(G_DASH), v[i].name, v[i].n_items);
        picker_add(p, i + 1, label, NULL);
    }
    int rc;
    while ((rc = picker_run(p)) == PICK_RESIZED) tui_repaint(t, 0);
    int64_t id = rc == PICK_OK ? picker_id(p) : 0;
    picker_free(p);
    int ok = id >= 1 && id <= nv;
    if (ok) text_copy(out, n, v[id - 1].code);
    free(v);
    return ok;
}
