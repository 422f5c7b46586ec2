/* sync_export: a stream's next segment and its file. The stream's rows are copied into
 * an in-memory wire database ("now"), the snapshot of the last export is applied to its
 * main database, and sqlite3session_diff gives what turns one into the other. The
 * snapshot moves on (sqlite3changegroup: snapshot + segment) in the same transaction
 * that stores the segment; the file is written after the commit, with every segment
 * the other end has not acknowledged. */
#include "model/sync_internal.h"
#include "model/role.h"
#include "model/i18n.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int sync_stream_of(ntm_db *db, int64_t commune_id, int dir, sync_stream *s)
{
    static const char *sql = "SELECT c.uuid, c.name, c.kind, coalesce(p.id, 0), coalesce(p.uuid, ''), coalesce(p.name, '') "
                             "FROM unit c LEFT JOIN unit p ON p.id = c.parent_id WHERE c.id = ?1";
    sqlite3_stmt *st = db_stmt(db, sql);
    memset(s, 0, sizeof *s);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, commune_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && !strcmp((const char *)sqlite3_column_text(st, 2), "commune")) {
        s->dir = dir;
        s->commune_id = commune_id;
        snprintf(s->commune_uuid, sizeof s->commune_uuid, "%s", (const char *)sqlite3_column_text(st, 0));
        snprintf(s->commune_name, sizeof s->commune_name, "%s", (const char *)sqlite3_column_text(st, 1));
        s->province_id = sqlite3_column_int64(st, 3);
        snprintf(s->province_uuid, sizeof s->province_uuid, "%s", (const char *)sqlite3_column_text(st, 4));
        snprintf(s->province_name, sizeof s->province_name, "%s", (const char *)sqlite3_column_text(st, 5));
        sqlite3_reset(st);
        return DB_OK;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_sqlite_error(db, rc);
    return db_fail(db, DB_NOTFOUND, L("Không có xã có id %lld trong tệp này.", "There is no commune with id %lld in this file."),
                   (long long)commune_id);
}

long long sync_applied(ntm_db *db, const char *unit_uuid, int dir)
{
    static const char *sql = "SELECT applied_seq FROM sync_peer WHERE unit_uuid = ?1 AND dir = ?2";
    sqlite3_stmt *st = db_stmt(db, sql);
    long long v = 0;
    if (!st) return 0;
    sqlite3_bind_text(st, 1, unit_uuid, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, sync_dir_name(dir), -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return v;
}

int sync_acked(ntm_db *db, const char *unit_uuid, int dir, long long seq)
{
    static const char *upd = "UPDATE sync_peer SET acked_seq = max(acked_seq, min(?3, sent_seq)) WHERE unit_uuid = ?1 AND dir = ?2";
    static const char *del = "DELETE FROM sync_segment WHERE unit_uuid = ?1 AND dir = ?2 "
                             "AND seq <= (SELECT acked_seq FROM sync_peer WHERE unit_uuid = ?1 AND dir = ?2)";
    for (int i = 0; i < 2; i++) {
        sqlite3_stmt *st = db_stmt(db, i ? del : upd);
        if (!st) return DB_ERR;
        sqlite3_bind_text(st, 1, unit_uuid, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, sync_dir_name(dir), -1, SQLITE_STATIC);
        if (!i) sqlite3_bind_int64(st, 3, seq);
        int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE) return db_sqlite_error(db, rc);
    }
    return DB_OK;
}

static int no_conflict(void *ctx, int kind, sqlite3_changeset_iter *it) { return SQLITE_CHANGESET_ABORT; }

/* The stream's rows now, into m's "now" schema. */
static int fill_now(ntm_db *db, const sync_schema *s, sqlite3 *m, const sync_stream *k)
{
    for (int i = 0; i < s->n; i++) {
        const sync_table *t = &s->t[i];
        if (!(t->def->dirs & (unsigned)k->dir)) continue;
        char *sql = !t->def->unit_expr ? sync_printf("%s", t->select)
                  : sync_printf("%s WHERE %s = ?1%s%s", t->select, t->owner, k->dir == SYNC_DOWN && t->def->down_where ? " AND " : "",
                                k->dir == SYNC_DOWN && t->def->down_where ? t->def->down_where : "");
        sqlite3_stmt *st = NULL;
        int rc = sql ? sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) : SQLITE_NOMEM;
        sqlite3_free(sql);
        if (rc != SQLITE_OK) return db_sqlite_error(db, rc);
        sqlite3_bind_text(st, 1, k->dir == SYNC_UP ? k->commune_uuid : k->province_uuid, -1, SQLITE_TRANSIENT);
        if (sqlite3_bind_parameter_count(st) >= 2) sqlite3_bind_int64(st, 2, k->commune_id);
        sqlite3_stmt *ins = sync_insert_stmt(m, "now", t);
        rc = ins ? sync_copy_rows(st, ins, t->ncols, NULL) : SQLITE_ERROR;
        sqlite3_finalize(ins);
        sqlite3_finalize(st);
        if (rc != SQLITE_OK) return db_fail(db, DB_ERR, "sync: %s: %s", t->def->name, sqlite3_errmsg(m));
    }
    return DB_OK;
}

/* What turns main (the snapshot) into now, as a changeset. */
static int diff(ntm_db *db, const sync_schema *s, sqlite3 *m, int dir, int *n, void **out)
{
    sqlite3_session *sess = NULL;
    int rc = sqlite3session_create(m, "now", &sess);
    for (int i = 0; rc == SQLITE_OK && i < s->n; i++) {
        if (!(s->t[i].def->dirs & (unsigned)dir)) continue;
        char *msg = NULL;
        rc = sqlite3session_attach(sess, s->t[i].def->name);
        if (rc == SQLITE_OK) rc = sqlite3session_diff(sess, "main", s->t[i].def->name, &msg);
        if (rc != SQLITE_OK) db_fail(db, DB_ERR, "sync: diff %s: %s", s->t[i].def->name, msg ? msg : sqlite3_errstr(rc));
        sqlite3_free(msg);
    }
    if (rc == SQLITE_OK) rc = sqlite3session_changeset(sess, n, out);
    sqlite3session_delete(sess);
    return rc == SQLITE_OK ? DB_OK : DB_ERR;
}

static int count_changes(int n, void *p)
{
    sqlite3_changeset_iter *it;
    int k = 0;
    if (sqlite3changeset_start(&it, n, p) != SQLITE_OK) return 0;
    while (sqlite3changeset_next(it) == SQLITE_ROW) k++;
    sqlite3changeset_finalize(it);
    return k;
}

typedef struct { long long sent, acked; void *snap; int nsnap; } peer_out;

static int peer_read(ntm_db *db, const sync_stream *k, peer_out *p)
{
    static const char *ins = "INSERT OR IGNORE INTO sync_peer(unit_uuid, dir) VALUES (?1, ?2)";
    static const char *sel = "SELECT sent_seq, acked_seq, snapshot FROM sync_peer WHERE unit_uuid = ?1 AND dir = ?2";
    memset(p, 0, sizeof *p);
    for (int i = 0; i < 2; i++) {
        sqlite3_stmt *st = db_stmt(db, i ? sel : ins);
        if (!st) return DB_ERR;
        sqlite3_bind_text(st, 1, k->commune_uuid, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, sync_dir_name(k->dir), -1, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        if (i && rc == SQLITE_ROW) {
            p->sent = sqlite3_column_int64(st, 0);
            p->acked = sqlite3_column_int64(st, 1);
            p->nsnap = sqlite3_column_bytes(st, 2);
            if (p->nsnap > 0 && (p->snap = malloc((size_t)p->nsnap))) memcpy(p->snap, sqlite3_column_blob(st, 2), (size_t)p->nsnap);
        }
        sqlite3_reset(st);
        if (rc != SQLITE_DONE && rc != SQLITE_ROW) return db_sqlite_error(db, rc);
    }
    return p->nsnap > 0 && !p->snap ? db_fail(db, DB_ERR, "out of memory") : DB_OK;
}

/* The new segment and snapshot stored: sent_seq moves on. */
static int store(ntm_db *db, const sync_stream *k, long long seq, const char *made, int n, void *seg, int nsnap, void *snap)
{
    static const char *seg_sql = "INSERT INTO sync_segment(unit_uuid, dir, seq, made_at, data) VALUES (?1, ?2, ?3, ?4, ?5)";
    static const char *peer_sql = "UPDATE sync_peer SET sent_seq = ?3, snapshot = ?4 WHERE unit_uuid = ?1 AND dir = ?2";
    for (int i = 0; i < 2; i++) {
        sqlite3_stmt *st = db_stmt(db, i ? peer_sql : seg_sql);
        if (!st) return DB_ERR;
        sqlite3_bind_text(st, 1, k->commune_uuid, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, sync_dir_name(k->dir), -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, seq);
        if (i) sqlite3_bind_blob(st, 4, snap, nsnap, SQLITE_STATIC);
        else { sqlite3_bind_text(st, 4, made, -1, SQLITE_TRANSIENT); sqlite3_bind_blob(st, 5, seg ? seg : "", n, SQLITE_STATIC); }
        int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE) return db_sqlite_error(db, rc);
    }
    return DB_OK;
}

/* Diff, snapshot and store, in the caller's transaction. */
static int next_segment(ntm_db *db, const sync_stream *k, sync_export_result *r)
{
    sync_schema s;
    peer_out p;
    sqlite3 *m = NULL;
    void *seg = NULL, *snap = NULL;
    int nseg = 0, nsnap = 0;
    char err[512];
    int rc = sync_schema_load(db, &s);
    if (rc) return rc;
    rc = peer_read(db, k, &p);
    if (!rc && sync_memdb(&s, "now", &m, err, sizeof err)) rc = db_fail(db, DB_ERR, "%s", err);
    if (!rc && p.nsnap && sqlite3changeset_apply(m, p.nsnap, p.snap, NULL, no_conflict, NULL) != SQLITE_OK)
        rc = db_fail(db, DB_ERR, "sync: the last export's snapshot does not apply: %s", sqlite3_errmsg(m));
    if (!rc) rc = fill_now(db, &s, m, k);
    if (!rc) rc = diff(db, &s, m, k->dir, &nseg, &seg);
    sqlite3_changegroup *g = NULL;
    if (!rc && (sqlite3changegroup_new(&g) != SQLITE_OK || (p.nsnap && sqlite3changegroup_add(g, p.nsnap, p.snap) != SQLITE_OK) ||
                (nseg && sqlite3changegroup_add(g, nseg, seg) != SQLITE_OK) || sqlite3changegroup_output(g, &nsnap, &snap) != SQLITE_OK))
        rc = db_fail(db, DB_ERR, "sync: the snapshot cannot be updated");
    sqlite3changegroup_delete(g);
    char made[24];
    sync_now(made);
    if (!rc) rc = store(db, k, p.sent + 1, made, nseg, seg, nsnap, snap);
    if (!rc) {
        r->seq = p.sent + 1;
        r->first = p.acked + 1;
        r->seg_bytes = nseg;
        r->seg_changes = count_changes(nseg, seg);
    }
    sqlite3_free(seg);
    sqlite3_free(snap);
    free(p.snap);
    sqlite3_close(m);
    sync_schema_free(&s);
    return rc;
}

/* Segments first..seq of the stream, copied out (after the commit). */
static int load_segments(ntm_db *db, const sync_stream *k, long long first, sync_seg **out, int *n)
{
    static const char *sql = "SELECT seq, made_at, data FROM sync_segment WHERE unit_uuid = ?1 AND dir = ?2 AND seq >= ?3 ORDER BY seq";
    sqlite3_stmt *st = db_stmt(db, sql);
    int cap = 0, rc;
    *out = NULL; *n = 0;
    if (!st) return DB_ERR;
    sqlite3_bind_text(st, 1, k->commune_uuid, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, sync_dir_name(k->dir), -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, first);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 8;
            sync_seg *v = realloc(*out, (size_t)cap * sizeof *v);
            if (!v) { rc = SQLITE_NOMEM; break; }
            *out = v;
        }
        sync_seg *g = &(*out)[(*n)++];
        memset(g, 0, sizeof *g);
        g->seq = sqlite3_column_int64(st, 0);
        snprintf(g->made, sizeof g->made, "%s", (const char *)sqlite3_column_text(st, 1));
        g->n = sqlite3_column_bytes(st, 2);
        void *d = malloc((size_t)g->n + 1);
        if (d && g->n) memcpy(d, sqlite3_column_blob(st, 2), (size_t)g->n);
        g->data = d;
        if (!d) { rc = SQLITE_NOMEM; break; }
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? DB_OK : db_sqlite_error(db, rc);
}

static int write_file(ntm_db *db, const sync_stream *k, const char *path, sync_export_result *r)
{
    sync_header h;
    sync_seg *segs = NULL;
    int nseg = 0;
    memset(&h, 0, sizeof h);
    int rc = load_segments(db, k, r->first, &segs, &nseg);
    if (!rc && nseg) r->first = segs[0].seq;
    if (!rc) {
        h.format = 1;
        sync_site(db, h.site, sizeof h.site);
        h.dir = k->dir;
        snprintf(h.commune_uuid, sizeof h.commune_uuid, "%s", k->commune_uuid);
        snprintf(h.commune_name, sizeof h.commune_name, "%s", k->commune_name);
        snprintf(h.province_uuid, sizeof h.province_uuid, "%s", k->province_uuid);
        snprintf(h.province_name, sizeof h.province_name, "%s", k->province_name);
        h.first = r->first;
        h.seq = r->seq;
        h.ack = sync_applied(db, k->commune_uuid, k->dir == SYNC_UP ? SYNC_DOWN : SYNC_UP);
        h.schema = db_schema_version(db);
        sync_now(h.made);
        char err[1400];
        if (sync_file_write(path, &h, segs, nseg, err, sizeof err)) rc = db_fail(db, DB_ERR, "%s", err);
        else r->file_bytes = h.length;
    }
    for (int i = 0; i < nseg; i++) free((void *)segs[i].data);
    free(segs);
    return rc;
}

int sync_export(ntm_db *db, int64_t commune_id, sync_dir dir, const char *path, sync_export_result *out)
{
    sync_stream k;
    memset(out, 0, sizeof *out);
    int rc = role_require(db, ROLE_NEED_OFFICER, L("xuất tệp đồng bộ", "export sync files"));
    if (!rc) rc = sync_stream_of(db, commune_id, dir, &k);
    if (rc) return rc;
    if (dir == SYNC_DOWN && !k.province_id)
        return db_fail(db, DB_INVALID, L("Xã %s không thuộc tỉnh nào trong tệp này.", "The commune %s is under no province in this file."), k.commune_name);
    snprintf(out->commune, sizeof out->commune, "%s", k.commune_name);
    rc = db_begin(db);
    if (rc) return rc;
    rc = next_segment(db, &k, out);
    if (rc) { db_rollback(db); return rc; }
    rc = db_commit(db);
    /* A file that cannot be written loses nothing: the segment goes with the next one. */
    return rc ? rc : write_file(db, &k, path, out);
}
