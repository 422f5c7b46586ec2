/* household: the households a hamlet keeps track of, with the flags the seeds ask about
 * (model garden, "3 sạch", septic toilet, wastewater pit, compost pit, bad toilet to
 * remove, poor household, official who must lead). */
#ifndef NTM_HOUSEHOLD_H
#define NTM_HOUSEHOLD_H
#include "model/db.h"

enum { HH_MODEL_GARDEN, HH_THREE_CLEAN, HH_SEPTIC_TOILET, HH_WASTEWATER_PIT, HH_COMPOST_PIT,
       HH_BAD_TOILET, HH_POOR, HH_OFFICIAL, HH_NFLAGS };
enum { HH_UNKNOWN = 0, HH_YES = 1, HH_NO = 2 };     /* a zeroed struct means "not surveyed" */

typedef struct household_fields {
    int64_t hamlet_id;           /* required */
    const char *head_name;       /* required, at most 120 characters */
    const char *address, *note;  /* optional */
    int flags[HH_NFLAGS];        /* HH_UNKNOWN, HH_YES, HH_NO */
} household_fields;

typedef struct household_rec {
    int64_t id, hamlet_id, version;
    char head_name[484], address[804], note[4004];
    int flags[HH_NFLAGS];
} household_rec;

int  household_create(ntm_db *db, const household_fields *f, int64_t *id);
int  household_read(ntm_db *db, int64_t id, household_rec *out);
int  household_update(ntm_db *db, int64_t id, int64_t version, const household_fields *f);
/* Refused (DB_INVALID) while a tour stop refers to it. */
int  household_delete(ntm_db *db, int64_t id);
/* A hamlet's households by given name (malloc'd; free() it). */
int  household_list(ntm_db *db, int64_t hamlet_id, household_rec **out, int *n);
const char *household_flag_label(int flag);          /* UI language */
const char *household_flag_column(int flag);         /* its column: "model_garden"... */
#endif
