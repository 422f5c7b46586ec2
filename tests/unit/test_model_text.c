/* Accent folding, NFC, Vietnamese order, unaccented fallback, terminal safety. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "model/text.h"

static void check_fold(const char *in, const char *want)
{
    char *f = text_fold(in);
    assert_non_null(f);
    assert_string_equal(f, want);
    free(f);
}

static void test_fold(void **s)
{
    (void)s;
    check_fold("Sơn Tiến", "son tien");
    check_fold("Nậy", "nay");
    check_fold("ĐƯỜNG Đá", "duong da");
    check_fold("Đượng Dâu", "duong dau");
    check_fold("Thành Xuân", "thanh xuan");
    /* decomposed input: o + circumflex + acute folds the same as precomposed */
    check_fold("Ti\xC3\xAA\xCC\x81n", "tien");
    check_fold("Tie\xCC\x82\xCC\x81n", "tien");
    check_fold("", "");
}

static void test_nfc(void **s)
{
    (void)s;
    char *n = text_nfc("Tie\xCC\x82\xCC\x81n");        /* e + ^ + ´ */
    assert_string_equal(n, "Tiến");
    free(n);
    assert_null(text_nfc("bad \xC3\x28 byte"));
    assert_false(text_valid_utf8("\xff\xfe"));
    assert_false(text_valid_utf8("\xC0\xAF"));          /* overlong */
    assert_true(text_valid_utf8("Cẩm Hà"));
}

static int cmp_vi(const void *a, const void *b)
{
    char *ka = text_sort_key(*(const char *const *)a), *kb = text_sort_key(*(const char *const *)b);
    int r = strcmp(ka, kb);
    free(ka); free(kb);
    return r;
}

static void test_order(void **s)
{
    (void)s;
    /* Vietnamese alphabet: a ă â b c d đ e ê ... o ô ơ ... u ư; tones ngang huyền hỏi ngã sắc nặng */
    const char *want[] = { "An", "Ăn", "Ân", "Bình Hòa", "Côn Sơn", "Dâu", "Đá", "Đức Thịnh",
                           "Em", "Ê", "Ma", "Mà", "Mả", "Mã", "Má", "Mạ", "Mai", "Ô", "Ơ", "Uy", "Ưu" };
    enum { N = sizeof want / sizeof want[0] };
    const char *got[N];
    for (int i = 0; i < N; i++) got[i] = want[N - 1 - i];
    qsort(got, N, sizeof got[0], cmp_vi);
    for (int i = 0; i < N; i++) assert_string_equal(got[i], want[i]);
    /* shorter word first: "An" before "An Hòa Thịnh" before "Anh" */
    const char *w2[] = { "An", "An Hòa Thịnh", "Anh" };
    const char *g2[] = { "Anh", "An Hòa Thịnh", "An" };
    qsort(g2, 3, sizeof g2[0], cmp_vi);
    for (int i = 0; i < 3; i++) assert_string_equal(g2[i], w2[i]);
}

static void test_person_order(void **s)
{
    (void)s;
    char *a = text_sort_key_person("Trần Ngọc Anh"), *b = text_sort_key_person("Cao Kỳ Vị");
    char *c = text_sort_key_person("Lê Văn Sơn");
    assert_true(strcmp(a, c) < 0);   /* Anh < Sơn */
    assert_true(strcmp(c, b) < 0);   /* Sơn < Vị */
    free(a); free(b); free(c);
}

static void test_ascii_and_match(void **s)
{
    (void)s;
    char *a = text_ascii("Đảng ủy xã Sơn Kim 2 › Nậy");
    assert_string_equal(a, "Dang uy xa Son Kim 2 › Nay");
    free(a);
    assert_true(text_match("son tien", "tien"));
    assert_true(text_match("hang rao xanh thon nay", "nay xanh"));
    assert_false(text_match("hang rao xanh", "nuoc"));
    assert_true(text_match("anything", ""));
    char buf[6];
    text_copy(buf, sizeof buf, "Nậy thôn");   /* N ậ(3 bytes) y: must not cut inside ậ */
    assert_string_equal(buf, "Nậy");
}

static void check_safe(const char *in, int ascii, const char *want)
{
    char *t = text_term_safe(in, ascii);
    assert_non_null(t);
    assert_string_equal(t, want);
    free(t);
}

/* Every control a database row may carry comes out as a visible placeholder: nothing a
 * terminal would act on (ESC, BEL, C1 CSI, DEL, bidi overrides) is left. */
static void test_term_safe(void **s)
{
    (void)s;
    const char *evil = "Thôn\x1b[2J Nậy\x1b]52;c;aGk=\x07\xc2\x9b" "31m\x7f\xe2\x80\xae" "abc\tx\ny";
    check_safe(evil, 0, "Thôn␛[2J Nậy␛]52;c;aGk=␇\\x9b31m␡\\u202eabc x y");
    check_safe(evil, 1, "Thôn^[[2J Nậy^[]52;c;aGk=^G\\x9b31m^?\\u202eabc x y");
    check_safe("\x01\x1f\r", 0, "␁␟␍");
    check_safe("\xe2\x81\xa6\xe2\x81\xa9\xe2\x80\x8f", 1, "\\u2066\\u2069\\u200f");
    check_safe("a\xff\xc3(b", 0, "a\xef\xbf\xbd\xef\xbf\xbd(b");   /* bad bytes: U+FFFD */
    check_safe("a\xff" "b", 1, "a?b");
    check_safe("Sơn Kim 2 › ✓", 0, "Sơn Kim 2 › ✓");                   /* the rest untouched */
    check_safe("", 0, "");
    char *t = text_term_safe(evil, 0);
    for (const unsigned char *p = (const unsigned char *)t; *p; p++) {
        assert_false(*p < 0x20 || *p == 0x7f);
        if (*p == 0xc2) assert_false(p[1] >= 0x80 && p[1] < 0xa0);
    }
    free(t);
    assert_null(text_term_safe(NULL, 0));
    char buf[TEXT_PLACEHOLDER_MAX];
    assert_null(text_placeholder('a', 0, buf));
    assert_null(text_placeholder(0x00A0, 0, buf));                /* no-break space is text */
    assert_null(text_placeholder(0x200B, 0, buf));
    assert_string_equal(text_placeholder(0x1b, 0, buf), "␛");
    assert_string_equal(text_placeholder(0x00, 1, buf), "^@");
    assert_string_equal(text_placeholder(0x85, 1, buf), "\\x85");
}

/* PDFs and exports: the controls go, the kept ones stay, the text is whole. */
static void test_strip_unsafe(void **s)
{
    (void)s;
    char *t = text_strip_unsafe("Thôn\x1b[2J\x07 A\xc2\x9b\xe2\x80\xae" "B\nC\tD\x7f", "\n");
    assert_string_equal(t, "Thôn[2J AB\nCD");
    free(t);
    t = text_strip_unsafe("x\ny\x00", NULL);
    assert_string_equal(t, "xy");
    free(t);
    t = text_strip_unsafe("a\xff" "b", "");
    assert_string_equal(t, "a\xef\xbf\xbd" "b");
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold), cmocka_unit_test(test_nfc), cmocka_unit_test(test_order),
        cmocka_unit_test(test_person_order), cmocka_unit_test(test_ascii_and_match),
        cmocka_unit_test(test_term_safe), cmocka_unit_test(test_strip_unsafe),
    };
    return cmocka_run_group_tests_name("model_text", tests, NULL, NULL);
}
