/* dataset: the export rows (dataset.h), one statement per walk. The statements are
 * prepared here rather than through db_stmt's cache: their text depends on the scope and
 * on whether the schema has task.code yet, and an export runs them once. Orders follow
 * the indexes (unit_by_kind, task_by_commune, household_by_hamlet...) so SQLite sorts
 * one commune's rows at a time, never the whole province's. */
#include "model/dataset.h"
#include "model/date.h"
#include "model/filter.h"
#include "model/household.h"
#include "model/rows.h"
#include "model/task_rows.h"
#include "model/unit.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

_Static_assert(HH_NFLAGS == 8, "ds_household.flags has room for every household flag");

enum { SQL_MAX = 4096 };

static const char *txt(sqlite3_stmt *st, int c)
{
    const char *s = (const char *)sqlite3_column_text(st, c);
    return s ? s : "";
}

static sqlite3_stmt *prep(ntm_db *db, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static sqlite3_stmt *prep(ntm_db *db, const char *fmt, ...)
{
    char sql[SQL_MAX];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(sql, sizeof sql, fmt, ap);
    va_end(ap);
    sqlite3_stmt *st = NULL;
    if (n < 0 || n >= (int)sizeof sql) { db_fail(db, DB_ERR, "dataset: statement too long"); return NULL; }
    int rc = sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL);
    if (rc != SQLITE_OK) { db_sqlite_error(db, rc); return NULL; }
    return st;
}

/* A walk: every row of st (scope bound), or one step per id in order (?1 = id). read
 * fills the row and calls the callback; a non-zero result stops the walk. */
typedef int reader(ntm_db *db, sqlite3_stmt *st, void *fn, void *ctx);

static int walk(ntm_db *db, sqlite3_stmt *st, const int64_t *ids, int n, reader *read, void *fn, void *ctx)
{
    int rc = SQLITE_DONE, stop = 0;
    if (!st) return DB_ERR;
    if (!ids) {
        while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) stop = read(db, st, fn, ctx);
    } else {
        for (int i = 0; i < n && !stop; i++) {
            sqlite3_reset(st);
            sqlite3_bind_int64(st, 1, ids[i]);
            if ((rc = sqlite3_step(st)) == SQLITE_ROW) stop = read(db, st, fn, ctx);
            else if (rc == SQLITE_DONE) continue;
            else break;
            rc = SQLITE_DONE;
        }
    }
    sqlite3_finalize(st);
    if (stop) return stop;
    return rc == SQLITE_DONE ? DB_OK : db_sqlite_error(db, rc);
}

/* The scope's condition; ?1 commune, ?2 hamlet. */
static const char *scope_where(const ds_scope *s, const char *all, const char *commune, const char *hamlet)
{
    return s && s->hamlet_id > 0 ? hamlet : s && s->commune_id > 0 ? commune : all;
}

static void bind_scope(sqlite3_stmt *st, const ds_scope *s)
{
    if (!st || !s) return;
    sqlite3_bind_int64(st, 1, s->commune_id);
    sqlite3_bind_int64(st, 2, s->hamlet_id);
}

int ds_has_task_code(ntm_db *db)
{
    sqlite3_stmt *st = NULL;
    int has = 0;
    if (sqlite3_prepare_v2(db_handle(db), "SELECT 1 FROM pragma_table_info('task') WHERE name = 'code'", -1, &st, NULL) == SQLITE_OK)
        has = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return has;
}

/* ---- tasks ------------------------------------------------------------------------- */

/* TASK_ROW_COLS (0 .. TASK_ROW_NCOLS - 1), then the code as printed (V12), the commune,
 * criterion, campaign, uuid. */
enum { DS_CODE = TASK_ROW_NCOLS, DS_COMMUNE, DS_CRITERION, DS_CAMPAIGN, DS_UUID };
#define DS_TASK_SELECT "SELECT " TASK_ROW_COLS ", %s, c.name, " \
    "coalesce((SELECT cr.number || '. ' || cr.name FROM criterion cr WHERE cr.id = t.criterion_id), ''), " \
    "coalesce((SELECT coalesce(g.doc_number || ' ', '') || g.name FROM campaign g WHERE g.id = t.campaign_id), ''), " \
    "t.uuid " TASK_ROW_JOINS "JOIN unit c ON c.id = t.commune_id "

static int read_task(ntm_db *db, sqlite3_stmt *st, void *fn, void *ctx)
{
    task_row r;
    task_row_read(st, &r, db_today(db));
    ds_task d = { .id = r.id, .code = txt(st, DS_CODE), .commune = txt(st, DS_COMMUNE), .hamlet = txt(st, 6),
                  .title = txt(st, 3), .owner = txt(st, 5), .criterion = txt(st, DS_CRITERION), .campaign = txt(st, DS_CAMPAIGN),
                  .qty_unit = txt(st, 7), .deadline = r.deadline, .uuid = txt(st, DS_UUID),
                  .target = r.target, .done = r.done, .status = r.status,
                  .progress = r.status == 'd' || r.target > 0 ? task_row_progress(&r) : -1,
                  .overdue_days = r.overdue ? -r.days_left : 0 };
    return ((ds_task_fn *)fn)(ctx, &d);
}

static const char *code_col(ntm_db *db) { return ds_has_task_code(db) ? "coalesce('V' || t.code, '')" : "''"; }

int ds_tasks(ntm_db *db, const ds_scope *s, ds_task_fn *fn, void *ctx)
{
    const char *where = scope_where(s, "c.kind = 'commune'", "t.commune_id = ?1", "t.hamlet_id = ?2");
    sqlite3_stmt *st = prep(db, DS_TASK_SELECT "WHERE %s AND (?3 = '' OR t.status = ?3) "
                            "AND (?4 = '' OR t.deadline >= ?4) AND (?5 = '' OR t.deadline <= ?5) "
                            "ORDER BY c.sort_key, c.id, h.sort_key IS NOT NULL, h.sort_key, t.hamlet_id, "
                            "t.deadline IS NULL, t.deadline, t.id", code_col(db), where);
    if (st) {
        const char *status;
        char from[11], to[11];
        filter_state_bounds(db_today(db), s ? s->state : 0, &status, from, to);
        bind_scope(st, s);
        sqlite3_bind_text(st, 3, status, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, from, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 5, to, -1, SQLITE_TRANSIENT);
    }
    return walk(db, st, NULL, 0, read_task, (void *)fn, ctx);
}

int ds_tasks_ids(ntm_db *db, const int64_t *ids, int n, ds_task_fn *fn, void *ctx)
{
    return walk(db, prep(db, DS_TASK_SELECT "WHERE t.id = ?1", code_col(db)), ids, n, read_task, (void *)fn, ctx);
}

/* ---- units ------------------------------------------------------------------------- */

#define DS_UNIT_SELECT "SELECT u.id, u.kind, " \
    "CASE u.kind WHEN 'province' THEN u.name WHEN 'commune' THEN coalesce(pa.name, '') ELSE coalesce(gp.name, '') END, " \
    "CASE u.kind WHEN 'commune' THEN u.name WHEN 'hamlet' THEN coalesce(pa.name, '') ELSE '' END, " \
    "CASE u.kind WHEN 'hamlet' THEN u.name ELSE '' END, " \
    "coalesce(u.district, CASE WHEN u.kind = 'hamlet' THEN pa.district END, ''), coalesce(u.commune_group, 0), " \
    "coalesce((SELECT k.label_vi FROM unit_status us JOIN status_kind k ON k.code = us.status " \
    "  WHERE us.unit_id = u.id ORDER BY us.id DESC LIMIT 1), ''), " \
    "coalesce(u.population, -1), coalesce(u.households, -1), u.uuid " \
    "FROM unit u LEFT JOIN unit pa ON pa.id = u.parent_id LEFT JOIN unit gp ON gp.id = pa.parent_id "

static int read_unit(ntm_db *db, sqlite3_stmt *st, void *fn, void *ctx)
{
    const char *k = txt(st, 1);
    ds_unit d = { .id = sqlite3_column_int64(st, 0), .kind = k[0] == 'p' ? 'p' : k[0] == 'c' ? 'c' : 'h',
                  .province = txt(st, 2), .commune = txt(st, 3), .hamlet = txt(st, 4), .district = txt(st, 5),
                  .group = sqlite3_column_int(st, 6), .status = txt(st, 7),
                  .population = sqlite3_column_int64(st, 8), .households = sqlite3_column_int64(st, 9),
                  .uuid = txt(st, 10) };
    unit_row u = { .id = d.id, .kind = d.kind };
    unit_counts c;
    int rc = unit_count_tasks(db, &u, &c);
    if (rc) return rc;
    d.tasks = c.total; d.done = c.done; d.overdue = c.overdue;
    return ((ds_unit_fn *)fn)(ctx, &d);
}

int ds_units(ntm_db *db, const ds_scope *s, ds_unit_fn *fn, void *ctx)
{
    const char *where = scope_where(s, "1", "(u.id = ?1 OR u.parent_id = ?1)", "u.id = ?2");
    sqlite3_stmt *st = prep(db, DS_UNIT_SELECT "WHERE u.active AND %s ORDER BY "
        "CASE u.kind WHEN 'province' THEN u.sort_key WHEN 'commune' THEN pa.sort_key ELSE gp.sort_key END, "
        "CASE u.kind WHEN 'province' THEN u.id WHEN 'commune' THEN pa.id ELSE gp.id END, "
        "CASE u.kind WHEN 'province' THEN '' WHEN 'commune' THEN u.sort_key ELSE pa.sort_key END, "
        "CASE u.kind WHEN 'province' THEN 0 WHEN 'commune' THEN u.id ELSE pa.id END, "
        "u.kind = 'hamlet', u.sort_key, u.id", where);
    bind_scope(st, s);
    return walk(db, st, NULL, 0, read_unit, (void *)fn, ctx);
}

int ds_units_ids(ntm_db *db, const int64_t *ids, int n, ds_unit_fn *fn, void *ctx)
{
    return walk(db, prep(db, "%s", DS_UNIT_SELECT "WHERE u.id = ?1"), ids, n, read_unit, (void *)fn, ctx);
}

/* ---- households ----------------------------------------------------------------------- */

#define DS_HH_SELECT "SELECT hh.id, c.name, h.name, hh.head_name, coalesce(hh.address, ''), coalesce(hh.note, ''), hh.uuid, " \
    "hh.model_garden, hh.three_clean, hh.septic_toilet, hh.wastewater_pit, hh.compost_pit, hh.bad_toilet, hh.poor, hh.official " \
    "FROM household hh JOIN unit h ON h.id = hh.hamlet_id JOIN unit c ON c.id = h.parent_id "

static int read_household(ntm_db *db, sqlite3_stmt *st, void *fn, void *ctx)
{
    ds_household d = { .id = sqlite3_column_int64(st, 0), .commune = txt(st, 1), .hamlet = txt(st, 2),
                       .head = txt(st, 3), .address = txt(st, 4), .note = txt(st, 5), .uuid = txt(st, 6) };
    for (int i = 0; i < HH_NFLAGS; i++)
        d.flags[i] = sqlite3_column_type(st, 7 + i) == SQLITE_NULL ? HH_UNKNOWN : sqlite3_column_int(st, 7 + i) ? HH_YES : HH_NO;
    return ((ds_household_fn *)fn)(ctx, &d);
}

int ds_households(ntm_db *db, const ds_scope *s, ds_household_fn *fn, void *ctx)
{
    const char *where = scope_where(s, "c.kind = 'commune'", "h.parent_id = ?1", "hh.hamlet_id = ?2");
    sqlite3_stmt *st = prep(db, DS_HH_SELECT "WHERE %s ORDER BY c.sort_key, c.id, h.sort_key, h.id, hh.sort_key, hh.id", where);
    bind_scope(st, s);
    return walk(db, st, NULL, 0, read_household, (void *)fn, ctx);
}

int ds_households_ids(ntm_db *db, const int64_t *ids, int n, ds_household_fn *fn, void *ctx)
{
    return walk(db, prep(db, "%s", DS_HH_SELECT "WHERE hh.id = ?1"), ids, n, read_household, (void *)fn, ctx);
}

/* ---- progress reports -------------------------------------------------------------- */

static int read_progress(ntm_db *db, sqlite3_stmt *st, void *fn, void *ctx)
{
    ds_progress d = { .id = sqlite3_column_int64(st, 0), .date = txt(st, 1), .code = txt(st, 2), .commune = txt(st, 3),
                      .hamlet = txt(st, 4), .task = txt(st, 5), .qty = sqlite3_column_double(st, 6),
                      .qty_unit = txt(st, 7), .note = txt(st, 8), .reporter = txt(st, 9), .entered_by = txt(st, 10),
                      .entered_at = txt(st, 11), .uuid = txt(st, 12), .task_uuid = txt(st, 13) };
    return ((ds_progress_fn *)fn)(ctx, &d);
}

int ds_progress_reports(ntm_db *db, const ds_scope *s, ds_progress_fn *fn, void *ctx)
{
    const char *where = scope_where(s, "c.kind = 'commune'", "t.commune_id = ?1", "t.hamlet_id = ?2");
    sqlite3_stmt *st = prep(db, "SELECT p.id, p.report_date, %s, c.name, coalesce(h.name, ''), t.title, p.qty, "
        "coalesce(t.qty_unit, ''), coalesce(p.note, ''), coalesce(p.reporter, ''), p.entered_by, "
        "coalesce(datetime(p.entered_at, 'localtime'), ''), p.uuid, t.uuid "
        "FROM progress p JOIN task t ON t.id = p.task_id JOIN unit c ON c.id = t.commune_id "
        "LEFT JOIN unit h ON h.id = t.hamlet_id WHERE %s ORDER BY c.sort_key, c.id, p.report_date, p.id",
        code_col(db), where);
    bind_scope(st, s);
    return walk(db, st, NULL, 0, read_progress, (void *)fn, ctx);
}

/* ---- criteria states ------------------------------------------------------------------ */

static int read_criterion(ntm_db *db, sqlite3_stmt *st, void *fn, void *ctx)
{
    const char *s = txt(st, 5), *o = txt(st, 6);
    ds_criterion d = { .commune = txt(st, 0), .hamlet = txt(st, 1), .set_code = txt(st, 2),
                       .number = sqlite3_column_int(st, 3), .name = txt(st, 4),
                       .status = !strcmp(s, "met") ? 'm' : !strcmp(s, "at_risk") ? 'r' : 'n',
                       .dossier = !strcmp(o, "in_progress") ? 'p' : !strcmp(o, "complete") ? 'c' : !strcmp(o, "appraised") ? 'a' : 0,
                       .owner = txt(st, 7), .date = txt(st, 8), .note = txt(st, 9), .uuid = txt(st, 10) };
    return ((ds_criterion_fn *)fn)(ctx, &d);
}

int ds_criteria(ntm_db *db, const ds_scope *s, ds_criterion_fn *fn, void *ctx)
{
    const char *where = scope_where(s, "1", "c.id = ?1", "u.id = ?2");
    sqlite3_stmt *st = prep(db, "SELECT c.name, CASE WHEN u.kind = 'hamlet' THEN u.name ELSE '' END, cs.code, cr.number, cr.name, "
        "coalesce(uc.status, ''), coalesce(uc.dossier, ''), "
        "coalesce(o.short_name, o.name, '') || CASE WHEN o.id IS NOT NULL AND p.id IS NOT NULL THEN ', ' ELSE '' END || coalesce(p.full_name, ''), "
        "coalesce(uc.status_date, ''), coalesce(uc.note, ''), coalesce(uc.uuid, '') "
        "FROM unit c JOIN criteria_set cs ON cs.id = c.criteria_set_id "
        "JOIN unit u ON u.id = c.id OR (u.parent_id = c.id AND u.active) "
        "JOIN criterion cr ON cr.set_id = cs.id "
        "LEFT JOIN unit_criterion uc ON uc.unit_id = u.id AND uc.criterion_id = cr.id "
        "LEFT JOIN org o ON o.id = uc.owner_org_id LEFT JOIN person p ON p.id = uc.owner_person_id "
        "WHERE c.kind = 'commune' AND c.active AND %s "
        "ORDER BY c.sort_key, c.id, u.kind = 'hamlet', u.sort_key, u.id, cr.number", where);
    bind_scope(st, s);
    return walk(db, st, NULL, 0, read_criterion, (void *)fn, ctx);
}
