/* status_kind: the statuses (danh hiệu) a commune or a hamlet can be given, read from the
 * status_kind table (model/sql/001_init.sql), so the forms offer exactly what the model
 * accepts (unit_set_status checks the code against the same table). */
#ifndef NTM_STATUS_KIND_H
#define NTM_STATUS_KIND_H
#include "model/db.h"

typedef struct status_kind_row {
    char code[32];               /* "hamlet_ntm_met": what unit_set_status takes */
    char level[16];              /* "commune" or "hamlet" */
    char label[128];             /* in the UI language (label_vi, or label_en when ntm_lang_en) */
    int rank;                    /* order within the level */
} status_kind_row;

/* The statuses of one level ("commune" or "hamlet"; NULL: both, communes' first), by rank
 * (malloc'd; free() it; NULL and 0 when there are none). DB_INVALID for another level. */
int status_kinds(ntm_db *db, const char *level, status_kind_row **out, int *n);
#endif
