/* Criteria sets: `ntm import criteria` fed rows of strings as the readers give them (a
 * set created from a preamble above the header, its criteria, indicators and targets per
 * commune group; the same file again changes nothing and writes nothing; an edited target
 * and a renamed criterion change those rows only; --dry-run writes nothing; a bad file is
 * refused whole with every bad line named; set columns on the rows, two sets in a file, a
 * criterion found from its indicator's code, an empty target cell removing a target), and
 * the labels: the demo's sets all read differently, in 60 columns, in both languages, and
 * two sets that would read the same get their codes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "model/criteria.h"
#include "model/db.h"
#include "model/i18n.h"
#include "model/import.h"
#include "tests/unit/fixture.h"

static char dir[64], path[128], err[1024];
static ntm_db *db;

#define sql_ll(...) fx_sql_ll(db_handle(db), __VA_ARGS__)

/* One row from "a|b|c". */
static void feed(import_job *j, long line, const char *row)
{
    char buf[4096], *cells[64];
    int n = 0;
    snprintf(buf, sizeof buf, "%s", row);
    for (char *p = buf;; ) {
        cells[n++] = p;
        char *bar = strchr(p, '|');
        if (!bar) break;
        *bar = 0;
        p = bar + 1;
    }
    assert_int_equal(import_row(j, line, n, (const char *const *)cells), 0);
}

static import_job *run_rows(const char *const *rows, int dry_run, int *rc)
{
    import_job *j = import_new(db, IMPORT_CRITERIA, 0);
    assert_non_null(j);
    for (int i = 0; rows[i]; i++) feed(j, i + 1, rows[i]);
    *rc = import_run(j, dry_run);
    return j;
}

static void expect(import_job *j, int added, int changed, int same)
{
    int a, c, s;
    import_totals(j, &a, &c, &s);
    if (a != added || c != changed || s != same) {
        for (int i = 0; i < import_count(j, IMPORT_ERRORS); i++) fprintf(stderr, "error: %s\n", import_message(j, IMPORT_ERRORS, i));
        for (int i = 0; i < import_count(j, IMPORT_PLAN); i++) fprintf(stderr, "plan: %s\n", import_message(j, IMPORT_PLAN, i));
        fprintf(stderr, "got %d added, %d changed, %d same\n", a, c, s);
    }
    assert_int_equal(a, added);
    assert_int_equal(c, changed);
    assert_int_equal(s, same);
}

static int says(const import_job *j, int which, const char *text)
{
    for (int i = 0; i < import_count(j, which); i++) if (strstr(import_message(j, which, i), text)) return 1;
    fprintf(stderr, "no message with: %s\n", text);
    for (int i = 0; i < import_count(j, which); i++) fprintf(stderr, "  %s\n", import_message(j, which, i));
    return 0;
}

/* A set typed from its decision: the set's fields above the header, merged cells left empty. */
static const char *const SET[] = {
    "BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI THỬ",
    "Bộ tiêu chí:|TH-2026-XA",
    "Ten bo tieu chi|Bộ tiêu chí xã nông thôn mới thử nghiệm",
    "Quyết định: 12/2026/QĐ-UBND",
    "Ngày ban hành|05/01/2026",
    "Cơ quan ban hành|UBND tỉnh Thanh Hóa",
    "Giai đoạn|2026 - 2030",
    "Cấp|Xã nông thôn mới",
    "Tổng số tiêu chí|3",
    "",
    "SO TT TIEU CHI|Tên tiêu chí|Mã chỉ tiêu|Tên chỉ tiêu|Đơn vị|Nhóm 1|Nhóm 2|Nhóm 3|Chỉ tiêu chung",
    "1|Quy hoạch|||||||",
    "||1.1|Có quy hoạch chung xã được phê duyệt|||||Đạt",
    "2|Hạ tầng kinh tế - xã hội|2.1|Tỷ lệ đường xã được cứng hóa|%|100|90|80|",
    "||2.2|Tỷ lệ trường học đạt chuẩn|%|80|70|60|",
    "3|Môi trường|||||||",
    NULL,
};

static int64_t set_id(const char *code) { return sql_ll("SELECT coalesce((SELECT id FROM criteria_set WHERE code = '%s'), 0)", code); }

static void test_import_again_change(void **state)
{
    (void)state;
    int rc;
    long long audit0 = sql_ll("SELECT count(*) FROM audit");
    import_job *j = run_rows(SET, 1, &rc);                     /* dry run: the plan, nothing written */
    assert_int_equal(rc, DB_OK);
    expect(j, 5, 0, 0);
    assert_true(says(j, IMPORT_PLAN, "thêm dòng 12: bộ tiêu chí TH-2026-XA (Bộ tiêu chí xã nông thôn mới thử nghiệm)"));
    assert_true(says(j, IMPORT_PLAN, "thêm dòng 14: chỉ tiêu 2.1 Tỷ lệ đường xã được cứng hóa"));
    import_free(j);
    assert_int_equal(set_id("TH-2026-XA"), 0);
    assert_int_equal(sql_ll("SELECT count(*) FROM audit"), audit0);

    j = run_rows(SET, 0, &rc);
    assert_int_equal(rc, DB_OK);
    expect(j, 5, 0, 0);
    import_free(j);
    int64_t s = set_id("TH-2026-XA");
    assert_true(s > 0);
    assert_int_equal(sql_ll("SELECT count(*) FROM criteria_set WHERE id = %lld AND level = 'commune' AND year_from = 2026 AND year_to = 2030 "
                            "AND scope = 'provincial' AND decision = '12/2026/QĐ-UBND' AND decision_date = '2026-01-05' "
                            "AND issuer = 'UBND tỉnh Thanh Hóa' AND criteria_count = 3 AND indicator_count IS NULL", (long long)s), 1);
    assert_int_equal(sql_ll("SELECT count(*) FROM criterion WHERE set_id = %lld", (long long)s), 3);
    assert_int_equal(sql_ll("SELECT count(*) FROM criterion WHERE set_id = %lld AND number = 2 AND name = 'Hạ tầng kinh tế - xã hội' "
                            "AND name_key = 'ha tang kinh te - xa hoi'", (long long)s), 1);
    assert_int_equal(sql_ll("SELECT count(*) FROM indicator i JOIN criterion c ON c.id = i.criterion_id WHERE c.set_id = %lld", (long long)s), 3);
    assert_int_equal(sql_ll("SELECT group_concat(commune_group || '=' || target, ',') = '1=100,2=90,3=80' FROM (SELECT t.commune_group, t.target "
                            "FROM indicator_target t JOIN indicator i ON i.id = t.indicator_id JOIN criterion c ON c.id = i.criterion_id "
                            "WHERE c.set_id = %lld AND i.code = '2.1' ORDER BY 1)", (long long)s), 1);
    assert_int_equal(sql_ll("SELECT count(*) FROM indicator_target t JOIN indicator i ON i.id = t.indicator_id JOIN criterion c ON c.id = i.criterion_id "
                            "WHERE c.set_id = %lld AND i.code = '1.1' AND t.commune_group IS NULL AND t.target = 'Đạt'", (long long)s), 1);

    /* the model reads it back: indicators in order with their targets per group */
    indicator_rec *d = NULL;
    int nd = 0;
    assert_int_equal(criteria_indicators(db, s, &d, &nd), DB_OK);
    assert_int_equal(nd, 3);
    assert_string_equal(d[1].code, "2.1");
    assert_string_equal(d[1].measure, "%");
    assert_string_equal(d[1].target[0], "100");
    assert_string_equal(d[1].target[2], "80");
    assert_string_equal(d[0].target_all, "Đạt");
    free(d);

    long long audit1 = sql_ll("SELECT count(*) FROM audit");
    j = run_rows(SET, 0, &rc);                                 /* the same file again */
    assert_int_equal(rc, DB_OK);
    expect(j, 0, 0, 5);
    assert_int_equal(import_count(j, IMPORT_PLAN), 0);
    import_free(j);
    assert_int_equal(sql_ll("SELECT count(*) FROM audit"), audit1);

    const char *edited[sizeof SET / sizeof SET[0]];
    memcpy(edited, SET, sizeof SET);
    edited[13] = "2|Hạ tầng kinh tế - xã hội|2.1|Tỷ lệ đường xã được cứng hóa|%|95|90|80|";
    edited[15] = "3|Môi trường và cảnh quan|||||||";
    j = run_rows(edited, 0, &rc);
    assert_int_equal(rc, DB_OK);
    expect(j, 0, 2, 3);
    assert_true(says(j, IMPORT_PLAN, "sửa dòng 14: chỉ tiêu 2.1: Nhóm 1: 100 → 95"));
    assert_true(says(j, IMPORT_PLAN, "sửa dòng 16: tiêu chí 3: Tên tiêu chí: Môi trường → Môi trường và cảnh quan"));
    import_free(j);
    assert_int_equal(sql_ll("SELECT count(*) FROM audit"), audit1 + 2);   /* one target, one criterion */
}

static void test_bad_file_refused_whole(void **state)
{
    (void)state;
    static const char *const rows[] = {
        "Bộ tiêu chí|Số TT tiêu chí|Tên tiêu chí|Mã chỉ tiêu|Tên chỉ tiêu|Nhóm 1|Giai đoạn|Cấp",
        "MOI-1|1|Quy hoạch||||2026-2030|xã",                /* 2: a new set without its name */
        "MOI-1|||1.1|Có quy hoạch|Đạt||",                    /* 3: fine (criterion 1 from its code) */
        "MOI-1|2||3.1|Chỉ tiêu lạc|||",                      /* 4: 3.1 is not of criterion 2 */
        "MOI-1|1|Quy hoạch khác|||||",                       /* 5: the criterion named twice, differently */
        "MOI-1|4|||Không có mã|||",                          /* 6: an indicator without a code */
        "MOI-1|5||5.1|Tiêu chí chưa có tên|||",              /* 7: a new criterion without a name */
        "MOI-1|6|Sáu|6.1|Sáu một||2027-2030|",               /* 8: the period differs from another line */
        "MOI-2|1|A||||2026|tỉnh",                            /* 9: not a level */
        "|1|B||||",                                          /* 10: no set */
        NULL,
    };
    long long audit0 = sql_ll("SELECT count(*) FROM audit"), sets0 = sql_ll("SELECT count(*) FROM criteria_set");
    int rc;
    import_job *j = run_rows(rows, 0, &rc);
    assert_int_equal(rc, DB_INVALID);
    assert_true(says(j, IMPORT_ERRORS, "dòng 2: bộ tiêu chí mới \"MOI-1\" cần 'Tên bộ tiêu chí'"));
    assert_true(says(j, IMPORT_ERRORS, "dòng 4, cột 'Mã chỉ tiêu': chỉ tiêu 3.1 không thuộc tiêu chí 2"));
    assert_true(says(j, IMPORT_ERRORS, "dòng 5, cột 'Tên tiêu chí': khác với dòng 2 (Quy hoạch)"));
    assert_true(says(j, IMPORT_ERRORS, "dòng 6: thiếu 'Mã chỉ tiêu'"));
    assert_true(says(j, IMPORT_ERRORS, "dòng 7: tiêu chí 5 chưa có trong bộ"));
    assert_true(says(j, IMPORT_ERRORS, "dòng 8, cột 'Giai đoạn': khác với dòng 2 (2026-2030)"));
    assert_true(says(j, IMPORT_ERRORS, "dòng 9, cột 'Cấp': tỉnh: cấp là xã, xã nâng cao"));
    assert_true(says(j, IMPORT_ERRORS, "dòng 10, cột 'Bộ tiêu chí': "));
    for (int i = 0; i < import_count(j, IMPORT_ERRORS); i++) assert_null(strstr(import_message(j, IMPORT_ERRORS, i), "dòng 3"));
    assert_int_equal(import_count(j, IMPORT_ERRORS), 8);
    import_free(j);
    assert_int_equal(sql_ll("SELECT count(*) FROM criteria_set"), sets0);
    assert_int_equal(sql_ll("SELECT count(*) FROM audit"), audit0);

    static const char *const pre[] = {                       /* a bad value above the header names its line */
        "Bộ tiêu chí|TH-2027-XA", "Tên bộ tiêu chí|Thử", "Giai đoạn|năm sau", "Cấp|xã",
        "Số TT tiêu chí|Tên tiêu chí", "1|Một", NULL,
    };
    j = run_rows(pre, 0, &rc);
    assert_int_equal(rc, DB_INVALID);
    assert_true(says(j, IMPORT_ERRORS, "dòng 3, cột 'Giai đoạn': năm sau: ghi năm đầu và năm cuối"));
    import_free(j);
    assert_int_equal(set_id("TH-2027-XA"), 0);
}

/* The set on every row, two sets in a file; the demo's 2026-2030 set gets indicators. */
static void test_columns_two_sets(void **state)
{
    (void)state;
    static const char *const rows[] = {
        "Bộ tiêu chí|Tên bộ tiêu chí|Quyết định|Giai đoạn|Cấp|TT|Tên tiêu chí|Mã chỉ tiêu|Tên chỉ tiêu|Xã nhóm 1|Xã nhóm 2|Xã nhóm 3|Mức đạt",
        "tw-2026-2030-xa||||||||||||",                                   /* an empty row of the set: nothing */
        "TW-2026-2030-XA|||||||2.1|Đường xã|Đạt|Đạt|Đạt|",               /* criterion 2 from "2.1" */
        "TW-2026-2030-XA|||||||2.2|Điện|Đạt||Đạt|",
        "Bộ tiêu chí thôn thử|Bộ tiêu chí thôn thử|7/2026/QĐ-UBND|2026|thôn|1|Giao thông|||||",
        "Bộ tiêu chí thôn thử|||||||1.1|Đường thôn||||Đạt",
        NULL,
    };
    int rc;
    import_job *j = run_rows(rows, 0, &rc);
    expect(j, 4, 0, 0);
    assert_int_equal(rc, DB_OK);
    import_free(j);
    assert_int_equal(sql_ll("SELECT count(*) FROM indicator WHERE criterion_id = 202"), 2);
    assert_int_equal(sql_ll("SELECT count(*) FROM indicator_target t JOIN indicator i ON i.id = t.indicator_id WHERE i.criterion_id = 202"), 5);
    int64_t hs = set_id("7-2026-QD-UBND-THON");                /* a new set named by its title: its code from the decision */
    assert_true(hs > 0);
    assert_int_equal(sql_ll("SELECT count(*) FROM criteria_set WHERE id = %lld AND level = 'hamlet' AND year_from = 2026 AND year_to = 2026 "
                            "AND name = 'Bộ tiêu chí thôn thử'", (long long)hs), 1);
    /* an emptied target cell removes that target; the name left empty keeps the name */
    static const char *const again[] = {
        "Bộ tiêu chí|Mã chỉ tiêu|Tên chỉ tiêu|Nhóm 1|Nhóm 2|Nhóm 3",
        "TW-2026-2030-XA|2.2||Đạt||",
        NULL,
    };
    j = run_rows(again, 0, &rc);
    assert_int_equal(rc, DB_OK);
    expect(j, 0, 1, 0);
    assert_true(says(j, IMPORT_PLAN, "sửa dòng 2: chỉ tiêu 2.2: Nhóm 3: Đạt → (trống)"));
    import_free(j);
    assert_int_equal(sql_ll("SELECT count(*) FROM indicator_target t JOIN indicator i ON i.id = t.indicator_id "
                            "WHERE i.criterion_id = 202 AND i.code = '2.2'"), 1);
    assert_int_equal(sql_ll("SELECT count(*) FROM indicator WHERE criterion_id = 202 AND code = '2.2' AND name = 'Điện'"), 1);
}

/* Columns a label takes on a terminal: code points (the text is NFC, no wide characters). */
static int columns(const char *s)
{
    int n = 0;
    for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static void check_labels(int en, int demo)
{
    ntm_lang_en = en;
    criteria_set_rec *v = NULL;
    int n = 0;
    assert_int_equal(criteria_sets(db, &v, &n), DB_OK);
    assert_true(n >= 4);
    for (int i = 0; i < n; i++) {
        if (demo && columns(v[i].label) > 60) fprintf(stderr, "too wide: %s\n", v[i].label);
        if (demo) assert_true(columns(v[i].label) <= 60);
        for (int k = 0; k < i; k++) assert_string_not_equal(v[i].label, v[k].label);
    }
    free(v);
    ntm_lang_en = 0;
}

static void test_labels(void **state)
{
    (void)state;
    check_labels(0, 1);
    check_labels(1, 1);
    criteria_set_rec r;
    assert_int_equal(criteria_set_get(db, 1, &r), DB_OK);
    assert_string_equal(r.label, "2021-2025 · QĐ 318/QĐ-TTg (19 tiêu chí)");
    assert_int_equal(criteria_set_get(db, 3, &r), DB_OK);
    assert_string_equal(r.label, "Hà Tĩnh 2017-2020 · QĐ 05/2017/QĐ-UBND (20 tiêu chí)");     /* declared, none entered */
    assert_int_equal(criteria_set_get(db, 4, &r), DB_OK);
    assert_string_equal(r.label, "Hà Tĩnh 2019-2020 nâng cao · QĐ 29/2019/QĐ-UBND (7 tiêu chí)");
    ntm_lang_en = 1;
    assert_int_equal(criteria_set_get(db, 2, &r), DB_OK);
    assert_string_equal(r.label, "2026-2030 · QĐ 51/2025/QĐ-TTg (10 criteria)");
    ntm_lang_en = 0;
    /* the commune form and the matrix read the same label */
    criteria_matrix m;
    assert_int_equal(criteria_matrix_load(db, 10, 0, &m), DB_OK);
    assert_string_equal(m.set_label, "2021-2025 · QĐ 318/QĐ-TTg (19 tiêu chí)");
    criteria_matrix_free(&m);
    /* two sets that would read the same are told apart by their codes */
    assert_int_equal(sqlite3_exec(db_handle(db), "INSERT INTO criteria_set(code, name, level, year_from, year_to, decision, criteria_count) "
                                  "VALUES ('TW-2021-2025-BAN-SAO', 'Bản sao', 'commune', 2021, 2025, '318/QĐ-TTg', 19)", NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(criteria_set_get(db, 1, &r), DB_OK);
    assert_string_equal(r.label, "TW-2021-2025-XA · 2021-2025 · QĐ 318/QĐ-TTg (19 tiêu chí)");
    check_labels(0, 0);
    assert_int_equal(sqlite3_exec(db_handle(db), "DELETE FROM criteria_set WHERE code = 'TW-2021-2025-BAN-SAO'", NULL, NULL, NULL), SQLITE_OK);
}

static int setup(void **s)
{
    (void)s;
    unsetenv("NTM_TODAY");
    if (fx_demo(dir, sizeof dir, "criteria", path, sizeof path, "d.db", err, sizeof err)) return -1;
    return db_open(&db, path, 0, 2000, err, sizeof err);
}

static int teardown(void **s)
{
    (void)s;
    db_close(db);
    return fx_rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_labels),
        cmocka_unit_test(test_import_again_change),
        cmocka_unit_test(test_bad_file_refused_whole),
        cmocka_unit_test(test_columns_two_sets),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
