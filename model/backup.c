/* backup: online copies (VACUUM INTO), the dated backups and their rotation, the daily
 * one, and the words for a damaged file. Restoring is in restore.c. */
#include "model/backup.h"
#include "model/backup_internal.h"
#include "model/db_internal.h"
#include "model/files.h"
#include "model/i18n.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char backup_dir[1024];
void db_set_backup_dir(const char *dir) { snprintf(backup_dir, sizeof backup_dir, "%s", dir ? dir : ""); }
int db_have_backups(void)
{
    char newest[NTM_BACKUP_PATH];
    return backup_dir[0] && backup_newest(backup_dir, newest, sizeof newest) == 0;
}

/* Write a consistent copy of h's main database to a new hidden file in dir. VACUUM INTO
 * reads in one transaction, so writers go on meanwhile (WAL) and the copy never restarts,
 * as small sqlite3_backup steps do under steady writes; it is a rollback-journal file
 * that needs no -wal beside it (a USB stick, a mail). SQLite does not fsync it: we do. */
int backup_vacuum_to_temp(sqlite3 *h, const char *dir, const char *base, char *tmp, size_t tn,
                          char *err, size_t n)
{
    snprintf(tmp, tn, "%s/.%s.XXXXXX", dir, base);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        snprintf(err, n, _("Không ghi được vào thư mục %s: %s"), dir, file_strerror(errno));
        tmp[0] = 0;
        return DB_ERR;
    }
    fchmod(fd, file_share_mode());     /* mkstemp makes 0600; a backup is for the group */
    close(fd);
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(h, "VACUUM INTO ?1", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, tmp, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        sqlite3_finalize(st);
        rc = rc == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(h);
    }
    if (rc == SQLITE_OK && file_sync(tmp, 0) != 0) rc = errno == ENOSPC ? SQLITE_FULL : SQLITE_IOERR;
    if (rc == SQLITE_OK) return DB_OK;
    if ((rc & 0xff) == SQLITE_FULL)
        snprintf(err, n, _("Không đủ chỗ trên đĩa ở %s để sao lưu; cơ sở dữ liệu không bị ảnh hưởng."), dir);
    else if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
        snprintf(err, n, _("Không sao lưu được: cơ sở dữ liệu bị hỏng (%s). Chạy: ntm check"), sqlite3_errmsg(h));
    else
        snprintf(err, n, _("Không sao lưu được vào %s: %s"), dir, sqlite3_errmsg(h));
    unlink(tmp);
    tmp[0] = 0;
    return DB_ERR;
}

int backup_write(ntm_db *db, const char *dest, char *err, size_t n)
{
    char dir[NTM_BACKUP_PATH], tmp[NTM_BACKUP_PATH + 64];
    struct stat st;
    const char *slash = strrchr(dest, '/'), *base = slash ? slash + 1 : dest;
    if (!*base || strlen(dest) >= NTM_BACKUP_PATH - 16)
        return snprintf(err, n, _("Tên tệp sao lưu không hợp lệ: \"%s\""), dest), DB_INVALID;
    if (lstat(dest, &st) == 0 && S_ISLNK(st.st_mode))
        return snprintf(err, n, _("\"%s\" là một liên kết tượng trưng (symlink): không ghi qua nó. Hãy chọn tên khác."), dest), DB_INVALID;
    if (lstat(dest, &st) == 0 && S_ISDIR(st.st_mode))
        return snprintf(err, n, _("\"%s\" là một thư mục"), dest), DB_INVALID;
    if (file_same(dest, db->path))
        return snprintf(err, n, _("\"%s\" chính là tệp cơ sở dữ liệu: hãy sao lưu sang tệp khác."), dest), DB_INVALID;
    file_dir_of(dest, dir, sizeof dir);
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return snprintf(err, n, _("Không có thư mục %s"), dir), DB_INVALID;
    int rc = backup_vacuum_to_temp(db->h, dir, base, tmp, sizeof tmp, err, n);
    if (rc) return rc;
    if (rename(tmp, dest) != 0) {
        snprintf(err, n, _("Không thay được tệp %s: %s"), dest, file_strerror(errno));
        unlink(tmp);
        return DB_ERR;
    }
    file_sync(dir, 1);
    return DB_OK;
}

/* ntm-YYYYMMDD-HHMMSS.db or ntm-YYYYMMDD-HHMMSS-K.db: the stamp and K (1 when none). */
static int parse_name(const char *name, char stamp[16], int *k)
{
    if (strncmp(name, "ntm-", 4)) return 0;
    const char *p = name + 4;
    for (int i = 0; i < 15; i++)
        if (i == 8 ? p[i] != '-' : (p[i] < '0' || p[i] > '9')) return 0;
    memcpy(stamp, p, 15);
    stamp[15] = 0;
    p += 15;
    *k = 1;
    if (*p == '-') {
        char *end;
        long v = strtol(p + 1, &end, 10);
        if (end == p + 1 || v < 2 || v > 9999) return 0;
        *k = (int)v;
        p = end;
    }
    return !strcmp(p, ".db");
}

typedef struct { char stamp[16]; int k; char name[64]; } dated;

static int dated_cmp(const void *a, const void *b)
{
    const dated *x = a, *y = b;
    int c = strcmp(x->stamp, y->stamp);
    return c ? c : x->k - y->k;
}

/* The dated backups of dir, oldest first (malloc'd). */
static int list_dated(const char *dir, dated **out)
{
    DIR *d = opendir(dir);
    int n = 0, cap = 0;
    *out = NULL;
    if (!d) return 0;
    for (struct dirent *e; (e = readdir(d)); ) {
        dated x;
        if (strlen(e->d_name) >= sizeof x.name || !parse_name(e->d_name, x.stamp, &x.k)) continue;
        memcpy(x.name, e->d_name, strlen(e->d_name) + 1);     /* length checked above */
        if (n == cap) {
            dated *v = realloc(*out, (size_t)(cap = cap ? cap * 2 : 16) * sizeof *v);
            if (!v) break;
            *out = v;
        }
        (*out)[n++] = x;
    }
    closedir(d);
    if (n) qsort(*out, (size_t)n, sizeof **out, dated_cmp);
    return n;
}

int backup_newest(const char *dir, char *out, size_t n)
{
    dated *v;
    int k = list_dated(dir, &v);
    if (k) snprintf(out, n, "%s/%s", dir, v[k - 1].name);
    free(v);
    return k ? 0 : -1;
}

static void today_stamp(char out[9])
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(out, 9, "%Y%m%d", &tm);
}

int backup_due(const char *dir)
{
    dated *v;
    char today[9];
    today_stamp(today);
    int k = list_dated(dir, &v), due = 1;
    for (int i = 0; i < k && due; i++) due = strncmp(v[i].stamp, today, 8) != 0;
    free(v);
    return due;
}

/* A hidden temporary copy (".ntm-...db.XXXXXX") an hour old was left by a killed copy. */
static void remove_stale_temps(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) return;
    time_t now = time(NULL);
    for (struct dirent *e; (e = readdir(d)); ) {
        size_t len = strlen(e->d_name);
        char path[NTM_BACKUP_PATH + 300];
        struct stat st;
        if (strncmp(e->d_name, ".ntm-", 5) || len < 12 || strncmp(e->d_name + len - 10, ".db.", 4)) continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) && now - st.st_mtime > 3600) unlink(path);
    }
    closedir(d);
}

int backup_rotate(const char *dir, int keep)
{
    dated *v;
    int k = list_dated(dir, &v), removed = 0;
    for (int i = 0; i < k - (keep > 0 ? keep : 1); i++) {
        char path[NTM_BACKUP_PATH + 80];
        snprintf(path, sizeof path, "%s/%s", dir, v[i].name);
        removed += unlink(path) == 0;
    }
    free(v);
    remove_stale_temps(dir);
    return removed;
}

/* Claim the first free dated name for tmp: link() fails when the name is taken, so two
 * copies made the same second get two names; where there are no hard links (a FAT USB
 * stick), a name is taken when lstat finds nothing there. */
static int place_dated(const char *dir, const char *stamp, const char *tmp, char *made, size_t mn)
{
    for (int k = 1; k < 100; k++) {
        struct stat st;
        if (k == 1) snprintf(made, mn, "%s/ntm-%s.db", dir, stamp);
        else snprintf(made, mn, "%s/ntm-%s-%d.db", dir, stamp, k);
        if (link(tmp, made) == 0) { unlink(tmp); return 0; }
        if (errno == EEXIST || lstat(made, &st) == 0) continue;
        if (rename(tmp, made) == 0) return 0;
        return errno;
    }
    return EEXIST;
}

int backup_make(ntm_db *db, const char *dir, int keep, char *made, size_t mn, char *err, size_t n)
{
    char stamp[16], base[32], tmp[NTM_BACKUP_PATH + 64];
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    snprintf(base, sizeof base, "ntm-%s.db", stamp);
    int e = file_make_dirs(dir);
    if (e) return snprintf(err, n, _("Không tạo được thư mục sao lưu %s: %s"),
                           dir, file_strerror(e)), DB_ERR;
    int rc = backup_vacuum_to_temp(db->h, dir, base, tmp, sizeof tmp, err, n);
    if (rc) return rc;
    if ((e = place_dated(dir, stamp, tmp, made, mn))) {
        unlink(tmp);
        return snprintf(err, n, _("Không ghi được tệp sao lưu trong %s: %s"),
                        dir, file_strerror(e)), DB_ERR;
    }
    file_sync(dir, 1);
    backup_rotate(dir, keep);
    return DB_OK;
}

static void error_file(const char *dir, char *out, size_t n) { snprintf(out, n, "%s/.ntm-backup-error", dir); }

int backup_last_error(const char *dir, char *out, size_t n)
{
    char path[NTM_BACKUP_PATH + 32];
    error_file(dir, path, sizeof path);
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    size_t got = fread(out, 1, n - 1, f);
    fclose(f);
    out[got] = 0;
    out[strcspn(out, "\n")] = 0;
    return 0;
}

int backup_daily(ntm_db *db, const char *dir, int keep, char *made, size_t mn, char *err, size_t n)
{
    char path[NTM_BACKUP_PATH + 32];
    int e = file_make_dirs(dir);
    if (e) return snprintf(err, n, _("Không tạo được thư mục sao lưu %s: %s"),
                           dir, file_strerror(e)), DB_ERR;
    /* Two ntm started at the same moment: one copies, the other leaves it. */
    snprintf(path, sizeof path, "%s/.ntm-backup.lock", dir);
    int fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, file_share_mode());
    if (fd < 0) return snprintf(err, n, _("Không ghi được vào thư mục sao lưu %s: %s"),
                                dir, file_strerror(errno)), DB_ERR;
    int rc = 0;
    if (flock(fd, LOCK_EX | LOCK_NB) == 0 && backup_due(dir)) {
        rc = backup_make(db, dir, keep, made, mn, err, n) == DB_OK ? 1 : DB_ERR;
        error_file(dir, path, sizeof path);
        if (rc == 1) unlink(path);
        else {
            FILE *f = fopen(path, "w");
            if (f) { fprintf(f, "%s\n", err); fclose(f); }
        }
    }
    close(fd);
    return rc;
}

/* Why SQLite called the file damaged, from its 100-byte header and its size. */
static void damage_detail(const char *path, char *out, size_t n)
{
    unsigned char h[100];
    struct stat st;
    size_t got = 0;
    FILE *f = fopen(path, "rb");
    if (f) { got = fread(h, 1, sizeof h, f); fclose(f); }
    if (stat(path, &st) == 0 && st.st_size == 0) {
        snprintf(out, n, "%s", _("tệp rỗng (0 byte), có lẽ bị cắt khi chép"));
        return;
    }
    if (got < 100 || memcmp(h, "SQLite format 3", 16)) {
        snprintf(out, n, "%s", _("phần đầu tệp không phải của SQLite: tệp đã bị ghi đè, hoặc là một tệp khác"));
        return;
    }
    long long page = h[16] << 8 | h[17], pages = (long long)h[28] << 24 | h[29] << 16 | h[30] << 8 | h[31];
    if (page == 1) page = 65536;
    if (!memcmp(h + 24, h + 92, 4) && pages * page > (long long)st.st_size)
        snprintf(out, n, _("tệp bị cắt ngắn: còn %lld byte, phải có %lld byte"),
                 (long long)st.st_size, pages * page);
    else
        snprintf(out, n, "%s", _("dữ liệu bên trong bị hỏng (một phần tệp đã bị ghi đè?)"));
}

/* A path as one shell word, quoted when it holds anything but the usual characters. */
static void shell_word(const char *s, char *out, size_t n)
{
    if (strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._+-~") == strlen(s)) {
        snprintf(out, n, "%s", s);
        return;
    }
    size_t o = 0;
    if (n < 4) { if (n) out[0] = 0; return; }
    out[o++] = '\'';
    for (; *s && o + 6 < n; s++) {
        if (*s == '\'') { memcpy(out + o, "'\\''", 4); o += 4; }
        else out[o++] = *s;
    }
    out[o++] = '\'';
    out[o] = 0;
}

int db_damaged(ntm_db *db)
{
    char what[256], hint[1100], newest[NTM_BACKUP_PATH], qdb[600], qbk[600];
    damage_detail(db->path, what, sizeof what);
    hint[0] = 0;
    if (backup_dir[0] && backup_newest(backup_dir, newest, sizeof newest) == 0) {
        shell_word(db->path, qdb, sizeof qdb);
        shell_word(newest, qbk, sizeof qbk);
        snprintf(hint, sizeof hint, _(" Bản sao lưu mới nhất: %s. Để khôi phục, gõ: ntm --db %s restore %s"), newest, qdb, qbk);
    } else if (backup_dir[0]) {
        snprintf(hint, sizeof hint, _(" Không có bản sao lưu nào trong %s."), backup_dir);
    }
    return db_fail(db, DB_ERR, _("Tệp cơ sở dữ liệu %s bị hỏng: %s.%s"),
                   db->path, what, hint);
}
