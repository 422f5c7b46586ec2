/* undo: revert one audit transaction of the current user. Done/undo marks live in meta
 * ('undone.<tx>' = the undo's tx, 'undo.<tx>' = the tx it undid); meta is not audited. */
#include "model/undo.h"
#include "model/db_internal.h"
#include "model/entity.h"
#include "model/i18n.h"
#include "model/text.h"
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Tables undo may write: the audited ones (model/audit.c), never a name from the file. */
static const struct { const char *table, *vi; } TABLES[] = {   /* vi: a msgid */
    { "unit", N_("đơn vị") },                     { "unit_event", N_("sự kiện đơn vị") },
    { "unit_status", N_("danh hiệu đơn vị") }, { "criteria_set", N_("bộ tiêu chí") },
    { "criterion", N_("tiêu chí") },         { "indicator", N_("chỉ tiêu") },
    { "indicator_target", N_("mức đạt") }, { "org", N_("tổ chức") },
    { "person", NC_("person", "người") },                  { "campaign", N_("đợt/kế hoạch") },
    { "unit_criterion", N_("tình trạng tiêu chí") }, { "household", N_("hộ") },
    { "checklist_template", N_("mẫu kiểm tra") }, { "checklist_item", N_("mục mẫu kiểm tra") },
    { "tour", NC_("tour", "tour kiểm tra") },              { "tour_member", N_("thành viên đoàn") },
    { "tour_stop", N_("điểm dừng") },        { "tour_check", N_("mục kiểm tra") },
    { "task", NC_("task", "đầu việc") },                   { "progress", N_("báo cáo tiến độ") },
    { "directive", N_("chỉ đạo") },
};
enum { N_TABLES = sizeof TABLES / sizeof TABLES[0] };

static int table_index(const char *t)
{
    for (int i = 0; t && i < N_TABLES; i++) if (!strcmp(TABLES[i].table, t)) return i;
    return -1;
}

static int marked(ntm_db *db, int64_t tx)
{
    char key[48], v[48];
    snprintf(key, sizeof key, "undone.%" PRId64, tx);
    if (db_meta_get(db, key, v, sizeof v) == DB_OK) return 1;
    snprintf(key, sizeof key, "undo.%" PRId64, tx);
    return db_meta_get(db, key, v, sizeof v) == DB_OK;
}

/* The user's latest tx that is neither undone nor an undo. */
static int find_tx(ntm_db *db, int64_t *tx)
{
    static const char *prev = "SELECT id, tx FROM audit WHERE user = ?1 AND id < ?2 ORDER BY id DESC LIMIT 1";
    static const char *first = "SELECT min(id) FROM audit WHERE tx = ?1";
    int64_t cursor = INT64_MAX;
    for (int hops = 0; hops < 10000; hops++) {
        sqlite3_stmt *st = db_stmt(db, prev);
        if (!st) return DB_ERR;
        sqlite3_bind_text(st, 1, db_user(db), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 2, cursor);
        int rc = sqlite3_step(st);
        int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
        int has_tx = rc == SQLITE_ROW && sqlite3_column_type(st, 1) != SQLITE_NULL;
        int64_t t = has_tx ? sqlite3_column_int64(st, 1) : 0;
        sqlite3_reset(st);
        if (rc == SQLITE_DONE) break;
        if (rc != SQLITE_ROW) return db_sqlite_error(db, rc);
        if (!has_tx) { cursor = id; continue; }
        if (!marked(db, t)) { *tx = t; return DB_OK; }
        if (!(st = db_stmt(db, first))) return DB_ERR;
        sqlite3_bind_int64(st, 1, t);
        cursor = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : id;
        sqlite3_reset(st);
        if (cursor > id) cursor = id;
    }
    return db_fail(db, DB_NOTFOUND, _("Không có thao tác nào của %s để hoàn tác."), db_user(db));
}

/* Describe tx: its main row is a task created or deleted, else the first row that is
 * not a task's done quantity following a report (those keep the task's version). */
static int describe(ntm_db *db, int64_t tx, undo_info *out)
{
    static const char *sql = "SELECT entity, entity_id, action, at, strftime('%d/%m/%Y %H:%M', at, 'localtime'), "
        "coalesce(json_extract(coalesce(new_json, old_json), '$.title'), json_extract(coalesce(new_json, old_json), '$.name'), "
        "  json_extract(coalesce(new_json, old_json), '$.full_name'), json_extract(coalesce(new_json, old_json), '$.head_name'), "
        "  (SELECT strftime('%d/%m/%Y', json_extract(coalesce(new_json, old_json), '$.report_date')) || ' - ' || t.title "
        "   FROM task t WHERE t.id = json_extract(coalesce(new_json, old_json), '$.task_id')), "
        "  strftime('%d/%m/%Y', json_extract(coalesce(new_json, old_json), '$.report_date')), "
        "  (SELECT c.number || '. ' || c.name || ' - ' || u.name FROM criterion c, unit u "
        "   WHERE c.id = json_extract(coalesce(new_json, old_json), '$.criterion_id') "
        "   AND u.id = json_extract(coalesce(new_json, old_json), '$.unit_id')), ''), "
        "(SELECT count(*) FROM audit b WHERE b.tx = ?1) "
        "FROM audit WHERE tx = ?1 ORDER BY (entity = 'task' AND action <> 'update') DESC, "
        "(entity = 'task' AND action = 'update' AND json_extract(old_json, '$.version') IS json_extract(new_json, '$.version')), id LIMIT 1";
    memset(out, 0, sizeof *out);
    out->tx = tx;
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, tx);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) { sqlite3_reset(st); return rc == SQLITE_DONE ? db_fail(db, DB_NOTFOUND, "undo: empty action") : db_sqlite_error(db, rc); }
    char name[256];
    text_copy(out->entity, sizeof out->entity, (const char *)sqlite3_column_text(st, 0));
    out->entity_id = sqlite3_column_int64(st, 1);
    text_copy(out->action, sizeof out->action, (const char *)sqlite3_column_text(st, 2));
    text_copy(out->at, sizeof out->at, (const char *)sqlite3_column_text(st, 3));
    text_copy(out->when, sizeof out->when, (const char *)sqlite3_column_text(st, 4));
    text_copy(name, sizeof name, (const char *)sqlite3_column_text(st, 5));
    out->n_rows = sqlite3_column_int(st, 6);
    sqlite3_reset(st);
    int t = table_index(out->entity);
    const char *what = t >= 0 ? _(TABLES[t].vi) : out->entity;
    const char *verb = !strcmp(out->action, "insert") ? _("Thêm") : !strcmp(out->action, "delete") ? _("Xóa") : _("Sửa");
    snprintf(out->summary, sizeof out->summary, _("%s %s \"%s\" lúc %s (%d dòng dữ liệu)"),
             verb, what, name, out->when, out->n_rows);
    return DB_OK;
}

int undo_peek(ntm_db *db, undo_info *out)
{
    int64_t tx = 0;
    int rc = find_tx(db, &tx);
    return rc ? rc : describe(db, tx, out);
}

/* A later change of one of the rows by someone else (or outside ntm) refuses the undo. */
static int check_rows(ntm_db *db, int64_t tx)
{
    static const char *rows = "SELECT entity, entity_id, action, (SELECT max(id) FROM audit WHERE tx = ?1) FROM audit WHERE tx = ?1";
    static const char *later = "SELECT user, strftime('%d/%m/%Y %H:%M', at, 'localtime'), tx FROM audit "
        "WHERE entity = ?1 AND entity_id = ?2 AND id > ?3 AND user <> ?4 ORDER BY id";
    sqlite3_stmt *st = db_stmt(db, rows);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, tx);
    int rc = DB_OK, r;
    /* Collected first: the statement cache hands out one statement per SQL text. */
    struct row { char entity[24]; int64_t id; char action[8]; } *v = NULL;
    int n = 0;
    int64_t last = 0;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        struct row *nv = realloc(v, (size_t)(n + 1) * sizeof *nv);
        if (!nv) { rc = db_fail(db, DB_ERR, "out of memory"); break; }
        v = nv;
        text_copy(v[n].entity, sizeof v[n].entity, (const char *)sqlite3_column_text(st, 0));
        v[n].id = sqlite3_column_int64(st, 1);
        text_copy(v[n].action, sizeof v[n].action, (const char *)sqlite3_column_text(st, 2));
        last = sqlite3_column_int64(st, 3);
        n++;
    }
    sqlite3_reset(st);
    if (!rc && r != SQLITE_DONE) rc = db_sqlite_error(db, r);
    for (int i = 0; !rc && i < n; i++) {
        int t = table_index(v[i].entity);
        if (t < 0) { rc = db_fail(db, DB_INVALID, _("Không hoàn tác được thay đổi trên bảng %s."), v[i].entity); break; }
        if (!(st = db_stmt(db, later))) { rc = DB_ERR; break; }
        sqlite3_bind_text(st, 1, v[i].entity, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 2, v[i].id);
        sqlite3_bind_int64(st, 3, last);
        sqlite3_bind_text(st, 4, db_user(db), -1, SQLITE_TRANSIENT);
        /* A change someone else made and then undid (both marked) is no change. */
        while (sqlite3_step(st) == SQLITE_ROW) {
            if (sqlite3_column_type(st, 2) != SQLITE_NULL && marked(db, sqlite3_column_int64(st, 2))) continue;
            rc = db_fail(db, DB_CONFLICT, _("Không hoàn tác được: %s đã sửa %s này lúc %s, sau thao tác của bạn. Không có gì bị thay đổi."),
                         (const char *)sqlite3_column_text(st, 0), _(TABLES[t].vi),
                         (const char *)sqlite3_column_text(st, 1));
            break;
        }
        sqlite3_reset(st);
        if (rc) break;
        /* The row must be as the action left it: there for an insert or update, gone for a delete. */
        char sql[128];
        sqlite3_stmt *ex;
        snprintf(sql, sizeof sql, "SELECT 1 FROM \"%s\" WHERE rowid = ?1", TABLES[t].table);
        if (sqlite3_prepare_v2(db->h, sql, -1, &ex, NULL) != SQLITE_OK) { rc = db_sqlite_error(db, sqlite3_errcode(db->h)); break; }
        sqlite3_bind_int64(ex, 1, v[i].id);
        int exists = sqlite3_step(ex) == SQLITE_ROW;
        sqlite3_finalize(ex);
        /* A row inserted and deleted again by this same action is neither here nor needed. */
        int gone_later = 0;
        for (int j = 0; j < n; j++)
            if (j != i && !strcmp(v[j].entity, v[i].entity) && v[j].id == v[i].id && !strcmp(v[j].action, "delete")) gone_later = 1;
        if (strcmp(v[i].action, "delete") ? !exists && !gone_later : exists && !gone_later)
            rc = db_fail(db, DB_CONFLICT, _("Không hoàn tác được: %s số %lld đã bị thay đổi ngoài chương trình. Không có gì bị thay đổi."),
                         _(TABLES[t].vi), (long long)v[i].id);
    }
    free(v);
    return rc;
}

typedef struct { char *p; size_t n, cap; } sbuf;
static int sb(sbuf *b, const char *s)
{
    size_t n = strlen(s);
    if (b->n + n + 1 > b->cap) {
        size_t cap = (b->cap + n + 1) * 2;
        char *p = realloc(b->p, cap);
        if (!p) return -1;
        b->p = p; b->cap = cap;
    }
    memcpy(b->p + b->n, s, n + 1);
    b->n += n;
    return 0;
}

/* The statement that reverts one row of table t: ?1 the old JSON, ?2 the rowid. */
static int revert_sql(ntm_db *db, int t, const char *action, sbuf *out)
{
    char sql[160], part[256];
    sqlite3_stmt *st;
    int has_version = 0, has_updated = 0, first = 1;
    snprintf(sql, sizeof sql, "SELECT name FROM pragma_table_info('%s') ORDER BY cid", TABLES[t].table);
    if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) return db_sqlite_error(db, sqlite3_errcode(db->h));
    sbuf cols = { 0 }, vals = { 0 };
    int err = 0;
    if (!strcmp(action, "insert")) {
        snprintf(part, sizeof part, "DELETE FROM \"%s\" WHERE rowid = ?2", TABLES[t].table);
        err |= sb(out, part);
    } else if (!strcmp(action, "update")) {
        snprintf(part, sizeof part, "UPDATE \"%s\" SET ", TABLES[t].table);
        err |= sb(out, part);
    }
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *c = (const char *)sqlite3_column_text(st, 0);
        if (!strcmp(action, "insert")) continue;
        if (!strcmp(action, "update")) {
            if (!strcmp(c, "id")) continue;
            if (!strcmp(c, "version")) { has_version = 1; continue; }
            if (!strcmp(c, "updated_at")) { has_updated = 1; continue; }
            /* a key missing from the JSON (a newer column) keeps its value */
            snprintf(part, sizeof part, "%s\"%s\" = CASE WHEN json_type(?1, '$.\"%s\"') IS NULL THEN \"%s\" ELSE json_extract(?1, '$.\"%s\"') END",
                     first ? "" : ", ", c, c, c, c);
            err |= sb(out, part);
        } else {
            snprintf(part, sizeof part, "%s\"%s\"", first ? "" : ", ", c);
            err |= sb(&cols, part);
            snprintf(part, sizeof part, "%sjson_extract(?1, '$.\"%s\"')", first ? "" : ", ", c);
            err |= sb(&vals, part);
        }
        first = 0;
    }
    sqlite3_finalize(st);
    if (!strcmp(action, "update")) {
        if (has_version) err |= sb(out, first ? "version = version + 1" : ", version = version + 1"), first = 0;
        if (has_updated) err |= sb(out, first ? "updated_at = " ENT_NOW : ", updated_at = " ENT_NOW), first = 0;
        if (first) err |= sb(out, "rowid = rowid");
        err |= sb(out, " WHERE rowid = ?2");
    } else if (!strcmp(action, "delete")) {
        snprintf(part, sizeof part, "INSERT INTO \"%s\"(", TABLES[t].table);
        err |= sb(out, part) | sb(out, cols.p ? cols.p : "") | sb(out, ") VALUES (") | sb(out, vals.p ? vals.p : "") | sb(out, ")");
    }
    free(cols.p); free(vals.p);
    return err ? db_fail(db, DB_ERR, "out of memory") : DB_OK;
}

/* task.done_qty is the sum of its reports (schema triggers); reverting reports and the
 * task's own rows in one go may count a report twice, so it is summed again. */
static int resum_tasks(ntm_db *db, int64_t tx)
{
    static const char *sql = "UPDATE task SET done_qty = (SELECT total(qty) FROM progress WHERE task_id = task.id) "
        "WHERE id IN (SELECT entity_id FROM audit WHERE tx = ?1 AND entity = 'task' UNION "
        "             SELECT json_extract(coalesce(old_json, new_json), '$.task_id') FROM audit WHERE tx = ?1 AND entity = 'progress') "
        "AND abs(done_qty - (SELECT total(qty) FROM progress WHERE task_id = task.id)) > 1e-9";
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, tx);
    int r = sqlite3_step(st);
    sqlite3_reset(st);
    return r == SQLITE_DONE ? DB_OK : db_sqlite_error(db, r);
}

static int mark(ntm_db *db, int64_t tx)
{
    static const char *cur = "SELECT tx FROM temp.ntm_session";
    sqlite3_stmt *st = db_stmt(db, cur);
    if (!st) return DB_ERR;
    int64_t undo_tx = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    char key[48], val[48];
    snprintf(key, sizeof key, "undone.%" PRId64, tx);
    snprintf(val, sizeof val, "%" PRId64, undo_tx);
    int rc = db_meta_set(db, key, val);
    if (rc) return rc;
    snprintf(key, sizeof key, "undo.%" PRId64, undo_tx);
    snprintf(val, sizeof val, "%" PRId64, tx);
    return db_meta_set(db, key, val);
}

static int undo_tx(ntm_db *db, void *p)
{
    static const char *rows = "SELECT id, entity, entity_id, action, coalesce(old_json, new_json) FROM audit WHERE tx = ?1 ORDER BY id DESC";
    undo_info *info = p;
    int64_t tx = 0;
    int rc = find_tx(db, &tx);
    if (!rc) rc = describe(db, tx, info);
    if (!rc) rc = check_rows(db, tx);
    if (rc) return rc;
    /* Rows come back in reverse order; references are checked at commit. */
    if ((rc = db_exec(db, "PRAGMA defer_foreign_keys = ON"))) return rc;
    sqlite3_stmt *st = db_stmt(db, rows);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, tx);
    struct row { int t; int64_t id; char action[8]; char *json; } *v = NULL;
    int n = 0, r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        struct row *nv = realloc(v, (size_t)(n + 1) * sizeof *nv);
        if (!nv) { rc = db_fail(db, DB_ERR, "out of memory"); break; }
        v = nv;
        v[n].t = table_index((const char *)sqlite3_column_text(st, 1));
        v[n].id = sqlite3_column_int64(st, 2);
        text_copy(v[n].action, sizeof v[n].action, (const char *)sqlite3_column_text(st, 3));
        const char *j = (const char *)sqlite3_column_text(st, 4);
        v[n].json = strdup(j ? j : "{}");
        n++;
        if (!v[n - 1].json) { rc = db_fail(db, DB_ERR, "out of memory"); break; }
    }
    sqlite3_reset(st);
    if (!rc && r != SQLITE_DONE) rc = db_sqlite_error(db, r);
    for (int i = 0; !rc && i < n; i++) {
        if (v[i].t < 0) { rc = db_fail(db, DB_INVALID, "undo: unknown table"); break; }
        sbuf sql = { 0 };
        sqlite3_stmt *w = NULL;
        rc = revert_sql(db, v[i].t, v[i].action, &sql);
        if (!rc && sqlite3_prepare_v2(db->h, sql.p, -1, &w, NULL) != SQLITE_OK) rc = db_sqlite_error(db, sqlite3_errcode(db->h));
        if (!rc) {
            sqlite3_bind_text(w, 1, v[i].json, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(w, 2, v[i].id);
            int s = sqlite3_step(w);
            if (s != SQLITE_DONE) rc = db_sqlite_error(db, s);
        }
        sqlite3_finalize(w);
        free(sql.p);
    }
    for (int i = 0; i < n; i++) free(v[i].json);
    free(v);
    if (!rc) rc = resum_tasks(db, tx);
    if (!rc) rc = mark(db, tx);
    return rc;
}

int undo_last(ntm_db *db, undo_info *out)
{
    undo_info tmp;
    undo_info *info = out ? out : &tmp;
    memset(info, 0, sizeof *info);
    int rc = ent_in_tx(db, undo_tx, info);
    if (rc == DB_INVALID && strstr(db_errmsg(db), "FOREIGN KEY"))
        rc = db_fail(db, DB_CONFLICT, "%s", _("Không hoàn tác được: dữ liệu liên quan đã thay đổi sau thao tác này. Không có gì bị thay đổi."));
    return rc;
}
