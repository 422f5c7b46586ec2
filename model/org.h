/* org: the bodies of a commune that own work (Đảng ủy, UBND, MTTQ, Hội Phụ nữ, Hội Nông
 * dân, Hội Cựu chiến binh, Đoàn Thanh niên, Công an, Quân sự, Công đoàn, HTX...). */
#ifndef NTM_ORG_H
#define NTM_ORG_H
#include "model/db.h"

typedef struct org_fields {
    int64_t commune_id;          /* required: the commune it belongs to */
    const char *name;            /* required, at most 200 characters */
    const char *short_name;      /* optional, at most 30 ("HPN") */
    const char *kind;            /* party government front union police military school coop committee other; NULL: other */
} org_fields;

typedef struct org_rec {
    int64_t id, commune_id, version;
    char name[804], short_name[124], kind[16];
} org_rec;

int  org_create(ntm_db *db, const org_fields *f, int64_t *id);
int  org_read(ntm_db *db, int64_t id, org_rec *out);
int  org_update(ntm_db *db, int64_t id, int64_t version, const org_fields *f);   /* DB_CONFLICT if changed */
/* Refused (DB_INVALID, naming tasks, people, criteria) while anything refers to it. */
int  org_delete(ntm_db *db, int64_t id);
/* A commune's organisations in Vietnamese order (malloc'd array; free() it). */
int  org_list(ntm_db *db, int64_t commune_id, org_rec **out, int *n);
int  org_kind_valid(const char *kind);
const char *org_kind_label(const char *kind);                 /* UI language */
#endif
