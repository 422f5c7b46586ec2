/* db: opening, migrations, transactions and the statement cache. */
#include "model/db_internal.h"
#include "model/role.h"
#include "model/embedded.h"
#include "model/i18n.h"
#include "model/date.h"
#include "model/files.h"
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int db_fail(ntm_db *db, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(db->err, sizeof db->err, fmt, ap);
    va_end(ap);
    db->err_field[0] = 0;
    db->err_detail = 0;
    return code;
}

int db_fail_field(ntm_db *db, int code, const char *field, const char *label, const char *fmt, ...)
{
    va_list ap;
    size_t at = 0;
    if (label && *label) {
        at = (size_t)snprintf(db->err, sizeof db->err, "%s: ", label);
        if (at >= sizeof db->err) at = sizeof db->err - 1;
    }
    va_start(ap, fmt);
    vsnprintf(db->err + at, sizeof db->err - at, fmt, ap);
    va_end(ap);
    snprintf(db->err_field, sizeof db->err_field, "%s", field ? field : "");
    db->err_detail = at;
    return code;
}

const char *db_errmsg(const ntm_db *db) { return db->err; }
const char *db_err_field(const ntm_db *db) { return db->err_field; }
const char *db_err_detail(const ntm_db *db) { return db->err + db->err_detail; }
sqlite3 *db_handle(ntm_db *db) { return db->h; }
int db_is_readonly(const ntm_db *db) { return db->readonly; }
int db_is_snapshot(const ntm_db *db) { return db->immutable; }
const char *db_user(const ntm_db *db) { return db->user; }
const char *db_path(const ntm_db *db) { return db->path; }
int db_latest_version(void) { return embedded_n_migrations; }
void db_no_audit(ntm_db *db) { if (!db->audit_ready) db->no_audit = 1; }
void db_set_notice(ntm_db *db, const char *text) { snprintf(db->notice, sizeof db->notice, "%s", text ? text : ""); }
const char *db_notice(const ntm_db *db) { return db->notice; }

int db_sqlite_error(ntm_db *db, int rc)
{
    switch (rc & 0xff) {
    case SQLITE_BUSY: case SQLITE_LOCKED:
        /* short enough for a form's message line at 80 columns, "nothing lost" included */
        return db_fail(db, DB_BUSY, "%s", _("CSDL đang bận: người khác đang ghi. Chưa có gì bị mất; thử lại sau giây lát."));
    case SQLITE_READONLY: case SQLITE_PERM: case SQLITE_CANTOPEN:
        db->readonly = 1;
        return db_fail(db, DB_READONLY, _("Không ghi được vào %s (chỉ đọc). Kiểm tra quyền của tệp và thư mục."), db->path);
    case SQLITE_CONSTRAINT:
        if (!strncmp(sqlite3_errmsg(db->h), ROLE_MARK, sizeof ROLE_MARK - 1))   /* a role trigger (role.c) */
            return db_fail(db, DB_DENIED, "%s", sqlite3_errmsg(db->h) + sizeof ROLE_MARK - 1);
        return db_fail(db, DB_INVALID, _("Dữ liệu không hợp lệ: %s"), sqlite3_errmsg(db->h));
    case SQLITE_FULL:
        /* what matters first: a form's message line is about 70 columns */
        return db_fail(db, DB_ERR, _("Đĩa đầy: chưa lưu; dữ liệu đã lưu vẫn nguyên vẹn. Hãy giải phóng chỗ trống trên đĩa (%s) rồi lưu lại."),
                       db->path);
    case SQLITE_IOERR:
        return db_fail(db, DB_ERR, _("Lỗi đọc/ghi đĩa: chưa lưu; dữ liệu đã lưu không bị mất. Tệp %s: %s"),
                       db->path, sqlite3_errstr(rc));
    case SQLITE_CORRUPT: case SQLITE_NOTADB:
        return db_damaged(db);
    default:
        return db_fail(db, DB_ERR, _("Lỗi cơ sở dữ liệu: %s"), sqlite3_errmsg(db->h));
    }
}

int db_exec(ntm_db *db, const char *sql)
{
    char *msg = NULL;
    int rc = sqlite3_exec(db->h, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK) {
        int code = db_sqlite_error(db, rc);
        if (msg && code == DB_ERR) db_fail(db, DB_ERR, "%s", msg);
        sqlite3_free(msg);
        return code;
    }
    return DB_OK;
}

sqlite3_stmt *db_stmt(ntm_db *db, const char *sql)
{
    for (int i = 0; i < db->ncache; i++)
        if (db->cache[i].sql == sql) {
            sqlite3_reset(db->cache[i].st);
            sqlite3_clear_bindings(db->cache[i].st);
            return db->cache[i].st;
        }
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
    if (rc != SQLITE_OK) {
        /* Preparing reads the schema: a busy, damaged or unreadable file says so in
         * words, never "database is locked"; a wrong statement is the program's fault. */
        if ((rc & 0xff) == SQLITE_ERROR) db_fail(db, DB_ERR, "SQL: %s", sqlite3_errmsg(db->h));
        else db_sqlite_error(db, rc);
        return NULL;
    }
    if (db->ncache == db->cache_cap) {
        int cap = db->cache_cap ? db->cache_cap * 2 : 64;
        struct db_cached *c = realloc(db->cache, (size_t)cap * sizeof *c);
        if (!c) {                               /* not cached: could never be finalized */
            sqlite3_finalize(st);
            db_fail(db, DB_ERR, "out of memory");
            return NULL;
        }
        db->cache = c;
        db->cache_cap = cap;
    }
    db->cache[db->ncache].sql = sql;
    db->cache[db->ncache++].st = st;
    return st;
}

int db_schema_version(ntm_db *db)
{
    sqlite3_stmt *st;
    int v = -1;
    if (sqlite3_prepare_v2(db->h, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    }
    return v;
}

int db_begin(ntm_db *db)
{
    if (db->readonly)
        return db_fail(db, DB_READONLY, _("Cơ sở dữ liệu %s chỉ đọc: không lưu được thay đổi."), db->path);
    if (!db->audit_ready) {
        int rc = audit_install(db);
        if (rc) return rc;
        db->audit_ready = 1;
    }
    int rc = role_gate(db);
    if (rc) return rc;
    rc = sqlite3_exec(db->h, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc != SQLITE_OK) return db_sqlite_error(db, rc);
    db->in_tx = 1;
    /* A fresh id groups this action's audit rows, so undo can revert it as one. */
    rc = sqlite3_exec(db->h, "UPDATE temp.ntm_session SET tx = abs(random())", NULL, NULL, NULL);
    if (rc != SQLITE_OK) { int code = db_sqlite_error(db, rc); db_rollback(db); return code; }
    return DB_OK;
}

int db_commit(ntm_db *db)
{
    int rc = sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        int code = db_sqlite_error(db, rc);
        db_rollback(db);
        return code;
    }
    db->in_tx = 0;
    return DB_OK;
}

void db_rollback(ntm_db *db)
{
    if (!sqlite3_get_autocommit(db->h)) sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
    db->in_tx = 0;
}

int db_migrate(ntm_db *db, int target)
{
    int v = db_schema_version(db);
    if (v < 0) return db_sqlite_error(db, sqlite3_errcode(db->h));
    if (v > embedded_n_migrations)
        return db_fail(db, DB_ERR, _("%s được tạo bởi phiên bản ntm mới hơn (lược đồ %d, bản này biết đến %d). Hãy cập nhật ntm."),
                       db->path, v, embedded_n_migrations);
    if (v >= target) return DB_OK;
    if (db->readonly)
        return db_fail(db, DB_READONLY, _("%s cần nâng cấp lược đồ nhưng tệp chỉ đọc."), db->path);
    int rc = sqlite3_exec(db->h, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc != SQLITE_OK) return db_sqlite_error(db, rc);
    for (int i = v; i < target; i++) {
        char pragma[64];
        char *msg = NULL;
        if (sqlite3_exec(db->h, embedded_migrations[i].text, NULL, NULL, &msg) != SQLITE_OK) {
            db_fail(db, DB_ERR, _("Nâng cấp lược đồ %s thất bại: %s"),
                    embedded_migrations[i].name, msg ? msg : "?");
            sqlite3_free(msg);
            db_rollback(db);
            return DB_ERR;
        }
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", i + 1);
        sqlite3_exec(db->h, pragma, NULL, NULL, NULL);
    }
    rc = sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);
    if (rc != SQLITE_OK) { int code = db_sqlite_error(db, rc); db_rollback(db); return code; }
    return DB_OK;
}

/* The Unix user, for the audit and the roles (model/role.h). NTM_USER is honoured only
 * for root: root may become anyone with su anyway, so it opens no way around the roles,
 * and it lets the tests (run as root) try each role through the real program; for
 * anyone else it is ignored, or a user could claim to be an admin. */
static void find_user(ntm_db *db)
{
    struct passwd *pw = getpwuid(getuid());
    const char *u = pw ? pw->pw_name : getenv("USER");
    const char *as = getenv("NTM_USER");
    if (getuid() == 0 && as && *as) { db_set_user(db, as); return; }
    snprintf(db->user, sizeof db->user, "%s", u && *u ? u : "?");
}

/* Writable means the file and its folder (WAL needs -wal and -shm beside it). */
static int path_writable(const char *path, int create)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", path);
    if (access(dirname(dir), W_OK) != 0) return 0;
    if (access(path, F_OK) != 0) return create;
    return access(path, W_OK) == 0;
}

/* The file and its -wal hold nothing at all. */
static int file_empty(const char *path)
{
    char wal[1100];
    struct stat st;
    snprintf(wal, sizeof wal, "%s-wal", path);
    if (stat(path, &st) != 0 || st.st_size != 0) return 0;
    return stat(wal, &st) != 0 || st.st_size == 0;
}

static int open_handle(ntm_db *db, const char *path, int flags)
{
    int exists = access(path, F_OK) == 0;
    if (!exists && !(flags & DB_OPEN_CREATE))
        return db_fail(db, DB_NOTFOUND, _("Không có tệp cơ sở dữ liệu %s. Tạo dữ liệu mẫu: ntm demo %s"), path, path);
    db->readonly = (flags & DB_OPEN_READONLY) || !path_writable(path, flags & DB_OPEN_CREATE);
    if (!exists && !db->readonly) {
        /* Made here, not by SQLite (0644): the group of a shared folder may write it, and
         * its -wal and -shm, which SQLite gives the file's own mode. */
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, file_share_mode());
        if (fd >= 0) close(fd);
    } else if (exists && !(flags & DB_OPEN_CREATE) && file_empty(path) && db_have_backups()) {
        /* Nothing in it and no WAL, yet there are backups: a file cut to nothing (a copy
         * that failed), not a new database; made into an empty one, it would be what the
         * next daily backups keep. With no backup at all it is SQLite's empty database. */
        db_damaged(db);
        return DB_CORRUPT;
    }
    int oflags = db->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    int rc = sqlite3_open_v2(path, &db->h, oflags | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK)
        return db_fail(db, DB_ERR, _("Không mở được %s: %s"), path,
                       db->h ? sqlite3_errmsg(db->h) : "out of memory");
    return DB_OK;
}

/* A WAL database can only be read when its -shm file exists or can be made beside it.
 * A user with no write access to the folder (not in the group, a copy on a read-only
 * disk) still gets to read it as an immutable file: a snapshot, said so in the top bar. */
static int reopen_immutable(ntm_db *db)
{
    char uri[3200];
    size_t o = (size_t)snprintf(uri, sizeof uri, "file:");
    for (const char *p = db->path; *p && o + 4 < sizeof uri; p++) {
        if (*p == '%' || *p == '?' || *p == '#') o += (size_t)snprintf(uri + o, sizeof uri - o, "%%%02X", (unsigned char)*p);
        else uri[o++] = *p;
    }
    snprintf(uri + o, sizeof uri - o, "?immutable=1");
    for (int i = 0; i < db->ncache; i++) sqlite3_finalize(db->cache[i].st);
    db->ncache = 0;
    sqlite3_close(db->h);
    db->h = NULL;
    int rc = sqlite3_open_v2(uri, &db->h, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) return db_fail(db, DB_ERR, _("Không mở được %s: %s"), db->path, sqlite3_errmsg(db->h));
    db->immutable = 1;
    return DB_OK;
}

static int count_rows(ntm_db *db, const char *sql, int *n)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        *n = sqlite3_column_int(st, 0);
        rc = rc == SQLITE_ROW ? SQLITE_OK : rc;
        sqlite3_finalize(st);
    }
    return rc;
}

/* Reading the schema catches a file that is not a database, one cut short (SQLite
 * compares the header's page count with the file) and most overwritten ones: cheap at
 * any size, where PRAGMA quick_check takes 0.5 s on an 81 MB file. A damaged page met
 * later is reported the same way (db_sqlite_error), and ntm check reads every page. */
static int check_sqlite_file(ntm_db *db)
{
    int n = 0;
    int rc = count_rows(db, "SELECT count(*) FROM sqlite_schema", &n);
    if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT) { db_damaged(db); return DB_CORRUPT; }
    if (rc != SQLITE_OK) return db_sqlite_error(db, rc);
    /* Another program's SQLite file (user_version 0 but tables in it) is not upgraded
     * into an ntm database. */
    if (n > 0 && db_schema_version(db) == 0 && count_rows(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'meta'", &n) == SQLITE_OK && n == 0)
        return db_fail(db, DB_CORRUPT, _("%s là tệp SQLite của chương trình khác, không phải CSDL của ntm: không mở, không sửa nó."), db->path);
    return DB_OK;
}

int db_open(ntm_db **out, const char *path, int flags, int busy_ms, char *err, size_t errlen)
{
    ntm_db *db = calloc(1, sizeof *db);
    *out = NULL;
    if (!db) { snprintf(err, errlen, "out of memory"); return DB_ERR; }
    snprintf(db->path, sizeof db->path, "%s", path);
    find_user(db);
    int rc = open_handle(db, path, flags);
    if (!rc) {
        sqlite3_busy_timeout(db->h, busy_ms > 0 ? busy_ms : 5000);
        rc = check_sqlite_file(db);
        if ((rc == DB_READONLY || rc == DB_ERR) && db->readonly && !db->immutable && !reopen_immutable(db))
            rc = check_sqlite_file(db);
    }
    if (!rc && !db->readonly) rc = db_exec(db, "PRAGMA journal_mode=WAL");
    /* FULL: a commit is on disk before ntm says "saved" (power cuts happen in commune
     * offices); one fsync per user action costs nothing a person notices. */
    if (!rc) rc = db_exec(db, "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA temp_store=MEMORY");
    if (!rc) rc = db_migrate(db, embedded_n_migrations);
    if (rc) {
        snprintf(err, errlen, "%s", db->err);
        db_close(db);
        return rc;
    }
    *out = db;
    return DB_OK;
}

void db_close(ntm_db *db)
{
    if (!db) return;
    for (int i = 0; i < db->ncache; i++) sqlite3_finalize(db->cache[i].st);
    free(db->cache);
    role_free(db);
    if (db->h) sqlite3_close(db->h);
    free(db);
}

int db_meta_get(ntm_db *db, const char *key, char *out, size_t n)
{
    static const char *sql = "SELECT value FROM meta WHERE key = ?1";
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
        sqlite3_reset(st);
        return DB_OK;
    }
    sqlite3_reset(st);
    if (n) out[0] = 0;
    return rc == SQLITE_DONE ? DB_NOTFOUND : db_sqlite_error(db, rc);
}

int db_meta_set(ntm_db *db, const char *key, const char *value)
{
    static const char *sql = "INSERT INTO meta(key, value) VALUES (?1, ?2) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value";
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? DB_OK : db_sqlite_error(db, rc);
}

const char *db_today(ntm_db *db)
{
    if (!db->today[0]) {
        char v[32];
        if (!date_today_forced() && db_meta_get(db, "as_of", v, sizeof v) == DB_OK && date_valid_iso(v))
            memcpy(db->today, v, 10), db->today[10] = 0;
        else
            snprintf(db->today, sizeof db->today, "%s", date_today());
    }
    return db->today;
}
