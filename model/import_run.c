/* import_run: a job's life after the rows are in: match every row to a stored one (uuid,
 * else task code, else natural key), say what would change (old → new), write the good
 * rows in one transaction, and roll it all back on any problem (or a dry run). */
#include "model/import_int.h"
#include "model/role.h"
#include "model/date.h"
#include "model/i18n.h"
#include "model/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const imp_kind *const KINDS[] = { &imp_hamlets, &imp_households, &imp_tasks, &imp_criteria };

int import_kind_parse(const char *name)
{
    static const char *const names[4][5] = {
        { "hamlets", "hamlet", "thon", "thôn", NULL },
        { "households", "household", "ho", "hộ", "ho-gia-dinh" },
        { "tasks", "task", "dau-viec", "đầu-việc", "dauviec" },
        { "criteria", "criterion", "tieu-chi", "tiêu-chí", "bo-tieu-chi" },
    };
    for (int k = 0; k < 4; k++)
        for (int i = 0; i < 5 && names[k][i]; i++) if (!strcmp(name, names[k][i])) return k;
    return -1;
}

static int task_has_code(ntm_db *db)
{
    static const char *sql = "SELECT count(*) FROM pragma_table_info('task') WHERE name = 'code'";
    sqlite3_stmt *st = db_stmt(db, sql);
    int has = st && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
    if (st) sqlite3_reset(st);
    return has;
}

import_job *import_new(ntm_db *db, import_kind kind, int64_t commune_id)
{
    if ((int)kind < 0 || kind > IMPORT_CRITERIA) return NULL;
    import_job *j = calloc(1, sizeof *j);
    if (!j) return NULL;
    j->db = db;
    j->k = KINDS[kind];
    j->commune_id = commune_id;
    j->has_code = kind == IMPORT_TASKS && task_has_code(db);
    j->head = calloc((size_t)j->k->ncols, sizeof *j->head);
    j->pre = calloc((size_t)j->k->ncols, sizeof *j->pre);
    j->pre_line = calloc((size_t)j->k->ncols, sizeof *j->pre_line);
    j->refs = imp_refs_new();
    j->stored = imp_keys_new();
    j->scopes = imp_keys_new();
    if (!j->head || !j->pre || !j->pre_line || !j->refs || !j->stored || !j->scopes) { import_free(j); return NULL; }
    return j;
}

void import_free(import_job *j)
{
    if (!j) return;
    for (int i = 0; i < j->nrows; i++) {
        for (int c = 0; c < j->k->ncols; c++) free(j->rows[i].v[c]);
        free(j->rows[i].v);
    }
    free(j->rows);
    for (int c = 0; j->head && c < j->k->ncols; c++) free(j->head[c]);
    free(j->head);
    for (int c = 0; j->pre && c < j->k->ncols; c++) free(j->pre[c]);
    free(j->pre);
    free(j->pre_line);
    if (j->kdata && j->k->free_data) j->k->free_data(j->kdata);
    free(j->map);
    for (int w = 0; w < 3; w++) {
        for (int i = 0; i < j->msgs[w].n; i++) free(j->msgs[w].v[i].text);
        free(j->msgs[w].v);
    }
    imp_refs_free(j->refs);
    imp_keys_free(j->stored);
    imp_keys_free(j->scopes);
    free(j);
}

void import_totals(const import_job *j, int *added, int *changed, int *same)
{
    if (added) *added = j->added;
    if (changed) *changed = j->changed;
    if (same) *same = j->same;
}

void import_summary(const import_job *j, char *out, size_t n)
{
    snprintf(out, n, L("Thêm %d, sửa %d, giữ nguyên %d", "Added %d, changed %d, unchanged %d"), j->added, j->changed, j->same);
}

/* "F" + body, malloc'd; NULL when body is NULL. body is freed. */
static char *typed(char type, char *body)
{
    if (!body) return NULL;
    size_t n = strlen(body);
    char *k = malloc(n + 2);
    if (k) { k[0] = type; memcpy(k + 1, body, n + 1); }
    free(body);
    return k;
}

int imp_index_add(import_job *j, char type, char *key, int64_t id)
{
    char *k = typed(type, key);
    if (!k) return 0;
    int rc = imp_key_add(j->stored, k, id);
    free(k);
    return rc;
}

/* The stored rows of a scope are indexed the first time a row of it is seen. */
static int index_scope(import_job *j, int64_t scope)
{
    char key[32];
    snprintf(key, sizeof key, "%lld", (long long)scope);
    if (imp_key_get(j->scopes, key, NULL)) return DB_OK;
    if (imp_key_add(j->scopes, key, scope)) return db_fail(j->db, DB_ERR, "out of memory");
    return j->k->index(j, scope);
}

/* A canonical value as the user reads it. */
static void shown_value(import_job *j, const imp_row *r, int c, const char *v, char *out, size_t n)
{
    const imp_col *col = &j->k->cols[c];
    if (!v || !*v) { snprintf(out, n, "%s", L("(trống)", "(empty)")); return; }
    switch (col->type) {
    case IT_DATE: { char d[11]; date_show(v, d); snprintf(out, n, "%s", d); return; }
    case IT_FLAG: snprintf(out, n, "%s", !strcmp(v, "1") ? L("có", "yes") : L("không", "no")); return;
    case IT_STATUS:
        snprintf(out, n, "%s", !strcmp(v, "done") ? L("đã xong", "done") : !strcmp(v, "cancelled") ? L("đã hủy", "cancelled")
                                                                           : L("đang làm", "open"));
        return;
    case IT_REF: imp_shown(imp_ref_label(j, j->refs, col->ref, col->ref == 'c' ? 0 : imp_commune(j, r), v), out, n); return;
    case IT_QTY:
        snprintf(out, n, "%s", v);
        if (!ntm_lang_en) for (char *p = out; *p; p++) if (*p == '.') *p = ',';
        return;
    default: imp_shown(v, out, n);
    }
}

static void row_name(import_job *j, const imp_row *r, char *out, size_t n)
{
    char name[80], where[96] = "";
    imp_shown(r->v[j->k->col_label] ? r->v[j->k->col_label] : "", name, sizeof name);
    int w = j->k->col_where;
    if (w >= 0 && r->v[w] && *r->v[w]) {
        char v[80];
        shown_value(j, r, w, r->v[w], v, sizeof v);
        char ref = j->k->cols[w].ref;
        snprintf(where, sizeof where, ref == 'h' ? L(" (thôn %s)", " (%s hamlet)") : ref == 'c' ? L(" (xã %s)", " (%s commune)") : " (%s)", v);
    }
    snprintf(out, n, "%s%s", name, where);
}

/* Compare with the stored row: IMP_SAME, IMP_CHANGE with the plan line, or IMP_BAD. */
static int compare(import_job *j, imp_row *r)
{
    const imp_kind *k = j->k;
    char **old = calloc((size_t)k->ncols, sizeof *old);
    if (!old) return db_fail(j->db, DB_ERR, "out of memory");
    int rc = k->load(j, r->id, old, &r->version);
    char diff[1800] = "", a[80], b[80];
    size_t o = 0;
    for (int c = 0; !rc && c < k->ncols; c++) {
        const imp_col *col = &k->cols[c];
        if (!r->v[c] || col->type == IT_UUID || (col->flags & IF_KEYONLY)) continue;
        const char *was = old[c] ? old[c] : "";
        if (!strcmp(was, r->v[c])) continue;
        shown_value(j, r, c, was, a, sizeof a);
        shown_value(j, r, c, r->v[c], b, sizeof b);
        if (col->flags & IF_CONTEXT) {
            imp_cell_bad(j, r->line, c, L("đã có ở %s, không phải %s", "is stored under %s, not %s"), a, b);
            r->action = IMP_BAD;
        } else if (o + 8 < sizeof diff) {
            o += (size_t)snprintf(diff + o, sizeof diff - o, "%s%s: %s → %s", o ? "; " : "", j->head[c], a, b);
        }
    }
    for (int c = 0; c < k->ncols; c++) free(old[c]);
    free(old);
    if (rc) return rc;
    if (r->action == IMP_BAD) return DB_OK;
    r->action = o ? IMP_CHANGE : IMP_SAME;
    if (o) {
        char name[200];
        row_name(j, r, name, sizeof name);
        imp_msg_add(j, IMPORT_PLAN, r->line, L("sửa dòng %ld: %s: %s", "change line %ld: %s: %s"), r->line, name, diff);
    }
    return DB_OK;
}

static int64_t by_uuid(import_job *j, const char *uuid)
{
    sqlite3_stmt *st = db_stmt(j->db, j->k->uuid_sql);
    int64_t id = 0;
    if (!st) return 0;
    sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW) id = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return id;
}

/* The stored row r is, or 0 (new); IMP_BAD when its key names several. */
static int64_t find_stored(import_job *j, imp_row *r, const char *full, const char *loose, const char *code, imp_keys *file)
{
    const imp_kind *k = j->k;
    int64_t id = 0;
    if (k->col_uuid >= 0 && r->v[k->col_uuid] && *r->v[k->col_uuid] && (id = by_uuid(j, r->v[k->col_uuid]))) return id;
    if (code && imp_key_get(j->stored, code, &id) == 1) return id;
    int n = full ? imp_key_get(j->stored, full, &id) : 0;
    if (n == 1) return id;
    if (n > 1) {
        imp_msg_add(j, IMPORT_ERRORS, r->line, L("dòng %ld: đã có %d %s cùng %s; thêm cột uuid để chỉ rõ",
                                                 "line %ld: %d stored %ss have the same %s; add the uuid column to tell them apart"),
                    r->line, n, L(k->what_vi, k->what_en), L(k->key_vi, k->key_en));
        r->action = IMP_BAD;
        return 0;
    }
    /* The loose key (a household without its address; a task when the file has no hamlet
     * column) when it is unique on both sides; with no full key it must not name several. */
    int nl = loose ? imp_key_get(j->stored, loose, &id) : 0;
    if (nl == 1 && imp_key_get(file, loose, NULL) == 1) return id;
    if (!full && nl > 1) {
        imp_msg_add(j, IMPORT_ERRORS, r->line, L("dòng %ld: đã có %d %s cùng %s; thêm cột uuid để chỉ rõ",
                                                 "line %ld: %d stored %ss have the same %s; add the uuid column to tell them apart"),
                    r->line, nl, L(k->what_vi, k->what_en), L(k->key_vi, k->key_en));
        r->action = IMP_BAD;
    }
    return 0;
}

/* Pass over the checked rows: keys, duplicates in the file, matches, changes. */
static int plan(import_job *j)
{
    const imp_kind *k = j->k;
    imp_keys *file = imp_keys_new(), *claimed = imp_keys_new();
    char **keys = calloc((size_t)j->nrows * 3 + 1, sizeof *keys);
    int rc = file && claimed && keys ? DB_OK : db_fail(j->db, DB_ERR, "out of memory");
    for (int i = 0; !rc && i < j->nrows; i++) {
        imp_row *r = &j->rows[i];
        if (r->action == IMP_BAD) continue;
        char **kk = keys + 3 * i;
        kk[0] = typed('F', k->key(j, r, 'F'));
        kk[1] = typed('L', k->key(j, r, 'L'));
        kk[2] = j->has_code ? typed('C', k->key(j, r, 'C')) : NULL;
        int64_t first;
        const char *dup = kk[0] ? kk[0] : kk[1];                  /* the same row twice in the file */
        if (dup && imp_key_get(file, dup, &first)) {
            imp_msg_add(j, IMPORT_ERRORS, r->line, L("dòng %ld: trùng với dòng %ld (cùng %s)", "line %ld: the same as line %ld (same %s)"),
                        r->line, j->rows[first].line, L(k->key_vi, k->key_en));
            r->action = IMP_BAD;
            continue;
        }
        if ((kk[0] && imp_key_add(file, kk[0], i)) || (kk[1] && imp_key_add(file, kk[1], i)))
            rc = db_fail(j->db, DB_ERR, "out of memory");
        if (!rc) rc = index_scope(j, k->scope(j, r));
    }
    for (int i = 0; !rc && i < j->nrows; i++) {
        imp_row *r = &j->rows[i];
        if (r->action == IMP_BAD) continue;
        r->id = find_stored(j, r, keys[3 * i], keys[3 * i + 1], keys[3 * i + 2], file);
        if (r->action == IMP_BAD) continue;
        if (!r->id) {
            char name[200];
            row_name(j, r, name, sizeof name);
            imp_msg_add(j, IMPORT_PLAN, r->line, L("thêm dòng %ld: %s", "add line %ld: %s"), r->line, name);
            continue;
        }
        char idk[32];
        int64_t other;
        snprintf(idk, sizeof idk, "%lld", (long long)r->id);
        if (imp_key_get(claimed, idk, &other)) {
            imp_msg_add(j, IMPORT_ERRORS, r->line, L("dòng %ld: cùng một %s với dòng %ld", "line %ld: the same %s as line %ld"),
                        r->line, L(k->what_vi, k->what_en), j->rows[other].line);
            r->action = IMP_BAD;
            continue;
        }
        if (imp_key_add(claimed, idk, i)) rc = db_fail(j->db, DB_ERR, "out of memory");
        if (!rc) rc = compare(j, r);
    }
    for (int i = 0; keys && i < j->nrows * 3; i++) free(keys[i]);
    free(keys);
    imp_keys_free(file);
    imp_keys_free(claimed);
    return rc;
}

static void finish_messages(import_job *j)
{
    for (int w = 0; w < 3; w++)
        if (j->msgs[w].n > 1) qsort(j->msgs[w].v, (size_t)j->msgs[w].n, sizeof *j->msgs[w].v, imp_by_line);
}

int import_run(import_job *j, int dry_run)
{
    /* an office's act (role.h); each row is then held to the officer's scope as any write is */
    int rc = dry_run ? DB_OK : role_require(j->db, ROLE_NEED_OFFICER, L("nhập dữ liệu từ bảng tính", "import data from a spreadsheet"));
    if (rc) return rc;
    if (!j->header && !j->msgs[IMPORT_ERRORS].n)
        imp_msg_add(j, IMPORT_ERRORS, 0, "%s", L("Tệp trống hoặc không có dòng tiêu đề cột", "The file is empty or has no header row"));
    if (j->skipped)
        imp_msg_add(j, IMPORT_WARNINGS, 0, L("bỏ qua %d dòng tỉnh hoặc xã (chỉ nhập thôn)", "skipped %d province or commune rows (only hamlets are imported)"),
                    j->skipped);
    int ok_header = j->header && !j->header_bad;        /* else every row would fail the same way */
    rc = !ok_header ? DB_OK : j->k->plan ? j->k->plan(j) : plan(j);
    j->added = j->changed = j->same = 0;
    for (int i = 0; i < j->nrows; i++) {
        j->added += j->rows[i].action == IMP_ADD;
        j->changed += j->rows[i].action == IMP_CHANGE;
        j->same += j->rows[i].action == IMP_SAME;
    }
    /* The good rows are written even when others are bad (then rolled back): the model's
     * own checks at write time (a hamlet name already taken, a task without an owner)
     * name their lines too, so one run lists every problem. */
    int bad = j->msgs[IMPORT_ERRORS].n > 0, began = 0;
    if (!rc && ok_header) {
        rc = db_begin(j->db);
        if (rc == DB_READONLY && dry_run && !bad)
            imp_msg_add(j, IMPORT_WARNINGS, 0, "%s", L("CSDL chỉ đọc: chạy thử không thử ghi, nên các kiểm tra lúc ghi chưa chạy",
                                                       "read-only database: the dry run tried no writes, so the checks made when writing did not run"));
        if (rc && (bad || (rc == DB_READONLY && dry_run))) rc = DB_OK;   /* the errors (or the plan) found so far stand */
        else began = !rc;
    }
    if (began) {
        for (int i = 0; i < j->nrows; i++) {
            imp_row *r = &j->rows[i];
            if (r->action != IMP_ADD && r->action != IMP_CHANGE) continue;
            int w = j->k->write(j, r);
            if (w == DB_BUSY || w == DB_READONLY || w == DB_ERR) { rc = w; break; }
            if (w) imp_msg_add(j, IMPORT_ERRORS, r->line, L("dòng %ld: %s", "line %ld: %s"), r->line, db_errmsg(j->db));
        }
        if (rc || dry_run || bad || j->msgs[IMPORT_ERRORS].n) db_rollback(j->db);
        else rc = db_commit(j->db);
    }
    finish_messages(j);
    if (rc) return rc;
    return j->msgs[IMPORT_ERRORS].n ? DB_INVALID : DB_OK;
}
