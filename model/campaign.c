/* campaign: plans and peak pushes of a commune. */
#include "model/campaign.h"
#include "model/db_internal.h"
#include "model/date.h"
#include "model/entity.h"
#include "model/field.h"
#include "model/i18n.h"
#include "model/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CAMPAIGN_COLS "c.id, c.unit_id, c.version, c.name, coalesce(c.doc_number, ''), coalesce(c.issuer, ''), " \
    "coalesce(c.signer, ''), coalesce(c.note, ''), coalesce(c.issue_date, ''), c.start_date, c.end_date, " \
    "(SELECT count(*) FROM task t WHERE t.campaign_id = c.id) "

static void col(char *dst, size_t n, sqlite3_stmt *st, int c)
{
    const char *s = (const char *)sqlite3_column_text(st, c);
    text_copy(dst, n, s ? s : "");
}

static void read_campaign(ntm_db *db, sqlite3_stmt *st, campaign_rec *r)
{
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, 0);
    r->commune_id = sqlite3_column_int64(st, 1);
    r->version = sqlite3_column_int64(st, 2);
    col(r->name, sizeof r->name, st, 3);
    col(r->doc_number, sizeof r->doc_number, st, 4);
    col(r->issuer, sizeof r->issuer, st, 5);
    col(r->signer, sizeof r->signer, st, 6);
    col(r->note, sizeof r->note, st, 7);
    col(r->issue_date, sizeof r->issue_date, st, 8);
    col(r->start_date, sizeof r->start_date, st, 9);
    col(r->end_date, sizeof r->end_date, st, 10);
    r->n_tasks = sqlite3_column_int(st, 11);
    const char *today = db_today(db);
    r->running = strcmp(r->start_date, today) <= 0 && strcmp(r->end_date, today) >= 0;
    r->days_left = date_valid_iso(r->end_date) ? (int)(date_days(r->end_date) - date_days(today)) : 0;
}

int campaign_read(ntm_db *db, int64_t id, campaign_rec *out)
{
    static const char *sql = "SELECT " CAMPAIGN_COLS "FROM campaign c WHERE c.id = ?1";
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) read_campaign(db, st, out);
    sqlite3_reset(st);
    if (rc == SQLITE_ROW) return DB_OK;
    if (rc == SQLITE_DONE) return db_fail(db, DB_NOTFOUND, L("Không có đợt/kế hoạch số %lld", "No campaign with id %lld"), (long long)id);
    return db_sqlite_error(db, rc);
}

int campaign_list(ntm_db *db, int64_t commune_id, campaign_rec **out, int *n)
{
    static const char *sql = "SELECT " CAMPAIGN_COLS "FROM campaign c WHERE c.unit_id = ?1 ORDER BY c.start_date DESC, c.id DESC";
    *out = NULL; *n = 0;
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, commune_id);
    int cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 8;
            campaign_rec *v = realloc(*out, (size_t)cap * sizeof *v);
            if (!v) { sqlite3_reset(st); free(*out); *out = NULL; *n = 0; return db_fail(db, DB_ERR, "out of memory"); }
            *out = v;
        }
        read_campaign(db, st, &(*out)[(*n)++]);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) { free(*out); *out = NULL; *n = 0; return db_sqlite_error(db, rc); }
    return DB_OK;
}

int campaign_current(ntm_db *db, int64_t commune_id, campaign_rec *out)
{
    static const char *sql = "SELECT " CAMPAIGN_COLS "FROM campaign c WHERE c.unit_id = ?1 "
        "ORDER BY (c.start_date <= ?2 AND c.end_date >= ?2) DESC, c.start_date DESC, c.id DESC LIMIT 1";
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, commune_id);
    sqlite3_bind_text(st, 2, db_today(db), -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) read_campaign(db, st, out);
    sqlite3_reset(st);
    if (rc == SQLITE_ROW) return DB_OK;
    if (rc == SQLITE_DONE) return db_fail(db, DB_NOTFOUND, "%s", L("Xã chưa có đợt/kế hoạch nào", "The commune has no campaign"));
    return db_sqlite_error(db, rc);
}

typedef struct { const campaign_fields *f; int64_t id, version, *out; } campaign_args;

static int campaign_write(ntm_db *db, void *p)
{
    static const char *commune = "SELECT kind FROM unit WHERE id = ?1";
    static const char *ins = "INSERT INTO campaign(unit_id, name, doc_number, issuer, issue_date, start_date, end_date, signer, "
        "note, name_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
    static const char *upd = "UPDATE campaign SET unit_id = ?1, name = ?2, doc_number = ?3, issuer = ?4, issue_date = ?5, "
        "start_date = ?6, end_date = ?7, signer = ?8, note = ?9, name_key = ?10, version = version + 1, updated_at = " ENT_NOW
        " WHERE id = ?11 AND version = ?12";
    campaign_args *a = p;
    const campaign_fields *f = a->f;
    char *name = NULL, *doc = NULL, *issuer = NULL, *signer = NULL, *note = NULL, *key = NULL;
    char issued[11], start[11], end[11];
    sqlite3_stmt *st = db_stmt(db, commune);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, f->commune_id);
    int ok = sqlite3_step(st) == SQLITE_ROW && !strcmp((const char *)sqlite3_column_text(st, 0), "commune");
    sqlite3_reset(st);
    if (!ok) return db_fail(db, DB_INVALID, "%s", L("Xã: chưa chọn xã", "Commune: no commune chosen"));
    if (a->id) {                      /* its tasks stay in its commune */
        static const char *was = "SELECT unit_id FROM campaign WHERE id = ?1";
        if (!(st = db_stmt(db, was))) return DB_ERR;
        sqlite3_bind_int64(st, 1, a->id);
        int64_t old = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
        sqlite3_reset(st);
        if (!old) return ent_conflict(db, "campaign", a->id, L("đợt/kế hoạch", "campaign"));
        if (old != f->commune_id)
            return db_fail(db, DB_INVALID, "%s", L("Xã: không chuyển được đợt/kế hoạch sang xã khác", "Commune: a campaign cannot move to another commune"));
    }
    int rc = field_text(db, L("Tên đợt/kế hoạch", "Campaign name"), f->name, 1, 300, &name);
    if (!rc) rc = field_text(db, L("Số văn bản", "Document number"), f->doc_number, 0, 50, &doc);
    if (!rc) rc = field_text(db, L("Cơ quan ban hành", "Issuer"), f->issuer, 0, 300, &issuer);
    if (!rc) rc = field_text(db, L("Người ký", "Signer"), f->signer, 0, 120, &signer);
    if (!rc) rc = field_text(db, L("Ghi chú", "Note"), f->note, 0, 2000, &note);
    if (!rc) rc = ent_date(db, L("Ngày ban hành", "Issue date"), f->issue_date, 0, issued);
    if (!rc) rc = ent_date(db, L("Ngày bắt đầu", "Start date"), f->start_date, 1, start);
    if (!rc) rc = ent_date(db, L("Ngày kết thúc", "End date"), f->end_date, 1, end);
    if (!rc && strcmp(end, start) < 0) {
        char s[11], e[11];
        date_show(start, s); date_show(end, e);
        rc = db_fail(db, DB_INVALID, L("Ngày kết thúc (%s) phải từ ngày bắt đầu (%s) trở đi",
                                       "End date (%s) must not be before the start date (%s)"), e, s);
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
        rc = step_done(db, st);
        if (!rc && !a->id && a->out) *a->out = sqlite3_last_insert_rowid(db->h);
        if (!rc && a->id && sqlite3_changes(db->h) == 0) rc = ent_conflict(db, "campaign", a->id, L("đợt/kế hoạch", "campaign"));
    }
    free(name); free(doc); free(issuer); free(signer); free(note); free(key);
    return rc;
}

int campaign_create(ntm_db *db, const campaign_fields *f, int64_t *id)
{
    campaign_args a = { f, 0, 0, id };
    return ent_in_tx(db, campaign_write, &a);
}

int campaign_update(ntm_db *db, int64_t id, int64_t version, const campaign_fields *f)
{
    if (id <= 0) return db_fail(db, DB_NOTFOUND, "%s", L("Chưa chọn đợt/kế hoạch", "No campaign chosen"));
    campaign_args a = { f, id, version, NULL };
    return ent_in_tx(db, campaign_write, &a);
}

static int campaign_del(ntm_db *db, void *p)
{
    static const char *refs = "SELECT (SELECT count(*) FROM task WHERE campaign_id = ?1), "
                              "(SELECT count(*) FROM tour WHERE unit_id = ?2 AND campaign_id = ?1)";
    static const char *del = "DELETE FROM campaign WHERE id = ?1";
    int64_t id = *(int64_t *)p;
    campaign_rec *c = malloc(sizeof *c);
    if (!c) return db_fail(db, DB_ERR, "out of memory");
    int rc = campaign_read(db, id, c);
    sqlite3_stmt *st = rc ? NULL : db_stmt(db, refs);
    if (!rc && !st) rc = DB_ERR;
    if (!rc) {
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int64(st, 2, c->commune_id);
        int s = sqlite3_step(st);
        ent_ref list[] = {
            { L("đầu việc", "tasks"), s == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0 },
            { L("tour kiểm tra", "inspection tours"), s == SQLITE_ROW ? sqlite3_column_int64(st, 1) : 0 },
        };
        sqlite3_reset(st);
        rc = s == SQLITE_ROW ? ent_refused(db, L("đợt/kế hoạch", "campaign"), c->name, list, 2) : db_sqlite_error(db, s);
    }
    if (!rc && !(st = db_stmt(db, del))) rc = DB_ERR;
    if (!rc) {
        sqlite3_bind_int64(st, 1, id);
        rc = step_done(db, st);
    }
    free(c);
    return rc;
}

int campaign_delete(ntm_db *db, int64_t id) { return ent_in_tx(db, campaign_del, &id); }
