/* restore: check a copy, make sure nobody else has the database open, keep the current
 * file aside, put the copy in place. */
#include "model/backup.h"
#include "model/backup_internal.h"
#include "model/role.h"
#include "model/db_internal.h"
#include "model/files.h"
#include "model/i18n.h"
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Read-only, with no change to the file nor anything made beside it: as an immutable
 * file, unless a -wal with content lies beside it (a copy of a live database), which
 * must be read too. */
static int open_ro(const char *file, sqlite3 **h)
{
    char wal[NTM_BACKUP_PATH + 8];
    struct stat st;
    snprintf(wal, sizeof wal, "%s-wal", file);
    int rc = SQLITE_CANTOPEN;
    *h = NULL;
    if (stat(wal, &st) == 0 && st.st_size > 0) {
        rc = sqlite3_open_v2(file, h, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
        if (rc == SQLITE_OK) rc = sqlite3_exec(*h, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
    }
    int base = rc & 0xff;
    if (base != SQLITE_CANTOPEN && base != SQLITE_READONLY) return rc;
    sqlite3_close(*h);
    char *uri = sqlite3_mprintf("file:%s?immutable=1", file);
    rc = sqlite3_open_v2(uri, h, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
    sqlite3_free(uri);
    if (rc == SQLITE_OK) rc = sqlite3_exec(*h, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
    return rc;
}

static int one_int(sqlite3 *h, const char *sql)
{
    sqlite3_stmt *st;
    int v = -1;
    if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    }
    return v;
}

/* PRAGMA integrity_check's first line: "ok", or the first problem. */
static void integrity(sqlite3 *h, char *out, size_t n)
{
    sqlite3_stmt *st;
    snprintf(out, n, "?");
    if (sqlite3_prepare_v2(h, "PRAGMA integrity_check(1)", -1, &st, NULL) != SQLITE_OK) {
        snprintf(out, n, "%s", sqlite3_errmsg(h));
        return;
    }
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
    else snprintf(out, n, "%s", sqlite3_errmsg(h));
    sqlite3_finalize(st);
}

int backup_check_file(const char *file, int *schema, char *err, size_t n)
{
    struct stat st;
    sqlite3 *h = NULL;
    char what[512];
    *schema = -1;
    if (stat(file, &st) != 0)
        return snprintf(err, n, L("Không mở được %s: %s", "Cannot open %s: %s"), file, file_strerror(errno)), DB_INVALID;
    if (!S_ISREG(st.st_mode) || st.st_size == 0)
        return snprintf(err, n, L("%s không phải bản sao lưu: %s", "%s is not a backup: %s"), file,
                        S_ISREG(st.st_mode) ? L("tệp rỗng", "the file is empty") : L("không phải tệp thường", "not a regular file")), DB_INVALID;
    int rc = open_ro(file, &h);
    if (rc != SQLITE_OK) {
        snprintf(err, n, L("%s không phải bản sao lưu dùng được: %s", "%s is not a usable backup: %s"), file,
                 (rc & 0xff) == SQLITE_NOTADB ? L("không phải tệp cơ sở dữ liệu SQLite", "not an SQLite database")
                 : (rc & 0xff) == SQLITE_CORRUPT ? L("tệp bị hỏng hoặc bị cắt ngắn", "the file is damaged or cut short")
                 : sqlite3_errstr(rc));
        sqlite3_close(h);
        return DB_INVALID;
    }
    integrity(h, what, sizeof what);
    int v = one_int(h, "PRAGMA user_version");
    int tables = one_int(h, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('meta', 'unit', 'task')");
    sqlite3_close(h);
    *schema = v;
    if (strcmp(what, "ok"))
        return snprintf(err, n, L("%s bị hỏng (integrity_check: %s): không khôi phục từ tệp này.",
                                  "%s is damaged (integrity_check: %s): not restoring from it."), file, what), DB_INVALID;
    if (v < 1 || tables != 3)
        return snprintf(err, n, L("%s không phải cơ sở dữ liệu của ntm (lược đồ %d không biết): không khôi phục từ tệp này.",
                                  "%s is not an ntm database (unknown schema %d): not restoring from it."), file, v), DB_INVALID;
    if (v > db_latest_version())
        return snprintf(err, n, L("%s được tạo bởi phiên bản ntm mới hơn (lược đồ %d, bản này biết đến %d): hãy cập nhật ntm trước.",
                                  "%s was written by a newer ntm (schema %d; this one knows up to %d): update ntm first."),
                        file, v, db_latest_version()), DB_INVALID;
    return DB_OK;
}

/* Every open SQLite connection to a WAL database holds a read lock on byte 128 of its
 * -shm file (the "DMS" lock of SQLite's unix VFS, see sqlite.org/walformat.html) until
 * it closes, idle or not; BEGIN EXCLUSIVE alone would not see an idle reader in WAL
 * mode. Asked before this process opens the file: closing our probe's descriptor would
 * drop our own connection's locks on the -shm. */
int backup_in_use(const char *db_path, char *who, size_t n)
{
    char shm[NTM_BACKUP_PATH + 8];
    snprintf(shm, sizeof shm, "%s-shm", db_path);
    int fd = open(shm, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return 0;
    struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 128, .l_len = 1 };
    int busy = fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK;
    close(fd);
    if (!busy) return 0;
    char proc[64], line[256];
    long uid = -1;
    snprintf(proc, sizeof proc, "/proc/%ld/status", (long)fl.l_pid);
    FILE *f = fopen(proc, "r");
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "Uid: %ld", &uid) == 1) break;
    if (f) fclose(f);
    struct passwd *pw = uid >= 0 ? getpwuid((uid_t)uid) : NULL;
    if (pw) snprintf(who, n, L("%s (tiến trình %ld)", "%s (process %ld)"), pw->pw_name, (long)fl.l_pid);
    else snprintf(who, n, L("tiến trình %ld", "process %ld"), (long)fl.l_pid);
    return 1;
}

/* <db>.before-restore-YYYYMMDD-HHMMSS, -2, -3... : a name nothing has yet. */
static void aside_name(const char *db_path, char *out, size_t n)
{
    char stamp[16];
    time_t now = time(NULL);
    struct tm tm;
    struct stat st;
    localtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    for (int k = 1; k < 100; k++) {
        if (k == 1) snprintf(out, n, "%s.before-restore-%s", db_path, stamp);
        else snprintf(out, n, "%s.before-restore-%s-%d", db_path, stamp, k);
        if (lstat(out, &st) != 0) return;
    }
}

/* The copy, through SQLite's backup API, into the open database: one write transaction
 * (a crash midway leaves the old content), and it waits for the write lock as any
 * writer does. */
static int copy_into(ntm_db *db, const char *file, char *err, size_t n)
{
    sqlite3 *src = NULL;
    int rc = open_ro(file, &src);
    if (rc == SQLITE_OK) {
        sqlite3_backup *b = sqlite3_backup_init(db->h, "main", src, "main");
        if (!b) rc = sqlite3_errcode(db->h);
        else {
            rc = sqlite3_backup_step(b, -1);
            int fin = sqlite3_backup_finish(b);
            rc = rc == SQLITE_DONE ? fin : rc;
        }
    }
    if (rc != SQLITE_OK) {
        db_sqlite_error(db, rc);
        snprintf(err, n, L("Chưa khôi phục được: %s", "Not restored: %s"), db_errmsg(db));
    }
    sqlite3_close(src);
    return rc == SQLITE_OK ? DB_OK : DB_ERR;
}

/* No usable file at db_path: a fresh file made from the copy beside it, then renamed. */
static int copy_new(const char *db_path, const char *file, char *err, size_t n)
{
    char dir[NTM_BACKUP_PATH], tmp[NTM_BACKUP_PATH + 64];
    const char *slash = strrchr(db_path, '/');
    sqlite3 *src = NULL;
    file_dir_of(db_path, dir, sizeof dir);
    int rc = open_ro(file, &src) == SQLITE_OK ? DB_OK : DB_ERR;
    if (rc) snprintf(err, n, L("Không mở được %s: %s", "Cannot open %s: %s"), file, sqlite3_errmsg(src));
    if (!rc) rc = backup_vacuum_to_temp(src, dir, slash ? slash + 1 : db_path, tmp, sizeof tmp, err, n);
    sqlite3_close(src);
    if (!rc && rename(tmp, db_path) != 0) {
        snprintf(err, n, L("Không đặt được %s: %s", "Cannot put %s in place: %s"), db_path, file_strerror(errno));
        unlink(tmp);
        rc = DB_ERR;
    }
    if (!rc) file_sync(dir, 1);
    return rc;
}

/* A damaged file (and its -wal, which belongs to it) goes aside by renaming. */
static int move_aside(const char *db_path, const char *aside, char *err, size_t n)
{
    char a[NTM_BACKUP_PATH + 8], b[NTM_BACKUP_PATH + 8];
    if (rename(db_path, aside) != 0)
        return snprintf(err, n, L("Không đổi tên được %s: %s", "Cannot rename %s: %s"), db_path, file_strerror(errno)), DB_ERR;
    snprintf(a, sizeof a, "%s-wal", db_path);
    snprintf(b, sizeof b, "%s-wal", aside);
    rename(a, b);
    snprintf(a, sizeof a, "%s-shm", db_path);
    unlink(a);
    return DB_OK;
}

/* Opened once more: WAL mode back on, an older copy's schema brought up to date. */
static int reopen(const char *db_path, int busy_ms, char *err, size_t n)
{
    ntm_db *db;
    int rc = db_open(&db, db_path, 0, busy_ms, err, n);
    if (!rc) db_close(db);
    return rc;
}

int backup_restore(const char *db_path, const char *file, int busy_ms, char *aside, size_t an,
                   char *err, size_t n)
{
    int schema;
    char who[256], oerr[1536];
    aside[0] = 0;
    if (file_same(file, db_path))
        return snprintf(err, n, L("%s chính là tệp cơ sở dữ liệu đang dùng.", "%s is the database in use."), file), DB_INVALID;
    if (backup_check_file(file, &schema, err, n)) return DB_INVALID;
    if (backup_in_use(db_path, who, sizeof who))
        return snprintf(err, n, L("Không khôi phục: %s đang mở %s. Hãy để mọi người thoát ntm rồi chạy lại lệnh; chưa có gì bị thay đổi.",
                                  "Not restoring: %s has %s open. Have everyone quit ntm, then run the command again; nothing was changed."),
                        who, db_path), DB_BUSY;
    int rc = DB_OK;
    if (access(db_path, F_OK) == 0) {
        ntm_db *db;
        aside_name(db_path, aside, an);
        rc = db_open(&db, db_path, 0, busy_ms, oerr, sizeof oerr);
        if (rc == DB_CORRUPT) {
            if ((rc = move_aside(db_path, aside, err, n)) || (rc = copy_new(db_path, file, err, n))) return rc;
            return reopen(db_path, busy_ms, err, n);
        }
        if (rc) { aside[0] = 0; return snprintf(err, n, "%s", oerr), rc; }
        /* who may put a backup in place is the current file's rule (a damaged one has none to read) */
        rc = role_require(db, ROLE_NEED_ADMIN, L("khôi phục CSDL từ bản sao lưu", "restore the database from a backup"));
        if (!rc && db_is_readonly(db)) rc = db_fail(db, DB_READONLY, L("Không ghi được vào %s (chỉ đọc): không khôi phục.",
                                                               "Cannot write to %s (read-only): not restoring."), db_path);
        if (rc) snprintf(err, n, "%s", db_errmsg(db));
        if (!rc && (rc = backup_write(db, aside, err, n))) aside[0] = 0;
        if (!rc) rc = copy_into(db, file, err, n);
        db_close(db);
        if (rc) return rc;
    } else if ((rc = copy_new(db_path, file, err, n))) {
        return rc;
    }
    return reopen(db_path, busy_ms, err, n);
}
