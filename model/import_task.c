/* import_task: tasks (đầu việc) for the import engine: their columns, the natural key
 * (commune, hamlet or the whole commune, title; a file without a Thôn column: commune
 * and title; or the task code when the database has one), and the stored task read and written through task_read / task_create /
 * task_update. One "Phụ trách" column names the owner: an organisation, a person or a
 * hamlet of the commune. */
#include "model/import_int.h"
#include "model/task_edit.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { T_UUID, T_CODE, T_COMMUNE, T_HAMLET, T_TITLE, T_DESC, T_CRIT, T_CAMP, T_OWNER, T_TARGET, T_UNIT,
       T_START, T_DEADLINE, T_STATUS, T_NCOLS };

static const imp_col TASK_COLS[T_NCOLS] = {
    [T_UUID]     = { "uuid", "uuid", "ma dinh danh", IT_UUID, 0, 0, 0 },
    [T_CODE]     = { "Mã", "Code", "ma dau viec|ma so|ma viec", IT_TEXT, IF_KEYONLY, 40, 0 },
    [T_COMMUNE]  = { "Xã", "Commune", "ten xa|xa phuong|phuong", IT_REF, IF_CONTEXT, 0, 'c' },
    [T_HAMLET]   = { "Thôn", "Hamlet", "ten thon|thon ban|thon xom|ban|xom", IT_REF, 0, 0, 'h' },
    [T_TITLE]    = { "Nội dung", "Task", "dau viec|ten dau viec|cong viec|ten cong viec|noi dung cong viec|title",
                     IT_TEXT, IF_REQUIRED, 500, 0 },
    [T_DESC]     = { "Mô tả", "Description", "chi tiet|dien giai", IT_TEXT, 0, 4000, 0 },
    [T_CRIT]     = { "Tiêu chí", "Criterion", "tc|thuoc tieu chi", IT_REF, 0, 0, 'k' },
    [T_CAMP]     = { "Đợt", "Campaign", "ke hoach|dot thi dua|dot cao diem|dot ke hoach|plan", IT_REF, 0, 0, 'g' },
    [T_OWNER]    = { "Phụ trách", "Owner", "don vi phu trach|nguoi phu trach|chu tri|don vi chu tri|to chuc phu trach",
                     IT_REF, 0, 0, 'o' },
    [T_TARGET]   = { "Chỉ tiêu", "Target", "khoi luong|muc tieu|so luong", IT_QTY, 0, 0, 0 },
    [T_UNIT]     = { "Đơn vị tính", "Unit", "dvt|don vi", IT_TEXT, 0, 20, 0 },
    [T_START]    = { "Ngày bắt đầu", "Start", "bat dau|tu ngay|start date", IT_DATE, 0, 0, 0 },
    [T_DEADLINE] = { "Hạn", "Deadline", "han hoan thanh|thoi han|den ngay|due", IT_DATE, 0, 0, 0 },
    [T_STATUS]   = { "Trạng thái", "Status", "tinh trang", IT_STATUS, 0, 0, 0 },
};

static char *id_text(int64_t id)
{
    char b[24] = "";
    if (id > 0) snprintf(b, sizeof b, "%lld", (long long)id);
    return strdup(b);
}

static int64_t task_scope(import_job *j, const imp_row *r) { return imp_commune(j, r); }

/* Full: commune, hamlet (0: the whole commune), title; loose: commune and title. */
static char *task_key_of(int64_t commune, int64_t hamlet, const char *title, char type)
{
    char c[24], h[24];
    snprintf(c, sizeof c, "%lld", (long long)commune);
    snprintf(h, sizeof h, "%lld", (long long)hamlet);
    return type == 'F' ? imp_join(1, c, h, title, (char *)NULL) : imp_join(1, c, title, (char *)NULL);
}

static char *code_key_of(int64_t commune, const char *code)
{
    char c[24];
    snprintf(c, sizeof c, "%lld", (long long)commune);
    if (code && (code[0] == 'V' || code[0] == 'v') && code[1] >= '0' && code[1] <= '9') code++;   /* "V12" as printed */
    return code && *code ? imp_join(1, c, code, (char *)NULL) : NULL;
}

/* With a Thôn column the full key; without one, only the title within the commune (and
 * it must name one stored task). A title found in another hamlet is another task. */
static char *task_key(import_job *j, const imp_row *r, char type)
{
    int64_t commune = imp_commune(j, r);
    if (type == 'F' && r->v[T_HAMLET]) return task_key_of(commune, imp_id(r->v[T_HAMLET]), r->v[T_TITLE], 'F');
    if (type == 'L' && !r->v[T_HAMLET]) return task_key_of(commune, 0, r->v[T_TITLE], 'L');
    if (type == 'C') return code_key_of(commune, r->v[T_CODE]);
    return NULL;
}

static int task_index(import_job *j, int64_t commune)
{
    static const char *sql = "SELECT id, coalesce(hamlet_id, 0), title FROM task WHERE commune_id = ?1";
    /* Only prepared when the task table has a code column (the papers' task codes). */
    static const char *sql_code = "SELECT id, coalesce(hamlet_id, 0), title, code FROM task WHERE commune_id = ?1";
    int has_code = j->has_code;
    sqlite3_stmt *st = db_stmt(imp_db(j), has_code ? sql_code : sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, commune);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(st, 0);
        int64_t hamlet = sqlite3_column_int64(st, 1);
        const char *title = (const char *)sqlite3_column_text(st, 2);
        if (imp_index_add(j, 'F', task_key_of(commune, hamlet, title, 'F'), id) ||
            imp_index_add(j, 'L', task_key_of(commune, hamlet, title, 'L'), id))
            break;
        if (has_code && sqlite3_column_text(st, 3) &&
            imp_index_add(j, 'C', code_key_of(commune, (const char *)sqlite3_column_text(st, 3)), id))
            break;
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? DB_OK : db_sqlite_error(imp_db(j), rc);
}

/* The one owner the import shows: the organisation, else the person, else the hamlet. */
static void owner_code(const task_rec *t, char *out, size_t n)
{
    if (t->owner_org_id) snprintf(out, n, "o%lld", (long long)t->owner_org_id);
    else if (t->owner_person_id) snprintf(out, n, "p%lld", (long long)t->owner_person_id);
    else if (t->owner_unit_id) snprintf(out, n, "h%lld", (long long)t->owner_unit_id);
    else out[0] = 0;
}

static void target_text(const task_rec *t, char *out, size_t n)
{
    if (t->target >= 0) snprintf(out, n, "%.15g", t->target);
    else out[0] = 0;
}

static int task_load(import_job *j, int64_t id, char **old, int64_t *version)
{
    task_rec *t = malloc(sizeof *t);
    if (!t) return db_fail(imp_db(j), DB_ERR, "out of memory");
    int rc = task_read(imp_db(j), id, t);
    if (!rc) {
        char owner[24], target[40];
        owner_code(t, owner, sizeof owner);
        target_text(t, target, sizeof target);
        *version = t->version;
        old[T_COMMUNE] = id_text(t->commune_id);
        old[T_HAMLET] = id_text(t->hamlet_id);
        old[T_TITLE] = strdup(t->title);
        old[T_DESC] = strdup(t->description);
        old[T_CRIT] = id_text(t->criterion_id);
        old[T_CAMP] = id_text(t->campaign_id);
        old[T_OWNER] = strdup(owner);
        old[T_TARGET] = strdup(target);
        old[T_UNIT] = strdup(t->qty_unit);
        old[T_START] = strdup(t->start_date);
        old[T_DEADLINE] = strdup(t->deadline);
        old[T_STATUS] = strdup(t->status);
    }
    free(t);
    return rc;
}

static int task_write(import_job *j, const imp_row *r)
{
    task_rec *t = calloc(1, sizeof *t);
    if (!t) return db_fail(imp_db(j), DB_ERR, "out of memory");
    t->target = -1;
    int rc = r->id ? task_read(imp_db(j), r->id, t) : DB_OK;
    if (!rc) {
        char owner[24], target[40], hamlet[24], crit[24], camp[24];
        owner_code(t, owner, sizeof owner);
        target_text(t, target, sizeof target);
        snprintf(hamlet, sizeof hamlet, "%lld", (long long)t->hamlet_id);
        snprintf(crit, sizeof crit, "%lld", (long long)t->criterion_id);
        snprintf(camp, sizeof camp, "%lld", (long long)t->campaign_id);
        const char *own = imp_val(r, T_OWNER, owner);
        int64_t own_id = imp_id(own);
        task_fields f = {
            .commune_id = r->id ? t->commune_id : imp_commune(j, r),
            .hamlet_id = imp_id(imp_val(r, T_HAMLET, hamlet)),
            .criterion_id = imp_id(imp_val(r, T_CRIT, crit)), .campaign_id = imp_id(imp_val(r, T_CAMP, camp)),
            .owner_org_id = *own == 'o' ? own_id : 0, .owner_person_id = *own == 'p' ? own_id : 0,
            .owner_unit_id = *own == 'h' ? own_id : 0,
            .title = imp_val(r, T_TITLE, t->title), .description = imp_val(r, T_DESC, t->description),
            .target = imp_val(r, T_TARGET, target), .qty_unit = imp_val(r, T_UNIT, t->qty_unit),
            .start_date = imp_val(r, T_START, t->start_date), .deadline = imp_val(r, T_DEADLINE, t->deadline),
            .status = imp_val(r, T_STATUS, NULL),
        };
        if (r->id && (!r->v[T_OWNER] || !strcmp(r->v[T_OWNER], owner))) {   /* every stored owner stays */
            f.owner_org_id = t->owner_org_id;
            f.owner_person_id = t->owner_person_id;
            f.owner_unit_id = t->owner_unit_id;
        }
        rc = r->id ? task_update(imp_db(j), r->id, r->version, &f) : task_create(imp_db(j), &f, NULL);
    }
    free(t);
    return rc;
}

const imp_kind imp_tasks = {
    .what = NC_("task", "đầu việc"), .cols = TASK_COLS, .ncols = T_NCOLS,
    .col_uuid = T_UUID, .col_commune = T_COMMUNE, .col_label = T_TITLE, .col_code = T_CODE,
    .col_qty = T_TARGET, .col_qty_unit = T_UNIT, .needs_commune = 1, .col_level = -1,
    .ignored = "da lam|ty le|so ngay qua han|qua han|done|percent|overdue",
    .key_text = N_("xã, thôn và tên đầu việc"), .col_where = T_HAMLET,
    .scope = task_scope, .key = task_key, .index = task_index,
    .uuid_sql = "SELECT id FROM task WHERE uuid = ?1",
    .load = task_load, .write = task_write,
};
