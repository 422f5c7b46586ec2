/* cli_period: `ntm report weekly|monthly|daily|criteria`, made for cron (seed 001: the
 * Friday report; seed 004: every day at 15:30): no prompt ever, the written file's path
 * alone on stdout, messages on stderr, exit 0 written, 1 error (unknown unit: its
 * candidates listed; database; writing), 2 usage (bad option, bad date or week).
 * Without -o the file is a new name in [output] pdf_dir that no earlier run took. */
#include "tui/cli/cli.h"
#include "model/date.h"
#include "model/db.h"
#include "model/i18n.h"
#include "model/period_report.h"
#include "model/unit.h"
#include "reports/criteria_report.h"
#include "reports/period_report.h"
#include "reports/print_cmd.h"
#include "reports/report_common.h"
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    int what;                    /* RP_WEEK, RP_MONTH, RP_DAY, or 'c' criteria */
    const char *commune, *province, *week, *year, *month, *from, *to, *date, *out;
    int print;
} period_args;

static int usage(const char *fmt, const char *arg)
{
    fprintf(stderr, "ntm: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n%s\n", _("Xem: ntm --help"));
    return 2;
}

static int parse(const cli_opts *o, period_args *a)
{
    static const struct { const char *name; size_t off; } opts[] = {
        { "--commune", offsetof(period_args, commune) }, { "--province", offsetof(period_args, province) },
        { "--week", offsetof(period_args, week) }, { "--year", offsetof(period_args, year) },
        { "--month", offsetof(period_args, month) }, { "--from", offsetof(period_args, from) },
        { "--to", offsetof(period_args, to) }, { "--date", offsetof(period_args, date) },
        { "-o", offsetof(period_args, out) }, { "--output", offsetof(period_args, out) },
    };
    const char *kind = o->argv[1];
    memset(a, 0, sizeof *a);
    a->what = !strcmp(kind, "weekly") ? RP_WEEK : !strcmp(kind, "monthly") ? RP_MONTH : !strcmp(kind, "daily") ? RP_DAY : 'c';
    for (int i = 2; i < o->argc; i++) {
        const char *k = o->argv[i];
        if (!strcmp(k, "--print")) { a->print = 1; continue; }
        const char **slot = NULL;
        for (size_t j = 0; j < sizeof opts / sizeof opts[0]; j++)
            if (!strcmp(k, opts[j].name)) slot = (const char **)((char *)a + opts[j].off);
        if (!slot) return usage(_("report: tùy chọn không biết: %s"), k);
        if (i + 1 >= o->argc) return usage(_("%s cần một giá trị"), k);
        *slot = o->argv[++i];
    }
    if (!a->commune == !a->province)
        return usage("%s", _("cần --commune TÊN hoặc --province TÊN (một trong hai)"));
    int periods = !!a->week + !!a->month + !!(a->from || a->to) + !!a->date;
    if (a->what == 'c' && (periods || a->year)) return usage("%s", _("report criteria không nhận kỳ báo cáo"));
    if (periods > 1) return usage("%s", _("chỉ chọn một cách nêu kỳ: --week, --month, --from/--to hoặc --date"));
    if ((a->week && a->what != RP_WEEK) || (a->month && a->what != RP_MONTH) || (a->year && !a->week))
        return usage("%s", _("--week (và --year) cho báo cáo tuần, --month cho báo cáo tháng"));
    if (!a->from != !a->to) return usage("%s", _("--from và --to đi cùng nhau"));
    return 0;
}

/* A date as typed (dd/mm/yyyy...) into iso; the message of model/date.h when bad. */
static int day_arg(const char *opt, const char *in, const char *today, char iso[11])
{
    int rc = date_parse(in, today, iso);
    if (rc == DATE_OK) return 0;
    fprintf(stderr, "ntm: %s %s: %s\n", opt, in, date_error(rc));
    return 2;
}

static int number(const char *s, int lo, int hi, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < lo || v > hi) return -1;
    *out = (int)v;
    return 0;
}

static int period_of(const period_args *a, const char *today, report_period *p)
{
    char day[11];
    if (a->from) {
        memset(p, 0, sizeof *p);
        p->kind = RP_CUSTOM;
        if (day_arg("--from", a->from, today, p->from) || day_arg("--to", a->to, today, p->to)) return 2;
        if (strcmp(p->from, p->to) > 0) return usage("%s", _("--from sau --to"));
        return 0;
    }
    if (a->week) {
        int y, w, yy = 0;
        period_week_of(today, &y, &w);
        if (a->year && number(a->year, 1900, 9998, &yy)) return usage(_("--year: năm không hợp lệ: %s"), a->year);
        if (yy) y = yy;
        memset(p, 0, sizeof *p);
        p->kind = RP_WEEK;
        if (number(a->week, 1, 53, &w) || period_week_range(y, w, p->from, p->to))
            return usage(_("--week: không có tuần này trong năm: %s (tuần 1-52, có năm 53)"), a->week);
        return 0;
    }
    if (a->month) {
        int m, y;
        const char *slash = strchr(a->month, '/');
        char mm[8];
        snprintf(mm, sizeof mm, "%.*s", slash ? (int)(slash - a->month) : 0, a->month);
        memset(p, 0, sizeof *p);
        p->kind = RP_MONTH;
        if (!slash || number(mm, 1, 12, &m) || number(slash + 1, 1900, 9998, &y) || period_month_range(y, m, p->from, p->to))
            return usage(_("--month: cần tháng/năm, ví dụ 6/2022: %s"), a->month);
        return 0;
    }
    if (a->date && day_arg("--date", a->date, today, day)) return 2;
    report_period_of(a->what, a->date ? day : today, p);
    return 0;
}

int cli_report_period(const cli_opts *o, ntm_config *cfg)
{
    period_args a;
    int rc = parse(o, &a);
    if (rc) return rc;
    ntm_db *db;
    char err[2048], path[NTM_PATH_MAX];
    if (!(db = cli_open_db(cfg, 0))) return 1;
    report_period p;
    memset(&p, 0, sizeof p);
    if (a.what != 'c' && (rc = period_of(&a, db_today(db), &p))) { db_close(db); return rc; }
    int64_t unit = 0;
    if (unit_find(db, a.commune ? 'c' : 'p', 0, a.commune ? a.commune : a.province, &unit)) {
        fprintf(stderr, "ntm: %s\n", db_errmsg(db));
        db_close(db);
        return 1;
    }
    const char *out = a.out;
    if (!out) {
        rc = a.what == 'c' ? report_criteria_path(db, cfg, unit, path, sizeof path)
                           : report_period_path(db, cfg, unit, &p, path, sizeof path);
        if (rc) {
            fprintf(stderr, "ntm: %s\n", _("Không đặt được tên tệp trong [output] pdf_dir (đường dẫn quá dài, không có quyền ghi, hoặc đã có 999 tệp cùng tên)"));
            db_close(db);
            return 1;
        }
        out = path;
    }
    rc = a.what == 'c' ? report_criteria_write(db, cfg, unit, out, err, sizeof err)
                       : report_period_write(db, cfg, unit, &p, out, err, sizeof err);
    db_close(db);
    if (rc) {
        if (!a.out) report_output_drop(out);
        fprintf(stderr, "ntm: %s\n", err);
        return 1;
    }
    printf("%s\n", out);
    if (a.print) {
        rc = report_print(cfg, out, err, sizeof err);
        fprintf(stderr, "ntm: %s\n", err);
        if (rc < 0) return 1;
    }
    return 0;
}
