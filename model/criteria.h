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
} criteria_set_rec;

typedef struct criterion_rec {
    int64_t id, set_id;
    int number;
    char name[404];
} criterion_rec;

/* Every set (a small table), newest period first (malloc'd; free() it). */
int  criteria_sets(ntm_db *db, criteria_set_rec **out, int *n);
/* The criteria of a set by number (malloc'd; free() it). */
int  criteria_of_set(ntm_db *db, int64_t set_id, criterion_rec **out, int *n);

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
