/* fuzz_tour: model/tour.h tour_parse_result_line, one typed line of the filled route
 * sheet ("3.5 x hàng rào chưa cắt tỉa"), on the demo's Sơn Kim 2 tour (it only reads the
 * database). The input is cut at its first newline, as tour_results_from_text and the
 * screen pass it. Properties: a line taken names a check of this tour whose stop and
 * check numbers are the code typed, a known mark, a note that fits and is cut on a
 * character; a line refused says why in text fit for the screen (valid UTF-8 without
 * control characters whenever the line was). */
#include "tests/fuzz/fuzz_common.h"
#include "model/tour.h"

static int64_t fzt_tour;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    if (tour_find(fz_demo(), "son kim 2", &fzt_tour) != DB_OK) { fprintf(stderr, "no demo tour\n"); abort(); }
    return 0;
}

/* The stop and check numbers of check id, from the database. */
static void fzt_code_of(int64_t id, long *stop, long *check)
{
    static const char *sql = "SELECT s.seq, k.seq, s.tour_id FROM tour_check k JOIN tour_stop s ON s.id = k.stop_id "
                             "WHERE k.id = ?1";
    sqlite3_stmt *st = db_stmt(fz_demo(), sql);
    *stop = *check = -1;
    if (!st) return;
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 2) == fzt_tour) {
        *stop = (long)sqlite3_column_int64(st, 0);
        *check = (long)sqlite3_column_int64(st, 1);
    }
    sqlite3_reset(st);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!fzt_tour) LLVMFuzzerInitialize(NULL, NULL);
    ntm_db *db = fz_demo();
    char *line = fz_str(data, size);
    line[strcspn(line, "\n")] = 0;
    int64_t id = -7;
    char result = 'Z', note[600];
    memset(note, 'Z', sizeof note);
    int rc = tour_parse_result_line(db, fzt_tour, line, &id, &result, note, sizeof note);
    FZ_CHECK(rc == DB_OK || rc == DB_INVALID || rc == DB_NOTFOUND, "\"%s\": code %d", line, rc);
    if (rc == DB_OK) {
        long stop, check, typed_stop, typed_check;
        char *end;
        fzt_code_of(id, &stop, &check);
        typed_stop = strtol(line, &end, 10);
        typed_check = strtol(end + 1, NULL, 10);
        FZ_CHECK(stop == typed_stop && check == typed_check, "\"%s\" -> check %lld, code %ld.%ld", line, (long long)id,
                 stop, check);
        FZ_CHECK(result == 'p' || result == 'f' || result == 'n' || result == 0, "\"%s\": result %d", line, result);
        FZ_CHECK(memchr(note, 0, sizeof note), "\"%s\": note not terminated", line);
        FZ_CHECK(!text_valid_utf8(line) || text_valid_utf8(note), "\"%s\": note \"%s\" not UTF-8", line, note);
        FZ_CHECK(note[0] != ' ' && note[0] != '\t', "\"%s\": note \"%s\" starts with a space", line, note);
    } else {
        const char *m = db_errmsg(db);
        FZ_CHECK(m && *m, "\"%s\": refused without a message", line);
        FZ_CHECK(!fz_clean_text(line) || fz_clean_text(m), "\"%s\": message \"%s\"", line, m);
    }
    free(line);
    return 0;
}
