/* status_kinds on the demo database: the ten statuses of model/sql/001_init.sql, five per
 * level, by rank, labelled in the UI language; each code is one unit_set_status takes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "model/db.h"
#include "model/demo.h"
#include "model/entity.h"
#include "model/i18n.h"
#include "model/status_kind.h"
#include "model/unit.h"
#include "tests/unit/fixture.h"

static char dir[64], path[128], err[1024];
static ntm_db *db;

static int setup(void **s)
{
    (void)s;
    if (fx_demo(dir, sizeof dir, "status", path, sizeof path, "d.db", err, sizeof err)) return -1;
    return db_open(&db, path, 0, 2000, err, sizeof err);
}

static int teardown(void **s)
{
    (void)s;
    db_close(db);
    return fx_rmdir(dir);
}

static void test_levels(void **s)
{
    (void)s;
    status_kind_row *k;
    int n;
    assert_int_equal(status_kinds(db, "commune", &k, &n), DB_OK);
    assert_int_equal(n, 5);
    assert_string_equal(k[0].code, "commune_not_met");
    assert_string_equal(k[0].label, "Chưa đạt chuẩn NTM");
    assert_string_equal(k[1].code, "commune_met");
    assert_string_equal(k[4].code, "commune_model");
    assert_string_equal(k[4].label, "Đạt chuẩn NTM kiểu mẫu");
    for (int i = 0; i < n; i++) {
        assert_string_equal(k[i].level, "commune");
        if (i) assert_true(k[i].rank > k[i - 1].rank);
    }
    free(k);

    assert_int_equal(status_kinds(db, "hamlet", &k, &n), DB_OK);
    assert_int_equal(n, 5);
    assert_string_equal(k[0].code, "hamlet_none");
    assert_string_equal(k[3].code, "hamlet_ntm_met");
    assert_string_equal(k[3].label, "Thôn đạt chuẩn NTM");
    assert_string_equal(k[4].code, "hamlet_model_met");
    for (int i = 0; i < n; i++) {
        assert_string_equal(k[i].level, "hamlet");
        if (i) assert_true(k[i].rank > k[i - 1].rank);
    }
    free(k);

    assert_int_equal(status_kinds(db, NULL, &k, &n), DB_OK);     /* both: the communes' first */
    assert_int_equal(n, 10);
    assert_string_equal(k[0].level, "commune");
    assert_string_equal(k[4].level, "commune");
    assert_string_equal(k[5].code, "hamlet_none");
    free(k);

    k = (status_kind_row *)1;
    assert_int_equal(status_kinds(db, "province", &k, &n), DB_INVALID);
    assert_null(k);
    assert_int_equal(n, 0);
    assert_non_null(strstr(db_errmsg(db), "province"));
}

static void test_english(void **s)
{
    (void)s;
    status_kind_row *k;
    int n;
    ntm_lang_en = 1;
    int rc = status_kinds(db, "hamlet", &k, &n);
    ntm_lang_en = 0;
    assert_int_equal(rc, DB_OK);
    assert_int_equal(n, 5);
    assert_string_equal(k[0].label, "Not graded");
    assert_string_equal(k[3].label, "Hamlet met NTM standard");
    free(k);
}

/* What the form offers is what the model stores: the status shows as the unit's label. */
static void test_codes_are_accepted(void **s)
{
    (void)s;
    unit_list communes = { 0 }, hamlets = { 0 }, provinces = { 0 };
    assert_int_equal(unit_children(db, 0, &provinces), DB_OK);
    assert_true(provinces.n > 0);
    assert_int_equal(unit_children(db, provinces.v[0].id, &communes), DB_OK);
    assert_true(communes.n > 0);
    assert_int_equal(unit_children(db, communes.v[0].id, &hamlets), DB_OK);
    assert_true(hamlets.n > 0);
    const struct { const char *level; int64_t unit; } cases[] = {
        { "commune", communes.v[0].id }, { "hamlet", hamlets.v[0].id },
    };
    for (int c = 0; c < 2; c++) {
        status_kind_row *k;
        int n;
        assert_int_equal(status_kinds(db, cases[c].level, &k, &n), DB_OK);
        for (int i = 0; i < n; i++) {
            int64_t id = 0;
            unit_row u;
            assert_int_equal(unit_set_status(db, cases[c].unit, k[i].code, "2025", "", "", "", &id), DB_OK);
            assert_true(id > 0);
            assert_int_equal(unit_get(db, cases[c].unit, &u), DB_OK);
            assert_string_equal(u.status, k[i].label);
        }
        /* a code of the other level is refused */
        status_kind_row *other;
        int m;
        assert_int_equal(status_kinds(db, c ? "commune" : "hamlet", &other, &m), DB_OK);
        int64_t id = 0;
        assert_int_equal(unit_set_status(db, cases[c].unit, other[0].code, "2025", "", "", "", &id), DB_INVALID);
        free(other);
        free(k);
    }
    unit_list_free(&provinces);
    unit_list_free(&communes);
    unit_list_free(&hamlets);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_levels), cmocka_unit_test(test_english), cmocka_unit_test(test_codes_are_accepted),
    };
    return cmocka_run_group_tests_name("model_status", tests, setup, teardown);
}
