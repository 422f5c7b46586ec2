/* person: people of a commune: create, edit (version checked), delete, list. */
#include "model/person.h"
#include "model/entity.h"
#include "model/field.h"
#include "model/i18n.h"
#include "model/rows.h"
#include "model/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PERSON_COLS "p.id, p.unit_id, CASE u.kind WHEN 'hamlet' THEN u.parent_id ELSE u.id END, coalesce(p.org_id, 0), " \
    "p.version, p.full_name, coalesce(p.position, ''), coalesce(p.phone, ''), coalesce(o.short_name, o.name, '') "
#define PERSON_FROM "FROM person p JOIN unit u ON u.id = p.unit_id LEFT JOIN org o ON o.id = p.org_id "

static void read_person(ntm_db *db, sqlite3_stmt *st, void *row)
{
    person_rec *r = row;
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, 0);
    r->unit_id = sqlite3_column_int64(st, 1);
    r->commune_id = sqlite3_column_int64(st, 2);
    r->org_id = sqlite3_column_int64(st, 3);
    r->version = sqlite3_column_int64(st, 4);
    col_text(r->full_name, sizeof r->full_name, st, 5);
    col_text(r->position, sizeof r->position, st, 6);
    col_text(r->phone, sizeof r->phone, st, 7);
    col_text(r->org, sizeof r->org, st, 8);
}

int person_read(ntm_db *db, int64_t id, person_rec *out)
{
    static const char *sql = "SELECT " PERSON_COLS PERSON_FROM "WHERE p.id = ?1";
    int rc = rows_get(db, sql, id, read_person, out);
    if (rc == DB_NOTFOUND) return db_fail(db, DB_NOTFOUND, _("Không có người số %lld"), (long long)id);
    return rc;
}

int person_list(ntm_db *db, int64_t commune_id, person_rec **out, int *n)
{
    /* The commune and each hamlet are read through person_by_unit, then merged. */
    static const char *sql = "SELECT " PERSON_COLS PERSON_FROM
        "WHERE p.unit_id IN (SELECT ?1 UNION ALL SELECT id FROM unit WHERE parent_id = ?1) ORDER BY p.sort_key, p.id";
    void *v;
    int rc = rows_list(db, sql, commune_id, read_person, sizeof **out, &v, n);
    *out = v;
    return rc;
}

static int phone_ok(const char *s)
{
    int digits = 0;
    for (; s && *s; s++) {
        if (*s >= '0' && *s <= '9') digits++;
        else if (!strchr(" +-.()", *s)) return 0;
    }
    return digits >= 3;
}

static int person_write(ntm_db *db, void *p)
{
    /* The commune of the unit (itself, or a hamlet's parent), and of the chosen org. */
    static const char *unit_sql = "SELECT CASE kind WHEN 'hamlet' THEN parent_id WHEN 'commune' THEN id END FROM unit WHERE id = ?1";
    static const char *org_sql = "SELECT unit_id FROM org WHERE id = ?1";
    static const char *ins = "INSERT INTO person(unit_id, full_name, position, org_id, phone, name_key, sort_key) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
    static const char *upd = "UPDATE person SET unit_id = ?1, full_name = ?2, position = ?3, org_id = ?4, phone = ?5, "
        "name_key = ?6, sort_key = ?7, version = version + 1, updated_at = " ENT_NOW " WHERE id = ?8 AND version = ?9";
    const edit_args *a = p;
    const person_fields *f = a->f;
    char *name = NULL, *pos = NULL, *phone = NULL, *key = NULL, *sort = NULL;
    int64_t commune, org_commune;
    sqlite3_stmt *st;
    if (rows_int64(db, unit_sql, f->unit_id, &commune)) return DB_ERR;
    if (!commune) return db_fail_field(db, DB_INVALID, "unit_id", _("Nơi công tác"),
                                       "%s", _("chưa chọn xã hoặc thôn"));
    if (a->id) {                      /* the tasks they own stay in their commune */
        person_rec old;
        int r = person_read(db, a->id, &old);
        if (r) return r;
        if (old.commune_id != commune)
            return db_fail_field(db, DB_INVALID, "unit_id", _("Nơi công tác"),
                                 "%s", _("không chuyển được sang xã khác"));
    }
    int rc = field_text(db, "full_name", _("Họ và tên"), f->full_name, 1, 120, &name);
    if (!rc) rc = field_text(db, "position", _("Chức vụ"), f->position, 0, 200, &pos);
    if (!rc) rc = field_text(db, "phone", _("Điện thoại"), f->phone, 0, 20, &phone);
    if (!rc && phone && !phone_ok(phone))
        rc = db_fail_field(db, DB_INVALID, "phone", _("Điện thoại"),
                           "%s", _("chỉ gồm chữ số, dấu cách và + - . ( )"));
    if (!rc && f->org_id > 0 && !(rc = rows_int64(db, org_sql, f->org_id, &org_commune)) && org_commune != commune)
        rc = db_fail_field(db, DB_INVALID, "org_id", _("Tổ chức"),
                           "%s", _("phải là tổ chức của cùng xã"));
    if (!rc && (!(key = text_fold(name)) || !(sort = text_sort_key_person(name)))) rc = db_fail(db, DB_ERR, "out of memory");
    if (!rc && !(st = db_stmt(db, a->id ? upd : ins))) rc = DB_ERR;
    if (!rc) {
        sqlite3_bind_int64(st, 1, f->unit_id);
        sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
        bind_text_or_null(st, 3, pos);
        bind_id_or_null(st, 4, f->org_id);
        bind_text_or_null(st, 5, phone);
        sqlite3_bind_text(st, 6, key, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 7, sort, -1, SQLITE_TRANSIENT);
        if (a->id) { sqlite3_bind_int64(st, 8, a->id); sqlite3_bind_int64(st, 9, a->version); }
        rc = edit_step(db, st, a, "person", C_("person", "người"));
    }
    free(name); free(pos); free(phone); free(key); free(sort);
    return rc;
}

int person_create(ntm_db *db, const person_fields *f, int64_t *id) { return edit_create(db, person_write, f, id); }

int person_update(ntm_db *db, int64_t id, int64_t version, const person_fields *f)
{
    return edit_update(db, person_write, f, id, version, _("Chưa chọn người"));
}

static int person_del(ntm_db *db, void *p)
{
    static const char *refs = "SELECT "
        "(SELECT count(*) FROM task WHERE commune_id = ?2 AND owner_person_id = ?1), "
        "(SELECT count(*) FROM unit_criterion WHERE unit_id IN (SELECT ?2 UNION ALL SELECT id FROM unit WHERE parent_id = ?2) "
        "  AND owner_person_id = ?1), "
        "(SELECT count(*) FROM tour WHERE unit_id = ?2 AND lead_person_id = ?1) + "
        "  (SELECT count(*) FROM tour t JOIN tour_member m ON m.tour_id = t.id WHERE t.unit_id = ?2 AND m.person_id = ?1)";
    static const char *del = "DELETE FROM person WHERE id = ?1";
    int64_t id = *(int64_t *)p;
    person_rec r;
    int rc = person_read(db, id, &r);
    if (rc) return rc;
    ent_ref list[] = {
        { _("đầu việc"), 0 }, { _("tiêu chí phụ trách"), 0 }, { _("tour kiểm tra"), 0 },
    };
    if ((rc = edit_refuse_used(db, refs, id, r.commune_id, C_("person", "người"), r.full_name, list, 3))) return rc;
    rc = rows_exec(db, del, id);
    if (rc == DB_INVALID)
        rc = db_fail(db, DB_INVALID, _("Không xóa được \"%s\": dữ liệu khác còn tham chiếu đến."), r.full_name);
    return rc;
}

int person_delete(ntm_db *db, int64_t id) { return ent_in_tx(db, person_del, &id); }
