/* fuzz_import: a CSV file through reports/table_read.h into model/import.h with
 * --dry-run semantics, on the demo database (one per process, on tmpfs). The first byte
 * picks the kind and the --commune: h/o/t hamlets/households/tasks without --commune,
 * H/O/T with An Hòa Thịnh; any other byte by its value. The rest is the file.
 * Properties: the run ends DB_OK or DB_INVALID (refused: with errors), every message is
 * valid UTF-8 without control characters but tab and newline, the totals are not
 * negative and add up to no more rows than were fed, and a dry run leaves the database
 * as it was: no transaction open, the same number of units, households, tasks and
 * audit rows. */
#include "tests/fuzz/fuzz_common.h"
#include "model/import.h"
#include "reports/table_read.h"

static fz_file fzi_file;
static char fzi_rows0[128];

/* "units/households/tasks/audit rows" now, into out. */
static void fzi_count(char *out, size_t n)
{
    static const char *sql = "SELECT (SELECT count(*) FROM unit) || '/' || (SELECT count(*) FROM household) || '/' || "
                             "(SELECT count(*) FROM task) || '/' || (SELECT count(*) FROM audit)";
    sqlite3_stmt *st = db_stmt(fz_demo(), sql);
    snprintf(out, n, "?");
    if (st && sqlite3_step(st) == SQLITE_ROW) snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
    if (st) sqlite3_reset(st);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    fz_file_open(&fzi_file, "import.csv");
    fz_demo();
    fzi_count(fzi_rows0, sizeof fzi_rows0);
    return 0;
}

typedef struct { import_job *j; int rows; } fzi_feed;

static int fzi_row(void *ctx, long line, int n, const char *const *cells)
{
    fzi_feed *f = ctx;
    f->rows++;
    FZ_CHECK(import_row(f->j, line, n, cells) == 0, "import_row refused line %ld", line);
    return 0;
}

static void fzi_check_messages(const import_job *j, int which)
{
    for (int i = 0; i < import_count(j, which); i++) {
        const char *m = import_message(j, which, i);
        FZ_CHECK(m && fz_clean_text(m), "message %d of kind %d: \"%s\"", i, which, m ? m : "(null)");
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (fzi_file.path[0] == 0) LLVMFuzzerInitialize(NULL, NULL);
    if (size < 1) return 0;
    static const char kinds[] = "hotHOT";
    const char *k = memchr(kinds, data[0], 6);
    int pick = k ? (int)(k - kinds) : data[0] % 6;
    import_kind kind = pick % 3 == 0 ? IMPORT_HAMLETS : pick % 3 == 1 ? IMPORT_HOUSEHOLDS : IMPORT_TASKS;
    ntm_db *db = fz_demo();
    fzi_feed f = { import_new(db, kind, pick >= 3 ? 30 : 0), 0 };
    FZ_CHECK(f.j, "import_new");
    char err[1024];
    fz_file_set(&fzi_file, data + 1, size - 1);
    int rc = table_read_csv(fzi_file.path, fzi_row, &f, err, sizeof err);
    if (rc == TABLE_OK) {
        rc = import_run(f.j, 1);
        FZ_CHECK(rc == DB_OK || rc == DB_INVALID, "import_run %d: %s", rc, db_errmsg(db));
        FZ_CHECK(rc == DB_OK || import_count(f.j, IMPORT_ERRORS) > 0, "refused without an error");
        int added, changed, same;
        import_totals(f.j, &added, &changed, &same);
        FZ_CHECK(added >= 0 && changed >= 0 && same >= 0 && added + changed + same <= f.rows,
                 "totals %d %d %d for %d rows", added, changed, same, f.rows);
        for (int w = IMPORT_ERRORS; w <= IMPORT_PLAN; w++) fzi_check_messages(f.j, w);
        char sum[256];
        import_summary(f.j, sum, sizeof sum);
        FZ_CHECK(fz_clean_text(sum), "summary \"%s\"", sum);
    }
    import_free(f.j);
    FZ_CHECK(sqlite3_get_autocommit(db_handle(db)), "a transaction left open");
    char now[128];
    fzi_count(now, sizeof now);
    FZ_CHECK(!strcmp(now, fzi_rows0), "dry run changed the database: %s -> %s", fzi_rows0, now);
    return 0;
}
