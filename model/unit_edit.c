/* unit_edit: communes and hamlets created, renamed (with history), deleted when nothing
 * refers to them, and their statuses. The helpers every editing file shares are in entity.c. */
#include "model/entity.h"
#include "model/db_internal.h"
#include "model/field.h"
#include "model/i18n.h"
#include "model/rows.h"
#include "model/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define UNIT_REC_COLS "id, coalesce(parent_id, 0), version, coalesce(criteria_set_id, 0), coalesce(merged_into_id, 0), " \
    "kind, name, coalesce(district, ''), coalesce(note, ''), coalesce(population, -1), coalesce(households, -1), " \
    "coalesce(commune_group, 0), active, updated_at "

static void read_unit(ntm_db *db, sqlite3_stmt *st, void *row)
{
    unit_rec *r = row;
    r->id = sqlite3_column_int64(st, 0);
    r->parent_id = sqlite3_column_int64(st, 1);
    r->version = sqlite3_column_int64(st, 2);
    r->criteria_set_id = sqlite3_column_int64(st, 3);
    r->merged_into_id = sqlite3_column_int64(st, 4);
    const char *k = (const char *)sqlite3_column_text(st, 5);
    r->kind = k ? k[0] : '?';
    col_text(r->name, sizeof r->name, st, 6);
    col_text(r->district, sizeof r->district, st, 7);
    col_text(r->note, sizeof r->note, st, 8);
    r->population = sqlite3_column_int64(st, 9);
    r->households = sqlite3_column_int64(st, 10);
    r->commune_group = sqlite3_column_int(st, 11);
    r->active = sqlite3_column_int(st, 12);
    col_text(r->updated_at, sizeof r->updated_at, st, 13);
}

int unit_read(ntm_db *db, int64_t id, unit_rec *r)
{
    static const char *sql = "SELECT " UNIT_REC_COLS "FROM unit WHERE id = ?1";
    memset(r, 0, sizeof *r);
    int rc = rows_get(db, sql, id, read_unit, r);
    if (rc == DB_NOTFOUND) return db_fail(db, DB_NOTFOUND, _("Không tìm thấy đơn vị số %lld"), (long long)id);
    return rc;
}

static const char *kind_word(char kind)
{
    return kind == 'h' ? _("thôn") : kind == 'c' ? _("xã") : _("tỉnh");
}

typedef struct {
    char kind;
    int64_t parent_id, id, version, *out;
    const unit_fields *f;
    const char *rename_date, *rename_doc;
} unit_args;

/* The validated, NFC values of a form. */
typedef struct {
    char *name, *district, *note, *key, *sort;
    long long population, households;
    int pop_null, hh_null;
} unit_vals;

static void unit_vals_free(unit_vals *v)
{
    free(v->name); free(v->district); free(v->note); free(v->key); free(v->sort);
}

static int unit_validate(ntm_db *db, char kind, int64_t parent_id, int64_t self_id, const unit_fields *f, unit_vals *v)
{
    static const char *dup = "SELECT name FROM unit WHERE parent_id = ?1 AND active = 1 AND name_key = ?2 AND id <> ?3";
    static const char *set = "SELECT level FROM criteria_set WHERE id = ?1";
    memset(v, 0, sizeof *v);
    const char *label = kind == 'h' ? _("Tên thôn") : _("Tên xã");
    int rc = field_text(db, "name", label, f->name, 1, 200, &v->name);
    if (!rc) rc = field_text(db, "district", _("Huyện"), f->district, 0, 60, &v->district);
    if (!rc) rc = field_text(db, "note", _("Ghi chú"), f->note, 0, 1000, &v->note);
    if (!rc) rc = ent_int(db, "population", _("Dân số"), f->population, 0, 0, 100000000, &v->population, &v->pop_null);
    if (!rc) rc = ent_int(db, "households", _("Số hộ"), f->households, 0, 0, 100000000, &v->households, &v->hh_null);
    if (!rc && kind == 'c' && (f->commune_group < 0 || f->commune_group > 3))
        rc = db_fail_field(db, DB_INVALID, "commune_group", _("Nhóm xã"),
                           "%s", _("phải là 1, 2 hoặc 3"));
    if (!rc && f->criteria_set_id > 0) {
        sqlite3_stmt *st = db_stmt(db, set);
        if (!st) return DB_ERR;
        sqlite3_bind_int64(st, 1, f->criteria_set_id);
        int found = sqlite3_step(st) == SQLITE_ROW;
        sqlite3_reset(st);
        if (!found) rc = db_fail_field(db, DB_INVALID, "criteria_set_id", _("Bộ tiêu chí"),
                                       "%s", _("không có bộ này"));
    }
    if (!rc && (!(v->key = text_fold(v->name)) || !(v->sort = text_sort_key(v->name))))
        rc = db_fail(db, DB_ERR, "out of memory");
    if (!rc) {
        sqlite3_stmt *st = db_stmt(db, dup);
        if (!st) return DB_ERR;
        sqlite3_bind_int64(st, 1, parent_id);
        sqlite3_bind_text(st, 2, v->key, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 3, self_id);
        if (sqlite3_step(st) == SQLITE_ROW)
            rc = db_fail_field(db, DB_INVALID, "name", label,
                               _("đã có %s \"%s\" ở đây"), kind_word(kind), (const char *)sqlite3_column_text(st, 0));
        sqlite3_reset(st);
    }
    return rc;
}

static void unit_bind(sqlite3_stmt *st, char kind, const unit_fields *f, const unit_vals *v)
{
    sqlite3_bind_text(st, 1, v->name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, v->key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, v->sort, -1, SQLITE_TRANSIENT);
    bind_text_or_null(st, 4, v->district);
    if (kind == 'c' && f->commune_group > 0) sqlite3_bind_int(st, 5, f->commune_group); else sqlite3_bind_null(st, 5);
    bind_id_or_null(st, 6, f->criteria_set_id);
    if (v->pop_null) sqlite3_bind_null(st, 7); else sqlite3_bind_int64(st, 7, v->population);
    if (v->hh_null) sqlite3_bind_null(st, 8); else sqlite3_bind_int64(st, 8, v->households);
    bind_text_or_null(st, 9, v->note);
}

static int unit_insert(ntm_db *db, void *p)
{
    static const char *ins = "INSERT INTO unit(kind, parent_id, name, name_key, sort_key, district, commune_group, "
        "criteria_set_id, population, households, note) VALUES (?10, ?11, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
    unit_args *a = p;
    unit_rec parent;
    int rc = unit_read(db, a->parent_id, &parent);
    if (rc == DB_NOTFOUND || (!rc && (a->kind == 'c' ? parent.kind != 'p' : parent.kind != 'c')))
        return db_fail(db, DB_INVALID, "%s", a->kind == 'c' ? _("Xã phải thuộc một tỉnh")
                                                            : _("Thôn phải thuộc một xã"));
    if (rc) return rc;
    unit_vals v;
    rc = unit_validate(db, a->kind, a->parent_id, 0, a->f, &v);
    sqlite3_stmt *st = rc ? NULL : db_stmt(db, ins);
    if (!rc && !st) rc = DB_ERR;
    if (!rc) {
        unit_bind(st, a->kind, a->f, &v);
        sqlite3_bind_text(st, 10, a->kind == 'c' ? "commune" : "hamlet", -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 11, a->parent_id);
        rc = step_done(db, st);
        if (!rc && a->out) *a->out = sqlite3_last_insert_rowid(db->h);
    }
    unit_vals_free(&v);
    return rc;
}

int unit_create(ntm_db *db, char kind, int64_t parent_id, const unit_fields *f, int64_t *id)
{
    if (kind != 'c' && kind != 'h')
        return db_fail(db, DB_INVALID, "%s", _("Chỉ tạo được xã hoặc thôn"));
    unit_args a = { .kind = kind, .parent_id = parent_id, .f = f, .out = id };
    return ent_in_tx(db, unit_insert, &a);
}

static int unit_write(ntm_db *db, void *p)
{
    static const char *upd = "UPDATE unit SET name = ?1, name_key = ?2, sort_key = ?3, district = ?4, commune_group = ?5, "
        "criteria_set_id = ?6, population = ?7, households = ?8, note = ?9, version = version + 1, updated_at = " ENT_NOW
        " WHERE id = ?10 AND version = ?11";
    static const char *ev = "INSERT INTO unit_event(unit_id, kind, old_name, new_name, on_date, document) "
                            "VALUES (?1, 'rename', ?2, ?3, ?4, ?5)";
    unit_args *a = p;
    unit_rec old;
    int rc = unit_read(db, a->id, &old);
    if (rc) return rc;
    if (old.version != a->version) return ent_conflict(db, "unit", a->id, kind_word(old.kind));
    unit_vals v;
    char on[11] = "";
    char *doc = NULL;
    rc = unit_validate(db, old.kind, old.parent_id, old.id, a->f, &v);
    if (!rc) rc = ent_date(db, "rename_date", _("Ngày đổi tên"), a->rename_date, 0, on);
    if (!rc) rc = field_text(db, "rename_document", _("Văn bản đổi tên"), a->rename_doc, 0, 200, &doc);
    sqlite3_stmt *st = rc ? NULL : db_stmt(db, upd);
    if (!rc && !st) rc = DB_ERR;
    if (!rc) {
        unit_bind(st, old.kind, a->f, &v);
        sqlite3_bind_int64(st, 10, a->id);
        sqlite3_bind_int64(st, 11, a->version);
        rc = step_done(db, st);
        if (!rc && sqlite3_changes(db->h) == 0) rc = ent_conflict(db, "unit", a->id, kind_word(old.kind));
    }
    if (!rc && strcmp(old.name, v.name) != 0) {
        if (!(st = db_stmt(db, ev))) rc = DB_ERR;
        else {
            sqlite3_bind_int64(st, 1, a->id);
            sqlite3_bind_text(st, 2, old.name, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(st, 3, v.name, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(st, 4, on[0] ? on : db_today(db), -1, SQLITE_TRANSIENT);
            bind_text_or_null(st, 5, doc);
            rc = step_done(db, st);
        }
    }
    free(doc);
    unit_vals_free(&v);
    return rc;
}

int unit_update(ntm_db *db, int64_t id, int64_t version, const unit_fields *f,
                const char *rename_date, const char *rename_document)
{
    unit_args a = { .id = id, .version = version, .f = f, .rename_date = rename_date, .rename_doc = rename_document };
    return ent_in_tx(db, unit_write, &a);
}

static int unit_del(ntm_db *db, void *p)
{
    /* ?2 is the unit's parent: tasks owned by a hamlet are tasks of its commune. */
    static const char *refs = "SELECT "
        "(SELECT count(*) FROM unit WHERE parent_id = ?1), "
        "(SELECT count(*) FROM task WHERE commune_id = ?1) + (SELECT count(*) FROM task WHERE hamlet_id = ?1) + "
        "  (SELECT count(*) FROM task WHERE commune_id = ?2 AND owner_unit_id = ?1 AND coalesce(hamlet_id, 0) <> ?1), "
        "(SELECT count(*) FROM org WHERE unit_id = ?1), "
        "(SELECT count(*) FROM person WHERE unit_id = ?1), "
        "(SELECT count(*) FROM campaign WHERE unit_id = ?1), "
        "(SELECT count(*) FROM household WHERE hamlet_id = ?1), "
        "(SELECT count(*) FROM tour WHERE unit_id = ?1) + "
        "  (SELECT count(*) FROM tour t JOIN tour_stop s ON s.tour_id = t.id WHERE t.unit_id = ?2 AND s.hamlet_id = ?1)";
    static const char *own[] = {
        "DELETE FROM unit_status WHERE unit_id = ?1",
        "DELETE FROM unit_event WHERE unit_id = ?1",
        "DELETE FROM unit_criterion WHERE unit_id = ?1",
        "DELETE FROM unit WHERE id = ?1",
    };
    int64_t id = *(int64_t *)p;
    unit_rec u;
    int rc = unit_read(db, id, &u);
    if (rc) return rc;
    ent_ref list[] = {
        { u.kind == 'p' ? C_("communes", "xã") : C_("hamlets", "thôn"), 0 }, { _("đầu việc"), 0 },
        { C_("organisations", "tổ chức"), 0 }, { _("người"), 0 }, { C_("campaigns", "đợt/kế hoạch"), 0 },
        { _("hộ gia đình"), 0 }, { _("tour/điểm dừng"), 0 },
    };
    rc = edit_refuse_used(db, refs, id, u.parent_id, kind_word(u.kind), u.name, list, (int)(sizeof list / sizeof list[0]));
    for (size_t i = 0; !rc && i < sizeof own / sizeof own[0]; i++)
        if ((rc = rows_exec(db, own[i], id)) && sqlite3_extended_errcode(db->h) == SQLITE_CONSTRAINT_FOREIGNKEY)
            rc = db_fail(db, DB_INVALID, _("Không xóa được %s \"%s\": dữ liệu khác còn tham chiếu đến (sáp nhập, sự kiện...)."),
                         kind_word(u.kind), u.name);
    return rc;
}

int unit_delete(ntm_db *db, int64_t id) { return ent_in_tx(db, unit_del, &id); }

typedef struct {
    int64_t unit_id, *out;
    const char *status, *year, *since, *document, *note;
} status_args;

static int status_add(ntm_db *db, void *p)
{
    static const char *lvl = "SELECT level FROM status_kind WHERE code = ?1";
    static const char *ins = "INSERT INTO unit_status(unit_id, status, year, since, document, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
    status_args *a = p;
    unit_rec u;
    int rc = unit_read(db, a->unit_id, &u);
    if (rc) return rc;
    sqlite3_stmt *st = db_stmt(db, lvl);
    if (!st) return DB_ERR;
    sqlite3_bind_text(st, 1, a->status ? a->status : "", -1, SQLITE_TRANSIENT);
    char level[16] = "";
    if (sqlite3_step(st) == SQLITE_ROW) col_text(level, sizeof level, st, 0);
    sqlite3_reset(st);
    if (!level[0])
        return db_fail_field(db, DB_INVALID, "status", _("Danh hiệu/trạng thái"),
                             _("không có mã \"%s\""),
                       a->status ? a->status : "");
    if (strcmp(level, u.kind == 'c' ? "commune" : u.kind == 'h' ? "hamlet" : "-"))
        return db_fail_field(db, DB_INVALID, "status", _("Danh hiệu/trạng thái"),
                             _("\"%s\" không dùng cho %s"),
                       a->status, kind_word(u.kind));
    long long year; int year_null;
    char since[11];
    char *doc = NULL, *note = NULL;
    rc = ent_int(db, "year", _("Năm"), a->year, 0, 1900, 2200, &year, &year_null);
    if (!rc) rc = ent_date(db, "since", _("Từ ngày"), a->since, 0, since);
    if (!rc) rc = field_text(db, "document", _("Văn bản"), a->document, 0, 200, &doc);
    if (!rc) rc = field_text(db, "note", _("Ghi chú"), a->note, 0, 1000, &note);
    if (!rc && !(st = db_stmt(db, ins))) rc = DB_ERR;
    if (!rc) {
        sqlite3_bind_int64(st, 1, a->unit_id);
        sqlite3_bind_text(st, 2, a->status, -1, SQLITE_TRANSIENT);
        if (year_null) sqlite3_bind_null(st, 3); else sqlite3_bind_int64(st, 3, year);
        bind_text_or_null(st, 4, since);
        bind_text_or_null(st, 5, doc);
        bind_text_or_null(st, 6, note);
        rc = step_done(db, st);
        if (!rc && a->out) *a->out = sqlite3_last_insert_rowid(db->h);
    }
    free(doc); free(note);
    return rc;
}

int unit_set_status(ntm_db *db, int64_t unit_id, const char *status, const char *year,
                    const char *since, const char *document, const char *note, int64_t *id)
{
    status_args a = { unit_id, id, status, year, since, document, note };
    return ent_in_tx(db, status_add, &a);
}
