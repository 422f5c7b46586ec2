/* form: the task form (n new, e edit) and delete (d). Fields in the order an officer
 * fills them: title, target quantity with its unit, deadline, owner; then hamlet,
 * criterion, campaign, start date, description, and the status when editing. A new task
 * starts with the list's hamlet (also as owner) and the campaign under way. F2 saves
 * from any field; Enter on the last one too. */
#include "tui/screens/tasks/parts.h"
#include "tui/entry.h"
#include "tui/pickers.h"
#include "model/campaign.h"
#include "model/i18n.h"
#include "model/role.h"
#include "model/pick.h"
#include "model/task.h"
#include "model/task_edit.h"
#include "model/text.h"
#include "model/unit.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { T_TITLE, T_TARGET, T_DEADLINE, T_OWNER, T_HAMLET, T_CRITERION, T_CAMPAIGN, T_START, T_DESC, T_STATUS, T_N };
enum { MAX_UNITS = 24 };

static const form_option STATUS_OPTS[] = {
    { 'o', N_("Đang làm") }, { 'd', N_("Đã xong") }, { 'x', N_("Đã hủy") },
};

typedef struct task_form {
    tui *t;
    int64_t id, version, commune_id, new_id;
    entry_pick owners, hamlets, others;
    const char *units[MAX_UNITS];
    char keep_unit[TASK_UNIT_SIZE];          /* a task with a unit but no target keeps its unit */
    char their_units[4][TASK_UNIT_SIZE];     /* units the task got meanwhile (a conflict's re-read) */
    form_spec spec[T_N];
    int n;
    int unchanged;
} task_form;

static void add_unit(task_form *c, const char *u)
{
    int n = 0;
    if (!u || !u[0]) return;
    for (; c->units[n]; n++)
        if (!strcmp(c->units[n], u)) return;
    if (n < MAX_UNITS - 1) { c->units[n] = u; c->units[n + 1] = NULL; }
}

static void build(task_form *c, int editing)
{
    for (int i = 0; form_units[i]; i++) add_unit(c, form_units[i]);
    const char *const *more = task_qty_units();
    for (int i = 0; more[i]; i++) add_unit(c, more[i]);
    c->owners = (entry_pick){ c->t->db, c->commune_id, PICK_ORG | PICK_HAMLET | PICK_PERSON, 0 };
    c->hamlets = (entry_pick){ c->t->db, c->commune_id, 0, 1 };
    c->others = (entry_pick){ c->t->db, c->commune_id, 0, 0 };
    form_spec *s = c->spec;
    s[T_TITLE] = entry_text(NC_("Task title", "Tên đầu việc"), 1, 500, NULL);
    s[T_TARGET] = entry_qty(N_("Chỉ tiêu"),
                            N_("Số và đơn vị, vd. 2 km, 33 hệ thống (trống: không có chỉ tiêu)"),
                            FORM_UNIT_LIST, c->units, NULL);
    s[T_DEADLINE] = entry_date(N_("Hạn hoàn thành"), 0, NULL);
    s[T_OWNER] = entry_ref(N_("Phụ trách"), 1, entry_fill_owners, &c->owners,
                           N_("Tổ chức, thôn hoặc người phụ trách: Enter hoặc gõ tên để chọn"));
    s[T_HAMLET] = entry_ref(N_("Thôn"), 0, entry_fill_hamlets, &c->hamlets,
                            N_("Thôn của đầu việc, hoặc \"toàn xã\""));
    s[T_CRITERION] = entry_ref(N_("Tiêu chí"), 0, entry_fill_criteria, &c->others, NULL);
    s[T_CAMPAIGN] = entry_ref(N_("Đợt/kế hoạch"), 0, entry_fill_campaigns, &c->others, NULL);
    s[T_START] = entry_date(N_("Ngày bắt đầu"), 0, NULL);
    s[T_DESC] = entry_text(N_("Mô tả"), 0, 4000, NULL);
    s[T_STATUS] = entry_enum(N_("Trạng thái"), 1, STATUS_OPTS, 3, NULL);
    c->n = editing ? T_N : T_N - 1;
}

static int save_task(form *f, void *ctx)
{
    task_form *c = ctx;
    ntm_db *db = c->t->db;
    if (c->id && !form_changed(f)) { c->unchanged = 1; return 0; }
    char target[48] = "";
    const char *unit = "";
    double q = form_qty(f, T_TARGET, &unit);
    if (!form_qty_empty(f, T_TARGET)) snprintf(target, sizeof target, "%.10g", q);
    else unit = c->keep_unit;
    int64_t oid = 0, hamlet = form_ref(f, T_HAMLET);
    char ok = entry_owner_kind(form_ref(f, T_OWNER), &oid);
    int st = c->n > T_STATUS ? form_choice(f, T_STATUS) : -1;
    task_fields tf = {
        .commune_id = c->commune_id, .hamlet_id = hamlet > 0 ? hamlet : 0,
        .criterion_id = form_ref(f, T_CRITERION), .campaign_id = form_ref(f, T_CAMPAIGN),
        .owner_org_id = ok == 'o' ? oid : 0, .owner_person_id = ok == 'p' ? oid : 0, .owner_unit_id = ok == 'h' ? oid : 0,
        .title = form_text(f, T_TITLE), .description = form_text(f, T_DESC), .target = target, .qty_unit = unit,
        .start_date = form_date(f, T_START), .deadline = form_date(f, T_DEADLINE),
        .status = st == 'o' ? "open" : st == 'd' ? "done" : st == 'x' ? "cancelled" : NULL,
    };
    int rc = c->id ? task_update(db, c->id, c->version, &tf) : task_create(db, &tf, &c->new_id);
    if (rc == DB_OK) return 0;
    if (rc == DB_CONFLICT) return FORM_SAVE_CONFLICT;
    if (entry_write_gone(f, db, rc)) return FORM_SAVE_GONE;
    static const entry_field fields[] = {
        { "title", T_TITLE }, { "target_qty", T_TARGET }, { "qty_unit", T_TARGET }, { "deadline", T_DEADLINE },
        { "owner", T_OWNER }, { "owner_org_id", T_OWNER }, { "owner_person_id", T_OWNER }, { "owner_unit_id", T_OWNER },
        { "hamlet_id", T_HAMLET }, { "criterion_id", T_CRITERION }, { "campaign_id", T_CAMPAIGN },
        { "start_date", T_START }, { "description", T_DESC }, { "status", T_STATUS }, { NULL, 0 },
    };
    entry_model_error(f, fields, db);
    return 1;
}

static void set_ref(form *f, int i, ntm_db *db, int64_t commune, char what, int64_t id, int64_t value)
{
    char label[300];
    if (!id) return;
    entry_label(db, commune, what, id, label, sizeof label);
    if (label[0]) form_set_ref(f, i, value, label);
}

static void fill_new(task_form *c, form *f, int64_t hamlet_id)
{
    ntm_db *db = c->t->db;
    set_ref(f, T_HAMLET, db, c->commune_id, 'H', hamlet_id > 0 ? hamlet_id : ENTRY_WHOLE, hamlet_id > 0 ? hamlet_id : ENTRY_WHOLE);
    if (hamlet_id > 0) set_ref(f, T_OWNER, db, c->commune_id, 'h', hamlet_id, entry_owner_code('h', hamlet_id));
    campaign_rec *cur = malloc(sizeof *cur);
    if (cur && campaign_current(db, c->commune_id, cur) == DB_OK && cur->running)
        set_ref(f, T_CAMPAIGN, db, c->commune_id, 'g', cur->id, cur->id);
    free(cur);
}

static void fill_edit(task_form *c, form *f, const task_rec *r)
{
    ntm_db *db = c->t->db;
    form_set_text(f, T_TITLE, r->title);
    if (r->target >= 0) form_set_qty(f, T_TARGET, r->target, r->qty_unit);
    else text_copy(c->keep_unit, sizeof c->keep_unit, r->qty_unit);
    form_set_date(f, T_DEADLINE, r->deadline);
    if (r->owner_org_id) set_ref(f, T_OWNER, db, c->commune_id, 'o', r->owner_org_id, entry_owner_code('o', r->owner_org_id));
    else if (r->owner_person_id) set_ref(f, T_OWNER, db, c->commune_id, 'p', r->owner_person_id, entry_owner_code('p', r->owner_person_id));
    else if (r->owner_unit_id) set_ref(f, T_OWNER, db, c->commune_id, 'h', r->owner_unit_id, entry_owner_code('h', r->owner_unit_id));
    int64_t h = r->hamlet_id ? r->hamlet_id : ENTRY_WHOLE;
    set_ref(f, T_HAMLET, db, c->commune_id, 'H', h, h);
    set_ref(f, T_CRITERION, db, c->commune_id, 'c', r->criterion_id, r->criterion_id);
    set_ref(f, T_CAMPAIGN, db, c->commune_id, 'g', r->campaign_id, r->campaign_id);
    form_set_date(f, T_START, r->start_date);
    form_set_text(f, T_DESC, r->description);
    form_set_choice(f, T_STATUS, !strcmp(r->status, "done") ? 'd' : !strcmp(r->status, "cancelled") ? 'x' : 'o');
}

/* The task as it is now, into the conflict view's second form; its version for the next save. */
static int reread(form *theirs, void *ctx, form_who *who)
{
    task_form *c = ctx;
    task_rec *r = calloc(1, sizeof *r);
    int rc = r ? task_read(c->t->db, c->id, r) : DB_ERR;
    if (rc == DB_OK) {
        int known = !r->qty_unit[0];
        for (int i = 0; c->units[i] && !known; i++) known = !strcmp(c->units[i], r->qty_unit);
        for (int i = 0; i < 4 && !known; i++)
            if (!c->their_units[i][0]) {
                text_copy(c->their_units[i], sizeof c->their_units[i], r->qty_unit);
                add_unit(c, c->their_units[i]);
                known = 1;
            }
        fill_edit(c, theirs, r);
        c->version = r->version;
    }
    free(r);
    return entry_reread_done(c->t, rc, "task", c->id, who);
}

static int run(tui *t, int64_t id, int64_t commune_id, int64_t hamlet_id)
{
    task_form *c = calloc(1, sizeof *c);
    task_rec *r = calloc(1, sizeof *r);
    int flags = REDRAW_ALL;
    if (!c || !r) { free(c); free(r); return tui_message(t, 1, "%s", _("Hết bộ nhớ")); }
    c->t = t;
    c->id = id;
    if (id) {
        if (task_read(t->db, id, r) != DB_OK) { free(c); free(r); return tui_db_error(t); }
        c->version = r->version;
        commune_id = r->commune_id;
        add_unit(c, r->qty_unit);
    }
    c->commune_id = commune_id;
    build(c, id != 0);
    char title[300];
    unit_row where;
    if (id) snprintf(title, sizeof title, "%s", _("Sửa đầu việc"));
    else if (hamlet_id > 0 && unit_get(t->db, hamlet_id, &where) == DB_OK)
        snprintf(title, sizeof title, _("Thêm đầu việc — thôn %s"), where.name);
    else if (unit_get(t->db, commune_id, &where) == DB_OK)
        snprintf(title, sizeof title, _("Thêm đầu việc chung — xã %s"), where.name);
    else snprintf(title, sizeof title, "%s", _("Thêm đầu việc"));
    form *f = form_new(title, c->spec, c->n);
    if (!f) { free(c); free(r); return tui_message(t, 1, "%s", _("Hết bộ nhớ")); }
    if (id) { fill_edit(c, f, r); form_set_reread(f, reread); }
    else fill_new(c, f, hamlet_id);
    if (entry_form_run(t, f, save_task, c) == FORM_SAVED) {
        char saved[sizeof t->msg];
        snprintf(saved, sizeof saved, _("Đã lưu đầu việc \"%s\"."), form_text(f, T_TITLE));
        flags |= entry_after_save(t, c->unchanged, id ? id : c->new_id, saved);
    }
    form_free(f);
    free(c);
    free(r);
    return flags;
}

int entry_task_new(tui *t, int64_t commune_id, int64_t hamlet_id)
{
    if (!commune_id) return tui_message(t, 1, "%s", _("Hãy mở danh sách đầu việc của một thôn hoặc xã."));
    return run(t, 0, commune_id, hamlet_id);
}

/* A task not this user's to change is refused before the form opens (model/role.h: the
 * same rule the save would meet), on the status line. */
int entry_task_edit(tui *t, int64_t id)
{
    if (role_check_row(t->db, "task", id)) return tui_db_error(t);
    return run(t, id, 0, 0);
}

int entry_task_delete(tui *t, int64_t id)
{
    task_rec *r = calloc(1, sizeof *r);
    if (!r) return tui_message(t, 1, "%s", _("Hết bộ nhớ"));
    if (role_check_row(t->db, "task", id) || task_read(t->db, id, r) != DB_OK) { free(r); return tui_db_error(t); }
    progress_rec *reports = NULL;
    int n = 0;
    if (progress_list(t->db, id, &reports, &n) != DB_OK) n = 0;
    free(reports);
    char q[2400];
    if (n) snprintf(q, sizeof q, _("Xóa đầu việc \"%s\" cùng %d báo cáo tiến độ?"), r->title, n);
    else snprintf(q, sizeof q, _("Xóa đầu việc \"%s\"?"), r->title);
    int flags = REDRAW_ALL;
    if (entry_confirm(t, q)) {
        int rc = task_delete(t->db, id, r->version);
        if (rc != DB_OK) {
            flags |= tui_db_error(t);
            if (rc == DB_CONFLICT || rc == DB_NOTFOUND) entry_after_write(t, 0);
        } else {
            flags |= entry_after_write(t, 0);
            tui_message(t, 0, _("Đã xóa — nhấn u để hoàn tác: đầu việc \"%s\""), r->title);
        }
    }
    free(r);
    return flags;
}
