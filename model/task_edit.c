/* task_edit: every field of a task, one transaction per action, version checked. */
#include "model/task_edit.h"
#include "model/db_internal.h"
#include "model/date.h"
#include "model/entity.h"
#include "model/field.h"
#include "model/i18n.h"
#include "model/rows.h"
#include "model/task.h"
#include "model/text.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const QTY_UNITS[] = { "km", "m", "m²", "hộ", "hệ thống", "vườn", "công trình", "tuyến", "cây", "%", NULL };

const char *const *task_qty_units(void) { return QTY_UNITS; }

static const char *what_task(void) { return C_("task", "đầu việc"); }

static void read_task_rec(ntm_db *db, sqlite3_stmt *st, void *row)
{
    task_rec *r = row;
    int64_t *ids[] = { &r->id, &r->commune_id, &r->hamlet_id, &r->criterion_id, &r->campaign_id, &r->owner_org_id,
                       &r->owner_person_id, &r->owner_unit_id, &r->tour_check_id, &r->version };
    for (int i = 0; i < 10; i++) *ids[i] = sqlite3_column_int64(st, i);
    col_text(r->title, sizeof r->title, st, 10);
    col_text(r->description, sizeof r->description, st, 11);
    col_text(r->qty_unit, sizeof r->qty_unit, st, 12);
    col_text(r->start_date, sizeof r->start_date, st, 13);
    col_text(r->deadline, sizeof r->deadline, st, 14);
    col_text(r->status, sizeof r->status, st, 15);
    col_text(r->updated_at, sizeof r->updated_at, st, 16);
    r->target = sqlite3_column_double(st, 17);
    r->done = sqlite3_column_double(st, 18);
    if (r->target >= 0) fmt_qty(r->target, r->target_text, sizeof r->target_text);
}

int task_read(ntm_db *db, int64_t id, task_rec *r)
{
    static const char *sql = "SELECT id, commune_id, coalesce(hamlet_id, 0), coalesce(criterion_id, 0), coalesce(campaign_id, 0), "
        "coalesce(owner_org_id, 0), coalesce(owner_person_id, 0), coalesce(owner_unit_id, 0), coalesce(tour_check_id, 0), version, "
        "title, coalesce(description, ''), coalesce(qty_unit, ''), coalesce(start_date, ''), coalesce(deadline, ''), status, "
        "updated_at, coalesce(target_qty, -1), done_qty FROM task WHERE id = ?1";
    memset(r, 0, sizeof *r);
    int rc = rows_get(db, sql, id, read_task_rec, r);
    if (rc == DB_NOTFOUND) return db_fail(db, DB_NOTFOUND, _("Không có đầu việc số %lld"), (long long)id);
    return rc;
}

static int status_valid(const char *s) { return !strcmp(s, "open") || !strcmp(s, "done") || !strcmp(s, "cancelled"); }

/* The validated values of a task form. */
typedef struct {
    char *title, *description, *unit, *key;
    char start[11], deadline[11];
    double target; int has_target;
    const char *status;
} task_vals;

static void vals_free(task_vals *v) { free(v->title); free(v->description); free(v->unit); free(v->key); }

/* Every reference must belong to the task's commune; one statement reads them all. */
static int check_refs(ntm_db *db, const task_fields *f)
{
    static const char *sql = "SELECT (SELECT kind FROM unit WHERE id = ?1), "
        "(SELECT parent_id FROM unit WHERE id = ?2 AND kind = 'hamlet'), "
        "(SELECT unit_id FROM campaign WHERE id = ?3), "
        "(SELECT 1 FROM criterion WHERE id = ?4), "
        "(SELECT unit_id FROM org WHERE id = ?5), "
        "(SELECT CASE u.kind WHEN 'hamlet' THEN u.parent_id ELSE u.id END FROM person p JOIN unit u ON u.id = p.unit_id WHERE p.id = ?6), "
        "(SELECT parent_id FROM unit WHERE id = ?7 AND kind = 'hamlet')";
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    int64_t ids[7] = { f->commune_id, f->hamlet_id, f->campaign_id, f->criterion_id,
                       f->owner_org_id, f->owner_person_id, f->owner_unit_id };
    for (int i = 0; i < 7; i++) sqlite3_bind_int64(st, i + 1, ids[i]);
    int r = sqlite3_step(st);
    if (r != SQLITE_ROW) { sqlite3_reset(st); return db_sqlite_error(db, r); }
    const char *kind = (const char *)sqlite3_column_text(st, 0);
    int commune_ok = kind && !strcmp(kind, "commune");
    int64_t got[7];
    for (int i = 1; i < 7; i++) got[i] = sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, i);
    sqlite3_reset(st);
    if (!commune_ok) return db_fail_field(db, DB_INVALID, "commune_id", _("Xã"),
                                          "%s", _("chưa chọn xã"));
    if (f->hamlet_id > 0 && got[1] != f->commune_id)
        return db_fail_field(db, DB_INVALID, "hamlet_id", _("Thôn"),
                             "%s", _("phải là một thôn của xã"));
    if (f->campaign_id > 0 && got[2] != f->commune_id)
        return db_fail_field(db, DB_INVALID, "campaign_id", _("Đợt/kế hoạch"),
                             "%s", _("phải là đợt của xã"));
    if (f->criterion_id > 0 && got[3] != 1)
        return db_fail_field(db, DB_INVALID, "criterion_id", _("Tiêu chí"),
                             "%s", _("không có tiêu chí này"));
    if (f->owner_org_id > 0 && got[4] != f->commune_id)
        return db_fail_field(db, DB_INVALID, "owner_org_id", _("Tổ chức phụ trách"),
                             "%s", _("phải là tổ chức của xã"));
    if (f->owner_person_id > 0 && got[5] != f->commune_id)
        return db_fail_field(db, DB_INVALID, "owner_person_id", _("Người phụ trách"),
                             "%s", _("phải là người của xã"));
    if (f->owner_unit_id > 0 && got[6] != f->commune_id)
        return db_fail_field(db, DB_INVALID, "owner_unit_id", _("Thôn phụ trách"),
                             "%s", _("phải là một thôn của xã"));
    if (f->owner_org_id <= 0 && f->owner_person_id <= 0 && f->owner_unit_id <= 0)
        return db_fail_field(db, DB_INVALID, "owner", _("Phụ trách"),
                             "%s", _("chọn một tổ chức, một người hoặc một thôn"));
    return DB_OK;
}

static int validate(ntm_db *db, const task_fields *f, task_vals *v)
{
    char unit_typed[2 * TASK_UNIT_SIZE] = "";
    memset(v, 0, sizeof *v);
    v->status = f->status && *f->status ? f->status : NULL;      /* NULL: open when new, kept on update */
    int rc = field_text(db, "title", C_("Task title", "Tên đầu việc"), f->title, 1, 500, &v->title);
    if (!rc) rc = field_text(db, "description", _("Mô tả"), f->description, 0, 4000, &v->description);
    if (!rc && f->target && !text_valid_utf8(f->target))
        rc = db_fail_field(db, DB_INVALID, "target_qty", _("Chỉ tiêu"),
                           _("có ký tự không hợp lệ (không phải UTF-8)"));
    if (!rc && f->target && f->target[strspn(f->target, " ")]) {
        rc = field_qty(db, "target_qty", _("Chỉ tiêu"), f->target, &v->target, unit_typed, sizeof unit_typed);
        v->has_target = !rc;
    }
    if (!rc) {
        const char *u = f->qty_unit && f->qty_unit[strspn(f->qty_unit, " ")] ? f->qty_unit : unit_typed;
        rc = field_text(db, "qty_unit", _("Đơn vị tính"), u, 0, TASK_UNIT_MAX, &v->unit);
        if (!rc && unit_typed[0] && v->unit) {
            char *typed = text_nfc(unit_typed);
            if (typed && strcmp(typed, v->unit))
                rc = db_fail_field(db, DB_INVALID, "qty_unit", _("Đơn vị tính"),
                                   _("chỉ tiêu ghi \"%s\" nhưng đơn vị là \"%s\""), typed, v->unit);
            free(typed);
        }
    }
    if (!rc) rc = ent_date(db, "start_date", _("Ngày bắt đầu"), f->start_date, 0, v->start);
    if (!rc) rc = ent_date(db, "deadline", _("Hạn hoàn thành"), f->deadline, 0, v->deadline);
    if (!rc && v->start[0] && v->deadline[0] && strcmp(v->deadline, v->start) < 0) {
        char s[11], d[11];
        date_show(v->start, s); date_show(v->deadline, d);
        rc = db_fail_field(db, DB_INVALID, "deadline", NULL, _("Hạn hoàn thành (%s) phải từ ngày bắt đầu (%s) trở đi"), d, s);
    }
    if (!rc && v->status && !status_valid(v->status))
        rc = db_fail_field(db, DB_INVALID, "status", _("Trạng thái"),
                           _("\"%s\" không hợp lệ (open, done, cancelled)"), v->status);
    if (!rc) rc = check_refs(db, f);
    if (!rc && !(v->key = text_fold(v->title))) rc = db_fail(db, DB_ERR, "out of memory");
    return rc;
}

static int task_write(ntm_db *db, void *p)
{
    static const char *ins = "INSERT INTO task(commune_id, hamlet_id, title, description, criterion_id, campaign_id, "
        "owner_org_id, owner_person_id, owner_unit_id, target_qty, qty_unit, start_date, deadline, status, title_key) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";
    static const char *upd = "UPDATE task SET commune_id = ?1, hamlet_id = ?2, title = ?3, description = ?4, criterion_id = ?5, "
        "campaign_id = ?6, owner_org_id = ?7, owner_person_id = ?8, owner_unit_id = ?9, target_qty = ?10, qty_unit = ?11, "
        "start_date = ?12, deadline = ?13, status = coalesce(?14, status), title_key = ?15, version = version + 1, updated_at = " ENT_NOW
        " WHERE id = ?16 AND version = ?17";
    const edit_args *a = p;
    const task_fields *f = a->f;
    task_vals v;
    int rc = validate(db, f, &v);
    sqlite3_stmt *st = rc ? NULL : db_stmt(db, a->id ? upd : ins);
    if (!rc && !st) rc = DB_ERR;
    if (!rc) {
        sqlite3_bind_int64(st, 1, f->commune_id);
        bind_id_or_null(st, 2, f->hamlet_id);
        sqlite3_bind_text(st, 3, v.title, -1, SQLITE_TRANSIENT);
        bind_text_or_null(st, 4, v.description);
        bind_id_or_null(st, 5, f->criterion_id);
        bind_id_or_null(st, 6, f->campaign_id);
        bind_id_or_null(st, 7, f->owner_org_id);
        bind_id_or_null(st, 8, f->owner_person_id);
        bind_id_or_null(st, 9, f->owner_unit_id);
        if (v.has_target) sqlite3_bind_double(st, 10, v.target); else sqlite3_bind_null(st, 10);
        bind_text_or_null(st, 11, v.unit);
        bind_text_or_null(st, 12, v.start);
        bind_text_or_null(st, 13, v.deadline);
        if (v.status || !a->id) sqlite3_bind_text(st, 14, v.status ? v.status : "open", -1, SQLITE_TRANSIENT);
        else sqlite3_bind_null(st, 14);
        sqlite3_bind_text(st, 15, v.key, -1, SQLITE_TRANSIENT);
        if (a->id) { sqlite3_bind_int64(st, 16, a->id); sqlite3_bind_int64(st, 17, a->version); }
        rc = edit_step(db, st, a, "task", what_task());
    }
    vals_free(&v);
    return rc;
}

int task_create(ntm_db *db, const task_fields *f, int64_t *id) { return edit_create(db, task_write, f, id); }

int task_update(ntm_db *db, int64_t id, int64_t version, const task_fields *f)
{
    return edit_update(db, task_write, f, id, version, _("Chưa chọn đầu việc"));
}

typedef struct { int64_t id, version; const char *status; } status_args;

static int status_write(ntm_db *db, void *p)
{
    static const char *upd = "UPDATE task SET status = ?1, version = version + 1, updated_at = " ENT_NOW
                             " WHERE id = ?2 AND version = ?3";
    status_args *a = p;
    if (!a->status || !status_valid(a->status))
        return db_fail_field(db, DB_INVALID, "status", _("Trạng thái"),
                             _("\"%s\" không hợp lệ (open, done, cancelled)"), a->status ? a->status : "");
    sqlite3_stmt *st = db_stmt(db, upd);
    if (!st) return DB_ERR;
    sqlite3_bind_text(st, 1, a->status, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, a->id);
    sqlite3_bind_int64(st, 3, a->version);
    int rc = step_done(db, st);
    if (!rc && sqlite3_changes(db->h) == 0) rc = ent_conflict(db, "task", a->id, what_task());
    return rc;
}

int task_set_status(ntm_db *db, int64_t id, int64_t version, const char *status)
{
    status_args a = { id, version, status };
    return ent_in_tx(db, status_write, &a);
}

static int task_del(ntm_db *db, void *p)
{
    static const char *del = "DELETE FROM task WHERE id = ?1 AND (?2 = 0 OR version = ?2)";
    int64_t *a = p;
    sqlite3_stmt *st = db_stmt(db, del);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, a[0]);
    sqlite3_bind_int64(st, 2, a[1]);
    int rc = step_done(db, st);
    if (!rc && sqlite3_changes(db->h) == 0) rc = ent_conflict(db, "task", a[0], what_task());
    return rc;
}

int task_delete(ntm_db *db, int64_t id, int64_t version)
{
    int64_t a[2] = { id, version };
    return ent_in_tx(db, task_del, a);
}

/* ---- progress reports --------------------------------------------------------------- */

#define PROGRESS_COLS "id, task_id, version, report_date, qty, coalesce(note, ''), coalesce(reporter, ''), entered_by, entered_at "

static void read_progress(ntm_db *db, sqlite3_stmt *st, void *row)
{
    progress_rec *r = row;
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, 0);
    r->task_id = sqlite3_column_int64(st, 1);
    r->version = sqlite3_column_int64(st, 2);
    col_text(r->report_date, sizeof r->report_date, st, 3);
    r->qty = sqlite3_column_double(st, 4);
    col_text(r->note, sizeof r->note, st, 5);
    col_text(r->reporter, sizeof r->reporter, st, 6);
    col_text(r->entered_by, sizeof r->entered_by, st, 7);
    col_text(r->entered_at, sizeof r->entered_at, st, 8);
}

int progress_read(ntm_db *db, int64_t id, progress_rec *out)
{
    static const char *sql = "SELECT " PROGRESS_COLS "FROM progress WHERE id = ?1";
    int rc = rows_get(db, sql, id, read_progress, out);
    if (rc == DB_NOTFOUND) return db_fail(db, DB_NOTFOUND, _("Không có báo cáo số %lld"), (long long)id);
    return rc;
}

int progress_list(ntm_db *db, int64_t task_id, progress_rec **out, int *n)
{
    static const char *sql = "SELECT " PROGRESS_COLS "FROM progress WHERE task_id = ?1 ORDER BY report_date DESC, id DESC";
    void *v;
    int rc = rows_list(db, sql, task_id, read_progress, sizeof **out, &v, n);
    *out = v;
    return rc;
}

/* After a report changed: a task finished by its numbers follows them (done when the
 * target is reached, open again when a correction takes it below). */
static int follow_numbers(ntm_db *db, int64_t task_id, double done_before)
{
    static const char *done = "UPDATE task SET status = 'done', version = version + 1, updated_at = " ENT_NOW
        " WHERE id = ?1 AND status = 'open' AND target_qty > 0 AND done_qty >= target_qty - 1e-9";
    static const char *reopen = "UPDATE task SET status = 'open', version = version + 1, updated_at = " ENT_NOW
        " WHERE id = ?1 AND status = 'done' AND target_qty > 0 AND done_qty < target_qty - 1e-9 AND ?2 >= target_qty - 1e-9";
    const char *steps[] = { done, reopen };
    for (int i = 0; i < 2; i++) {
        sqlite3_stmt *st = db_stmt(db, steps[i]);
        if (!st) return DB_ERR;
        sqlite3_bind_int64(st, 1, task_id);
        sqlite3_bind_double(st, 2, done_before);
        int rc = step_done(db, st);
        if (rc) return rc;
    }
    return DB_OK;
}

static double task_done(ntm_db *db, int64_t task_id)
{
    static const char *sql = "SELECT done_qty FROM task WHERE id = ?1";
    sqlite3_stmt *st = db_stmt(db, sql);
    double v = 0;
    if (!st) return 0;
    sqlite3_bind_int64(st, 1, task_id);
    if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_double(st, 0);
    sqlite3_reset(st);
    return v;
}

typedef struct { int64_t id, version; const char *date, *qty, *note, *reporter; } progress_args;

static int progress_write(ntm_db *db, void *p)
{
    static const char *upd = "UPDATE progress SET report_date = ?1, qty = ?2, note = ?3, reporter = ?4, version = version + 1 "
                             "WHERE id = ?5 AND version = ?6";
    progress_args *a = p;
    progress_rec r;
    int rc = progress_read(db, a->id, &r);
    if (rc) return rc;
    char date[11];
    double qty = 0;
    char *note = NULL, *reporter = NULL;
    rc = ent_date(db, "report_date", _("Ngày báo cáo"), a->date, 1, date);
    if (!rc && a->qty && !text_valid_utf8(a->qty))
        rc = db_fail_field(db, DB_INVALID, "qty", _("Khối lượng"),
                           _("có ký tự không hợp lệ (không phải UTF-8)"));
    if (!rc) rc = field_qty(db, "qty", _("Khối lượng"), a->qty ? a->qty : "", &qty, NULL, 0);
    if (!rc) rc = field_text(db, "note", _("Ghi chú"), a->note, 0, 500, &note);
    if (!rc) rc = field_text(db, "reporter", _("Người báo cáo"), a->reporter, 0, 120, &reporter);
    double before = rc ? 0 : task_done(db, r.task_id);
    sqlite3_stmt *st = rc ? NULL : db_stmt(db, upd);
    if (!rc && !st) rc = DB_ERR;
    if (!rc) {
        sqlite3_bind_text(st, 1, date, -1, SQLITE_TRANSIENT);
        sqlite3_bind_double(st, 2, qty);
        bind_text_or_null(st, 3, note);
        bind_text_or_null(st, 4, reporter);
        sqlite3_bind_int64(st, 5, a->id);
        sqlite3_bind_int64(st, 6, a->version);
        rc = step_done(db, st);
        if (!rc && sqlite3_changes(db->h) == 0) rc = ent_conflict(db, "progress", a->id, _("báo cáo"));
    }
    if (!rc) rc = follow_numbers(db, r.task_id, before);
    free(note); free(reporter);
    return rc;
}

int progress_update(ntm_db *db, int64_t id, int64_t version, const char *date, const char *qty,
                    const char *note, const char *reporter)
{
    progress_args a = { id, version, date, qty, note, reporter };
    return ent_in_tx(db, progress_write, &a);
}

static int progress_del(ntm_db *db, void *p)
{
    static const char *del = "DELETE FROM progress WHERE id = ?1";
    int64_t id = *(int64_t *)p;
    progress_rec r;
    int rc = progress_read(db, id, &r);
    if (rc) return rc;
    double before = task_done(db, r.task_id);
    if ((rc = rows_exec(db, del, id))) return rc;
    return follow_numbers(db, r.task_id, before);
}

int progress_delete(ntm_db *db, int64_t id) { return ent_in_tx(db, progress_del, &id); }
