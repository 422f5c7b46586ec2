/* The key tables, walked through the screen registry (tui/screens/registry.c): every
 * kind of screen is named for its help; a stable name (the future [keys] names) means one
 * row wherever it is used; no row is hidden behind earlier rows that give all its keys
 * to another action (its help line would lie); the loop's rows come around each kind's
 * own (help first, quit and the moves last). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include "config/config.h"
#include "model/i18n.h"
#include "tui/global_keys.h"
#include "tui/keymap.h"
#include "tui/screens/tasks/tasks.h"
#include "tui/screens/units.h"

static int same_row(const keydef *a, const keydef *b)
{
    if (a->id != b->id || a->key != b->key || memcmp(a->extra, b->extra, sizeof a->extra)) return 0;
    const char *sa[5] = { a->bar_key, a->bar_vi, a->bar_en, a->help_vi, a->help_en };
    const char *sb[5] = { b->bar_key, b->bar_vi, b->bar_en, b->help_vi, b->help_en };
    for (int i = 0; i < 5; i++)
        if (!sa[i] != !sb[i] || (sa[i] && strcmp(sa[i], sb[i]))) return 0;
    return 1;
}

static void test_kinds_named(void **s)
{
    (void)s;
    assert_true(screen_kinds_n >= 15);
    for (int k = 0; k < screen_kinds_n; k++) {
        const screen_kind *kind = screen_kinds[k];
        assert_non_null(kind->name_vi);
        assert_non_null(kind->name_en);
        char id[64];                    /* its name in [keys]: once in the registry */
        keymap_kind_id(kind, id, sizeof id);
        assert_true(id[0] != 0);
        for (int l = 0; l < k; l++) {
            char other[64];
            keymap_kind_id(screen_kinds[l], other, sizeof other);
            if (!strcmp(id, other)) fail_msg("two kinds are named \"%s\" in [keys]", id);
        }
        for (int i = 0, n = keymap_count(kind); i < n; i++) {
            const keydef *d = keymap_at(kind, i);
            assert_non_null(d);
            assert_non_null(d->name);
            assert_true(d->help_vi && d->help_vi[0] && d->help_en && d->help_en[0]);
            assert_true(d->key != 0);
        }
        assert_null(keymap_at(kind, keymap_count(kind)));
    }
}

static void test_names_stable(void **s)
{
    (void)s;
    for (int k = 0; k < screen_kinds_n; k++)
        for (int i = 0, n = keymap_count(screen_kinds[k]); i < n; i++) {
            const keydef *a = keymap_at(screen_kinds[k], i);
            for (int l = k; l < screen_kinds_n; l++)
                for (int j = l == k ? i + 1 : 0, m = keymap_count(screen_kinds[l]); j < m; j++) {
                    const keydef *b = keymap_at(screen_kinds[l], j);
                    if (strcmp(a->name, b->name)) continue;
                    if (!same_row(a, b)) fail_msg("\"%s\" names two different rows (%s, %s)", a->name,
                                                  screen_kinds[k]->name_en, screen_kinds[l]->name_en);
                    if (l == k) fail_msg("\"%s\" twice on %s", a->name, screen_kinds[k]->name_en);
                }
        }
}

/* A row whose keys all belong to earlier rows of other actions can never run. */
static void test_no_row_hidden(void **s)
{
    (void)s;
    for (int k = 0; k < screen_kinds_n; k++) {
        const screen_kind *kind = screen_kinds[k];
        for (int i = 0, n = keymap_count(kind); i < n; i++) {
            const keydef *d = keymap_at(kind, i);
            int live = 0;
            for (int e = -1; e < KEYMAP_EXTRAS && !live; e++) {
                int key = e < 0 ? d->key : d->extra[e];
                if (!key) break;
                action_id a = keymap_find(key, kind);
                live = a == d->id;
            }
            if (!live) fail_msg("\"%s\" on %s: every key of it runs another action", d->name, kind->name_en);
        }
    }
}

static void test_order(void **s)
{
    (void)s;
    /* the loop's head, the kind's own, the loop's tail */
    assert_int_equal(keymap_at(&tasks_kind, 0)->id, ACT_HELP);
    assert_true(keymap_own(&tasks_kind, keymap_at(&tasks_kind, 1)));
    assert_int_equal(keymap_at(&tasks_kind, 1)->id, ACT_BACK);
    int n = keymap_count(&tasks_kind);
    assert_int_equal(keymap_at(&tasks_kind, n - 1)->id, ACT_REDRAW);
    assert_int_equal(keymap_at(&tasks_kind, 1 + tasks_kind.n_keys)->id, ACT_QUIT);
    assert_false(keymap_own(&tasks_kind, keymap_at(&tasks_kind, 1 + tasks_kind.n_keys)));
    /* dispatch: a screen's own rows and the actions across screens by their key */
    assert_int_equal(keymap_find('D', &hamlets_kind), ACT_DASH);
    assert_int_equal(keymap_find('t', &hamlets_kind), ACT_TOURS);
    assert_int_equal(keymap_find('t', &provinces_kind), ACT_NONE);    /* no tours on the province list */
    assert_int_equal(keymap_find('w', &tasks_kind), ACT_WEEKLY);
    assert_int_equal(keymap_find('q', &tasks_kind), ACT_QUIT);
    assert_int_equal(keymap_find('\n', &keymap_search), ACT_SEARCH_KEEP);
    assert_int_equal(keymap_find('j', &keymap_search), ACT_DOWN);
    assert_int_equal(keymap_find('q', &keymap_small), ACT_QUIT);
    assert_int_equal(keymap_find('j', &keymap_small), ACT_NONE);
}

/* ---- [keys] of ntm.ini (tui/keybind.c) ---- */

static void test_parse_key(void **s)
{
    (void)s;
    assert_int_equal(keymap_parse_key("p"), 'p');
    assert_int_equal(keymap_parse_key("P"), 'P');
    assert_int_equal(keymap_parse_key("!"), '!');
    assert_int_equal(keymap_parse_key("đ"), 0x111);            /* a Vietnamese letter: its code point */
    assert_int_equal(keymap_parse_key("Ư"), 0x1AF);
    assert_int_equal(keymap_parse_key("Ctrl-X"), 24);
    assert_int_equal(keymap_parse_key("ctrl-x"), 24);
    assert_int_equal(keymap_parse_key("^X"), 24);
    assert_int_equal(keymap_parse_key("^"), '^');
    assert_int_equal(keymap_parse_key("F1"), KEY_FN(KEY_F(1)));
    assert_int_equal(keymap_parse_key("f12"), KEY_FN(KEY_F(12)));
    assert_int_equal(keymap_parse_key("F"), 'F');
    assert_int_equal(keymap_parse_key("Enter"), '\n');
    assert_int_equal(keymap_parse_key("ESC"), 27);
    assert_int_equal(keymap_parse_key("Tab"), '\t');
    assert_int_equal(keymap_parse_key("space"), ' ');
    const char *bad[] = { "", "jj", "F0", "F13", "F01", "F1x", "Ctrl-", "Ctrl-1", "^XX", "Ctrl-C", "^Z",
                          "e\xcc\x82" /* e and a combining circumflex: two code points */,
                          "\xcc\x82", "\x01", " ", "\xc2\xa0" /* no-break space */, "Enterr" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (keymap_parse_key(bad[i]) != -1) fail_msg("\"%s\" should not parse", bad[i]);
    /* the bar's name of a Vietnamese letter is the letter */
    char name[32];
    keymap_key_name(0x111, name, sizeof name);
    assert_string_equal(name, "đ");
}

static void keys_cfg(ntm_config *c, const char *const *pairs, int n)
{
    config_defaults(c);
    snprintf(c->source, sizeof c->source, "/etc/ntm/ntm.ini");
    for (int i = 0; i < n; i++) {
        snprintf(c->binds[i].name, sizeof c->binds[i].name, "%s", pairs[2 * i]);
        snprintf(c->binds[i].key, sizeof c->binds[i].key, "%s", pairs[2 * i + 1]);
        c->binds[i].line = 10 + i;
    }
    c->n_binds = n;
}

static const keydef *row_named(const screen_kind *k, const char *name)
{
    for (int i = 0, n = keymap_count(k); i < n; i++)
        if (!strcmp(keymap_at(k, i)->name, name)) return keymap_at(k, i);
    return NULL;
}

static void test_rebind(void **s)
{
    (void)s;
    ntm_config c;
    char err[512];
    const char *const p[] = { "tasks.progress", "J", "search", "F9", "quit", "Q" };
    keys_cfg(&c, p, 3);
    assert_int_equal(keymap_configure(&c, err, sizeof err), 0);
    /* the new key runs the action, the old letter nothing, on the task list only */
    assert_int_equal(keymap_find('J', &tasks_kind), ACT_SCREEN);             /* ACT_PROGRESS */
    assert_int_equal(keymap_find('p', &tasks_kind), ACT_NONE);
    assert_int_equal(row_named(&tasks_kind, "progress")->key, 'J');
    /* a bare name: every kind with that action; the F-key extra stays */
    assert_int_equal(keymap_find(KEY_FN(KEY_F(9)), &tasks_kind), ACT_SEARCH);
    assert_int_equal(keymap_find(KEY_FN(KEY_F(9)), &hamlets_kind), ACT_SEARCH);
    assert_int_equal(keymap_find(KEY_FN(KEY_F(3)), &hamlets_kind), ACT_SEARCH);
    assert_int_equal(keymap_find('/', &hamlets_kind), ACT_NONE);
    /* the loop's own rows too, and the rows the other kinds share stay as they were */
    assert_int_equal(keymap_find('Q', &keymap_small), ACT_QUIT);
    assert_int_equal(keymap_find('q', &tasks_kind), ACT_NONE);
    assert_int_equal(keymap_find(KEY_FN(KEY_F(10)), &tasks_kind), ACT_QUIT);
    assert_true(keymap_own(&tasks_kind, row_named(&tasks_kind, "progress")));
    assert_false(keymap_own(&tasks_kind, row_named(&tasks_kind, "quit")));
    keymap_reset();
    assert_int_equal(keymap_find('p', &tasks_kind), ACT_SCREEN);
    assert_int_equal(keymap_find('q', &tasks_kind), ACT_QUIT);
}

/* A key another row has only as an extra moves; the bar stops naming what is gone. */
static void test_rebind_takes_extra(void **s)
{
    (void)s;
    ntm_config c;
    char err[512];
    const char *const p[] = { "tasks.progress", "Esc", "search_keep", "Tab" };
    keys_cfg(&c, p, 2);
    assert_int_equal(keymap_configure(&c, err, sizeof err), 0);
    assert_int_equal(keymap_find(27, &tasks_kind), ACT_SCREEN);
    assert_int_equal(keymap_find('h', &tasks_kind), ACT_BACK);               /* back keeps its letter */
    assert_int_equal(keymap_find(27, &hamlets_kind), ACT_BACK);              /* and Esc elsewhere */
    assert_null(row_named(&tasks_kind, "back")->bar_key);                    /* was "Esc" */
    assert_string_equal(row_named(&hamlets_kind, "back")->bar_key, "Esc");
    assert_int_equal(keymap_find('\t', &keymap_search), ACT_SEARCH_KEEP);
    assert_int_equal(keymap_find('\r', &keymap_search), ACT_SEARCH_KEEP);    /* Enter's other codes stay */
    assert_null(row_named(&keymap_search, "search_keep")->bar_key);
    keymap_reset();
}

static void test_rebind_errors(void **s)
{
    (void)s;
    static const struct { const char *name, *key, *err_vi, *err_en; } cases[] = {
        { "tasks.progress", "j", "/etc/ntm/ntm.ini:10: [keys] tasks.progress = j: phím j đã dùng cho 'down' trên danh sách đầu việc",
          "/etc/ntm/ntm.ini:10: [keys] tasks.progress = j: key j is already 'down' on the task list" },
        { "progress", "P", "/etc/ntm/ntm.ini:10: [keys] progress = P: phím P đã dùng cho 'people' trên danh sách đầu việc", NULL },
        { "help", "h", ": phím h đã dùng cho 'back' trên", NULL },
        { "tasks.progres", "J", ":10: [keys] tasks.progres = J: không có hành động \"progres\" trên danh sách đầu việc",
          ":10: [keys] tasks.progres = J: no action \"progres\" on the task list" },
        { "progres", "J", ":10: [keys] progres = J: không có hành động \"progres\"", NULL },
        { "task.progress", "J", ":10: [keys] task.progress = J: không có màn hình \"task\"; các màn hình: provinces, communes, hamlets, tasks,",
          "no screen \"task\"; the screens: provinces," },
        { "progress", "pp", ":10: [keys] progress = pp: phím không hiểu được", ": not a key; use one character" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        for (int en = 0; en < 2; en++) {
            const char *want = en ? cases[i].err_en : cases[i].err_vi;
            if (!want) continue;
            ntm_config c;
            char err[512] = "";
            const char *const p[] = { cases[i].name, cases[i].key };
            ntm_lang_en = en;
            keys_cfg(&c, p, 1);
            assert_int_equal(keymap_configure(&c, err, sizeof err), -1);
            if (!strstr(err, want)) fail_msg("%s = %s: got \"%s\", want \"%s\"", cases[i].name, cases[i].key, err, want);
            assert_int_equal(keymap_find('p', &tasks_kind), ACT_SCREEN);     /* the built-in keys are back */
        }
    ntm_lang_en = 0;
    /* a clash made by two lines is reported at one of them; a swap is no clash */
    ntm_config c;
    char err[512];
    const char *const clash[] = { "tasks.progress", "J", "tasks.sort", "J" };
    keys_cfg(&c, clash, 2);
    assert_int_equal(keymap_configure(&c, err, sizeof err), -1);
    assert_non_null(strstr(err, "phím J đã dùng cho"));
    const char *const swap[] = { "up", "j", "down", "k" };
    keys_cfg(&c, swap, 2);
    assert_int_equal(keymap_configure(&c, err, sizeof err), 0);
    assert_int_equal(keymap_find('j', &tasks_kind), ACT_UP);
    assert_int_equal(keymap_find('k', &keymap_search), ACT_DOWN);
    /* the screen's own line wins over the bare name, whatever their order */
    const char *const both[] = { "tasks.progress", "J", "progress", "K" };
    keys_cfg(&c, both, 2);
    assert_int_equal(keymap_configure(&c, err, sizeof err), 0);
    assert_int_equal(keymap_find('J', &tasks_kind), ACT_SCREEN);
    assert_int_equal(keymap_find('K', &tasks_kind), ACT_NONE);
    keymap_reset();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kinds_named),
        cmocka_unit_test(test_names_stable),
        cmocka_unit_test(test_no_row_hidden),
        cmocka_unit_test(test_order),
        cmocka_unit_test(test_parse_key),
        cmocka_unit_test(test_rebind),
        cmocka_unit_test(test_rebind_takes_extra),
        cmocka_unit_test(test_rebind_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
