/* task: task lists for a hamlet or a commune, one task's detail, progress reports. */
#include "model/task.h"
#include "model/field.h"
#include "model/db_internal.h"
#include "model/date.h"
#include "model/i18n.h"
#include "model/rows.h"
#include "model/task_rows.h"
#include "model/text.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int task_list_load(ntm_db *db, const task_filter *f, task_list *out)
{
    static const char *sql_all = "SELECT " TASK_ROW_COLS TASK_ROW_JOINS
        "WHERE t.commune_id = ?1 ORDER BY t.deadline IS NULL, t.deadline, t.id";
    static const char *sql_h = "SELECT " TASK_ROW_COLS TASK_ROW_JOINS
        "WHERE t.hamlet_id = ?2 ORDER BY t.deadline IS NULL, t.deadline, t.id";
    static const char *sql_c = "SELECT " TASK_ROW_COLS TASK_ROW_JOINS
        "WHERE t.commune_id = ?1 AND t.hamlet_id IS NULL ORDER BY t.deadline IS NULL, t.deadline, t.id";
    const char *sql = f->hamlet_id > 0 ? sql_h : f->hamlet_id < 0 ? sql_c : sql_all;
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, f->commune_id);
    sqlite3_bind_int64(st, 2, f->hamlet_id);
    const char *today = db_today(db);
    task_gather g = { 0 };           /* kept in the statement's order: deadline, id */
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && task_gather_add(&g, st, today)) {}
    sqlite3_reset(st);
    return task_gather_done(db, &g, rc, out);
}

void task_list_free(task_list *l)
{
    free(l->v); free(l->arena);
    memset(l, 0, sizeof *l);
}

void task_code_text(int64_t code, char *out, size_t n)
{
    if (code > 0) snprintf(out, n, "V%lld", (long long)code);
    else if (n) out[0] = 0;
}

int task_row_matches(const task_row *r, const char *q)
{
    if (!q || !*q) return 1;
    if (text_match(r->title_key, q)) return 1;
    char code[24];
    task_code_text(r->code, code, sizeof code);
    if (code[0]) {                      /* folded "v12"; "v1" finds V12 while it is typed */
        code[0] = 'v';
        if (!strncmp(code, q, strlen(q))) return 1;
    }
    char *owner = text_fold(r->owner);
    int m = owner && text_match(owner, q);
    free(owner);
    return m;
}

void fmt_qty(double v, char *out, size_t n)
{
    if (fabs(v - round(v)) < 1e-9) snprintf(out, n, "%.0f", v);
    else {
        snprintf(out, n, "%.2f", v);
        size_t len = strlen(out);
        while (len && out[len - 1] == '0') out[--len] = 0;
        char *dot = strchr(out, '.');
        if (dot) *dot = ',';        /* Vietnamese decimal comma */
    }
}

void task_qty_text(const task_row *r, char *out, size_t n)
{
    char d[32], t[32];
    if (r->target < 0) { if (r->done > 0) { fmt_qty(r->done, d, sizeof d); snprintf(out, n, "%s %s", d, r->qty_unit); } else snprintf(out, n, "-"); return; }
    fmt_qty(r->done, d, sizeof d);
    fmt_qty(r->target, t, sizeof t);
    snprintf(out, n, "%s/%s %s", d, t, r->qty_unit);
}

static int load_reports(ntm_db *db, task_detail *d)
{
    static const char *sql = "SELECT report_date, qty, coalesce(note, ''), coalesce(nullif(reporter, ''), entered_by), "
                             "count(*) OVER () FROM progress WHERE task_id = ?1 ORDER BY report_date DESC, id DESC LIMIT 8";
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, d->row.id);
    while (d->n_reports < 8 && sqlite3_step(st) == SQLITE_ROW) {
        task_report *r = &d->reports[d->n_reports++];
        col_text(r->date, sizeof r->date, st, 0);
        r->qty = sqlite3_column_double(st, 1);
        col_text(r->note, sizeof r->note, st, 2);
        col_text(r->who, sizeof r->who, st, 3);
        d->n_reports_total = sqlite3_column_int(st, 4);
    }
    sqlite3_reset(st);
    return DB_OK;
}

int task_get(ntm_db *db, int64_t id, task_detail *d)
{
    static const char *sql = "SELECT " TASK_ROW_COLS ", coalesce(t.description, ''), "
        "coalesce((SELECT c.number || '. ' || c.name FROM criterion c WHERE c.id = t.criterion_id), ''), "
        "coalesce((SELECT coalesce(g.doc_number || ' ', '') || g.name FROM campaign g WHERE g.id = t.campaign_id), ''), "
        "(SELECT name FROM unit WHERE id = t.commune_id), "
        "coalesce((SELECT s.seq || '. ' || s.name FROM tour_check k JOIN tour_stop s ON s.id = k.stop_id WHERE k.id = t.tour_check_id), '') "
        TASK_ROW_JOINS "WHERE t.id = ?1";
    memset(d, 0, sizeof *d);
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(st);
        if (rc == SQLITE_DONE) return db_fail(db, DB_NOTFOUND, _("Không có đầu việc số %lld"), (long long)id);
        return db_sqlite_error(db, rc);
    }
    task_row_read(st, &d->row, db_today(db));
    col_text(d->title, sizeof d->title, st, 3);
    col_text(d->owner, sizeof d->owner, st, 5);
    col_text(d->hamlet, sizeof d->hamlet, st, 6);
    col_text(d->unit, sizeof d->unit, st, 7);
    col_text(d->description, sizeof d->description, st, TASK_ROW_NCOLS);
    col_text(d->criterion, sizeof d->criterion, st, TASK_ROW_NCOLS + 1);
    col_text(d->campaign, sizeof d->campaign, st, TASK_ROW_NCOLS + 2);
    col_text(d->commune, sizeof d->commune, st, TASK_ROW_NCOLS + 3);
    col_text(d->tour_stop, sizeof d->tour_stop, st, TASK_ROW_NCOLS + 4);
    d->row.title = d->title; d->row.owner = d->owner; d->row.hamlet = d->hamlet; d->row.title_key = d->title;
    d->row.qty_unit = d->unit;
    sqlite3_reset(st);
    return load_reports(db, d);
}

int task_add_progress(ntm_db *db, int64_t task_id, const char *date, double qty, int as_total,
                      const char *note, const char *reporter)
{
    return task_add_progress_unit(db, task_id, date, qty, as_total, note, reporter, NULL);
}

/* A task without a unit takes the unit of its first report typed with one ("3 hộ"). */
static int adopt_unit(ntm_db *db, const task_detail *d, const char *unit)
{
    static const char *sql = "UPDATE task SET qty_unit = ?2, version = version + 1, "
        "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?1 AND coalesce(qty_unit, '') = ''";
    if (!unit || !*unit || d->row.qty_unit[0]) return DB_OK;
    if (strlen(unit) > TASK_UNIT_SIZE - 4 || !text_valid_utf8(unit))
        return db_fail_field(db, DB_INVALID, "qty_unit", NULL, "%s", _("Đơn vị tính không hợp lệ"));
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, d->row.id);
    sqlite3_bind_text(st, 2, unit, -1, SQLITE_TRANSIENT);
    return step_done(db, st);
}

/* One report inside the caller's transaction; nothing is rolled back here. */
static int progress_in_tx(ntm_db *db, int64_t task_id, const char *date, double qty, int as_total,
                          const char *note, const char *reporter, const char *unit)
{
    static const char *sql_ins = "INSERT INTO progress(task_id, report_date, qty, note, reporter, entered_by) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
    static const char *sql_done = "UPDATE task SET status = 'done', version = version + 1, "
        "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') "
        "WHERE id = ?1 AND status = 'open' AND target_qty > 0 AND done_qty >= target_qty - 1e-9";
    if (!date_valid_iso(date)) return db_fail_field(db, DB_INVALID, "report_date", NULL, "%s", date_error(DATE_NO_SUCH_DAY));
    if (!isfinite(qty) || qty < 0)
        return db_fail_field(db, DB_INVALID, "qty", NULL,
                             "%s", _("Khối lượng không được âm"));
    if (note && !text_valid_utf8(note))
        return db_fail_field(db, DB_INVALID, "note", NULL,
                             "%s", _("Ghi chú có ký tự không hợp lệ (không phải UTF-8)"));
    task_detail *d = malloc(sizeof *d);                 /* ~20 KB */
    if (!d) return db_fail(db, DB_ERR, "out of memory");
    int rc = task_get(db, task_id, d);
    double delta = rc ? 0 : as_total ? qty - d->row.done : qty;
    char *nnote = rc ? NULL : text_nfc(note ? note : "");
    sqlite3_stmt *st = rc ? NULL : db_stmt(db, sql_ins);
    if (!rc && (!st || !nnote)) rc = DB_ERR;
    if (!rc) {
        sqlite3_bind_int64(st, 1, task_id);
        sqlite3_bind_text(st, 2, date, -1, SQLITE_TRANSIENT);
        sqlite3_bind_double(st, 3, delta);
        sqlite3_bind_text(st, 4, nnote, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 5, reporter ? reporter : "", -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 6, db_user(db), -1, SQLITE_TRANSIENT);
        int r = sqlite3_step(st);
        sqlite3_reset(st);
        if (r != SQLITE_DONE) rc = db_sqlite_error(db, r);
    }
    free(nnote);
    if (!rc) rc = adopt_unit(db, d, unit);
    free(d);
    if (rc) return rc;
    if (!(st = db_stmt(db, sql_done))) return DB_ERR;
    sqlite3_bind_int64(st, 1, task_id);
    int r = sqlite3_step(st);
    sqlite3_reset(st);
    return r == SQLITE_DONE ? DB_OK : db_sqlite_error(db, r);
}

int task_add_progress_unit(ntm_db *db, int64_t task_id, const char *date, double qty, int as_total,
                           const char *note, const char *reporter, const char *unit)
{
    int rc = db_begin(db);
    if (rc) return rc;
    rc = progress_in_tx(db, task_id, date, qty, as_total, note, reporter, unit);
    if (rc) { db_rollback(db); return rc; }
    return db_commit(db);
}

int task_add_progress_tx(ntm_db *db, int64_t task_id, const char *date, double qty, int as_total,
                         const char *note, const char *reporter)
{
    return progress_in_tx(db, task_id, date, qty, as_total, note, reporter, NULL);
}
