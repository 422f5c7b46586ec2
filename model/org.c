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

static const struct { const char *code, *vi; } KINDS[] = {   /* vi: a msgid */
    { "party", N_("Đảng") },           { "government", N_("Chính quyền") },
    { "front", N_("Mặt trận") },        { "union", N_("Đoàn thể") },
    { "police", N_("Công an") },       { "military", N_("Quân sự") },
    { "school", N_("Trường học") },    { "coop", N_("Hợp tác xã") },
    { "committee", N_("Ban chỉ đạo/Ban") }, { "other", N_("Khác") },
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
        if (!strcmp(kind, KINDS[i].code)) return _(KINDS[i].vi);
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
    if (rc == DB_NOTFOUND) return db_fail(db, DB_NOTFOUND, _("Không có tổ chức số %lld"), (long long)id);
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
    int rc = rows_unit_is(db, f->commune_id, "commune", _("Xã: chưa chọn xã"));
    if (rc) return rc;
    if (a->id) {                      /* its tasks and people stay in its commune */
        org_rec old;
        if ((rc = org_read(db, a->id, &old))) return rc;
        if (old.commune_id != f->commune_id)
            return db_fail_field(db, DB_INVALID, "unit_id", _("Xã"),
                                 "%s", _("không chuyển được tổ chức sang xã khác"));
    }
    rc = field_text(db, "name", _("Tên tổ chức"), f->name, 1, 200, &name);
    if (!rc) rc = field_text(db, "short_name", _("Tên viết tắt"), f->short_name, 0, 30, &shrt);
    if (!rc && !org_kind_valid(kind))
        rc = db_fail_field(db, DB_INVALID, "kind", _("Loại tổ chức"),
                           _("không có loại \"%s\""), kind);
    if (!rc && (!(key = text_fold(name)) || !(sort = text_sort_key(name)))) rc = db_fail(db, DB_ERR, "out of memory");
    if (!rc && (st = db_stmt(db, dup))) {
        sqlite3_bind_int64(st, 1, f->commune_id);
        sqlite3_bind_text(st, 2, key, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 3, a->id);
        if (sqlite3_step(st) == SQLITE_ROW)
            rc = db_fail_field(db, DB_INVALID, "name", _("Tên tổ chức"),
                               _("xã đã có \"%s\""),
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
        rc = edit_step(db, st, a, "org", _("tổ chức"));
    }
    free(name); free(shrt); free(key); free(sort);
    return rc;
}

int org_create(ntm_db *db, const org_fields *f, int64_t *id) { return edit_create(db, org_write, f, id); }

int org_update(ntm_db *db, int64_t id, int64_t version, const org_fields *f)
{
    return edit_update(db, org_write, f, id, version, _("Chưa chọn tổ chức"));
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
        { _("đầu việc"), 0 }, { _("người"), 0 }, { _("tiêu chí phụ trách"), 0 },
        { _("cơ quan ban hành văn bản"), 0 },
    };
    if ((rc = edit_refuse_used(db, refs, id, o.commune_id, _("tổ chức"), o.name, list, 4))) return rc;
    rc = rows_exec(db, del, id);
    if (rc == DB_INVALID)
        rc = db_fail(db, DB_INVALID, _("Không xóa được tổ chức \"%s\": dữ liệu khác còn tham chiếu đến."), o.name);
    return rc;
}

int org_delete(ntm_db *db, int64_t id) { return ent_in_tx(db, org_del, &id); }
