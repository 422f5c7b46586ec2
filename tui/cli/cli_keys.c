/* cli_keys: `ntm keys`, the actions of every screen with their names and keys (as ntm.ini's
 * [keys] binds them), for whoever writes that section. The tables are the screens' (curses
 * key codes), so the printing is tui/keys_list.c's and ntm sets the hook; ntm-batch, which
 * links no screen, says it cannot. */
#include "tui/cli/cli.h"
#include "model/i18n.h"
#include <stdio.h>

int (*cli_keys_hook)(const cli_opts *o, ntm_config *cfg);

int cli_keys(const cli_opts *o, ntm_config *cfg)
{
    if (o->argc > 1) {
        fprintf(stderr, "ntm: %s\n%s\n", L("keys không nhận đối số", "keys takes no arguments"),
                L("Xem: ntm --help", "See: ntm --help"));
        return 2;
    }
    if (!cli_keys_hook) {
        fprintf(stderr, "ntm: %s\n", L("keys: chỉ có trong ntm (ntm-batch không có giao diện toàn màn hình)",
                                       "keys: only in ntm (ntm-batch has no full screen)"));
        return 1;
    }
    return cli_keys_hook(o, cfg);
}
