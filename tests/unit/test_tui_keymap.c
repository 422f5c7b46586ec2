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
#include "tui/global_keys.h"
#include "tui/keymap.h"
#include "tui/screens/tasks/tasks.h"
#include "tui/screens/units.h"

static int same_row(const keydef *a, const keydef *b)
{
    if (a->id != b->id || a->key != b->key || memcmp(a->extra, b->extra, sizeof a->extra)) return 0;
    const char *sa[3] = { a->bar_key, a->bar, a->help };
    const char *sb[3] = { b->bar_key, b->bar, b->help };
    for (int i = 0; i < 3; i++)
        if (!sa[i] != !sb[i] || (sa[i] && strcmp(sa[i], sb[i]))) return 0;
    return 1;
}

static void test_kinds_named(void **s)
{
    (void)s;
    assert_true(screen_kinds_n >= 15);
    for (int k = 0; k < screen_kinds_n; k++) {
        const screen_kind *kind = screen_kinds[k];
        assert_non_null(kind->name);
        for (int i = 0, n = keymap_count(kind); i < n; i++) {
            const keydef *d = keymap_at(kind, i);
            assert_non_null(d);
            assert_non_null(d->name);
            assert_true(d->help && d->help[0]);
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
                                                  screen_kinds[k]->name, screen_kinds[l]->name);
                    if (l == k) fail_msg("\"%s\" twice on %s", a->name, screen_kinds[k]->name);
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
            if (!live) fail_msg("\"%s\" on %s: every key of it runs another action", d->name, kind->name);
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kinds_named),
        cmocka_unit_test(test_names_stable),
        cmocka_unit_test(test_no_row_hidden),
        cmocka_unit_test(test_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
