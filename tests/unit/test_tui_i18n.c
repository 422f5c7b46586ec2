/* The messages through gettext: every string of every screen kind's key table (walked
 * through tui/screens/registry.c: its name, search prompt, each row's bar label and help
 * line) and of the form widget has an English translation in the catalogue that make
 * built (build/locale/en/LC_MESSAGES/ntm.mo, found beside the test's binary) and reads
 * as itself, with its accents, in Vietnamese; the language comes from LANGUAGE before
 * ntm.ini; a context is never shown; a missing or broken catalogue falls back to the
 * Vietnamese. (make pocheck proves config/po/en.po translates every msgid of the sources.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "model/i18n.h"
#include "tui/entry.h"
#include "tui/keymap.h"
#include "tui/widgets/form_internal.h"

static int accented(const char *s)
{
    for (; *s; s++) if ((unsigned char)*s >= 0x80) return 1;
    return 0;
}

/* msgid has English (not the msgid) and its Vietnamese is the msgid; where names it. */
static void both(const char *msgid, const char *where, int *missing)
{
    if (!msgid) return;
    const char *en = ntm_tr_in(1, msgid), *vi = ntm_tr_in(0, msgid);
    if (!ntm_tr_has(msgid) || !en[0] || !strcmp(en, vi)) {
        fprintf(stderr, "no English for \"%s\" (%s)\n", msgid, where);
        (*missing)++;
    }
    assert_true(vi[0] != 0);
    assert_null(strchr(vi, '\004'));
    assert_null(strchr(en, '\004'));
}

static void test_catalogue_found(void **s)
{
    (void)s;
    assert_true(strstr(ntm_catalogue_path(), "locale/en/LC_MESSAGES/ntm.mo") != NULL);
}

static void test_key_tables(void **s)
{
    (void)s;
    int missing = 0, rows = 0;
    const screen_kind *loops[] = { &keymap_search, &keymap_small };
    for (int k = 0; k < screen_kinds_n + 2; k++) {
        const screen_kind *kind = k < screen_kinds_n ? screen_kinds[k] : loops[k - screen_kinds_n];
        char where[200];
        snprintf(where, sizeof where, "the name of kind %d", k);
        both(kind->name, where, &missing);
        both(kind->prompt, "a search prompt", &missing);
        for (int i = 0, n = keymap_count(kind); i < n; i++, rows++) {
            const keydef *d = keymap_at(kind, i);
            snprintf(where, sizeof where, "key row \"%s\" on %s", d->name, kind->name);
            both(d->bar, where, &missing);
            both(d->help, where, &missing);
        }
    }
    assert_true(rows > 300);
    assert_int_equal(missing, 0);
}

static void test_ui_language(void **s)
{
    (void)s;
    const keydef *quit = NULL;
    for (int i = 0, n = keymap_count(screen_kinds[0]); i < n; i++)
        if (keymap_at(screen_kinds[0], i)->id == ACT_QUIT) quit = keymap_at(screen_kinds[0], i);
    assert_non_null(quit);
    ntm_lang_en = 0;
    assert_string_equal(_(quit->bar), "Thoát");
    assert_string_equal(_(quit->help), "Thoát khỏi ntm");
    ntm_lang_en = 1;
    assert_string_equal(_(quit->bar), "Quit");
    assert_string_equal(_(quit->help), "Quit ntm");
    assert_null(_(NULL));
    ntm_lang_en = 0;
}

/* The form draws its labels, hints and choices through the catalogue. */
static void test_form_strings(void **s)
{
    (void)s;
    static const form_option opts[] = { { 'n', N_("Chưa đạt") }, { 'm', N_("Đạt") } };
    form_spec f = entry_enum(N_("Tình trạng"), 1, opts, 2, N_("Số hộ (không bắt buộc)"));
    form_spec t = entry_text(N_("Ghi chú"), 0, 100, NULL);
    int missing = 0;
    both(f.label, "an enum's label", &missing);
    both(f.hint, "a hint", &missing);
    both(opts[0].label, "a choice", &missing);
    assert_int_equal(missing, 0);
    ntm_lang_en = 1;
    assert_string_equal(form_label(&t), "Note");
    assert_string_equal(form_opt_label(&opts[0]), "Not met");
    ntm_lang_en = 0;
    assert_string_equal(form_label(&t), "Ghi chú");
    assert_string_equal(form_opt_label(&opts[1]), "Đạt");
    assert_true(accented(form_label(&f)));
}

/* The same Vietnamese with two Englishes: the context picks, and never shows. */
static void test_context(void **s)
{
    (void)s;
    assert_string_equal(ntm_tr_in(1, "người"), "people");
    assert_string_equal(ntm_tr_in(1, NC_("person", "người")), "person");
    assert_string_equal(ntm_tr_in(0, NC_("person", "người")), "người");
    assert_string_equal(ntm_tr_in(1, NC_("no such context", "người")), "người");
    assert_string_equal(ntm_tr_ctx(1, "person", "người"), "person");      /* C_() in code */
    assert_string_equal(ntm_tr_ctx(0, "person", "người"), "người");
    assert_string_equal(ntm_tr_ctx(1, "no such context", "người"), "người");
    assert_string_equal(ntm_tr_in(1, "không có trong danh mục"), "không có trong danh mục");
}

static void test_language_env(void **s)
{
    (void)s;
    static const struct { const char *v; int want; } c[] = {
        { "en", 1 }, { "vi", 0 }, { "en_GB:vi", 1 }, { "vi_VN.UTF-8:en", 0 }, { "fr:de:en_US", 1 },
        { "fr", -1 }, { "", -1 }, { "eng", -1 }, { ":vi", 0 },
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        setenv("LANGUAGE", c[i].v, 1);
        if (ntm_lang_env() != c[i].want) fail_msg("LANGUAGE=%s: %d", c[i].v, ntm_lang_env());
    }
    setenv("LANGUAGE", "en", 1);
    assert_int_equal(ntm_lang_pick(0), 1);         /* LANGUAGE beats [ui] language */
    setenv("LANGUAGE", "vi", 1);
    assert_int_equal(ntm_lang_pick(1), 0);
    unsetenv("LANGUAGE");
    assert_int_equal(ntm_lang_pick(1), 1);         /* then ntm.ini */
    assert_int_equal(ntm_lang_pick(0), 0);         /* then Vietnamese */
}

/* NTM_LOCALEDIR wins; a folder without the catalogue, or a broken one, leaves Vietnamese. */
static void test_missing_or_broken(void **s)
{
    (void)s;
    char dir[] = "/tmp/ntm-i18n-XXXXXX", path[600];
    assert_non_null(mkdtemp(dir));
    setenv("NTM_LOCALEDIR", dir, 1);
    ntm_catalogue_reset();
    assert_string_equal(ntm_tr_in(1, "Thoát"), "Thoát");
    assert_string_equal(ntm_catalogue_path(), "");
    snprintf(path, sizeof path, "mkdir -p %s/en/LC_MESSAGES && printf '\\336\\022\\004\\225garbage' >%s/en/LC_MESSAGES/ntm.mo",
             dir, dir);
    assert_int_equal(system(path), 0);
    ntm_catalogue_reset();
    assert_string_equal(ntm_tr_in(1, "Thoát"), "Thoát");
    snprintf(path, sizeof path, "rm -rf %s", dir);
    assert_int_equal(system(path), 0);
    unsetenv("NTM_LOCALEDIR");
    ntm_catalogue_reset();
    assert_string_equal(ntm_tr_in(1, "Thoát"), "Quit");
}

int main(void)
{
    unsetenv("LANGUAGE");
    unsetenv("NTM_LOCALEDIR");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_catalogue_found),
        cmocka_unit_test(test_key_tables),
        cmocka_unit_test(test_ui_language),
        cmocka_unit_test(test_form_strings),
        cmocka_unit_test(test_context),
        cmocka_unit_test(test_language_env),
        cmocka_unit_test(test_missing_or_broken),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
