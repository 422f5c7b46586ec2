/* role: who may change what. Each Unix user has one role in the file (table user_role,
 * migration 008; edited with model/users.h, `ntm users` and the TUI's users list):
 *
 *   admin     everything, and the users themselves, restore, reindex
 *   officer   (cán bộ xã) everything of their commune: its row, hamlets, tasks and
 *             progress, people, organisations, campaigns, households, criterion
 *             states, tours, issuers; of a province: the province, its communes and
 *             all of theirs, its directives, the criteria sets and checklists
 *   steering  (thành viên BCĐ) what is in their hamlets (user_hamlet: the tasks and
 *             their progress, the households, the hamlets' criterion states) and what
 *             their person owns (task.owner_person_id, unit_criterion.owner_person_id)
 *   head      (trưởng thôn) the same for their one hamlet (a task whose hamlet, or
 *             whose owner, is that hamlet)
 *   leader    (lãnh đạo) reads everything, changes nothing
 * Everyone reads everything. A Unix user not in the table reads only.
 *
 * Bootstrapping: a file without an admin in user_role (every file made before this,
 * the demo) has the checks off: everyone is an admin, as before. The first user added
 * must be an admin (users.c), which turns the checks on; removing the last user turns
 * them off again, and the last admin cannot go while others remain. Root (uid 0) is
 * always an admin. Recovery: root and the Unix owner of the database file may always
 * manage the users
 * (`ntm users`, the TUI list), whatever their role: they can change the file with the
 * sqlite3 shell anyway. The user is getpwuid(getuid()) (db.c); NTM_USER names another
 * only for root, who may su to anyone anyway (the e2e tests). So the roles keep people from changing what is not theirs
 * inside ntm; the file's permissions (INSTALL: the group ntm) decide who can write it
 * at all.
 *
 * Where the rule lives: in the database connection, once for every write path. On the
 * first write of a session (db_begin) a connection whose user has a limited role gets
 * TEMP triggers, AFTER INSERT/UPDATE/DELETE on every table a user edits, that abort the
 * statement when the row (before and after the change) is outside the role's scope:
 * RAISE(ABORT) with a message that says who may do it and who you are, which
 * db_sqlite_error turns into DB_DENIED ("Chỉ cán bộ xã, ... được sửa đầu việc này; bạn
 * (lan) là trưởng thôn Nậy."). So the entity files' edits, progress, the typed-back
 * sheets, tour results, undo, imports and anything written later obey the same rule
 * without a check of their own, as the audit triggers log them without one; the
 * sqlite3 shell stays outside, as with the audit. A read-only role (leader, not listed)
 * is refused at db_begin itself. Each db_begin reads the user's row again (one small
 * query), so a change of role made by an admin meanwhile counts at the next write.
 * Whole operations that are not one row's business check up front (role_require):
 * restore and reindex (admin), the spreadsheet imports and the roll-up's sync
 * import/export/ack (admin or officer; a sync import then runs without the triggers:
 * the roll-up's own ownership rules decide what a file may change). */
#ifndef NTM_ROLE_H
#define NTM_ROLE_H
#include "model/db.h"

typedef enum { ROLE_NONE = 0, ROLE_ADMIN, ROLE_OFFICER, ROLE_STEERING, ROLE_HEAD, ROLE_LEADER } role_kind;
enum { ROLE_N = ROLE_LEADER + 1 };

/* "admin", "officer", "steering", "head", "leader" ("" for ROLE_NONE): stored and typed. */
const char *role_code(role_kind k);
/* The role's name in the UI language: "quản trị", "cán bộ xã", "thành viên BCĐ",
 * "trưởng thôn", "lãnh đạo (chỉ xem)". */
const char *role_name(role_kind k);
/* A code or a Vietnamese name, accents and case ignored ("truong thon", "BCĐ");
 * ROLE_NONE when it is none of them. */
role_kind role_parse(const char *s);

typedef struct role_me {
    int on;                  /* the checks are on: the file has an admin */
    role_kind kind;          /* checks off: ROLE_ADMIN; a user not listed: ROLE_NONE */
    char login[64];
    char as[480];            /* "trưởng thôn Nậy", "cán bộ xã An Hòa Thịnh", "chưa có vai trò trong tệp này" */
} role_me;
/* The current user's role, read again from the file. */
int  role_whoami(ntm_db *db, role_me *out);

enum { ROLE_NEED_WRITER = 1, ROLE_NEED_OFFICER, ROLE_NEED_ADMIN };
/* DB_OK when the current user has a role that may do `what` (an action in the UI
 * language, "nhập dữ liệu từ bảng tính"; NULL for NEED_WRITER: changing data), else
 * DB_DENIED saying who may and who you are. NEED_OFFICER: an admin or any officer. */
int  role_require(ntm_db *db, int need, const char *what);
/* DB_OK when the current user may change row id of table (one of the model's table
 * names: "task", "household"...), by the same rule the triggers apply; DB_DENIED with
 * their message otherwise. For a screen to say so before a form is filled in. */
int  role_check_row(ntm_db *db, const char *table, int64_t id);
/* 1 when the current user may add, change and remove users: an admin (everyone while
 * the checks are off), root, or the Unix owner of the database file. */
int  role_may_manage_users(ntm_db *db);

/* Act as another Unix user from now on: the audit and the roles take this name (the
 * tests try each role through the model API this way; no environment variable can do
 * it, so it is no way around the roles for the programs). The recovery rights of root
 * and of the file's owner then go by that name's uid (none for a name with no account). */
void db_set_user(ntm_db *db, const char *login);
#endif
