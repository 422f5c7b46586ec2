/* cli_tour: `ntm tours`, `ntm report route`, `ntm report tour-summary`. */
#include "tui/cli/cli.h"
#include "model/date.h"
#include "model/db.h"
#include "model/i18n.h"
#include "model/tour.h"
#include "reports/print_cmd.h"
#include "reports/route_sheet.h"
#include "reports/tour_summary.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int open_db(const ntm_config *cfg, ntm_db **db)
{
    char err[1024];
    if (db_open(db, cfg->db_path, 0, cfg->busy_timeout_ms, err, sizeof err) != DB_OK) {
        fprintf(stderr, "ntm: %s\n", err);
        return 1;
    }
    return 0;
}

/* printf's %-10s counts bytes; Vietnamese letters take 2-3 bytes but one column. */
static void col(const char *s, int width, int right)
{
    int w = 0;
    for (const char *p = s; *p; p++) w += ((unsigned char)*p & 0xC0) != 0x80;
    if (right) printf("%*s%s ", width > w ? width - w : 0, "", s);
    else printf("%s%*s ", s, width > w ? width - w : 0, "");
}

static void num(int v, int width)
{
    char b[16];
    snprintf(b, sizeof b, "%d", v);
    col(b, width, 1);
}

int cli_tours(const cli_opts *o, ntm_config *cfg)
{
    ntm_db *db;
    if (o->argc > 1) { fprintf(stderr, "ntm: %s\n", _("tours không nhận đối số")); return 2; }
    if (open_db(cfg, &db)) return 1;
    tour_row *v; int n;
    if (tour_list(db, 0, &v, &n)) { fprintf(stderr, "ntm: %s\n", db_errmsg(db)); db_close(db); return 1; }
    col("ID", 5, 0); col(_("NGÀY"), 10, 0); col(_("XÃ"), 14, 0);
    col(_("ĐIỂM"), 5, 1); col(_("MỤC"), 6, 1); col(_("ĐẠT"), 5, 1);
    col(_("CHƯA ĐẠT"), 8, 1); printf("%s\n", _("TÊN"));
    for (int i = 0; i < n; i++) {
        char d[11], id[24];
        date_show(v[i].date, d);
        snprintf(id, sizeof id, "%lld", (long long)v[i].id);
        col(id, 5, 0); col(d[0] ? d : "-", 10, 0); col(v[i].commune, 14, 0);
        num(v[i].n_stops, 5); num(v[i].n_checks, 6); num(v[i].n_pass, 5); num(v[i].n_fail, 8);
        printf("%s\n", v[i].name);
    }
    free(v);
    db_close(db);
    return 0;
}

/* report route|tour-summary --tour NAME|ID [-o FILE] [--compact] [--print] */
int cli_report_tour(const cli_opts *o, ntm_config *cfg, int summary)
{
    const char *tour = NULL, *out = NULL;
    int compact = 0, print = 0;
    for (int i = 2; i < o->argc; i++) {
        const char *k = o->argv[i];
        if (!strcmp(k, "--compact") && !summary) compact = 1;
        else if (!strcmp(k, "--print")) print = 1;
        else if ((!strcmp(k, "--tour") || !strcmp(k, "-o") || !strcmp(k, "--output")) && i + 1 < o->argc)
            *(!strcmp(k, "--tour") ? &tour : &out) = o->argv[++i];
        else { fprintf(stderr, _("ntm: report: tùy chọn không biết hoặc thiếu giá trị: %s\n"), k); return 2; }
    }
    if (!tour) { fprintf(stderr, "ntm: %s\n", _("cần --tour TÊN|ID (xem: ntm tours)")); return 2; }
    ntm_db *db;
    if (open_db(cfg, &db)) return 1;
    int64_t id;
    char path[NTM_PATH_MAX], err[1024];
    int rc = tour_find(db, tour, &id);
    if (rc) { fprintf(stderr, "ntm: %s\n", db_errmsg(db)); db_close(db); return 1; }
    if (!out) {
        rc = summary ? report_tour_summary_path(db, cfg, id, path, sizeof path)
                     : report_route_sheet_path(db, cfg, id, compact, path, sizeof path);
        out = path;
    }
    rc = summary ? report_tour_summary(db, cfg, id, out, err, sizeof err)
                 : report_route_sheet(db, cfg, id, compact, out, err, sizeof err);
    db_close(db);
    if (rc) { fprintf(stderr, "ntm: %s\n", err); return 1; }
    printf("%s\n", out);
    if (print) {
        rc = report_print(cfg, out, err, sizeof err);
        fprintf(stderr, "ntm: %s\n", err);
        if (rc < 0) return 1;
    }
    return 0;
}
