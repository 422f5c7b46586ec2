/* cli_backup: `ntm backup [FILE] [--daily]`, `ntm restore FILE`, `ntm check`, and the
 * daily backup started in the background by the first start of the day. No curses. */
#define _GNU_SOURCE                  /* POSIX_SPAWN_SETSID */
#include "tui/cli/cli.h"
#include "model/backup.h"
#include "model/check.h"
#include "model/db.h"
#include "model/files.h"
#include "model/i18n.h"
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static int usage(const char *fmt, const char *arg)
{
    fprintf(stderr, "ntm: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n%s\n", _("Xem: ntm --help"));
    return 2;
}

static int open_db(const ntm_config *cfg, ntm_db **db)
{
    char err[2048];
    if (db_open(db, cfg->db_path, 0, cfg->busy_timeout_ms, err, sizeof err) == DB_OK) return 0;
    fprintf(stderr, "ntm: %s\n", err);
    return 1;
}

int cli_backup(const cli_opts *o, ntm_config *cfg)
{
    const char *file = NULL;
    int daily = 0;
    for (int i = 1; i < o->argc; i++) {
        if (!strcmp(o->argv[i], "--daily")) daily = 1;
        else if (o->argv[i][0] == '-') return usage(_("backup: tùy chọn không biết: %s"), o->argv[i]);
        else if (file) return usage(_("backup: chỉ một TỆP: %s"), o->argv[i]);
        else file = o->argv[i];
    }
    if (daily && file) return usage("%s", _("backup: --daily ghi vào [output] backup_dir, không nhận TỆP"));
    if (daily && nice(10) == -1) { /* the day's copy runs behind whoever works: not fatal */ }
    ntm_db *db;
    if (open_db(cfg, &db)) return 1;
    char made[NTM_PATH_MAX + 64], err[2048];
    int rc;
    if (daily) rc = backup_daily(db, cfg->backup_dir, cfg->backup_keep, made, sizeof made, err, sizeof err);
    else if (file) rc = backup_write(db, file, err, sizeof err), snprintf(made, sizeof made, "%s", file);
    else rc = backup_make(db, cfg->backup_dir, cfg->backup_keep, made, sizeof made, err, sizeof err);
    db_close(db);
    if (rc < 0) { fprintf(stderr, "ntm: %s\n", err); return 1; }
    if (!daily || rc == 1) printf("%s\n", made);
    return 0;
}

int cli_restore(const cli_opts *o, ntm_config *cfg)
{
    if (o->argc != 2 || o->argv[1][0] == '-')
        return usage("%s", _("restore cần đúng một TỆP sao lưu: ntm restore TỆP"));
    char aside[NTM_PATH_MAX + 64], err[2048];
    int rc = backup_restore(cfg->db_path, o->argv[1], cfg->busy_timeout_ms, aside, sizeof aside, err, sizeof err);
    if (rc) { fprintf(stderr, "ntm: %s\n", err); return 1; }
    printf(_("Đã khôi phục %s từ %s.\n"), cfg->db_path, o->argv[1]);
    if (aside[0]) printf(_("Tệp trước khi khôi phục được giữ ở %s\n"), aside);
    return 0;
}

static void print_line(void *ctx, int problem, const char *text)
{
    (void)ctx;
    printf("%s %s\n", problem ? "!!" : "  ", text);
}

int cli_check(const cli_opts *o, ntm_config *cfg)
{
    if (o->argc > 1) return usage(_("check: không nhận thêm gì: %s"), o->argv[1]);
    ntm_db *db;
    if (open_db(cfg, &db)) return 1;
    printf(_("Kiểm tra %s (lược đồ %d)\n"), cfg->db_path, db_schema_version(db));
    int n = db_check(db, print_line, NULL);
    if (n < 0) fprintf(stderr, "ntm: %s\n", db_errmsg(db));
    else if (n == 0) printf("%s\n", _("Kết quả: không có vấn đề nào."));
    else printf(_("Kết quả: %d vấn đề (xem các dòng !! ở trên).\n"), n);
    db_close(db);
    return n == 0 ? 0 : 1;
}

/* `ntm backup --daily` as a process of its own: it outlives a quick quit, never slows
 * the first screen (posix_spawn returns once it runs; the copy lowers its own priority),
 * and shares nothing with this process's SQLite connection. Its own session: a hangup of
 * the terminal does not stop it. Not waited for: the kernel keeps its exit status until
 * this process ends. */
static void spawn_daily(const ntm_config *cfg)
{
    char self[NTM_PATH_MAX];
    ssize_t k = readlink("/proc/self/exe", self, sizeof self - 1);
    if (k <= 0) return;
    self[k] = 0;
    char *argv[8];
    int a = 0;
    argv[a++] = self;
    if (cfg->source[0]) { argv[a++] = "--config"; argv[a++] = (char *)cfg->source; }
    argv[a++] = "--db"; argv[a++] = (char *)cfg->db_path;
    argv[a++] = "backup"; argv[a++] = "--daily";
    argv[a] = NULL;
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t at;
    posix_spawn_file_actions_init(&fa);
    for (int fd = 0; fd < 3; fd++) posix_spawn_file_actions_addopen(&fa, fd, "/dev/null", O_RDWR, 0);
    posix_spawnattr_init(&at);
    posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSID);
    pid_t pid;
    posix_spawn(&pid, self, &fa, &at, argv, environ);
    posix_spawnattr_destroy(&at);
    posix_spawn_file_actions_destroy(&fa);
}

void backup_at_start(ntm_db *db, const ntm_config *cfg)
{
    char last[600], note[900];
    const char *dir = cfg->backup_dir;
    if (backup_last_error(dir, last, sizeof last) == 0) {
        snprintf(note, sizeof note, _("Lần tự sao lưu trước không thành công: %s"), last);
        db_set_notice(db, note);
    }
    if (!backup_due(dir)) return;
    int e = file_make_dirs(dir);
    if (e || access(dir, W_OK | X_OK) != 0) {
        snprintf(note, sizeof note, _("Không tự sao lưu hôm nay: không ghi được vào thư mục %s (%s). Đặt [output] backup_dir trong ntm.ini."),
                 dir, file_strerror(e ? e : EACCES));
        db_set_notice(db, note);
        return;
    }
    spawn_daily(cfg);
}
