/* period_report: the ranking rule, the periods, and a commune's report in one pass over
 * its tasks (see period_report.h for what each number means; a province is in
 * period_province.c). */
#include "model/period_internal.h"
#include "model/db_internal.h"
#include "model/date.h"
#include "model/i18n.h"
#include "model/rows.h"
#include "model/text.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the ranking rule ---- */

long period_pct10(double progress) { return lround(progress * 1000.0); }

int period_rank_cmp(const rank_key *a, const rank_key *b)
{
    if ((a->total > 0) != (b->total > 0)) return a->total > 0 ? -1 : 1;    /* unranked last */
    if (a->total > 0) {
        long pa = period_pct10(a->progress), pb = period_pct10(b->progress);
        if (pa != pb) return pa > pb ? -1 : 1;
        if (a->overdue != b->overdue) return a->overdue < b->overdue ? -1 : 1;
    }
    return (a->order > b->order) - (a->order < b->order);
}

void period_rank_pick(const rank_key *v, int n, int *n_ranked, int *n_top, int *n_bottom)
{
    int k = 0;
    while (k < n && v[k].total > 0) k++;
    int top = (k + 1) / 2, bottom = k / 2;
    if (top > 3) top = 3;
    if (bottom > 3) bottom = 3;
    /* the rank order makes both conditions hold for a prefix (top) and a suffix (bottom) */
    int t = 0, b = 0;
    while (t < top && period_pct10(v[t].progress) > 0) t++;
    while (b < bottom && (period_pct10(v[k - 1 - b].progress) < 1000 || v[k - 1 - b].overdue > 0)) b++;
    *n_ranked = k; *n_top = t; *n_bottom = b;
}

/* ---- periods ---- */

/* Monday of ISO week 1 of year y: the Monday on or before 4 January. */
static long week1_monday(int y)
{
    char jan4[16];
    snprintf(jan4, sizeof jan4, "%04d-01-04", y % 10000);
    return date_days(jan4) - (date_weekday(jan4) - 1);
}

void period_week_of(const char *iso, int *year, int *week)
{
    long d = date_days(iso);
    int y = atoi(iso);
    if (d >= week1_monday(y + 1)) y++;
    else if (d < week1_monday(y)) y--;
    *year = y;
    *week = (int)((d - week1_monday(y)) / 7) + 1;
}

int period_week_range(int year, int week, char from[11], char to[11])
{
    if (year < 1900 || year > 9998 || week < 1) return -1;
    long mon = week1_monday(year) + 7L * (week - 1);
    if (mon >= week1_monday(year + 1)) return -1;
    date_from_days(mon, from);
    date_from_days(mon + 6, to);
    return 0;
}

int period_month_range(int year, int month, char from[11], char to[11])
{
    if (year < 1900 || year > 9998 || month < 1 || month > 12) return -1;
    char next[11];
    snprintf(from, 11, "%04d-%02d-01", year, month);
    snprintf(next, sizeof next, "%04d-%02d-01", month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1);
    date_add(next, -1, to);
    return 0;
}

/* ---- the state of a task on A ---- */

pr_state pr_state_on(const pr_days *p, char st_now, double target, double done_now, int n_later, double later,
                     int has_reports, const char *updated)
{
    pr_state s = { st_now, done_now };
    if (!p->rebuild) return s;
    s.done = done_now - later > 0 ? done_now - later : 0;
    if (st_now != 'd') return s;
    if (n_later > 0) s.st = target > 0 && s.done >= target - PR_EPS ? 'd' : 'o';   /* finished after A? */
    else if (!has_reports && strcmp(updated, p->as_of) > 0) s.st = 'o';
    return s;
}

double pr_contrib(pr_state s, double target)
{
    if (s.st == 'd') return 1.0;
    return target > 0 ? fmin(s.done / target, 1.0) : 0.0;
}

int pr_due_kind(const pr_days *p, const char *deadline)
{
    if (!deadline[0]) return 0;
    if (strcmp(deadline, p->as_of) < 0) return 1;
    return strcmp(deadline, p->due_to) <= 0 ? 2 : 0;
}

int pr_finish_date(ntm_db *db, int64_t task_id, double target, double done_now, const char *updated,
                   int has_reports, char out[11])
{
    static const char *sql = "SELECT report_date, qty FROM progress WHERE task_id = ?1 ORDER BY report_date, id";
    out[0] = 0;
    if (!has_reports) { text_copy(out, 11, updated); return DB_OK; }
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, task_id);
    int reached = target > 0 && done_now >= target - PR_EPS, rc;
    double run = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        col_text(out, 11, st, 0);
        run += sqlite3_column_double(st, 1);
        if (reached && run >= target - PR_EPS) break;
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK : db_sqlite_error(db, rc);
}

/* ---- rows ---- */

int pr_load_children(ntm_db *db, int64_t parent_id, char kind, pr_row **out, int *n)
{
    static const char *sql = "SELECT id, name FROM unit WHERE parent_id = ?1 AND active = 1 ORDER BY sort_key";
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, parent_id);
    int cap = 0, rc;
    *out = NULL; *n = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        pr_row *v = rows_room(*out, *n, &cap, sizeof *v);
        if (!v) { rc = SQLITE_NOMEM; break; }
        *out = v;
        pr_row *r = &v[(*n)++];
        memset(r, 0, sizeof *r);
        r->id = sqlite3_column_int64(st, 0);
        r->kind = kind;
        col_text(r->name, sizeof r->name, st, 1);
    }
    sqlite3_reset(st);
    if (rc == SQLITE_DONE && !*out) *out = calloc(1, sizeof **out);   /* an empty list is not an error */
    if (rc == SQLITE_DONE && *out) return DB_OK;
    free(*out); *out = NULL; *n = 0;
    return rc == SQLITE_DONE ? db_fail(db, DB_ERR, "out of memory") : db_sqlite_error(db, rc);
}

pr_row *pr_find(pr_row *v, int n, int64_t id)
{
    for (int i = 0; i < n; i++) if (v[i].id == id) return &v[i];
    return NULL;
}

void pr_add_reports(pr_counts *c, int n, double q, const char *unit)
{
    if (n <= 0) return;
    c->reports += n;
    if (c->mixed || !unit[0]) return;          /* a task without a unit has no quantity to add */
    if (!c->qty_unit[0]) text_copy(c->qty_unit, sizeof c->qty_unit, unit);
    if (strcmp(c->qty_unit, unit)) { c->mixed = 1; c->qty_unit[0] = 0; c->qty = 0; return; }
    c->qty += q;
}

typedef struct { rank_key k; pr_row r; } rank_slot;
static int by_slot(const void *x, const void *y) { return period_rank_cmp(&((const rank_slot *)x)->k, &((const rank_slot *)y)->k); }

int pr_rank_rows(ntm_db *db, period_report *r, const double *sums)
{
    int n = r->n_units;
    rank_slot *v = calloc((size_t)(n ? n : 1), sizeof *v);
    rank_key *keys = calloc((size_t)(n ? n : 1), sizeof *keys);
    if (!v || !keys) { free(v); free(keys); return db_fail(db, DB_ERR, "out of memory"); }
    for (int i = 0; i < n; i++) {
        pr_counts *c = &r->units[i].c;
        c->progress = c->total ? sums[i] / c->total : 0;
        v[i].r = r->units[i];
        v[i].k = (rank_key){ c->progress, c->total, c->overdue, i };
    }
    qsort(v, (size_t)n, sizeof *v, by_slot);
    for (int i = 0; i < n; i++) { r->units[i] = v[i].r; keys[i] = v[i].k; }
    period_rank_pick(keys, n, &r->n_ranked, &r->n_top, &r->n_bottom);
    for (int i = 0; i < n; i++) r->units[i].rank = i < r->n_ranked ? i + 1 : 0;
    free(v); free(keys);
    return DB_OK;
}

/* ---- a commune ---- */

/* A listed task before it is read whole: what orders the list, and where it counts. */
typedef struct { int64_t id; char key[11]; int unit, owner; double target, done, done_at; char upd[11]; int has; } cand;
typedef struct { cand *v; int n, cap; } cands;

static int cand_add(cands *c, const cand *x)
{
    cand *v = rows_room(c->v, c->n, &c->cap, sizeof *v);
    if (!v) return -1;
    c->v = v;
    v[c->n++] = *x;
    return 0;
}

static int by_key(const void *x, const void *y)
{
    const cand *a = x, *b = y;
    int c = strcmp(a->key, b->key);
    return c ? c : (a->id > b->id) - (a->id < b->id);
}

typedef struct commune_scan {
    period_report *r;
    pr_row *owners; int n_owners, cap_owners;
    double *unit_sum, *owner_sum, total_sum;
    cands overdue, due, finished;
} commune_scan;

static int owner_index(commune_scan *s, char kind, int64_t id)
{
    for (int i = 0; i < s->n_owners; i++)
        if (s->owners[i].kind == kind && s->owners[i].id == id) return i;
    pr_row *v = rows_room(s->owners, s->n_owners, &s->cap_owners, sizeof *v);
    double *sum = v ? realloc(s->owner_sum, (size_t)s->cap_owners * sizeof *sum) : NULL;
    if (v) s->owners = v;
    if (!v || !sum) return -1;
    s->owner_sum = sum;
    memset(&v[s->n_owners], 0, sizeof *v);
    v[s->n_owners].kind = kind;
    v[s->n_owners].id = id;
    sum[s->n_owners] = 0;
    return s->n_owners++;
}

static void count_in(pr_counts *c, double *sum, double contrib, const pr_state *a, int due_kind,
                     int n_in, double q_in, const char *unit)
{
    c->total++;
    if (a->st == 'd') c->done++;
    *sum += contrib;
    if (due_kind == 1) c->overdue++;
    if (due_kind == 2) c->due++;
    pr_add_reports(c, n_in, q_in, unit);
}

/* One task of the scan: counted in its hamlet (or toàn xã), its owner and the total, and
 * kept as a candidate for the lists. ?2 (A) is past every report unless rebuilding.
 * Columns 10-13: its reports after A (count, sum), in the period (count, sum). */
static int scan_row(commune_scan *s, const pr_days *p, sqlite3_stmt *st)
{
    period_report *r = s->r;
    char st_now = sqlite3_column_text(st, 2)[0] == 'd' ? 'd' : 'o', deadline[11], unit[32], upd[11], okind;
    int64_t id = sqlite3_column_int64(st, 0), hamlet = sqlite3_column_int64(st, 1);
    double target = sqlite3_column_double(st, 3), done = sqlite3_column_double(st, 4);
    col_text(deadline, sizeof deadline, st, 5);
    col_text(unit, sizeof unit, st, 6);
    col_text(upd, sizeof upd, st, 7);
    okind = (char)sqlite3_column_text(st, 8)[0];
    int64_t oid = sqlite3_column_int64(st, 9);
    double later = sqlite3_column_double(st, 11), q_in = sqlite3_column_double(st, 13);
    int n_later = sqlite3_column_int(st, 10), n_in = sqlite3_column_int(st, 12), has = sqlite3_column_int(st, 14);
    pr_state a = pr_state_on(p, st_now, target, done, n_later, later, has, upd);
    double c = pr_contrib(a, target);
    int dk = a.st == 'o' ? pr_due_kind(p, deadline) : 0;
    /* the "toàn xã" row is the last unit, held apart from ranking until the end */
    pr_row *u = hamlet ? pr_find(r->units, r->n_units - 1, hamlet) : &r->units[r->n_units - 1];
    int ui = u ? (int)(u - r->units) : -1, oi = owner_index(s, okind, oid);
    if (oi < 0) return -1;
    if (u) count_in(&u->c, &s->unit_sum[ui], c, &a, dk, n_in, q_in, unit);
    count_in(&s->owners[oi].c, &s->owner_sum[oi], c, &a, dk, n_in, q_in, unit);
    count_in(&r->total, &s->total_sum, c, &a, dk, n_in, q_in, unit);
    cand x = { id, "", ui, oi, target, done, a.done, "", has };
    text_copy(x.key, sizeof x.key, deadline);
    text_copy(x.upd, sizeof x.upd, upd);
    if (dk && cand_add(dk == 1 ? &s->overdue : &s->due, &x)) return -1;
    int maybe = st_now == 'd' && (n_in > 0 || (!has && strcmp(upd, p->from) >= 0 && strcmp(upd, p->to) <= 0));
    return maybe ? cand_add(&s->finished, &x) : 0;
}

static int scan_tasks(ntm_db *db, const pr_days *p, commune_scan *s)
{
    static const char *sql = "SELECT t.id, coalesce(t.hamlet_id, 0), t.status, coalesce(t.target_qty, -1), t.done_qty, "
        "coalesce(t.deadline, ''), coalesce(t.qty_unit, ''), substr(t.updated_at, 1, 10), "
        "CASE WHEN t.owner_org_id IS NOT NULL THEN 'o' WHEN t.owner_person_id IS NOT NULL THEN 'p' "
        "  WHEN t.owner_unit_id IS NOT NULL THEN 'u' ELSE 'n' END, coalesce(t.owner_org_id, t.owner_person_id, t.owner_unit_id, 0), "
        "(SELECT count(*) FROM progress p WHERE p.task_id = t.id AND p.report_date > ?2), "
        "(SELECT total(qty) FROM progress p WHERE p.task_id = t.id AND p.report_date > ?2), "
        "(SELECT count(*) FROM progress p WHERE p.task_id = t.id AND p.report_date BETWEEN ?3 AND ?4), "
        "(SELECT total(qty) FROM progress p WHERE p.task_id = t.id AND p.report_date BETWEEN ?3 AND ?4), "
        "EXISTS (SELECT 1 FROM progress p WHERE p.task_id = t.id) "
        "FROM task t WHERE t.commune_id = ?1 AND t.status IN ('open', 'done')";
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, s->r->unit_id);
    sqlite3_bind_text(st, 2, p->rebuild ? p->as_of : "9999-12-31", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, p->from, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, p->to, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (scan_row(s, p, st)) { rc = SQLITE_NOMEM; break; }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? DB_OK : db_sqlite_error(db, rc);
}

/* The finished candidates whose finishing date is in the period: counted, and their
 * date becomes the list's order key. */
static int count_finished(ntm_db *db, const pr_days *p, commune_scan *s)
{
    int kept = 0;
    for (int i = 0; i < s->finished.n; i++) {
        cand *x = &s->finished.v[i];
        char fin[11];
        int rc = pr_finish_date(db, x->id, x->target, x->done, x->upd, x->has, fin);
        if (rc) return rc;
        if (strcmp(fin, p->from) < 0 || strcmp(fin, p->to) > 0) continue;
        if (x->unit >= 0) s->r->units[x->unit].c.finished++;
        s->owners[x->owner].c.finished++;
        s->r->total.finished++;
        memcpy(x->key, fin, sizeof x->key);
        s->finished.v[kept++] = *x;
    }
    s->finished.n = kept;
    return DB_OK;
}

/* The first max candidates of a list, read whole, in their key order. */
static int read_list(ntm_db *db, const pr_days *p, cands *c, int max, int dated, pr_task **out, int *n)
{
    if (c->n > 1) qsort(c->v, (size_t)c->n, sizeof *c->v, by_key);
    int m = c->n < max ? c->n : max;
    *out = calloc((size_t)(m ? m : 1), sizeof **out);
    *n = 0;
    if (!*out) return db_fail(db, DB_ERR, "out of memory");
    for (int i = 0; i < m; i++) {
        pr_task *t = &(*out)[*n];
        int rc = dashboard_task(db, c->v[i].id, p->as_of, &t->t);
        if (rc == DB_NOTFOUND) continue;
        if (rc) return rc;
        if (dated) text_copy(t->finished, sizeof t->finished, c->v[i].key);
        t->t.done = c->v[i].done_at;                        /* the quantity on A */
        (*n)++;
    }
    return DB_OK;
}

static int name_owners(ntm_db *db, commune_scan *s)
{
    static const char *org = "SELECT name, sort_key FROM org WHERE id = ?1";
    static const char *person = "SELECT full_name, sort_key FROM person WHERE id = ?1";
    static const char *unit = "SELECT name, sort_key FROM unit WHERE id = ?1";
    for (int i = 0; i < s->n_owners; i++) {
        pr_row *o = &s->owners[i];
        o->c.progress = o->c.total ? s->owner_sum[i] / o->c.total : 0;
        if (o->kind == 'n') { text_copy(o->name, sizeof o->name, _("(Chưa giao người phụ trách)")); continue; }
        sqlite3_stmt *st = db_stmt(db, o->kind == 'o' ? org : o->kind == 'p' ? person : unit);
        if (!st) return DB_ERR;
        sqlite3_bind_int64(st, 1, o->id);
        if (sqlite3_step(st) == SQLITE_ROW) col_text(o->name, sizeof o->name, st, 0);
        sqlite3_reset(st);
    }
    return DB_OK;
}

/* Owners: organisations, then people, then hamlets, then "none"; by name within each. */
static int by_owner(const void *x, const void *y)
{
    const pr_row *a = x, *b = y;
    static const char order[] = "opun";
    if (a->kind != b->kind) return (int)(strchr(order, a->kind) - order) - (int)(strchr(order, b->kind) - order);
    char *ka = text_sort_key(a->name), *kb = text_sort_key(b->name);
    int c = ka && kb ? strcmp(ka, kb) : strcmp(a->name, b->name);
    free(ka); free(kb);
    return c;
}

static void scan_free(commune_scan *s)
{
    free(s->owners); free(s->unit_sum); free(s->owner_sum);
    free(s->overdue.v); free(s->due.v); free(s->finished.v);
}

static int load_commune(ntm_db *db, const pr_days *p, int list_max, period_report *r)
{
    int rc = pr_load_children(db, r->unit_id, 'h', &r->units, &r->n_units);
    if (rc) return rc;
    pr_row *v = realloc(r->units, (size_t)(r->n_units + 1) * sizeof *v);   /* + the toàn xã row */
    if (!v) return db_fail(db, DB_ERR, "out of memory");
    r->units = v;
    memset(&v[r->n_units], 0, sizeof *v);
    v[r->n_units].kind = 'w';
    text_copy(v[r->n_units].name, sizeof v[r->n_units].name, _("Toàn xã"));
    r->n_units++;
    commune_scan s;
    memset(&s, 0, sizeof s);
    s.r = r;
    s.unit_sum = calloc((size_t)r->n_units, sizeof *s.unit_sum);
    if (!s.unit_sum) return db_fail(db, DB_ERR, "out of memory");
    if (!(rc = scan_tasks(db, p, &s))) rc = count_finished(db, p, &s);
    if (!rc) rc = name_owners(db, &s);
    if (rc) { scan_free(&s); return rc; }
    pr_row whole = r->units[--r->n_units];
    whole.c.progress = whole.c.total ? s.unit_sum[r->n_units] / whole.c.total : 0;
    r->total.progress = r->total.total ? s.total_sum / r->total.total : 0;
    rc = pr_rank_rows(db, r, s.unit_sum);
    if (!rc && whole.c.total) r->units[r->n_units++] = whole;      /* room is still there */
    if (s.n_owners > 1) qsort(s.owners, (size_t)s.n_owners, sizeof *s.owners, by_owner);
    r->owners = s.owners; r->n_owners = s.n_owners; s.owners = NULL;
    if (!rc) rc = read_list(db, p, &s.finished, list_max, 1, &r->finished, &r->n_finished);
    if (!rc) rc = read_list(db, p, &s.overdue, list_max, 0, &r->overdue, &r->n_overdue);
    if (!rc) rc = read_list(db, p, &s.due, list_max, 0, &r->due, &r->n_due);
    scan_free(&s);
    return rc;
}

/* ---- the report ---- */

void period_report_free(period_report *r)
{
    free(r->units); free(r->owners); free(r->finished); free(r->overdue); free(r->due);
    memset(r, 0, sizeof *r);
}

static int set_days(ntm_db *db, const char *from, const char *to, pr_days *p)
{
    memset(p, 0, sizeof *p);
    if (!from || !to || !date_valid_iso(from) || !date_valid_iso(to) || strcmp(from, to) > 0)
        return db_fail(db, DB_INVALID, "%s", _("Kỳ báo cáo không hợp lệ: cần từ ngày ... đến ngày ... (từ không sau đến)"));
    const char *today = db_today(db);
    text_copy(p->from, sizeof p->from, from);
    text_copy(p->to, sizeof p->to, to);
    text_copy(p->as_of, sizeof p->as_of, strcmp(to, today) < 0 ? to : today);
    p->rebuild = strcmp(p->as_of, today) < 0;
    date_add(to, 7, p->due_to);
    date_add(p->as_of, 1, p->after_a);
    date_add(to, 1, p->after_to);
    snprintf(p->month, sizeof p->month, "%.7s", p->as_of);
    return DB_OK;
}

int period_report_load(ntm_db *db, int64_t unit_id, const char *from, const char *to, int list_max,
                       period_report *r)
{
    static const char *unit_sql = "SELECT kind, name FROM unit WHERE id = ?1";
    memset(r, 0, sizeof *r);
    pr_days p;
    int rc = set_days(db, from, to, &p);
    if (rc) return rc;
    sqlite3_stmt *st = db_stmt(db, unit_sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, unit_id);
    char kind[12] = "";
    if (sqlite3_step(st) == SQLITE_ROW) { col_text(kind, sizeof kind, st, 0); col_text(r->name, sizeof r->name, st, 1); }
    sqlite3_reset(st);
    if (strcmp(kind, "commune") && strcmp(kind, "province"))
        return db_fail(db, DB_INVALID, "%s", _("Báo cáo là của một xã hoặc một tỉnh"));
    r->unit_id = unit_id;
    r->kind = kind[0];
    memcpy(r->from, p.from, 11); memcpy(r->to, p.to, 11);
    memcpy(r->as_of, p.as_of, 11); memcpy(r->due_to, p.due_to, 11);
    rc = r->kind == 'c' ? load_commune(db, &p, list_max, r) : pr_load_province(db, &p, r);
    if (rc) period_report_free(r);
    return rc;
}
