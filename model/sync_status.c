/* sync_status: the site id, the province row, what each commune last sent (the province
 * dashboard's "as of" and stale marks), directives, and acknowledgements. */
#include "model/sync_internal.h"
#include "model/role.h"
#include "model/entity.h"
#include "model/field.h"
#include "model/i18n.h"
#include "model/rows.h"
#include "model/text.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

int sync_site(ntm_db *db, char *out, size_t n) { return db_meta_get(db, "site", out, n); }

int sync_province(ntm_db *db, const char *name, int64_t *id)
{
    static const char *find = "SELECT id FROM unit WHERE kind = 'province' AND name_key = ?1 ORDER BY id LIMIT 1";
    static const char *ins = "INSERT INTO unit(kind, parent_id, name, name_key, sort_key) VALUES ('province', NULL, ?1, ?2, ?3)";
    char *nfc = NULL;
    *id = 0;
    int rc = field_text(db, "name", L("Tên tỉnh", "Province name"), name, 1, 200, &nfc);
    if (rc) return rc;
    char *key = text_fold(nfc), *sort = text_sort_key(nfc);
    sqlite3_stmt *st = key && sort ? db_stmt(db, find) : NULL;
    if (st) {
        sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(st) == SQLITE_ROW) *id = sqlite3_column_int64(st, 0);
        sqlite3_reset(st);
    }
    rc = !st ? DB_ERR : *id ? DB_OK : db_begin(db);
    if (st && !*id && !rc) {
        sqlite3_stmt *w = db_stmt(db, ins);
        if (!w) rc = DB_ERR;
        else {
            sqlite3_bind_text(w, 1, nfc, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(w, 2, key, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(w, 3, sort, -1, SQLITE_TRANSIENT);
            rc = step_done(db, w);
        }
        if (!rc) *id = sqlite3_last_insert_rowid(db->h);
        if (!rc) rc = db_commit(db); else db_rollback(db);
    }
    free(nfc); free(key); free(sort);
    return rc;
}

int sync_commune_status(ntm_db *db, int64_t province_id, sync_commune **out, int *n)
{
    static const char *sql =
        "SELECT u.id, u.name, coalesce(p.applied_seq, 0), coalesce(p.received_at, ''), coalesce(p.made_at, ''), "
        "coalesce(date(p.received_at, 'localtime'), ''), "
        "CASE WHEN p.received_at IS NULL THEN -1 ELSE CAST(julianday(?2) - julianday(date(p.received_at, 'localtime')) AS INTEGER) END "
        "FROM unit u LEFT JOIN sync_peer p ON p.unit_uuid = u.uuid AND p.dir = 'up' AND p.applied_seq > 0 "
        "WHERE u.parent_id = ?1 AND u.kind = 'commune' AND u.active = 1 ORDER BY u.sort_key, u.id";
    sqlite3_stmt *st = db_stmt(db, sql);
    int cap = 0, rc;
    *out = NULL; *n = 0;
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, province_id);
    sqlite3_bind_text(st, 2, db_today(db), -1, SQLITE_TRANSIENT);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        sync_commune *v = rows_room(*out, *n, &cap, sizeof *v);
        if (!v) { rc = SQLITE_NOMEM; break; }
        *out = v;
        sync_commune *c = &v[(*n)++];
        memset(c, 0, sizeof *c);
        c->id = sqlite3_column_int64(st, 0);
        col_text(c->name, sizeof c->name, st, 1);
        c->seq = sqlite3_column_int64(st, 2);
        col_text(c->received_at, sizeof c->received_at, st, 3);
        col_text(c->made_at, sizeof c->made_at, st, 4);
        col_text(c->as_of, sizeof c->as_of, st, 5);
        c->days = sqlite3_column_int(st, 6);
        c->stale = !c->received_at[0] || c->days > SYNC_STALE_DAYS;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) { free(*out); *out = NULL; *n = 0; return db_sqlite_error(db, rc); }
    return DB_OK;
}

int sync_directive_add(ntm_db *db, const sync_directive_fields *f, int64_t *id)
{
    static const char *ins = "INSERT INTO directive(unit_id, commune_id, kind, doc_number, title, body, issue_date, due_date) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
    char *title = NULL, *doc = NULL, *body = NULL, issued[11] = "", due[11] = "";
    int rc = rows_unit_is(db, f->province_id, "province", L("Chưa chọn tỉnh", "No province chosen"));
    if (!rc && f->commune_id) rc = rows_unit_is(db, f->commune_id, "commune", L("Chưa chọn xã", "No commune chosen"));
    if (!rc) rc = field_text(db, "title", L("Tiêu đề", "Title"), f->title, 1, 300, &title);
    if (!rc) rc = field_text(db, "doc_number", L("Số văn bản", "Document number"), f->doc_number, 0, 100, &doc);
    if (!rc) rc = field_text(db, "body", L("Nội dung", "Text"), f->body, 0, 4000, &body);
    if (!rc) rc = ent_date(db, "issue_date", L("Ngày ban hành", "Issued"), f->issue_date, 0, issued);
    if (!rc) rc = ent_date(db, "due_date", L("Hạn", "Due"), f->due_date, 0, due);
    if (!rc) rc = db_begin(db);
    if (!rc) {
        sqlite3_stmt *st = db_stmt(db, ins);
        if (!st) rc = DB_ERR;
        else {
            sqlite3_bind_int64(st, 1, f->province_id);
            bind_id_or_null(st, 2, f->commune_id);
            sqlite3_bind_text(st, 3, f->note ? "note" : "directive", -1, SQLITE_STATIC);
            bind_text_or_null(st, 4, doc);
            sqlite3_bind_text(st, 5, title, -1, SQLITE_TRANSIENT);
            bind_text_or_null(st, 6, body);
            bind_text_or_null(st, 7, issued);
            bind_text_or_null(st, 8, due);
            rc = step_done(db, st);
        }
        if (!rc && id) *id = sqlite3_last_insert_rowid(db->h);
        if (!rc) rc = db_commit(db); else db_rollback(db);
    }
    free(title); free(doc); free(body);
    return rc;
}

/* ---- acknowledgements ---------------------------------------------------------------- */
#define ACK_MAGIC "NTM-SYNC-ACK 1\n"

int sync_ack_write(ntm_db *db, const sync_import_result *r, const char *path)
{
    char site[48] = "", text[600], tmp[1100];
    sync_site(db, site, sizeof site);
    int k = snprintf(text, sizeof text, ACK_MAGIC "commune %s\ndir %s\nseq %lld\nsite %s\n", r->commune_uuid,
                     sync_dir_name(r->dir), sync_applied(db, r->commune_uuid, r->dir), site);
    uLong crc = crc32(0L, (const Bytef *)text, (uInt)k);
    snprintf(tmp, sizeof tmp, "%s.tmp%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "w");
    int bad = !f || fprintf(f, "%scrc32 %08lx\n", text, (unsigned long)crc) < 0;
    if (f && fclose(f) != 0) bad = 1;
    if (!bad && rename(tmp, path) != 0) bad = 1;
    if (bad) {
        int e = errno;
        unlink(tmp);
        return db_fail(db, DB_ERR, L("Không ghi được giấy báo nhận %s: %s", "Cannot write the acknowledgement %s: %s"), path, strerror(e));
    }
    return DB_OK;
}

/* An .ack file: the stream (commune, dir) and the number, checked. */
static int read_ack(const char *path, char *commune, size_t cn, int *dir, long long *seq)
{
    char buf[800];
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    char *crc = strstr(buf, "\ncrc32 ");
    if (strncmp(buf, ACK_MAGIC, strlen(ACK_MAGIC)) || !crc) return -1;
    if (crc32(0L, (const Bytef *)buf, (uInt)(crc - buf + 1)) != strtoul(crc + 7, NULL, 16)) return -1;
    char d[8] = "", u[48] = "";
    if (sscanf(buf + strlen(ACK_MAGIC), "commune %47s dir %7s seq %lld", u, d, seq) != 3) return -1;
    snprintf(commune, cn, "%s", u);
    *dir = !strcmp(d, "down") ? SYNC_DOWN : SYNC_UP;
    return 0;
}

int sync_ack_read(ntm_db *db, const char *path, long long *seq, char *commune, size_t cn)
{
    char uuid[48] = "", name[204] = "";
    int dir = 0;
    *seq = 0;
    int rc = role_require(db, ROLE_NEED_OFFICER, L("ghi giấy báo nhận đồng bộ", "record a sync acknowledgement"));
    if (rc) return rc;
    if (read_ack(path, uuid, sizeof uuid, &dir, seq) != 0) {
        sync_header h;
        unsigned char *buf = NULL;
        sync_seg *segs = NULL;
        int nseg = 0;
        char err[600];
        int st = sync_file_read(path, &h, &buf, &segs, &nseg, err, sizeof err);
        free(buf); free(segs);
        if (st) return db_fail(db, DB_INVALID, L("%s không phải giấy báo nhận hay tệp đồng bộ còn nguyên (%s).",
                                                  "%s is neither an acknowledgement nor a whole sync file (%s)."), path, err);
        snprintf(uuid, sizeof uuid, "%s", h.commune_uuid);
        snprintf(name, sizeof name, "%s", h.commune_name);
        dir = h.dir == SYNC_UP ? SYNC_DOWN : SYNC_UP;       /* it acknowledges what went the other way */
        *seq = h.ack;
    }
    static const char *sql = "SELECT p.sent_seq, coalesce((SELECT name FROM unit WHERE uuid = p.unit_uuid), '') "
                             "FROM sync_peer p WHERE p.unit_uuid = ?1 AND p.dir = ?2";
    sqlite3_stmt *st = db_stmt(db, sql);
    long long sent = -1;
    if (!st) return DB_ERR;
    sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, sync_dir_name(dir), -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        sent = sqlite3_column_int64(st, 0);
        if (sqlite3_column_bytes(st, 1)) col_text(name, sizeof name, st, 1);
    }
    sqlite3_reset(st);
    snprintf(commune, cn, "%s", name[0] ? name : uuid);
    if (sent < 0)
        return db_fail(db, DB_NOTFOUND, L("%s: tệp dữ liệu này chưa gửi gì cho xã %s theo chiều đó.",
                                          "%s: this database has sent nothing for commune %s that way."), path, commune);
    if (*seq > sent)
        return db_fail(db, DB_INVALID, L("%s báo đã nhận đến số %lld, nhưng tệp này mới gửi đến số %lld: giấy của một bản sao khác?",
                                         "%s acknowledges number %lld, but this database has sent only up to %lld: from another copy?"),
                       path, *seq, sent);
    rc = db_begin(db);
    if (!rc) rc = sync_acked(db, uuid, dir, *seq);
    if (!rc) rc = db_commit(db); else db_rollback(db);
    return rc;
}
