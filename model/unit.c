/* unit: queries on the unit tree. Lists are one level at a time (never a whole table). */
#include "model/unit.h"
#include "model/db_internal.h"
#include "model/date.h"
#include "model/i18n.h"
#include "model/rows.h"
#include "model/text.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define UNIT_COLS \
    "u.id, coalesce(u.parent_id, 0), u.kind, u.name, u.name_key, coalesce(u.district, ''), " \
    "coalesce((SELECT CASE WHEN ?9 THEN k.label_en ELSE k.label_vi END FROM unit_status s " \
    "  JOIN status_kind k ON k.code = s.status WHERE s.unit_id = u.id ORDER BY s.id DESC LIMIT 1), ''), " \
    "(SELECT count(*) FROM unit c WHERE c.parent_id = u.id AND c.active) "

static void read_row(ntm_db *db, sqlite3_stmt *st, void *row)
{
    unit_row *r = row;
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, 0);
    r->parent_id = sqlite3_column_int64(st, 1);
    const char *k = (const char *)sqlite3_column_text(st, 2);
    r->kind = k ? k[0] : '?';
    col_text(r->name, sizeof r->name, st, 3);
    col_text(r->name_key, sizeof r->name_key, st, 4);
    col_text(r->district, sizeof r->district, st, 5);
    col_text(r->status, sizeof r->status, st, 6);
    r->n_children = sqlite3_column_int(st, 7);
}

int unit_children(ntm_db *db, int64_t parent_id, unit_list *out)
{
    static const char *sql_top = "SELECT " UNIT_COLS "FROM unit u WHERE u.parent_id IS NULL AND u.active ORDER BY u.sort_key";
    static const char *sql_kids = "SELECT " UNIT_COLS "FROM unit u WHERE u.parent_id = ?1 AND u.active ORDER BY u.sort_key";
    sqlite3_stmt *st = db_stmt(db, parent_id ? sql_kids : sql_top);
    out->v = NULL; out->n = 0;
    if (!st) return DB_ERR;
    if (parent_id) sqlite3_bind_int64(st, 1, parent_id);
    sqlite3_bind_int(st, 9, ntm_lang_en);
    void *v;
    int rc = rows_all(db, st, read_row, sizeof *out->v, &v, &out->n);
    out->v = v;
    return rc;
}

void unit_list_free(unit_list *l) { free(l->v); l->v = NULL; l->n = 0; }

int unit_get(ntm_db *db, int64_t id, unit_row *out)
{
    static const char *sql = "SELECT " UNIT_COLS "FROM unit u WHERE u.id = ?1";
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int(st, 9, ntm_lang_en);
    int rc = rows_one(db, st, read_row, out);
    if (rc == DB_NOTFOUND) return db_fail(db, DB_NOTFOUND, _("Không tìm thấy đơn vị số %lld"), (long long)id);
    return rc;
}

/* One statement per level, reading a few rows per commune whatever the number of tasks:
 * total, done, open and progress from task_tally; overdue from task_open_month for the
 * months before this one plus a range of task_by_commune for this month up to today; due
 * this week from a range of task_by_commune. A hamlet's overdue tasks are a range of
 * task_by_hamlet. (Tables and triggers: model/sql/001_init.sql.) ?2 today, ?3 today + 7,
 * ?4 this month ('YYYY-MM'). */
#define TALLY_COLS "total(n) FILTER (WHERE status <> 'cancelled'), total(n) FILTER (WHERE status = 'done'), " \
    "total(n) FILTER (WHERE status = 'open'), total(progress + progress_lo) FILTER (WHERE status <> 'cancelled') "
#define DUE_WEEK(where) "(SELECT count(*) FROM task WHERE " where " AND status = 'open' AND deadline BETWEEN ?2 AND ?3) "
#define OVERDUE(where) \
    "(SELECT total(n) FROM task_open_month WHERE " where " AND month < ?4) + " \
    "(SELECT count(*) FROM task WHERE " where " AND status = 'open' AND deadline >= ?4 AND deadline < ?2) "

int unit_count_tasks(ntm_db *db, const unit_row *u, unit_counts *out)
{
    static const char *sql_h = "SELECT " TALLY_COLS ", "
        "(SELECT count(*) FROM task WHERE hamlet_id = ?1 AND status = 'open' AND deadline < ?2), " DUE_WEEK("hamlet_id = ?1")
        "FROM task_tally WHERE hamlet_id = ?1";
    static const char *sql_c = "SELECT " TALLY_COLS ", " OVERDUE("commune_id = ?1") ", " DUE_WEEK("commune_id = ?1")
        "FROM task_tally WHERE commune_id = ?1";
#define IN_PROVINCE "commune_id IN (SELECT id FROM unit WHERE parent_id = ?1)"
    static const char *sql_p = "SELECT " TALLY_COLS ", " OVERDUE(IN_PROVINCE) ", " DUE_WEEK(IN_PROVINCE)
        "FROM task_tally WHERE " IN_PROVINCE;
#undef IN_PROVINCE
    const char *sql = u->kind == 'h' ? sql_h : u->kind == 'c' ? sql_c : sql_p;
    sqlite3_stmt *st = db_stmt(db, sql);
    char week[11];
    memset(out, 0, sizeof *out);
    if (!st) return DB_ERR;
    date_add(db_today(db), 7, week);
    sqlite3_bind_int64(st, 1, u->id);
    sqlite3_bind_text(st, 2, db_today(db), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, week, -1, SQLITE_TRANSIENT);
    if (u->kind != 'h') sqlite3_bind_text(st, 4, db_today(db), date_valid_iso(db_today(db)) ? 7 : 0, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        out->total = (int)sqlite3_column_double(st, 0);
        out->done = (int)sqlite3_column_double(st, 1);
        out->open = (int)sqlite3_column_double(st, 2);
        out->overdue = (int)sqlite3_column_double(st, 4);
        out->due_week = sqlite3_column_int(st, 5);
        out->pct = out->total ? 100.0 * sqlite3_column_double(st, 3) / out->total : 0;
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? DB_OK : db_sqlite_error(db, rc);
}

static int all_digits(const char *s)
{
    if (!*s) return 0;
    for (; *s; s++) if (!isdigit((unsigned char)*s)) return 0;
    return 1;
}

/* Candidates are listed in the message, as many as fit. The CLI prints it to a terminal:
 * a name's control characters go in as placeholders (model/text.h). */
static void add_candidate(char *msg, size_t n, const char *name, long long id)
{
    size_t len = strlen(msg);
    char *safe = text_term_safe(name, 0);
    if (len + 80 < n) snprintf(msg + len, n - len, "\n  %s (id %lld)", safe ? safe : "?", id);
    free(safe);
}

int unit_find(ntm_db *db, char kind, int64_t parent_id, const char *name_or_id, int64_t *id)
{
    static const char *sql = "SELECT id, name, name_key FROM unit WHERE kind = ?1 "
                             "AND (?2 = 0 OR parent_id = ?2) ORDER BY sort_key";
    const char *kname = kind == 'c' ? _("xã") : kind == 'p' ? _("tỉnh") : _("thôn");
    if (all_digits(name_or_id)) {
        unit_row r;
        if (unit_get(db, strtoll(name_or_id, NULL, 10), &r) == DB_OK && r.kind == kind &&
            (!parent_id || r.parent_id == parent_id)) { *id = r.id; return DB_OK; }
    }
    char *q = text_fold(name_or_id);
    if (!q) return db_fail(db, DB_INVALID, "%s", _("Tên không phải UTF-8 hợp lệ"));
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) { free(q); return DB_ERR; }
    sqlite3_bind_text(st, 1, kind == 'c' ? "commune" : kind == 'p' ? "province" : "hamlet", -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, parent_id);
    int64_t exact = 0, part = 0; int n_exact = 0, n_part = 0;
    char all[2048] = "", parts[2048] = "";
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *key = (const char *)sqlite3_column_text(st, 2);
        const char *name = (const char *)sqlite3_column_text(st, 1);
        long long rid = sqlite3_column_int64(st, 0);
        add_candidate(all, sizeof all, name, rid);
        if (!strcmp(key, q)) { exact = rid; n_exact++; }
        if (text_match(key, q)) { part = rid; n_part++; add_candidate(parts, sizeof parts, name, rid); }
    }
    sqlite3_reset(st);
    if (n_exact == 1 || (n_exact == 0 && n_part == 1)) { *id = n_exact ? exact : part; free(q); return DB_OK; }
    int rc;
    if (n_part == 0)
        rc = db_fail(db, DB_NOTFOUND, _("Không có %s nào tên \"%s\". Các %s có:%s"),
                     kname, name_or_id, kname, all);
    else
        rc = db_fail(db, DB_INVALID, _("Tên %s \"%s\" khớp nhiều nơi; hãy ghi rõ hơn hoặc dùng id:%s"), kname, name_or_id, parts);
    free(q);
    return rc;
}
