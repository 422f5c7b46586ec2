/* keys_list: `ntm keys` (tui/main.c hands it to tui/cli/cli_keys.c): what ntm.ini's [keys] can name.
 * First the loop's rows, then each screen's own, each with its name, its keys as bound
 * now and its help line; a loop row bound otherwise on one screen is listed there too. */
#include "tui/keymap.h"
#include "model/i18n.h"
#include <stdio.h>
#include <string.h>

enum { NAME_COLS = 22, KEYS_COLS = 22 };

/* s and spaces up to cols columns (a code point is a column: names and keys are ASCII,
 * arrows and Vietnamese letters). */
static void cell(const char *s, int cols)
{
    int w = 0;
    for (const char *p = s; *p; p++) w += ((unsigned char)*p & 0xC0) != 0x80;
    printf("%s%*s", s, w < cols ? cols - w : 1, "");
}

static void row(const keydef *k)
{
    char keys[96];
    keymap_keys_text(k, 0, keys, sizeof keys);
    printf("  ");
    cell(k->name, NAME_COLS);
    cell(keys, KEYS_COLS);
    printf("%s\n", L(k->help_vi, k->help_en));
}

static int same_keys(const keydef *a, const keydef *b)
{
    return a->key == b->key && !memcmp(a->extra, b->extra, sizeof a->extra);
}

static void kind(const screen_kind *k)
{
    char id[40];
    int shown = 0;
    keymap_kind_id(k, id, sizeof id);
    for (int i = 0, n = keymap_count(k); i < n; i++) {
        const keydef *d = keymap_at(k, i);
        /* the loop's rows only where this screen binds them otherwise */
        if (!keymap_own(k, d) && same_keys(d, keymap_bound(screen_kinds[0], keymap_orig(d)))) continue;
        if (!shown++) printf("\n%s [%s]\n", L(k->name_vi, k->name_en), id);
        row(d);
    }
}

int keymap_print(const struct ntm_config *cfg)
{
    char err[1024];
    if (keymap_configure(cfg, err, sizeof err) != 0) {
        fprintf(stderr, "ntm: %s\n", err);
        return 1;
    }
    printf("%s\n", L("# Tên hành động, phím, việc làm. Đổi phím trong ntm.ini: [keys] tên = phím (mọi màn hình có "
                     "hành động ấy) hoặc màn_hình.tên = phím; xem man ntm.ini.",
                     "# Action name, keys, what it does. Rebind in ntm.ini: [keys] name = key (every screen with "
                     "that action) or screen.name = key; see man ntm.ini."));
    printf("\n%s\n", L("Mọi màn hình danh sách", "Every list screen"));
    const screen_kind *list = screen_kinds[0];
    for (int i = 0, n = keymap_count(list); i < n; i++)
        if (!keymap_own(list, keymap_at(list, i))) row(keymap_at(list, i));
    for (int k = 0; k < screen_kinds_n; k++) kind(screen_kinds[k]);
    return fflush(stdout) == 0 ? 0 : 1;
}
