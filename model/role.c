/* role: the rule of role.h. The user's row is read at every write (role_gate, from
 * db_begin) and the TEMP triggers that hold a limited role to its scope are made from
 * one table of conditions (RULES), which role_check_row also asks before a form opens. */
#include "model/role.h"
#include "model/db_internal.h"
#include "model/i18n.h"
#include "model/rows.h"
#include "model/text.h"
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct role_state {
    char sig[2400];          /* the user's row as last read */
    char made[2400];         /* the sig the triggers were made for; "" none */
    int read;                /* sig read at least once */
    int on;
    role_kind kind;
    int64_t unit, person;
    char unit_kind;          /* 'p' province, 'c' commune, 0 none */
    char hamlets[2048];      /* "5,6": the user's hamlet ids, for SQL */
    char as[480];
    char you[560];           /* "bạn (lan) là trưởng thôn Nậy" */
    uid_t uid;               /* the user's, for the recovery rights (db_set_user: that name's) */
};

static const char *const CODES[ROLE_N] = { "", "admin", "officer", "steering", "head", "leader" };

const char *role_code(role_kind k) { return (int)k >= 0 && (int)k < ROLE_N ? CODES[k] : ""; }

const char *role_name(role_kind k)
{
    switch (k) {
    case ROLE_ADMIN: return _("quản trị");
    case ROLE_OFFICER: return _("cán bộ xã");
    case ROLE_STEERING: return _("thành viên BCĐ");
    case ROLE_HEAD: return _("trưởng thôn");
    case ROLE_LEADER: return _("lãnh đạo (chỉ xem)");
    default: return _("chưa có vai trò");
    }
}

role_kind role_parse(const char *s)
{
    static const struct { const char *word; role_kind k; } WORDS[] = {
        { "quan tri", ROLE_ADMIN }, { "can bo", ROLE_OFFICER }, { "can bo xa", ROLE_OFFICER }, { "can bo tinh", ROLE_OFFICER },
        { "thanh vien bcd", ROLE_STEERING }, { "bcd", ROLE_STEERING }, { "truong thon", ROLE_HEAD },
        { "lanh dao", ROLE_LEADER }, { "lanh dao (chi xem)", ROLE_LEADER },
    };
    if (!s) return ROLE_NONE;
    char *f = text_fold(s);
    if (!f) return ROLE_NONE;
    role_kind k = ROLE_NONE;
    for (int i = 1; i < ROLE_N && !k; i++) if (!strcmp(f, CODES[i])) k = (role_kind)i;
    for (size_t i = 0; i < sizeof WORDS / sizeof WORDS[0] && !k; i++) if (!strcmp(f, WORDS[i].word)) k = WORDS[i].k;
    free(f);
    return k;
}

/* ---- the user's row ------------------------------------------------------------------ */

static struct role_state *state(ntm_db *db)
{
    if (!db->role && (db->role = calloc(1, sizeof *db->role))) db->role->uid = getuid();
    return db->role;
}

static void describe(struct role_state *r, const char *login, const char *unit, const char *person, const char *hamlets)
{
    switch (r->kind) {
    case ROLE_ADMIN: snprintf(r->as, sizeof r->as, "%s", r->uid == 0 ? _("quản trị (root)") : C_("an administrator", "quản trị")); break;
    case ROLE_OFFICER:
        if (!unit[0]) snprintf(r->as, sizeof r->as, "%s", _("cán bộ chưa gắn với xã nào"));
        else if (r->unit_kind == 'p') snprintf(r->as, sizeof r->as, _("cán bộ tỉnh %s"), unit);
        else snprintf(r->as, sizeof r->as, _("cán bộ xã %s"), unit);
        break;
    case ROLE_STEERING:
        if (hamlets[0] && person[0]) snprintf(r->as, sizeof r->as, _("thành viên BCĐ %s, phụ trách thôn %s"), person, hamlets);
        else if (hamlets[0]) snprintf(r->as, sizeof r->as, _("thành viên BCĐ phụ trách thôn %s"), hamlets);
        else snprintf(r->as, sizeof r->as, _("thành viên BCĐ %s"), person);
        break;
    case ROLE_HEAD:
        if (hamlets[0]) snprintf(r->as, sizeof r->as, _("trưởng thôn %s"), hamlets);
        else snprintf(r->as, sizeof r->as, "%s", _("trưởng thôn chưa gắn với thôn nào"));
        break;
    case ROLE_LEADER: snprintf(r->as, sizeof r->as, "%s", C_("a leader (read only)", "lãnh đạo (chỉ xem)")); break;
    default: snprintf(r->as, sizeof r->as, "%s", _("chưa có vai trò trong tệp này")); break;
    }
    if (r->kind == ROLE_NONE)
        snprintf(r->you, sizeof r->you, _("bạn (%s) chưa có vai trò trong tệp này"), login);
    else
        snprintf(r->you, sizeof r->you, _("bạn (%s) là %s"), login, r->as);
}

/* Read the user's row (and whether the file has an admin) again: a change an admin
 * made meanwhile counts from the next write. */
static int refresh(ntm_db *db)
{
    static const char *sql =
        "SELECT (SELECT count(*) FROM main.user_role WHERE role = 'admin'), r.role, r.unit_id, r.person_id, "
        "(SELECT group_concat(hamlet_id) FROM (SELECT hamlet_id FROM main.user_hamlet WHERE user_id = r.id ORDER BY hamlet_id)), "
        "r.version, u.kind, u.name, p.full_name, "
        "(SELECT group_concat(name, ', ') FROM (SELECT h.name FROM main.user_hamlet x JOIN main.unit h ON h.id = x.hamlet_id "
        "  WHERE x.user_id = r.id ORDER BY h.sort_key)) "
        "FROM (SELECT 1) LEFT JOIN main.user_role r ON r.login = ?1 "
        "LEFT JOIN main.unit u ON u.id = r.unit_id LEFT JOIN main.person p ON p.id = r.person_id";
    struct role_state *r = state(db);
    if (!r) return db_fail(db, DB_ERR, "out of memory");
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!st) return DB_ERR;
    sqlite3_bind_text(st, 1, db->user, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) { sqlite3_reset(st); return db_sqlite_error(db, rc); }
    char code[16], hamlets[sizeof r->hamlets], unit[204], person[124], names[600], sig[sizeof r->sig];
    int admins = sqlite3_column_int(st, 0);
    col_text(code, sizeof code, st, 1);
    int64_t unit_id = sqlite3_column_int64(st, 2), person_id = sqlite3_column_int64(st, 3);
    col_text(hamlets, sizeof hamlets, st, 4);
    long long version = sqlite3_column_int64(st, 5);
    const char *kind = (const char *)sqlite3_column_text(st, 6);
    char unit_kind = kind && !strcmp(kind, "province") ? 'p' : kind ? 'c' : 0;
    col_text(unit, sizeof unit, st, 7);
    col_text(person, sizeof person, st, 8);
    col_text(names, sizeof names, st, 9);
    sqlite3_reset(st);
    snprintf(sig, sizeof sig, "%d|%s|%lld|%lld|%s|%lld", admins > 0, code, (long long)unit_id, (long long)person_id, hamlets, version);
    r->read = 1;
    if (!strcmp(sig, r->sig)) return DB_OK;
    snprintf(r->sig, sizeof r->sig, "%s", sig);
    r->on = admins > 0;
    /* root is always an admin: it can change the file with the sqlite3 shell anyway */
    r->kind = !r->on || r->uid == 0 ? ROLE_ADMIN : role_parse(code);
    r->unit = unit_id;
    r->person = person_id;
    r->unit_kind = unit_kind;
    snprintf(r->hamlets, sizeof r->hamlets, "%s", hamlets);
    describe(r, db->user, unit, person, names);
    return DB_OK;
}

/* ---- what each role may change: one condition per table ------------------------------ */

enum { G_UNIT, G_TASK, G_PROGRESS, G_HOUSEHOLD, G_CELL, G_ORG, G_PERSON, G_CAMPAIGN, G_TOUR, G_ISSUER, G_DIRECTIVE,
       G_NATIONAL, G_USERS };
/* who may, and what: "Chỉ <who> được sửa <what>; bạn (lan) là ..." */
static const struct { const char *who, *what; } GROUPS[] = {   /* msgids */
    [G_UNIT] = { N_("cán bộ xã, cán bộ tỉnh hoặc quản trị"),
                 N_("danh sách xã, thôn") },
    [G_TASK] = { N_("cán bộ xã, thành viên BCĐ hoặc trưởng thôn phụ trách"),
                 N_("đầu việc này") },
    [G_PROGRESS] = { N_("cán bộ xã, thành viên BCĐ hoặc trưởng thôn phụ trách"),
                     N_("tiến độ của đầu việc này") },
    [G_HOUSEHOLD] = { N_("cán bộ xã, thành viên BCĐ hoặc trưởng thôn phụ trách"),
                      N_("hộ của thôn này") },
    [G_CELL] = { N_("cán bộ xã hoặc người phụ trách"),
                 N_("tình trạng tiêu chí này") },
    [G_ORG] = { N_("cán bộ xã hoặc quản trị"), NC_("organisations", "tổ chức") },
    [G_PERSON] = { N_("cán bộ xã hoặc quản trị"), N_("danh sách cán bộ") },
    [G_CAMPAIGN] = { N_("cán bộ xã hoặc quản trị"), NC_("campaigns", "đợt/kế hoạch") },
    [G_TOUR] = { N_("cán bộ xã hoặc quản trị"), N_("tour kiểm tra") },
    [G_ISSUER] = { N_("cán bộ xã hoặc quản trị"), N_("cơ quan ban hành") },
    [G_DIRECTIVE] = { N_("cán bộ tỉnh hoặc quản trị"), N_("chỉ đạo của tỉnh") },
    [G_NATIONAL] = { N_("cán bộ tỉnh hoặc quản trị"),
                     N_("bộ tiêu chí và mẫu kiểm tra") },
    [G_USERS] = { NC_("an administrator", "quản trị"), N_("danh sách người dùng") },
};

/* How a row's unit is found: itself (unit), a column of it, a column of the row it
 * belongs to (from: "FROM ... x WHERE x.id = $.parent"; a row whose parent is gone is
 * being deleted with it, which its parent's own check decided), none (national), or
 * the users. "$." stands for the row (old, new, or the row a screen asks about). */
enum { U_SELF, U_COL, U_VIA, U_NATIONAL, U_USERS };
static const struct rule { const char *table; int group, how; const char *unit, *from; } RULES[] = {
    { "unit", G_UNIT, U_SELF, NULL, NULL },
    { "unit_event", G_UNIT, U_COL, "$.unit_id", NULL },
    { "unit_status", G_UNIT, U_COL, "$.unit_id", NULL },
    { "criteria_set", G_NATIONAL, U_NATIONAL, NULL, NULL },
    { "criterion", G_NATIONAL, U_NATIONAL, NULL, NULL },
    { "indicator", G_NATIONAL, U_NATIONAL, NULL, NULL },
    { "indicator_target", G_NATIONAL, U_NATIONAL, NULL, NULL },
    { "checklist_template", G_NATIONAL, U_NATIONAL, NULL, NULL },
    { "checklist_item", G_NATIONAL, U_NATIONAL, NULL, NULL },
    { "org", G_ORG, U_COL, "$.unit_id", NULL },
    { "person", G_PERSON, U_COL, "$.unit_id", NULL },
    { "campaign", G_CAMPAIGN, U_COL, "$.unit_id", NULL },
    { "unit_criterion", G_CELL, U_COL, "$.unit_id", NULL },
    { "household", G_HOUSEHOLD, U_COL, "$.hamlet_id", NULL },
    { "tour", G_TOUR, U_COL, "$.unit_id", NULL },
    { "tour_member", G_TOUR, U_VIA, "x.unit_id", "FROM main.tour x WHERE x.id = $.tour_id" },
    { "tour_stop", G_TOUR, U_VIA, "x.unit_id", "FROM main.tour x WHERE x.id = $.tour_id" },
    { "tour_check", G_TOUR, U_VIA, "x.unit_id", "FROM main.tour x JOIN main.tour_stop s ON s.tour_id = x.id WHERE s.id = $.stop_id" },
    { "task", G_TASK, U_COL, "$.commune_id", NULL },
    { "progress", G_PROGRESS, U_VIA, "x.commune_id", "FROM main.task x WHERE x.id = $.task_id" },
    { "issuer", G_ISSUER, U_COL, "$.unit_id", NULL },
    { "directive", G_DIRECTIVE, U_COL, "$.unit_id", NULL },
    { "user_role", G_USERS, U_USERS, NULL, NULL },
    { "user_hamlet", G_USERS, U_USERS, NULL, NULL },
};
enum { N_RULES = sizeof RULES / sizeof RULES[0] };
enum { ALWAYS, NEVER, WHEN };

typedef struct { char *p; size_t n, cap; int oom; } sbuf;
static void put(sbuf *b, const char *s)
{
    size_t k = strlen(s);
    if (b->oom) return;
    if (b->n + k + 1 > b->cap) {
        size_t cap = (b->cap + k + 1) * 2;
        char *p = realloc(b->p, cap);
        if (!p) { b->oom = 1; return; }
        b->p = p; b->cap = cap;
    }
    memcpy(b->p + b->n, s, k + 1);
    b->n += k;
}

/* s with every "$." made "<alias>." */
static void put_as(sbuf *b, const char *s, const char *alias)
{
    char one[2] = { 0, 0 };
    for (; *s; s++) {
        if (s[0] == '$' && s[1] == '.') { put(b, alias); continue; }
        one[0] = *s;
        put(b, one);
    }
}

static void putf(sbuf *b, const char *fmt, long long a)
{
    char t[160];
    snprintf(t, sizeof t, fmt, a);
    put(b, t);
}

/* An officer's scope: the unit u (an SQL expression) is their commune, one of its
 * hamlets, or for a province officer the province, its communes and their hamlets. */
static void in_scope(sbuf *b, const struct role_state *r, const char *u, const char *alias)
{
    long long s = (long long)r->unit;
    put(b, "("); put_as(b, u, alias); putf(b, " = %lld OR ", s);
    put_as(b, u, alias); putf(b, " IN (SELECT id FROM main.unit WHERE parent_id = %lld)", s);
    if (r->unit_kind == 'p') {
        put(b, " OR "); put_as(b, u, alias);
        putf(b, " IN (SELECT h.id FROM main.unit h JOIN main.unit c ON c.id = h.parent_id WHERE c.parent_id = %lld)", s);
    }
    put(b, ")");
}

/* A steering member's or hamlet head's task (alias t): in one of their hamlets; or the
 * commune's own (no hamlet) with one of their hamlets in charge (not when it lies in
 * another hamlet: else a head could move a task their hamlet is in charge of anywhere);
 * or their person in charge. */
static void own_task(sbuf *b, const struct role_state *r, const char *t)
{
    put(b, "("); put(b, t); put(b, ".hamlet_id IN ("); put(b, r->hamlets); put(b, ") OR (");
    put(b, t); put(b, ".hamlet_id IS NULL AND ");
    put(b, t); put(b, ".owner_unit_id IN ("); put(b, r->hamlets); put(b, ")) OR ");
    put(b, t); putf(b, ".owner_person_id = %lld)", (long long)r->person);
}

static int officer_rule(sbuf *b, const struct role_state *r, const struct rule *u, const char *alias)
{
    switch (u->how) {
    case U_SELF:
        put_as(b, "($.id", alias); putf(b, " = %lld OR ", (long long)r->unit);
        in_scope(b, r, "$.parent_id", alias); put(b, ")");
        return WHEN;
    case U_COL: in_scope(b, r, u->unit, alias); return WHEN;
    case U_VIA:
        put(b, "coalesce((SELECT coalesce("); in_scope(b, r, u->unit, alias); put(b, ", 0) ");
        put_as(b, u->from, alias); put(b, "), 1)");
        return WHEN;
    case U_NATIONAL: return r->unit_kind == 'p' ? ALWAYS : NEVER;
    default: return NEVER;
    }
}

static int member_rule(sbuf *b, const struct role_state *r, const struct rule *u, const char *alias)
{
    if (!strcmp(u->table, "task")) { own_task(b, r, alias); return WHEN; }
    if (!strcmp(u->table, "progress")) {
        put(b, "coalesce((SELECT coalesce("); own_task(b, r, "x"); put(b, ", 0) ");
        put_as(b, u->from, alias); put(b, "), 1)");
        return WHEN;
    }
    if (!strcmp(u->table, "household")) { put_as(b, "$.hamlet_id IN (", alias); put(b, r->hamlets); put(b, ")"); return WHEN; }
    if (!strcmp(u->table, "unit_criterion")) {
        put_as(b, "($.unit_id IN (", alias); put(b, r->hamlets);
        put_as(b, ") OR $.owner_person_id", alias); putf(b, " = %lld)", (long long)r->person);
        return WHEN;
    }
    return NEVER;
}

/* ALWAYS, NEVER, or WHEN with the condition (true: this user may) in b. */
static int rule_sql(sbuf *b, const struct role_state *r, const struct rule *u, const char *alias)
{
    switch (r->kind) {
    case ROLE_ADMIN: return ALWAYS;
    case ROLE_OFFICER: return officer_rule(b, r, u, alias);
    case ROLE_STEERING: case ROLE_HEAD: return member_rule(b, r, u, alias);
    default: return NEVER;
    }
}

static void denied_text(const struct role_state *r, int group, char *out, size_t n)
{
    const char *who = _(GROUPS[group].who);
    /* an officer refused another commune's rows: "that commune's officers" */
    if (r->kind == ROLE_OFFICER && group < G_DIRECTIVE) who = _("cán bộ của xã đó hoặc quản trị");
    snprintf(out, n, _("Chỉ %s được sửa %s; %s."), who, _(GROUPS[group].what), r->you);
}

/* ---- the triggers -------------------------------------------------------------------- */

void db_drop_temp_triggers(ntm_db *db, const char *pattern)
{
    sqlite3_stmt *st;
    char **names = NULL;
    int n = 0;
    if (!db->h) return;                                 /* db_open: not open yet (db_set_user) */
    if (sqlite3_prepare_v2(db->h, "SELECT name FROM temp.sqlite_schema WHERE type = 'trigger' AND name LIKE ?1 ESCAPE '\\'",
                           -1, &st, NULL) != SQLITE_OK) return;
    sqlite3_bind_text(st, 1, pattern, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
        char **v = realloc(names, (size_t)(n + 1) * sizeof *v);
        if (!v) break;
        names = v;
        names[n++] = sqlite3_mprintf("DROP TRIGGER IF EXISTS temp.\"%w\"", (const char *)sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
    for (int i = 0; i < n; i++) {
        if (names[i]) sqlite3_exec(db->h, names[i], NULL, NULL, NULL);
        sqlite3_free(names[i]);
    }
    free(names);
}

static void drop_role_triggers(ntm_db *db)
{
    db_drop_temp_triggers(db, "role\\_%");
    if (db->role) db->role->made[0] = 0;
}

static void trigger(sbuf *b, const struct role_state *r, const struct rule *u, const char *action, const char *msg)
{
    sbuf o = { 0 }, n = { 0 };
    int ins = !strcmp(action, "INSERT"), del = !strcmp(action, "DELETE");
    int how_old = del || !ins ? rule_sql(&o, r, u, "old") : ALWAYS;
    int how_new = ins || !del ? rule_sql(&n, r, u, "new") : ALWAYS;
    char head[200];
    snprintf(head, sizeof head, "CREATE TEMP TRIGGER IF NOT EXISTS \"role_%s_%s\" AFTER %s ON main.\"%s\" ", u->table, action, action, u->table);
    if (how_old != ALWAYS || how_new != ALWAYS) {
        put(b, head);
        if (how_old != NEVER && how_new != NEVER) {
            put(b, "WHEN NOT (");
            put(b, how_old == WHEN ? "coalesce((" : "1"); if (how_old == WHEN) { put(b, o.p); put(b, "), 0)"); }
            put(b, " AND ");
            put(b, how_new == WHEN ? "coalesce((" : "1"); if (how_new == WHEN) { put(b, n.p); put(b, "), 0)"); }
            put(b, ") ");
        }
        put(b, "BEGIN SELECT RAISE(ABORT, "); put(b, msg); put(b, "); END;\n");
    }
    b->oom |= o.oom | n.oom;
    free(o.p); free(n.p);
}

static int install(ntm_db *db)
{
    struct role_state *r = db->role;
    sbuf b = { 0 };
    char text[900];
    for (int i = 0; i < N_RULES; i++) {
        denied_text(r, RULES[i].group, text, sizeof text);
        char *marked = sqlite3_mprintf("'%q%q'", ROLE_MARK, text);
        if (!marked) { free(b.p); return db_fail(db, DB_ERR, "out of memory"); }
        trigger(&b, r, &RULES[i], "INSERT", marked);
        trigger(&b, r, &RULES[i], "UPDATE", marked);
        trigger(&b, r, &RULES[i], "DELETE", marked);
        sqlite3_free(marked);
    }
    if (b.oom) { free(b.p); return db_fail(db, DB_ERR, "out of memory"); }
    int rc = b.p ? db_exec(db, b.p) : DB_OK;
    free(b.p);
    if (rc) { drop_role_triggers(db); return rc; }
    snprintf(r->made, sizeof r->made, "%s", r->sig);
    return DB_OK;
}

/* ---- the checks ---------------------------------------------------------------------- */

static int read_only(const struct role_state *r) { return r->kind == ROLE_NONE || r->kind == ROLE_LEADER; }

static int writer_denied(ntm_db *db)
{
    struct role_state *r = db->role;
    int rc = db_fail(db, DB_DENIED, _("Chỉ quản trị, cán bộ, thành viên BCĐ hoặc trưởng thôn được sửa dữ liệu; %s."), r->you);
    if (r->kind == ROLE_NONE) {
        size_t k = strlen(db->err);
        snprintf(db->err + k, sizeof db->err - k, _(" Hãy nhờ quản trị thêm bạn: ntm users add %s VAI_TRÒ"), db->user);
    }
    return rc;
}

int role_gate(ntm_db *db)
{
    if (db->role_bypass) return DB_OK;
    int rc = refresh(db);
    if (rc) return rc;
    struct role_state *r = db->role;
    if (r->made[0] && strcmp(r->made, r->sig)) drop_role_triggers(db);
    if (!r->on || r->kind == ROLE_ADMIN) return DB_OK;
    if (read_only(r)) return writer_denied(db);
    return r->made[0] ? DB_OK : install(db);
}

void role_suspend(ntm_db *db) { drop_role_triggers(db); db->role_bypass = 1; }
void role_resume(ntm_db *db) { db->role_bypass = 0; }
void role_free(ntm_db *db) { free(db->role); db->role = NULL; }

int role_whoami(ntm_db *db, role_me *out)
{
    memset(out, 0, sizeof *out);
    int rc = refresh(db);
    if (rc) return rc;
    out->on = db->role->on;
    out->kind = db->role->kind;
    text_copy(out->login, sizeof out->login, db->user);
    text_copy(out->as, sizeof out->as, db->role->as);
    return DB_OK;
}

int role_require(ntm_db *db, int need, const char *what)
{
    int rc = refresh(db);
    if (rc) return rc;
    struct role_state *r = db->role;
    if (!r->on || r->kind == ROLE_ADMIN) return DB_OK;
    if (need == ROLE_NEED_WRITER || !what) return read_only(r) ? writer_denied(db) : DB_OK;
    if (need == ROLE_NEED_OFFICER && r->kind == ROLE_OFFICER) return DB_OK;
    return db_fail(db, DB_DENIED, _("Chỉ %s được %s; %s."),
                   need == ROLE_NEED_ADMIN ? C_("an administrator", "quản trị") : _("cán bộ hoặc quản trị"),
                   what, r->you);
}

/* A screen asking about a task knows which: "đầu việc này" becomes "đầu việc của thôn
 * Trung Mỹ" (or "của xã ..." for a commune-wide task) in the message. */
static void task_place(ntm_db *db, int64_t id, char *text, size_t n)
{
    static const char *sql = "SELECT coalesce(h.name, c.name), h.id IS NOT NULL FROM task t JOIN unit c ON c.id = t.commune_id "
                             "LEFT JOIN unit h ON h.id = t.hamlet_id WHERE t.id = ?1";
    const char *this = _(GROUPS[G_TASK].what);
    char *at = strstr(text, this), place[300] = "", out[900];
    sqlite3_stmt *st = db_stmt(db, sql);
    if (!at || !st) return;
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW) {
        col_text(place, sizeof place, st, 0);
        snprintf(out, sizeof out, "%.*s%s %s%s", (int)(at - text), text,
                 sqlite3_column_int(st, 1) ? _("đầu việc của thôn") : _("đầu việc chung của xã"),
                 place, at + strlen(this));
        text_copy(text, n, out);
    }
    sqlite3_reset(st);
}

int role_check_row(ntm_db *db, const char *table, int64_t id)
{
    int rc = refresh(db);
    if (rc) return rc;
    struct role_state *r = db->role;
    if (!r->on || r->kind == ROLE_ADMIN) return DB_OK;
    if (read_only(r)) return writer_denied(db);
    const struct rule *u = NULL;
    for (int i = 0; i < N_RULES && !u; i++) if (!strcmp(RULES[i].table, table)) u = &RULES[i];
    if (!u) return DB_OK;
    sbuf b = { 0 };
    int how = rule_sql(&b, r, u, "r");
    int ok = how == ALWAYS;
    if (how == WHEN && !b.oom) {
        char *sql = sqlite3_mprintf("SELECT coalesce((%s), 0) FROM main.\"%w\" r WHERE r.rowid = ?1", b.p, u->table);
        sqlite3_stmt *st = NULL;
        if (sql && sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK) {
            sqlite3_bind_int64(st, 1, id);
            int s = sqlite3_step(st);
            ok = s != SQLITE_ROW || sqlite3_column_int(st, 0);   /* a row that is gone: the write will say so */
        }
        sqlite3_finalize(st);
        sqlite3_free(sql);
    }
    free(b.p);
    if (ok) return DB_OK;
    char text[900];
    denied_text(r, u->group, text, sizeof text);
    if (!strcmp(table, "task")) task_place(db, id, text, sizeof text);
    return db_fail(db, DB_DENIED, "%s", text);
}

int role_may_manage_users(ntm_db *db)
{
    if (refresh(db)) return 0;
    struct role_state *r = db->role;
    if (!r->on || r->kind == ROLE_ADMIN || r->uid == 0) return 1;
    struct stat st;
    return stat(db->path, &st) == 0 && st.st_uid == r->uid;
}

void db_set_user(ntm_db *db, const char *login)
{
    snprintf(db->user, sizeof db->user, "%s", login && *login ? login : "?");
    /* the audit triggers carry the user's name: made again at the next write */
    db_drop_temp_triggers(db, "audit\\_%");
    db->audit_ready = 0;
    drop_role_triggers(db);
    struct role_state *r = state(db);
    if (!r) return;
    r->sig[0] = 0;
    struct passwd *pw = getpwnam(db->user);
    r->uid = pw ? pw->pw_uid : (uid_t)-1;
}
