/* campaign: a plan or peak push (đợt cao điểm, phát động thi đua) with its document:
 * number (14-KH/BCĐ), issuer, issue date, start and end. */
#ifndef NTM_CAMPAIGN_H
#define NTM_CAMPAIGN_H
#include "model/db.h"

typedef struct campaign_fields {
    int64_t commune_id;              /* required */
    const char *name;                /* required, at most 300 characters */
    const char *doc_number, *issuer, *signer, *note;   /* optional */
    const char *issue_date;          /* optional; dates as typed (dd/mm/yyyy) or 'YYYY-MM-DD' */
    const char *start_date, *end_date;                 /* required; end >= start */
} campaign_fields;

typedef struct campaign_rec {
    int64_t id, commune_id, version;
    char name[1204], doc_number[204], issuer[1204], signer[484], note[8004];
    char issue_date[11], start_date[11], end_date[11];   /* 'YYYY-MM-DD' or "" */
    int running;                     /* today within [start, end] */
    int days_left;                   /* end - today (negative: ended) */
    int n_tasks;
} campaign_rec;

int  campaign_create(ntm_db *db, const campaign_fields *f, int64_t *id);
int  campaign_read(ntm_db *db, int64_t id, campaign_rec *out);
int  campaign_update(ntm_db *db, int64_t id, int64_t version, const campaign_fields *f);
/* Refused (DB_INVALID, naming tasks and tours) while anything refers to it. */
int  campaign_delete(ntm_db *db, int64_t id);
/* A commune's campaigns, newest start first (malloc'd; free() it). */
int  campaign_list(ntm_db *db, int64_t commune_id, campaign_rec **out, int *n);
/* The current campaign: the one whose period holds db_today() (the latest started if
 * several), else the latest by start date. DB_NOTFOUND when the commune has none. */
int  campaign_current(ntm_db *db, int64_t commune_id, campaign_rec *out);
#endif
