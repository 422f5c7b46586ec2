/* export_cols: the column tables of export_cols.h, expanded once. */
#include "reports/export_cols.h"

#define COL(id, header, type) { header, type },
const export_col export_task_cols[] = { EXPORT_TASK_COLUMNS(COL) };
const export_col export_unit_cols[] = { EXPORT_UNIT_COLUMNS(COL) };
const export_col export_household_cols[] = { EXPORT_HOUSEHOLD_COLUMNS(COL) };
const export_col export_progress_cols[] = { EXPORT_PROGRESS_COLUMNS(COL) };
const export_col export_criteria_cols[] = { EXPORT_CRITERIA_COLUMNS(COL) };
#undef COL

/* The enums and the tables come from the same lists; this keeps them the same length. */
_Static_assert(sizeof export_task_cols / sizeof *export_task_cols == EC_TASK_N, "task columns");
_Static_assert(sizeof export_unit_cols / sizeof *export_unit_cols == EC_UNIT_N, "unit columns");
_Static_assert(sizeof export_household_cols / sizeof *export_household_cols == EC_HH_N, "household columns");
_Static_assert(sizeof export_progress_cols / sizeof *export_progress_cols == EC_PR_N, "progress columns");
_Static_assert(sizeof export_criteria_cols / sizeof *export_criteria_cols == EC_UC_N, "criteria columns");
