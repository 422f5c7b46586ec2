/* tour_edit: every change to a tour, each one transaction (BEGIN IMMEDIATE). */
#include "model/tour.h"
#include "model/db_internal.h"
#include "model/entity.h"
#include "model/field.h"
#include "model/i18n.h"
#include "model/rows.h"
#include "model/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { const tour_fields *f; int64_t id, version, *out; } tour_args;

static int tour_write(ntm_db *db, void *p)
{
    static const char *ins = "INSERT INTO tour(unit_id, name, tour_date, lead_person_id, team, purpose, campaign_id, name_key) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
    static const char *upd = "UPDATE tour SET unit_id = ?1, name = ?2, tour_date = ?3, lead_person_id = ?4, team = ?5, "
                             "purpose = ?6, campaign_id = ?7, name_key = ?8, version = version + 1, updated_at = " ENT_NOW
                             " WHERE id = ?9 AND version = ?10";
    tour_args *a = p;
    char *name = NULL, *team = NULL, *purpose = NULL, *key = NULL;
    int rc = field_text(db, "name", _("Tên tour"), a->f->name, 1, 200, &name);
    if (!rc) rc = field_text(db, "team", _("Thành phần đoàn"), a->f->team, 0, 500, &team);
    if (!rc) rc = field_text(db, "purpose", _("Mục đích"), a->f->purpose, 0, 1000, &purpose);
    if (!rc) rc = field_date(db, "date", _("Ngày kiểm tra"), a->f->date, 0);
    if (!rc && a->f->commune_id <= 0) rc = db_fail(db, DB_INVALID, "%s", _("Chưa chọn xã"));
    if (!rc && !(key = text_fold(name))) rc = db_fail(db, DB_ERR, "out of memory");
    sqlite3_stmt *st = rc ? NULL : db_stmt(db, a->id ? upd : ins);
    if (!rc && !st) rc = DB_ERR;
    if (!rc) {
        sqlite3_bind_int64(st, 1, a->f->commune_id);
        sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
        bind_text_or_null(st, 3, a->f->date);
        bind_id_or_null(st, 4, a->f->lead_person_id);
        bind_text_or_null(st, 5, team);
        bind_text_or_null(st, 6, purpose);
        bind_id_or_null(st, 7, a->f->campaign_id);
        sqlite3_bind_text(st, 8, key, -1, SQLITE_TRANSIENT);
        if (a->id) { sqlite3_bind_int64(st, 9, a->id); sqlite3_bind_int64(st, 10, a->version); }
        rc = step_done(db, st);
        if (!rc && a->out) *a->out = sqlite3_last_insert_rowid(db->h);
        if (!rc && a->id && sqlite3_changes(db->h) == 0) rc = ent_conflict(db, "tour", a->id, _("tour"));
    }
    free(name); free(team); free(purpose); free(key);
    return rc;
}

int tour_create(ntm_db *db, const tour_fields *f, int64_t *id)
{
    tour_args a = { f, 0, 0, id };
    return ent_in_tx(db, tour_write, &a);
}

int tour_update(ntm_db *db, int64_t id, int64_t version, const tour_fields *f)
{
    tour_args a = { f, id, version, NULL };
    return ent_in_tx(db, tour_write, &a);
}

static int tour_del(ntm_db *db, void *p)
{
    static const char *unlink_tasks = "UPDATE task SET tour_check_id = NULL WHERE tour_check_id IN "
        "(SELECT k.id FROM tour_check k JOIN tour_stop s ON s.id = k.stop_id WHERE s.tour_id = ?1)";
    static const char *del = "DELETE FROM tour WHERE id = ?1";
    int64_t id = *(int64_t *)p;
    int rc = rows_exec(db, unlink_tasks, id);
    return rc ? rc : rows_exec(db, del, id);
}

int tour_delete(ntm_db *db, int64_t id) { return ent_in_tx(db, tour_del, &id); }

typedef struct { const stop_fields *f; int64_t tour_id, stop_id, version, *out; } stop_args;

static int stop_write(ntm_db *db, void *p)
{
    static const char *ins = "INSERT INTO tour_stop(tour_id, seq, kind, hamlet_id, household_id, name, landmark, note) "
        "VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM tour_stop WHERE tour_id = ?1), ?2, ?3, ?4, ?5, ?6, ?7)";
    static const char *upd = "UPDATE tour_stop SET kind = ?2, hamlet_id = ?3, household_id = ?4, name = ?5, landmark = ?6, "
        "note = ?7, version = version + 1 WHERE id = ?8 AND version = ?9";
    stop_args *a = p;
    const char *kind = a->f->kind && *a->f->kind ? a->f->kind : "other";
    char *name = NULL, *landmark = NULL, *note = NULL;
    int rc = tour_kind_valid(kind) ? DB_OK : db_fail(db, DB_INVALID, _("Loại điểm dừng không hợp lệ: %s"), kind);
    if (!rc) rc = field_text(db, "name", _("Tên điểm dừng"), a->f->name, 1, 200, &name);
    if (!rc) rc = field_text(db, "landmark", _("Mốc nhận biết"), a->f->landmark, 0, 200, &landmark);
    if (!rc) rc = field_text(db, "note", _("Ghi chú"), a->f->note, 0, 500, &note);
    sqlite3_stmt *st = rc ? NULL : db_stmt(db, a->stop_id ? upd : ins);
    if (!rc && !st) rc = DB_ERR;
    if (!rc) {
        sqlite3_bind_int64(st, 1, a->tour_id);
        sqlite3_bind_text(st, 2, kind, -1, SQLITE_TRANSIENT);
        bind_id_or_null(st, 3, a->f->hamlet_id);
        bind_id_or_null(st, 4, a->f->household_id);
        sqlite3_bind_text(st, 5, name, -1, SQLITE_TRANSIENT);
        bind_text_or_null(st, 6, landmark);
        bind_text_or_null(st, 7, note);
        if (a->stop_id) { sqlite3_bind_int64(st, 8, a->stop_id); sqlite3_bind_int64(st, 9, a->version); }
        rc = step_done(db, st);
        if (!rc && a->out) *a->out = sqlite3_last_insert_rowid(db->h);
        if (!rc && a->stop_id && sqlite3_changes(db->h) == 0) rc = ent_conflict(db, "tour_stop", a->stop_id, C_("stop", "điểm dừng"));
    }
    free(name); free(landmark); free(note);
    return rc;
}

int tour_stop_add(ntm_db *db, int64_t tour_id, const stop_fields *f, int64_t *id)
{
    stop_args a = { f, tour_id, 0, 0, id };
    return ent_in_tx(db, stop_write, &a);
}

int tour_stop_update(ntm_db *db, int64_t stop_id, int64_t version, const stop_fields *f)
{
    stop_args a = { f, 0, stop_id, version, NULL };
    return ent_in_tx(db, stop_write, &a);
}

/* seq is UNIQUE per parent: move every row out of the way (negative), then number
 * them 1..n in their old order. */
static int renumber(ntm_db *db, const char *table, const char *parent, int64_t parent_id)
{
    char sql[256];
    sqlite3_stmt *sel = NULL, *upd = NULL;
    snprintf(sql, sizeof sql, "UPDATE %s SET seq = -seq WHERE %s = %lld", table, parent, (long long)parent_id);
    int rc = db_exec(db, sql);
    if (rc) return rc;
    snprintf(sql, sizeof sql, "SELECT id FROM %s WHERE %s = %lld ORDER BY seq DESC", table, parent, (long long)parent_id);
    if (sqlite3_prepare_v2(db->h, sql, -1, &sel, NULL) != SQLITE_OK) return db_sqlite_error(db, sqlite3_errcode(db->h));
    snprintf(sql, sizeof sql, "UPDATE %s SET seq = ?1 WHERE id = ?2", table);
    if (sqlite3_prepare_v2(db->h, sql, -1, &upd, NULL) != SQLITE_OK) { sqlite3_finalize(sel); return db_sqlite_error(db, sqlite3_errcode(db->h)); }
    for (int seq = 1; !rc && sqlite3_step(sel) == SQLITE_ROW; seq++) {
        sqlite3_bind_int(upd, 1, seq);
        sqlite3_bind_int64(upd, 2, sqlite3_column_int64(sel, 0));
        rc = step_done(db, upd);
    }
    sqlite3_finalize(sel);
    sqlite3_finalize(upd);
    return rc;
}

typedef struct { int64_t stop_id; int delta; } move_args;

static int stop_move(ntm_db *db, void *p)
{
    static const char *get = "SELECT tour_id, seq FROM tour_stop WHERE id = ?1";
    static const char *other = "SELECT id FROM tour_stop WHERE tour_id = ?1 AND seq = ?2";
    static const char *set = "UPDATE tour_stop SET seq = ?2, version = version + 1 WHERE id = ?1";
    move_args *a = p;
    sqlite3_stmt *st = db_stmt(db, get);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, a->stop_id);
    if (sqlite3_step(st) != SQLITE_ROW) { sqlite3_reset(st); return db_fail(db, DB_NOTFOUND, "%s", _("Không còn điểm dừng này")); }
    int64_t tour = sqlite3_column_int64(st, 0);
    int seq = sqlite3_column_int(st, 1), to = seq + a->delta;
    sqlite3_reset(st);
    if (!(st = db_stmt(db, other))) return DB_ERR;
    sqlite3_bind_int64(st, 1, tour);
    sqlite3_bind_int(st, 2, to);
    int64_t swap = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (!swap) return DB_OK;                        /* already first or last */
    int steps[3][2] = { { 0, -1 }, { 1, seq }, { 0, to } };   /* via -1: seq is unique */
    for (int i = 0; i < 3; i++) {
        if (!(st = db_stmt(db, set))) return DB_ERR;
        sqlite3_bind_int64(st, 1, steps[i][0] ? swap : a->stop_id);
        sqlite3_bind_int(st, 2, steps[i][1]);
        int rc = step_done(db, st);
        if (rc) return rc;
    }
    return DB_OK;
}

int tour_stop_move(ntm_db *db, int64_t stop_id, int delta)
{
    move_args a = { stop_id, delta < 0 ? -1 : 1 };
    return ent_in_tx(db, stop_move, &a);
}

/* A stop or a check leaves its tour: the tasks it raised stay, unlinked from it, and
 * the ones after it close the gap (seq 1..n again). */
typedef struct {
    const char *parent_sql, *unlink_sql, *del_sql;   /* ?1 = the row's id */
    const char *table, *parent_col;
} seq_child;

static int drop_child(ntm_db *db, const seq_child *c, int64_t id, const char *gone)
{
    int64_t parent;
    if (rows_int64(db, c->parent_sql, id, &parent)) return DB_ERR;
    if (!parent) return db_fail(db, DB_NOTFOUND, "%s", gone);
    int rc = rows_exec(db, c->unlink_sql, id);
    if (!rc) rc = rows_exec(db, c->del_sql, id);
    return rc ? rc : renumber(db, c->table, c->parent_col, parent);
}

static int stop_remove(ntm_db *db, void *p)
{
    static const seq_child stop = {
        "SELECT tour_id FROM tour_stop WHERE id = ?1",
        "UPDATE task SET tour_check_id = NULL WHERE tour_check_id IN (SELECT id FROM tour_check WHERE stop_id = ?1)",
        "DELETE FROM tour_stop WHERE id = ?1", "tour_stop", "tour_id",
    };
    return drop_child(db, &stop, *(int64_t *)p, _("Không còn điểm dừng này"));
}

int tour_stop_remove(ntm_db *db, int64_t stop_id) { return ent_in_tx(db, stop_remove, &stop_id); }

typedef struct { int64_t tour_id; const char *code; int *added; } tpl_args;

static int apply_template(ntm_db *db, void *p)
{
    static const char *has = "SELECT id FROM checklist_template WHERE code = ?1";
    static const char *ins = "INSERT INTO tour_check(stop_id, seq, item_id, title) "
        "SELECT s.id, (SELECT coalesce(max(seq), 0) FROM tour_check WHERE stop_id = s.id) + "
        "  (SELECT count(*) FROM checklist_item j WHERE j.template_id = i.template_id AND j.seq <= i.seq "
        "   AND NOT EXISTS (SELECT 1 FROM tour_check k WHERE k.stop_id = s.id AND k.item_id = j.id)), i.id, i.title "
        "FROM tour_stop s, checklist_item i WHERE s.tour_id = ?1 AND i.template_id = ?2 "
        "AND NOT EXISTS (SELECT 1 FROM tour_check k WHERE k.stop_id = s.id AND k.item_id = i.id) ORDER BY s.seq, i.seq";
    tpl_args *a = p;
    sqlite3_stmt *st = db_stmt(db, has);
    if (!st) return DB_ERR;
    sqlite3_bind_text(st, 1, a->code, -1, SQLITE_TRANSIENT);
    int64_t tpl = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (!tpl) return db_fail(db, DB_NOTFOUND, _("Không có mẫu danh mục kiểm tra \"%s\""), a->code);
    if (!(st = db_stmt(db, ins))) return DB_ERR;
    sqlite3_bind_int64(st, 1, a->tour_id);
    sqlite3_bind_int64(st, 2, tpl);
    int rc = step_done(db, st);
    if (!rc && a->added) *a->added = sqlite3_changes(db->h);
    return rc;
}

int tour_apply_template(ntm_db *db, int64_t tour_id, const char *code, int *added)
{
    tpl_args a = { tour_id, code, added };
    return ent_in_tx(db, apply_template, &a);
}

typedef struct { int64_t stop_id; const char *title; int64_t *out; } check_args;

static int check_add(ntm_db *db, void *p)
{
    static const char *ins = "INSERT INTO tour_check(stop_id, seq, title) "
                             "VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM tour_check WHERE stop_id = ?1), ?2)";
    check_args *a = p;
    char *title = NULL;
    int rc = field_text(db, "title", _("Nội dung kiểm tra"), a->title, 1, 250, &title);
    sqlite3_stmt *st = rc ? NULL : db_stmt(db, ins);
    if (!rc && !st) rc = DB_ERR;
    if (!rc) {
        sqlite3_bind_int64(st, 1, a->stop_id);
        sqlite3_bind_text(st, 2, title, -1, SQLITE_TRANSIENT);
        rc = step_done(db, st);
        if (!rc && a->out) *a->out = sqlite3_last_insert_rowid(db->h);
    }
    free(title);
    return rc;
}

int tour_check_add(ntm_db *db, int64_t stop_id, const char *title, int64_t *id)
{
    check_args a = { stop_id, title, id };
    return ent_in_tx(db, check_add, &a);
}

static int check_drop(ntm_db *db, void *p)
{
    static const seq_child check = {
        "SELECT stop_id FROM tour_check WHERE id = ?1",
        "UPDATE task SET tour_check_id = NULL WHERE tour_check_id = ?1",
        "DELETE FROM tour_check WHERE id = ?1", "tour_check", "stop_id",
    };
    return drop_child(db, &check, *(int64_t *)p, _("Không còn mục kiểm tra này"));
}

int tour_check_drop(ntm_db *db, int64_t check_id) { return ent_in_tx(db, check_drop, &check_id); }
