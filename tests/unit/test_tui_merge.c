/* The forms' three-way merge (tui/widgets/form_merge.c, form.h "Conflicts") without a
 * terminal: base (what the form opened with), mine (typed), theirs (the row as it is
 * now). A field only they changed is taken by itself, one only this user changed stays,
 * one both changed is chosen (mine until switched), equal values need nothing; values
 * compare canonically (a date as typed, a text's outer spaces); the merge applied makes
 * the row as it is now the unchanged state, so a second conflict merges against it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "tui/widgets/form_internal.h"

enum { F_TITLE, F_DATE, F_STATUS, F_NOTE, F_N };
static const form_option STATUS[] = { { 'o', N_("Đang làm") }, { 'd', N_("Xong") } };
static const form_spec SPEC[F_N] = {
    { FORM_TEXT, NC_("Title", "Tên"), 1, 200, NULL, NULL, 0, 0, NULL, NULL, NULL, NULL },
    { FORM_DATE, N_("Hạn"), 0, 0, NULL, NULL, 0, 0, NULL, NULL, NULL, NULL },
    { FORM_ENUM, N_("Trạng thái"), 1, 0, NULL, STATUS, 2, 0, NULL, NULL, NULL, NULL },
    { FORM_TEXT, N_("Ghi chú"), 0, 500, NULL, NULL, 0, 0, NULL, NULL, NULL, NULL },
};

static form *filled(const char *title, const char *date, int status, const char *note)
{
    form *f = form_new("t", SPEC, F_N);
    assert_non_null(f);
    assert_int_equal(form_set_text(f, F_TITLE, title), 0);
    assert_int_equal(form_set_date(f, F_DATE, date), 0);
    assert_int_equal(form_set_choice(f, F_STATUS, status), 0);
    assert_int_equal(form_set_text(f, F_NOTE, note), 0);
    return f;
}

/* The form as opened (base), then typed over. */
static form *opened(void)
{
    form *f = filled("Hàng rào", "2021-06-03", 'o', "");
    form_snapshot(f);
    return f;
}

static const merge_row *row_of(form *f, int which)
{
    for (int r = 0; r < f->merge->n; r++)
        if (f->merge->rows[r].field == which) return &f->merge->rows[r];
    return NULL;
}

static void test_kind_rules(void **s)
{
    (void)s;
    assert_int_equal(form_merge_kind("a", "a", "a"), MERGE_SAME);
    assert_int_equal(form_merge_kind("a", "b", "b"), MERGE_SAME);    /* both typed the same */
    assert_int_equal(form_merge_kind("a", "a", "b"), MERGE_THEIRS);
    assert_int_equal(form_merge_kind("a", "b", "a"), MERGE_MINE);
    assert_int_equal(form_merge_kind("a", "b", "c"), MERGE_BOTH);
    assert_int_equal(form_merge_kind("", "", "x"), MERGE_THEIRS);
    assert_int_equal(form_merge_kind("x", "", "x"), MERGE_MINE);     /* emptied by this user */
}

static void test_three_way(void **s)
{
    (void)s;
    form *f = opened();
    form_set_text(f, F_TITLE, "Hàng rào (A)");       /* both change the title */
    form_set_choice(f, F_STATUS, 'd');               /* only mine */
    form *theirs = filled("Hàng rào (B)", "2021-06-30", 'o', "ghi chú B");   /* date, note: only theirs */
    assert_int_equal(form_merge_begin(f, theirs, NULL), 3);   /* title, date, note to show */
    assert_int_equal(f->merge->n, 4);
    assert_int_equal(row_of(f, F_TITLE)->kind, MERGE_BOTH);
    assert_int_equal(row_of(f, F_TITLE)->take_theirs, 0);     /* mine until switched */
    assert_int_equal(row_of(f, F_DATE)->kind, MERGE_THEIRS);
    assert_int_equal(row_of(f, F_DATE)->take_theirs, 1);
    assert_int_equal(row_of(f, F_STATUS)->kind, MERGE_MINE);
    assert_int_equal(row_of(f, F_NOTE)->kind, MERGE_THEIRS);
    assert_int_equal(f->merge->rows[f->merge->cur].field, F_TITLE);   /* opens on the one to choose */
    form_merge_apply(f);
    assert_null(f->merge);
    assert_string_equal(form_text(f, F_TITLE), "Hàng rào (A)");
    assert_string_equal(form_date(f, F_DATE), "2021-06-30");
    assert_int_equal(form_choice(f, F_STATUS), 'd');
    assert_string_equal(form_text(f, F_NOTE), "ghi chú B");
    /* theirs is the unchanged state now: only what differs from it is a change */
    assert_int_equal(form_changed(f), 1);
    form_free(f);
}

static void test_switch_and_all(void **s)
{
    (void)s;
    form *f = opened();
    form_set_text(f, F_TITLE, "Hàng rào (A)");
    form_set_choice(f, F_STATUS, 'd');
    assert_int_equal(form_merge_begin(f, filled("Hàng rào (B)", "2021-06-03", 'o', ""), NULL), 1);
    f->merge->rows[f->merge->cur].take_theirs = 1;   /* Space on the title */
    form_merge_apply(f);
    assert_string_equal(form_text(f, F_TITLE), "Hàng rào (B)");
    assert_int_equal(form_choice(f, F_STATUS), 'd');

    /* t: theirs everywhere; nothing of mine is left, the form is unchanged */
    form_set_text(f, F_NOTE, "của tôi");
    form_merge_begin(f, filled("Hàng rào (B)", "2021-06-03", 'o', "của họ"), NULL);
    form_merge_all(f, 1);
    form_merge_apply(f);
    assert_string_equal(form_text(f, F_NOTE), "của họ");
    assert_int_equal(form_choice(f, F_STATUS), 'o');
    assert_int_equal(form_changed(f), 0);

    /* m: mine everywhere, including what only they changed */
    form_set_text(f, F_NOTE, "lần hai");
    form_merge_begin(f, filled("Hàng rào (C)", "2021-07-01", 'o', "của họ 2"), NULL);
    form_merge_all(f, 0);
    form_merge_apply(f);
    assert_string_equal(form_text(f, F_TITLE), "Hàng rào (B)");
    assert_string_equal(form_date(f, F_DATE), "2021-06-03");
    assert_string_equal(form_text(f, F_NOTE), "lần hai");
    form_free(f);
}

/* A second conflict merges against the row the first one read, not the form's opening. */
static void test_second_round_base(void **s)
{
    (void)s;
    form *f = opened();
    form_set_text(f, F_NOTE, "A");
    form_merge_begin(f, filled("Hàng rào (B)", "2021-06-03", 'o', ""), NULL);
    form_merge_apply(f);                           /* title taken from B; note A kept */
    assert_int_equal(form_merge_begin(f, filled("Hàng rào (B)", "2021-06-03", 'o', "B2"), NULL), 1);
    assert_int_equal(f->merge->n, 1);              /* the title is no longer a difference */
    assert_int_equal(row_of(f, F_NOTE)->kind, MERGE_BOTH);
    form_merge_end(f);
    form_free(f);
}

static void test_canonical(void **s)
{
    (void)s;
    form *f = opened();
    form_set_text(f, F_DATE, "3/6/21");            /* the same day typed otherwise */
    form_set_text(f, F_TITLE, "  Hàng rào ");      /* outer spaces */
    assert_int_equal(form_merge_begin(f, filled("Hàng rào", "2021-06-03", 'o', ""), NULL), 0);
    assert_int_equal(f->merge->n, 0);
    form_merge_end(f);
    form_free(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kind_rules),
        cmocka_unit_test(test_three_way),
        cmocka_unit_test(test_switch_and_all),
        cmocka_unit_test(test_second_round_base),
        cmocka_unit_test(test_canonical),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
