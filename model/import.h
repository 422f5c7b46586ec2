/* import: rows of strings (from a CSV or XLSX file, read in reports/) into hamlets,
 * households, tasks or criteria sets (a set, its criteria, indicators and targets per
 * commune group: import_criteria.c). All or nothing: every row is checked first with the validators
 * the forms use, every bad line is named ("dòng 14, cột 'Hạn': 31/02/2022 không phải là
 * ngày"), and only a file without errors is written, in one transaction, through the
 * same versioned, audited create and update the forms use (so one undo reverts it).
 * Rows are matched to what is already there by the uuid column, else by a natural key
 * (hamlets: commune and name; households: hamlet, head and address; tasks: commune,
 * hamlet and title), names compared without accents, so importing the same file again
 * changes nothing and an edited cell changes that row only. Columns not in the file are
 * left as they are. */
#ifndef NTM_IMPORT_H
#define NTM_IMPORT_H
#include "model/db.h"

typedef enum { IMPORT_HAMLETS, IMPORT_HOUSEHOLDS, IMPORT_TASKS, IMPORT_CRITERIA } import_kind;

typedef struct import_job import_job;

/* "hamlets", "households", "tasks", "criteria" (or thon, ho, dau-viec, tieu-chi); -1 when unknown. */
int  import_kind_parse(const char *name);
/* commune_id: the --commune chosen (0: none; then the file needs a commune column where
 * the kind needs one). NULL when out of memory. */
import_job *import_new(ntm_db *db, import_kind kind, int64_t commune_id);
void import_free(import_job *j);

/* Feed the rows in file order, the header row first (rows above it that name no known
 * column, such as a title, are skipped; for criteria, rows above it such as "Quyết
 * định | 51/2025/QĐ-TTg" or "Giai đoạn: 2026-2030" give that column for every row).
 * Always 0: problems are collected. */
int  import_row(import_job *j, long line, int n, const char *const *cells);
/* Check everything, match, then write it all in one transaction (dry_run: write and roll
 * back, so the plan is what a real run would do). DB_OK when imported (or, dry run,
 * when it would be); DB_INVALID when refused: nothing written, import_messages lists
 * why. Other DB_ codes (busy, read-only) with db_errmsg. */
int  import_run(import_job *j, int dry_run);

enum { IMPORT_ERRORS, IMPORT_WARNINGS, IMPORT_PLAN };
/* The messages of one kind, in line order: errors (each "dòng N, cột 'X': ..."),
 * warnings (unknown columns), and the plan ("thêm dòng 3: ...", "sửa dòng 7: ...: old →
 * new"; filled by import_run). */
int  import_count(const import_job *j, int which);
const char *import_message(const import_job *j, int which, int i);
/* Rows added, changed and left as they were (after import_run). */
void import_totals(const import_job *j, int *added, int *changed, int *same);
/* "Thêm 12, sửa 3, giữ nguyên 1485" in the UI language, into out. */
void import_summary(const import_job *j, char *out, size_t n);
#endif
