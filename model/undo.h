/* undo: take back the current Unix user's last action (one audit transaction): what it
 * inserted is deleted, what it changed is written back, what it deleted comes back with
 * the same ids and uuids (a task with its progress reports). All in one transaction;
 * refused, with nothing changed, when someone else has since changed the same rows.
 * Each action is undone at most once; the undo is itself an action in the audit log
 * and is never undone by a later undo (a second undo takes back the action before). */
#ifndef NTM_UNDO_H
#define NTM_UNDO_H
#include "model/db.h"

typedef struct undo_info {
    int64_t tx;                  /* the audit tx of the action */
    int n_rows;                  /* rows it changed */
    char at[24];                 /* UTC, of its first row */
    char when[20];               /* local 'dd/mm/yyyy HH:MM' */
    char entity[24], action[8];  /* its main row: "task", "update" ... */
    int64_t entity_id;
    char summary[400];           /* "Sửa đầu việc \"Trồng hàng rào xanh\" (3 dòng dữ liệu)" */
} undo_info;

/* What undo_last would take back; DB_NOTFOUND when there is nothing. */
int  undo_peek(ntm_db *db, undo_info *out);
/* Undo it; out (may be NULL) describes what was undone. DB_CONFLICT when a later change
 * by someone else touched the same rows (the message says who and when). */
int  undo_last(ntm_db *db, undo_info *out);
#endif
