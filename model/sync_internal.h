/* sync_internal: what the sync files of the model share (model/sync.h says the design).
 * The session extension's declarations need SQLITE_ENABLE_SESSION before sqlite3.h;
 * that part of the header has its own guard, so including it again here adds them. */
#ifndef NTM_SYNC_INTERNAL_H
#define NTM_SYNC_INTERNAL_H
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>
#include "model/db_internal.h"
#include "model/sync.h"

/* ---- the wire tables (sync_wire.c) --------------------------------------------------- */
typedef struct { const char *col, *ref; } sync_fk;

typedef struct sync_table_def {
    const char *name;
    const char *unit_expr;       /* the id of the unit that owns row t; NULL: criteria and
                                    checklists (no owner: the province's) */
    unsigned dirs;               /* SYNC_UP | SYNC_DOWN: the streams it is part of */
    const char *down_where;      /* more conditions on t for SYNC_DOWN (?2: the commune) */
    int link;                    /* keyed by its two first columns (foreign keys), no uuid */
    const char *park;            /* SET clause moving a unique sequence out of the way */
    const char *order;           /* ORDER BY on the wire row m when merging new rows */
    sync_fk fk[8];
} sync_table_def;

typedef struct sync_table {
    const sync_table_def *def;
    int ncols;                   /* the live columns but id, then "owner" */
    char **cols;
    const char **ref;            /* per column: the table its uuid points into, or NULL */
    unsigned char *notnull;
    int nkey;                    /* 1 (uuid) or 2 (a link table's two columns) */
    int key[2];                  /* their column indexes */
    char *select;                /* "SELECT <wire columns> FROM name t" */
    char *owner;                 /* the owner uuid of row t (SQL), "NULL" for criteria */
} sync_table;

enum { SYNC_MAX_TABLES = 32 };
typedef struct sync_schema { sync_table t[SYNC_MAX_TABLES]; int n; } sync_schema;

int  sync_schema_load(ntm_db *db, sync_schema *s);
void sync_schema_free(sync_schema *s);
/* The wire tables in schema ("main", "now", "pre") of connection m. */
int  sync_schema_create(sqlite3 *m, const sync_schema *s, const char *schema, char *err, size_t en);
int  sync_schema_index(const sync_schema *s, const char *name);
/* "INSERT INTO schema.t VALUES (?, ...)" on connection to (NULL on error), and every row
 * of from copied with it. */
sqlite3_stmt *sync_insert_stmt(sqlite3 *to, const char *schema, const sync_table *t);
int  sync_copy_rows(sqlite3_stmt *from, sqlite3_stmt *ins, int ncols, int *rows);
/* An in-memory connection with the wire tables in main (and "now" or "pre" attached). */
int  sync_memdb(const sync_schema *s, const char *attach, sqlite3 **out, char *err, size_t en);
/* malloc'd printf. */
char *sync_printf(const char *fmt, ...);

/* ---- the file (sync_file.c) ---------------------------------------------------------- */
typedef struct sync_header {
    int format;
    char site[48];
    int dir;
    char commune_uuid[48], commune_name[204];
    char province_uuid[48], province_name[204];
    long long first, seq, ack;   /* segments first..seq; ack: the other direction's applied */
    int schema;
    char made[24];
    long long length;            /* of the body */
    unsigned long crc;
} sync_header;

typedef struct sync_seg { long long seq; char made[24]; const void *data; int n; } sync_seg;

/* Write the header (length and crc filled in) and the segments to path, atomically. */
int  sync_file_write(const char *path, sync_header *h, const sync_seg *segs, int nseg, char *err, size_t en);
/* Read and check a file: SYNC_APPLIED (0) when whole, else SYNC_DAMAGED with err.
 * *buf holds the file (the segments point into it); free it. */
int  sync_file_read(const char *path, sync_header *h, unsigned char **buf, sync_seg **segs, int *nseg,
                    char *err, size_t en);
/* The header alone (to order files before reading them). */
int  sync_file_peek(const char *path, sync_header *h);
const char *sync_dir_name(int dir);
void sync_now(char out[24]);

/* ---- streams (sync_export.c, sync_import.c) ------------------------------------------ */
typedef struct sync_stream {
    int dir;
    int64_t commune_id, province_id;
    char commune_uuid[48], commune_name[204];
    char province_uuid[48], province_name[204];
} sync_stream;
/* The commune and its province as this file has them. */
int  sync_stream_of(ntm_db *db, int64_t commune_id, int dir, sync_stream *s);
/* The applied sequence of the other direction, for a header's ack. */
long long sync_applied(ntm_db *db, const char *unit_uuid, int dir);
/* Record that the other end applied up to seq: drop those segments. */
int  sync_acked(ntm_db *db, const char *unit_uuid, int dir, long long seq);

/* ---- one segment merged into the live tables (sync_merge.c, sync_write.c) ----------- */
typedef struct { int t, col; char *k1, *k2, *uuid; } sync_pending;

typedef struct sync_merge {
    ntm_db *db;
    const sync_schema *s;
    sqlite3 *m;                  /* main: the receiver's rows as changed; pre: as they were */
    int dir;
    const char *sender;          /* the owner uuid the sender may change */
    const char *stream_uuid;
    int64_t province_id;         /* SYNC_UP: where a commune of an unknown province goes */
    long long seq;
    int rows, conflicts;
    char err[512];
    /* statements on the live file, per table, made when first needed */
    sqlite3_stmt *key_sel[SYNC_MAX_TABLES], *upsert[SYNC_MAX_TABLES], *del[SYNC_MAX_TABLES];
    sqlite3_stmt *park[SYNC_MAX_TABLES], *resolve[SYNC_MAX_TABLES];
    sqlite3_stmt *ins_main[SYNC_MAX_TABLES], *ins_pre[SYNC_MAX_TABLES];   /* on m */
    sqlite3_stmt *staged[SYNC_MAX_TABLES];                                /* into temp.sync_in_<table> */
    sync_pending *pend;          /* optional references to rows merged later in the segment */
    int npend, cappend;
} sync_merge;

int  sync_merge_open(sync_merge *g, char *err, size_t en);
void sync_merge_close(sync_merge *g);
/* Apply one changeset: DB_OK, or an error in g->err (the caller rolls back). */
int  sync_merge_segment(sync_merge *g, const void *data, int n);
/* Log a conflict (kind, resolution: see 007_sync.sql). */
void sync_conflict_log(sync_merge *g, const char *tbl, const char *key, const char *kind, const char *resolution,
                       const char *detail);
/* sync_merge.c for sync_write.c: a statement on the live file made once (sql is freed),
 * the live row of table ti by key (?1, ?2), the error message. */
int  sync_prepare(sync_merge *g, sqlite3_stmt **slot, char *sql);
sqlite3_stmt *sync_key_select(sync_merge *g, int ti);
char *sync_key_where(const sync_table *t, const char *alias);
int  sync_fail(sync_merge *g, const char *fmt, const char *a, const char *b);
/* sync_write.c: main's changes to the touched rows written into the live tables. */
int  sync_write_back(sync_merge *g);
/* May the sender make this change (a new row when !existed; deleting: the row goes)? */
int  sync_allowed(const sync_merge *g, const sync_table *t, int existed, const char *pre_owner, const char *post_owner, int deleting);
void sync_refuse(sync_merge *g, const sync_table *t, const char *key, const char *owner);
int  sync_same_owner(const char *a, const char *b);
/* "a.k = b.k1" (b the touched keys) or "a.k = b.k" on the key column(s); the key as logged. */
char *sync_key_join(const sync_table *t, const char *a, const char *b, int b_is_touched);
void sync_row_key(sqlite3_stmt *st, const sync_table *t, int c1, int c2, char *out, size_t n);
/* sync_write_row.c: the deletes, the staged rows of a table one by one, and the optional
 * references set after all rows are in. */
int  sync_rows_delete(sync_merge *g, int ti);
int  sync_rows_upsert(sync_merge *g, int ti);
int  sync_rows_settle(sync_merge *g);
#endif
