/* criteria: the criteria of a set, and the per-unit state matrix with in-place edits.
 * The sets themselves, their labels and indicators: criteria_set.c. */
#include "model/criteria.h"
#include "model/db_internal.h"
#include "model/entity.h"
#include "model/field.h"
#include "model/i18n.h"
#include "model/rows.h"
#include "model/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void read_criterion(ntm_db *db, sqlite3_stmt *st, void *row)
{
    criterion_rec *r = row;
    r->id = sqlite3_column_int64(st, 0);
    r->set_id = sqlite3_column_int64(st, 1);
    r->number = sqlite3_column_int(st, 2);
    col_text(r->name, sizeof r->name, st, 3);
}

int criteria_of_set(ntm_db *db, int64_t set_id, criterion_rec **out, int *n)
{
    static const char *sql = "SELECT id, set_id, number, name FROM criterion WHERE set_id = ?1 ORDER BY number";
    void *v;
    int rc = rows_list(db, sql, set_id, read_criterion, sizeof **out, &v, n);
    *out = v;
    return rc;
}

const char *uc_status_code(char s) { return s == 'm' ? "met" : s == 'r' ? "at_risk" : "not_met"; }

static char status_char(const char *s) { return !s ? 0 : !strcmp(s, "met") ? 'm' : !strcmp(s, "at_risk") ? 'r' : !strcmp(s, "not_met") ? 'n' : 0; }
static char dossier_char(const char *s)
{
    return !s ? 0 : !strcmp(s, "in_progress") ? 'p' : !strcmp(s, "complete") ? 'c' : !strcmp(s, "appraised") ? 'a' : 0;
}

const char *uc_status_label(char s)
{
    switch (s) {
    case 'm': return _("Đạt");
    case 'r': return _("Có nguy cơ");
    default:  return _("Chưa đạt");
    }
}

const char *uc_dossier_label(char d)
{
    switch (d) {
    case 'p': return _("Đang hoàn thiện");
    case 'c': return _("Đủ hồ sơ");
    case 'a': return _("Đã thẩm định");
    default:  return _("Chưa có");
    }
}

#define UC_COLS "uc.id, uc.unit_id, uc.criterion_id, uc.version, coalesce(uc.owner_org_id, 0), coalesce(uc.owner_person_id, 0), " \
    "uc.status, uc.dossier, uc.note IS NOT NULL AND uc.note <> '', " \
    "coalesce(o.short_name, o.name, '') || CASE WHEN o.id IS NOT NULL AND p.id IS NOT NULL THEN ', ' ELSE '' END || coalesce(p.full_name, ''), " \
    "coalesce(uc.status_date, ''), coalesce(uc.note, ''), uc.updated_at "
#define UC_FROM "FROM unit_criterion uc LEFT JOIN org o ON o.id = uc.owner_org_id LEFT JOIN person p ON p.id = uc.owner_person_id "

static void read_cell(sqlite3_stmt *st, uc_cell *c)
{
    memset(c, 0, sizeof *c);
    c->id = sqlite3_column_int64(st, 0);
    c->unit_id = sqlite3_column_int64(st, 1);
    c->criterion_id = sqlite3_column_int64(st, 2);
    c->version = sqlite3_column_int64(st, 3);
    c->owner_org_id = sqlite3_column_int64(st, 4);
    c->owner_person_id = sqlite3_column_int64(st, 5);
    c->status = status_char((const char *)sqlite3_column_text(st, 6));
    c->dossier = dossier_char((const char *)sqlite3_column_text(st, 7));
    c->has_note = (char)sqlite3_column_int(st, 8);
    col_text(c->owner, sizeof c->owner, st, 9);
    col_text(c->status_date, sizeof c->status_date, st, 10);
}

int uc_read(ntm_db *db, int64_t unit_id, int64_t criterion_id, uc_rec *out)
{
    static const char *sql = "SELECT " UC_COLS UC_FROM "WHERE uc.unit_id = ?1 AND uc.criterion_id = ?2";
    memset(out, 0, sizeof *out);
    out->c.unit_id = unit_id;
    out->c.criterion_id = criterion_id;
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, unit_id);
    sqlite3_bind_int64(st, 2, criterion_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        read_cell(st, &out->c);
        col_text(out->note, sizeof out->note, st, 11);
        col_text(out->updated_at, sizeof out->updated_at, st, 12);
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK : db_sqlite_error(db, rc);
}

void criteria_matrix_free(criteria_matrix *m)
{
    free(m->rows); free(m->cols); free(m->cells);
    memset(m, 0, sizeof *m);
}

uc_cell *criteria_cell(criteria_matrix *m, int row, int c)
{
    if (row < 0 || row >= m->n_rows || c < 0 || c >= m->n_cols) return NULL;
    return &m->cells[(size_t)row * (size_t)m->n_cols + (size_t)c];
}

int criteria_matrix_load(ntm_db *db, int64_t unit_id, int64_t set_id, criteria_matrix *m)
{
    static const char *unit_sql = "SELECT kind, coalesce(criteria_set_id, 0), name FROM unit WHERE id = ?1";
    static const char *kids = "SELECT id, kind, name, coalesce(criteria_set_id, 0) FROM unit WHERE parent_id = ?1 AND active = 1 ORDER BY sort_key";
    static const char *set_sql = "SELECT name FROM criteria_set WHERE id = ?1";
    static const char *cells = "SELECT " UC_COLS UC_FROM "WHERE uc.unit_id = ?1";
    memset(m, 0, sizeof *m);
    sqlite3_stmt *st = db_stmt(db, unit_sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, unit_id);
    char kind[12] = "", name[204] = "";
    int64_t own_set = 0;
    if (sqlite3_step(st) == SQLITE_ROW) {
        col_text(kind, sizeof kind, st, 0);
        own_set = sqlite3_column_int64(st, 1);
        col_text(name, sizeof name, st, 2);
    }
    sqlite3_reset(st);
    if (strcmp(kind, "commune") && strcmp(kind, "province"))
        return db_fail(db, DB_INVALID, "%s", _("Chọn một xã hoặc một tỉnh"));
    int cap = 0, rc = SQLITE_DONE;
    if (!strcmp(kind, "commune")) {
        if (!(m->rows = rows_room(NULL, 0, &cap, sizeof *m->rows))) return db_fail(db, DB_ERR, "out of memory");
        m->rows[0] = (criteria_row){ unit_id, 'c', "", 0, own_set };
        text_copy(m->rows[0].name, sizeof m->rows[0].name, name);
        m->n_rows = 1;
        if (!set_id) set_id = own_set;
    }
    if (!(st = db_stmt(db, kids))) { criteria_matrix_free(m); return DB_ERR; }
    sqlite3_bind_int64(st, 1, unit_id);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        criteria_row *v = rows_room(m->rows, m->n_rows, &cap, sizeof *m->rows);
        if (!v) { rc = SQLITE_NOMEM; break; }
        m->rows = v;
        criteria_row *r = &m->rows[m->n_rows++];
        memset(r, 0, sizeof *r);
        r->id = sqlite3_column_int64(st, 0);
        r->kind = (char)sqlite3_column_text(st, 1)[0];
        col_text(r->name, sizeof r->name, st, 2);
        r->set_id = sqlite3_column_int64(st, 3);
        if (!set_id && r->kind == 'c') set_id = r->set_id;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) { criteria_matrix_free(m); return db_sqlite_error(db, rc); }
    if (!set_id) {
        criteria_matrix_free(m);
        return db_fail(db, DB_NOTFOUND, _("%s chưa được gán bộ tiêu chí"), name);
    }
    m->set_id = set_id;
    if ((st = db_stmt(db, set_sql))) {
        sqlite3_bind_int64(st, 1, set_id);
        if (sqlite3_step(st) == SQLITE_ROW) col_text(m->set_name, sizeof m->set_name, st, 0);
        sqlite3_reset(st);
    }
    criteria_set_rec cs;
    if (criteria_set_get(db, set_id, &cs) == DB_OK) text_copy(m->set_label, sizeof m->set_label, cs.label);
    if ((rc = criteria_of_set(db, set_id, &m->cols, &m->n_cols))) { criteria_matrix_free(m); return rc; }
    m->cells = calloc((size_t)(m->n_rows ? m->n_rows : 1) * (size_t)(m->n_cols ? m->n_cols : 1), sizeof *m->cells);
    if (!m->cells) { criteria_matrix_free(m); return db_fail(db, DB_ERR, "out of memory"); }
    for (int i = 0; i < m->n_rows; i++)
        for (int j = 0; j < m->n_cols; j++) {
            uc_cell *c = criteria_cell(m, i, j);
            c->unit_id = m->rows[i].id;
            c->criterion_id = m->cols[j].id;
        }
    /* One indexed read (unit_criterion's UNIQUE (unit_id, criterion_id)) per row. */
    for (int i = 0; i < m->n_rows; i++) {
        if (!(st = db_stmt(db, cells))) { criteria_matrix_free(m); return DB_ERR; }
        sqlite3_bind_int64(st, 1, m->rows[i].id);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            int64_t crit = sqlite3_column_int64(st, 2);
            for (int j = 0; j < m->n_cols; j++)
                if (m->cols[j].id == crit) {
                    uc_cell *c = criteria_cell(m, i, j);
                    read_cell(st, c);
                    if (c->status == 'm') m->rows[i].met++;
                    break;
                }
        }
        sqlite3_reset(st);
        if (rc != SQLITE_DONE) { criteria_matrix_free(m); return db_sqlite_error(db, rc); }
    }
    return DB_OK;
}

typedef struct { int64_t unit_id, criterion_id, version; const uc_fields *f; int status_only; const char *status; } uc_args;

static int uc_write(ntm_db *db, void *p)
{
    static const char *ctx = "SELECT (SELECT CASE kind WHEN 'hamlet' THEN parent_id WHEN 'commune' THEN id END FROM unit WHERE id = ?1), "
        "(SELECT 1 FROM criterion WHERE id = ?2), (SELECT unit_id FROM org WHERE id = ?3), "
        "(SELECT CASE u.kind WHEN 'hamlet' THEN u.parent_id ELSE u.id END FROM person p JOIN unit u ON u.id = p.unit_id WHERE p.id = ?4)";
    static const char *cur = "SELECT id, version FROM unit_criterion WHERE unit_id = ?1 AND criterion_id = ?2";
    static const char *ins = "INSERT INTO unit_criterion(unit_id, criterion_id, status, owner_org_id, owner_person_id, dossier, "
        "status_date, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
    static const char *upd = "UPDATE unit_criterion SET status = ?3, owner_org_id = ?4, owner_person_id = ?5, dossier = ?6, "
        "status_date = ?7, note = ?8, version = version + 1, updated_at = " ENT_NOW " WHERE id = ?9 AND version = ?10";
    static const char *ins_status = "INSERT INTO unit_criterion(unit_id, criterion_id, status, status_date) VALUES (?1, ?2, ?3, ?7)";
    static const char *upd_status = "UPDATE unit_criterion SET status = ?3, status_date = ?7, version = version + 1, "
        "updated_at = " ENT_NOW " WHERE id = ?9 AND version = ?10";
    uc_args *a = p;
    static const uc_fields none = { 0 };
    const uc_fields *f = a->f ? a->f : &none;
    const char *status = a->status_only ? a->status : f->status && *f->status ? f->status : "not_met";
    const char *dossier = f->dossier && *f->dossier ? f->dossier : "none";
    char date[11] = "";
    char *note = NULL;
    sqlite3_stmt *st = db_stmt(db, ctx);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, a->unit_id);
    sqlite3_bind_int64(st, 2, a->criterion_id);
    sqlite3_bind_int64(st, 3, f->owner_org_id);
    sqlite3_bind_int64(st, 4, f->owner_person_id);
    int r = sqlite3_step(st);
    int64_t commune = r == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    int crit = r == SQLITE_ROW && sqlite3_column_int(st, 1) == 1;
    int64_t org_c = r == SQLITE_ROW ? sqlite3_column_int64(st, 2) : 0;
    int64_t person_c = r == SQLITE_ROW ? sqlite3_column_int64(st, 3) : 0;
    sqlite3_reset(st);
    if (r != SQLITE_ROW) return db_sqlite_error(db, r);
    if (!commune) return db_fail_field(db, DB_INVALID, "unit_id", _("Đơn vị"),
                                       "%s", _("chọn một xã hoặc một thôn"));
    if (!crit) return db_fail_field(db, DB_INVALID, "criterion_id", _("Tiêu chí"),
                                    "%s", _("không có tiêu chí này"));
    if (!status || !status_char(status))
        return db_fail_field(db, DB_INVALID, "status", _("Tình trạng"),
                             _("\"%s\" không hợp lệ (met, not_met, at_risk)"), status ? status : "");
    int rc = DB_OK;
    if (a->status_only) {
        memcpy(date, db_today(db), 11);
    } else {
        if (strcmp(dossier, "none") && !dossier_char(dossier))
            return db_fail_field(db, DB_INVALID, "dossier", _("Hồ sơ"),
                                 _("\"%s\" không hợp lệ (none, in_progress, complete, appraised)"), dossier);
        if (f->owner_org_id > 0 && org_c != commune)
            return db_fail_field(db, DB_INVALID, "owner_org_id", _("Tổ chức phụ trách"),
                                 "%s", _("phải là tổ chức của xã"));
        if (f->owner_person_id > 0 && person_c != commune)
            return db_fail_field(db, DB_INVALID, "owner_person_id", _("Người phụ trách"),
                                 "%s", _("phải là người của xã"));
        rc = ent_date(db, "status_date", _("Ngày đánh giá"), f->status_date, 0, date);
        if (!rc) rc = field_text(db, "note", _("Ghi chú"), f->note, 0, 1000, &note);
        if (rc) return rc;
    }
    if (!(st = db_stmt(db, cur))) { free(note); return DB_ERR; }
    sqlite3_bind_int64(st, 1, a->unit_id);
    sqlite3_bind_int64(st, 2, a->criterion_id);
    int64_t id = 0, version = 0;
    if (sqlite3_step(st) == SQLITE_ROW) { id = sqlite3_column_int64(st, 0); version = sqlite3_column_int64(st, 1); }
    sqlite3_reset(st);
    if (id && version != a->version) { free(note); return ent_conflict(db, "unit_criterion", id, _("tiêu chí")); }
    if (!id && a->version)
        { free(note); return db_fail(db, DB_NOTFOUND, "%s", _("Tình trạng tiêu chí này đã bị xóa; hãy tải lại.")); }
    const char *sql = a->status_only ? (id ? upd_status : ins_status) : (id ? upd : ins);
    if (!(st = db_stmt(db, sql))) { free(note); return DB_ERR; }
    sqlite3_bind_int64(st, 1, a->unit_id);
    sqlite3_bind_int64(st, 2, a->criterion_id);
    sqlite3_bind_text(st, 3, status, -1, SQLITE_TRANSIENT);
    if (!a->status_only) {
        bind_id_or_null(st, 4, f->owner_org_id);
        bind_id_or_null(st, 5, f->owner_person_id);
        sqlite3_bind_text(st, 6, dossier, -1, SQLITE_TRANSIENT);
        bind_text_or_null(st, 8, note);
    }
    bind_text_or_null(st, 7, date);
    if (id) { sqlite3_bind_int64(st, 9, id); sqlite3_bind_int64(st, 10, a->version); }
    rc = step_done(db, st);
    if (!rc && id && sqlite3_changes(db->h) == 0) rc = ent_conflict(db, "unit_criterion", id, _("tiêu chí"));
    free(note);
    return rc;
}

int uc_set(ntm_db *db, int64_t unit_id, int64_t criterion_id, int64_t version, const uc_fields *f)
{
    uc_args a = { unit_id, criterion_id, version, f, 0, NULL };
    return ent_in_tx(db, uc_write, &a);
}

int uc_set_status(ntm_db *db, int64_t unit_id, int64_t criterion_id, int64_t version, const char *status)
{
    uc_args a = { unit_id, criterion_id, version, NULL, 1, status };
    return ent_in_tx(db, uc_write, &a);
}
