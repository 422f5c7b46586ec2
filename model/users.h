/* users: the Unix users of a file and their roles (table user_role; what each role may
 * do: model/role.h). Managed by an admin (and root or the file's owner, to recover),
 * from `ntm users` and the TUI's users list; names are matched as the other commands
 * match them (accents ignored, or an id). Local to the file: users do not travel with
 * the province roll-up. */
#ifndef NTM_USERS_H
#define NTM_USERS_H
#include "model/db.h"
#include "model/role.h"

typedef struct user_rec {
    int64_t id, version, unit_id, person_id;
    char login[36];
    role_kind role;
    char unit[204];              /* the commune's (or province's) name, "" none */
    char unit_kind;              /* 'p', 'c', 0 */
    char person[124];
    char hamlets[800];           /* their names, ", " between */
    char note[404];
} user_rec;

/* What a form or the command line typed; names are resolved here. */
typedef struct user_fields {
    const char *login;           /* a Unix user name: letters, digits, . _ -, at most 32 */
    const char *role;            /* a code or a Vietnamese name (role_parse) */
    const char *unit;            /* commune (or, for an officer, province): name or id */
    const char *hamlets;         /* hamlets of that commune, names or ids, ',' between */
    const char *person;          /* a person of that commune: name, or p7 */
    const char *note;
} user_fields;

/* Every user, by login. */
int  users_list(ntm_db *db, user_rec **out, int *n);
int  user_read(ntm_db *db, int64_t id, user_rec *out);
/* By login; DB_NOTFOUND with a message naming it. */
int  user_find(ntm_db *db, const char *login, user_rec *out);
/* Add (id 0: *out gets the new id) or change (version-checked) a user. Refused with
 * DB_DENIED unless role_may_manage_users; DB_INVALID naming the field (login, role,
 * unit, hamlets, person, note) when a value does not fit the role: an officer needs a
 * commune or province, a steering member a commune and hamlets or a person, a hamlet
 * head a commune and one of its hamlets; the first user must be an admin, and the
 * last admin stays one while there are other users. */
int  user_save(ntm_db *db, int64_t id, int64_t version, const user_fields *f, int64_t *out);
/* Remove a user (the last admin only when nobody else is left: the checks go off). */
int  user_delete(ntm_db *db, int64_t id);
#endif
