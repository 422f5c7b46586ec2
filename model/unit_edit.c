/* unit_edit: communes and hamlets created, renamed (with history), deleted when nothing
 * refers to them, and their statuses; plus the helpers the other editing files share. */
#include "model/entity.h"
#include "model/db_internal.h"
#include "model/date.h"
#include "model/field.h"
#include "model/i18n.h"
#include "model/text.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- shared helpers ----------------------------------------------------------------- */

int ent_in_tx(ntm_db *db, int (*fn)(ntm_db *, void *), void *arg)
{
    int rc = db_begin(db);
    if (rc) return rc;
    rc = fn(db, arg);
    if (rc) { db_rollback(db); return rc; }
    return db_commit(db);
}

int ent_date(ntm_db *db, const char *label, const char *in, int required, char out[11])
{
    out[0] = 0;
    if (in && !text_valid_utf8(in))
        return db_fail(db, DB_INVALID, L("%s: có ký tự không hợp lệ (không phải UTF-8)", "%s: contains invalid characters (not UTF-8)"), label);
    int rc = date_parse(in ? in : "", db_today(db), out);
    if (rc == DATE_EMPTY) {
        out[0] = 0;
        return required ? db_fail(db, DB_INVALID, L("%s: chưa nhập ngày", "%s: no date given"), label) : DB_OK;
    }
    if (rc != DATE_OK) {
        out[0] = 0;
        return db_fail(db, DB_INVALID, "%s: %s", label, date_error(rc));
    }
    return DB_OK;
}

int ent_int(ntm_db *db, const char *label, const char *in, int required, long long min, long long max,
            long long *out, int *is_null)
{
    char digits[32];
    size_t n = 0;
    int neg = 0, any = 0;
    *out = 0; *is_null = 0;
    const char *p = in ? in : "";
    while (*p == ' ') p++;
    if (*p == '-') { neg = 1; p++; }
    for (; *p; p++) {
        if (isdigit((unsigned char)*p)) {
            if (n >= sizeof digits - 1)
                return db_fail(db, DB_INVALID, L("%s: số quá lớn", "%s: number too large"), label);
            digits[n++] = *p; any = 1;
        } else if ((*p == '.' || *p == ' ') && any && isdigit((unsigned char)p[1]) && isdigit((unsigned char)p[2]) &&
                   isdigit((unsigned char)p[3]) && !isdigit((unsigned char)p[4])) {
            continue;                                   /* 1.250 or 1 250: thousands */
        } else if (*p == ' ' && !p[strspn(p, " ")]) {
            break;                                      /* trailing spaces */
        } else {
            return db_fail(db, DB_INVALID, L("%s: phải là số nguyên", "%s: must be a whole number"), label);
        }
    }
    digits[n] = 0;
    if (!any) {
        if (neg) return db_fail(db, DB_INVALID, L("%s: phải là số nguyên", "%s: must be a whole number"), label);
        *is_null = 1;
        return required ? db_fail(db, DB_INVALID, L("%s: không được để trống", "%s: required"), label) : DB_OK;
    }
    if (n > 15) return db_fail(db, DB_INVALID, L("%s: số quá lớn", "%s: number too large"), label);
    long long v = strtoll(digits, NULL, 10);
    if (neg) v = -v;
    if (v < 0 && min >= 0) return db_fail(db, DB_INVALID, L("%s: không được âm", "%s: cannot be negative"), label);
    if (v < min || v > max)
        return db_fail(db, DB_INVALID, L("%s: phải từ %lld đến %lld", "%s: must be between %lld and %lld"), label, min, max);
    *out = v;
    return DB_OK;
}

int ent_conflict(ntm_db *db, const char *table, int64_t id, const char *what)
{
    static const char *last = "SELECT user, strftime('%H:%M', at, 'localtime'), action FROM audit "
                              "WHERE entity = ?1 AND entity_id = ?2 ORDER BY id DESC LIMIT 1";
    char sql[160], user[64] = "?", at[8] = "?", action[8] = "";
    int exists = 0;
    sqlite3_stmt *st;
    snprintf(sql, sizeof sql, "SELECT 1 FROM \"%s\" WHERE rowid = ?1", table);
    if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, id);
        exists = sqlite3_step(st) == SQLITE_ROW;
        sqlite3_finalize(st);
    }
    if ((st = db_stmt(db, last))) {
        sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, id);
        if (sqlite3_step(st) == SQLITE_ROW) {
            text_copy(user, sizeof user, (const char *)sqlite3_column_text(st, 0));
            text_copy(at, sizeof at, (const char *)sqlite3_column_text(st, 1));
            text_copy(action, sizeof action, (const char *)sqlite3_column_text(st, 2));
        }
        sqlite3_reset(st);
    }
    if (!exists) {
        if (!strcmp(action, "delete"))
            return db_fail(db, DB_NOTFOUND, L("%s này đã bị %s xóa lúc %s.", "This %s was deleted by %s at %s."),
                           what, user, at);
        return db_fail(db, DB_NOTFOUND, L("%s này không còn nữa.", "This %s no longer exists."), what);
    }
    if (!strcmp(at, "?")) {                       /* changed outside ntm (no audit row) */
        snprintf(sql, sizeof sql, "SELECT strftime('%%H:%%M', updated_at, 'localtime') FROM \"%s\" WHERE rowid = ?1", table);
        if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK) {
            sqlite3_bind_int64(st, 1, id);
            if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
                text_copy(at, sizeof at, (const char *)sqlite3_column_text(st, 0));
            sqlite3_finalize(st);
        }
    }
    return db_fail(db, DB_CONFLICT, L("Người khác (%s) đã sửa %s này lúc %s; hãy tải lại.",
                                      "Someone else (%s) changed this %s at %s; reload."), user, what, at);
}

int ent_refused(ntm_db *db, const char *what, const char *name, const ent_ref *refs, int nrefs)
{
    char list[512] = "";
    size_t len = 0;
    int any = 0;
    for (int i = 0; i < nrefs; i++) {
        if (refs[i].n <= 0) continue;
        len += (size_t)snprintf(list + len, len < sizeof list ? sizeof list - len : 0, "%s%lld %s",
                                any ? ", " : "", refs[i].n, refs[i].label);
        if (len >= sizeof list) len = sizeof list - 1;
        any = 1;
    }
    if (!any) return DB_OK;
    return db_fail(db, DB_INVALID, L("Không xóa được %s \"%s\": còn %s liên quan. Hãy chuyển hoặc xóa chúng trước.",
                                     "Cannot delete %s \"%s\": %s still refer to it. Move or delete them first."),
                   what, name, list);
}

/* ---- units -------------------------------------------------------------------------- */

#define UNIT_REC_COLS "id, coalesce(parent_id, 0), version, coalesce(criteria_set_id, 0), coalesce(merged_into_id, 0), " \
    "kind, name, coalesce(district, ''), coalesce(note, ''), coalesce(population, -1), coalesce(households, -1), " \
    "coalesce(commune_group, 0), active, updated_at "

static void col(char *dst, size_t n, sqlite3_stmt *st, int c)
{
    const char *s = (const char *)sqlite3_column_text(st, c);
    text_copy(dst, n, s ? s : "");
}

int unit_read(ntm_db *db, int64_t id, unit_rec *r)
{
    static const char *sql = "SELECT " UNIT_REC_COLS "FROM unit WHERE id = ?1";
    memset(r, 0, sizeof *r);
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        r->id = sqlite3_column_int64(st, 0);
        r->parent_id = sqlite3_column_int64(st, 1);
        r->version = sqlite3_column_int64(st, 2);
        r->criteria_set_id = sqlite3_column_int64(st, 3);
        r->merged_into_id = sqlite3_column_int64(st, 4);
        const char *k = (const char *)sqlite3_column_text(st, 5);
        r->kind = k ? k[0] : '?';
        col(r->name, sizeof r->name, st, 6);
        col(r->district, sizeof r->district, st, 7);
        col(r->note, sizeof r->note, st, 8);
        r->population = sqlite3_column_int64(st, 9);
        r->households = sqlite3_column_int64(st, 10);
        r->commune_group = sqlite3_column_int(st, 11);
        r->active = sqlite3_column_int(st, 12);
        col(r->updated_at, sizeof r->updated_at, st, 13);
    }
    sqlite3_reset(st);
    if (rc == SQLITE_ROW) return DB_OK;
    if (rc == SQLITE_DONE) return db_fail(db, DB_NOTFOUND, L("Không tìm thấy đơn vị số %lld", "No unit with id %lld"), (long long)id);
    return db_sqlite_error(db, rc);
}

static const char *kind_word(char kind)
{
    return kind == 'h' ? L("thôn", "hamlet") : kind == 'c' ? L("xã", "commune") : L("tỉnh", "province");
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
    const char *label = kind == 'h' ? L("Tên thôn", "Hamlet name") : L("Tên xã", "Commune name");
    int rc = field_text(db, label, f->name, 1, 200, &v->name);
    if (!rc) rc = field_text(db, L("Huyện", "District"), f->district, 0, 60, &v->district);
    if (!rc) rc = field_text(db, L("Ghi chú", "Note"), f->note, 0, 1000, &v->note);
    if (!rc) rc = ent_int(db, L("Dân số", "Population"), f->population, 0, 0, 100000000, &v->population, &v->pop_null);
    if (!rc) rc = ent_int(db, L("Số hộ", "Households"), f->households, 0, 0, 100000000, &v->households, &v->hh_null);
    if (!rc && kind == 'c' && (f->commune_group < 0 || f->commune_group > 3))
        rc = db_fail(db, DB_INVALID, "%s", L("Nhóm xã: phải là 1, 2 hoặc 3", "Commune group: must be 1, 2 or 3"));
    if (!rc && f->criteria_set_id > 0) {
        sqlite3_stmt *st = db_stmt(db, set);
        if (!st) return DB_ERR;
        sqlite3_bind_int64(st, 1, f->criteria_set_id);
        int found = sqlite3_step(st) == SQLITE_ROW;
        sqlite3_reset(st);
        if (!found) rc = db_fail(db, DB_INVALID, "%s", L("Bộ tiêu chí: không có bộ này", "Criteria set: no such set"));
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
            rc = db_fail(db, DB_INVALID, L("%s: đã có %s \"%s\" ở đây", "%s: there is already a %s \"%s\" here"),
                         label, kind_word(kind), (const char *)sqlite3_column_text(st, 0));
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
        return db_fail(db, DB_INVALID, "%s", a->kind == 'c' ? L("Xã phải thuộc một tỉnh", "A commune belongs to a province")
                                                            : L("Thôn phải thuộc một xã", "A hamlet belongs to a commune"));
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
        return db_fail(db, DB_INVALID, "%s", L("Chỉ tạo được xã hoặc thôn", "Only communes and hamlets can be created"));
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
    if (!rc) rc = ent_date(db, L("Ngày đổi tên", "Rename date"), a->rename_date, 0, on);
    if (!rc) rc = field_text(db, L("Văn bản đổi tên", "Rename document"), a->rename_doc, 0, 200, &doc);
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
    sqlite3_stmt *st = db_stmt(db, refs);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, u.parent_id);
    int r = sqlite3_step(st);
    if (r != SQLITE_ROW) { sqlite3_reset(st); return db_sqlite_error(db, r); }
    ent_ref list[] = {
        { u.kind == 'p' ? L("xã", "communes") : L("thôn", "hamlets"), sqlite3_column_int64(st, 0) },
        { L("đầu việc", "tasks"), sqlite3_column_int64(st, 1) },
        { L("tổ chức", "organisations"), sqlite3_column_int64(st, 2) },
        { L("người", "people"), sqlite3_column_int64(st, 3) },
        { L("đợt/kế hoạch", "campaigns"), sqlite3_column_int64(st, 4) },
        { L("hộ gia đình", "households"), sqlite3_column_int64(st, 5) },
        { L("tour/điểm dừng", "tours or tour stops"), sqlite3_column_int64(st, 6) },
    };
    sqlite3_reset(st);
    if ((rc = ent_refused(db, kind_word(u.kind), u.name, list, (int)(sizeof list / sizeof list[0])))) return rc;
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++) {
        if (!(st = db_stmt(db, own[i]))) return DB_ERR;
        sqlite3_bind_int64(st, 1, id);
        if ((rc = step_done(db, st))) {
            if (sqlite3_extended_errcode(db->h) == SQLITE_CONSTRAINT_FOREIGNKEY)
                rc = db_fail(db, DB_INVALID, L("Không xóa được %s \"%s\": dữ liệu khác còn tham chiếu đến (sáp nhập, sự kiện...).",
                                               "Cannot delete %s \"%s\": other records still refer to it (merges, events...)."),
                             kind_word(u.kind), u.name);
            return rc;
        }
    }
    return DB_OK;
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
    if (sqlite3_step(st) == SQLITE_ROW) col(level, sizeof level, st, 0);
    sqlite3_reset(st);
    if (!level[0])
        return db_fail(db, DB_INVALID, L("Danh hiệu/trạng thái: không có mã \"%s\"", "Status: no status code \"%s\""),
                       a->status ? a->status : "");
    if (strcmp(level, u.kind == 'c' ? "commune" : u.kind == 'h' ? "hamlet" : "-"))
        return db_fail(db, DB_INVALID, L("Danh hiệu/trạng thái: \"%s\" không dùng cho %s", "Status: \"%s\" is not for a %s"),
                       a->status, kind_word(u.kind));
    long long year; int year_null;
    char since[11];
    char *doc = NULL, *note = NULL;
    rc = ent_int(db, L("Năm", "Year"), a->year, 0, 1900, 2200, &year, &year_null);
    if (!rc) rc = ent_date(db, L("Từ ngày", "Since"), a->since, 0, since);
    if (!rc) rc = field_text(db, L("Văn bản", "Document"), a->document, 0, 200, &doc);
    if (!rc) rc = field_text(db, L("Ghi chú", "Note"), a->note, 0, 1000, &note);
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
