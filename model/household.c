/* household: households of a hamlet: create, edit (version checked), delete, list. */
#include "model/household.h"
#include "model/db_internal.h"
#include "model/entity.h"
#include "model/field.h"
#include "model/i18n.h"
#include "model/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *household_flag_label(int flag)
{
    switch (flag) {
    case HH_MODEL_GARDEN:   return L("Vườn mẫu", "Model garden");
    case HH_THREE_CLEAN:    return L("3 sạch", "\"3 clean\"");
    case HH_SEPTIC_TOILET:  return L("Nhà tiêu tự hoại", "Septic toilet");
    case HH_WASTEWATER_PIT: return L("Hố xử lý nước thải", "Wastewater pit");
    case HH_COMPOST_PIT:    return L("Hố ủ rác", "Compost pit");
    case HH_BAD_TOILET:     return L("Nhà tiêu 1-2 ngăn cần bỏ", "Bad toilet to remove");
    case HH_POOR:           return L("Hộ nghèo", "Poor household");
    case HH_OFFICIAL:       return L("Cán bộ, đảng viên", "Official or party member");
    default:                return "?";
    }
}

#define HH_COLS "id, hamlet_id, version, head_name, coalesce(address, ''), coalesce(note, ''), " \
    "model_garden, three_clean, septic_toilet, wastewater_pit, compost_pit, bad_toilet, poor, official "

static void read_hh(sqlite3_stmt *st, household_rec *r)
{
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, 0);
    r->hamlet_id = sqlite3_column_int64(st, 1);
    r->version = sqlite3_column_int64(st, 2);
    text_copy(r->head_name, sizeof r->head_name, (const char *)sqlite3_column_text(st, 3));
    text_copy(r->address, sizeof r->address, (const char *)sqlite3_column_text(st, 4));
    text_copy(r->note, sizeof r->note, (const char *)sqlite3_column_text(st, 5));
    for (int i = 0; i < HH_NFLAGS; i++)
        r->flags[i] = sqlite3_column_type(st, 6 + i) == SQLITE_NULL ? HH_UNKNOWN
                    : sqlite3_column_int(st, 6 + i) ? HH_YES : HH_NO;
}

int household_read(ntm_db *db, int64_t id, household_rec *out)
{
    static const char *sql = "SELECT " HH_COLS "FROM household WHERE id = ?1";
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) read_hh(st, out);
    sqlite3_reset(st);
    if (rc == SQLITE_ROW) return DB_OK;
    if (rc == SQLITE_DONE) return db_fail(db, DB_NOTFOUND, L("Không có hộ số %lld", "No household with id %lld"), (long long)id);
    return db_sqlite_error(db, rc);
}

int household_list(ntm_db *db, int64_t hamlet_id, household_rec **out, int *n)
{
    static const char *sql = "SELECT " HH_COLS "FROM household WHERE hamlet_id = ?1 ORDER BY sort_key, id";
    *out = NULL; *n = 0;
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, hamlet_id);
    int cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            household_rec *v = realloc(*out, (size_t)cap * sizeof *v);
            if (!v) { sqlite3_reset(st); free(*out); *out = NULL; *n = 0; return db_fail(db, DB_ERR, "out of memory"); }
            *out = v;
        }
        read_hh(st, &(*out)[(*n)++]);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) { free(*out); *out = NULL; *n = 0; return db_sqlite_error(db, rc); }
    return DB_OK;
}

typedef struct { const household_fields *f; int64_t id, version, *out; } hh_args;

static int hh_write(ntm_db *db, void *p)
{
    static const char *hamlet = "SELECT kind FROM unit WHERE id = ?1";
    static const char *ins = "INSERT INTO household(hamlet_id, head_name, address, note, name_key, sort_key, "
        "model_garden, three_clean, septic_toilet, wastewater_pit, compost_pit, bad_toilet, poor, official) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
    static const char *upd = "UPDATE household SET hamlet_id = ?1, head_name = ?2, address = ?3, note = ?4, name_key = ?5, "
        "sort_key = ?6, model_garden = ?7, three_clean = ?8, septic_toilet = ?9, wastewater_pit = ?10, compost_pit = ?11, "
        "bad_toilet = ?12, poor = ?13, official = ?14, version = version + 1, updated_at = " ENT_NOW
        " WHERE id = ?15 AND version = ?16";
    hh_args *a = p;
    const household_fields *f = a->f;
    char *name = NULL, *addr = NULL, *note = NULL, *key = NULL, *sort = NULL;
    sqlite3_stmt *st = db_stmt(db, hamlet);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, f->hamlet_id);
    int ok = sqlite3_step(st) == SQLITE_ROW && !strcmp((const char *)sqlite3_column_text(st, 0), "hamlet");
    sqlite3_reset(st);
    if (!ok) return db_fail(db, DB_INVALID, "%s", L("Thôn: chưa chọn thôn", "Hamlet: no hamlet chosen"));
    int rc = field_text(db, L("Chủ hộ", "Head of household"), f->head_name, 1, 120, &name);
    if (!rc) rc = field_text(db, L("Địa chỉ", "Address"), f->address, 0, 200, &addr);
    if (!rc) rc = field_text(db, L("Ghi chú", "Note"), f->note, 0, 1000, &note);
    for (int i = 0; !rc && i < HH_NFLAGS; i++)
        if (f->flags[i] < HH_UNKNOWN || f->flags[i] > HH_NO)
            rc = db_fail(db, DB_INVALID, L("%s: chỉ có có/không/chưa khảo sát", "%s: yes, no or not surveyed only"),
                         household_flag_label(i));
    if (!rc && (!(key = text_fold(name)) || !(sort = text_sort_key_person(name)))) rc = db_fail(db, DB_ERR, "out of memory");
    if (!rc && !(st = db_stmt(db, a->id ? upd : ins))) rc = DB_ERR;
    if (!rc) {
        sqlite3_bind_int64(st, 1, f->hamlet_id);
        sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
        bind_text_or_null(st, 3, addr);
        bind_text_or_null(st, 4, note);
        sqlite3_bind_text(st, 5, key, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 6, sort, -1, SQLITE_TRANSIENT);
        for (int i = 0; i < HH_NFLAGS; i++) {
            if (f->flags[i] == HH_UNKNOWN) sqlite3_bind_null(st, 7 + i);
            else sqlite3_bind_int(st, 7 + i, f->flags[i] == HH_YES);
        }
        if (a->id) { sqlite3_bind_int64(st, 15, a->id); sqlite3_bind_int64(st, 16, a->version); }
        rc = step_done(db, st);
        if (!rc && !a->id && a->out) *a->out = sqlite3_last_insert_rowid(db->h);
        if (!rc && a->id && sqlite3_changes(db->h) == 0) rc = ent_conflict(db, "household", a->id, L("hộ", "household"));
    }
    free(name); free(addr); free(note); free(key); free(sort);
    return rc;
}

int household_create(ntm_db *db, const household_fields *f, int64_t *id)
{
    hh_args a = { f, 0, 0, id };
    return ent_in_tx(db, hh_write, &a);
}

int household_update(ntm_db *db, int64_t id, int64_t version, const household_fields *f)
{
    if (id <= 0) return db_fail(db, DB_NOTFOUND, "%s", L("Chưa chọn hộ", "No household chosen"));
    hh_args a = { f, id, version, NULL };
    return ent_in_tx(db, hh_write, &a);
}

static int hh_del(ntm_db *db, void *p)
{
    /* Tour stops of the hamlet's commune, through tour_by_unit and tour_stop(tour_id, seq). */
    static const char *refs = "SELECT count(*) FROM tour t JOIN tour_stop s ON s.tour_id = t.id "
        "WHERE t.unit_id = (SELECT parent_id FROM unit WHERE id = ?2) AND s.household_id = ?1";
    static const char *del = "DELETE FROM household WHERE id = ?1";
    int64_t id = *(int64_t *)p;
    household_rec r;
    int rc = household_read(db, id, &r);
    if (rc) return rc;
    sqlite3_stmt *st = db_stmt(db, refs);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, r.hamlet_id);
    ent_ref list[] = { { L("điểm dừng tour", "tour stops"), sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0 } };
    sqlite3_reset(st);
    if ((rc = ent_refused(db, L("hộ", "household"), r.head_name, list, 1))) return rc;
    if (!(st = db_stmt(db, del))) return DB_ERR;
    sqlite3_bind_int64(st, 1, id);
    return step_done(db, st);
}

int household_delete(ntm_db *db, int64_t id) { return ent_in_tx(db, hh_del, &id); }
