/* fuzz_csv: reports/table_read.h table_read_csv on any bytes as a .csv file (a memfd).
 * Properties of every row passed on: at least one cell, at most TABLE_MAX_COLS, none
 * NULL or longer than TABLE_MAX_CELL, not all blank, valid UTF-8 (the file was checked
 * whole), lines counted from 1 and increasing; a callback that asks to stop stops the
 * reading; a file refused has a message fit for the terminal. */
#include "tests/fuzz/fuzz_common.h"
#include "tests/fuzz/fuzz_table.h"

static fz_file fzv_file;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    fz_file_open(&fzv_file, "import.csv");
    return 0;
}

static int fzv_row(void *ctx, long line, int n, const char *const *cells)
{
    return fz_table_row(ctx, line, n, cells, 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (fzv_file.path[0] == 0) LLVMFuzzerInitialize(NULL, NULL);
    char err[1024];
    fz_seen s = { 0, 0, 0 };
    /* A file that ends in a NUL-free "!stop" asks the callback to stop after row 2. */
    if (size >= 5 && !memcmp(data + size - 5, "!stop", 5)) s.stop_at = 2;
    fz_file_set(&fzv_file, data, size);
    err[0] = 0;
    int rc = table_read_csv(fzv_file.path, fzv_row, &s, err, sizeof err);
    FZ_CHECK(rc == TABLE_OK || rc == TABLE_ERR || rc == TABLE_STOPPED, "code %d", rc);
    FZ_CHECK(rc != TABLE_STOPPED || (s.stop_at && s.rows == s.stop_at), "stopped after %d rows (asked %d)", s.rows, s.stop_at);
    FZ_CHECK(!s.stop_at || s.rows <= s.stop_at, "%d rows after asking to stop at %d", s.rows, s.stop_at);
    if (rc == TABLE_ERR) FZ_CHECK(err[0] && fz_clean_text(err), "message \"%s\"", err);
    return 0;
}
