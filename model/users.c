/* users: the user_role rows (users.h): list, add or change (names resolved, the role's
 * needs checked, the first user an admin, the last admin kept), remove. Writes run
 * with the role gate and triggers suspended, after role_may_manage_users, so root and
 * the file's owner can recover a file whose admins are gone. */
#include "model/users.h"
#include "model/db_internal.h"
#include "model/entity.h"
#include "model/field.h"
#include "model/i18n.h"
#include "model/pick.h"
#include "model/rows.h"
#include "model/text.h"
#include "model/unit.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define USER_COLS "r.id, r.version, coalesce(r.unit_id, 0), coalesce(r.person_id, 0), r.login, r.role, " \
    "coalesce(u.name, ''), coalesce(u.kind, ''), coalesce(p.full_name, ''), coalesce(r.note, ''), " \
    "coalesce((SELECT group_concat(name, ', ') FROM (SELECT h.name FROM user_hamlet x JOIN unit h ON h.id = x.hamlet_id " \
    "  WHERE x.user_id = r.id ORDER BY h.sort_key)), '') " \
    "FROM user_role r LEFT JOIN unit u ON u.id = r.unit_id LEFT JOIN person p ON p.id = r.person_id "

static void read_user(ntm_db *db, sqlite3_stmt *st, void *row)
{
    user_rec *r = row;
    char kind[16];
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, 0);
    r->version = sqlite3_column_int64(st, 1);
    r->unit_id = sqlite3_column_int64(st, 2);
    r->person_id = sqlite3_column_int64(st, 3);
    col_text(r->login, sizeof r->login, st, 4);
    r->role = role_parse((const char *)sqlite3_column_text(st, 5));
    col_text(r->unit, sizeof r->unit, st, 6);
    col_text(kind, sizeof kind, st, 7);
    r->unit_kind = !strcmp(kind, "province") ? 'p' : kind[0] ? 'c' : 0;
    col_text(r->person, sizeof r->person, st, 8);
    col_text(r->note, sizeof r->note, st, 9);
    col_text(r->hamlets, sizeof r->hamlets, st, 10);
}

int users_list(ntm_db *db, user_rec **out, int *n)
{
    static const char *sql = "SELECT " USER_COLS "ORDER BY r.login";
    sqlite3_stmt *st = db_stmt(db, sql);
    void *v = NULL;
    *out = NULL; *n = 0;
    if (!st) return DB_ERR;
    int rc = rows_all(db, st, read_user, sizeof **out, &v, n);
    *out = v;
    return rc;
}

int user_read(ntm_db *db, int64_t id, user_rec *out)
{
    static const char *sql = "SELECT " USER_COLS "WHERE r.id = ?1";
    int rc = rows_get(db, sql, id, read_user, out);
    if (rc == DB_NOTFOUND) return db_fail(db, DB_NOTFOUND, L("Không có người dùng số %lld", "No user with id %lld"), (long long)id);
    return rc;
}

int user_find(ntm_db *db, const char *login, user_rec *out)
{
    static const char *sql = "SELECT " USER_COLS "WHERE r.login = ?1";
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_text(st, 1, login ? login : "", -1, SQLITE_TRANSIENT);
    int rc = rows_one(db, st, read_user, out);
    if (rc == DB_NOTFOUND)
        return db_fail(db, DB_NOTFOUND, L("Không có người dùng \"%s\" trong tệp này (xem: ntm users).",
                                          "No user \"%s\" in this file (see: ntm users)."), login ? login : "");
    return rc;
}

/* ---- checks -------------------------------------------------------------------------- */

static int login_ok(const char *s)
{
    size_t n = strlen(s);
    if (!n || n > 32 || s[0] == '-' || s[0] == '.') return 0;
    for (; *s; s++) if (!isalnum((unsigned char)*s) && *s != '_' && *s != '-' && *s != '.') return 0;
    return 1;
}

static int is_blank(const char *s) { return !s || !s[strspn(s, " \t")]; }

/* A failure whose message (db->err, from unit_find...) is put under field. */
static int under(ntm_db *db, int rc, const char *field, const char *label)
{
    char msg[sizeof db->err];
    text_copy(msg, sizeof msg, db->err);
    return db_fail_field(db, rc == DB_NOTFOUND || rc == DB_INVALID ? DB_INVALID : rc, field, label, "%s", msg);
}

/* The commune or province typed: a commune first (officers of a province may type it). */
static int find_unit(ntm_db *db, const char *name, int province_ok, int64_t *id, char *kind)
{
    const char *label = L("Xã", "Commune");
    int rc = unit_find(db, 'c', 0, name, id);
    *kind = 'c';
    if (rc == DB_NOTFOUND && province_ok && unit_find(db, 'p', 0, name, id) == DB_OK) { *kind = 'p'; return DB_OK; }
    return rc ? under(db, rc, "unit", label) : DB_OK;
}

typedef struct { int64_t v[64]; int n; } id_list;

/* "Nậy, Trung Mỹ" (or ids) as hamlets of the commune. */
static int find_hamlets(ntm_db *db, int64_t commune, const char *text, id_list *out)
{
    const char *label = L("Thôn phụ trách", "Hamlets");
    char part[256];
    out->n = 0;
    for (const char *p = text ? text : ""; *p;) {
        size_t k = strcspn(p, ",;");
        if (k >= sizeof part) k = sizeof part - 1;
        memcpy(part, p, k);
        part[k] = 0;
        p += k + (p[k] != 0);
        char *s = part;
        while (*s == ' ') s++;
        for (size_t e = strlen(s); e && s[e - 1] == ' '; e--) s[e - 1] = 0;
        if (!*s) continue;
        int64_t id;
        int rc = unit_find(db, 'h', commune, s, &id);
        if (rc) return under(db, rc, "hamlets", label);
        if (out->n == (int)(sizeof out->v / sizeof out->v[0]))
            return db_fail_field(db, DB_INVALID, "hamlets", label, "%s", L("quá nhiều thôn", "too many hamlets"));
        int dup = 0;
        for (int i = 0; i < out->n; i++) dup |= out->v[i] == id;
        if (!dup) out->v[out->n++] = id;
    }
    return DB_OK;
}

static int count_admins(ntm_db *db, int64_t except, int *admins, int *others)
{
    static const char *sql = "SELECT count(*) FILTER (WHERE role = 'admin'), count(*) FILTER (WHERE role <> 'admin') "
                             "FROM user_role WHERE id <> ?1";
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, except);
    int rc = sqlite3_step(st);
    *admins = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    *others = rc == SQLITE_ROW ? sqlite3_column_int(st, 1) : 0;
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? DB_OK : db_sqlite_error(db, rc);
}

/* The file keeps an admin while it has users (role.h: the checks are on with one). */
static int keeps_admin(ntm_db *db, int64_t id, role_kind role, int removing)
{
    int admins, others;
    int rc = count_admins(db, id, &admins, &others);
    if (rc) return rc;
    if (!removing && role == ROLE_ADMIN) return DB_OK;
    if (admins > 0) return DB_OK;
    if (removing && others == 0) return DB_OK;                 /* the last user: the checks go off */
    if (!removing && !id)
        return db_fail_field(db, DB_INVALID, "role", L("Vai trò", "Role"), "%s",
                             L("người dùng đầu tiên phải là quản trị (admin): khi tệp có quản trị thì các vai trò mới có hiệu lực",
                               "the first user must be an administrator (admin): the roles take effect once the file has one"));
    return db_fail_field(db, DB_INVALID, "role", L("Vai trò", "Role"), "%s",
                         L("đây là quản trị cuối cùng: thêm một quản trị khác trước (hoặc xóa mọi người dùng khác)",
                           "this is the last administrator: add another one first (or remove every other user)"));
}

typedef struct {
    const user_fields *f;
    role_kind role;
    int64_t unit, person;
    char unit_kind;
    id_list hamlets;
    char *login, *note;
} user_plan;

/* What the role needs: a commune (a province for an officer too), hamlets, a person. */
static int plan_scope(ntm_db *db, user_plan *p)
{
    const user_fields *f = p->f;
    int member = p->role == ROLE_STEERING || p->role == ROLE_HEAD;
    int rc;
    if (!is_blank(f->unit) && (rc = find_unit(db, f->unit, p->role != ROLE_STEERING && p->role != ROLE_HEAD, &p->unit, &p->unit_kind)))
        return rc;
    if ((p->role == ROLE_OFFICER || member) && !p->unit)
        return db_fail_field(db, DB_INVALID, "unit", L("Xã", "Commune"), "%s",
                             p->role == ROLE_OFFICER ? L("cán bộ cần xã (hoặc tỉnh) của mình", "an officer needs their commune (or province)")
                                                     : L("cần xã của thôn phụ trách", "needs the commune of their hamlets"));
    if (!is_blank(f->hamlets) && !member)
        return db_fail_field(db, DB_INVALID, "hamlets", L("Thôn phụ trách", "Hamlets"), "%s",
                             L("chỉ thành viên BCĐ và trưởng thôn có thôn phụ trách", "only steering members and hamlet heads have hamlets"));
    if (!is_blank(f->person) && !member)
        return db_fail_field(db, DB_INVALID, "person", L("Cán bộ", "Person"), "%s",
                             L("chỉ thành viên BCĐ và trưởng thôn gắn với một người của xã", "only steering members and hamlet heads are a person of the commune"));
    if (member && (rc = find_hamlets(db, p->unit, f->hamlets, &p->hamlets))) return rc;
    if (member && !is_blank(f->person)) {
        char kind = 0;
        rc = pick_owner_find(db, p->unit, f->person, &kind, &p->person);
        if (rc) return under(db, rc, "person", L("Cán bộ", "Person"));
        if (kind != 'p')
            return db_fail_field(db, DB_INVALID, "person", L("Cán bộ", "Person"), L("\"%s\" là một tổ chức, không phải một người",
                                 "\"%s\" is an organisation, not a person"), f->person);
    }
    if (p->role == ROLE_HEAD && p->hamlets.n != 1)
        return db_fail_field(db, DB_INVALID, "hamlets", L("Thôn phụ trách", "Hamlets"), "%s",
                             L("trưởng thôn cần đúng một thôn", "a hamlet head needs exactly one hamlet"));
    if (p->role == ROLE_STEERING && !p->hamlets.n && !p->person)
        return db_fail_field(db, DB_INVALID, "hamlets", L("Thôn phụ trách", "Hamlets"), "%s",
                             L("thành viên BCĐ cần thôn phụ trách, hoặc là một người của xã (phụ trách việc của mình)",
                               "a steering member needs hamlets, or to be a person of the commune (in charge of their own work)"));
    return DB_OK;
}

static int plan_user(ntm_db *db, user_plan *p)
{
    const user_fields *f = p->f;
    int rc = field_text(db, "login", L("Tên đăng nhập", "Login"), f->login, 1, 32, &p->login);
    if (!rc && !login_ok(p->login))
        rc = db_fail_field(db, DB_INVALID, "login", L("Tên đăng nhập", "Login"), L("\"%s\" không phải tên người dùng Unix (chữ, số, . _ -)",
                           "\"%s\" is not a Unix user name (letters, digits, . _ -)"), p->login);
    if (!rc && !(p->role = role_parse(f->role)))
        rc = db_fail_field(db, DB_INVALID, "role", L("Vai trò", "Role"), L("không có vai trò \"%s\" (có: admin, officer, steering, head, leader)",
                           "no role \"%s\" (known: admin, officer, steering, head, leader)"), f->role ? f->role : "");
    if (!rc) rc = plan_scope(db, p);
    if (!rc) rc = field_text(db, "note", L("Ghi chú", "Note"), f->note, 0, 400, &p->note);
    return rc;
}

/* ---- writes -------------------------------------------------------------------------- */

static int put_hamlets(ntm_db *db, int64_t user, const id_list *h)
{
    static const char *del = "DELETE FROM user_hamlet WHERE user_id = ?1";
    static const char *ins = "INSERT INTO user_hamlet(user_id, hamlet_id) VALUES (?1, ?2)";
    int rc = rows_exec(db, del, user);
    for (int i = 0; !rc && i < h->n; i++) {
        sqlite3_stmt *st = db_stmt(db, ins);
        if (!st) return DB_ERR;
        sqlite3_bind_int64(st, 1, user);
        sqlite3_bind_int64(st, 2, h->v[i]);
        rc = step_done(db, st);
    }
    return rc;
}

static int user_write(ntm_db *db, void *arg)
{
    static const char *dup = "SELECT 1 FROM user_role WHERE login = ?1 AND id <> ?2";
    static const char *ins = "INSERT INTO user_role(login, role, unit_id, person_id, note) VALUES (?1, ?2, ?3, ?4, ?5)";
    static const char *upd = "UPDATE user_role SET login = ?1, role = ?2, unit_id = ?3, person_id = ?4, note = ?5, "
        "version = version + 1, updated_at = " ENT_NOW " WHERE id = ?6 AND version = ?7";
    const edit_args *a = arg;
    user_plan p = { .f = a->f };
    int rc = plan_user(db, &p);
    sqlite3_stmt *st;
    if (!rc && (st = db_stmt(db, dup))) {
        sqlite3_bind_text(st, 1, p.login, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 2, a->id);
        if (sqlite3_step(st) == SQLITE_ROW)
            rc = db_fail_field(db, DB_INVALID, "login", L("Tên đăng nhập", "Login"), L("đã có người dùng \"%s\"", "there is a user \"%s\" already"), p.login);
        sqlite3_reset(st);
    }
    if (!rc) rc = keeps_admin(db, a->id, p.role, 0);
    if (!rc && !(st = db_stmt(db, a->id ? upd : ins))) rc = DB_ERR;
    if (!rc) {
        sqlite3_bind_text(st, 1, p.login, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, role_code(p.role), -1, SQLITE_STATIC);
        bind_id_or_null(st, 3, p.unit);
        bind_id_or_null(st, 4, p.person);
        bind_text_or_null(st, 5, p.note);
        if (a->id) { sqlite3_bind_int64(st, 6, a->id); sqlite3_bind_int64(st, 7, a->version); }
        rc = edit_step(db, st, a, "user_role", L("người dùng", "user"));
    }
    if (!rc) rc = put_hamlets(db, a->id ? a->id : *a->out, &p.hamlets);
    free(p.login); free(p.note);
    return rc;
}

static int user_del(ntm_db *db, void *arg)
{
    int64_t id = *(int64_t *)arg;
    user_rec u;
    int rc = user_read(db, id, &u);
    if (!rc && u.role == ROLE_ADMIN) rc = keeps_admin(db, id, ROLE_ADMIN, 1);
    if (!rc) rc = rows_exec(db, "DELETE FROM user_role WHERE id = ?1", id);
    return rc;
}

/* As the manager of users: refused unless allowed; then no role gate or triggers. */
static int as_manager(ntm_db *db, int (*fn)(ntm_db *, void *), void *arg)
{
    if (!role_may_manage_users(db)) {
        role_me me;
        role_whoami(db, &me);
        return db_fail(db, DB_DENIED, L("Chỉ quản trị (hoặc root, hoặc chủ của tệp %s) được sửa danh sách người dùng; bạn (%s) là %s.",
                                        "Only an administrator (or root, or the owner of the file %s) may change the list of users; you (%s) are %s."),
                       db_path(db), me.login, me.as);
    }
    role_suspend(db);
    int rc = ent_in_tx(db, fn, arg);
    role_resume(db);
    return rc;
}

int user_save(ntm_db *db, int64_t id, int64_t version, const user_fields *f, int64_t *out)
{
    int64_t made = 0;
    edit_args a = { f, id, version, out ? out : &made };
    return as_manager(db, user_write, &a);
}

int user_delete(ntm_db *db, int64_t id) { return as_manager(db, user_del, &id); }
