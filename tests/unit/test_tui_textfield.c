/* textfield: NFC composition of decomposed typing, cluster editing, widths, limits.
 * Links tui/textfield.o, model/text.o, -lutf8proc -lncursesw (for the KEY_ codes only:
 * no terminal is opened). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include "tui/widgets/textfield.h"

/* Feed a string of code points as get_wch would, one OK character each. */
static void type_wcs(textfield *tf, const wchar_t *s)
{
    for (; *s; s++) assert_int_equal(tf_key(tf, OK, (wint_t)*s), TF_CHANGED);
}

static void test_decomposed_equals_precomposed(void **st)
{
    (void)st;
    textfield *a = tf_new(0), *b = tf_new(0), *c = tf_new(0);
    type_wcs(a, L"N\x1EADy");                         /* ậ precomposed */
    type_wcs(b, L"Na\x0323\x0302y");                  /* a + dot below + circumflex */
    type_wcs(c, L"Na\x0302\x0323y");                  /* the other order of the marks */
    assert_string_equal(tf_value(a), "Nậy");
    assert_string_equal(tf_value(b), "Nậy");
    assert_string_equal(tf_value(c), "Nậy");
    assert_int_equal(tf_len(b), 3);                   /* three clusters */
    assert_int_equal(tf_chars(b), 3);
    assert_int_equal(tf_width(b), 3);
    /* Unikey "Unicode tổ hợp" sends the quality letter precomposed and the tone apart. */
    tf_set(a, "");
    type_wcs(a, L"Ti\x00EA\x0301ng Vi\x00EA\x0323t");
    assert_string_equal(tf_value(a), "Tiếng Việt");
    assert_int_equal(tf_width(a), 10);
    tf_free(a); tf_free(b); tf_free(c);
}

static void test_cursor_by_cluster(void **st)
{
    (void)st;
    textfield *tf = tf_new(0);
    type_wcs(tf, L"Vie\x0302\x0323t");                /* Việt: 4 clusters */
    assert_int_equal(tf_cursor(tf), 4);
    assert_int_equal(tf_key(tf, KEY_CODE_YES, KEY_LEFT), TF_MOVED);
    assert_int_equal(tf_key(tf, KEY_CODE_YES, KEY_LEFT), TF_MOVED);
    assert_int_equal(tf_cursor(tf), 2);               /* before ệ, not inside it */
    tf_key(tf, OK, L'x');
    assert_string_equal(tf_value(tf), "Vixệt");
    tf_key(tf, KEY_CODE_YES, KEY_RIGHT);
    assert_int_equal(tf_cursor(tf), 4);
    /* A mark typed with the cursor in the middle joins the letter before the cursor. */
    tf_key(tf, KEY_CODE_YES, KEY_LEFT);               /* between x and ệ */
    assert_int_equal(tf_key(tf, OK, 0x0301), TF_CHANGED);
    assert_string_equal(tf_value(tf), "Vix\xCC\x81ệt");   /* x + acute: no precomposed form */
    assert_int_equal(tf_len(tf), 5);
    assert_int_equal(tf_width(tf), 5);
    tf_free(tf);
}

static void test_backspace_cluster(void **st)
{
    (void)st;
    textfield *tf = tf_new(0);
    /* Loaded (or precomposed-typed) text: one Backspace takes "ệ" with both marks. */
    tf_set(tf, "Việt");
    tf_key(tf, KEY_CODE_YES, KEY_LEFT);
    assert_int_equal(tf_key(tf, OK, 127), TF_CHANGED);
    assert_string_equal(tf_value(tf), "Vit");
    assert_int_equal(tf_chars(tf), 3);
    /* Delete takes the cluster under the cursor, marks and all. */
    tf_set(tf, "");
    type_wcs(tf, L"Vie\x0302\x0323t");
    tf_key(tf, KEY_CODE_YES, KEY_LEFT);
    tf_key(tf, KEY_CODE_YES, KEY_LEFT);
    assert_int_equal(tf_key(tf, KEY_CODE_YES, KEY_DC), TF_CHANGED);
    assert_string_equal(tf_value(tf), "Vit");
    /* Typed decomposed: Backspace undoes the last code point that arrived, as Unikey
     * expects when it retypes a word ("hòa" -> "hoàn": 3 Backspaces for ò(2) + a). */
    tf_set(tf, "");
    type_wcs(tf, L"ho\x0300" L"a");
    assert_string_equal(tf_value(tf), "hòa");
    for (int i = 0; i < 3; i++) assert_int_equal(tf_key(tf, KEY_CODE_YES, KEY_BACKSPACE), TF_CHANGED);
    assert_string_equal(tf_value(tf), "h");
    type_wcs(tf, L"oa\x0300n");
    assert_string_equal(tf_value(tf), "hoàn");
    /* Two code points in, two Backspaces out, and nothing before is touched. */
    tf_set(tf, "N");
    type_wcs(tf, L"\x00E2\x0323");                     /* â + dot below = ậ */
    assert_string_equal(tf_value(tf), "Nậ");
    tf_key(tf, OK, 8);
    assert_string_equal(tf_value(tf), "Nâ");
    tf_key(tf, OK, 8);
    assert_string_equal(tf_value(tf), "N");
    assert_int_equal(tf_key(tf, OK, 8), TF_CHANGED);
    assert_int_equal(tf_key(tf, OK, 8), TF_REFUSED);  /* nothing left */
    assert_string_equal(tf_value(tf), "");
    tf_free(tf);
}

static void test_home_end_kill(void **st)
{
    (void)st;
    textfield *tf = tf_new(0);
    tf_set(tf, "Sơn Kim 2");
    assert_int_equal(tf_key(tf, KEY_CODE_YES, KEY_HOME), TF_MOVED);
    assert_int_equal(tf_cursor(tf), 0);
    assert_int_equal(tf_key(tf, KEY_CODE_YES, KEY_HOME), TF_IGNORED);
    assert_int_equal(tf_key(tf, OK, 5), TF_MOVED);    /* Ctrl-E */
    assert_int_equal(tf_cursor(tf), 9);
    assert_int_equal(tf_key(tf, OK, 1), TF_MOVED);    /* Ctrl-A */
    assert_int_equal(tf_cursor(tf), 0);
    assert_int_equal(tf_key(tf, KEY_CODE_YES, KEY_END), TF_MOVED);
    assert_int_equal(tf_key(tf, OK, 23), TF_CHANGED); /* Ctrl-W: "2" */
    assert_string_equal(tf_value(tf), "Sơn Kim ");
    tf_key(tf, OK, 23);                               /* spaces, then "Kim" */
    assert_string_equal(tf_value(tf), "Sơn ");
    tf_set(tf, "Sơn Kim 2");
    tf_set_cursor(tf, 3);
    tf_key(tf, OK, 11);                               /* Ctrl-K */
    assert_string_equal(tf_value(tf), "Sơn");
    tf_set(tf, "Sơn Kim 2");
    tf_set_cursor(tf, 4);
    tf_key(tf, OK, 21);                               /* Ctrl-U */
    assert_string_equal(tf_value(tf), "Kim 2");
    assert_int_equal(tf_cursor(tf), 0);
    /* Keys the field does not use are left to the caller. */
    assert_int_equal(tf_key(tf, OK, '\t'), TF_IGNORED);
    assert_int_equal(tf_key(tf, OK, '\n'), TF_IGNORED);
    assert_int_equal(tf_key(tf, OK, 27), TF_IGNORED);
    assert_int_equal(tf_key(tf, KEY_CODE_YES, KEY_F(2)), TF_IGNORED);
    /* A Vietnamese letter with the number of a KEY_ code is still a letter. */
    assert_int_equal(tf_key(tf, OK, 0x0103), TF_CHANGED);   /* ă */
    tf_free(tf);
}

static void test_max_length(void **st)
{
    (void)st;
    textfield *tf = tf_new(4);
    type_wcs(tf, L"Nga\x0306");                       /* Ngă: 3 characters */
    type_wcs(tf, L"n");
    assert_int_equal(tf_key(tf, OK, L'h'), TF_REFUSED);
    assert_string_equal(tf_value(tf), "Ngăn");
    /* A mark that composes adds no character, so it still fits at the maximum. */
    assert_int_equal(tf_key(tf, KEY_CODE_YES, KEY_LEFT), TF_MOVED);   /* between ă and n */
    assert_int_equal(tf_key(tf, OK, 0x0323), TF_CHANGED);   /* ă + dot below = ặ */
    assert_string_equal(tf_value(tf), "Ngặn");
    /* One that would not compose is refused. */
    assert_int_equal(tf_key(tf, OK, 0x0308), TF_REFUSED);
    assert_int_equal(tf_chars(tf), 4);
    /* Loading or pasting more than fits keeps what fits. */
    assert_int_equal(tf_set(tf, "Hương Sơn"), TF_REFUSED);
    assert_string_equal(tf_value(tf), "Hươn");
    tf_set(tf, "ab");
    assert_int_equal(tf_paste(tf, "cdef"), TF_REFUSED);
    assert_string_equal(tf_value(tf), "abcd");
    tf_free(tf);
}

static void test_width_and_view(void **st)
{
    (void)st;
    textfield *tf = tf_new(0);
    tf_set(tf, "Xã 中文 Kỳ");                        /* 2 + 1 + 4 + 1 + 2 = 10 columns */
    assert_int_equal(tf_len(tf), 8);
    assert_int_equal(tf_width(tf), 10);
    assert_int_equal(tf_cluster_width(tf, 3), 2);
    size_t first; int col;
    tf_view(tf, 20, &first, &col);                    /* fits: no scrolling */
    assert_int_equal(first, 0);
    assert_int_equal(col, 10);                        /* cursor after the end */
    tf_view(tf, 6, &first, &col);                     /* 6 columns: cursor at the end */
    assert_int_equal(first, 4);                       /* "文 Kỳ" + cursor = 6 columns */
    assert_int_equal(col, 5);
    tf_set_cursor(tf, 3);                             /* on 中 (2 columns) */
    tf_view(tf, 6, &first, &col);
    assert_int_equal(first, 3);
    assert_int_equal(col, 0);
    tf_set_cursor(tf, 4);                             /* on 文: the window keeps still */
    tf_view(tf, 6, &first, &col);
    assert_int_equal(first, 3);
    assert_int_equal(col, 2);
    tf_key(tf, KEY_CODE_YES, KEY_HOME);
    tf_view(tf, 6, &first, &col);
    assert_int_equal(first, 0);
    assert_int_equal(col, 0);
    /* A wide letter never gets cut: with the cursor on it, it starts the window. */
    tf_set(tf, "中中中");
    tf_set_cursor(tf, 2);
    tf_view(tf, 3, &first, &col);
    assert_int_equal(first, 2);
    assert_int_equal(col, 0);
    /* After deleting at the end, the start comes back into view. */
    tf_set(tf, "abcdefgh");
    tf_view(tf, 5, &first, &col);
    assert_int_equal(first, 4);
    for (int i = 0; i < 5; i++) tf_key(tf, OK, 127);
    tf_view(tf, 5, &first, &col);
    assert_int_equal(first, 0);
    assert_int_equal(col, 3);
    tf_free(tf);
}

static void test_invalid_and_controls(void **st)
{
    (void)st;
    textfield *tf = tf_new(0);
    tf_set(tf, "Thôn");
    assert_int_equal(tf_paste(tf, "bad \xC3\x28 byte"), TF_INVALID);
    assert_int_equal(tf_paste(tf, "\xff\xfe"), TF_INVALID);
    assert_int_equal(tf_set(tf, "x\xC3"), TF_INVALID);
    assert_string_equal(tf_value(tf), "Thôn");         /* nothing entered */
    /* A decomposed paste is composed; tabs and line breaks become spaces; other
     * controls are dropped. */
    assert_int_equal(tf_paste(tf, " Ke\xCC\x82\xCC\x81\tA\x01\nB"), TF_CHANGED);
    assert_string_equal(tf_value(tf), "Thôn Kế A B");
    /* Control and format characters typed are refused, and so is a mark with nothing
     * before it. */
    tf_set(tf, "");
    assert_int_equal(tf_insert(tf, 0x200B), TF_REFUSED);     /* zero-width space */
    assert_int_equal(tf_insert(tf, 0x0301), TF_REFUSED);     /* mark at the start */
    assert_int_equal(tf_insert(tf, 0xD800), TF_REFUSED);     /* surrogate */
    assert_int_equal(tf_insert(tf, 0x110000), TF_REFUSED);
    assert_int_equal(tf_key(tf, OK, 0x9B), TF_IGNORED);      /* C1 control */
    assert_string_equal(tf_value(tf), "");
    assert_true(tf_value(tf) != NULL);
    tf_free(tf);
}

/* Stored text keeps its control characters (the form saves back what it loaded), and
 * each takes the columns of the placeholder tf_draw shows for it (model/text.h). */
static void test_stored_controls(void **st)
{
    (void)st;
    textfield *tf = tf_new(0);
    assert_int_equal(tf_set(tf, "a\x1b[2J\xc2\x9b\xe2\x80\xae" "b"), TF_CHANGED);
    assert_string_equal(tf_value(tf), "a\x1b[2J\xc2\x9b\xe2\x80\xae" "b");
    assert_int_equal(tf_cluster_width(tf, 1), 1);          /* ␛ */
    assert_int_equal(tf_cluster_width(tf, 5), 4);          /* \x9b */
    assert_int_equal(tf_cluster_width(tf, 6), 6);          /* \u202e */
    assert_int_equal(tf_width(tf), 1 + 1 + 3 + 4 + 6 + 1);
    tf_set_ascii(1);
    tf_set(tf, "a\x07" "b");
    assert_int_equal(tf_cluster_width(tf, 1), 2);          /* ^G */
    tf_set_ascii(0);
    tf_free(tf);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decomposed_equals_precomposed),
        cmocka_unit_test(test_cursor_by_cluster),
        cmocka_unit_test(test_backspace_cluster),
        cmocka_unit_test(test_home_end_kill),
        cmocka_unit_test(test_max_length),
        cmocka_unit_test(test_width_and_view),
        cmocka_unit_test(test_stored_controls),
        cmocka_unit_test(test_invalid_and_controls),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
