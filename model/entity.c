/* entity: the helpers every editing file of the model shares (entity.h: one
 * transaction per action, typed dates and numbers, the conflict and refused-delete
 * messages; rows.h: a form's save and a delete's reference check). */
#include "model/entity.h"
#include "model/db_internal.h"
#include "model/date.h"
#include "model/field.h"
#include "model/i18n.h"
#include "model/rows.h"
#include "model/text.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int ent_in_tx(ntm_db *db, int (*fn)(ntm_db *, void *), void *arg)
{
    if (db->in_tx) return fn(db, arg);           /* part of a larger action (an import): its caller commits */
    int rc = db_begin(db);
    if (rc) return rc;
    rc = fn(db, arg);
    if (rc) { db_rollback(db); return rc; }
    return db_commit(db);
}

int ent_date(ntm_db *db, const char *field, const char *label, const char *in, int required, char out[11])
{
    out[0] = 0;
    if (in && !text_valid_utf8(in))
        return db_fail_field(db, DB_INVALID, field, label,
                             _("có ký tự không hợp lệ (không phải UTF-8)"));
    int rc = date_parse(in ? in : "", db_today(db), out);
    if (rc == DATE_EMPTY) {
        out[0] = 0;
        return required ? db_fail_field(db, DB_INVALID, field, label, _("chưa nhập ngày")) : DB_OK;
    }
    if (rc != DATE_OK) {
        out[0] = 0;
        return db_fail_field(db, DB_INVALID, field, label, "%s", date_error(rc));
    }
    return DB_OK;
}

int ent_int(ntm_db *db, const char *field, const char *label, const char *in, int required, long long min,
            long long max, long long *out, int *is_null)
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
                return db_fail_field(db, DB_INVALID, field, label, _("số quá lớn"));
            digits[n++] = *p; any = 1;
        } else if ((*p == '.' || *p == ' ') && any && isdigit((unsigned char)p[1]) && isdigit((unsigned char)p[2]) &&
                   isdigit((unsigned char)p[3]) && !isdigit((unsigned char)p[4])) {
            continue;                                   /* 1.250 or 1 250: thousands */
        } else if (*p == ' ' && !p[strspn(p, " ")]) {
            break;                                      /* trailing spaces */
        } else {
            return db_fail_field(db, DB_INVALID, field, label, _("phải là số nguyên"));
        }
    }
    digits[n] = 0;
    if (!any) {
        if (neg) return db_fail_field(db, DB_INVALID, field, label, _("phải là số nguyên"));
        *is_null = 1;
        return required ? db_fail_field(db, DB_INVALID, field, label, C_("required", "không được để trống")) : DB_OK;
    }
    if (n > 15) return db_fail_field(db, DB_INVALID, field, label, _("số quá lớn"));
    long long v = strtoll(digits, NULL, 10);
    if (neg) v = -v;
    if (v < 0 && min >= 0) return db_fail_field(db, DB_INVALID, field, label, _("không được âm"));
    if (v < min || v > max)
        return db_fail_field(db, DB_INVALID, field, label,
                             _("phải từ %lld đến %lld"), min, max);
    *out = v;
    return DB_OK;
}

/* The last audit row of table/id: its user, time (HH:MM local) and action; 1 when the row
 * still exists. Without an audit row (changed outside ntm) the time is the row's updated_at. */
static int last_change(ntm_db *db, const char *table, int64_t id, char *user, size_t un, char *at, size_t an,
                       char *action, size_t acn)
{
    static const char *last = "SELECT user, strftime('%H:%M', at, 'localtime'), action FROM audit "
                              "WHERE entity = ?1 AND entity_id = ?2 ORDER BY id DESC LIMIT 1";
    char sql[160];
    int exists = 0;
    sqlite3_stmt *st;
    text_copy(user, un, "?");
    text_copy(at, an, "?");
    text_copy(action, acn, "");
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
            text_copy(user, un, (const char *)sqlite3_column_text(st, 0));
            text_copy(at, an, (const char *)sqlite3_column_text(st, 1));
            text_copy(action, acn, (const char *)sqlite3_column_text(st, 2));
        }
        sqlite3_reset(st);
    }
    if (exists && !strcmp(at, "?")) {             /* changed outside ntm (no audit row) */
        snprintf(sql, sizeof sql, "SELECT strftime('%%H:%%M', updated_at, 'localtime') FROM \"%s\" WHERE rowid = ?1", table);
        if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK) {
            sqlite3_bind_int64(st, 1, id);
            if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
                text_copy(at, an, (const char *)sqlite3_column_text(st, 0));
            sqlite3_finalize(st);
        }
    }
    return exists;
}

void ent_last_change(ntm_db *db, const char *table, int64_t id, char *user, size_t un, char *at, size_t an)
{
    char action[8];
    last_change(db, table, id, user, un, at, an, action, sizeof action);
}

int ent_conflict(ntm_db *db, const char *table, int64_t id, const char *what)
{
    char user[64], at[8], action[8];
    if (!last_change(db, table, id, user, sizeof user, at, sizeof at, action, sizeof action)) {
        if (!strcmp(action, "delete"))
            return db_fail(db, DB_NOTFOUND, _("%s này đã bị %s xóa lúc %s."),
                           what, user, at);
        return db_fail(db, DB_NOTFOUND, _("%s này không còn nữa."), what);
    }
    return db_fail(db, DB_CONFLICT, _("Người khác (%s) đã sửa %s này lúc %s; hãy tải lại."), user, what, at);
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
    return db_fail(db, DB_INVALID, _("Không xóa được %s \"%s\": còn %s liên quan. Hãy chuyển hoặc xóa chúng trước."),
                   what, name, list);
}

/* ---- rows.h: a form's save and a delete's reference check --------------------------- */

int edit_create(ntm_db *db, int (*write)(ntm_db *, void *), const void *f, int64_t *out)
{
    edit_args a = { f, 0, 0, out };
    return ent_in_tx(db, write, &a);
}

int edit_update(ntm_db *db, int (*write)(ntm_db *, void *), const void *f, int64_t id, int64_t version,
                const char *none_chosen)
{
    if (id <= 0) return db_fail(db, DB_NOTFOUND, "%s", none_chosen);
    edit_args a = { f, id, version, NULL };
    return ent_in_tx(db, write, &a);
}

int edit_step(ntm_db *db, sqlite3_stmt *st, const edit_args *a, const char *table, const char *what)
{
    int rc = step_done(db, st);
    if (!rc && !a->id && a->out) *a->out = sqlite3_last_insert_rowid(db->h);
    if (!rc && a->id && sqlite3_changes(db->h) == 0) rc = ent_conflict(db, table, a->id, what);
    return rc;
}

int edit_refuse_used(ntm_db *db, const char *sql, int64_t id, int64_t parent, const char *what, const char *name,
                     ent_ref *refs, int nrefs)
{
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, parent);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) { sqlite3_reset(st); return db_sqlite_error(db, rc); }
    for (int i = 0; i < nrefs; i++) refs[i].n = sqlite3_column_int64(st, i);
    sqlite3_reset(st);
    return ent_refused(db, what, name, refs, nrefs);
}
