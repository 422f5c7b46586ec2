/* history: a task's reports and its audit trail, merged newest first. */
#include "model/history.h"
#include "model/db_internal.h"
#include "model/date.h"
#include "model/i18n.h"
#include "model/rows.h"
#include "model/task.h"
#include "model/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HIST_MAX 2000

/* The fields shown, with how their values read; any other column (keys, versions,
 * times, the derived done quantity) is not a change anyone made. */
typedef struct { const char *key, *vi; char type; } field_def;   /* vi: a msgid */
static const field_def TASK_FIELDS[] = {
    { "title", N_("Tên đầu việc"), 't' },          { "description", N_("Mô tả"), 't' },
    { "commune_id", N_("Xã"), 'u' },               { "hamlet_id", N_("Thôn"), 'u' },
    { "criterion_id", N_("Tiêu chí"), 'c' },     { "campaign_id", N_("Đợt/kế hoạch"), 'g' },
    { "owner_org_id", N_("Tổ chức phụ trách"), 'o' },
    { "owner_person_id", N_("Người phụ trách"), 'p' },
    { "owner_unit_id", N_("Thôn phụ trách"), 'u' },
    { "target_qty", N_("Chỉ tiêu"), 'q' },          { "qty_unit", N_("Đơn vị tính"), 't' },
    { "start_date", N_("Ngày bắt đầu"), 'd' },  { "deadline", N_("Hạn hoàn thành"), 'd' },
    { "status", N_("Trạng thái"), 's' },            { "tour_check_id", N_("Mục kiểm tra"), 'n' },
    { NULL, NULL, 0 }
};
static const field_def PROGRESS_FIELDS[] = {
    { "report_date", N_("Ngày báo cáo"), 'd' }, { "qty", N_("Khối lượng"), 'q' },
    { "note", N_("Ghi chú"), 't' },                    { "reporter", N_("Người báo cáo"), 't' },
    { "task_id", N_("Đầu việc"), 'n' },
    { NULL, NULL, 0 }
};

static const field_def *find_field(const field_def *defs, const char *key)
{
    for (; defs->key; defs++) if (!strcmp(defs->key, key)) return defs;
    return NULL;
}

/* The name of a referenced row, or "#id" when it is gone. */
static void name_of(ntm_db *db, char type, long long id, char *out, size_t n)
{
    static const char *unit = "SELECT name FROM unit WHERE id = ?1";
    static const char *org = "SELECT coalesce(short_name, name) FROM org WHERE id = ?1";
    static const char *person = "SELECT full_name FROM person WHERE id = ?1";
    static const char *crit = "SELECT number || '. ' || name FROM criterion WHERE id = ?1";
    static const char *camp = "SELECT coalesce(doc_number || ' ', '') || name FROM campaign WHERE id = ?1";
    const char *sql = type == 'u' ? unit : type == 'o' ? org : type == 'p' ? person : type == 'c' ? crit : camp;
    snprintf(out, n, "#%lld", id);
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return;
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW) col_text(out, n, st, 0);
    sqlite3_reset(st);
}

static const char *status_label(const char *s)
{
    if (!strcmp(s, "open")) return _("Đang làm");
    if (!strcmp(s, "done")) return _("Đã xong");
    if (!strcmp(s, "cancelled")) return _("Đã hủy");
    return s;
}

/* Render column c of st (a JSON value as SQL) the way the field reads. */
static void render(ntm_db *db, char type, sqlite3_stmt *st, int c, char *out, size_t n)
{
    out[0] = 0;
    if (sqlite3_column_type(st, c) == SQLITE_NULL) return;
    const char *s = (const char *)sqlite3_column_text(st, c);
    if (!s) return;
    switch (type) {
    case 'u': case 'o': case 'p': case 'c': case 'g':
        name_of(db, type, sqlite3_column_int64(st, c), out, n);
        break;
    case 'd':
        if (date_valid_iso(s)) { char d[11]; date_show(s, d); text_copy(out, n, d); }
        else text_copy(out, n, s);
        break;
    case 'q':
        fmt_qty(sqlite3_column_double(st, c), out, n);
        break;
    case 's':
        text_copy(out, n, status_label(s));
        break;
    default:
        text_copy(out, n, s);
    }
}

typedef struct { hist_entry *v; int n, cap; int64_t *seen; int n_seen, cap_seen; } builder;

static hist_entry *add(ntm_db *db, builder *b)
{
    if (b->n >= HIST_MAX) return NULL;
    hist_entry *v = rows_room(b->v, b->n, &b->cap, sizeof *v);
    if (!v) { db_fail(db, DB_ERR, "out of memory"); return NULL; }
    b->v = v;
    hist_entry *e = &b->v[b->n++];
    memset(e, 0, sizeof *e);
    return e;
}

static int seen(builder *b, int64_t audit_id)
{
    for (int i = 0; i < b->n_seen; i++) if (b->seen[i] == audit_id) return 1;
    int64_t *v = rows_room(b->seen, b->n_seen, &b->cap_seen, sizeof *v);
    if (!v) return 0;
    b->seen = v;
    b->seen[b->n_seen++] = audit_id;
    return 0;
}

/* The report a progress audit row is about: its date, quantity and note. */
static void report_of(ntm_db *db, const char *json, hist_entry *e)
{
    static const char *sql = "SELECT json_extract(?1, '$.report_date'), json_extract(?1, '$.qty'), "
                             "coalesce(json_extract(?1, '$.note'), ''), coalesce(json_extract(?1, '$.reporter'), '')";
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st || !json) return;
    sqlite3_bind_text(st, 1, json, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW) {
        col_text(e->report_date, sizeof e->report_date, st, 0);
        e->qty = sqlite3_column_double(st, 1);
        col_text(e->note, sizeof e->note, st, 2);
        col_text(e->reporter, sizeof e->reporter, st, 3);
    }
    sqlite3_reset(st);
}

/* One audit row (columns: id, at, when, user, entity, action, old_json, new_json). */
static int from_audit(ntm_db *db, builder *b, sqlite3_stmt *a)
{
    static const char *diff = "SELECT n.key, o.value, n.value FROM json_each(?2) n LEFT JOIN json_each(?1) o ON o.key = n.key "
                              "WHERE o.value IS NOT n.value ORDER BY n.id";
    int64_t audit_id = sqlite3_column_int64(a, 0);
    if (seen(b, audit_id)) return DB_OK;
    const char *entity = (const char *)sqlite3_column_text(a, 4);
    const char *action = (const char *)sqlite3_column_text(a, 5);
    const char *old_json = (const char *)sqlite3_column_text(a, 6);
    const char *new_json = (const char *)sqlite3_column_text(a, 7);
    int is_task = entity && !strcmp(entity, "task");
    if (!action) return DB_OK;
    hist_entry head;
    memset(&head, 0, sizeof head);
    head.audit_id = audit_id;
    col_text(head.at, sizeof head.at, a, 1);
    col_text(head.when, sizeof head.when, a, 2);
    col_text(head.who, sizeof head.who, a, 3);
    if (!strcmp(action, "insert")) {
        if (!is_task) return DB_OK;                       /* a report: shown from the table */
        hist_entry *e = add(db, b);
        if (!e) return b->n >= HIST_MAX ? DB_OK : DB_ERR;
        *e = head;
        e->kind = HIST_CREATED;
        return DB_OK;
    }
    if (!strcmp(action, "delete")) {
        hist_entry *e = add(db, b);
        if (!e) return b->n >= HIST_MAX ? DB_OK : DB_ERR;
        *e = head;
        e->kind = is_task ? HIST_DELETED : HIST_REPORT_DELETED;
        if (!is_task) { report_of(db, old_json, e); e->progress_id = 0; }
        return DB_OK;
    }
    /* update: one entry per field that changed */
    sqlite3_stmt *st = db_stmt(db, diff);
    if (!st) return DB_ERR;
    sqlite3_bind_text(st, 1, old_json ? old_json : "{}", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, new_json ? new_json : "{}", -1, SQLITE_TRANSIENT);
    hist_entry rep;
    memset(&rep, 0, sizeof rep);
    if (!is_task) report_of(db, new_json, &rep);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const field_def *f = find_field(is_task ? TASK_FIELDS : PROGRESS_FIELDS, (const char *)sqlite3_column_text(st, 0));
        if (!f) continue;
        hist_entry *e = add(db, b);
        if (!e) break;
        *e = head;
        e->kind = is_task ? HIST_CHANGE : HIST_REPORT_CHANGE;
        text_copy(e->field, sizeof e->field, _(f->vi));
        render(db, f->type, st, 1, e->old_val, sizeof e->old_val);
        render(db, f->type, st, 2, e->new_val, sizeof e->new_val);
        if (!is_task) {
            memcpy(e->report_date, rep.report_date, sizeof e->report_date);
            e->qty = rep.qty;
            text_copy(e->note, sizeof e->note, rep.note);
        }
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_sqlite_error(db, rc);
    return DB_OK;
}

#define AUDIT_COLS "a.id, a.at, strftime('%d/%m/%Y %H:%M', a.at, 'localtime'), a.user, a.entity, a.action, a.old_json, a.new_json "

static int run_audit(ntm_db *db, builder *b, sqlite3_stmt *st, int64_t **txs, int *n_tx)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (txs && sqlite3_column_type(st, 8) != SQLITE_NULL) {
            int64_t *v = realloc(*txs, (size_t)(*n_tx + 1) * sizeof *v);
            if (v) { *txs = v; v[(*n_tx)++] = sqlite3_column_int64(st, 8); }
        }
        int r = from_audit(db, b, st);
        if (r) { sqlite3_reset(st); return r; }
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? DB_OK : db_sqlite_error(db, rc);
}

/* Times compare to the millisecond: audit rows carry them, progress.entered_at not. */
static void norm_at(const char *at, char out[24])
{
    if (strlen(at) >= 23 && at[19] == '.') snprintf(out, 24, "%.23s", at);
    else snprintf(out, 24, "%.19s.000", at);
}

/* qsort is not stable: equal keys keep the order they were added in (a change's fields). */
typedef struct { hist_entry e; int pos; char at[24]; } pos_entry;
static int newest_first(const void *x, const void *y)
{
    const pos_entry *a = x, *b = y;
    int c = strcmp(b->at, a->at);
    if (c) return c;
    if (a->e.audit_id != b->e.audit_id) return b->e.audit_id > a->e.audit_id ? 1 : -1;
    if ((c = strcmp(b->e.report_date, a->e.report_date))) return c;
    if (a->e.progress_id != b->e.progress_id) return b->e.progress_id > a->e.progress_id ? 1 : -1;
    return a->pos - b->pos;
}

/* A report typed in ntm has an audit row: its time (to the ms) and id order it. */
static void report_audit_row(ntm_db *db, hist_entry *e)
{
    static const char *sql = "SELECT id, at FROM audit WHERE entity = 'progress' AND entity_id = ?1 AND action = 'insert' "
                             "ORDER BY id DESC LIMIT 1";
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return;
    sqlite3_bind_int64(st, 1, e->progress_id);
    if (sqlite3_step(st) == SQLITE_ROW) {
        e->audit_id = sqlite3_column_int64(st, 0);
        col_text(e->at, sizeof e->at, st, 1);
    }
    sqlite3_reset(st);
}

int task_history(ntm_db *db, int64_t task_id, hist_list *out)
{
    static const char *reports = "SELECT id, entered_at, strftime('%d/%m/%Y %H:%M', entered_at, 'localtime'), entered_by, "
        "report_date, qty, coalesce(note, ''), coalesce(reporter, '') FROM progress WHERE task_id = ?1";
    static const char *task_audit = "SELECT " AUDIT_COLS ", a.tx FROM audit a WHERE a.entity = 'task' AND a.entity_id = ?1 ORDER BY a.id DESC";
    static const char *report_audit = "SELECT " AUDIT_COLS ", NULL FROM audit a WHERE a.entity = 'progress' "
        "AND a.entity_id IN (SELECT id FROM progress WHERE task_id = ?1) AND a.action <> 'insert'";
    /* Reports deleted since: found through the task's own audit rows (each change of a
     * report also changes the task's done quantity, in the same transaction). */
    static const char *deleted = "SELECT " AUDIT_COLS ", NULL FROM audit a WHERE a.tx = ?2 AND a.entity = 'progress' "
        "AND a.action = 'delete' AND json_extract(a.old_json, '$.task_id') = ?1";
    memset(out, 0, sizeof *out);
    builder b = { 0 };
    int64_t *txs = NULL;
    int n_tx = 0, rc;
    sqlite3_stmt *st = db_stmt(db, reports);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, task_id);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        hist_entry *e = add(db, &b);
        if (!e) break;
        e->kind = HIST_REPORT;
        e->progress_id = sqlite3_column_int64(st, 0);
        col_text(e->at, sizeof e->at, st, 1);
        col_text(e->when, sizeof e->when, st, 2);
        col_text(e->who, sizeof e->who, st, 3);
        col_text(e->report_date, sizeof e->report_date, st, 4);
        e->qty = sqlite3_column_double(st, 5);
        col_text(e->note, sizeof e->note, st, 6);
        col_text(e->reporter, sizeof e->reporter, st, 7);
        report_audit_row(db, e);
    }
    sqlite3_reset(st);
    rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK : db_sqlite_error(db, rc);
    if (!rc && !(st = db_stmt(db, task_audit))) rc = DB_ERR;
    if (!rc) { sqlite3_bind_int64(st, 1, task_id); rc = run_audit(db, &b, st, &txs, &n_tx); }
    if (!rc && !(st = db_stmt(db, report_audit))) rc = DB_ERR;
    if (!rc) { sqlite3_bind_int64(st, 1, task_id); rc = run_audit(db, &b, st, NULL, NULL); }
    for (int i = 0; !rc && i < n_tx; i++) {
        int dup = 0;
        for (int j = 0; j < i; j++) if (txs[j] == txs[i]) dup = 1;
        if (dup) continue;
        if (!(st = db_stmt(db, deleted))) { rc = DB_ERR; break; }
        sqlite3_bind_int64(st, 1, task_id);
        sqlite3_bind_int64(st, 2, txs[i]);
        rc = run_audit(db, &b, st, NULL, NULL);
    }
    free(txs);
    free(b.seen);
    if (rc) { free(b.v); return rc; }
    pos_entry *p = malloc((size_t)(b.n ? b.n : 1) * sizeof *p);
    if (!p) { free(b.v); return db_fail(db, DB_ERR, "out of memory"); }
    for (int i = 0; i < b.n; i++) { p[i].e = b.v[i]; p[i].pos = i; norm_at(b.v[i].at, p[i].at); }
    if (b.n > 1) qsort(p, (size_t)b.n, sizeof *p, newest_first);
    for (int i = 0; i < b.n; i++) b.v[i] = p[i].e;
    free(p);
    out->v = b.v;
    out->n = b.n;
    return DB_OK;
}

void hist_list_free(hist_list *l) { free(l->v); l->v = NULL; l->n = 0; }
