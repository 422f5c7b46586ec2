/* sync_import: files from the other end applied. Each file is checked whole first (its
 * checksum, its schema version, that it is for this file, that its first new segment
 * follows the last one applied), then all its new segments go in one transaction with
 * the triggers off (the derived totals are rebuilt for the commune after), or nothing. */
#include "model/sync_internal.h"
#include "model/role.h"
#include "model/i18n.h"
#include "model/field.h"
#include "model/rows.h"
#include "model/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { long long applied; char site[48]; int known; } peer_in;

static int peer_in_read(ntm_db *db, const char *uuid, int dir, peer_in *p)
{
    static const char *sql = "SELECT applied_seq, coalesce(site, '') FROM sync_peer WHERE unit_uuid = ?1 AND dir = ?2";
    sqlite3_stmt *st = db_stmt(db, sql);
    memset(p, 0, sizeof *p);
    if (!st) return DB_ERR;
    sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, sync_dir_name(dir), -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        p->known = 1;
        p->applied = sqlite3_column_int64(st, 0);
        snprintf(p->site, sizeof p->site, "%s", (const char *)sqlite3_column_text(st, 1));
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK : db_sqlite_error(db, rc);
}

static int64_t unit_by_uuid(ntm_db *db, const char *uuid, const char *kind)
{
    static const char *sql = "SELECT id FROM unit WHERE uuid = ?1 AND kind = ?2";
    sqlite3_stmt *st = db_stmt(db, sql);
    int64_t id = 0;
    if (!st) return 0;
    sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) id = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return id;
}

/* The province a commune's file goes under here: its own (by uuid), else the one of the
 * same name, else the only one. */
static int64_t target_province(ntm_db *db, const sync_header *h)
{
    static const char *by_name = "SELECT id FROM unit WHERE kind = 'province' AND (name = ?1 OR name_key = ?2) ORDER BY id LIMIT 1";
    static const char *only = "SELECT min(id), count(*) FROM unit WHERE kind = 'province'";
    int64_t id = h->province_uuid[0] ? unit_by_uuid(db, h->province_uuid, "province") : 0;
    if (id) return id;
    char *key = sqlite3_mprintf("%s", h->province_name);
    sqlite3_stmt *st = db_stmt(db, by_name);
    if (st && key) {
        char *fold = text_fold(key);
        sqlite3_bind_text(st, 1, h->province_name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, fold ? fold : "", -1, SQLITE_TRANSIENT);
        if (sqlite3_step(st) == SQLITE_ROW) id = sqlite3_column_int64(st, 0);
        sqlite3_reset(st);
        free(fold);
    }
    sqlite3_free(key);
    if (id || !(st = db_stmt(db, only))) return id;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 1) == 1) id = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return id;
}

static void log_file(ntm_db *db, const sync_import_result *r, int applied)
{
    static const char *sql = "INSERT INTO sync_log(file, unit_uuid, dir, first_seq, last_seq, result, rows, conflicts, message) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return;
    sqlite3_bind_text(st, 1, r->path, -1, SQLITE_TRANSIENT);
    if (r->commune_uuid[0]) sqlite3_bind_text(st, 2, r->commune_uuid, -1, SQLITE_TRANSIENT);
    if (r->dir) sqlite3_bind_text(st, 3, sync_dir_name(r->dir), -1, SQLITE_STATIC);
    if (r->dir) { sqlite3_bind_int64(st, 4, r->first); sqlite3_bind_int64(st, 5, r->seq); }
    sqlite3_bind_text(st, 6, applied ? "applied" : "refused", -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 7, r->rows);
    sqlite3_bind_int(st, 8, r->conflicts);
    if (r->message[0]) sqlite3_bind_text(st, 9, r->message, -1, SQLITE_TRANSIENT);
    sqlite3_step(st);
    sqlite3_reset(st);
}

/* A refusal is kept in sync_log, in its own small transaction. */
static void refused(ntm_db *db, sync_import_result *r, int status)
{
    r->status = status;
    if (db_is_readonly(db) || db_begin(db) != DB_OK) return;
    log_file(db, r, 0);
    if (db_commit(db) != DB_OK) db_rollback(db);
}

/* Whether the file may be applied here: SYNC_APPLIED, or the status with r->message. */
static int check(ntm_db *db, const sync_header *h, sync_import_result *r, int64_t *province, long long *applied)
{
    char site[48];
    peer_in p;
    sync_site(db, site, sizeof site);
    if (h->schema != db_schema_version(db)) {
        snprintf(r->message, sizeof r->message, L("%s: tệp được tạo với lược đồ %d, tệp dữ liệu này ở lược đồ %d: không nhập gì. "
                                                  "Cập nhật ntm ở cả hai nơi cho cùng một phiên bản, rồi xuất lại.",
                                                  "%s: made with schema %d, this database is at schema %d: nothing taken. "
                                                  "Bring ntm to the same version at both ends, then export again."),
                 r->path, h->schema, db_schema_version(db));
        return SYNC_SCHEMA;
    }
    if (!strcmp(h->site, site)) {
        snprintf(r->message, sizeof r->message, L("%s được xuất từ chính tệp dữ liệu này: không nhập.",
                                                  "%s was exported from this very database: not taken."), r->path);
        return SYNC_REFUSED;
    }
    if (h->dir == SYNC_UP) {
        *province = target_province(db, h);
        if (!*province) {
            snprintf(r->message, sizeof r->message, L("%s: tệp này chưa có tỉnh %s. Tạo tỉnh trước: ntm sync init --province \"%s\"",
                                                      "%s: this database has no province %s. Make it first: ntm sync init --province \"%s\""),
                     r->path, h->province_name, h->province_name);
            return SYNC_REFUSED;
        }
    } else if (!unit_by_uuid(db, h->commune_uuid, "commune")) {
        snprintf(r->message, sizeof r->message, L("%s là tệp của tỉnh gửi xã %s, xã này không có trong tệp dữ liệu này.",
                                                  "%s is the province's file for commune %s, which this database does not hold."),
                 r->path, h->commune_name);
        return SYNC_REFUSED;
    }
    if (peer_in_read(db, h->commune_uuid, h->dir, &p)) { snprintf(r->message, sizeof r->message, "%s", db_errmsg(db)); return SYNC_REFUSED; }
    if (p.site[0] && strcmp(p.site, h->site)) {
        snprintf(r->message, sizeof r->message, L("%s: các tệp của xã %s đến từ một bản CSDL khác (mã %.8s, tệp này %.8s): có hai bản sao "
                                                  "của tệp dữ liệu xã cùng xuất? Không nhập.",
                                                  "%s: commune %s's files come from another copy of its database (site %.8s, this one %.8s): are "
                                                  "two copies of the commune's file both exporting? Not taken."),
                 r->path, h->commune_name, p.site, h->site);
        return SYNC_REFUSED;
    }
    *applied = p.applied;
    if (h->seq <= p.applied) {
        snprintf(r->message, sizeof r->message, L("%s: đã nhập đến số %lld, tệp không có gì mới.", "%s: applied up to %lld already, nothing new."),
                 r->path, p.applied);
        return SYNC_HAVE;
    }
    if (h->first > p.applied + 1) {
        snprintf(r->message, sizeof r->message, L("%s: thiếu số %lld của xã %s (tệp bắt đầu từ số %lld; đã nhập đến %lld): không nhập gì. "
                                                  "Mang tệp mới nhất của xã, hoặc tệp có số %lld.",
                                                  "%s: number %lld of commune %s is missing (the file starts at %lld; applied up to %lld): "
                                                  "nothing taken. Bring the commune's newest file, or the one with number %lld."),
                 r->path, p.applied + 1, h->commune_name, h->first, p.applied, p.applied + 1);
        return SYNC_GAP;
    }
    return SYNC_APPLIED;
}

/* The commune's file gets the province's row: the commune moves under it, and its own
 * old province row goes when nothing else uses it. */
static int join_province(ntm_db *db, const sync_schema *s, const sync_header *h)
{
    int64_t prov = unit_by_uuid(db, h->province_uuid, "province"), commune = unit_by_uuid(db, h->commune_uuid, "commune"), old = 0;
    if (!prov || !commune || rows_int64(db, "SELECT coalesce(parent_id, 0) FROM unit WHERE id = ?1", commune, &old) || old == prov)
        return DB_OK;
    static const char *move = "UPDATE unit SET parent_id = ?2 WHERE id = ?1";
    sqlite3_stmt *mv = db_stmt(db, move);
    if (!mv) return DB_ERR;
    sqlite3_bind_int64(mv, 1, commune);
    sqlite3_bind_int64(mv, 2, prov);
    int rc = step_done(db, mv);
    int used = 0;
    for (int i = 0; !rc && !used && i < s->n; i++)
        for (int c = 0; c < s->t[i].ncols; c++) {
            if (!s->t[i].ref[c] || strcmp(s->t[i].ref[c], "unit")) continue;
            int64_t any = 0;
            char *q = sync_printf("SELECT count(*) FROM (SELECT 1 FROM \"%w\" WHERE \"%w\" = %lld LIMIT 1)",
                                  s->t[i].def->name, s->t[i].cols[c], (long long)old);
            sqlite3_stmt *st = NULL;
            if (q && sqlite3_prepare_v2(db->h, q, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
                any = sqlite3_column_int64(st, 0);
            else used = 1;
            sqlite3_finalize(st);
            sqlite3_free(q);
            if (any) { used = 1; break; }
        }
    if (!rc && !used) rc = rows_exec(db, "DELETE FROM unit WHERE id = ?1 AND kind = 'province'", old);
    return rc;
}

static int peer_applied(ntm_db *db, const sync_header *h)
{
    static const char *ins = "INSERT OR IGNORE INTO sync_peer(unit_uuid, dir) VALUES (?1, ?2)";
    static const char *upd = "UPDATE sync_peer SET site = ?3, applied_seq = ?4, applied_crc = ?5, "
                             "received_at = strftime('%Y-%m-%dT%H:%M:%SZ','now'), made_at = ?6 WHERE unit_uuid = ?1 AND dir = ?2";
    char crc[16];
    snprintf(crc, sizeof crc, "%08lx", h->crc);
    for (int i = 0; i < 2; i++) {
        sqlite3_stmt *st = db_stmt(db, i ? upd : ins);
        if (!st) return DB_ERR;
        sqlite3_bind_text(st, 1, h->commune_uuid, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, sync_dir_name(h->dir), -1, SQLITE_STATIC);
        if (i) {
            sqlite3_bind_text(st, 3, h->site, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(st, 4, h->seq);
            sqlite3_bind_text(st, 5, crc, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(st, 6, h->made, -1, SQLITE_TRANSIENT);
        }
        int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE) return db_sqlite_error(db, rc);
    }
    return DB_OK;
}

/* Foreign keys left dangling by the merge (checked at the end: they are deferred). */
static int dangling(ntm_db *db)
{
    int cur = 0, hi = 0;
    sqlite3_db_status(db->h, SQLITE_DBSTATUS_DEFERRED_FKS, &cur, &hi, 0);
    if (!cur) return DB_OK;
    sqlite3_stmt *st = NULL;
    char what[200] = "?";
    if (sqlite3_prepare_v2(db->h, "PRAGMA foreign_key_check", -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        snprintf(what, sizeof what, "%s -> %s", (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 2));
    sqlite3_finalize(st);
    return db_fail(db, DB_INVALID, L("sau khi nhập, còn dòng trỏ tới dòng không có (%s): không nhập tệp này.",
                                     "after the merge, rows would point to rows that are not there (%s): the file is refused."), what);
}

/* All new segments of one checked file, in the caller's transaction. */
static int apply_file(sync_merge *g, const sync_header *h, const sync_seg *segs, int nseg,
                      long long applied, int64_t province, sync_import_result *r)
{
    ntm_db *db = g->db;
    const sync_schema *s = g->s;
    int rc = DB_OK;
    g->dir = h->dir; g->stream_uuid = h->commune_uuid;
    g->sender = h->dir == SYNC_UP ? h->commune_uuid : h->province_uuid;
    g->province_id = province;
    g->rows = g->conflicts = 0;
    r->applied_from = 0;
    for (int i = 0; !rc && i < nseg; i++) {
        if (segs[i].seq <= applied) continue;
        if (!r->applied_from) r->applied_from = segs[i].seq;
        g->seq = segs[i].seq;
        rc = sync_merge_segment(g, segs[i].data, segs[i].n);
        if (rc) db_fail(db, rc, "%s", g->err);
    }
    r->rows = g->rows;
    r->conflicts = g->conflicts;
    int64_t commune = unit_by_uuid(db, h->commune_uuid, "commune");
    if (!rc && h->dir == SYNC_UP && commune) rc = db_rebuild_tallies_of(db, commune);
    if (!rc && h->dir == SYNC_DOWN) rc = join_province(db, s, h);
    if (!rc) rc = sync_acked(db, h->commune_uuid, h->dir == SYNC_UP ? SYNC_DOWN : SYNC_UP, h->ack);
    if (!rc) rc = peer_applied(db, h);
    if (!rc) rc = dangling(db);
    return rc;
}

/* The in-memory wire database and the statements, made for the first file applied and
 * kept for the others. */
static int merge_ready(sync_merge *g)
{
    char err[512];
    if (g->m) return DB_OK;
    if (sync_merge_open(g, err, sizeof err) == DB_OK) return DB_OK;
    sync_merge_close(g);
    return db_fail(g->db, DB_ERR, "%s", err);
}

static int import_one(sync_merge *g, const char *path, sync_import_result *r)
{
    ntm_db *db = g->db;
    sync_header h;
    unsigned char *buf = NULL;
    sync_seg *segs = NULL;
    int nseg = 0;
    snprintf(r->path, sizeof r->path, "%s", path);
    int st = sync_file_read(path, &h, &buf, &segs, &nseg, r->message, sizeof r->message);
    if (h.dir) {
        r->dir = h.dir; r->first = h.first; r->seq = h.seq;
        snprintf(r->commune, sizeof r->commune, "%s", h.commune_name);
        snprintf(r->commune_uuid, sizeof r->commune_uuid, "%s", h.commune_uuid);
    }
    int64_t province = 0;
    long long applied = 0;
    if (!st) st = check(db, &h, r, &province, &applied);
    if (st == SYNC_APPLIED) {
        int rc = merge_ready(g);
        int on = 1;
        if (!rc) rc = db_begin(db);
        if (!rc) {
            sqlite3_db_config(db->h, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, &on);
            rc = db_exec(db, "PRAGMA defer_foreign_keys = ON");
        }
        if (!rc) rc = apply_file(g, &h, segs, nseg, applied, province, r);
        if (!rc) {
            log_file(db, r, 1);
            rc = db_commit(db);
        } else if (db->in_tx) db_rollback(db);
        sqlite3_db_config(db->h, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, &on);
        if (rc) {
            snprintf(r->message, sizeof r->message, "%s: %s", path, db_errmsg(db));
            r->rows = r->conflicts = 0;
            st = SYNC_REFUSED;
        } else {
            snprintf(r->message, sizeof r->message, L("%s: xã %s, số %lld-%lld: %d dòng, %d xung đột.", "%s: commune %s, numbers %lld-%lld: %d rows, %d conflicts."),
                     path, h.commune_name, r->applied_from, h.seq, r->rows, r->conflicts);
        }
    }
    if (st != SYNC_APPLIED && st != SYNC_HAVE) refused(db, r, st);
    r->status = st;
    free(segs);
    free(buf);
    return st;
}

/* Imports are not audited row by row (sync_log says which file brought what): the TEMP
 * audit triggers still fire with SQLITE_DBCONFIG_ENABLE_TRIGGER off (SQLite 3.35 and
 * later leave TEMP triggers on), so they are dropped for the import; the connection's
 * next ordinary write makes them again (db_begin). */
static void audit_off(ntm_db *db, int *saved)
{
    *saved = db->no_audit;
    if (db->audit_ready) db_drop_temp_triggers(db, "audit\\_%");
    db->audit_ready = 0;
    db->no_audit = 1;
}

static void audit_on(ntm_db *db, int saved)
{
    db->no_audit = saved;
    db->audit_ready = 0;
}

typedef struct { int i; sync_header h; } peeked;

static int by_stream(const void *a, const void *b)
{
    const peeked *x = a, *y = b;
    int c = strcmp(x->h.commune_uuid, y->h.commune_uuid);
    if (!c) c = x->h.dir - y->h.dir;
    if (!c) c = x->h.first < y->h.first ? -1 : x->h.first > y->h.first;
    if (!c) c = x->h.seq < y->h.seq ? -1 : x->h.seq > y->h.seq;
    return c ? c : x->i - y->i;
}

int sync_import(ntm_db *db, const char *const *paths, int n, sync_import_result *out)
{
    sync_schema s;
    /* an office's act (role.h); the files' ownership rules then decide, not the roles' triggers */
    int rc = role_require(db, ROLE_NEED_OFFICER, L("nhập tệp đồng bộ", "import sync files"));
    if (!rc) rc = sync_schema_load(db, &s);
    if (rc) return rc;
    peeked *order = calloc((size_t)(n > 0 ? n : 1), sizeof *order);
    if (!order) { sync_schema_free(&s); return db_fail(db, DB_ERR, "out of memory"); }
    for (int i = 0; i < n; i++) {
        order[i].i = i;
        sync_file_peek(paths[i], &order[i].h);
    }
    qsort(order, (size_t)n, sizeof *order, by_stream);
    int bad = 0;
    sync_merge g;
    memset(&g, 0, sizeof g);
    g.db = db;
    g.s = &s;
    int audit;
    audit_off(db, &audit);
    role_suspend(db);
    for (int k = 0; k < n; k++) {
        sync_import_result *r = &out[order[k].i];
        memset(r, 0, sizeof *r);
        int st = import_one(&g, paths[order[k].i], r);
        if (st != SYNC_APPLIED && st != SYNC_HAVE) bad = 1;
    }
    sync_merge_close(&g);
    role_resume(db);
    audit_on(db, audit);
    free(order);
    sync_schema_free(&s);
    return bad ? DB_INVALID : DB_OK;
}
