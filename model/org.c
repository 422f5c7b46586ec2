/* org: organisations of a commune: create, edit (version checked), delete, list. */
#include "model/org.h"
#include "model/db_internal.h"
#include "model/entity.h"
#include "model/field.h"
#include "model/i18n.h"
#include "model/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct { const char *code, *vi, *en; } KINDS[] = {
    { "party", "Đảng", "Party" },           { "government", "Chính quyền", "Government" },
    { "front", "Mặt trận", "Front" },        { "union", "Đoàn thể", "Mass organisation" },
    { "police", "Công an", "Police" },       { "military", "Quân sự", "Military" },
    { "school", "Trường học", "School" },    { "coop", "Hợp tác xã", "Cooperative" },
    { "committee", "Ban chỉ đạo/Ban", "Committee" }, { "other", "Khác", "Other" },
};

int org_kind_valid(const char *kind)
{
    for (size_t i = 0; kind && i < sizeof KINDS / sizeof KINDS[0]; i++)
        if (!strcmp(kind, KINDS[i].code)) return 1;
    return 0;
}

const char *org_kind_label(const char *kind)
{
    for (size_t i = 0; kind && i < sizeof KINDS / sizeof KINDS[0]; i++)
        if (!strcmp(kind, KINDS[i].code)) return L(KINDS[i].vi, KINDS[i].en);
    return kind ? kind : "";
}

#define ORG_COLS "id, unit_id, version, name, coalesce(short_name, ''), kind "

static void read_org(sqlite3_stmt *st, org_rec *r)
{
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, 0);
    r->commune_id = sqlite3_column_int64(st, 1);
    r->version = sqlite3_column_int64(st, 2);
    text_copy(r->name, sizeof r->name, (const char *)sqlite3_column_text(st, 3));
    text_copy(r->short_name, sizeof r->short_name, (const char *)sqlite3_column_text(st, 4));
    text_copy(r->kind, sizeof r->kind, (const char *)sqlite3_column_text(st, 5));
}

int org_read(ntm_db *db, int64_t id, org_rec *out)
{
    static const char *sql = "SELECT " ORG_COLS "FROM org WHERE id = ?1";
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) read_org(st, out);
    sqlite3_reset(st);
    if (rc == SQLITE_ROW) return DB_OK;
    if (rc == SQLITE_DONE) return db_fail(db, DB_NOTFOUND, L("Không có tổ chức số %lld", "No organisation with id %lld"), (long long)id);
    return db_sqlite_error(db, rc);
}

int org_list(ntm_db *db, int64_t commune_id, org_rec **out, int *n)
{
    static const char *sql = "SELECT " ORG_COLS "FROM org WHERE unit_id = ?1 ORDER BY sort_key, id";
    *out = NULL; *n = 0;
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, commune_id);
    int cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            org_rec *v = realloc(*out, (size_t)cap * sizeof *v);
            if (!v) { sqlite3_reset(st); free(*out); *out = NULL; *n = 0; return db_fail(db, DB_ERR, "out of memory"); }
            *out = v;
        }
        read_org(st, &(*out)[(*n)++]);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) { free(*out); *out = NULL; *n = 0; return db_sqlite_error(db, rc); }
    return DB_OK;
}

typedef struct { const org_fields *f; int64_t id, version, *out; } org_args;

static int org_write(ntm_db *db, void *p)
{
    static const char *commune = "SELECT kind FROM unit WHERE id = ?1";
    static const char *dup = "SELECT name FROM org WHERE unit_id = ?1 AND name_key = ?2 AND id <> ?3";
    static const char *ins = "INSERT INTO org(unit_id, name, short_name, kind, name_key, sort_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
    static const char *upd = "UPDATE org SET unit_id = ?1, name = ?2, short_name = ?3, kind = ?4, name_key = ?5, sort_key = ?6, "
        "version = version + 1, updated_at = " ENT_NOW " WHERE id = ?7 AND version = ?8";
    org_args *a = p;
    const char *kind = a->f->kind && *a->f->kind ? a->f->kind : "other";
    char *name = NULL, *shrt = NULL, *key = NULL, *sort = NULL;
    int rc = DB_OK;
    sqlite3_stmt *st = db_stmt(db, commune);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, a->f->commune_id);
    int ok = sqlite3_step(st) == SQLITE_ROW && !strcmp((const char *)sqlite3_column_text(st, 0), "commune");
    sqlite3_reset(st);
    if (!ok) return db_fail(db, DB_INVALID, "%s", L("Xã: chưa chọn xã", "Commune: no commune chosen"));
    if (a->id) {                      /* its tasks and people stay in its commune */
        org_rec old;
        if ((rc = org_read(db, a->id, &old))) return rc;
        if (old.commune_id != a->f->commune_id)
            return db_fail(db, DB_INVALID, "%s", L("Xã: không chuyển được tổ chức sang xã khác", "Commune: an organisation cannot move to another commune"));
    }
    rc = field_text(db, L("Tên tổ chức", "Organisation name"), a->f->name, 1, 200, &name);
    if (!rc) rc = field_text(db, L("Tên viết tắt", "Short name"), a->f->short_name, 0, 30, &shrt);
    if (!rc && !org_kind_valid(kind))
        rc = db_fail(db, DB_INVALID, L("Loại tổ chức: không có loại \"%s\"", "Kind: no kind \"%s\""), kind);
    if (!rc && (!(key = text_fold(name)) || !(sort = text_sort_key(name)))) rc = db_fail(db, DB_ERR, "out of memory");
    if (!rc && (st = db_stmt(db, dup))) {
        sqlite3_bind_int64(st, 1, a->f->commune_id);
        sqlite3_bind_text(st, 2, key, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 3, a->id);
        if (sqlite3_step(st) == SQLITE_ROW)
            rc = db_fail(db, DB_INVALID, L("Tên tổ chức: xã đã có \"%s\"", "Organisation name: the commune already has \"%s\""),
                         (const char *)sqlite3_column_text(st, 0));
        sqlite3_reset(st);
    }
    if (!rc && !(st = db_stmt(db, a->id ? upd : ins))) rc = DB_ERR;
    if (!rc) {
        sqlite3_bind_int64(st, 1, a->f->commune_id);
        sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
        bind_text_or_null(st, 3, shrt);
        sqlite3_bind_text(st, 4, kind, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 5, key, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 6, sort, -1, SQLITE_TRANSIENT);
        if (a->id) { sqlite3_bind_int64(st, 7, a->id); sqlite3_bind_int64(st, 8, a->version); }
        rc = step_done(db, st);
        if (!rc && !a->id && a->out) *a->out = sqlite3_last_insert_rowid(db->h);
        if (!rc && a->id && sqlite3_changes(db->h) == 0) rc = ent_conflict(db, "org", a->id, L("tổ chức", "organisation"));
    }
    free(name); free(shrt); free(key); free(sort);
    return rc;
}

int org_create(ntm_db *db, const org_fields *f, int64_t *id)
{
    org_args a = { f, 0, 0, id };
    return ent_in_tx(db, org_write, &a);
}

int org_update(ntm_db *db, int64_t id, int64_t version, const org_fields *f)
{
    if (id <= 0) return db_fail(db, DB_NOTFOUND, "%s", L("Chưa chọn tổ chức", "No organisation chosen"));
    org_args a = { f, id, version, NULL };
    return ent_in_tx(db, org_write, &a);
}

static int org_del(ntm_db *db, void *p)
{
    /* Everything an organisation owns is in its commune (the forms check it), so each
     * count reads the commune's rows through an index. */
    static const char *refs = "SELECT "
        "(SELECT count(*) FROM task WHERE commune_id = ?2 AND owner_org_id = ?1), "
        "(SELECT count(*) FROM person WHERE unit_id IN (SELECT ?2 UNION ALL SELECT id FROM unit WHERE parent_id = ?2) AND org_id = ?1), "
        "(SELECT count(*) FROM unit_criterion WHERE unit_id IN (SELECT ?2 UNION ALL SELECT id FROM unit WHERE parent_id = ?2) "
        "  AND owner_org_id = ?1)";
    static const char *del = "DELETE FROM org WHERE id = ?1";
    int64_t id = *(int64_t *)p;
    org_rec o;
    int rc = org_read(db, id, &o);
    if (rc) return rc;
    sqlite3_stmt *st = db_stmt(db, refs);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, o.commune_id);
    int r = sqlite3_step(st);
    if (r != SQLITE_ROW) { sqlite3_reset(st); return db_sqlite_error(db, r); }
    ent_ref list[] = {
        { L("đầu việc", "tasks"), sqlite3_column_int64(st, 0) },
        { L("người", "people"), sqlite3_column_int64(st, 1) },
        { L("tiêu chí phụ trách", "criteria owned"), sqlite3_column_int64(st, 2) },
    };
    sqlite3_reset(st);
    if ((rc = ent_refused(db, L("tổ chức", "organisation"), o.name, list, 3))) return rc;
    if (!(st = db_stmt(db, del))) return DB_ERR;
    sqlite3_bind_int64(st, 1, id);
    rc = step_done(db, st);
    if (rc == DB_INVALID)
        rc = db_fail(db, DB_INVALID, L("Không xóa được tổ chức \"%s\": dữ liệu khác còn tham chiếu đến.",
                                       "Cannot delete organisation \"%s\": other records still refer to it."), o.name);
    return rc;
}

int org_delete(ntm_db *db, int64_t id) { return ent_in_tx(db, org_del, &id); }
