/* goto: one search over every level (provinces, communes, hamlets, organisations,
 * people, tasks), accents ignored, for the "go to" of the full-screen program: each hit
 * says what it is and where it sits, so the screen can open the lists down to it. */
#ifndef NTM_GOTO_H
#define NTM_GOTO_H
#include "model/db.h"

typedef struct goto_hit {
    char kind;                  /* 'p' province, 'c' commune, 'h' hamlet, 'o' organisation,
                                   'n' person, 't' task */
    int64_t id;
    int64_t province_id, commune_id, hamlet_id;   /* where it sits (0: not below one) */
    char name[512];             /* its name, or the task's title */
    char where[420];            /* "Hà Tĩnh › An Hòa Thịnh", the units above it */
} goto_hit;

/* Hits for every word of query (any case, accents optional, đ = d; up to 4 words),
 * units first (provinces, communes, hamlets), then organisations, people, tasks, each
 * kind in Vietnamese order, at most max hits in all (malloc'd; free() it). A blank
 * query gives nothing. */
int goto_search(ntm_db *db, const char *query, int max, goto_hit **out, int *n);
/* "Xã", "Thôn", "Đầu việc"... in the UI language. */
const char *goto_kind_label(char kind);
#endif
