/* sync: the province roll-up. Each commune office keeps its own file offline; its rows go
 * up to the province's file, and the province's criteria sets, campaigns and directives
 * come down, as files carried on a USB stick or sent with scp (`ntm sync`).
 *
 * What was chosen, and why:
 *  - The engine is SQLite's session extension (Debian's libsqlite3 is built with it):
 *    sqlite3session_diff finds what changed, the changeset is the wire format,
 *    sqlite3changeset_apply finds the conflicts and a handler resolves them.
 *  - Rows travel keyed by their uuid, never by the local integer id ("wire" tables,
 *    model/sync_wire.c): every foreign key column carries the uuid of the row it points
 *    to, resolved back to a local id on arrival; a link table without a uuid
 *    (tour_member) is keyed by its two uuids. So ids stay small and local in every file
 *    (the ids users see, `--tour 3`, `[o206]`, keep working) and no file is renumbered.
 *    Criteria sets and checklists are the same rows everywhere: their uuid is made from
 *    their codes (migration 007: 'cs:TW-2021-2025-XA:17'), so the national set loaded in
 *    200 commune files arrives as one set.
 *  - "Changed since the last export" is a diff, not a hook in every writer: each
 *    stream keeps a snapshot of what it last sent (a changeset from empty, in
 *    sync_peer); an export copies the stream's rows into an in-memory wire database,
 *    diffs it with the snapshot (sqlite3session_diff), and stores the difference as a
 *    new numbered segment. Nothing is attached to the connections that edit the file.
 *  - Sequence and acknowledgement: every export makes segment N+1 and the file carries
 *    every segment the other end has not acknowledged yet, so the newest file alone
 *    brings it up to date (a lost or older file costs nothing). The receiver applies
 *    segments strictly in order: those it has are skipped (the same file twice changes
 *    nothing), a first segment past the next one expected is refused, naming the
 *    missing number. Acknowledgements ride back in the other direction's files (their
 *    header says what was applied) or in the small .ack file an import writes beside
 *    each file (`ntm sync ack FILE`); acknowledged segments are dropped.
 *  - Ownership: every wire row names the unit that owns it (the commune for its own
 *    rows and hamlets, the province for its row, its campaigns and directives; none
 *    for criteria sets and checklists, which the province owns). A commune's file may
 *    only change that commune's rows and may add criteria rows the province lacks (so
 *    its references hold), never change the province's; the province's file may change
 *    the province's rows and the criteria sets. On a conflict (the receiver's row is
 *    not what the sender last saw, a row to insert is already there, one to change is
 *    gone) the owner's version wins; a change that is already in place is no conflict.
 *    Each conflict and each refused change is logged in sync_conflict. Changesets carry
 *    the columns that changed, so conflicts are per column: a commune's own edit of a
 *    province row stays at the commune (it never goes up) until the province changes
 *    that column, then the province's value wins there. Keys that must stay unique
 *    (a tour's stop numbers) are moved out of the way before rows are written.
 *  - Derived data does not travel: task_tally, task_open_month and task_code_seq are
 *    rebuilt for the commune after an import, adding each task the way the triggers do
 *    (compensated sums), so the province has the commune's totals to the last bit;
 *    triggers are off while rows are merged, so task.done_qty arrives as the commune has
 *    it. Imports are not audited row by row (the TEMP audit triggers are dropped for
 *    the import): sync_log says which file brought what.
 *  - Acknowledged is what the other end applied: the .ack file, or the other
 *    direction's header. Until then a segment travels again in every file.
 *  - The file: a text header (magic, format, site, direction, commune, province,
 *    sequences, acknowledgement, schema version, length, CRC-32), then the segments.
 *    CRC-32 (zlib) is enough to catch a damaged or truncated file; it is no signature.
 *    A file of another schema version is refused whole: update ntm on both ends.
 *  - The commune that joins: its file's province row is its own until the province's
 *    first file comes down; the import then moves the commune under the province's row
 *    (and drops the old one if nothing else uses it). Before that, the province files a
 *    commune under its own province row (the one named like the commune's, else its
 *    only one).
 */
#ifndef NTM_SYNC_H
#define NTM_SYNC_H
#include "model/db.h"

/* A commune whose last file came more than this many days ago is stale. */
#define SYNC_STALE_DAYS 8

typedef enum { SYNC_UP = 1, SYNC_DOWN = 2 } sync_dir;

/* This file's site id (meta 'site', 32 hex digits). */
int  sync_site(ntm_db *db, char *out, size_t n);
/* A province row named name (made if there is none of that name): the province file's
 * own row. *id gets it. */
int  sync_province(ntm_db *db, const char *name, int64_t *id);

/* ---- export -------------------------------------------------------------------------- */
typedef struct sync_export_result {
    long long first, seq;        /* the segments in the file: first..seq */
    long long seg_bytes;         /* the new segment's changeset */
    int seg_changes;             /* rows it inserts, changes or deletes */
    long long file_bytes;
    char commune[204];
} sync_export_result;

/* Write the stream of commune_id in direction dir to path: a new segment of what
 * changed since the last export, and every segment not yet acknowledged. SYNC_UP from a
 * commune's file, SYNC_DOWN (the province's rows for that commune) from the province's. */
int  sync_export(ntm_db *db, int64_t commune_id, sync_dir dir, const char *path, sync_export_result *out);

/* ---- import -------------------------------------------------------------------------- */
enum {
    SYNC_APPLIED = 0,            /* new segments applied */
    SYNC_HAVE,                   /* nothing new: every segment was applied before */
    SYNC_DAMAGED,                /* not an ntm sync file, truncated, or its checksum is wrong */
    SYNC_SCHEMA,                 /* made by another schema version */
    SYNC_GAP,                    /* an earlier segment is missing (message names it) */
    SYNC_REFUSED                 /* another reason, in the message */
};

typedef struct sync_import_result {
    int status;                  /* SYNC_APPLIED ... */
    char path[1024];
    char commune[204], commune_uuid[48];
    int dir;                     /* SYNC_UP, SYNC_DOWN; 0 when the header is unreadable */
    long long first, seq;        /* in the file */
    long long applied_from;      /* the first segment applied (SYNC_APPLIED) */
    int rows, conflicts;
    char message[600];
} sync_import_result;

/* Import files, ordered by stream and sequence whatever the order given. Each file is
 * applied whole or not at all, in its own transaction; out[i] is about paths[i]. Returns
 * DB_OK when every file was applied or had nothing new, else DB_INVALID (the others
 * were still applied), or a database error. */
int  sync_import(ntm_db *db, const char *const *paths, int n, sync_import_result *out);

/* The acknowledgement of an applied file, beside it (FILE.ack) or at path. */
int  sync_ack_write(ntm_db *db, const sync_import_result *r, const char *path);
/* Read an acknowledgement (an .ack file, or a file from the other end, whose header
 * carries one) and drop the segments it covers. *seq gets the number acknowledged. */
int  sync_ack_read(ntm_db *db, const char *path, long long *seq, char *commune, size_t cn);

/* ---- what the province dashboard shows ---------------------------------------------- */
typedef struct sync_commune {
    int64_t id;
    char name[204];
    long long seq;               /* the last segment applied; 0: nothing came yet */
    char received_at[24];        /* UTC 'YYYY-MM-DDTHH:MM:SSZ' when it came; "" never */
    char made_at[24];            /* when the commune wrote it */
    char as_of[11];              /* received_at's day, 'YYYY-MM-DD' (local time); "" never */
    int days;                    /* days from as_of to db_today() (negative: after it); -1 never */
    int stale;                   /* nothing came, or it came more than SYNC_STALE_DAYS ago */
} sync_commune;

/* Every active commune of the province, in Vietnamese order, with its last file. */
int  sync_commune_status(ntm_db *db, int64_t province_id, sync_commune **out, int *n);

/* ---- directives: what the province sends down besides campaigns --------------------- */
typedef struct sync_directive_fields {
    int64_t province_id;
    int64_t commune_id;          /* 0: for every commune */
    int note;                    /* a note, not a directive */
    const char *doc_number, *title, *body, *issue_date, *due_date;   /* dates as typed */
} sync_directive_fields;
int  sync_directive_add(ntm_db *db, const sync_directive_fields *f, int64_t *id);
#endif
