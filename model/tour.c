/* tour: reading a tour with its stops and checks, and the list of tours. */
#include "model/tour.h"
#include "model/db_internal.h"
#include "model/i18n.h"
#include "model/rows.h"
#include "model/text.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct { const char *kind, *vi; } KINDS[] = {   /* vi: a msgid */
    { "household", N_("Hộ gia đình") }, { "garden", N_("Vườn") },
    { "farm", N_("Trang trại") }, { "cultural_house", N_("Nhà văn hóa") },
    { "school", N_("Trường học") }, { "road", N_("Đoạn đường") },
    { "bridge", N_("Cầu") }, { "field", N_("Cánh đồng") }, { "other", N_("Khác") },
};

const char *tour_kind_label(const char *kind)
{
    for (size_t i = 0; i < sizeof KINDS / sizeof KINDS[0]; i++)
        if (!strcmp(KINDS[i].kind, kind)) return _(KINDS[i].vi);
    return kind;
}

int tour_kind_valid(const char *kind)
{
    for (size_t i = 0; i < sizeof KINDS / sizeof KINDS[0]; i++)
        if (!strcmp(KINDS[i].kind, kind)) return 1;
    return 0;
}

#define TOUR_COLS \
    "t.id, t.unit_id, t.name, coalesce(t.tour_date, ''), u.name, " \
    "(SELECT count(*) FROM tour_stop s WHERE s.tour_id = t.id), " \
    "(SELECT count(*) FROM tour_check k JOIN tour_stop s ON s.id = k.stop_id WHERE s.tour_id = t.id), " \
    "(SELECT count(*) FROM tour_check k JOIN tour_stop s ON s.id = k.stop_id WHERE s.tour_id = t.id AND k.result = 'pass'), " \
    "(SELECT count(*) FROM tour_check k JOIN tour_stop s ON s.id = k.stop_id WHERE s.tour_id = t.id AND k.result = 'fail'), " \
    "(SELECT count(*) FROM task x JOIN tour_check k ON k.id = x.tour_check_id JOIN tour_stop s ON s.id = k.stop_id WHERE s.tour_id = t.id), " \
    "(SELECT count(*) FROM task x JOIN tour_check k ON k.id = x.tour_check_id JOIN tour_stop s ON s.id = k.stop_id WHERE s.tour_id = t.id AND x.status = 'open') "

static void read_tour(ntm_db *db, sqlite3_stmt *st, void *row)
{
    tour_row *r = row;
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, 0);
    r->commune_id = sqlite3_column_int64(st, 1);
    col_text(r->name, sizeof r->name, st, 2);
    col_text(r->date, sizeof r->date, st, 3);
    col_text(r->commune, sizeof r->commune, st, 4);
    r->n_stops = sqlite3_column_int(st, 5);
    r->n_checks = sqlite3_column_int(st, 6);
    r->n_pass = sqlite3_column_int(st, 7);
    r->n_fail = sqlite3_column_int(st, 8);
    r->n_followups = sqlite3_column_int(st, 9);
    r->n_followups_open = sqlite3_column_int(st, 10);
}

int tour_list(ntm_db *db, int64_t commune_id, tour_row **out, int *n)
{
    static const char *sql = "SELECT " TOUR_COLS "FROM tour t JOIN unit u ON u.id = t.unit_id "
                             "WHERE ?1 = 0 OR t.unit_id = ?1 ORDER BY t.tour_date DESC, t.id DESC";
    void *v;
    int rc = rows_list(db, sql, commune_id, read_tour, sizeof **out, &v, n);
    *out = v;
    return rc;
}

int tour_find(ntm_db *db, const char *name_or_id, int64_t *id)
{
    static const char *sql = "SELECT t.id, t.name, t.name_key, u.name FROM tour t JOIN unit u ON u.id = t.unit_id ORDER BY t.id";
    char *q = text_fold(name_or_id);
    int all_digits = *name_or_id != 0;
    for (const char *p = name_or_id; *p; p++) all_digits &= isdigit((unsigned char)*p) != 0;
    if (!q) return db_fail(db, DB_INVALID, "%s", _("Tên không phải UTF-8 hợp lệ"));
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) { free(q); return DB_ERR; }
    int n_match = 0, n_exact = 0;
    int64_t match = 0, exact = 0;
    char all[2048] = "", found[2048] = "";
    while (sqlite3_step(st) == SQLITE_ROW) {
        int64_t rid = sqlite3_column_int64(st, 0);
        const char *key = (const char *)sqlite3_column_text(st, 2);
        char line[512];
        snprintf(line, sizeof line, "\n  %lld  %s (%s)", (long long)rid,
                 (const char *)sqlite3_column_text(st, 1), (const char *)sqlite3_column_text(st, 3));
        if (strlen(all) + strlen(line) < sizeof all) strcat(all, line);
        if (all_digits && rid == strtoll(name_or_id, NULL, 10)) { exact = rid; n_exact = 1; break; }
        if (!strcmp(key, q)) { exact = rid; n_exact++; }
        if (text_match(key, q)) {
            match = rid; n_match++;
            if (strlen(found) + strlen(line) < sizeof found) strcat(found, line);
        }
    }
    sqlite3_reset(st);
    free(q);
    if (n_exact == 1 || (!n_exact && n_match == 1)) { *id = n_exact ? exact : match; return DB_OK; }
    if (!n_match)
        return db_fail(db, DB_NOTFOUND, _("Không có tour nào \"%s\". Các tour:%s"),
                       name_or_id, *all ? all : _(" (chưa có)"));
    return db_fail(db, DB_INVALID, _("\"%s\" khớp nhiều tour; dùng id:%s"), name_or_id, found);
}

static void read_header(ntm_db *db, sqlite3_stmt *st, void *row)
{
    tour_full *t = row;
    read_tour(db, st, &t->t);
    col_text(t->lead, sizeof t->lead, st, 11);
    col_text(t->team, sizeof t->team, st, 12);
    col_text(t->purpose, sizeof t->purpose, st, 13);
    col_text(t->campaign, sizeof t->campaign, st, 14);
    t->lead_person_id = sqlite3_column_int64(st, 15);
    t->campaign_id = sqlite3_column_int64(st, 16);
    t->version = sqlite3_column_int64(st, 17);
}

static void read_template(ntm_db *db, sqlite3_stmt *st, void *row)
{
    tour_template *r = row;
    (void)db;
    r->id = sqlite3_column_int64(st, 0);
    col_text(r->code, sizeof r->code, st, 1);
    col_text(r->name, sizeof r->name, st, 2);
    r->n_items = sqlite3_column_int(st, 3);
}

int tour_templates(ntm_db *db, tour_template **out, int *n)
{
    static const char *sql = "SELECT t.id, t.code, t.name, (SELECT count(*) FROM checklist_item i WHERE i.template_id = t.id) "
                             "FROM checklist_template t WHERE ?1 = ?1 ORDER BY t.id";
    return rows_list(db, sql, 0, read_template, sizeof **out, (void **)out, n);
}

static int load_header(ntm_db *db, int64_t id, tour_full *t)
{
    static const char *sql = "SELECT " TOUR_COLS ", coalesce((SELECT full_name || coalesce(' - ' || position, '') "
        "FROM person WHERE id = t.lead_person_id), ''), coalesce(t.team, ''), coalesce(t.purpose, ''), "
        "coalesce((SELECT coalesce(doc_number || ' ', '') || name FROM campaign WHERE id = t.campaign_id), ''), "
        "coalesce(t.lead_person_id, 0), coalesce(t.campaign_id, 0), t.version "
        "FROM tour t JOIN unit u ON u.id = t.unit_id WHERE t.id = ?1";
    int rc = rows_get(db, sql, id, read_header, t);
    if (rc == DB_NOTFOUND) return db_fail(db, DB_NOTFOUND, _("Không có tour số %lld"), (long long)id);
    return rc;
}

static int load_stops(ntm_db *db, tour_full *t)
{
    static const char *sql = "SELECT s.id, coalesce(s.hamlet_id, 0), coalesce(s.household_id, 0), s.seq, s.kind, s.name, "
        "coalesce(h.name, ''), coalesce(s.landmark, ''), coalesce(s.note, ''), s.version "
        "FROM tour_stop s LEFT JOIN unit h ON h.id = s.hamlet_id WHERE s.tour_id = ?1 ORDER BY s.seq";
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    t->stops = calloc((size_t)t->t.n_stops + 1, sizeof *t->stops);
    if (!t->stops) return db_fail(db, DB_ERR, "out of memory");
    sqlite3_bind_int64(st, 1, t->t.id);
    while (t->n_stops < t->t.n_stops && sqlite3_step(st) == SQLITE_ROW) {
        tour_stop_row *s = &t->stops[t->n_stops++];
        s->id = sqlite3_column_int64(st, 0);
        s->hamlet_id = sqlite3_column_int64(st, 1);
        s->household_id = sqlite3_column_int64(st, 2);
        s->seq = sqlite3_column_int(st, 3);
        col_text(s->kind, sizeof s->kind, st, 4);
        col_text(s->name, sizeof s->name, st, 5);
        col_text(s->hamlet, sizeof s->hamlet, st, 6);
        col_text(s->landmark, sizeof s->landmark, st, 7);
        col_text(s->note, sizeof s->note, st, 8);
        s->version = sqlite3_column_int64(st, 9);
    }
    sqlite3_reset(st);
    return DB_OK;
}

static int load_checks(ntm_db *db, tour_full *t)
{
    static const char *sql = "SELECT k.id, k.stop_id, coalesce(k.item_id, 0), s.seq, k.seq, k.title, coalesce(k.result, ''), "
        "coalesce(k.note, ''), coalesce(k.recorded_by, ''), coalesce(k.recorded_at, ''), "
        "coalesce(x.id, 0), coalesce(trim(coalesce(o.short_name, o.name, '') || ' ' || coalesce(p.full_name, '')), ''), "
        "coalesce(x.deadline, ''), coalesce(x.status, ''), k.version "
        "FROM tour_check k JOIN tour_stop s ON s.id = k.stop_id "
        "LEFT JOIN task x ON x.id = (SELECT max(id) FROM task WHERE tour_check_id = k.id) "
        "LEFT JOIN org o ON o.id = x.owner_org_id LEFT JOIN person p ON p.id = x.owner_person_id "
        "WHERE s.tour_id = ?1 ORDER BY s.seq, k.seq";
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    t->checks = calloc((size_t)t->t.n_checks + 1, sizeof *t->checks);
    if (!t->checks) return db_fail(db, DB_ERR, "out of memory");
    sqlite3_bind_int64(st, 1, t->t.id);
    int stop = 0;
    while (t->n_checks < t->t.n_checks && sqlite3_step(st) == SQLITE_ROW) {
        tour_check_row *k = &t->checks[t->n_checks];
        k->id = sqlite3_column_int64(st, 0);
        k->stop_id = sqlite3_column_int64(st, 1);
        k->item_id = sqlite3_column_int64(st, 2);
        k->stop_seq = sqlite3_column_int(st, 3);
        k->seq = sqlite3_column_int(st, 4);
        col_text(k->title, sizeof k->title, st, 5);
        const char *r = (const char *)sqlite3_column_text(st, 6);
        k->result = r && *r ? r[0] : 0;
        col_text(k->note, sizeof k->note, st, 7);
        col_text(k->recorded_by, sizeof k->recorded_by, st, 8);
        col_text(k->recorded_at, sizeof k->recorded_at, st, 9);
        k->followup_task_id = sqlite3_column_int64(st, 10);
        col_text(k->followup_owner, sizeof k->followup_owner, st, 11);
        col_text(k->followup_deadline, sizeof k->followup_deadline, st, 12);
        const char *fs = (const char *)sqlite3_column_text(st, 13);
        k->followup_status = fs && *fs ? fs[0] : 0;
        k->version = sqlite3_column_int64(st, 14);
        while (stop < t->n_stops && t->stops[stop].id != k->stop_id) stop++;
        if (stop < t->n_stops) {
            if (!t->stops[stop].n_checks) t->stops[stop].first_check = t->n_checks;
            t->stops[stop].n_checks++;
        }
        t->n_checks++;
    }
    sqlite3_reset(st);
    return DB_OK;
}

int tour_load(ntm_db *db, int64_t id, tour_full *t)
{
    memset(t, 0, sizeof *t);
    int rc = load_header(db, id, t);
    if (!rc) rc = load_stops(db, t);
    if (!rc) rc = load_checks(db, t);
    if (rc) tour_free(t);
    return rc;
}

void tour_free(tour_full *t)
{
    free(t->stops);
    free(t->checks);
    t->stops = NULL; t->checks = NULL;
    t->n_stops = t->n_checks = 0;
}
