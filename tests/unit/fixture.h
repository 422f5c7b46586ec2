/* fixture: what the unit tests share: a temp folder with the demo database in it, its
 * removal, one-value SQL queries, a clock, and what the reports tests share (defined
 * when config/config.h, tests/pdf/pdftext.h, model/tour.h were included first). Header-only (static inline), since
 * the Makefile builds each tests/unit/test_*.c on its own. */
#ifndef NTM_TEST_FIXTURE_H
#define NTM_TEST_FIXTURE_H
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "model/db.h"
#include "model/demo.h"

/* mkdtemp "/tmp/ntm-<tag>-XXXXXX" into dir, and path = dir/<file>. 0, or -1. */
static inline int fx_tempdir(char *dir, size_t dn, const char *tag, char *path, size_t pn, const char *file)
{
    snprintf(dir, dn, "/tmp/ntm-%s-XXXXXX", tag);
    if (!mkdtemp(dir)) return -1;
    if (path) snprintf(path, pn, "%s/%s", dir, file);
    return 0;
}

/* The same with the demo database written at path (error printed). 0, or -1. */
static inline int fx_demo(char *dir, size_t dn, const char *tag, char *path, size_t pn, const char *file,
                          char *err, size_t en)
{
    if (fx_tempdir(dir, dn, tag, path, pn, file)) return -1;
    if (demo_create(path, err, en)) { fprintf(stderr, "%s\n", err); return -1; }
    return 0;
}

/* Remove the temp folder (made writable first), or keep it when NTM_KEEP_TEST_DIR is set,
 * to look at. system()'s status: 0 when removed. */
static inline int fx_rmdir(const char *dir)
{
    char cmd[256];
    if (getenv("NTM_KEEP_TEST_DIR")) { printf("    kept %s\n", dir); return 0; }
    snprintf(cmd, sizeof cmd, "chmod -R u+w %s; rm -rf %s", dir, dir);
    return system(cmd);
}

/* One-value queries, printf-style. On an SQL error: printed, and the value is -999
 * (numbers) or "?" (text); no row: -999 or "". */
static inline sqlite3_stmt *fx_prepare(sqlite3 *h, const char *fmt, va_list ap)
{
    char sql[4096];
    vsnprintf(sql, sizeof sql, fmt, ap);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK) return st;
    fprintf(stderr, "%s: %s\n", sql, sqlite3_errmsg(h));
    return NULL;
}

static inline long long fx_sql_ll(sqlite3 *h, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sqlite3_stmt *st = fx_prepare(h, fmt, ap);
    va_end(ap);
    long long v = -999;
    if (st && sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static inline double fx_sql_d(sqlite3 *h, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sqlite3_stmt *st = fx_prepare(h, fmt, ap);
    va_end(ap);
    double v = -999;
    if (st && sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_double(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* malloc'd; the caller frees it. */
static inline char *fx_sql_str(sqlite3 *h, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sqlite3_stmt *st = fx_prepare(h, fmt, ap);
    va_end(ap);
    if (!st) return strdup("?");
    char *out = NULL;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)) out = strdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return out ? out : strdup("");
}

static inline double fx_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

#ifdef NTM_CONFIG_H
/* The A4 text area (Nghị định 30 margins: 30 mm left, 15 right, 20 top and bottom). */
#define A4_LEFT 85.04
#define A4_TOP 56.69
#define A4_RIGHT (595.28 - 42.52)
#define A4_BOTTOM (841.89 - 56.69)

/* Default settings, PDFs written to dir/pdf, the two heading lines of the issuing body. */
static inline void fx_report_config(ntm_config *c, const char *dir, const char *body1, const char *body2)
{
    config_defaults(c);
    snprintf(c->pdf_dir, sizeof c->pdf_dir, "%s/pdf", dir);
    snprintf(c->body1, sizeof c->body1, "%s", body1);
    snprintf(c->body2, sizeof c->body2, "%s", body2);
}
#endif

#if defined(CMOCKA_H_) && defined(NTM_TEST_PDFTEXT_H)
#include <sys/stat.h>
/* A report was written (rc 0, else err printed) to path: the file is there; its size,
 * pages and the time it took (ms) printed. */
static inline void fx_report_written(int rc, const char *err, const char *path, double ms)
{
    if (rc) fprintf(stderr, "error: %s\n", err);
    assert_int_equal(rc, 0);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    printf("    %s: %lld bytes, %d page(s), %.1f ms\n", strrchr(path, '/') + 1, (long long)st.st_size,
           pt_pages(path), ms);
}
#endif

#if defined(CMOCKA_H_) && defined(NTM_DASHBOARD_H)
/* The ranking rule of the dashboard and the papers (model/period_report.h), asserted on
 * two neighbours a (above) and b of a ranked list, from the numbers alone: units with
 * tasks first; then progress as printed (tenths of a percent), higher first; then fewer
 * overdue; then the name in Vietnamese order (unit.sort_key). */
static inline void fx_assert_ranked(sqlite3 *h, const dash_rank *a, const dash_rank *b)
{
    long pa = (long)(a->c.progress * 1000.0 + 0.5), pb = (long)(b->c.progress * 1000.0 + 0.5);
    int tie = 0;
    if (!a->c.total) { assert_int_equal(b->c.total, 0); tie = 1; }          /* unranked: by name */
    else if (b->c.total) {
        assert_true(pa >= pb);
        if (pa == pb) { assert_true(a->c.overdue <= b->c.overdue); tie = a->c.overdue == b->c.overdue; }
    }
    if (!tie) return;
    char *ka = fx_sql_str(h, "SELECT sort_key FROM unit WHERE id = %lld", (long long)a->id);
    char *kb = fx_sql_str(h, "SELECT sort_key FROM unit WHERE id = %lld", (long long)b->id);
    assert_true(strcmp(ka, kb) < 0);
    free(ka); free(kb);
}
#endif

#ifdef NTM_TOUR_H
/* The twelve stops of the demo's Sơn Kim 2 tour, in its order: an initializer. */
#define FX_SK2_STOPS {                                                                       \
    "Cầu tràn Kim Bình", "Nhà vườn anh Huỳnh", "Mô hình chăn nuôi hươu anh Hải Giang",       \
    "Nhà vườn anh Vị", "Nhà vườn anh Thức", "Nhà văn hóa thôn Chế Biền",                     \
    "Nhà văn hóa thôn Thượng Kim", "Trường Mầm non Thượng Kim", "Nhà văn hóa thôn Làng Chè", \
    "Cầu Đá", "Khu dân cư Tiên Phong", "Đồng chè Đượng Dâu",                                 \
}
/* The demo's Sơn Kim 2 tour (seed 004) and its commune. 0, or -1 (error printed). */
static inline int fx_demo_tour(ntm_db *db, int64_t *tour, int64_t *commune)
{
    if (tour_find(db, "son kim 2", tour) != DB_OK) { fprintf(stderr, "%s\n", db_errmsg(db)); return -1; }
    if (!commune) return 0;
    tour_full t;
    if (tour_load(db, *tour, &t) != DB_OK) return -1;
    *commune = t.t.commune_id;
    tour_free(&t);
    return 0;
}
#endif
#endif
