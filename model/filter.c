/* filter: filtered and sorted task lists, the weekly walk, and saved filters. */
#include "model/filter.h"
#include "model/db_internal.h"
#include "model/date.h"
#include "model/i18n.h"
#include "model/task_rows.h"
#include "model/text.h"
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Column TASK_ROW_NCOLS: the owner organisation's full name, which the search words also match. */
#define FILTER_COLS TASK_ROW_COLS ", coalesce(o.name, '') "
#define FILTER_JOINS TASK_ROW_JOINS
/* ?3..?7 optional references, ?8 status, ?9/?10 deadline bounds; '' or 0 = any. */
#define FILTER_WHERE \
    "AND (?3 = 0 OR t.campaign_id = ?3) AND (?4 = 0 OR t.criterion_id = ?4) AND (?5 = 0 OR t.owner_org_id = ?5) " \
    "AND (?6 = 0 OR t.owner_person_id = ?6) AND (?7 = 0 OR t.owner_unit_id = ?7) AND (?8 = '' OR t.status = ?8) " \
    "AND (?9 = '' OR t.deadline >= ?9) AND (?10 = '' OR t.deadline <= ?10)"

double task_row_progress(const task_row *r)
{
    if (r->status == 'd') return 1.0;
    if (r->target > 0) return fmin(r->done / r->target, 1.0);
    return 0.0;
}

const char *filter_state_label(int s)
{
    switch (s) {
    case TQ_OPEN: return _("Đang làm");
    case TQ_DONE: return _("Đã xong");
    case TQ_OVERDUE: return _("Quá hạn");
    case TQ_DUE7: return _("Đến hạn trong 7 ngày");
    case TQ_CANCELLED: return _("Đã hủy");
    default: return _("Tất cả");
    }
}

const char *filter_sort_label(int s)
{
    switch (s) {
    case TQ_BY_PROGRESS: return _("Tiến độ");
    case TQ_BY_NAME: return _("Tên");
    default: return _("Hạn");
    }
}

static int sort_dir;
static int cmp_deadline(const task_item *a, const task_item *b)
{
    int na = !a->r.deadline[0], nb = !b->r.deadline[0];
    if (na != nb) return na - nb;                      /* no deadline last */
    int c = strcmp(a->r.deadline, b->r.deadline);
    return c ? c : (a->r.id > b->r.id) - (a->r.id < b->r.id);
}
static int by_deadline(const void *x, const void *y) { return sort_dir * cmp_deadline(x, y); }
static int by_progress(const void *x, const void *y)
{
    const task_item *a = x, *b = y;
    if (a->progress != b->progress) return sort_dir * (a->progress < b->progress ? -1 : 1);
    return cmp_deadline(a, b);
}
static int by_name(const void *x, const void *y)
{
    const task_item *a = x, *b = y;
    int c = strcmp(a->sort ? a->sort : "", b->sort ? b->sort : "");
    return c ? sort_dir * c : (a->r.id > b->r.id) - (a->r.id < b->r.id);
}

/* Every word of the query in the title, the owner (short and full name) or the hamlet. */
static int matches(const char *title_key, const char *owner, const char *org_full, const char *hamlet, int64_t code,
                   const char *q)
{
    if (!q || !*q) return 1;
    if (text_match(title_key, q)) return 1;
    size_t n = strlen(owner) + strlen(org_full) + strlen(hamlet) + 32;
    char *names = malloc(n);
    if (!names) return 0;
    snprintf(names, n, "%s %s %s v%lld", owner, org_full, hamlet, (long long)code);   /* "v12": the task's code */
    char *f = text_fold(names);
    free(names);
    size_t k = strlen(title_key) + (f ? strlen(f) : 0) + 2;
    char *all = f ? malloc(k) : NULL;
    int m = 0;
    if (all) { snprintf(all, k, "%s %s", title_key, f); m = text_match(all, q); }
    free(all); free(f);
    return m;
}

void filter_state_bounds(const char *today, int state, const char **status, char from[11], char to[11])
{
    *status = ""; from[0] = to[0] = 0;
    switch (state) {
    case TQ_OPEN: *status = "open"; break;
    case TQ_DONE: *status = "done"; break;
    case TQ_CANCELLED: *status = "cancelled"; break;
    case TQ_OVERDUE: *status = "open"; snprintf(from, 11, "0000"); date_add(today, -1, to); break;
    case TQ_DUE7: *status = "open"; snprintf(from, 11, "%s", today); date_add(today, 7, to); break;
    default: break;
    }
}

int filter_tasks(ntm_db *db, const task_query *q, task_list *out)
{
    static const char *sql_c = "SELECT " FILTER_COLS FILTER_JOINS "WHERE t.commune_id = ?1 " FILTER_WHERE;
    static const char *sql_h = "SELECT " FILTER_COLS FILTER_JOINS "WHERE t.hamlet_id = ?2 AND +t.commune_id = ?1 " FILTER_WHERE;
    static const char *sql_w = "SELECT " FILTER_COLS FILTER_JOINS "WHERE t.commune_id = ?1 AND t.hamlet_id IS NULL " FILTER_WHERE;
    memset(out, 0, sizeof *out);
    if (q->commune_id <= 0) return db_fail(db, DB_INVALID, "%s", _("Chưa chọn xã"));
    const char *today = db_today(db);
    const char *status;
    char from[11], to[11];
    filter_state_bounds(today, q->state, &status, from, to);
    char *text = NULL;
    if (q->text && *q->text && !(text = text_fold(q->text)))
        return db_fail(db, DB_INVALID, "%s", _("Chuỗi tìm có ký tự không hợp lệ (không phải UTF-8)"));
    sqlite3_stmt *st = db_stmt(db, q->hamlet_id > 0 ? sql_h : q->hamlet_id < 0 ? sql_w : sql_c);
    if (!st) { free(text); return DB_ERR; }
    sqlite3_bind_int64(st, 1, q->commune_id);
    sqlite3_bind_int64(st, 2, q->hamlet_id);
    int64_t refs[5] = { q->campaign_id, q->criterion_id, q->owner_org_id, q->owner_person_id, q->owner_unit_id };
    for (int i = 0; i < 5; i++) sqlite3_bind_int64(st, 3 + i, refs[i] > 0 ? refs[i] : 0);
    sqlite3_bind_text(st, 8, status, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 9, from, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 10, to, -1, SQLITE_TRANSIENT);
    task_gather g = { 0 };
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *key = (const char *)sqlite3_column_text(st, 4);
        const char *owner = (const char *)sqlite3_column_text(st, 5);
        const char *hamlet = (const char *)sqlite3_column_text(st, 6);
        if (text && !matches(key ? key : "", owner ? owner : "", (const char *)sqlite3_column_text(st, TASK_ROW_NCOLS),
                             hamlet ? hamlet : "", sqlite3_column_int64(st, 12), text))
            continue;
        task_item *it = task_gather_add(&g, st, today);
        if (!it) break;
        it->progress = task_row_progress(&it->r);
        if (q->sort == TQ_BY_NAME && !(it->sort = text_sort_key(g.arena + it->off[0]))) { g.oom = 1; break; }
    }
    sqlite3_reset(st);
    free(text);
    if (!g.oom && rc == SQLITE_DONE && g.n > 1) {
        sort_dir = q->desc ? -1 : 1;
        qsort(g.v, (size_t)g.n, sizeof *g.v, q->sort == TQ_BY_NAME ? by_name : q->sort == TQ_BY_PROGRESS ? by_progress : by_deadline);
    }
    return task_gather_done(db, &g, rc, out);
}

int filter_weekly(ntm_db *db, int64_t hamlet_id, task_list *out)
{
    static const char *sql = "SELECT parent_id FROM unit WHERE id = ?1 AND kind = 'hamlet'";
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, hamlet_id);
    int64_t commune = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (!commune) return db_fail(db, DB_NOTFOUND, "%s", _("Chưa chọn thôn"));
    task_query q = { .commune_id = commune, .hamlet_id = hamlet_id, .state = TQ_OPEN, .sort = TQ_BY_DEADLINE };
    return filter_tasks(db, &q, out);
}

/* ---- the user's last filter --------------------------------------------------------- */

static const struct { const char *name; size_t off; } SAVED_IDS[] = {
    { "commune", offsetof(task_query, commune_id) },   { "hamlet", offsetof(task_query, hamlet_id) },
    { "campaign", offsetof(task_query, campaign_id) }, { "criterion", offsetof(task_query, criterion_id) },
    { "org", offsetof(task_query, owner_org_id) },     { "person", offsetof(task_query, owner_person_id) },
    { "unit", offsetof(task_query, owner_unit_id) },
};
enum { N_SAVED = sizeof SAVED_IDS / sizeof SAVED_IDS[0] };

static int64_t *qid(task_query *q, int i) { return (int64_t *)((char *)q + SAVED_IDS[i].off); }

static void key_of(char *key, size_t n, const char *screen) { snprintf(key, n, "filter.%s", screen ? screen : ""); }

int filter_save(ntm_db *db, const char *screen, const task_query *q)
{
    static const char *sql = "INSERT INTO ui_state(user, key, value, updated_at) VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%SZ','now')) "
                             "ON CONFLICT(user, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at";
    if (db_is_readonly(db)) return DB_READONLY;      /* nothing to tell: the screen still works */
    char key[96], value[512];
    size_t len = 0;
    task_query c = *q;
    len += (size_t)snprintf(value, sizeof value, "v1;state=%d;sort=%d;desc=%d", q->state, q->sort, q->desc ? 1 : 0);
    for (int i = 0; i < N_SAVED && len < sizeof value; i++)
        len += (size_t)snprintf(value + len, sizeof value - len, ";%s=%" PRId64, SAVED_IDS[i].name, *qid(&c, i));
    key_of(key, sizeof key, screen);
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_text(st, 1, db_user(db), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, value, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? DB_OK : db_sqlite_error(db, rc);
}

/* Drop saved ids whose rows are gone or no longer belong to the commune. */
static void drop_stale(ntm_db *db, task_query *q)
{
    static const char *sql = "SELECT (SELECT 1 FROM unit WHERE id = ?2 AND parent_id = ?1), "
        "(SELECT 1 FROM campaign WHERE id = ?3 AND unit_id = ?1), (SELECT 1 FROM criterion WHERE id = ?4), "
        "(SELECT 1 FROM org WHERE id = ?5 AND unit_id = ?1), "
        "(SELECT 1 FROM person p JOIN unit u ON u.id = p.unit_id WHERE p.id = ?6 AND (u.id = ?1 OR u.parent_id = ?1)), "
        "(SELECT 1 FROM unit WHERE id = ?7 AND parent_id = ?1)";
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return;
    for (int i = 0; i < N_SAVED; i++) sqlite3_bind_int64(st, i + 1, *qid(q, i));
    if (sqlite3_step(st) == SQLITE_ROW)
        for (int i = 1; i < N_SAVED; i++)
            if (*qid(q, i) > 0 && sqlite3_column_type(st, i - 1) == SQLITE_NULL) *qid(q, i) = 0;
    sqlite3_reset(st);
}

int filter_restore(ntm_db *db, const char *screen, task_query *q)
{
    static const char *sql = "SELECT value FROM ui_state WHERE user = ?1 AND key = ?2";
    char key[96], value[512] = "";
    key_of(key, sizeof key, screen);
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_text(st, 1, db_user(db), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, key, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) text_copy(value, sizeof value, (const char *)sqlite3_column_text(st, 0));
    sqlite3_reset(st);
    if (rc != SQLITE_ROW) return rc == SQLITE_DONE ? DB_NOTFOUND : db_sqlite_error(db, rc);
    if (strncmp(value, "v1;", 3)) return DB_NOTFOUND;
    task_query s = { 0 };
    char *save = NULL;
    for (char *tok = strtok_r(value + 3, ";", &save); tok; tok = strtok_r(NULL, ";", &save)) {
        char *eq = strchr(tok, '=');
        if (!eq) continue;
        *eq = 0;
        long long v = strtoll(eq + 1, NULL, 10);
        if (!strcmp(tok, "state")) s.state = v >= 0 && v < TQ_NSTATES ? (int)v : TQ_ALL;
        else if (!strcmp(tok, "sort")) s.sort = v >= 0 && v < TQ_NSORTS ? (int)v : TQ_BY_DEADLINE;
        else if (!strcmp(tok, "desc")) s.desc = v != 0;
        else for (int i = 0; i < N_SAVED; i++) if (!strcmp(tok, SAVED_IDS[i].name)) *qid(&s, i) = v;
    }
    q->state = s.state; q->sort = s.sort; q->desc = s.desc;
    if (q->commune_id && q->commune_id != s.commune_id) return DB_OK;
    if (s.hamlet_id < 0) s.hamlet_id = -1;
    drop_stale(db, &s);
    for (int i = 0; i < N_SAVED; i++) *qid(q, i) = *qid(&s, i);
    if (q->hamlet_id < -1) q->hamlet_id = 0;
    return DB_OK;
}
