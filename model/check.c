/* check: integrity_check, foreign_key_check and the tallies, each problem in words. */
#include "model/check.h"
#include "model/db_internal.h"
#include "model/i18n.h"
#include <stdio.h>
#include <string.h>

#define SHOWN 20

#define PROGRESS_OF "CASE WHEN status = 'done' THEN 1.0 WHEN target_qty > 0 THEN min(done_qty / target_qty, 1.0) ELSE 0 END"

/* Each check: its name, the query (each row a problem), how a row reads. */
typedef struct {
    const char *name;
    const char *sql;
    void (*say)(sqlite3_stmt *st, char *out, size_t n);
    const char *fix;                 /* what to do when it finds something (a msgid) */
} check_def;

static const char *col(sqlite3_stmt *st, int i)
{
    const char *s = (const char *)sqlite3_column_text(st, i);
    return s ? s : "";
}

static void say_integrity(sqlite3_stmt *st, char *out, size_t n) { snprintf(out, n, "%s", col(st, 0)); }

static void say_fk(sqlite3_stmt *st, char *out, size_t n)
{
    snprintf(out, n, _("bảng %s, dòng %s: trỏ tới một dòng không có trong bảng %s"), col(st, 0), col(st, 1), col(st, 2));
}

static void say_done(sqlite3_stmt *st, char *out, size_t n)
{
    snprintf(out, n, _("đầu việc số %s (%s): đã làm %g, tổng các báo cáo %g"),
             col(st, 0), col(st, 1), sqlite3_column_double(st, 2), sqlite3_column_double(st, 3));
}

static void say_tally(sqlite3_stmt *st, char *out, size_t n)
{
    snprintf(out, n, _("xã %s, thôn %s, trạng thái %s: ghi %s việc (tiến độ %.4f), đếm lại %s việc (%.4f)"),
             col(st, 0), col(st, 1), col(st, 2), sqlite3_column_type(st, 3) == SQLITE_NULL ? "0" : col(st, 3),
             sqlite3_column_double(st, 4), sqlite3_column_type(st, 5) == SQLITE_NULL ? "0" : col(st, 5),
             sqlite3_column_double(st, 6));
}

static void say_month(sqlite3_stmt *st, char *out, size_t n)
{
    snprintf(out, n, _("xã %s, tháng %s: ghi %s việc đang mở, đếm lại %s"),
             col(st, 0), col(st, 1), sqlite3_column_type(st, 2) == SQLITE_NULL ? "0" : col(st, 2),
             sqlite3_column_type(st, 3) == SQLITE_NULL ? "0" : col(st, 3));
}

static const check_def CHECKS[] = {
    { "integrity_check", "SELECT * FROM pragma_integrity_check(100) WHERE integrity_check <> 'ok'", say_integrity,
      N_("khôi phục từ bản sao lưu: ntm restore TỆP") },
    { "foreign_key_check", "SELECT \"table\", rowid, parent FROM pragma_foreign_key_check", say_fk,
      N_("sửa hoặc xóa các dòng đó (sqlite3), rồi chạy lại ntm check") },
    { "task.done_qty", "SELECT t.id, t.title, t.done_qty, coalesce(p.s, 0) FROM task t "
      "LEFT JOIN (SELECT task_id, total(qty) s FROM progress GROUP BY task_id) p ON p.task_id = t.id "
      "WHERE abs(t.done_qty - coalesce(p.s, 0)) > 1e-6", say_done,
      N_("tính lại: ntm reindex") },
    { "task_tally",
      "WITH r AS (SELECT commune_id c, coalesce(hamlet_id, 0) h, status s, count(*) n, total(" PROGRESS_OF ") p FROM task GROUP BY 1, 2, 3), "
      "k AS (SELECT commune_id c, hamlet_id h, status s, n, progress + progress_lo p FROM task_tally) "
      "SELECT r.c, r.h, r.s, k.n, k.p, r.n, r.p FROM r LEFT JOIN k USING (c, h, s) WHERE k.n IS NOT r.n OR abs(r.p - k.p) > 1e-6 "
      "UNION ALL SELECT k.c, k.h, k.s, k.n, k.p, NULL, 0 FROM k LEFT JOIN r USING (c, h, s) WHERE r.n IS NULL", say_tally,
      N_("tính lại: ntm reindex") },
    { "task_open_month",
      "WITH r AS (SELECT commune_id c, coalesce(substr(deadline, 1, 7), '~') m, count(*) n FROM task WHERE status = 'open' GROUP BY 1, 2), "
      "k AS (SELECT commune_id c, month m, n FROM task_open_month) "
      "SELECT r.c, r.m, k.n, r.n FROM r LEFT JOIN k USING (c, m) WHERE k.n IS NOT r.n "
      "UNION ALL SELECT k.c, k.m, k.n, NULL FROM k LEFT JOIN r USING (c, m) WHERE r.n IS NULL", say_month,
      N_("tính lại: ntm reindex") },
};

static int run_one(ntm_db *db, const check_def *c, check_out out, void *ctx)
{
    sqlite3_stmt *st;
    char line[1200], what[1000];
    int rc = sqlite3_prepare_v2(db->h, c->sql, -1, &st, NULL), found = 0;
    if (rc != SQLITE_OK) return db_sqlite_error(db, rc);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (++found > SHOWN) continue;
        c->say(st, what, sizeof what);
        snprintf(line, sizeof line, "%s: %s", c->name, what);
        out(ctx, 1, line);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        /* a damaged page stops the scan: that is the finding */
        snprintf(line, sizeof line, "%s: %s", c->name, sqlite3_errstr(rc));
        out(ctx, 1, line);
        found++;
    }
    if (found > SHOWN) {
        snprintf(line, sizeof line, _("%s: ... và %d vấn đề nữa"), c->name, found - SHOWN);
        out(ctx, 1, line);
    }
    if (found) snprintf(line, sizeof line, _("%s: %d vấn đề; cách sửa: %s"),
                        c->name, found, _(c->fix));
    else snprintf(line, sizeof line, "%s: ok", c->name);
    out(ctx, found > 0, line);
    return found;
}

int db_check(ntm_db *db, check_out out, void *ctx)
{
    int problems = 0;
    for (size_t i = 0; i < sizeof CHECKS / sizeof CHECKS[0]; i++) {
        int rc = run_one(db, &CHECKS[i], out, ctx);
        if (rc < 0) return rc;
        problems += rc;
    }
    return problems;
}
