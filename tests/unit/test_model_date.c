/* Date parsing as officers type it, and day arithmetic. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "model/date.h"

static void ok(const char *in, const char *want)
{
    char out[11];
    assert_int_equal(date_parse(in, "2021-06-21", out), DATE_OK);
    assert_string_equal(out, want);
}

static void test_formats(void **s)
{
    (void)s;
    ok("30/06/2021", "2021-06-30");
    ok("1/7/21", "2021-07-01");
    ok("01-07-2021", "2021-07-01");
    ok("15.7.2021", "2021-07-15");
    ok("2021-05-30", "2021-05-30");
    ok(" 29/02/2024 ", "2024-02-29");
    ok("hôm nay", "2021-06-21");
    ok("Hom nay", "2021-06-21");
    ok("today", "2021-06-21");
    ok("+10", "2021-07-01");
    ok("-21", "2021-05-31");
}

static void test_refused(void **s)
{
    (void)s;
    char out[11];
    assert_int_equal(date_parse("31/02/2022", "2021-06-21", out), DATE_NO_SUCH_DAY);
    assert_int_equal(date_parse("29/02/2023", "2021-06-21", out), DATE_NO_SUCH_DAY);
    assert_int_equal(date_parse("31/04/2022", "2021-06-21", out), DATE_NO_SUCH_DAY);
    assert_int_equal(date_parse("0/1/2022", "2021-06-21", out), DATE_NO_SUCH_DAY);
    assert_int_equal(date_parse("1/13/2022", "2021-06-21", out), DATE_NO_SUCH_DAY);
    assert_int_equal(date_parse("abc", "2021-06-21", out), DATE_BAD_FORMAT);
    assert_int_equal(date_parse("1/2", "2021-06-21", out), DATE_BAD_FORMAT);
    assert_int_equal(date_parse("1/2/3/4", "2021-06-21", out), DATE_BAD_FORMAT);
    assert_int_equal(date_parse("1/2-2022", "2021-06-21", out), DATE_BAD_FORMAT);
    assert_int_equal(date_parse("", "2021-06-21", out), DATE_EMPTY);
    assert_int_equal(date_parse("1/1/1800", "2021-06-21", out), DATE_OUT_OF_RANGE);
    assert_true(strlen(date_error(DATE_NO_SUCH_DAY)) > 0);
}

static void test_arith(void **s)
{
    (void)s;
    char out[11];
    assert_int_equal(date_days("1970-01-01"), 0);
    assert_int_equal(date_days("2021-06-30") - date_days("2021-06-21"), 9);
    date_add("2021-12-31", 1, out);
    assert_string_equal(out, "2022-01-01");
    date_add("2024-03-01", -1, out);
    assert_string_equal(out, "2024-02-29");
    date_show("2021-06-03", out);
    assert_string_equal(out, "03/06/2021");
    assert_int_equal(date_weekday("2022-06-20"), 1);   /* a Monday */
    assert_int_equal(date_weekday("2021-06-25"), 5);   /* a Friday */
    assert_false(date_valid_iso("2021-6-3"));
    assert_false(date_valid_iso("2021-02-29"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_formats), cmocka_unit_test(test_refused), cmocka_unit_test(test_arith),
    };
    return cmocka_run_group_tests_name("model_date", tests, NULL, NULL);
}
