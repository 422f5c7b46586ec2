/* org: organisations of a commune: create, edit (version checked), delete, list. */
#include "model/org.h"
#include "model/entity.h"
#include "model/field.h"
#include "model/i18n.h"
#include "model/rows.h"
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

static void read_org(ntm_db *db, sqlite3_stmt *st, void *row)
{
    org_rec *r = row;
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, 0);
    r->commune_id = sqlite3_column_int64(st, 1);
    r->version = sqlite3_column_int64(st, 2);
    col_text(r->name, sizeof r->name, st, 3);
    col_text(r->short_name, sizeof r->short_name, st, 4);
    col_text(r->kind, sizeof r->kind, st, 5);
}

int org_read(ntm_db *db, int64_t id, org_rec *out)
{
    static const char *sql = "SELECT " ORG_COLS "FROM org WHERE id = ?1";
    int rc = rows_get(db, sql, id, read_org, out);
    if (rc == DB_NOTFOUND) return db_fail(db, DB_NOTFOUND, L("Không có tổ chức số %lld", "No organisation with id %lld"), (long long)id);
    return rc;
}

int org_list(ntm_db *db, int64_t commune_id, org_rec **out, int *n)
{
    static const char *sql = "SELECT " ORG_COLS "FROM org WHERE unit_id = ?1 ORDER BY sort_key, id";
    void *v;
    int rc = rows_list(db, sql, commune_id, read_org, sizeof **out, &v, n);
    *out = v;
    return rc;
}

static int org_write(ntm_db *db, void *p)
{
    static const char *dup = "SELECT name FROM org WHERE unit_id = ?1 AND name_key = ?2 AND id <> ?3";
    static const char *ins = "INSERT INTO org(unit_id, name, short_name, kind, name_key, sort_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
    static const char *upd = "UPDATE org SET unit_id = ?1, name = ?2, short_name = ?3, kind = ?4, name_key = ?5, sort_key = ?6, "
        "version = version + 1, updated_at = " ENT_NOW " WHERE id = ?7 AND version = ?8";
    const edit_args *a = p;
    const org_fields *f = a->f;
    const char *kind = f->kind && *f->kind ? f->kind : "other";
    char *name = NULL, *shrt = NULL, *key = NULL, *sort = NULL;
    sqlite3_stmt *st;
    int rc = rows_unit_is(db, f->commune_id, "commune", L("Xã: chưa chọn xã", "Commune: no commune chosen"));
    if (rc) return rc;
    if (a->id) {                      /* its tasks and people stay in its commune */
        org_rec old;
        if ((rc = org_read(db, a->id, &old))) return rc;
        if (old.commune_id != f->commune_id)
            return db_fail_field(db, DB_INVALID, "unit_id", L("Xã", "Commune"),
                                 "%s", L("không chuyển được tổ chức sang xã khác", "an organisation cannot move to another commune"));
    }
    rc = field_text(db, "name", L("Tên tổ chức", "Organisation name"), f->name, 1, 200, &name);
    if (!rc) rc = field_text(db, "short_name", L("Tên viết tắt", "Short name"), f->short_name, 0, 30, &shrt);
    if (!rc && !org_kind_valid(kind))
        rc = db_fail_field(db, DB_INVALID, "kind", L("Loại tổ chức", "Kind"),
                           L("không có loại \"%s\"", "no kind \"%s\""), kind);
    if (!rc && (!(key = text_fold(name)) || !(sort = text_sort_key(name)))) rc = db_fail(db, DB_ERR, "out of memory");
    if (!rc && (st = db_stmt(db, dup))) {
        sqlite3_bind_int64(st, 1, f->commune_id);
        sqlite3_bind_text(st, 2, key, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 3, a->id);
        if (sqlite3_step(st) == SQLITE_ROW)
            rc = db_fail_field(db, DB_INVALID, "name", L("Tên tổ chức", "Organisation name"),
                               L("xã đã có \"%s\"", "the commune already has \"%s\""),
                         (const char *)sqlite3_column_text(st, 0));
        sqlite3_reset(st);
    }
    if (!rc && !(st = db_stmt(db, a->id ? upd : ins))) rc = DB_ERR;
    if (!rc) {
        sqlite3_bind_int64(st, 1, f->commune_id);
        sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
        bind_text_or_null(st, 3, shrt);
        sqlite3_bind_text(st, 4, kind, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 5, key, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 6, sort, -1, SQLITE_TRANSIENT);
        if (a->id) { sqlite3_bind_int64(st, 7, a->id); sqlite3_bind_int64(st, 8, a->version); }
        rc = edit_step(db, st, a, "org", L("tổ chức", "organisation"));
    }
    free(name); free(shrt); free(key); free(sort);
    return rc;
}

int org_create(ntm_db *db, const org_fields *f, int64_t *id) { return edit_create(db, org_write, f, id); }

int org_update(ntm_db *db, int64_t id, int64_t version, const org_fields *f)
{
    return edit_update(db, org_write, f, id, version, L("Chưa chọn tổ chức", "No organisation chosen"));
}

static int org_del(ntm_db *db, void *p)
{
    /* Everything an organisation owns is in its commune (the forms check it), so each
     * count reads the commune's rows through an index. */
    static const char *refs = "SELECT "
        "(SELECT count(*) FROM task WHERE commune_id = ?2 AND owner_org_id = ?1), "
        "(SELECT count(*) FROM person WHERE unit_id IN (SELECT ?2 UNION ALL SELECT id FROM unit WHERE parent_id = ?2) AND org_id = ?1), "
        "(SELECT count(*) FROM unit_criterion WHERE unit_id IN (SELECT ?2 UNION ALL SELECT id FROM unit WHERE parent_id = ?2) "
        "  AND owner_org_id = ?1), "
        "(SELECT count(*) FROM issuer WHERE org_id = ?1)";
    static const char *del = "DELETE FROM org WHERE id = ?1";
    int64_t id = *(int64_t *)p;
    org_rec o;
    int rc = org_read(db, id, &o);
    if (rc) return rc;
    ent_ref list[] = {
        { L("đầu việc", "tasks"), 0 }, { L("người", "people"), 0 }, { L("tiêu chí phụ trách", "criteria owned"), 0 },
        { L("cơ quan ban hành văn bản", "issuing bodies"), 0 },
    };
    if ((rc = edit_refuse_used(db, refs, id, o.commune_id, L("tổ chức", "organisation"), o.name, list, 4))) return rc;
    rc = rows_exec(db, del, id);
    if (rc == DB_INVALID)
        rc = db_fail(db, DB_INVALID, L("Không xóa được tổ chức \"%s\": dữ liệu khác còn tham chiếu đến.",
                                       "Cannot delete organisation \"%s\": other records still refer to it."), o.name);
    return rc;
}

int org_delete(ntm_db *db, int64_t id) { return ent_in_tx(db, org_del, &id); }
