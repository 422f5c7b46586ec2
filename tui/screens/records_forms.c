/* records_forms: the forms of the records lists (records.c): organisations, people,
 * campaigns and households: n new, e edit (version checked), d delete (asks; refused by
 * the model while tasks or others still refer to the record). */
#include "tui/screens/records.h"
#include "tui/entry.h"
#include "tui/pickers.h"
#include "model/campaign.h"
#include "model/household.h"
#include "model/i18n.h"
#include "model/org.h"
#include "model/person.h"
#include "model/pick.h"
#include "model/text.h"
#include "model/unit.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { O_NAME, O_SHORT, O_KIND, O_N };
enum { PE_NAME, PE_POS, PE_PHONE, PE_ORG, PE_PLACE, PE_N };
enum { G_NAME, G_DOC, G_START, G_END, G_ISSUER, G_ISSUED, G_SIGNER, G_NOTE, G_N };
enum { H_NAME, H_ADDR, H_FLAG0, H_NOTE = H_FLAG0 + HH_NFLAGS, H_N };
enum { MAX_FIELDS = 16 };

static const char *const ORG_KINDS[] = { "party", "government", "front", "union", "police", "military", "school",
                                         "coop", "committee", "other" };
enum { N_KINDS = sizeof ORG_KINDS / sizeof ORG_KINDS[0] };

static const form_option SURVEY[] = {
    { HH_UNKNOWN, N_("chưa khảo sát") }, { HH_YES, N_("có") }, { HH_NO, N_("không") },
};

typedef struct rec_form {
    tui *t;
    char what;
    int64_t id, version, unit_id, commune_id, new_id;
    form_spec spec[MAX_FIELDS];
    int n;
    entry_pick orgs, places;
    form_option kinds[N_KINDS];
    int unchanged;
} rec_form;

static const char *what_word(char what)
{
    switch (what) {
    case REC_ORGS: return _("tổ chức");
    case REC_PEOPLE: return C_("person", "người");
    case REC_CAMPAIGNS: return _("đợt/kế hoạch");
    default: return _("hộ");
    }
}

static void build(rec_form *c)
{
    form_spec *s = c->spec;
    switch (c->what) {
    case REC_ORGS:
        for (int i = 0; i < N_KINDS; i++)
            c->kinds[i] = (form_option){ i, org_kind_label(ORG_KINDS[i]) };
        s[O_NAME] = entry_text(N_("Tên tổ chức"), 1, 200, NULL);
        s[O_SHORT] = entry_text(N_("Tên viết tắt"), 0, 30, N_("vd. HPN, ĐTN (không bắt buộc)"));
        s[O_KIND] = entry_enum(N_("Loại tổ chức"), 1, c->kinds, N_KINDS, NULL);
        c->n = O_N;
        break;
    case REC_PEOPLE:
        c->orgs = (entry_pick){ c->t->db, c->commune_id, PICK_ORG, 0 };
        c->places = (entry_pick){ c->t->db, c->commune_id, 0, 0 };
        s[PE_NAME] = entry_text(N_("Họ và tên"), 1, 120, NULL);
        s[PE_POS] = entry_text(N_("Chức vụ"), 0, 200, NULL);
        s[PE_PHONE] = entry_text(N_("Điện thoại"), 0, 20, N_("Chữ số, dấu cách và + - . ( )"));
        s[PE_ORG] = entry_ref(N_("Tổ chức"), 0, entry_fill_owners, &c->orgs, NULL);
        s[PE_PLACE] = entry_ref(N_("Nơi công tác"), 1, entry_fill_places, &c->places,
                                N_("Xã, hoặc một thôn của xã"));
        c->n = PE_N;
        break;
    case REC_CAMPAIGNS:
        s[G_NAME] = entry_text(N_("Tên đợt/kế hoạch"), 1, 300, NULL);
        s[G_DOC] = entry_text(N_("Số văn bản"), 0, 50, N_("vd. 14-KH/BCĐ"));
        s[G_START] = entry_date(N_("Ngày bắt đầu"), 1, NULL);
        s[G_END] = entry_date(N_("Ngày kết thúc"), 1, NULL);
        s[G_ISSUER] = entry_text(N_("Cơ quan ban hành"), 0, 300, NULL);
        s[G_ISSUED] = entry_date(N_("Ngày ban hành"), 0, NULL);
        s[G_SIGNER] = entry_text(N_("Người ký"), 0, 120, NULL);
        s[G_NOTE] = entry_text(N_("Ghi chú"), 0, 2000, NULL);
        c->n = G_N;
        break;
    default:
        s[H_NAME] = entry_text(N_("Chủ hộ"), 1, 120, NULL);
        s[H_ADDR] = entry_text(N_("Địa chỉ"), 0, 200, NULL);
        for (int i = 0; i < HH_NFLAGS; i++)
            s[H_FLAG0 + i] = entry_enum(household_flag_label(i), 1, SURVEY, 3, NULL);
        s[H_NOTE] = entry_text(N_("Ghi chú"), 0, 1000, NULL);
        c->n = H_N;
        break;
    }
}

static int kind_index(const char *kind)
{
    for (int i = 0; i < N_KINDS; i++)
        if (!strcmp(ORG_KINDS[i], kind)) return i;
    return N_KINDS - 1;
}

/* Read the record into the form; its version into c. */
static int fill(rec_form *c, form *f)
{
    ntm_db *db = c->t->db;
    char label[300];
    switch (c->what) {
    case REC_ORGS: {
        if (!c->id) { form_set_choice(f, O_KIND, N_KINDS - 1); return DB_OK; }
        org_rec r;
        if (org_read(db, c->id, &r) != DB_OK) return DB_ERR;
        c->version = r.version;
        form_set_text(f, O_NAME, r.name);
        form_set_text(f, O_SHORT, r.short_name);
        form_set_choice(f, O_KIND, kind_index(r.kind));
        return DB_OK;
    }
    case REC_PEOPLE: {
        person_rec r;
        if (!c->id) {
            entry_label(db, c->commune_id, 'P', c->commune_id, label, sizeof label);
            form_set_ref(f, PE_PLACE, c->commune_id, label);
            return DB_OK;
        }
        if (person_read(db, c->id, &r) != DB_OK) return DB_ERR;
        c->version = r.version;
        form_set_text(f, PE_NAME, r.full_name);
        form_set_text(f, PE_POS, r.position);
        form_set_text(f, PE_PHONE, r.phone);
        if (r.org_id) {
            entry_label(db, c->commune_id, 'o', r.org_id, label, sizeof label);
            form_set_ref(f, PE_ORG, entry_owner_code('o', r.org_id), label);
        }
        entry_label(db, c->commune_id, 'P', r.unit_id, label, sizeof label);
        form_set_ref(f, PE_PLACE, r.unit_id, label);
        return DB_OK;
    }
    case REC_CAMPAIGNS: {
        if (!c->id) { form_set_date(f, G_START, db_today(db)); return DB_OK; }
        campaign_rec *r = malloc(sizeof *r);
        if (!r) return DB_ERR;
        if (campaign_read(db, c->id, r) != DB_OK) { free(r); return DB_ERR; }
        c->version = r->version;
        form_set_text(f, G_NAME, r->name);
        form_set_text(f, G_DOC, r->doc_number);
        form_set_date(f, G_START, r->start_date);
        form_set_date(f, G_END, r->end_date);
        form_set_text(f, G_ISSUER, r->issuer);
        form_set_date(f, G_ISSUED, r->issue_date);
        form_set_text(f, G_SIGNER, r->signer);
        form_set_text(f, G_NOTE, r->note);
        free(r);
        return DB_OK;
    }
    default: {
        household_rec r;
        if (!c->id) {
            for (int i = 0; i < HH_NFLAGS; i++) form_set_choice(f, H_FLAG0 + i, HH_UNKNOWN);
            return DB_OK;
        }
        if (household_read(db, c->id, &r) != DB_OK) return DB_ERR;
        c->version = r.version;
        form_set_text(f, H_NAME, r.head_name);
        form_set_text(f, H_ADDR, r.address);
        for (int i = 0; i < HH_NFLAGS; i++) form_set_choice(f, H_FLAG0 + i, r.flags[i]);
        form_set_text(f, H_NOTE, r.note);
        return DB_OK;
    }
    }
}

static int write_record(rec_form *c, form *f)
{
    ntm_db *db = c->t->db;
    int64_t *out = &c->new_id;
    switch (c->what) {
    case REC_ORGS: {
        int k = form_choice(f, O_KIND);
        org_fields of = { c->commune_id, form_text(f, O_NAME), form_text(f, O_SHORT), ORG_KINDS[k >= 0 && k < N_KINDS ? k : N_KINDS - 1] };
        return c->id ? org_update(db, c->id, c->version, &of) : org_create(db, &of, out);
    }
    case REC_PEOPLE: {
        int64_t org = 0;
        entry_owner_kind(form_ref(f, PE_ORG), &org);
        person_fields pf = { form_ref(f, PE_PLACE), org, form_text(f, PE_NAME), form_text(f, PE_POS), form_text(f, PE_PHONE) };
        return c->id ? person_update(db, c->id, c->version, &pf) : person_create(db, &pf, out);
    }
    case REC_CAMPAIGNS: {
        campaign_fields cf = { .commune_id = c->commune_id, .name = form_text(f, G_NAME), .doc_number = form_text(f, G_DOC),
                               .issuer = form_text(f, G_ISSUER), .signer = form_text(f, G_SIGNER), .note = form_text(f, G_NOTE),
                               .issue_date = form_date(f, G_ISSUED), .start_date = form_date(f, G_START),
                               .end_date = form_date(f, G_END) };
        return c->id ? campaign_update(db, c->id, c->version, &cf) : campaign_create(db, &cf, out);
    }
    default: {
        household_fields hf = { .hamlet_id = c->unit_id, .head_name = form_text(f, H_NAME), .address = form_text(f, H_ADDR),
                                .note = form_text(f, H_NOTE) };
        for (int i = 0; i < HH_NFLAGS; i++) {
            int v = form_choice(f, H_FLAG0 + i);
            hf.flags[i] = v < 0 ? HH_UNKNOWN : v;
        }
        return c->id ? household_update(db, c->id, c->version, &hf) : household_create(db, &hf, out);
    }
    }
}

static int save_record(form *f, void *ctx)
{
    rec_form *c = ctx;
    if (c->id && !form_changed(f)) { c->unchanged = 1; return 0; }
    int rc = write_record(c, f);
    if (rc == DB_OK) return 0;
    if (rc == DB_CONFLICT) return FORM_SAVE_CONFLICT;
    if (entry_write_gone(f, c->t->db, rc)) return FORM_SAVE_GONE;
    static const entry_field orgs[] = { { "name", O_NAME }, { "short_name", O_SHORT }, { "kind", O_KIND }, { NULL, 0 } };
    static const entry_field people[] = {
        { "full_name", PE_NAME }, { "position", PE_POS }, { "phone", PE_PHONE }, { "org_id", PE_ORG }, { "unit_id", PE_PLACE },
        { NULL, 0 },
    };
    static const entry_field campaigns[] = {
        { "name", G_NAME }, { "doc_number", G_DOC }, { "start_date", G_START }, { "end_date", G_END }, { "issuer", G_ISSUER },
        { "issue_date", G_ISSUED }, { "signer", G_SIGNER }, { "note", G_NOTE }, { NULL, 0 },
    };
    entry_field households[H_N + 1] = { { "head_name", H_NAME }, { "address", H_ADDR }, { "note", H_NOTE } };
    for (int i = 0; i < HH_NFLAGS; i++) households[3 + i] = (entry_field){ household_flag_column(i), H_FLAG0 + i };
    entry_model_error(f, c->what == REC_ORGS ? orgs : c->what == REC_PEOPLE ? people : c->what == REC_CAMPAIGNS ? campaigns
                         : households, c->t->db);
    return 1;
}

/* The record as it is now, for the conflict view (fill keeps its version for the next save). */
static int reread(form *theirs, void *ctx, form_who *who)
{
    rec_form *c = ctx;
    const char *table = c->what == REC_ORGS ? "org" : c->what == REC_PEOPLE ? "person"
                      : c->what == REC_CAMPAIGNS ? "campaign" : "household";
    return entry_reread_done(c->t, fill(c, theirs), table, c->id, who);
}

static int run(tui *t, char what, int64_t id, int64_t unit_id, int64_t commune_id)
{
    rec_form *c = calloc(1, sizeof *c);
    if (!c) return tui_message(t, 1, "%s", _("Hết bộ nhớ"));
    *c = (rec_form){ .t = t, .what = what, .id = id, .unit_id = unit_id, .commune_id = commune_id };
    build(c);
    char title[200];
    if (id) snprintf(title, sizeof title, _("Sửa %s"), what_word(what));
    else snprintf(title, sizeof title, _("Thêm %s"), what_word(what));
    form *f = form_new(title, c->spec, c->n);
    int flags = REDRAW_ALL;
    if (!f) { free(c); return tui_message(t, 1, "%s", _("Hết bộ nhớ")); }
    if (id) form_set_reread(f, reread);
    if (fill(c, f) != DB_OK) flags |= tui_db_error(t);
    else if (entry_form_run(t, f, save_record, c) == FORM_SAVED) {
        char saved[sizeof t->msg];
        snprintf(saved, sizeof saved, _("Đã lưu %s \"%s\"."), what_word(what), form_text(f, 0));
        flags |= entry_after_save(t, c->unchanged, id ? id : c->new_id, saved);
    }
    form_free(f);
    free(c);
    return flags;
}

int entry_record_new(tui *t, char what, int64_t unit_id, int64_t commune_id)
{
    return run(t, what, 0, unit_id, commune_id);
}

int entry_record_edit(tui *t, char what, int64_t id, int64_t unit_id, int64_t commune_id)
{
    return run(t, what, id, unit_id, commune_id);
}

int entry_record_delete(tui *t, char what, int64_t id, const char *name)
{
    char q[1200], shown[600];
    text_copy(shown, sizeof shown, name ? name : "");
    snprintf(q, sizeof q, _("Xóa %s \"%s\"?"), what_word(what), shown);
    if (!entry_confirm(t, q)) return REDRAW_ALL;
    int rc;
    switch (what) {
    case REC_ORGS: rc = org_delete(t->db, id); break;
    case REC_PEOPLE: rc = person_delete(t->db, id); break;
    case REC_CAMPAIGNS: rc = campaign_delete(t->db, id); break;
    default: rc = household_delete(t->db, id); break;
    }
    if (rc != DB_OK) return tui_db_error(t) | REDRAW_ALL;
    int flags = entry_after_write(t, 0);
    tui_message(t, 0, _("Đã xóa — nhấn u để hoàn tác: %s \"%s\""), what_word(what), shown);
    return flags;
}
