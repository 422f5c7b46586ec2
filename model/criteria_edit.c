/* criteria_edit: criteria sets, criteria, indicators and their targets written, for the
 * import (there is no form for them: a set comes from its deciding document's annex,
 * typed into a spreadsheet). The caller holds the transaction; the audit triggers log
 * every row, so one undo takes an import back. */
#include "model/criteria.h"
#include "model/db_internal.h"
#include "model/field.h"
#include "model/rows.h"
#include "model/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void bind_count(sqlite3_stmt *st, int i, int v)
{
    if (v >= 0) sqlite3_bind_int(st, i, v);
    else sqlite3_bind_null(st, i);
}

int cset_write(ntm_db *db, int64_t id, const cset_fields *f, int64_t *out)
{
    static const char *ins = "INSERT INTO criteria_set(code, name, level, scope, year_from, year_to, decision, decision_date, "
        "issuer, in_force, criteria_count, indicator_count) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
    static const char *upd = "UPDATE criteria_set SET code = ?1, name = ?2, level = ?3, scope = ?4, year_from = ?5, year_to = ?6, "
        "decision = ?7, decision_date = ?8, issuer = ?9, in_force = ?10, criteria_count = ?11, indicator_count = ?12 WHERE id = ?13";
    sqlite3_stmt *st = db_stmt(db, id ? upd : ins);
    if (!st) return DB_ERR;
    sqlite3_bind_text(st, 1, f->code, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, f->name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, f->level, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, f->scope && *f->scope ? f->scope : "national", -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 5, f->year_from);
    sqlite3_bind_int(st, 6, f->year_to);
    bind_text_or_null(st, 7, f->decision);
    bind_text_or_null(st, 8, f->decision_date);
    bind_text_or_null(st, 9, f->issuer);
    bind_text_or_null(st, 10, f->in_force);
    bind_count(st, 11, f->criteria_count);
    bind_count(st, 12, f->indicator_count);
    if (id) sqlite3_bind_int64(st, 13, id);
    int rc = step_done(db, st);
    if (!rc && out) *out = id ? id : sqlite3_last_insert_rowid(db_handle(db));
    return rc;
}

int criterion_write(ntm_db *db, int64_t id, int64_t set_id, int number, const char *name, int64_t *out)
{
    static const char *ins = "INSERT INTO criterion(set_id, number, name, name_key) VALUES (?1, ?2, ?3, ?4)";
    static const char *upd = "UPDATE criterion SET name = ?3, name_key = ?4 WHERE id = ?5";
    char *key = text_fold(name);
    sqlite3_stmt *st = key ? db_stmt(db, id ? upd : ins) : NULL;
    if (!st) { free(key); return key ? DB_ERR : db_fail(db, DB_ERR, "out of memory"); }
    if (!id) {
        sqlite3_bind_int64(st, 1, set_id);
        sqlite3_bind_int(st, 2, number);
    } else {
        sqlite3_bind_int64(st, 5, id);
    }
    sqlite3_bind_text(st, 3, name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, key, -1, SQLITE_TRANSIENT);
    free(key);
    int rc = step_done(db, st);
    if (!rc && out) *out = id ? id : sqlite3_last_insert_rowid(db_handle(db));
    return rc;
}

int indicator_write(ntm_db *db, int64_t id, int64_t criterion_id, const char *code, const char *name,
                    const char *measure, int64_t *out)
{
    static const char *ins = "INSERT INTO indicator(criterion_id, code, name, measure) VALUES (?1, ?2, ?3, ?4)";
    static const char *upd = "UPDATE indicator SET name = ?3, measure = ?4 WHERE id = ?5";
    sqlite3_stmt *st = db_stmt(db, id ? upd : ins);
    if (!st) return DB_ERR;
    if (!id) {
        sqlite3_bind_int64(st, 1, criterion_id);
        sqlite3_bind_text(st, 2, code, -1, SQLITE_TRANSIENT);
    } else {
        sqlite3_bind_int64(st, 5, id);
    }
    sqlite3_bind_text(st, 3, name, -1, SQLITE_TRANSIENT);
    bind_text_or_null(st, 4, measure);
    int rc = step_done(db, st);
    if (!rc && out) *out = id ? id : sqlite3_last_insert_rowid(db_handle(db));
    return rc;
}

/* ?2: the group, NULL for every group. */
#define TARGET_WHERE "indicator_id = ?1 AND region IS NULL AND commune_group IS ?2"

static void bind_group(sqlite3_stmt *st, int64_t indicator_id, int group)
{
    sqlite3_bind_int64(st, 1, indicator_id);
    if (group) sqlite3_bind_int(st, 2, group);
    else sqlite3_bind_null(st, 2);
}

int indicator_target_get(ntm_db *db, int64_t indicator_id, int group, char *out, size_t n)
{
    static const char *sql = "SELECT target FROM indicator_target WHERE " TARGET_WHERE;
    sqlite3_stmt *st = db_stmt(db, sql);
    out[0] = 0;
    if (!st) return DB_ERR;
    bind_group(st, indicator_id, group);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) col_text(out, n, st, 0);
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK : db_sqlite_error(db, rc);
}

int indicator_target_put(ntm_db *db, int64_t indicator_id, int group, const char *target)
{
    static const char *del = "DELETE FROM indicator_target WHERE " TARGET_WHERE;
    static const char *upd = "UPDATE indicator_target SET target = ?3 WHERE " TARGET_WHERE;
    static const char *ins = "INSERT INTO indicator_target(indicator_id, commune_group, target) VALUES (?1, ?2, ?3)";
    char was[1024];
    int rc = indicator_target_get(db, indicator_id, group, was, sizeof was);
    if (rc || !strcmp(was, target ? target : "")) return rc;
    sqlite3_stmt *st = db_stmt(db, !target || !*target ? del : was[0] ? upd : ins);
    if (!st) return DB_ERR;
    bind_group(st, indicator_id, group);
    if (target && *target) sqlite3_bind_text(st, 3, target, -1, SQLITE_TRANSIENT);
    return step_done(db, st);
}
