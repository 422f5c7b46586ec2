/* task: task lists for a hamlet or a commune, one task's detail, progress reports. */
#include "model/task.h"
#include "model/db_internal.h"
#include "model/date.h"
#include "model/i18n.h"
#include "model/text.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TASK_COLS \
    "t.id, coalesce(t.hamlet_id, 0), t.version, t.title, t.title_key, " \
    "trim(coalesce(o.short_name, o.name, '') || CASE WHEN o.id IS NOT NULL AND p.id IS NOT NULL THEN ', ' ELSE '' END " \
    "  || coalesce(p.full_name, '') || CASE WHEN o.id IS NULL AND p.id IS NULL THEN coalesce(ou.name, '') ELSE '' END), " \
    "coalesce(h.name, ''), coalesce(t.qty_unit, ''), coalesce(t.deadline, ''), " \
    "coalesce(t.target_qty, -1), t.done_qty, t.status "
#define TASK_JOINS \
    "FROM task t LEFT JOIN org o ON o.id = t.owner_org_id LEFT JOIN person p ON p.id = t.owner_person_id " \
    "LEFT JOIN unit ou ON ou.id = t.owner_unit_id LEFT JOIN unit h ON h.id = t.hamlet_id "

static char *arena_dup(task_list *l, const char *s)
{
    size_t n = strlen(s ? s : "") + 1;
    if (l->arena_used + n > l->arena_cap) return NULL;
    char *p = l->arena + l->arena_used;
    memcpy(p, s ? s : "", n);
    l->arena_used += n;
    return p;
}

static void read_task(sqlite3_stmt *st, task_row *r, const char *today)
{
    r->id = sqlite3_column_int64(st, 0);
    r->hamlet_id = sqlite3_column_int64(st, 1);
    r->version = sqlite3_column_int64(st, 2);
    text_copy(r->qty_unit, sizeof r->qty_unit, (const char *)sqlite3_column_text(st, 7));
    text_copy(r->deadline, sizeof r->deadline, (const char *)sqlite3_column_text(st, 8));
    r->target = sqlite3_column_double(st, 9);
    r->done = sqlite3_column_double(st, 10);
    const char *s = (const char *)sqlite3_column_text(st, 11);
    r->status = s && s[0] == 'd' ? 'd' : s && s[0] == 'c' ? 'x' : 'o';
    r->days_left = r->deadline[0] ? (int)(date_days(r->deadline) - date_days(today)) : 0;
    r->overdue = r->status == 'o' && r->deadline[0] && r->days_left < 0;
}

/* Two passes over the statement: the first sizes one arena for every string, so a list
 * costs two allocations whatever its length. */
int task_list_load(ntm_db *db, const task_filter *f, task_list *out)
{
    static const char *sql_all = "SELECT " TASK_COLS TASK_JOINS
        "WHERE t.commune_id = ?1 ORDER BY t.deadline IS NULL, t.deadline, t.id";
    static const char *sql_h = "SELECT " TASK_COLS TASK_JOINS
        "WHERE t.hamlet_id = ?2 ORDER BY t.deadline IS NULL, t.deadline, t.id";
    static const char *sql_c = "SELECT " TASK_COLS TASK_JOINS
        "WHERE t.commune_id = ?1 AND t.hamlet_id IS NULL ORDER BY t.deadline IS NULL, t.deadline, t.id";
    const char *sql = f->hamlet_id > 0 ? sql_h : f->hamlet_id < 0 ? sql_c : sql_all;
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    int n = 0, rc;
    size_t bytes = 0;
    for (int pass = 0; pass < 2; pass++) {
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, f->commune_id);
        sqlite3_bind_int64(st, 2, f->hamlet_id);
        int i = 0;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            if (pass == 0) {
                for (int c = 3; c <= 6; c++) bytes += (size_t)sqlite3_column_bytes(st, c) + 1;
                n++;
                continue;
            }
            if (i >= n) break;        /* rows added between the passes: show them next time */
            task_row *r = &out->v[i++];
            read_task(st, r, db_today(db));
            r->title = arena_dup(out, (const char *)sqlite3_column_text(st, 3));
            r->title_key = arena_dup(out, (const char *)sqlite3_column_text(st, 4));
            r->owner = arena_dup(out, (const char *)sqlite3_column_text(st, 5));
            r->hamlet = arena_dup(out, (const char *)sqlite3_column_text(st, 6));
            if (!r->title || !r->title_key || !r->owner || !r->hamlet) { i--; break; }
        }
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) { sqlite3_reset(st); task_list_free(out); return db_sqlite_error(db, rc); }
        if (pass == 0) {
            out->v = calloc((size_t)(n ? n : 1), sizeof *out->v);
            out->arena = malloc(bytes + 1);
            out->arena_cap = bytes + 1;
            if (!out->v || !out->arena) { sqlite3_reset(st); task_list_free(out); return db_fail(db, DB_ERR, "out of memory"); }
        } else {
            out->n = i;
        }
    }
    sqlite3_reset(st);
    return DB_OK;
}

void task_list_free(task_list *l)
{
    free(l->v); free(l->arena);
    memset(l, 0, sizeof *l);
}

int task_row_matches(const task_row *r, const char *q)
{
    if (!q || !*q) return 1;
    if (text_match(r->title_key, q)) return 1;
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

static void col_copy(char *dst, size_t n, sqlite3_stmt *st, int c)
{
    const char *s = (const char *)sqlite3_column_text(st, c);
    text_copy(dst, n, s ? s : "");
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
        col_copy(r->date, sizeof r->date, st, 0);
        r->qty = sqlite3_column_double(st, 1);
        col_copy(r->note, sizeof r->note, st, 2);
        col_copy(r->who, sizeof r->who, st, 3);
        d->n_reports_total = sqlite3_column_int(st, 4);
    }
    sqlite3_reset(st);
    return DB_OK;
}

int task_get(ntm_db *db, int64_t id, task_detail *d)
{
    static const char *sql = "SELECT " TASK_COLS ", coalesce(t.description, ''), "
        "coalesce((SELECT c.number || '. ' || c.name FROM criterion c WHERE c.id = t.criterion_id), ''), "
        "coalesce((SELECT coalesce(g.doc_number || ' ', '') || g.name FROM campaign g WHERE g.id = t.campaign_id), ''), "
        "(SELECT name FROM unit WHERE id = t.commune_id), "
        "coalesce((SELECT s.seq || '. ' || s.name FROM tour_check k JOIN tour_stop s ON s.id = k.stop_id WHERE k.id = t.tour_check_id), '') "
        TASK_JOINS "WHERE t.id = ?1";
    memset(d, 0, sizeof *d);
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(st);
        if (rc == SQLITE_DONE) return db_fail(db, DB_NOTFOUND, L("Không có đầu việc số %lld", "No task with id %lld"), (long long)id);
        return db_sqlite_error(db, rc);
    }
    read_task(st, &d->row, db_today(db));
    col_copy(d->title, sizeof d->title, st, 3);
    col_copy(d->owner, sizeof d->owner, st, 5);
    col_copy(d->hamlet, sizeof d->hamlet, st, 6);
    col_copy(d->description, sizeof d->description, st, 12);
    col_copy(d->criterion, sizeof d->criterion, st, 13);
    col_copy(d->campaign, sizeof d->campaign, st, 14);
    col_copy(d->commune, sizeof d->commune, st, 15);
    col_copy(d->tour_stop, sizeof d->tour_stop, st, 16);
    d->row.title = d->title; d->row.owner = d->owner; d->row.hamlet = d->hamlet; d->row.title_key = d->title;
    sqlite3_reset(st);
    return load_reports(db, d);
}

int task_add_progress(ntm_db *db, int64_t task_id, const char *date, double qty, int as_total,
                      const char *note, const char *reporter)
{
    static const char *sql_ins = "INSERT INTO progress(task_id, report_date, qty, note, reporter, entered_by) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
    static const char *sql_done = "UPDATE task SET status = 'done', version = version + 1, "
        "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') "
        "WHERE id = ?1 AND status = 'open' AND target_qty > 0 AND done_qty >= target_qty - 1e-9";
    if (!date_valid_iso(date)) return db_fail(db, DB_INVALID, "%s", date_error(DATE_NO_SUCH_DAY));
    if (!isfinite(qty) || qty < 0)
        return db_fail(db, DB_INVALID, "%s", L("Khối lượng không được âm", "The quantity cannot be negative"));
    if (note && !text_valid_utf8(note))
        return db_fail(db, DB_INVALID, "%s", L("Ghi chú có ký tự không hợp lệ (không phải UTF-8)", "The note is not valid UTF-8"));
    task_detail d;
    int rc = db_begin(db);
    if (rc) return rc;
    if ((rc = task_get(db, task_id, &d))) goto fail;
    double delta = as_total ? qty - d.row.done : qty;
    char *nnote = text_nfc(note ? note : "");
    sqlite3_stmt *st = db_stmt(db, sql_ins);
    if (!st || !nnote) { free(nnote); rc = DB_ERR; goto fail; }
    sqlite3_bind_int64(st, 1, task_id);
    sqlite3_bind_text(st, 2, date, -1, SQLITE_TRANSIENT);
    sqlite3_bind_double(st, 3, delta);
    sqlite3_bind_text(st, 4, nnote, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, reporter ? reporter : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 6, db_user(db), -1, SQLITE_TRANSIENT);
    free(nnote);
    int r = sqlite3_step(st);
    sqlite3_reset(st);
    if (r != SQLITE_DONE) { rc = db_sqlite_error(db, r); goto fail; }
    st = db_stmt(db, sql_done);
    if (!st) { rc = DB_ERR; goto fail; }
    sqlite3_bind_int64(st, 1, task_id);
    r = sqlite3_step(st);
    sqlite3_reset(st);
    if (r != SQLITE_DONE) { rc = db_sqlite_error(db, r); goto fail; }
    return db_commit(db);
fail:
    db_rollback(db);
    return rc;
}
