/* pick: the data behind the reference pickers (owner, hamlet, criterion, campaign): a
 * commune's candidates, filtered as the user types (accents ignored: "hoi phu nu",
 * "hpn" and "Hội Phụ nữ" all find Hội Phụ nữ), at most `limit` rows. */
#ifndef NTM_PICK_H
#define NTM_PICK_H
#include "model/db.h"

enum { PICK_ORG = 1, PICK_PERSON = 2, PICK_HAMLET = 4 };

typedef struct pick_item {
    int64_t id;
    char kind;                   /* 'o' org, 'p' person, 'h' hamlet, 'c' criterion, 'g' campaign */
    char label[256];             /* what the list shows */
    char key[512];               /* folded: what the query is matched against */
} pick_item;

typedef struct pick_list { pick_item *v; int n; int more; /* more matched than limit */ } pick_list;

/* query: as typed (folded here); NULL or "" lists everything. limit <= 0: 200. */
/* Owners: organisations (Vietnamese order), then hamlets, then people (by given name). */
int  pick_owners(ntm_db *db, int64_t commune_id, int kinds, const char *query, int limit, pick_list *out);
int  pick_hamlets(ntm_db *db, int64_t commune_id, const char *query, int limit, pick_list *out);
/* Criteria of the commune's set, by number ("17" or "moi truong" find 17. Môi trường...). */
int  pick_criteria(ntm_db *db, int64_t commune_id, const char *query, int limit, pick_list *out);
/* The commune's campaigns, newest first (number and name are matched). */
int  pick_campaigns(ntm_db *db, int64_t commune_id, const char *query, int limit, pick_list *out);
void pick_list_free(pick_list *l);
/* The organisation ('o') or person ('p') of a commune a typed name means (ntm report
 * tasks --owner): accents ignored; a whole name (or an organisation's short name) wins
 * over a part of one; "o3" / "p7" name one by id. DB_NOTFOUND or DB_INVALID (several:
 * the candidates with their o/p codes in the message) otherwise. */
int  pick_owner_find(ntm_db *db, int64_t commune_id, const char *name, char *kind, int64_t *id);
#endif
