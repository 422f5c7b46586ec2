/* cli_export: `ntm export KIND [--commune X] [--hamlet Y] [--state S] [-o FILE]`, for
 * people and for cron: no prompt ever, the path written on stdout, a message on stderr
 * and exit status 1 on an error, 2 on a usage error. Without -o the file goes to
 * [output] pdf_dir under a dated name that never replaces an earlier export (-2, -3...). */
#include "tui/cli/cli.h"
#include "model/db.h"
#include "model/filter.h"
#include "model/i18n.h"
#include "model/unit.h"
#include "reports/export_data.h"
#include <stdio.h>
#include <string.h>

typedef struct { const char *kind, *commune, *hamlet, *state, *out, *format; } export_args;

static int usage(const char *fmt, const char *arg)
{
    fprintf(stderr, "ntm: export: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n%s\n", _("Cách dùng: ntm export tasks|units|households|progress|criteria [--commune TÊN|ID] "
                                "[--hamlet TÊN|ID] [--state open|done|overdue|due7|cancelled] [-o TỆP.csv|TỆP.xlsx]"));
    return 2;
}

static int parse(const cli_opts *o, export_args *a)
{
    memset(a, 0, sizeof *a);
    for (int i = 1; i < o->argc; i++) {
        const char *k = o->argv[i];
        const char **slot = !strcmp(k, "--commune") ? &a->commune : !strcmp(k, "--hamlet") ? &a->hamlet
                          : !strcmp(k, "--state") ? &a->state : !strcmp(k, "--format") ? &a->format
                          : (!strcmp(k, "-o") || !strcmp(k, "--output")) ? &a->out : NULL;
        if (!slot && k[0] != '-' && !a->kind) { a->kind = k; continue; }
        if (!slot) return usage(_("tùy chọn không biết: %s"), k);
        if (i + 1 >= o->argc) return usage(_("%s cần một giá trị"), k);
        *slot = o->argv[++i];
    }
    if (!a->kind) return usage("%s", _("thiếu loại dữ liệu"));
    if (export_kind_of(a->kind) < 0) return usage(_("loại dữ liệu không biết: %s"), a->kind);
    if (a->out && export_format_of(a->out) == EXPORT_FMT_NONE)
        return usage(_("%s: tên tệp phải kết thúc bằng .csv hoặc .xlsx"), a->out);
    if (a->format && strcmp(a->format, "csv") && strcmp(a->format, "xlsx"))
        return usage(_("--format: csv hoặc xlsx, không phải %s"), a->format);
    if (a->state && export_kind_of(a->kind) != EXPORT_TASKS)
        return usage("%s", _("--state chỉ dùng cho tasks"));
    return 0;
}

static int state_of(const char *s)
{
    static const char *const names[TQ_NSTATES] = { [TQ_ALL] = "all", [TQ_OPEN] = "open", [TQ_DONE] = "done",
        [TQ_OVERDUE] = "overdue", [TQ_DUE7] = "due7", [TQ_CANCELLED] = "cancelled" };
    for (int i = 0; s && i < TQ_NSTATES; i++)
        if (!strcmp(s, names[i])) return i;
    return s ? -1 : TQ_ALL;
}

/* --commune and --hamlet (names without accents, or ids) into the scope. */
static int resolve(ntm_db *db, const export_args *a, ds_scope *s)
{
    if (a->commune && unit_find(db, 'c', 0, a->commune, &s->commune_id)) return -1;
    if (a->hamlet && unit_find(db, 'h', s->commune_id, a->hamlet, &s->hamlet_id)) return -1;
    if (s->hamlet_id && !s->commune_id) {
        unit_row h;
        if (unit_get(db, s->hamlet_id, &h)) return -1;
        s->commune_id = h.parent_id;
    }
    return 0;
}

int cli_export(const cli_opts *o, ntm_config *cfg)
{
    export_args a;
    int rc = parse(o, &a);
    if (rc) return rc;
    int kind = export_kind_of(a.kind);
    ds_scope s = { .state = state_of(a.state) };
    if (s.state < 0) return usage(_("--state không biết: %s"), a.state);
    ntm_db *db;
    char err[2048], path[NTM_PATH_MAX];
    if (!(db = cli_open_db(cfg, 0))) return 1;
    if (resolve(db, &a, &s)) { fprintf(stderr, "ntm: %s\n", db_errmsg(db)); db_close(db); return 1; }
    int flags = 0;
    if (!a.out) {
        const char *fmt = a.format ? a.format : cfg->export_format;
        if (export_default_path(db, cfg, kind, &s, !strcmp(fmt, "csv") ? EXPORT_FMT_CSV : EXPORT_FMT_XLSX,
                                path, sizeof path)) {
            fprintf(stderr, "ntm: %s\n", _("tên tệp mặc định quá dài; hãy dùng -o"));
            db_close(db);
            return 1;
        }
        a.out = path;
        flags = EXPORT_UNIQUE;
    }
    export_result res;
    rc = export_dataset(db, kind, &s, a.out, flags, &res, err, sizeof err);
    db_close(db);
    if (rc) { fprintf(stderr, "ntm: %s\n", err); return 1; }
    printf("%s\n", res.path);
    return 0;
}
