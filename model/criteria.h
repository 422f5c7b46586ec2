/* criteria: criteria sets (bộ tiêu chí) and their criteria, and the state of each
 * criterion per unit (unit_criterion: met / not met / at risk, owner, dossier), shown
 * as a matrix of units x criteria: a commune and its hamlets, or a province's communes. */
#ifndef NTM_CRITERIA_H
#define NTM_CRITERIA_H
#include "model/db.h"

typedef struct criteria_set_rec {
    int64_t id;
    char code[64], name[404], level[20], scope[12], decision[64];
    int year_from, year_to, n_criteria;
    char issuer[124], decision_date[11], in_force[11];
    int criteria_count, indicator_count;   /* what the decision declares; -1 unknown */
    int n_indicators;                      /* indicators entered */
    char label[160];                       /* criteria_set_label(), told apart from the other sets */
} criteria_set_rec;

typedef struct criterion_rec {
    int64_t id, set_id;
    int number;
    char name[404];
} criterion_rec;

/* Every set (a small table), newest period first (malloc'd; free() it), each with its
 * label; two sets whose labels would read the same start with their codes. */
int  criteria_sets(ntm_db *db, criteria_set_rec **out, int *n);
/* One set by id (its label told apart from the others). DB_NOTFOUND when none. */
int  criteria_set_get(ntm_db *db, int64_t id, criteria_set_rec *out);
/* The short label that tells a set apart wherever it is shown (the commune form, the
 * matrix, the criteria report, `ntm criteria`), in the UI language: where (a province's
 * set: its province, from the issuer), period, level when not the commune standard,
 * deciding document, criteria count (declared, else entered). "2021-2025 · QĐ
 * 318/QĐ-TTg (19 tiêu chí)", "Hà Tĩnh 2019-2020 nâng cao · QĐ 29/2019/QĐ-UBND (7 tiêu
 * chí)". The demo's sets fit in 60 columns. */
void criteria_set_label(const criteria_set_rec *r, char *out, size_t n);

/* The stored set a cell names: its code (case aside), else its name (accents aside); 0: none. */
int64_t criteria_set_find(ntm_db *db, const char *cell);
/* "2026-2030", "2026 - 2030", "2026–2030", "2026": the years (1990..2100); 0, or -1. */
int  criteria_period_parse(const char *s, int *from, int *to);
/* "xã", "Xã nông thôn mới nâng cao", "thôn", "khu dân cư kiểu mẫu" (accents aside) -> the
 * level code; NULL when none. And a level code in words, in the UI language. */
const char *criteria_level_parse(const char *s);
const char *criteria_level_label(const char *level);

/* An indicator of a set with its targets: per commune group (1..3; "" none) and for all
 * groups (the row with no group and no region). */
typedef struct indicator_rec {
    int64_t id, criterion_id;
    int criterion_number;
    char code[24], name[1004], measure[24];
    char target_all[204], target[3][204];
    int n_regional;              /* targets per region (2021-2025), not listed here */
} indicator_rec;
/* The indicators of a set by criterion number, then code as numbers (2.10 after 2.9)
 * (malloc'd; free() it). */
int  criteria_indicators(ntm_db *db, int64_t set_id, indicator_rec **out, int *n);
/* The criteria of a set by number (malloc'd; free() it). */
int  criteria_of_set(ntm_db *db, int64_t set_id, criterion_rec **out, int *n);

/* ---- writes, for `ntm import criteria` (criteria_edit.c); inside the caller's
 * transaction, audited by the triggers. Text is the import's checked, NFC text. ---- */
typedef struct cset_fields {
    const char *code, *name, *level, *scope;       /* level: commune, commune_advanced, hamlet, model_area */
    int year_from, year_to;
    const char *decision, *decision_date, *issuer, *in_force;   /* "" or NULL: none */
    int criteria_count, indicator_count;           /* -1: not known */
} cset_fields;
/* id 0 adds a set (its id into *out); else every field of set id is rewritten. */
int  cset_write(ntm_db *db, int64_t id, const cset_fields *f, int64_t *out);
/* id 0 adds criterion number of set_id; else renames criterion id. */
int  criterion_write(ntm_db *db, int64_t id, int64_t set_id, int number, const char *name, int64_t *out);
/* id 0 adds the indicator code of criterion_id; else rewrites its name and measure. */
int  indicator_write(ntm_db *db, int64_t id, int64_t criterion_id, const char *code, const char *name,
                     const char *measure, int64_t *out);
/* The target of an indicator for commune group 1..3, or 0 for every group (not per
 * region): NULL when none ("" out). */
int  indicator_target_get(ntm_db *db, int64_t indicator_id, int group, char *out, size_t n);
/* Set it ("" removes it). Nothing is written when it is already so. */
int  indicator_target_put(ntm_db *db, int64_t indicator_id, int group, const char *target);

/* One cell of the matrix. status: 'm' met, 'n' not met, 'r' at risk, 0 no record yet
 * (not met). dossier: 0 none, 'p' in progress, 'c' complete, 'a' appraised. */
typedef struct uc_cell {
    int64_t id, unit_id, criterion_id, version;     /* id 0, version 0: no record yet */
    int64_t owner_org_id, owner_person_id;
    char status, dossier, has_note;
    char owner[124];             /* short name of the org, or the person */
    char status_date[11];
} uc_cell;

typedef struct uc_rec { uc_cell c; char note[4004]; char updated_at[24]; } uc_rec;

typedef struct criteria_row {
    int64_t id; char kind; char name[204]; int met;
    int64_t set_id;              /* the unit's own set (unit.criteria_set_id), 0: none */
} criteria_row;

typedef struct criteria_matrix {
    int64_t set_id;
    char set_name[404];
    char set_label[160];                      /* criteria_set_label() */
    criteria_row *rows; int n_rows;           /* the commune then its hamlets, or the communes */
    criterion_rec *cols; int n_cols;          /* criteria of the set, by number */
    uc_cell *cells;                           /* n_rows x n_cols, row by row */
} criteria_matrix;

/* unit_id: a commune (rows: the commune, then its hamlets) or a province (rows: its
 * communes). set_id 0: the commune's set (for a province, the set of its first commune
 * that has one). DB_NOTFOUND when no set applies. */
int  criteria_matrix_load(ntm_db *db, int64_t unit_id, int64_t set_id, criteria_matrix *out);
void criteria_matrix_free(criteria_matrix *m);
uc_cell *criteria_cell(criteria_matrix *m, int row, int col);

typedef struct uc_fields {
    const char *status;          /* "met", "not_met", "at_risk" (NULL: not_met) */
    const char *dossier;         /* "none", "in_progress", "complete", "appraised" (NULL: none) */
    int64_t owner_org_id, owner_person_id;   /* optional, of the unit's commune */
    const char *status_date;     /* typed or ISO; optional */
    const char *note;            /* optional, at most 1000 characters */
} uc_fields;

/* A unit's state of one criterion; id 0 when nothing was recorded yet. */
int  uc_read(ntm_db *db, int64_t unit_id, int64_t criterion_id, uc_rec *out);
/* Write every field. version: the one read (0 when there was no record). */
int  uc_set(ntm_db *db, int64_t unit_id, int64_t criterion_id, int64_t version, const uc_fields *f);
/* Change only the status in place (status date: today). */
int  uc_set_status(ntm_db *db, int64_t unit_id, int64_t criterion_id, int64_t version, const char *status);
/* 'm' -> "met" ... for the cell codes; and back. */
const char *uc_status_code(char status);
const char *uc_status_label(char status);             /* UI language */
const char *uc_dossier_label(char dossier);           /* UI language */
#endif
