/* fuzz_qty: model/field.h field_qty, the quantity check of the forms, the task editor
 * and the import ("2", "1,4", "1.4 km"), with and without a unit wanted, on the demo
 * database (opened once: field_qty only sets its message there). Properties: a quantity
 * taken is finite, not negative (not even -0, which prints as "-0"), at most 1e9, and
 * reads back the same from the form ntm prints it in; the unit split off is what follows
 * the number, never more digits of it, valid UTF-8 without control characters, and
 * taken only whole; without a unit wanted, the same number is taken exactly when the
 * unit was empty. (The TUI's own
 * parsers in tui/form.c and tui/entry_weekly.c are static in curses files: not here.) */
#include "tests/fuzz/fuzz_common.h"
#include "model/field.h"
#include <math.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    fz_demo();
    return 0;
}

/* Taken: in range, and what ntm prints of it ("%.15g": export, import plan, history)
 * reads back to the same printed value. */
static void fzq_check_value(const char *in, double v)
{
    FZ_CHECK(isfinite(v) && v >= 0 && !signbit(v) && v <= 1e9, "\"%s\" -> %g", in, v);
    char printed[64], again_printed[64], unit[16];
    double again = -1;
    snprintf(printed, sizeof printed, "%.15g", v);
    int rc = field_qty(fz_demo(), "qty", "q", printed, &again, unit, sizeof unit);
    snprintf(again_printed, sizeof again_printed, "%.15g", again);
    FZ_CHECK(rc == DB_OK && !strcmp(again_printed, printed) && !unit[0], "\"%s\" -> %.17g, printed \"%s\" reads back %d %s",
             in, v, printed, rc, again_printed);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ntm_db *db = fz_demo();
    char *in = fz_str(data, size);
    char unit[64] = "";
    double v = -1, w = -1;
    int rc = field_qty(db, "qty", "Khối lượng", in, &v, unit, sizeof unit);
    FZ_CHECK(rc == DB_OK || rc == DB_INVALID, "\"%s\": code %d", in, rc);
    if (rc == DB_OK) {
        fzq_check_value(in, v);
        FZ_CHECK(strlen(unit) < sizeof unit, "unit not cut");
        FZ_CHECK(!strchr("0123456789.,+-", unit[0]) || !unit[0], "\"%s\" -> %g and unit \"%s\"", in, v, unit);
        FZ_CHECK(fz_clean_text(unit) && !strpbrk(unit, "\t\n"), "\"%s\": unit \"%s\"", in, unit);
        FZ_CHECK(!unit[0] || unit[strlen(unit) - 1] != ' ', "\"%s\": unit \"%s\" ends in a space", in, unit);
    } else {
        FZ_CHECK(fz_clean_text(db_errmsg(db)), "message \"%s\"", db_errmsg(db));
    }
    /* Without a unit wanted: the same number, and a unit is refused. */
    int rc2 = field_qty(db, "qty", "Khối lượng", in, &w, NULL, 0);
    FZ_CHECK(rc2 == DB_OK ? rc == DB_OK && w == v && !unit[0] : rc != DB_OK || unit[0],
             "\"%s\": with unit %d %g \"%s\", without %d %g", in, rc, v, unit, rc2, w);
    free(in);
    return 0;
}
