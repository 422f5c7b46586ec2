/* Backups, restore, ntm check and damaged files, on the demo database in a temp dir:
 * a copy made while another process writes is whole; dated names never clash; rotation
 * keeps N; restore refuses a bad copy and a file someone has open, keeps the current file
 * aside; a cut or foreign file is named at open with the newest backup; a full disk
 * leaves what was saved intact; files are made with the shared mode. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "model/backup.h"
#include "model/check.h"
#include "model/db.h"
#include "model/task.h"
#include "tests/unit/fixture.h"

static char dir[64], path[128], bdir[128];
static char err[2048];

static int setup(void **s)
{
    (void)s;
    if (fx_demo(dir, sizeof dir, "backup", path, sizeof path, "d.db", err, sizeof err)) return -1;
    snprintf(bdir, sizeof bdir, "%s/backup", dir);
    db_set_backup_dir(bdir);
    return 0;
}

static int teardown(void **s)
{
    (void)s;
    db_set_backup_dir("");
    return fx_rmdir(dir) == 0 ? 0 : -1;
}

static ntm_db *open_at(const char *p)
{
    ntm_db *db = NULL;
    if (db_open(&db, p, 0, 5000, err, sizeof err)) fprintf(stderr, "%s\n", err);
    assert_non_null(db);
    return db;
}

static long long count_at(const char *p, const char *sql)
{
    sqlite3 *h;
    assert_int_equal(sqlite3_open_v2(p, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    long long v = fx_sql_ll(h, "%s", sql);
    sqlite3_close(h);
    return v;
}

static void write_file(const char *p, const char *text)
{
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void copy_file(const char *from, const char *to)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "cp '%s' '%s'", from, to);
    assert_int_equal(system(cmd), 0);
}

/* A writer in another process: progress reports as fast as it can until killed. */
static pid_t start_writer(void)
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        ntm_db *db;
        if (db_open(&db, path, 0, 10000, err, sizeof err)) _exit(2);
        for (;;) task_add_progress(db, 102, "2022-06-19", 0.001, 0, "writer", NULL);
    }
    return pid;
}

static void stop(pid_t pid)
{
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
}

static void test_backup_while_writing(void **s)
{
    (void)s;
    pid_t w = start_writer();
    /* wait for the writer's first report (a loaded machine may take seconds to start it) */
    for (int i = 0; i < 300 && count_at(path, "SELECT count(*) FROM progress WHERE note = 'writer'") == 0; i++)
        usleep(50 * 1000);
    usleep(100 * 1000);
    ntm_db *db = open_at(path);
    char made[512], made2[512];
    double t0 = fx_now_ms();
    assert_int_equal(backup_make(db, bdir, 14, made, sizeof made, err, sizeof err), DB_OK);
    printf("    backup of the demo while another process writes: %.1f ms\n", fx_now_ms() - t0);
    assert_int_equal(backup_make(db, bdir, 14, made2, sizeof made2, err, sizeof err), DB_OK);
    stop(w);
    assert_string_not_equal(made, made2);                 /* the same second: -2 */
    assert_non_null(strstr(made, "/ntm-"));
    int schema;
    assert_int_equal(backup_check_file(made, &schema, err, sizeof err), DB_OK);
    assert_int_equal(schema, db_latest_version());
    assert_true(count_at(made, "SELECT count(*) FROM progress WHERE note = 'writer'") > 0);
    assert_int_equal(count_at(made, "SELECT count(*) FROM task"), count_at(path, "SELECT count(*) FROM task"));
    /* a self-contained file: no -wal needed to read it */
    assert_int_equal(count_at(made, "SELECT journal_mode = 'delete' FROM pragma_journal_mode"), 1);
    char newest[512];
    assert_int_equal(backup_newest(bdir, newest, sizeof newest), 0);
    assert_string_equal(newest, made2);
    assert_int_equal(backup_due(bdir), 0);
    db_close(db);
}

static void test_write_refuses(void **s)
{
    (void)s;
    ntm_db *db = open_at(path);
    char link_path[160], target[160];
    snprintf(target, sizeof target, "%s/target", dir);
    snprintf(link_path, sizeof link_path, "%s/link.db", dir);
    write_file(target, "keep me");
    assert_int_equal(symlink(target, link_path), 0);
    assert_int_equal(backup_write(db, link_path, err, sizeof err), DB_INVALID);
    assert_non_null(strstr(err, "symlink"));
    assert_int_equal(count_at(path, "SELECT 1"), 1);
    struct stat st;
    assert_int_equal(stat(target, &st), 0);
    assert_int_equal(st.st_size, 7);                        /* not written through */
    assert_int_equal(backup_write(db, path, err, sizeof err), DB_INVALID);
    assert_non_null(strstr(err, "chính là tệp cơ sở dữ liệu"));
    assert_int_equal(backup_write(db, dir, err, sizeof err), DB_INVALID);
    char missing[160];
    snprintf(missing, sizeof missing, "%s/no/such/x.db", dir);
    assert_int_equal(backup_write(db, missing, err, sizeof err), DB_INVALID);
    assert_non_null(strstr(err, "Không có thư mục"));
    db_close(db);
}

static void test_rotation(void **s)
{
    (void)s;
    char rdir[160], p[256], made[512];
    snprintf(rdir, sizeof rdir, "%s/rot", dir);
    mkdir(rdir, 0775);
    const char *old[] = { "ntm-20210101-080000.db", "ntm-20210102-080000.db", "ntm-20210102-080000-2.db",
                          "ntm-20210103-080000.db", "notes.db", "ntm-latest.db" };
    for (size_t i = 0; i < sizeof old / sizeof old[0]; i++) {
        snprintf(p, sizeof p, "%s/%s", rdir, old[i]);
        write_file(p, "x");
    }
    snprintf(p, sizeof p, "%s/.ntm-20210101-080000.db.AbCdEf", rdir);   /* a killed copy's temp */
    write_file(p, "x");
    struct timespec ts[2] = { { time(NULL) - 7200, 0 }, { time(NULL) - 7200, 0 } };
    assert_int_equal(utimensat(AT_FDCWD, p, ts, 0), 0);
    assert_int_equal(backup_due(rdir), 1);
    ntm_db *db = open_at(path);
    assert_int_equal(backup_make(db, rdir, 3, made, sizeof made, err, sizeof err), DB_OK);
    db_close(db);
    assert_int_equal(backup_due(rdir), 0);
    /* kept: the two newest old ones and the new one; other names untouched */
    const char *gone[] = { "ntm-20210101-080000.db", "ntm-20210102-080000.db", ".ntm-20210101-080000.db.AbCdEf" };
    const char *kept[] = { "ntm-20210102-080000-2.db", "ntm-20210103-080000.db", "notes.db", "ntm-latest.db" };
    for (size_t i = 0; i < 3; i++) { snprintf(p, sizeof p, "%s/%s", rdir, gone[i]); assert_int_not_equal(access(p, F_OK), 0); }
    for (size_t i = 0; i < 4; i++) { snprintf(p, sizeof p, "%s/%s", rdir, kept[i]); assert_int_equal(access(p, F_OK), 0); }
    assert_int_equal(access(made, F_OK), 0);
}

static void test_daily(void **s)
{
    (void)s;
    char ddir[160], made[512];
    snprintf(ddir, sizeof ddir, "%s/daily/sub", dir);
    ntm_db *db = open_at(path);
    assert_int_equal(backup_daily(db, ddir, 5, made, sizeof made, err, sizeof err), 1);    /* made the folders */
    assert_int_equal(backup_daily(db, ddir, 5, made, sizeof made, err, sizeof err), 0);    /* not due again today */
    char last[256];
    assert_int_equal(backup_last_error(ddir, last, sizeof last), -1);
    /* a folder that cannot be made: an error, said in words */
    char bad[200];
    snprintf(bad, sizeof bad, "%s/d.db/sub", dir);
    assert_int_equal(backup_daily(db, bad, 5, made, sizeof made, err, sizeof err), DB_ERR);
    assert_non_null(strstr(err, "Không tạo được thư mục sao lưu"));
    db_close(db);
}

static void test_check_file(void **s)
{
    (void)s;
    char p[160];
    int schema;
    snprintf(p, sizeof p, "%s/letter.db", dir);
    write_file(p, "this is not sqlite, it is a letter from the district\n");
    assert_int_equal(backup_check_file(p, &schema, err, sizeof err), DB_INVALID);
    assert_non_null(strstr(err, "không phải tệp cơ sở dữ liệu SQLite"));
    snprintf(p, sizeof p, "%s/cut.db", dir);
    copy_file(path, p);
    assert_int_equal(truncate(p, 100000), 0);
    assert_int_equal(backup_check_file(p, &schema, err, sizeof err), DB_INVALID);
    snprintf(p, sizeof p, "%s/newer.db", dir);
    copy_file(path, p);
    sqlite3 *h;
    assert_int_equal(sqlite3_open(p, &h), SQLITE_OK);
    sqlite3_exec(h, "PRAGMA user_version = 99", NULL, NULL, NULL);
    sqlite3_close(h);
    assert_int_equal(backup_check_file(p, &schema, err, sizeof err), DB_INVALID);
    assert_non_null(strstr(err, "mới hơn"));
    snprintf(p, sizeof p, "%s/other.db", dir);
    assert_int_equal(sqlite3_open(p, &h), SQLITE_OK);
    sqlite3_exec(h, "CREATE TABLE moz_places(id INTEGER PRIMARY KEY, url TEXT)", NULL, NULL, NULL);
    sqlite3_close(h);
    assert_int_equal(backup_check_file(p, &schema, err, sizeof err), DB_INVALID);
    assert_non_null(strstr(err, "không phải cơ sở dữ liệu của ntm"));
    /* and db_open will not turn that file into an ntm database */
    ntm_db *db;
    assert_int_equal(db_open(&db, p, 0, 100, err, sizeof err), DB_CORRUPT);
    assert_non_null(strstr(err, "chương trình khác"));
    assert_int_equal(count_at(p, "SELECT count(*) FROM sqlite_schema"), 1);
}

static void test_damaged_at_open(void **s)
{
    (void)s;
    char cut[160], newest[512];
    ntm_db *db = open_at(path);
    char made[512];
    assert_int_equal(backup_make(db, bdir, 14, made, sizeof made, err, sizeof err), DB_OK);
    db_close(db);
    assert_int_equal(backup_newest(bdir, newest, sizeof newest), 0);
    snprintf(cut, sizeof cut, "%s/cut.db", dir);
    copy_file(path, cut);
    assert_int_equal(truncate(cut, 200000), 0);
    assert_int_equal(db_open(&db, cut, 0, 100, err, sizeof err), DB_CORRUPT);
    assert_non_null(strstr(err, cut));
    assert_non_null(strstr(err, "bị cắt ngắn"));
    assert_non_null(strstr(err, newest));
    assert_non_null(strstr(err, "restore"));
    /* the start overwritten: another file copied over it */
    copy_file(path, cut);
    FILE *f = fopen(cut, "r+");
    fputs("%PDF-1.4 overwritten", f);
    fclose(f);
    assert_int_equal(db_open(&db, cut, 0, 100, err, sizeof err), DB_CORRUPT);
    assert_non_null(strstr(err, "ghi đè"));
    /* cut to nothing */
    assert_int_equal(truncate(cut, 0), 0);
    assert_int_equal(db_open(&db, cut, 0, 100, err, sizeof err), DB_CORRUPT);
    assert_non_null(strstr(err, "tệp rỗng"));
    struct stat st;
    assert_int_equal(stat(cut, &st), 0);
    assert_int_equal(st.st_size, 0);                    /* not made into an empty database */
    /* then restore from the backup the message names */
    char aside[512];
    assert_int_equal(backup_restore(cut, newest, 1000, aside, sizeof aside, err, sizeof err), DB_OK);
    assert_non_null(strstr(aside, ".before-restore-"));
    assert_int_equal(access(aside, F_OK), 0);
    assert_int_equal(count_at(cut, "SELECT count(*) FROM task"), count_at(path, "SELECT count(*) FROM task"));
    assert_int_equal(count_at(cut, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), 1);
}

static void test_restore(void **s)
{
    (void)s;
    char copy[512], aside[512];
    ntm_db *db = open_at(path);
    assert_int_equal(backup_make(db, bdir, 14, copy, sizeof copy, err, sizeof err), DB_OK);
    long long reports = fx_sql_ll(db_handle(db), "SELECT count(*) FROM progress");
    assert_int_equal(task_add_progress(db, 102, "2022-06-19", 1, 0, "after the backup", NULL), DB_OK);
    db_close(db);
    /* someone has it open (another process, idle): refused, nothing changed */
    int pipefd[2];
    assert_int_equal(pipe(pipefd), 0);
    pid_t pid = fork();
    if (pid == 0) {
        ntm_db *other;
        if (db_open(&other, path, 0, 1000, err, sizeof err)) _exit(2);
        if (write(pipefd[1], "x", 1) != 1) _exit(3);
        pause();
        _exit(0);
    }
    char c;
    assert_int_equal(read(pipefd[0], &c, 1), 1);
    assert_int_equal(backup_restore(path, copy, 1000, aside, sizeof aside, err, sizeof err), DB_BUSY);
    assert_non_null(strstr(err, "đang mở"));
    assert_non_null(strstr(err, "chưa có gì bị thay đổi"));
    stop(pid);
    close(pipefd[0]); close(pipefd[1]);
    assert_int_equal(count_at(path, "SELECT count(*) FROM progress WHERE note = 'after the backup'"), 1);
    /* nobody: restored, the current file kept aside with the later report in it */
    assert_int_equal(backup_restore(path, copy, 1000, aside, sizeof aside, err, sizeof err), DB_OK);
    assert_int_equal(count_at(path, "SELECT count(*) FROM progress"), reports);
    assert_int_equal(count_at(aside, "SELECT count(*) FROM progress WHERE note = 'after the backup'"), 1);
    assert_int_equal(backup_restore(path, path, 1000, aside, sizeof aside, err, sizeof err), DB_INVALID);
}

typedef struct { char text[8192]; int problems; } lines;
static void collect(void *ctx, int problem, const char *text)
{
    lines *l = ctx;
    size_t n = strlen(l->text);
    snprintf(l->text + n, sizeof l->text - n, "%s\n", text);
    l->problems += problem;
}

static void test_check(void **s)
{
    (void)s;
    ntm_db *db = open_at(path);
    lines l = { "", 0 };
    assert_int_equal(db_check(db, collect, &l), 0);
    assert_non_null(strstr(l.text, "integrity_check: ok"));
    assert_non_null(strstr(l.text, "foreign_key_check: ok"));
    assert_non_null(strstr(l.text, "task_tally: ok"));
    db_close(db);
    /* what a hand edit in sqlite3 can break */
    sqlite3 *h;
    assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, "UPDATE task SET done_qty = done_qty + 5 WHERE id = 102;"
                                     "UPDATE task_tally SET n = n + 1 WHERE (commune_id, hamlet_id, status) = (SELECT commune_id, hamlet_id, status FROM task_tally LIMIT 1);"
                                     "PRAGMA foreign_keys = OFF; INSERT INTO progress(task_id, report_date, qty) VALUES (999999, '2022-06-01', 1);",
                                     NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
    db = open_at(path);
    memset(&l, 0, sizeof l);
    int n = db_check(db, collect, &l);
    printf("%s", l.text);
    assert_true(n >= 3);
    assert_non_null(strstr(l.text, "foreign_key_check: bảng progress"));
    assert_non_null(strstr(l.text, "đầu việc số 102"));
    assert_non_null(strstr(l.text, "task_tally: "));
    assert_non_null(strstr(l.text, "ntm reindex"));
    db_close(db);
}

/* A full disk (here: the file may not grow, PRAGMA max_page_count) while reports are
 * typed in: each refused one says nothing saved was lost, and it is so. */
static void test_disk_full(void **s)
{
    (void)s;
    ntm_db *db = open_at(path);
    sqlite3 *h = db_handle(db);
    long long before = fx_sql_ll(h, "SELECT count(*) FROM progress");
    long long pages = fx_sql_ll(h, "PRAGMA page_count");
    char pragma[64], note[1800];
    snprintf(pragma, sizeof pragma, "PRAGMA max_page_count = %lld", pages + 2);
    assert_int_equal(db_exec(db, pragma), DB_OK);
    memset(note, 'x', sizeof note - 1);
    note[sizeof note - 1] = 0;
    int saved = 0, rc = DB_OK;
    for (int i = 0; i < 200 && rc == DB_OK; i++)
        if ((rc = task_add_progress(db, 102, "2022-06-19", 0.5, 0, note, NULL)) == DB_OK) saved++;
    assert_int_equal(rc, DB_ERR);
    assert_non_null(strstr(db_errmsg(db), "Đĩa đầy"));
    assert_non_null(strstr(db_errmsg(db), "dữ liệu đã lưu vẫn nguyên vẹn"));
    db_close(db);
    assert_int_equal(count_at(path, "SELECT count(*) FROM progress"), before + saved);
    db = open_at(path);
    lines l = { "", 0 };
    assert_int_equal(db_check(db, collect, &l), 0);                   /* done_qty still the sum */
    db_close(db);
}

/* Files others will use: the group's rights from the umask, never everyone's. */
static void test_modes(void **s)
{
    (void)s;
    mode_t old = umask(002);
    char p[160], made[512];
    struct stat st;
    snprintf(p, sizeof p, "%s/new.db", dir);
    ntm_db *db;
    assert_int_equal(db_open(&db, p, DB_OPEN_CREATE, 1000, err, sizeof err), DB_OK);
    assert_int_equal(db_begin(db), DB_OK);
    assert_int_equal(db_meta_set(db, "x", "y"), DB_OK);
    assert_int_equal(db_commit(db), DB_OK);
    assert_int_equal(stat(p, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0664);
    snprintf(p, sizeof p, "%s/new.db-wal", dir);
    assert_int_equal(stat(p, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0664);
    db_close(db);
    umask(000);                                    /* even so: not writable by everyone */
    db = open_at(path);
    assert_int_equal(backup_make(db, bdir, 14, made, sizeof made, err, sizeof err), DB_OK);
    db_close(db);
    assert_int_equal(stat(made, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0664);
    assert_int_equal(stat(bdir, &st), 0);
    assert_int_equal(st.st_mode & 0002, 0);
    umask(old);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_backup_while_writing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_write_refuses, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rotation, setup, teardown),
        cmocka_unit_test_setup_teardown(test_daily, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_damaged_at_open, setup, teardown),
        cmocka_unit_test_setup_teardown(test_restore, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check, setup, teardown),
        cmocka_unit_test_setup_teardown(test_disk_full, setup, teardown),
        cmocka_unit_test_setup_teardown(test_modes, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
