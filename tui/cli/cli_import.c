/* cli_import: `ntm import hamlets|households|tasks|criteria FILE.csv|FILE.xlsx
 * [--commune X] [--dry-run]`. No prompts: the summary to stdout ("Thêm 12, sửa 3, giữ nguyên 1485"),
 * with --dry-run first the lines that would be added and the fields that would change;
 * warnings and errors to stderr, one per line. Exit 0 imported, 1 refused (nothing
 * written), 2 usage. */
#include "tui/cli/cli.h"
#include "model/db.h"
#include "model/i18n.h"
#include "model/import.h"
#include "model/unit.h"
#include "reports/table_read.h"
#include <stdio.h>
#include <string.h>

static int usage(const char *what)
{
    fprintf(stderr, "ntm: %s\n%s\n", what,
            _("Cách dùng: ntm import hamlets|households|tasks|criteria TỆP.csv|TỆP.xlsx [--commune XÃ] [--dry-run]"));
    return 2;
}

static int feed(void *job, long line, int n, const char *const *cells) { return import_row(job, line, n, cells); }

static void print_all(const import_job *j, int which, FILE *out, const char *prefix)
{
    for (int i = 0; i < import_count(j, which); i++) fprintf(out, "%s%s\n", prefix, import_message(j, which, i));
}

/* Read, check, write; the exit status. */
static int run(ntm_db *db, int kind, int64_t commune, const char *file, int dry_run)
{
    char err[2048], sum[160];
    import_job *j = import_new(db, kind, commune);
    if (!j) { fprintf(stderr, "ntm: %s\n", _("hết bộ nhớ")); return 1; }
    if (table_read(file, feed, j, err, sizeof err) != TABLE_OK) {
        fprintf(stderr, "ntm: %s\n%s\n", err, _("Không nhập gì; cơ sở dữ liệu không đổi."));
        import_free(j);
        return 1;
    }
    int rc = import_run(j, dry_run);
    print_all(j, IMPORT_WARNINGS, stderr, _("cảnh báo: "));
    if (rc == DB_OK && dry_run) print_all(j, IMPORT_PLAN, stdout, "");
    import_summary(j, sum, sizeof sum);
    if (rc == DB_OK) {
        printf("%s%s\n", sum, dry_run ? _(" (chạy thử: chưa ghi gì)") : "");
    } else if (rc == DB_INVALID) {
        print_all(j, IMPORT_ERRORS, stderr, "");
        fprintf(stderr, _("ntm: không nhập gì: %d lỗi; cơ sở dữ liệu không đổi.\n"),
                import_count(j, IMPORT_ERRORS));
    } else {
        fprintf(stderr, "ntm: %s\n", db_errmsg(db));
    }
    import_free(j);
    return rc == DB_OK ? 0 : 1;
}

int cli_import(const cli_opts *o, ntm_config *cfg)
{
    const char *kind_name = NULL, *file = NULL, *commune_name = NULL;
    int dry_run = 0;
    for (int i = 1; i < o->argc; i++) {
        const char *a = o->argv[i];
        if (!strcmp(a, "--dry-run") || !strcmp(a, "-n")) dry_run = 1;
        else if (!strcmp(a, "--commune")) {
            if (++i >= o->argc) return usage(_("--commune cần tên hoặc id của xã"));
            commune_name = o->argv[i];
        } else if (a[0] == '-' && a[1]) {
            char m[160];
            snprintf(m, sizeof m, _("import: tùy chọn không biết: %s"), a);
            return usage(m);
        } else if (!kind_name) kind_name = a;
        else if (!file) file = a;
        else return usage(_("import: thừa tham số"));
    }
    if (!kind_name || !file) return usage(_("import cần loại dữ liệu và tệp"));
    int kind = import_kind_parse(kind_name);
    if (kind < 0) {
        char m[200];
        snprintf(m, sizeof m, _("import: không biết loại \"%s\" (có: hamlets, households, tasks, criteria)"), kind_name);
        return usage(m);
    }
    ntm_db *db;
    if (!(db = cli_open_db(cfg, 0))) return 1;
    int64_t commune = 0;
    if (commune_name && unit_find(db, 'c', 0, commune_name, &commune) != DB_OK) {
        fprintf(stderr, "ntm: %s\n", db_errmsg(db));
        db_close(db);
        return 1;
    }
    int rc = run(db, kind, commune, file, dry_run);
    db_close(db);
    return rc;
}
