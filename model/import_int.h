/* import_int: private to model/import*.c: the column tables, a row's values, what each
 * kind of record (hamlets, households, tasks) gives the engine, and the reference and
 * key lookups. A row's value for column c is its canonical text: NFC text, a date as
 * 'YYYY-MM-DD', a quantity or count as digits, a flag "1"/"0", a reference as the code
 * of what it names ("12", an owner "o12" / "p5" / "h3"), a choice as its code; "" for
 * an empty cell and NULL when the file has no such column. */
#ifndef NTM_IMPORT_INT_H
#define NTM_IMPORT_INT_H
#include "model/i18n.h"
#include "model/import.h"
#include <stddef.h>

enum { IT_UUID, IT_TEXT, IT_DATE, IT_QTY, IT_COUNT, IT_FLAG, IT_REF, IT_STATUS };
enum {
    IF_REQUIRED = 1,        /* a value in every row (the column must be there) */
    IF_CONTEXT = 2,         /* where the row is (its commune): must agree with the stored row, never changed */
    IF_KEYONLY = 4,         /* only matches rows (a task code), or picks them (a level), never compared or written */
};

typedef struct imp_col {
    const char *vi, *en;    /* the header as written, in each language */
    const char *aliases;    /* other headers, '|' between (compared folded, punctuation as spaces) */
    int type, flags, max;   /* max: characters of a text */
    char ref;               /* IT_REF: 'c' commune, 'h' hamlet, 'o' owner, 'k' criterion, 'g' campaign */
} imp_col;
/* A column's header in the UI language: both are data (a file may use either), so they
 * stay in the table rather than in the catalogue. */
static inline const char *imp_col_name(const imp_col *c) { return ntm_lang_en ? c->en : c->vi; }

enum { IMP_BAD, IMP_ADD, IMP_CHANGE, IMP_SAME, IMP_SKIP };   /* IMP_SKIP: a row that says nothing, not counted */

typedef struct imp_row {
    long line;
    int action;
    int64_t id, version;    /* the stored row it matched (0: new) */
    char **v;               /* [ncols] */
} imp_row;

typedef struct imp_refs imp_refs;
typedef struct imp_keys imp_keys;

typedef struct imp_kind {
    const char *what;                   /* a msgid: "hộ" */
    const imp_col *cols;
    int ncols;
    int col_uuid, col_commune, col_label, col_code;   /* -1 when none */
    int col_qty, col_qty_unit;          /* a quantity whose typed unit ("2 km") fills the unit column */
    int needs_commune;                  /* a commune from the file or --commune */
    int col_level;                      /* "Cấp" of the export's units: rows of another level are skipped */
    const char *level_keep;             /* the folded levels imported ("thon|hamlet") */
    const char *ignored;                /* the export's computed columns, ignored without a warning */
    const char *key_text;               /* what the natural key is (a msgid): "thôn, chủ hộ và địa chỉ" */
    int col_where;                      /* shown beside the row's name in the plan ("(thôn Nậy)") */
    /* Where the row's key lives (a commune or hamlet id), and the row's key of type 'F'
     * (full), 'L' (loose: tried when the full one finds nothing) or 'C' (task code);
     * malloc'd, NULL when the row has none of that type. */
    int64_t (*scope)(import_job *j, const imp_row *r);
    char *(*key)(import_job *j, const imp_row *r, char type);
    /* Add the keys of the stored rows of scope (imp_key_add). */
    int (*index)(import_job *j, int64_t scope);
    const char *uuid_sql;               /* SELECT id FROM ... WHERE uuid = ?1 */
    /* The stored row as canonical values (malloc'd into old[c], NULL for none) and its version. */
    int (*load)(import_job *j, int64_t id, char **old, int64_t *version);
    /* Create (r->id 0) or update r (the stored row with the file's columns changed). */
    int (*write)(import_job *j, const imp_row *r);
    /* Kinds whose rows are not one record each (criteria: a set, its criteria, their
     * indicators): their own matching instead of uuid / key / load (sets each row's
     * action and id, adds the plan lines; j->kdata for what write needs), and its free. */
    int (*plan)(import_job *j);
    void (*free_data)(void *kdata);
    int preamble;                       /* "Quyết định: 51/2025/QĐ-TTg" lines above the header give a column's value for every row */
} imp_kind;

extern const imp_kind imp_hamlets, imp_households, imp_tasks, imp_criteria;

/* ---- the job ------------------------------------------------------------------------ */
#define IMP_MAX_MSGS 1000          /* errors and warnings kept; the rest are counted (the plan is kept whole) */
typedef struct { long line; int seq; char *text; } imp_msg;
typedef struct { imp_msg *v; int n, cap, dropped; } msg_list;

struct import_job {
    ntm_db *db;
    const imp_kind *k;
    int64_t commune_id;
    int header, header_bad, rows_seen, has_code;   /* header_bad: a column missing or twice */
    int *map, nmap;                /* file column -> kind column, or -1 */
    char **head;                   /* kind column -> the header as written in the file (NULL: absent) */
    imp_row *rows;
    int nrows, caprows;
    msg_list msgs[3];
    int seq, added, changed, same, skipped;
    imp_refs *refs;
    imp_keys *stored, *scopes;
    char typed_unit[64];
    char **pre;                    /* kind column -> the preamble's value (canonical), NULL: none or bad */
    long *pre_line;                /* kind column -> the preamble line that gave it (0: none) */
    void *kdata;                   /* the kind's plan (imp_kind.plan) */
};

/* ---- import.c: header and cells -------------------------------------------------------- */
void imp_msg_add(import_job *j, int which, long line, const char *fmt, ...);
/* An error "dòng 14, cột 'Hạn': " + the rest. */
void imp_cell_bad(import_job *j, long line, int c, const char *fmt, ...);
/* A cell shortened and made printable for a message. */
void imp_shown(const char *s, char *out, size_t n);
int  imp_by_line(const void *a, const void *b);             /* qsort of imp_msg */

ntm_db *imp_db(import_job *j);
int64_t imp_commune(import_job *j, const imp_row *r);      /* the row's, else --commune, else 0 */
int64_t imp_id(const char *canon);                          /* "12" -> 12; "" or NULL -> 0 */
/* The value of column c to write: the file's when it has the column, else stored (may be NULL). */
const char *imp_val(const imp_row *r, int c, const char *stored);
/* A key from parts joined by '\x1f' (NULL-terminated list); parts folded when fold. */
char *imp_join(int fold, ...);
/* "%lld" of v into a malloc'd string; "" when is_null. */
char *imp_num(long long v, int is_null);

/* ---- import_ref.c: names to ids, and the keys of stored rows ----------------------- */
imp_refs *imp_refs_new(void);
void imp_refs_free(imp_refs *r);
/* Resolve value (a name, accents ignored; whole, else a unique part) among the refs of
 * kind in scope (a commune; 0 for communes, or for hamlets anywhere). DB_OK with the
 * code in canon ("" for an empty value), else DB_NOTFOUND / DB_INVALID (ambiguous) with
 * the candidates in msg. */
int  imp_ref_find(import_job *j, imp_refs *r, char kind, int64_t scope, const char *value,
                  char *canon, size_t cn, char *msg, size_t mn);
/* The name of a code ("Nậy", "Hội Phụ nữ", "thôn Nậy" as an owner); the code itself when unknown. */
const char *imp_ref_label(import_job *j, imp_refs *r, char kind, int64_t scope, const char *canon);

imp_keys *imp_keys_new(void);
void imp_keys_free(imp_keys *k);
/* Count one more row under key with id (the last id is kept). 0, or -1 out of memory. */
int  imp_key_add(imp_keys *k, const char *key, int64_t id);
/* How many rows have key, and the last one's id. */
int  imp_key_get(const imp_keys *k, const char *key, int64_t *id);
/* ---- import_run.c ---------------------------------------------------------------------- */
/* For a kind's index(): the stored row id has key (malloc'd; taken and freed; NULL is
 * skipped) of type 'F' full, 'L' loose, 'C' task code. 0, or -1 out of memory. */
int  imp_index_add(import_job *j, char type, char *key, int64_t id);
#endif
