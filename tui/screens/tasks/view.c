/* view: the task list's filter and sort (parts.h). The list keeps a task_view: its own scope
 * (commune, hamlet) and the user's choices (state, campaign, hamlet, owner, criterion,
 * sort), read through model/filter.h. Every change is saved at once for the user
 * (ui_state "filter.tasks") and restored when a list opens: the state and the sort carry
 * over to any commune, the references only within the commune they belong to.
 *
 * Keys: F the filter form, o the next sort order, ! overdue only (again: all). The header
 * line says what is active, the F form changes all. */
#include "tui/screens/tasks/parts.h"
#include "tui/pickers.h"
#include "tui/widgets/form.h"
#include "model/campaign.h"
#include "model/date.h"
#include "model/i18n.h"
#include "model/pick.h"
#include "model/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *SAVED_AS = "tasks";

/* ---- the view ---- */

static int64_t owner_code_of(const task_query *q)
{
    if (q->owner_org_id > 0) return view_owner_code('o', q->owner_org_id);
    if (q->owner_person_id > 0) return view_owner_code('p', q->owner_person_id);
    if (q->owner_unit_id > 0) return view_owner_code('h', q->owner_unit_id);
    return 0;
}

static void set_owner(task_query *q, int64_t code)
{
    q->owner_org_id = q->owner_person_id = q->owner_unit_id = 0;
    if (code <= 0) return;
    char k = view_owner_kind(code);
    int64_t id = code / 4;
    if (k == 'o') q->owner_org_id = id;
    else if (k == 'p') q->owner_person_id = id;
    else q->owner_unit_id = id;
}

/* The short form of a picker label for the header: an organisation's short name (in the
 * brackets), "TC 17" for a criterion. */
static void short_label(char *s, size_t size, int what)
{
    char *open = strrchr(s, '(');
    size_t len = strlen(s);
    if (what == VIEW_PICK_CRITERION) {
        int n = atoi(s);
        if (n > 0) snprintf(s, size, _("TC %d"), n);
        return;
    }
    if (what != VIEW_PICK_OWNER || !open || open == s || open[-1] != ' ' || !len || s[len - 1] != ')') return;
    memmove(s, open + 1, len - (size_t)(open + 1 - s));
    s[strlen(s) - 1] = 0;
}

/* A campaign by its document number, else by its start: "14-KH/BCĐ", "đợt 03/03/2021". */
static int campaign_short(tui *t, int64_t id, char *out, size_t n)
{
    campaign_rec *c = malloc(sizeof *c);
    if (!c || campaign_read(t->db, id, c) != DB_OK) { free(c); return -1; }
    char d[11];
    date_show(c->start_date, d);
    if (c->doc_number[0] && c->doc_number[0] != '/') snprintf(out, n, "%s", c->doc_number);
    else snprintf(out, n, _("đợt %s"), d);
    free(c);
    return 0;
}

static void add_part(char *out, size_t n, const char *part)
{
    char buf[1024];
    if (!part[0]) return;
    snprintf(buf, sizeof buf, "%s%s%s", out, out[0] ? ", " : "", part);
    text_copy(out, n, buf);                /* cut between characters when it is too long */
}

static void add_ref(tui *t, const task_view *v, int what, int64_t code, char *out, size_t n)
{
    view_pick p = { t->db, v->q.commune_id, what, PICK_ORG | PICK_PERSON | PICK_HAMLET, NULL };
    char label[256];
    if (code <= 0) return;
    if (what == VIEW_PICK_CAMPAIGN && !campaign_short(t, code, label, sizeof label)) { add_part(out, n, label); return; }
    if (view_pick_label(&p, code, label, sizeof label)) snprintf(label, sizeof label, "#%lld", (long long)(what == VIEW_PICK_OWNER ? code / 4 : code));
    short_label(label, sizeof label, what);
    add_part(out, n, label);
}

static void describe(tui *t, task_view *v)
{
    v->text[0] = 0;
    if (v->q.state != TQ_ALL) add_part(v->text, sizeof v->text, filter_state_label(v->q.state));
    if (v->scope_hamlet == 0) add_ref(t, v, VIEW_PICK_HAMLET, v->q.hamlet_id, v->text, sizeof v->text);
    add_ref(t, v, VIEW_PICK_CAMPAIGN, v->q.campaign_id, v->text, sizeof v->text);
    add_ref(t, v, VIEW_PICK_OWNER, owner_code_of(&v->q), v->text, sizeof v->text);
    add_ref(t, v, VIEW_PICK_CRITERION, v->q.criterion_id, v->text, sizeof v->text);
}

void task_view_init(tui *t, task_view *v, int64_t commune_id, int64_t hamlet_id)
{
    memset(v, 0, sizeof *v);
    v->q.commune_id = commune_id;
    v->q.hamlet_id = hamlet_id;
    v->q.sort = TQ_BY_DEADLINE;
    v->scope_hamlet = hamlet_id;
    task_query r = { .commune_id = commune_id };
    if (filter_restore(t->db, SAVED_AS, &r) == DB_OK) {
        v->q.state = r.state;
        v->q.sort = r.sort;
        v->q.desc = r.desc;
        if (r.commune_id == commune_id) {          /* the same commune: its references too */
            v->q.campaign_id = r.campaign_id;
            v->q.criterion_id = r.criterion_id;
            v->q.owner_org_id = r.owner_org_id;
            v->q.owner_person_id = r.owner_person_id;
            v->q.owner_unit_id = r.owner_unit_id;
            if (hamlet_id == 0 && r.hamlet_id > 0) v->q.hamlet_id = r.hamlet_id;
        }
    }
    describe(t, v);
}

/* Only what the user chose is saved: a list opened on a hamlet saves no hamlet. */
static void save(tui *t, const task_view *v)
{
    task_query s = v->q;
    s.text = NULL;
    if (v->scope_hamlet != 0) s.hamlet_id = 0;
    filter_save(t->db, SAVED_AS, &s);      /* a read-only file keeps it for this session only */
}

int task_view_load(tui *t, const task_view *v, task_list *out)
{
    int rc = filter_tasks(t->db, &v->q, out);
    if (rc) tui_db_error(t);
    return rc;
}

int task_view_active(const task_view *v) { return v->text[0] != 0; }

static const char *sort_words(int sort)
{
    switch (sort) {
    case TQ_BY_PROGRESS: return _("theo tiến độ");
    case TQ_BY_NAME: return _("theo tên");
    default: return _("theo hạn");
    }
}

void task_view_title(const task_view *v, int n, char *out, size_t size)
{
    if (v->text[0])
        snprintf(out, size, _("Đầu việc (%d) · Lọc: %s · %s"), n, v->text, sort_words(v->q.sort));
    else snprintf(out, size, _("Đầu việc (%d) · %s"), n, sort_words(v->q.sort));
}

/* ---- the filter form ---- */

static const form_option STATES[] = {
    { TQ_ALL, N_("Tất cả") }, { TQ_OPEN, N_("Đang làm") }, { TQ_OVERDUE, N_("Quá hạn") },
    { TQ_DUE7, N_("Đến hạn trong 7 ngày") }, { TQ_DONE, N_("Đã xong") },
    { TQ_CANCELLED, N_("Đã hủy") },
};
static const form_option SORTS[] = {
    { TQ_BY_DEADLINE, N_("Theo hạn (sớm nhất trước)") },
    { TQ_BY_PROGRESS, N_("Theo tiến độ (chậm nhất trước)") },
    { TQ_BY_NAME, N_("Theo tên (a ă â b c d đ ...)") },
};

enum { F_STATE, F_SORT, F_HAMLET, F_CAMPAIGN, F_OWNER, F_CRITERION, F_N };

typedef struct { task_view *v; int idx[F_N]; } filter_ctx;

static int filter_save_cb(form *f, void *p)
{
    filter_ctx *c = p;
    task_query *q = &c->v->q;
    q->state = form_choice(f, c->idx[F_STATE]) >= 0 ? form_choice(f, c->idx[F_STATE]) : TQ_ALL;
    q->sort = form_choice(f, c->idx[F_SORT]) >= 0 ? form_choice(f, c->idx[F_SORT]) : TQ_BY_DEADLINE;
    if (c->idx[F_HAMLET] >= 0) q->hamlet_id = form_ref(f, c->idx[F_HAMLET]);
    q->campaign_id = form_ref(f, c->idx[F_CAMPAIGN]);
    set_owner(q, form_ref(f, c->idx[F_OWNER]));
    q->criterion_id = form_ref(f, c->idx[F_CRITERION]);
    return 0;
}

static void preset_ref(tui *t, form *f, int i, const view_pick *p, int64_t code)
{
    char label[256];
    if (code > 0 && !view_pick_label(p, code, label, sizeof label)) form_set_ref(f, i, code, label);
}

static int filter_form(tui *t, task_view *v)
{
    view_pick picks[F_N];
    static const char *const none = N_("— Tất cả (không lọc)");
    const int kinds[F_N] = { 0, 0, VIEW_PICK_HAMLET, VIEW_PICK_CAMPAIGN, VIEW_PICK_OWNER, VIEW_PICK_CRITERION };
    for (int i = 0; i < F_N; i++)
        picks[i] = (view_pick){ t->db, v->q.commune_id, kinds[i], PICK_ORG | PICK_PERSON | PICK_HAMLET, none };
    form_spec spec[F_N];
    filter_ctx c = { v, { 0 } };
    int n = 0;
    memset(spec, 0, sizeof spec);
    c.idx[F_STATE] = n;
    spec[n++] = (form_spec){ .kind = FORM_ENUM, .label = NC_("State", "Tình trạng"),
                             .options = STATES, .n_options = (int)(sizeof STATES / sizeof STATES[0]) };
    c.idx[F_SORT] = n;
    spec[n++] = (form_spec){ .kind = FORM_ENUM, .label = N_("Sắp xếp"),
                             .options = SORTS, .n_options = (int)(sizeof SORTS / sizeof SORTS[0]) };
    c.idx[F_HAMLET] = -1;
    if (v->scope_hamlet == 0) {
        c.idx[F_HAMLET] = n;
        spec[n++] = (form_spec){ .kind = FORM_REF, .label = N_("Thôn"),
                                 .fill = view_pick_fill, .fill_ctx = &picks[F_HAMLET] };
    }
    c.idx[F_CAMPAIGN] = n;
    spec[n++] = (form_spec){ .kind = FORM_REF, .label = N_("Đợt/kế hoạch"),
                             .fill = view_pick_fill, .fill_ctx = &picks[F_CAMPAIGN] };
    c.idx[F_OWNER] = n;
    spec[n++] = (form_spec){ .kind = FORM_REF, .label = N_("Phụ trách"),
                             .fill = view_pick_fill, .fill_ctx = &picks[F_OWNER] };
    c.idx[F_CRITERION] = n;
    spec[n++] = (form_spec){ .kind = FORM_REF, .label = N_("Tiêu chí"),
                             .fill = view_pick_fill, .fill_ctx = &picks[F_CRITERION] };
    form *f = form_new(_("Lọc đầu việc"), spec, n);
    if (!f) return tui_message(t, 1, "%s", _("Hết bộ nhớ"));
    form_set_choice(f, c.idx[F_STATE], v->q.state);
    form_set_choice(f, c.idx[F_SORT], v->q.sort);
    if (c.idx[F_HAMLET] >= 0) preset_ref(t, f, c.idx[F_HAMLET], &picks[F_HAMLET], v->q.hamlet_id);
    preset_ref(t, f, c.idx[F_CAMPAIGN], &picks[F_CAMPAIGN], v->q.campaign_id);
    preset_ref(t, f, c.idx[F_OWNER], &picks[F_OWNER], owner_code_of(&v->q));
    preset_ref(t, f, c.idx[F_CRITERION], &picks[F_CRITERION], v->q.criterion_id);
    int rc;
    while ((rc = form_run(f, filter_save_cb, &c)) == FORM_RESIZED) tui_repaint(t, 0);
    form_free(f);
    if (rc != FORM_SAVED) return REDRAW_ALL;
    save(t, v);
    describe(t, v);
    return RELOAD | REDRAW_ALL | tui_message(t, 0, "%s%s", v->text[0] ? _("Lọc: ") : "",
                                             v->text[0] ? v->text : _("Không lọc: mọi đầu việc."));
}

int task_view_filter(tui *t, task_view *v) { return filter_form(t, v); }

int task_view_sort(tui *t, task_view *v)
{
    v->q.sort = (v->q.sort + 1) % TQ_NSORTS;
    v->q.desc = 0;
    save(t, v);
    return RELOAD | REDRAW_ALL | tui_message(t, 0, _("Sắp xếp %s."), sort_words(v->q.sort));
}

int task_view_overdue(tui *t, task_view *v)
{
    v->q.state = v->q.state == TQ_OVERDUE ? TQ_ALL : TQ_OVERDUE;
    save(t, v);
    describe(t, v);
    if (v->q.state == TQ_OVERDUE)
        return RELOAD | REDRAW_ALL | tui_message(t, 0, "%s", _("Chỉ hiện việc quá hạn (! lần nữa: bỏ lọc này)."));
    return RELOAD | REDRAW_ALL | tui_message(t, 0, "%s%s", v->text[0] ? _("Lọc: ") : "",
                                             v->text[0] ? v->text : _("Hiện mọi đầu việc."));
}
