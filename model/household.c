/* household: households of a hamlet: create, edit (version checked), delete, list. */
#include "model/household.h"
#include "model/entity.h"
#include "model/field.h"
#include "model/i18n.h"
#include "model/rows.h"
#include "model/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *household_flag_label(int flag)
{
    switch (flag) {
    case HH_MODEL_GARDEN:   return _("Vườn mẫu");
    case HH_THREE_CLEAN:    return _("3 sạch");
    case HH_SEPTIC_TOILET:  return _("Nhà tiêu tự hoại");
    case HH_WASTEWATER_PIT: return _("Hố xử lý nước thải");
    case HH_COMPOST_PIT:    return _("Hố ủ rác");
    case HH_BAD_TOILET:     return _("Nhà tiêu 1-2 ngăn cần bỏ");
    case HH_POOR:           return _("Hộ nghèo");
    case HH_OFFICIAL:       return _("Cán bộ, đảng viên");
    default:                return "?";
    }
}

const char *household_flag_column(int flag)
{
    static const char *const cols[HH_NFLAGS] = { "model_garden", "three_clean", "septic_toilet", "wastewater_pit",
                                                 "compost_pit", "bad_toilet", "poor", "official" };
    return flag >= 0 && flag < HH_NFLAGS ? cols[flag] : "";
}

#define HH_COLS "id, hamlet_id, version, head_name, coalesce(address, ''), coalesce(note, ''), " \
    "model_garden, three_clean, septic_toilet, wastewater_pit, compost_pit, bad_toilet, poor, official "

static void read_hh(ntm_db *db, sqlite3_stmt *st, void *row)
{
    household_rec *r = row;
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, 0);
    r->hamlet_id = sqlite3_column_int64(st, 1);
    r->version = sqlite3_column_int64(st, 2);
    col_text(r->head_name, sizeof r->head_name, st, 3);
    col_text(r->address, sizeof r->address, st, 4);
    col_text(r->note, sizeof r->note, st, 5);
    for (int i = 0; i < HH_NFLAGS; i++)
        r->flags[i] = sqlite3_column_type(st, 6 + i) == SQLITE_NULL ? HH_UNKNOWN
                    : sqlite3_column_int(st, 6 + i) ? HH_YES : HH_NO;
}

int household_read(ntm_db *db, int64_t id, household_rec *out)
{
    static const char *sql = "SELECT " HH_COLS "FROM household WHERE id = ?1";
    int rc = rows_get(db, sql, id, read_hh, out);
    if (rc == DB_NOTFOUND) return db_fail(db, DB_NOTFOUND, _("Không có hộ số %lld"), (long long)id);
    return rc;
}

int household_list(ntm_db *db, int64_t hamlet_id, household_rec **out, int *n)
{
    static const char *sql = "SELECT " HH_COLS "FROM household WHERE hamlet_id = ?1 ORDER BY sort_key, id";
    void *v;
    int rc = rows_list(db, sql, hamlet_id, read_hh, sizeof **out, &v, n);
    *out = v;
    return rc;
}

static int hh_write(ntm_db *db, void *p)
{
    static const char *ins = "INSERT INTO household(hamlet_id, head_name, address, note, name_key, sort_key, "
        "model_garden, three_clean, septic_toilet, wastewater_pit, compost_pit, bad_toilet, poor, official) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
    static const char *upd = "UPDATE household SET hamlet_id = ?1, head_name = ?2, address = ?3, note = ?4, name_key = ?5, "
        "sort_key = ?6, model_garden = ?7, three_clean = ?8, septic_toilet = ?9, wastewater_pit = ?10, compost_pit = ?11, "
        "bad_toilet = ?12, poor = ?13, official = ?14, version = version + 1, updated_at = " ENT_NOW
        " WHERE id = ?15 AND version = ?16";
    const edit_args *a = p;
    const household_fields *f = a->f;
    char *name = NULL, *addr = NULL, *note = NULL, *key = NULL, *sort = NULL;
    sqlite3_stmt *st;
    int rc = rows_unit_is(db, f->hamlet_id, "hamlet", _("Thôn: chưa chọn thôn"));
    if (rc) return rc;
    rc = field_text(db, "head_name", _("Chủ hộ"), f->head_name, 1, 120, &name);
    if (!rc) rc = field_text(db, "address", _("Địa chỉ"), f->address, 0, 200, &addr);
    if (!rc) rc = field_text(db, "note", _("Ghi chú"), f->note, 0, 1000, &note);
    for (int i = 0; !rc && i < HH_NFLAGS; i++)
        if (f->flags[i] < HH_UNKNOWN || f->flags[i] > HH_NO)
            rc = db_fail_field(db, DB_INVALID, household_flag_column(i), household_flag_label(i),
                               _("chỉ có có/không/chưa khảo sát"));
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
        rc = edit_step(db, st, a, "household", _("hộ"));
    }
    free(name); free(addr); free(note); free(key); free(sort);
    return rc;
}

int household_create(ntm_db *db, const household_fields *f, int64_t *id) { return edit_create(db, hh_write, f, id); }

int household_update(ntm_db *db, int64_t id, int64_t version, const household_fields *f)
{
    return edit_update(db, hh_write, f, id, version, _("Chưa chọn hộ"));
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
    ent_ref list[] = { { _("điểm dừng tour"), 0 } };
    if ((rc = edit_refuse_used(db, refs, id, r.hamlet_id, _("hộ"), r.head_name, list, 1))) return rc;
    return rows_exec(db, del, id);
}

int household_delete(ntm_db *db, int64_t id) { return ent_in_tx(db, hh_del, &id); }
