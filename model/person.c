/* person: people of a commune: create, edit (version checked), delete, list. */
#include "model/person.h"
#include "model/db_internal.h"
#include "model/entity.h"
#include "model/field.h"
#include "model/i18n.h"
#include "model/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PERSON_COLS "p.id, p.unit_id, CASE u.kind WHEN 'hamlet' THEN u.parent_id ELSE u.id END, coalesce(p.org_id, 0), " \
    "p.version, p.full_name, coalesce(p.position, ''), coalesce(p.phone, ''), coalesce(o.short_name, o.name, '') "
#define PERSON_FROM "FROM person p JOIN unit u ON u.id = p.unit_id LEFT JOIN org o ON o.id = p.org_id "

static void read_person(sqlite3_stmt *st, person_rec *r)
{
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, 0);
    r->unit_id = sqlite3_column_int64(st, 1);
    r->commune_id = sqlite3_column_int64(st, 2);
    r->org_id = sqlite3_column_int64(st, 3);
    r->version = sqlite3_column_int64(st, 4);
    text_copy(r->full_name, sizeof r->full_name, (const char *)sqlite3_column_text(st, 5));
    text_copy(r->position, sizeof r->position, (const char *)sqlite3_column_text(st, 6));
    text_copy(r->phone, sizeof r->phone, (const char *)sqlite3_column_text(st, 7));
    text_copy(r->org, sizeof r->org, (const char *)sqlite3_column_text(st, 8));
}

int person_read(ntm_db *db, int64_t id, person_rec *out)
{
    static const char *sql = "SELECT " PERSON_COLS PERSON_FROM "WHERE p.id = ?1";
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) read_person(st, out);
    sqlite3_reset(st);
    if (rc == SQLITE_ROW) return DB_OK;
    if (rc == SQLITE_DONE) return db_fail(db, DB_NOTFOUND, L("Không có người số %lld", "No person with id %lld"), (long long)id);
    return db_sqlite_error(db, rc);
}

int person_list(ntm_db *db, int64_t commune_id, person_rec **out, int *n)
{
    /* The commune and each hamlet are read through person_by_unit, then merged. */
    static const char *sql = "SELECT " PERSON_COLS PERSON_FROM
        "WHERE p.unit_id IN (SELECT ?1 UNION ALL SELECT id FROM unit WHERE parent_id = ?1) ORDER BY p.sort_key, p.id";
    *out = NULL; *n = 0;
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, commune_id);
    int cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            person_rec *v = realloc(*out, (size_t)cap * sizeof *v);
            if (!v) { sqlite3_reset(st); free(*out); *out = NULL; *n = 0; return db_fail(db, DB_ERR, "out of memory"); }
            *out = v;
        }
        read_person(st, &(*out)[(*n)++]);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) { free(*out); *out = NULL; *n = 0; return db_sqlite_error(db, rc); }
    return DB_OK;
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

typedef struct { const person_fields *f; int64_t id, version, *out; } person_args;

static int person_write(ntm_db *db, void *p)
{
    /* The commune of the unit (itself, or a hamlet's parent), and of the chosen org. */
    static const char *unit_sql = "SELECT CASE kind WHEN 'hamlet' THEN parent_id WHEN 'commune' THEN id END FROM unit WHERE id = ?1";
    static const char *org_sql = "SELECT unit_id FROM org WHERE id = ?1";
    static const char *ins = "INSERT INTO person(unit_id, full_name, position, org_id, phone, name_key, sort_key) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
    static const char *upd = "UPDATE person SET unit_id = ?1, full_name = ?2, position = ?3, org_id = ?4, phone = ?5, "
        "name_key = ?6, sort_key = ?7, version = version + 1, updated_at = " ENT_NOW " WHERE id = ?8 AND version = ?9";
    person_args *a = p;
    char *name = NULL, *pos = NULL, *phone = NULL, *key = NULL, *sort = NULL;
    int64_t commune = 0;
    sqlite3_stmt *st = db_stmt(db, unit_sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, a->f->unit_id);
    if (sqlite3_step(st) == SQLITE_ROW) commune = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    if (!commune) return db_fail(db, DB_INVALID, "%s", L("Nơi công tác: chưa chọn xã hoặc thôn", "Works in: no commune or hamlet chosen"));
    if (a->id) {                      /* the tasks they own stay in their commune */
        person_rec old;
        int r = person_read(db, a->id, &old);
        if (r) return r;
        if (old.commune_id != commune)
            return db_fail(db, DB_INVALID, "%s", L("Nơi công tác: không chuyển được sang xã khác", "Works in: cannot move to another commune"));
    }
    int rc = field_text(db, L("Họ và tên", "Full name"), a->f->full_name, 1, 120, &name);
    if (!rc) rc = field_text(db, L("Chức vụ", "Position"), a->f->position, 0, 200, &pos);
    if (!rc) rc = field_text(db, L("Điện thoại", "Phone"), a->f->phone, 0, 20, &phone);
    if (!rc && phone && !phone_ok(phone))
        rc = db_fail(db, DB_INVALID, "%s", L("Điện thoại: chỉ gồm chữ số, dấu cách và + - . ( )", "Phone: digits, spaces and + - . ( ) only"));
    if (!rc && a->f->org_id > 0) {
        if (!(st = db_stmt(db, org_sql))) rc = DB_ERR;
        else {
            sqlite3_bind_int64(st, 1, a->f->org_id);
            int64_t org_commune = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
            sqlite3_reset(st);
            if (org_commune != commune)
                rc = db_fail(db, DB_INVALID, "%s", L("Tổ chức: phải là tổ chức của cùng xã", "Organisation: must be of the same commune"));
        }
    }
    if (!rc && (!(key = text_fold(name)) || !(sort = text_sort_key_person(name)))) rc = db_fail(db, DB_ERR, "out of memory");
    if (!rc && !(st = db_stmt(db, a->id ? upd : ins))) rc = DB_ERR;
    if (!rc) {
        sqlite3_bind_int64(st, 1, a->f->unit_id);
        sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
        bind_text_or_null(st, 3, pos);
        bind_id_or_null(st, 4, a->f->org_id);
        bind_text_or_null(st, 5, phone);
        sqlite3_bind_text(st, 6, key, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 7, sort, -1, SQLITE_TRANSIENT);
        if (a->id) { sqlite3_bind_int64(st, 8, a->id); sqlite3_bind_int64(st, 9, a->version); }
        rc = step_done(db, st);
        if (!rc && !a->id && a->out) *a->out = sqlite3_last_insert_rowid(db->h);
        if (!rc && a->id && sqlite3_changes(db->h) == 0) rc = ent_conflict(db, "person", a->id, L("người", "person"));
    }
    free(name); free(pos); free(phone); free(key); free(sort);
    return rc;
}

int person_create(ntm_db *db, const person_fields *f, int64_t *id)
{
    person_args a = { f, 0, 0, id };
    return ent_in_tx(db, person_write, &a);
}

int person_update(ntm_db *db, int64_t id, int64_t version, const person_fields *f)
{
    if (id <= 0) return db_fail(db, DB_NOTFOUND, "%s", L("Chưa chọn người", "No person chosen"));
    person_args a = { f, id, version, NULL };
    return ent_in_tx(db, person_write, &a);
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
    sqlite3_stmt *st = db_stmt(db, refs);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, r.commune_id);
    int s = sqlite3_step(st);
    if (s != SQLITE_ROW) { sqlite3_reset(st); return db_sqlite_error(db, s); }
    ent_ref list[] = {
        { L("đầu việc", "tasks"), sqlite3_column_int64(st, 0) },
        { L("tiêu chí phụ trách", "criteria owned"), sqlite3_column_int64(st, 1) },
        { L("tour kiểm tra", "inspection tours"), sqlite3_column_int64(st, 2) },
    };
    sqlite3_reset(st);
    if ((rc = ent_refused(db, L("người", "person"), r.full_name, list, 3))) return rc;
    if (!(st = db_stmt(db, del))) return DB_ERR;
    sqlite3_bind_int64(st, 1, id);
    rc = step_done(db, st);
    if (rc == DB_INVALID)
        rc = db_fail(db, DB_INVALID, L("Không xóa được \"%s\": dữ liệu khác còn tham chiếu đến.",
                                       "Cannot delete \"%s\": other records still refer to them."), r.full_name);
    return rc;
}

int person_delete(ntm_db *db, int64_t id) { return ent_in_tx(db, person_del, &id); }
