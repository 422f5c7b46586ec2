/* campaign: plans and peak pushes of a commune. */
#include "model/campaign.h"
#include "model/date.h"
#include "model/entity.h"
#include "model/field.h"
#include "model/i18n.h"
#include "model/rows.h"
#include "model/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CAMPAIGN_COLS "c.id, c.unit_id, c.version, c.name, coalesce(c.doc_number, ''), coalesce(c.issuer, ''), " \
    "coalesce(c.signer, ''), coalesce(c.note, ''), coalesce(c.issue_date, ''), c.start_date, c.end_date, " \
    "(SELECT count(*) FROM task t WHERE t.campaign_id = c.id) "

static void read_campaign(ntm_db *db, sqlite3_stmt *st, void *row)
{
    campaign_rec *r = row;
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, 0);
    r->commune_id = sqlite3_column_int64(st, 1);
    r->version = sqlite3_column_int64(st, 2);
    col_text(r->name, sizeof r->name, st, 3);
    col_text(r->doc_number, sizeof r->doc_number, st, 4);
    col_text(r->issuer, sizeof r->issuer, st, 5);
    col_text(r->signer, sizeof r->signer, st, 6);
    col_text(r->note, sizeof r->note, st, 7);
    col_text(r->issue_date, sizeof r->issue_date, st, 8);
    col_text(r->start_date, sizeof r->start_date, st, 9);
    col_text(r->end_date, sizeof r->end_date, st, 10);
    r->n_tasks = sqlite3_column_int(st, 11);
    const char *today = db_today(db);
    r->running = strcmp(r->start_date, today) <= 0 && strcmp(r->end_date, today) >= 0;
    r->days_left = date_valid_iso(r->end_date) ? (int)(date_days(r->end_date) - date_days(today)) : 0;
}

int campaign_read(ntm_db *db, int64_t id, campaign_rec *out)
{
    static const char *sql = "SELECT " CAMPAIGN_COLS "FROM campaign c WHERE c.id = ?1";
    int rc = rows_get(db, sql, id, read_campaign, out);
    if (rc == DB_NOTFOUND) return db_fail(db, DB_NOTFOUND, _("Không có đợt/kế hoạch số %lld"), (long long)id);
    return rc;
}

int campaign_list(ntm_db *db, int64_t commune_id, campaign_rec **out, int *n)
{
    static const char *sql = "SELECT " CAMPAIGN_COLS "FROM campaign c WHERE c.unit_id = ?1 ORDER BY c.start_date DESC, c.id DESC";
    void *v;
    int rc = rows_list(db, sql, commune_id, read_campaign, sizeof **out, &v, n);
    *out = v;
    return rc;
}

int campaign_current(ntm_db *db, int64_t commune_id, campaign_rec *out)
{
    static const char *sql = "SELECT " CAMPAIGN_COLS "FROM campaign c WHERE c.unit_id = ?1 "
        "ORDER BY (c.start_date <= ?2 AND c.end_date >= ?2) DESC, c.start_date DESC, c.id DESC LIMIT 1";
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, commune_id);
    sqlite3_bind_text(st, 2, db_today(db), -1, SQLITE_TRANSIENT);
    int rc = rows_one(db, st, read_campaign, out);
    if (rc == DB_NOTFOUND) return db_fail(db, DB_NOTFOUND, "%s", _("Xã chưa có đợt/kế hoạch nào"));
    return rc;
}

static int campaign_write(ntm_db *db, void *p)
{
    static const char *ins = "INSERT INTO campaign(unit_id, name, doc_number, issuer, issue_date, start_date, end_date, signer, "
        "note, name_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
    static const char *upd = "UPDATE campaign SET unit_id = ?1, name = ?2, doc_number = ?3, issuer = ?4, issue_date = ?5, "
        "start_date = ?6, end_date = ?7, signer = ?8, note = ?9, name_key = ?10, version = version + 1, updated_at = " ENT_NOW
        " WHERE id = ?11 AND version = ?12";
    const edit_args *a = p;
    const campaign_fields *f = a->f;
    char *name = NULL, *doc = NULL, *issuer = NULL, *signer = NULL, *note = NULL, *key = NULL;
    char issued[11], start[11], end[11];
    sqlite3_stmt *st;
    int rc = rows_unit_is(db, f->commune_id, "commune", _("Xã: chưa chọn xã"));
    if (rc) return rc;
    if (a->id) {                      /* its tasks stay in its commune */
        static const char *was = "SELECT unit_id FROM campaign WHERE id = ?1";
        int64_t old;
        if (rows_int64(db, was, a->id, &old)) return DB_ERR;
        if (!old) return ent_conflict(db, "campaign", a->id, _("đợt/kế hoạch"));
        if (old != f->commune_id)
            return db_fail_field(db, DB_INVALID, "unit_id", _("Xã"),
                                 "%s", _("không chuyển được đợt/kế hoạch sang xã khác"));
    }
    rc = field_text(db, "name", _("Tên đợt/kế hoạch"), f->name, 1, 300, &name);
    if (!rc) rc = field_text(db, "doc_number", _("Số văn bản"), f->doc_number, 0, 50, &doc);
    if (!rc) rc = field_text(db, "issuer", _("Cơ quan ban hành"), f->issuer, 0, 300, &issuer);
    if (!rc) rc = field_text(db, "signer", _("Người ký"), f->signer, 0, 120, &signer);
    if (!rc) rc = field_text(db, "note", _("Ghi chú"), f->note, 0, 2000, &note);
    if (!rc) rc = ent_date(db, "issue_date", _("Ngày ban hành"), f->issue_date, 0, issued);
    if (!rc) rc = ent_date(db, "start_date", _("Ngày bắt đầu"), f->start_date, 1, start);
    if (!rc) rc = ent_date(db, "end_date", _("Ngày kết thúc"), f->end_date, 1, end);
    if (!rc && strcmp(end, start) < 0) {
        char s[11], e[11];
        date_show(start, s); date_show(end, e);
        rc = db_fail_field(db, DB_INVALID, "end_date", NULL, _("Ngày kết thúc (%s) phải từ ngày bắt đầu (%s) trở đi"), e, s);
    }
    if (!rc && !(key = text_fold(name))) rc = db_fail(db, DB_ERR, "out of memory");
    if (!rc && !(st = db_stmt(db, a->id ? upd : ins))) rc = DB_ERR;
    if (!rc) {
        sqlite3_bind_int64(st, 1, f->commune_id);
        sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
        bind_text_or_null(st, 3, doc);
        bind_text_or_null(st, 4, issuer);
        bind_text_or_null(st, 5, issued);
        sqlite3_bind_text(st, 6, start, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 7, end, -1, SQLITE_TRANSIENT);
        bind_text_or_null(st, 8, signer);
        bind_text_or_null(st, 9, note);
        sqlite3_bind_text(st, 10, key, -1, SQLITE_TRANSIENT);
        if (a->id) { sqlite3_bind_int64(st, 11, a->id); sqlite3_bind_int64(st, 12, a->version); }
        rc = edit_step(db, st, a, "campaign", _("đợt/kế hoạch"));
    }
    free(name); free(doc); free(issuer); free(signer); free(note); free(key);
    return rc;
}

int campaign_create(ntm_db *db, const campaign_fields *f, int64_t *id) { return edit_create(db, campaign_write, f, id); }

int campaign_update(ntm_db *db, int64_t id, int64_t version, const campaign_fields *f)
{
    return edit_update(db, campaign_write, f, id, version, _("Chưa chọn đợt/kế hoạch"));
}

static int campaign_del(ntm_db *db, void *p)
{
    static const char *refs = "SELECT (SELECT count(*) FROM task WHERE campaign_id = ?1), "
                              "(SELECT count(*) FROM tour WHERE unit_id = ?2 AND campaign_id = ?1)";
    static const char *del = "DELETE FROM campaign WHERE id = ?1";
    int64_t id = *(int64_t *)p;
    campaign_rec *c = malloc(sizeof *c);
    if (!c) return db_fail(db, DB_ERR, "out of memory");
    ent_ref list[] = { { _("đầu việc"), 0 }, { _("tour kiểm tra"), 0 } };
    int rc = campaign_read(db, id, c);
    if (!rc) rc = edit_refuse_used(db, refs, id, c->commune_id, _("đợt/kế hoạch"), c->name, list, 2);
    if (!rc) rc = rows_exec(db, del, id);
    free(c);
    return rc;
}

int campaign_delete(ntm_db *db, int64_t id) { return ent_in_tx(db, campaign_del, &id); }
