/* person: named officials and members (Trần Ngọc Anh, công chức địa chính xây dựng...).
 * Sorted the Vietnamese way, by given name (the last word), then the full name. */
#ifndef NTM_PERSON_H
#define NTM_PERSON_H
#include "model/db.h"

typedef struct person_fields {
    int64_t unit_id;             /* required: the commune (or a hamlet of it) they work in */
    int64_t org_id;              /* optional: their body, of the same commune */
    const char *full_name;       /* required, at most 120 characters */
    const char *position;        /* optional, at most 200 */
    const char *phone;           /* optional: digits, spaces, + - . ( ) */
} person_fields;

typedef struct person_rec {
    int64_t id, unit_id, commune_id, org_id, version;
    char full_name[484], position[804], phone[32], org[124];   /* org: short or full name */
} person_rec;

int  person_create(ntm_db *db, const person_fields *f, int64_t *id);
int  person_read(ntm_db *db, int64_t id, person_rec *out);
int  person_update(ntm_db *db, int64_t id, int64_t version, const person_fields *f);
/* Refused (DB_INVALID, naming tasks, criteria, tours) while anything refers to them. */
int  person_delete(ntm_db *db, int64_t id);
/* People of a commune and of its hamlets, by given name (malloc'd; free() it). */
int  person_list(ntm_db *db, int64_t commune_id, person_rec **out, int *n);
#endif
