/* typeback: a filled-in task sheet typed back, one line a task, as the hamlet wrote it in
 * the sheet's "Kỳ này" column (reports/task_sheet.c prints the code first on each row):
 *
 *   V12 150 đã trồng xong đoạn đầu    this period's quantity, then a note
 *   V7 =27                            "=" before the number: the new total
 *   V3 1,5 km                         the task's own unit may follow the number
 *   V5 xong nghiệm thu ngày 20/6      the "Xong" box ticked: the task is done
 *
 * The code is V and the number (or the number alone), the quantity as the progress form
 * takes it (1,5 or 1.5; never negative). Every line is checked first (tb_check): an
 * unknown code, a task of another hamlet, a cancelled task, a code twice, a bad or
 * negative quantity or a unit that is not the task's: each error with its line. Only
 * when every line is good are they saved, together, in one transaction (tb_save).
 * Blank lines and lines starting with # are skipped. */
#ifndef NTM_TYPEBACK_H
#define NTM_TYPEBACK_H
#include "model/db.h"
#include "model/task.h"

/* "[=]number" at the start of in (spaces before and after "=" allowed): "150", "1,5",
 * "1.5", "=27". The number ends at a space or the end of in; *end (when not NULL) is
 * set after it. Returns 0, or -1 with a message in err (not a number, negative, too
 * large, nothing after "="). */
int task_qty_parse(const char *in, double *qty, int *as_total, const char **end, char *err, size_t n);
/* 1 when text (after spaces) starts with the unit as a whole word, accents and case
 * ignored ("he thong" for "hệ thống"); *after is set past it. */
int task_unit_prefix(const char *text, const char *unit, const char **after);

typedef struct tb_line {
    int lineno;                /* 1-based line of the text */
    int64_t task_id, code;
    double qty;
    int as_total;              /* qty is the new total */
    int done;                  /* "xong": mark the task done (no quantity) */
    char note[1200];           /* NFC */
    char title[160];           /* the task as understood, for the screen's echo (cut) */
    char unit[TASK_UNIT_SIZE];
    char err[400];             /* "" when the line is good */
} tb_line;

typedef struct tb_result {
    tb_line *v;                /* one per line that is not blank or a comment */
    int n, bad;                /* lines, lines with an error */
} tb_result;

/* Check every line of text against the tasks of a hamlet (hamlet_id > 0) or of the whole
 * commune (hamlet_id 0); codes are the commune's. Fills out (tb_free it). Returns
 * DB_OK (out->bad may be > 0) or an error (out of memory, the database). */
int  tb_check(ntm_db *db, int64_t commune_id, int64_t hamlet_id, const char *text, tb_result *out);
void tb_free(tb_result *r);
/* One line's meaning in words: "V12 Trồng hàng rào xanh: +150 m", "V7 ...: tổng mới 27 hệ
 * thống", "V5 ...: xong". */
void tb_describe(const tb_line *l, char *out, size_t n);
/* Save a checked result that has no bad line, all in one transaction: a progress report
 * per quantity line (dated date_iso, reporter as given), "xong" marks the task done (and
 * keeps its note as a report of 0). *saved gets the lines saved. Nothing is saved when
 * any line fails. */
int  tb_save(ntm_db *db, const tb_result *r, const char *date_iso, const char *reporter, int *saved);
#endif
