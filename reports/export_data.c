/* export_data: one row writer per data set, fed by the model's walks (dataset.h). */
#include "reports/export_data.h"
#include "reports/report_common.h"
#include "model/household.h"
#include "model/i18n.h"
#include "model/unit.h"
#include <stdio.h>
#include <string.h>

static const struct {
    const char *name, *stem, *sheet;
    const export_col *cols;
    int ncols;
} KINDS[EXPORT_NKINDS] = {
    [EXPORT_TASKS] = { "tasks", "dau-viec", EXPORT_SHEET_TASKS, export_task_cols, EC_TASK_N },
    [EXPORT_UNITS] = { "units", "don-vi", EXPORT_SHEET_UNITS, export_unit_cols, EC_UNIT_N },
    [EXPORT_HOUSEHOLDS] = { "households", "ho-gia-dinh", EXPORT_SHEET_HOUSEHOLDS, export_household_cols, EC_HH_N },
    [EXPORT_PROGRESS] = { "progress", "bao-cao-tien-do", EXPORT_SHEET_PROGRESS, export_progress_cols, EC_PR_N },
    [EXPORT_CRITERIA] = { "criteria", "tieu-chi", EXPORT_SHEET_CRITERIA, export_criteria_cols, EC_UC_N },
};

int export_kind_of(const char *name)
{
    for (int k = 0; name && k < EXPORT_NKINDS; k++)
        if (!strcmp(name, KINDS[k].name)) return k;
    return -1;
}

const char *export_kind_name(int kind) { return kind >= 0 && kind < EXPORT_NKINDS ? KINDS[kind].name : "?"; }
const char *export_kind_stem(int kind) { return kind >= 0 && kind < EXPORT_NKINDS ? KINDS[kind].stem : "xuat"; }

/* ---- the rows ---------------------------------------------------------------------- */

/* A row writer's answer when the file failed: the walk stops and export_close reports why. */
enum { STOP_FILE = 1 };

static const char *task_status(char s)
{
    return s == 'd' ? EXPORT_TASK_DONE : s == 'x' ? EXPORT_TASK_CANCELLED : EXPORT_TASK_OPEN;
}

static int put_task(void *ctx, const ds_task *r)
{
    export_file *f = ctx;
    export_text(f, r->code);
    export_text(f, r->commune);
    export_text(f, r->hamlet);
    export_text(f, r->title);
    export_text(f, r->owner);
    export_text(f, r->criterion);
    export_text(f, r->campaign);
    if (r->target >= 0) export_number(f, r->target); else export_blank(f);
    export_text(f, r->qty_unit);
    export_number(f, r->done);
    if (r->progress >= 0) export_percent(f, r->progress); else export_blank(f);
    export_date(f, r->deadline);
    export_text(f, task_status(r->status));
    if (r->overdue_days > 0) export_int(f, r->overdue_days); else export_blank(f);
    export_text(f, r->uuid);
    return export_row_end(f) ? STOP_FILE : 0;
}

static void int_or_blank(export_file *f, long long v, long long none)
{
    if (v == none) export_blank(f); else export_int(f, v);
}

static int put_unit(void *ctx, const ds_unit *r)
{
    export_file *f = ctx;
    export_text(f, r->kind == 'p' ? EXPORT_LEVEL_PROVINCE : r->kind == 'c' ? EXPORT_LEVEL_COMMUNE : EXPORT_LEVEL_HAMLET);
    export_text(f, r->province);
    export_text(f, r->commune);
    export_text(f, r->hamlet);
    export_text(f, r->district);
    int_or_blank(f, r->group, 0);
    export_text(f, r->status);
    int_or_blank(f, r->population, -1);
    int_or_blank(f, r->households, -1);
    export_int(f, r->tasks);
    export_int(f, r->done);
    export_int(f, r->overdue);
    export_text(f, r->uuid);
    return export_row_end(f) ? STOP_FILE : 0;
}

static int put_household(void *ctx, const ds_household *r)
{
    export_file *f = ctx;
    export_text(f, r->commune);
    export_text(f, r->hamlet);
    export_text(f, r->head);
    export_text(f, r->address);
    for (int i = 0; i < HH_NFLAGS; i++)
        export_text(f, r->flags[i] == HH_YES ? EXPORT_YES : r->flags[i] == HH_NO ? EXPORT_NO : "");
    export_text(f, r->note);
    export_text(f, r->uuid);
    return export_row_end(f) ? STOP_FILE : 0;
}

static int put_progress(void *ctx, const ds_progress *r)
{
    export_file *f = ctx;
    export_date(f, r->date);
    export_text(f, r->code);
    export_text(f, r->commune);
    export_text(f, r->hamlet);
    export_text(f, r->task);
    export_number(f, r->qty);
    export_text(f, r->qty_unit);
    export_text(f, r->note);
    export_text(f, r->reporter);
    export_text(f, r->entered_by);
    export_datetime(f, r->entered_at);
    export_text(f, r->uuid);
    export_text(f, r->task_uuid);
    return export_row_end(f) ? STOP_FILE : 0;
}

static int put_criterion(void *ctx, const ds_criterion *r)
{
    export_file *f = ctx;
    export_text(f, r->commune);
    export_text(f, r->hamlet);
    export_text(f, r->set_code);
    export_int(f, r->number);
    export_text(f, r->name);
    export_text(f, r->status == 'm' ? EXPORT_UC_MET : r->status == 'r' ? EXPORT_UC_AT_RISK : EXPORT_UC_NOT_MET);
    export_text(f, r->dossier == 'p' ? EXPORT_DOSSIER_IN_PROGRESS : r->dossier == 'c' ? EXPORT_DOSSIER_COMPLETE
                 : r->dossier == 'a' ? EXPORT_DOSSIER_APPRAISED : EXPORT_DOSSIER_NONE);
    export_text(f, r->owner);
    export_date(f, r->date);
    export_text(f, r->note);
    export_text(f, r->uuid);
    return export_row_end(f) ? STOP_FILE : 0;
}

/* ---- the files --------------------------------------------------------------------- */

/* Open, run the walk, close: the one shape of both entry points. */
static int run(ntm_db *db, int kind, const ds_scope *s, const int64_t *ids, int n, const char *path, int flags,
               export_result *res, char *err, size_t errlen)
{
    if (kind < 0 || kind >= EXPORT_NKINDS) return report_fail(err, errlen, "export: unknown data set");
    if (ids && kind != EXPORT_TASKS && kind != EXPORT_UNITS && kind != EXPORT_HOUSEHOLDS)
        return report_fail(err, errlen, "export: no id list for this data set");
    export_file *f = export_open(path, KINDS[kind].sheet, KINDS[kind].cols, KINDS[kind].ncols, flags, err, errlen);
    if (!f) return -1;
    int rc;
    switch (kind) {
    case EXPORT_TASKS: rc = ids ? ds_tasks_ids(db, ids, n, put_task, f) : ds_tasks(db, s, put_task, f); break;
    case EXPORT_UNITS: rc = ids ? ds_units_ids(db, ids, n, put_unit, f) : ds_units(db, s, put_unit, f); break;
    case EXPORT_HOUSEHOLDS: rc = ids ? ds_households_ids(db, ids, n, put_household, f) : ds_households(db, s, put_household, f); break;
    case EXPORT_PROGRESS: rc = ds_progress_reports(db, s, put_progress, f); break;
    default: rc = ds_criteria(db, s, put_criterion, f); break;
    }
    long rows = export_rows(f);
    if (rc < 0) {                                  /* the model failed, not the file */
        snprintf(err, errlen, "%s", db_errmsg(db));
        export_abort(f);
        return -1;
    }
    char final[NTM_PATH_MAX + 16];
    if (export_close(f, final, sizeof final, err, errlen)) return -1;
    if (res) { snprintf(res->path, sizeof res->path, "%s", final); res->rows = rows; }
    return 0;
}

int export_dataset(ntm_db *db, int kind, const ds_scope *s, const char *path, int flags,
                   export_result *res, char *err, size_t errlen)
{
    return run(db, kind, s, NULL, 0, path, flags, res, err, errlen);
}

int export_dataset_ids(ntm_db *db, int kind, const int64_t *ids, int n, const char *path, int flags,
                       export_result *res, char *err, size_t errlen)
{
    static const int64_t none = 0;
    return run(db, kind, NULL, ids ? ids : &none, ids ? n : 0, path, flags, res, err, errlen);
}

int export_file_name(const char *dir, const char *stem, const char *name1, const char *name2,
                     const char *today, int format, char *out, size_t n)
{
    char a[210] = "", b[210] = "", day[9];
    if (name1 && *name1) report_slug(name1, a, sizeof a);
    if (name2 && *name2) report_slug(name2, b, sizeof b);
    snprintf(day, sizeof day, "%.4s%.2s%.2s", today, today + 5, today + 8);
    size_t dl = strlen(dir);
    while (dl > 1 && dir[dl - 1] == '/') dl--;
    int w = snprintf(out, n, "%.*s/%s%s%s%s%s-%s.%s", (int)dl, dir, stem, *a ? "-" : "", a, *b ? "-" : "", b,
                     day, export_format_ext(format));
    return w < 0 || (size_t)w >= n ? -1 : 0;
}

int export_default_path(ntm_db *db, const ntm_config *cfg, int kind, const ds_scope *s, int format,
                        char *out, size_t n)
{
    unit_row c = { .name = "" }, h = { .name = "" };
    if (s && s->commune_id > 0 && unit_get(db, s->commune_id, &c)) return -1;
    if (s && s->hamlet_id > 0 && unit_get(db, s->hamlet_id, &h)) return -1;
    return export_file_name(cfg->pdf_dir, export_kind_stem(kind), c.name, h.name, db_today(db), format, out, n);
}
