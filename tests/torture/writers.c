/* torture_writers DB SECONDS WRITERS [BACKUP_DIR]: several officers at once, through the
 * model API as the interface uses it. WRITERS processes, each its own connection, for
 * SECONDS: progress reports on a few shared tasks (two people reporting on the same task
 * must both land) and edits of a task's counter read earlier (an edit made on a version
 * someone else changed meanwhile must be refused with DB_CONFLICT, never overwrite).
 * Meanwhile the parent makes an online backup every few seconds. Then it checks:
 *   lock errors (DB_BUSY, or "locked" in any message)     must be 0
 *   acknowledged reports missing                           must be 0
 *   done_qty different from the acknowledged sum           must be 0
 *   counter different from its acknowledged increments     must be 0 (no lost update)
 *   conflicts refused, each with its message               counted
 *   ntm check (integrity, foreign keys, tallies), backups  must be clean
 * and prints the figures. Exit 0 when every "must" holds. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "model/backup.h"
#include "model/check.h"
#include "model/db.h"
#include "model/task.h"
#include "model/task_edit.h"

enum { TASKS = 8, MAXW = 32 };

typedef struct {
    long reports, report_qty[TASKS], bumps[TASKS];
    long conflicts, conflicts_said, busy, locked_text, other;
    char other_msg[256];
} tally;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int64_t one(ntm_db *db, const char *sql)
{
    sqlite3_stmt *st;
    int64_t v = -1;
    if (sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    return v;
}

/* The shared tasks: no target (reports never close them), description "0". */
static int make_tasks(ntm_db *db, int64_t ids[TASKS])
{
    int64_t commune = one(db, "SELECT commune_id FROM task GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
    static char sql[160];
    snprintf(sql, sizeof sql, "SELECT id FROM org WHERE unit_id = %lld ORDER BY id LIMIT 1", (long long)commune);
    int64_t org = one(db, sql);
    for (int k = 0; k < TASKS; k++) {
        char title[64];
        snprintf(title, sizeof title, "Thử tải đồng thời %d", k);
        task_fields f = { .commune_id = commune, .owner_org_id = org, .title = title, .description = "0" };
        if (task_create(db, &f, &ids[k])) { fprintf(stderr, "task_create: %s\n", db_errmsg(db)); return -1; }
    }
    return 0;
}

static void note_error(ntm_db *db, int rc, tally *t)
{
    if (strstr(db_errmsg(db), "locked")) t->locked_text++;
    if (rc == DB_BUSY) t->busy++;
    else if (rc != DB_CONFLICT) {
        if (!t->other++) snprintf(t->other_msg, sizeof t->other_msg, "%s", db_errmsg(db));
    }
}

/* Read the task, think a moment (a person at a form), write the counter + 1 with the
 * version read. */
static void bump(ntm_db *db, int64_t id, int k, tally *t, FILE *log)
{
    static task_rec r;
    int rc = task_read(db, id, &r);
    if (rc) { note_error(db, rc, t); return; }
    usleep((useconds_t)(rand() % 3000));
    char desc[32];
    snprintf(desc, sizeof desc, "%ld", atol(r.description) + 1);
    task_fields f = { .commune_id = r.commune_id, .hamlet_id = r.hamlet_id, .owner_org_id = r.owner_org_id,
                      .owner_person_id = r.owner_person_id, .owner_unit_id = r.owner_unit_id,
                      .title = r.title, .description = desc, .target = r.target_text, .qty_unit = r.qty_unit,
                      .start_date = r.start_date, .deadline = r.deadline };
    rc = task_update(db, id, r.version, &f);
    if (rc == DB_OK) { t->bumps[k]++; fprintf(log, "B %d %lld\n", k, (long long)r.version); return; }
    if (rc == DB_CONFLICT) {
        t->conflicts++;
        if (strstr(db_errmsg(db), "đã sửa")) t->conflicts_said++;    /* the user is told who and when */
    }
    note_error(db, rc, t);
}

static void writer(const char *path, int w, double until, const int64_t ids[TASKS], const char *dir)
{
    char name[1200];
    tally t = { 0 };
    ntm_db *db;
    char err[1024];
    srand((unsigned)(getpid() * 7919 + w));
    if (db_open(&db, path, 0, 5000, err, sizeof err)) { fprintf(stderr, "writer %d: %s\n", w, err); _exit(2); }
    snprintf(name, sizeof name, "%s/writer-%d.log", dir, w);
    FILE *log = fopen(name, "w");
    if (!log) _exit(2);
    for (long n = 0; now_s() < until; n++) {
        int k = rand() % TASKS;
        if (rand() % 10 < 6) {
            char note[48];
            int qty = 1 + rand() % 3;
            snprintf(note, sizeof note, "w%d#%ld", w, n);
            int rc = task_add_progress(db, ids[k], "2022-06-20", qty, 0, note, NULL);
            if (rc == DB_OK) { t.reports++; t.report_qty[k] += qty; fprintf(log, "P %s\n", note); }
            else note_error(db, rc, &t);
        } else {
            bump(db, ids[k], k, &t, log);
        }
        usleep((useconds_t)(rand() % 2000));
    }
    fclose(log);
    db_close(db);
    snprintf(name, sizeof name, "%s/writer-%d.tally", dir, w);
    FILE *f = fopen(name, "wb");
    if (!f || fwrite(&t, sizeof t, 1, f) != 1) _exit(2);
    fclose(f);
    _exit(0);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Acknowledged reports that are not in the database. */
static long missing_reports(ntm_db *db, const char *dir, int writers)
{
    size_t n = 0, cap = 1024;
    char **have = malloc(cap * sizeof *have);
    sqlite3_stmt *st;
    sqlite3_prepare_v2(db_handle(db), "SELECT note FROM progress WHERE note GLOB 'w*#*'", -1, &st, NULL);
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (n == cap) have = realloc(have, (cap *= 2) * sizeof *have);
        have[n++] = strdup((const char *)sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
    qsort(have, n, sizeof *have, cmp_str);
    long missing = 0;
    for (int w = 0; w < writers; w++) {
        char name[1200], line[128];
        snprintf(name, sizeof name, "%s/writer-%d.log", dir, w);
        FILE *f = fopen(name, "r");
        while (f && fgets(line, sizeof line, f)) {
            if (line[0] != 'P') continue;
            line[strcspn(line, "\n")] = 0;
            char *key = line + 2;
            if (!bsearch(&key, have, n, sizeof *have, cmp_str)) missing++;
        }
        if (f) fclose(f);
    }
    for (size_t i = 0; i < n; i++) free(have[i]);
    free(have);
    return missing;
}

static void count_line(void *ctx, int problem, const char *text)
{
    if (problem) { ++*(int *)ctx; printf("  check: %s\n", text); }
}

int main(int argc, char **argv)
{
    if (argc < 4) { fprintf(stderr, "usage: %s DB SECONDS WRITERS [WORKDIR]\n", argv[0]); return 2; }
    const char *path = argv[1], *dir = argc > 4 ? argv[4] : ".";
    double seconds = atof(argv[2]);
    int writers = atoi(argv[3]);
    if (writers < 1 || writers > MAXW) return 2;
    char err[2048], bdir[1200];
    snprintf(bdir, sizeof bdir, "%s/backups", dir);
    ntm_db *db;
    int64_t ids[TASKS];
    if (db_open(&db, path, 0, 5000, err, sizeof err)) { fprintf(stderr, "%s\n", err); return 1; }
    if (make_tasks(db, ids)) return 1;
    long before = (long)one(db, "SELECT count(*) FROM progress");
    double start = now_s(), until = start + seconds;
    pid_t pids[MAXW];
    for (int w = 0; w < writers; w++)
        if ((pids[w] = fork()) == 0) { db_close(db); writer(path, w, until, ids, dir); }
    int backups = 0, bad_backups = 0;
    double backup_ms = 0;
    while (now_s() < until - 1) {             /* an online backup now and then, writers going */
        sleep(seconds > 30 ? 10 : 1);
        char made[1300];
        int schema;
        double t0 = now_s();
        if (backup_make(db, bdir, 1000, made, sizeof made, err, sizeof err)) { bad_backups++; fprintf(stderr, "backup: %s\n", err); continue; }
        backup_ms += (now_s() - t0) * 1000;
        backups++;
        if (backup_check_file(made, &schema, err, sizeof err)) { bad_backups++; fprintf(stderr, "%s\n", err); }
    }
    int failed_procs = 0;
    for (int w = 0; w < writers; w++) {
        int st;
        waitpid(pids[w], &st, 0);
        failed_procs += !WIFEXITED(st) || WEXITSTATUS(st) != 0;
    }
    double took = now_s() - start;
    tally sum = { 0 };
    for (int w = 0; w < writers; w++) {
        char name[1200];
        tally t;
        snprintf(name, sizeof name, "%s/writer-%d.tally", dir, w);
        FILE *f = fopen(name, "rb");
        if (!f || fread(&t, sizeof t, 1, f) != 1) { failed_procs++; if (f) fclose(f); continue; }
        fclose(f);
        sum.reports += t.reports; sum.conflicts += t.conflicts; sum.conflicts_said += t.conflicts_said;
        sum.busy += t.busy; sum.locked_text += t.locked_text; sum.other += t.other;
        if (t.other && !sum.other_msg[0]) snprintf(sum.other_msg, sizeof sum.other_msg, "%s", t.other_msg);
        for (int k = 0; k < TASKS; k++) { sum.report_qty[k] += t.report_qty[k]; sum.bumps[k] += t.bumps[k]; }
    }
    /* what the database holds, against what was acknowledged */
    long qty_wrong = 0, lost_updates = 0, bumps = 0;
    for (int k = 0; k < TASKS; k++) {
        task_rec r;
        static char sql[200];
        snprintf(sql, sizeof sql, "SELECT total(qty) FROM progress WHERE task_id = %lld AND note GLOB 'w*#*'", (long long)ids[k]);
        if (task_read(db, ids[k], &r)) { qty_wrong++; continue; }
        qty_wrong += (long)r.done != sum.report_qty[k] || one(db, sql) != sum.report_qty[k];
        lost_updates += labs(atol(r.description) - sum.bumps[k]);
        bumps += sum.bumps[k];
    }
    long missing = missing_reports(db, dir, writers);
    long in_db = (long)one(db, "SELECT count(*) FROM progress") - before;
    int problems = 0;
    if (db_check(db, count_line, &problems) < 0) problems++;
    db_close(db);
    printf("writers %d, %.0f s: %ld progress reports (%.0f/s), %ld edits of a task read earlier, %ld of them refused as conflicts\n",
           writers, took, sum.reports, sum.reports / took, bumps + sum.conflicts, sum.conflicts);
    printf("lock errors shown: %ld (\"locked\" in a message: %ld); other errors: %ld%s%s\n", sum.busy, sum.locked_text,
           sum.other, sum.other ? ", first: " : "", sum.other_msg);
    printf("acknowledged reports missing: %ld (in the file: %ld, acknowledged: %ld); done_qty wrong: %ld of %d tasks\n",
           missing, in_db, sum.reports, qty_wrong, TASKS);
    printf("lost updates: %ld; conflicts shown with their message: %ld of %ld\n", lost_updates, sum.conflicts_said, sum.conflicts);
    printf("online backups while writing: %d (%.0f ms each), bad: %d; ntm check problems: %d; writer processes failed: %d\n",
           backups, backups ? backup_ms / backups : 0, bad_backups, problems, failed_procs);
    int ok = !sum.busy && !sum.locked_text && !sum.other && !missing && !qty_wrong && !lost_updates
             && sum.conflicts_said == sum.conflicts && !bad_backups && !problems && !failed_procs && in_db == sum.reports;
    printf("%s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
