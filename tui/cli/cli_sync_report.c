/* cli_sync_report: `ntm sync status`, `ntm sync conflicts`, `ntm sync directive`. */
#include "tui/cli/cli_sync.h"
#include "model/date.h"
#include "model/i18n.h"
#include "model/sync.h"
#include "model/unit.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* s and spaces up to width columns (Vietnamese in NFC: one column a character). */
static void pad(char *out, size_t n, const char *s, int width)
{
    int cols = 0;
    for (const char *p = s; *p; p++) cols += ((unsigned char)*p & 0xC0) != 0x80;
    snprintf(out, n, "%s%*s", s, width > cols ? width - cols : 0, "");
}

static void print_commune(const unit_row *prov, const sync_commune *c, const unit_counts *k, int tsv, const char *uuid)
{
    if (tsv) {
        printf("%s\t%s\t%s\t%lld\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%.6f\n", prov->name, c->name, uuid, c->seq, c->as_of, c->days,
               c->stale, k->total, k->done, k->open, k->overdue, k->due_week, k->pct);
        return;
    }
    char when[64];
    if (!c->as_of[0]) snprintf(when, sizeof when, "%s", _("chưa gửi gì"));
    else {
        char d[11];
        date_show(c->as_of, d);
        snprintf(when, sizeof when, _("số %lld, ngày %s"), c->seq, d);
    }
    char name[300], w2[120];
    pad(name, sizeof name, c->name, 24);
    pad(w2, sizeof w2, when, 24);
    printf("  %s %s %s %s %5d, %s %5d, %s %4d, %5.1f%%\n", c->stale ? "!" : " ", name, w2,
           _("việc"), k->total, _("xong"), k->done, _("quá hạn"), k->overdue, k->pct);
}

static int print_province(ntm_db *db, const unit_row *prov, int tsv)
{
    sync_commune *v = NULL;
    int n = 0, stale = 0;
    if (sync_commune_status(db, prov->id, &v, &n)) return DB_ERR;
    for (int i = 0; i < n; i++) stale += v[i].stale;
    if (n && !tsv)
        printf(_("%s: %d xã; %d chưa gửi hoặc đã quá %d ngày (!)\n"),
               prov->name, n, stale, SYNC_STALE_DAYS);
    int rc = DB_OK;
    for (int i = 0; !rc && i < n; i++) {
        unit_row u;
        unit_counts k;
        sqlite3_stmt *st;
        char uuid[48] = "";
        rc = unit_get(db, v[i].id, &u);
        if (!rc) rc = unit_count_tasks(db, &u, &k);
        if (!rc && sqlite3_prepare_v2(db_handle(db), "SELECT uuid FROM unit WHERE id = ?1", -1, &st, NULL) == SQLITE_OK) {
            sqlite3_bind_int64(st, 1, v[i].id);
            if (sqlite3_step(st) == SQLITE_ROW) snprintf(uuid, sizeof uuid, "%s", (const char *)sqlite3_column_text(st, 0));
            sqlite3_finalize(st);
        }
        if (!rc) print_commune(prov, &v[i], &k, tsv, uuid);
    }
    free(v);
    return rc;
}

/* This file's own streams: what it sent, what the other end said it applied. */
static void print_streams(ntm_db *db)
{
    sqlite3_stmt *st;
    const char *sql = "SELECT coalesce(u.name, p.unit_uuid), p.dir, p.sent_seq, p.acked_seq, p.applied_seq FROM sync_peer p "
                      "LEFT JOIN unit u ON u.uuid = p.unit_uuid WHERE p.sent_seq > 0 ORDER BY u.sort_key, p.dir";
    if (sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) != SQLITE_OK) return;
    int first = 1;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (first) printf("%s\n", _("Đã gửi:"));
        first = 0;
        int up = !strcmp((const char *)sqlite3_column_text(st, 1), "up");
        printf(_("  xã %s, %s: đến số %lld, bên kia đã nhận đến số %lld\n"),
               (const char *)sqlite3_column_text(st, 0), up ? _("lên tỉnh") : _("xuống xã"),
               sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 3));
    }
    sqlite3_finalize(st);
}

int cli_sync_status(const sync_args *a, ntm_config *cfg)
{
    ntm_db *db = sync_open(cfg, 0);
    if (!db) return 1;
    unit_list provs;
    int rc = DB_OK;
    if (a->province) {
        int64_t id = 0;
        unit_row u;
        rc = unit_find(db, 'p', 0, a->province, &id);
        if (!rc) rc = unit_get(db, id, &u);
        if (!rc) rc = print_province(db, &u, a->tsv);
    } else if (!(rc = unit_children(db, 0, &provs))) {
        for (int i = 0; !rc && i < provs.n; i++) rc = print_province(db, &provs.v[i], a->tsv);
        unit_list_free(&provs);
    }
    if (rc) return sync_failed(db);
    if (!a->tsv) print_streams(db);
    db_close(db);
    return 0;
}

static const char *kind_label(const char *k)
{
    return !strcmp(k, "data") ? _("đã bị sửa ở đây")
         : !strcmp(k, "exists") ? _("đã có ở đây, khác")
         : !strcmp(k, "missing") ? _("không còn ở đây")
         : !strcmp(k, "owner") ? _("không thuộc bên gửi")
         : !strcmp(k, "criteria") ? _("bộ tiêu chí là của tỉnh")
         : !strcmp(k, "unique") ? _("trùng khóa")
         : !strcmp(k, "link") ? _("trỏ tới dòng không có") : k;
}

static const char *resolution_label(const char *r)
{
    return !strcmp(r, "theirs") ? _("lấy bản của bên gửi")
         : !strcmp(r, "ours") ? _("giữ bản ở đây")
         : !strcmp(r, "skipped") ? _("bỏ qua") : r;
}

int cli_sync_conflicts(const sync_args *a, ntm_config *cfg)
{
    ntm_db *db = sync_open(cfg, 0);
    int64_t id = 0;
    if (!db) return 1;
    if (a->commune && unit_find(db, 'c', 0, a->commune, &id)) return sync_failed(db);
    sqlite3_stmt *st;
    const char *sql = "SELECT datetime(c.at, 'localtime'), coalesce(u.name, c.unit_uuid), c.dir, c.seq, c.tbl, c.row_uuid, c.kind, "
                      "c.resolution, coalesce(c.detail, '') FROM sync_conflict c LEFT JOIN unit u ON u.uuid = c.unit_uuid "
                      "WHERE ?1 = 0 OR u.id = ?1 ORDER BY c.id";
    if (sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) != SQLITE_OK) return sync_failed(db);
    sqlite3_bind_int64(st, 1, id);
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *detail = (const char *)sqlite3_column_text(st, 8);
        printf(_("%s  xã %s số %lld  %s %s: %s -> %s%s%s\n"),
               (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1), sqlite3_column_int64(st, 3),
               (const char *)sqlite3_column_text(st, 4), (const char *)sqlite3_column_text(st, 5),
               kind_label((const char *)sqlite3_column_text(st, 6)), resolution_label((const char *)sqlite3_column_text(st, 7)),
               detail[0] ? " · " : "", detail);
        n++;
    }
    sqlite3_finalize(st);
    if (!n) printf("%s\n", _("Không có xung đột nào."));
    db_close(db);
    return 0;
}

int cli_sync_directive(const sync_args *a, ntm_config *cfg)
{
    if (!a->title || !a->forc) return sync_usage(_("sync directive cần --for XÃ|all và --title TIÊU_ĐỀ"));
    ntm_db *db = sync_open(cfg, 0);
    if (!db) return 1;
    sync_directive_fields f = { .doc_number = a->number, .title = a->title, .body = a->text, .due_date = a->due,
                                .issue_date = "hôm nay", .note = a->note };
    int rc = a->province ? unit_find(db, 'p', 0, a->province, &f.province_id) : DB_OK;
    if (!rc && !a->province) {
        unit_list provs;
        rc = unit_children(db, 0, &provs);
        if (!rc) {
            if (provs.n == 1) f.province_id = provs.v[0].id;
            else rc = db_fail(db, DB_INVALID, "%s", _("Chọn tỉnh bằng --province TÊN"));
            unit_list_free(&provs);
        }
    }
    if (!rc && strcmp(a->forc, "all")) rc = unit_find(db, 'c', f.province_id, a->forc, &f.commune_id);
    int64_t id = 0;
    if (!rc) rc = sync_directive_add(db, &f, &id);
    if (rc) return sync_failed(db);
    printf(_("Đã ghi %s %lld: %s (gửi xuống cùng lần xuất sau: ntm sync export --for ...)\n"),
           a->note ? _("ghi chú") : _("chỉ đạo"), (long long)id, a->title);
    db_close(db);
    return 0;
}
