/* cli_issuer: `ntm issuers`: the bodies that issue each commune's papers, with the codes
 * that --body and [letterhead] issuer take. */
#include "tui/cli/cli.h"
#include "model/db.h"
#include "model/i18n.h"
#include "model/issuer.h"
#include "model/unit.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void print_unit(ntm_db *db, const unit_row *u)
{
    issuer_rec *v = NULL;
    int n = 0;
    if (issuer_list(db, u->id, &v, &n) != DB_OK || n == 0) { free(v); return; }
    printf("%s (id %lld)\n", u->name, (long long)u->id);
    for (int i = 0; i < n; i++) {
        char sign[1400];
        snprintf(sign, sizeof sign, "%s%s%s%s%s", v[i].sign_authority, v[i].sign_authority[0] ? " / " : "",
                 v[i].sign_title, v[i].signer_name[0] ? ": " : "", v[i].signer_name);
        printf("  %-6s %s%s  [%s]%s\n      %s%s%s\n", v[i].code, v[i].name,
               v[i].is_default ? _("  (mặc định)") : "",
               v[i].party ? _("mẫu Đảng") : _("mẫu Nhà nước"),
               v[i].papers[0] ? v[i].papers : "", v[i].parent_name[0] ? v[i].parent_name : "",
               v[i].parent_name[0] ? " · " : "", sign);
    }
    free(v);
}

int cli_issuers(const cli_opts *o, ntm_config *cfg)
{
    const char *commune = NULL;
    for (int i = 1; i < o->argc; i++) {
        if (!strcmp(o->argv[i], "--commune") && i + 1 < o->argc) commune = o->argv[++i];
        else { fprintf(stderr, "ntm: %s: %s\n%s\n", _("issuers: tùy chọn không biết"),
                       o->argv[i], _("Xem: ntm --help")); return 2; }
    }
    ntm_db *db;
    if (!(db = cli_open_db(cfg, 0))) return 1;
    int rc = 0;
    if (commune) {
        int64_t id = 0;
        unit_row u;
        if (unit_find(db, 'c', 0, commune, &id) || unit_get(db, id, &u)) {
            fprintf(stderr, "ntm: %s\n", db_errmsg(db));
            rc = 1;
        } else print_unit(db, &u);
    } else {
        unit_list provinces, communes;         /* a small table: every province, then its communes */
        if (unit_children(db, 0, &provinces) != DB_OK) { fprintf(stderr, "ntm: %s\n", db_errmsg(db)); rc = 1; }
        for (int p = 0; !rc && p < provinces.n; p++) {
            print_unit(db, &provinces.v[p]);
            if (unit_children(db, provinces.v[p].id, &communes) != DB_OK) continue;
            for (int i = 0; i < communes.n; i++) print_unit(db, &communes.v[i]);
            unit_list_free(&communes);
        }
        if (!rc) unit_list_free(&provinces);
    }
    db_close(db);
    return rc;
}
