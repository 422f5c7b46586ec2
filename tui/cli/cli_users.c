/* cli_users: `ntm users`: the Unix users of the file and their roles (model/users.h;
 * what each role may do: model/role.h). List for everyone; add, set and remove for an
 * administrator (or root, or the file's owner: the model decides and says why not). */
#include "tui/cli/cli.h"
#include "model/db.h"
#include "model/i18n.h"
#include "model/role.h"
#include "model/users.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int usage(const char *what, const char *arg)
{
    fprintf(stderr, "ntm: users: %s%s%s\n%s\n", what, arg ? ": " : "", arg ? arg : "", _("Xem: ntm --help"));
    return 2;
}

static void print_user(const user_rec *u, const char *me)
{
    char scope[1200] = "";
    size_t k = 0;
    if (u->unit[0]) k += (size_t)snprintf(scope + k, sizeof scope - k, "%s %s", u->unit_kind == 'p' ? _("tỉnh") : _("xã"), u->unit);
    if (u->hamlets[0] && k < sizeof scope) k += (size_t)snprintf(scope + k, sizeof scope - k, "%s%s %s", k ? "; " : "", C_("hamlets", "thôn"), u->hamlets);
    if (u->person[0] && k < sizeof scope) k += (size_t)snprintf(scope + k, sizeof scope - k, "%s%s %s", k ? "; " : "", C_("person", "người"), u->person);
    printf("%c %-16s %-9s %s%s%s%s%s\n", strcmp(u->login, me) ? ' ' : '*', u->login, role_code(u->role), role_name(u->role), scope[0] ? ": " : "",
           scope, u->note[0] ? "  # " : "", u->note);
}

static int list(ntm_db *db)
{
    user_rec *v = NULL;
    int n = 0;
    role_me me;
    if (role_whoami(db, &me) || users_list(db, &v, &n)) { fprintf(stderr, "ntm: %s\n", db_errmsg(db)); return 1; }
    if (!me.on)
        printf("%s\n", _("Tệp chưa có quản trị: mọi người dùng đều sửa được mọi thứ (thêm một quản trị để bật phân quyền: ntm users add TÊN admin)."));
    else
        printf(_("Bạn (%s) là %s.\n"), me.login, me.as);
    for (int i = 0; i < n; i++) print_user(&v[i], me.login);
    free(v);
    return 0;
}

/* --commune, --hamlet (again for more), --person, --note, --role (set only) into f. */
static int options(const cli_opts *o, int from, int with_role, user_fields *f, char *hamlets, size_t hn, int *got_hamlets)
{
    size_t k = 0;
    for (int i = from; i < o->argc; i++) {
        const char *a = o->argv[i], *v = i + 1 < o->argc ? o->argv[i + 1] : NULL;
        if (!v) return usage(_("thiếu giá trị sau"), a);
        if (!strcmp(a, "--commune") || !strcmp(a, "--province")) f->unit = v;
        else if (!strcmp(a, "--person")) f->person = v;
        else if (!strcmp(a, "--note")) f->note = v;
        else if (with_role && !strcmp(a, "--role")) f->role = v;
        else if (!strcmp(a, "--hamlet")) {
            *got_hamlets = 1;
            if (k < hn) k += (size_t)snprintf(hamlets + k, hn - k, "%s%s", k ? "," : "", v);
        } else return usage(_("tùy chọn không biết"), a);
        i++;
    }
    if (*got_hamlets) f->hamlets = hamlets;
    return 0;
}

static int fail(ntm_db *db)
{
    fprintf(stderr, "ntm: %s\n", db_errmsg(db));
    return 1;
}

static int add(ntm_db *db, const cli_opts *o)
{
    if (o->argc < 4) return usage(_("cần TÊN_ĐĂNG_NHẬP và VAI_TRÒ"), NULL);
    char hamlets[2048] = "";
    int got = 0;
    user_fields f = { .login = o->argv[2], .role = o->argv[3] };
    int rc = options(o, 4, 0, &f, hamlets, sizeof hamlets, &got);
    if (rc) return rc;
    if (user_save(db, 0, 0, &f, NULL)) return fail(db);
    printf(_("Đã thêm %s (%s).\n"), f.login, role_name(role_parse(f.role)));
    return 0;
}

static int set(ntm_db *db, const cli_opts *o)
{
    if (o->argc < 3) return usage(_("cần TÊN_ĐĂNG_NHẬP"), NULL);
    user_rec u;
    if (user_find(db, o->argv[2], &u)) return fail(db);
    char hamlets[2048] = "", unit[32] = "";
    int got = 0;
    if (u.unit_id) snprintf(unit, sizeof unit, "%lld", (long long)u.unit_id);
    user_fields f = { .login = u.login, .role = role_code(u.role), .unit = unit, .note = u.note };
    int rc = options(o, 3, 1, &f, hamlets, sizeof hamlets, &got);
    if (rc) return rc;
    /* what is not typed stays, when the (new) role still has it */
    role_kind k = role_parse(f.role);
    int member = k == ROLE_STEERING || k == ROLE_HEAD;
    if (!got && member) f.hamlets = u.hamlets;
    if (!f.person && member) f.person = u.person;
    if (user_save(db, u.id, u.version, &f, NULL)) return fail(db);
    printf(_("Đã sửa %s (%s).\n"), u.login, role_name(k));
    return 0;
}

static int remove_user(ntm_db *db, const cli_opts *o)
{
    if (o->argc != 3) return usage(_("cần đúng một TÊN_ĐĂNG_NHẬP"), NULL);
    user_rec u;
    if (user_find(db, o->argv[2], &u) || user_delete(db, u.id)) return fail(db);
    printf(_("Đã xóa người dùng %s.\n"), u.login);
    return 0;
}

int cli_users(const cli_opts *o, ntm_config *cfg)
{
    const char *sub = o->argc > 1 ? o->argv[1] : "list";
    if (strcmp(sub, "list") && strcmp(sub, "add") && strcmp(sub, "set") && strcmp(sub, "remove"))
        return usage(_("lệnh con không biết (có: list, add, set, remove)"), sub);
    if (!strcmp(sub, "list") && o->argc > 2) return usage(_("thừa tham số"), o->argv[2]);
    ntm_db *db;
    if (!(db = cli_open_db(cfg, 0))) return 1;
    int rc = !strcmp(sub, "add") ? add(db, o) : !strcmp(sub, "set") ? set(db, o) : !strcmp(sub, "remove") ? remove_user(db, o) : list(db);
    db_close(db);
    return rc;
}
