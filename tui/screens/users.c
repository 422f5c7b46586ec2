/* users: the list of users and roles, with its n/e/d forms (users.h). The model decides
 * who may change the list (role_may_manage_users) and says why not; the screen asks it
 * before a form opens, so nobody types a whole form to be refused. */
#include "tui/screens/users.h"
#include "tui/entry.h"
#include "tui/widgets/draw.h"
#include "model/i18n.h"
#include "model/role.h"
#include "model/text.h"
#include "model/users.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct users_screen {
    screen base;
    user_rec *v;
    int n;
    char **keys;                 /* folded search text per row */
    char me[600];                /* "Bạn (nam) là trưởng thôn Nậy." */
} users_screen;

enum { CELL = 1300 };

static void scope_text(const user_rec *u, char *out, size_t n)
{
    size_t k = 0;
    out[0] = 0;
    if (u->unit[0]) k += (size_t)snprintf(out + k, n - k, "%s %s", u->unit_kind == 'p' ? _("tỉnh") : _("xã"), u->unit);
    if (u->hamlets[0] && k < n) k += (size_t)snprintf(out + k, n - k, "%s%s %s", k ? "; " : "", C_("hamlets", "thôn"), u->hamlets);
    if (u->person[0] && k < n) snprintf(out + k, n - k, "%s%s %s", k ? "; " : "", C_("person", "người"), u->person);
}

static void draw_row(WINDOW *w, int y, const char *login, const char *what, const char *scope, role base)
{
    int width = getmaxx(w), x = 0;
    draw_role(w, base);
    x += draw_text(w, y, x, 1, " ", DRAW_PAD);
    x += draw_text(w, y, x, 20, login, DRAW_PAD);
    x += draw_text(w, y, x, 21, what, DRAW_PAD);
    if (x < width) draw_text(w, y, x, width - x, scope, DRAW_PAD);
    draw_role(w, R_NORMAL);
}

static void users_draw(screen *s, tui *t, int flags)
{
    users_screen *u = (users_screen *)s;
    WINDOW *w = t->list;
    if (!(flags & REDRAW_LIST)) return;
    int height = getmaxy(w) - 2;
    char head[80], scope[CELL];
    werase(w);
    draw_text(w, 0, 1, getmaxx(w) - 2, u->me, 0);
    snprintf(head, sizeof head, _("Tên đăng nhập (%d)"), u->n);
    draw_row(w, 1, head, _("Vai trò"), _("Phạm vi"), R_HEADER);
    list_scroll(&s->lv, height);
    for (int i = 0; i < height && s->lv.top + i < s->lv.n; i++) {
        int pos = s->lv.top + i;
        const user_rec *r = &u->v[s->lv.idx[pos]];
        scope_text(r, scope, sizeof scope);
        draw_row(w, i + 2, r->login, role_name(r->role), scope, pos == s->lv.cur ? R_SELECTED : R_NORMAL);
    }
    if (s->lv.n == 0)
        draw_text(w, 3, 2, getmaxx(w) - 4, s->lv.query[0] ? _("Không có dòng nào khớp với từ tìm.")
                  : _("Chưa có người dùng: mọi người sửa được mọi thứ. Nhấn n để thêm quản trị đầu tiên."), 0);
}

static int users_match(void *s, int row, const char *q)
{
    users_screen *u = s;
    return row >= 0 && row < u->n && u->keys[row] && text_match(u->keys[row], q);
}

static void drop(users_screen *u)
{
    for (int i = 0; u->keys && i < u->n; i++) free(u->keys[i]);
    free(u->keys); free(u->v);
    u->keys = NULL; u->v = NULL; u->n = 0;
}

static int load(users_screen *u, tui *t)
{
    role_me me;
    drop(u);
    if (role_whoami(t->db, &me) || users_list(t->db, &u->v, &u->n)) { drop(u); tui_db_error(t); }
    else if (!me.on) text_copy(u->me, sizeof u->me, _("Tệp chưa có quản trị: phân quyền chưa bật."));
    else snprintf(u->me, sizeof u->me, _("Bạn (%s) là %s."), me.login, me.as);
    u->keys = calloc((size_t)u->n + 1, sizeof *u->keys);
    if (!u->keys || list_reset(&u->base.lv, u->n) < 0) {
        drop(u);
        list_reset(&u->base.lv, 0);
        return tui_message(t, 1, "%s", _("Hết bộ nhớ"));
    }
    char all[CELL + 200];
    for (int i = 0; i < u->n; i++) {
        char scope[CELL];
        scope_text(&u->v[i], scope, sizeof scope);
        snprintf(all, sizeof all, "%s %s %s %s", u->v[i].login, role_code(u->v[i].role), role_name(u->v[i].role), scope);
        u->keys[i] = text_fold(all);
    }
    list_filter(&u->base.lv, users_match, u);
    return 0;
}

static void users_select(screen *s, int64_t id)
{
    users_screen *u = (users_screen *)s;
    for (int i = 0; i < u->n; i++)
        if (u->v[i].id == id) list_select(&s->lv, i);
}

static int users_reload(screen *s, tui *t)
{
    users_screen *u = (users_screen *)s;
    int row = list_row(&s->lv);
    int64_t id = row >= 0 && row < u->n ? u->v[row].id : 0;
    int flags = load(u, t) | REDRAW_ALL;
    if (id) users_select(s, id);
    return flags;
}

/* ---- the form ------------------------------------------------------------------------ */

enum { F_LOGIN, F_ROLE, F_UNIT, F_HAMLETS, F_PERSON, F_NOTE, F_N };

static const form_option ROLES[] = {
    { ROLE_ADMIN, N_("quản trị (admin)") },
    { ROLE_OFFICER, N_("cán bộ xã/tỉnh (officer)") },
    { ROLE_STEERING, N_("thành viên BCĐ (steering)") },
    { ROLE_HEAD, N_("trưởng thôn (head)") },
    { ROLE_LEADER, N_("lãnh đạo, chỉ xem (leader)") },
};

typedef struct user_form { tui *t; int64_t id, version, new_id; int unchanged; } user_form;

static int save_user(form *f, void *ctx)
{
    user_form *c = ctx;
    if (c->id && !form_changed(f)) { c->unchanged = 1; return 0; }
    int k = form_choice(f, F_ROLE);
    user_fields uf = { form_text(f, F_LOGIN), role_code(k > 0 ? (role_kind)k : ROLE_NONE), form_text(f, F_UNIT),
                       form_text(f, F_HAMLETS), form_text(f, F_PERSON), form_text(f, F_NOTE) };
    int rc = user_save(c->t->db, c->id, c->version, &uf, &c->new_id);
    if (rc == DB_OK) return 0;
    if (rc == DB_CONFLICT) return FORM_SAVE_CONFLICT;
    if (entry_write_gone(f, c->t->db, rc)) return FORM_SAVE_GONE;
    static const entry_field fields[] = { { "login", F_LOGIN }, { "role", F_ROLE }, { "unit", F_UNIT }, { "hamlets", F_HAMLETS },
                                          { "person", F_PERSON }, { "note", F_NOTE }, { NULL, 0 } };
    entry_model_error(f, fields, c->t->db);
    return 1;
}

static void fill_user(form *f, const user_rec *r)
{
    form_set_choice(f, F_ROLE, (int)r->role);
    form_set_text(f, F_LOGIN, r->login);
    form_set_text(f, F_UNIT, r->unit);
    form_set_text(f, F_HAMLETS, r->hamlets);
    form_set_text(f, F_PERSON, r->person);
    form_set_text(f, F_NOTE, r->note);
}

/* The user's row as it is now, for the form's conflict view; its version for the next save. */
static int reread_user(form *theirs, void *ctx, form_who *who)
{
    user_form *c = ctx;
    user_rec *r = calloc(1, sizeof *r);
    int rc = r ? user_read(c->t->db, c->id, r) : DB_ERR;
    if (rc == DB_OK) { fill_user(theirs, r); c->version = r->version; }
    free(r);
    return entry_reread_done(c->t, rc, "user_role", c->id, who);
}

/* Not an administrator (nor root, nor the file's owner): said on the status line. */
static int refuse(tui *t)
{
    if (role_may_manage_users(t->db)) return 0;
    role_me me;
    role_whoami(t->db, &me);
    tui_message(t, 1, _("Chỉ quản trị được sửa danh sách người dùng; bạn (%s) là %s."), me.login, me.as);
    return 1;
}

static int user_form_run(tui *t, const user_rec *r)
{
    if (refuse(t)) return REDRAW_STATUS;
    const form_spec spec[F_N] = {
        entry_text(N_("Tên đăng nhập"), 1, 32, N_("Tên người dùng Unix (lệnh whoami)")),
        entry_enum(N_("Vai trò"), 1, ROLES, 5, NULL),
        entry_text(N_("Xã"), 0, 200, N_("Cán bộ: xã (hoặc tỉnh) của mình; BCĐ, trưởng thôn: xã của thôn")),
        entry_text(NC_("Hamlets", "Thôn phụ trách"), 0, 800, N_("BCĐ: các thôn, cách nhau bằng dấu phẩy; trưởng thôn: một thôn")),
        entry_text(N_("Là cán bộ"), 0, 120, N_("BCĐ: người trong danh sách cán bộ của xã (việc, tiêu chí mình phụ trách)")),
        entry_text(N_("Ghi chú"), 0, 400, NULL),
    };
    user_form c = { .t = t, .id = r ? r->id : 0, .version = r ? r->version : 0 };
    form *f = form_new(r ? _("Sửa người dùng") : _("Thêm người dùng"), spec, F_N);
    if (!f) return tui_message(t, 1, "%s", _("Hết bộ nhớ"));
    if (r) { fill_user(f, r); form_set_reread(f, reread_user); }
    else form_set_choice(f, F_ROLE, ROLE_OFFICER);
    int flags = REDRAW_ALL;
    if (entry_form_run(t, f, save_user, &c) == FORM_SAVED) {
        char saved[sizeof t->msg];
        snprintf(saved, sizeof saved, _("Đã lưu người dùng %s."), form_text(f, F_LOGIN));
        flags |= entry_after_save(t, c.unchanged, c.id ? c.id : c.new_id, saved);
    }
    form_free(f);
    return flags;
}

static int user_remove(tui *t, const user_rec *r)
{
    char q[200];
    if (refuse(t)) return REDRAW_STATUS;
    snprintf(q, sizeof q, _("Xóa người dùng %s (%s)?"), r->login, role_name(r->role));
    if (!entry_confirm(t, q)) return REDRAW_ALL;
    if (user_delete(t->db, r->id) != DB_OK) return tui_db_error(t) | REDRAW_ALL;
    int flags = entry_after_write(t, 0);
    tui_message(t, 0, _("Đã xóa người dùng %s."), r->login);
    return flags;
}

static int users_key(screen *s, tui *t, int action)
{
    users_screen *u = (users_screen *)s;
    int row = list_row(&s->lv);
    const user_rec *r = row >= 0 && row < u->n ? &u->v[row] : NULL;
    switch (action) {
    case ACT_NEW: return user_form_run(t, NULL);
    case ACT_EDIT: case ACT_DELETE: {
        if (!r) return tui_message(t, 1, "%s", _("Chưa có người dùng: nhấn n để thêm."));
        user_rec copy = *r;              /* the list is read again after a write */
        return action == ACT_DELETE ? user_remove(t, &copy) : user_form_run(t, &copy);
    }
    default: return 0;
    }
}

static void users_free(screen *s)
{
    users_screen *u = (users_screen *)s;
    drop(u);
    list_free(&s->lv);
    free(u);
}

static const struct screen_ops users_ops = {
    .draw = users_draw, .key = users_key, .reload = users_reload, .match = users_match, .free = users_free,
    .select = users_select,
};

static const keydef users_keys[] = {
    KEYS_BACK, KEYS_SEARCH,
    { ACT_NEW, "new_user", 'n', { 0 }, NULL, NC_("New", "Thêm"), N_("Thêm một người dùng (chỉ quản trị)") },
    { ACT_EDIT, "edit_user", 'e', { '\n', '\r', KEY_FN(KEY_ENTER) }, NULL, N_("Sửa"),
      N_("Đổi vai trò, xã, thôn phụ trách của người đang chọn (chỉ quản trị)") },
    KEYS_DELETE,
};
const screen_kind users_kind = SCREEN_KIND(N_("người dùng và vai trò"), users_keys);

screen *users_new(tui *t)
{
    users_screen *u = calloc(1, sizeof *u);
    if (!u) return NULL;
    u->base.ops = &users_ops;
    u->base.kind = &users_kind;
    text_copy(u->base.crumb, sizeof u->base.crumb, _("Người dùng"));
    load(u, t);
    return &u->base;
}
