/* cli_criteria: `ntm criteria [--set CODE]`: the criteria sets with their labels and how
 * much of each is entered (criteria, indicators against the counts their decisions
 * declare); with --set, that set's criteria and indicators with their targets per
 * commune group, so an office can check an import against the decision's annex. */
#include "tui/cli/cli.h"
#include "model/criteria.h"
#include "model/date.h"
#include "model/db.h"
#include "model/i18n.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* "10/10 tiêu chí, 0/47 chỉ tiêu" (a declared count unknown: just what is entered). */
static void entered(const criteria_set_rec *s, char *out, size_t n)
{
    char c[32], i[32];
    if (s->criteria_count >= 0) snprintf(c, sizeof c, "%d/%d", s->n_criteria, s->criteria_count);
    else snprintf(c, sizeof c, "%d", s->n_criteria);
    if (s->indicator_count >= 0) snprintf(i, sizeof i, "%d/%d", s->n_indicators, s->indicator_count);
    else snprintf(i, sizeof i, "%d", s->n_indicators);
    snprintf(out, n, _("đã nhập %s tiêu chí, %s chỉ tiêu"), c, i);
}

static void print_targets(const indicator_rec *d)
{
    static const char *const group[3] = { "1", "2", "3" };
    int any = 0;
    printf("        ");
    if (d->target_all[0]) { printf(_("Chung: %s"), d->target_all); any = 1; }
    for (int g = 0; g < 3; g++) {
        if (!d->target[g][0]) continue;
        printf("%s", any ? "  ·  " : "");
        printf(_("Nhóm %s: %s"), group[g], d->target[g]);
        any = 1;
    }
    if (d->n_regional) printf(_("%s(%d mức theo vùng)"), any ? "  ·  " : "", d->n_regional), any = 1;
    if (!any) printf("%s", _("(chưa có mức đạt)"));
    printf("\n");
}

static int print_set(ntm_db *db, const criteria_set_rec *s)
{
    char when[11], force[11], count[120];
    date_show(s->decision_date, when);
    date_show(s->in_force, force);
    entered(s, count, sizeof count);
    printf("%s\n%s\n", s->label, s->name);
    printf(_("Mã %s; cấp %s; %s%s%s%s%s\n"), s->code, criteria_level_label(s->level),
           s->issuer[0] ? s->issuer : _("(chưa ghi cơ quan ban hành)"),
           when[0] ? _(", ngày ") : "", when, force[0] ? _("; hiệu lực từ ") : "", force);
    printf("%s\n", count);
    criterion_rec *c = NULL;
    indicator_rec *d = NULL;
    int nc = 0, nd = 0;
    if (criteria_of_set(db, s->id, &c, &nc) || criteria_indicators(db, s->id, &d, &nd)) {
        free(c);
        fprintf(stderr, "ntm: %s\n", db_errmsg(db));
        return 1;
    }
    for (int i = 0, k = 0; i < nc; i++) {
        printf("\n%d. %s\n", c[i].number, c[i].name);
        for (; k < nd && d[k].criterion_id == c[i].id; k++) {
            printf("    %s  %s%s%s%s\n", d[k].code, d[k].name, d[k].measure[0] ? " (" : "", d[k].measure, d[k].measure[0] ? ")" : "");
            print_targets(&d[k]);
        }
    }
    free(c);
    free(d);
    return 0;
}

int cli_criteria(const cli_opts *o, ntm_config *cfg)
{
    const char *want = NULL;
    for (int i = 1; i < o->argc; i++) {
        if (!strcmp(o->argv[i], "--set") && i + 1 < o->argc) want = o->argv[++i];
        else { fprintf(stderr, "ntm: %s: %s\n%s\n", _("criteria: tùy chọn không biết"),
                       o->argv[i], _("Xem: ntm --help")); return 2; }
    }
    ntm_db *db;
    if (!(db = cli_open_db(cfg, 0))) return 1;
    criteria_set_rec *v = NULL;
    int n = 0, rc = criteria_sets(db, &v, &n) ? 1 : 0, found = 0;
    if (rc) fprintf(stderr, "ntm: %s\n", db_errmsg(db));
    for (int i = 0; !rc && i < n; i++) {
        if (want) {
            if (strcasecmp(want, v[i].code) && atoll(want) != v[i].id) continue;
            found = 1;
            rc = print_set(db, &v[i]);
            continue;
        }
        char count[120];
        entered(&v[i], count, sizeof count);
        printf("%-16s %s\n%-16s %s\n%-16s %s\n", v[i].code, v[i].label, "", v[i].name, "", count);
    }
    if (!rc && want && !found) {
        fprintf(stderr, _("ntm: không có bộ tiêu chí mã \"%s\" (xem: ntm criteria)\n"), want);
        rc = 1;
    }
    if (!rc && !want && !n) printf("%s\n", _("Chưa có bộ tiêu chí nào (nhập bằng: ntm import criteria TỆP.csv)"));
    free(v);
    db_close(db);
    return rc;
}
