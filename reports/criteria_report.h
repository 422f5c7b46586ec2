/* criteria_report: the criteria status kept for appraisal (thẩm định). For a commune:
 * the set in force for it (unit.criteria_set_id), each criterion with its status,
 * dossier, owner and date, "Đạt x/N"; then its hamlets as a matrix when they have
 * records. For a province: its communes x criteria as a compact matrix (√ met, × not
 * met, ! at risk; Liberation Serif has no ✓ ✗), "x/N" per commune, communes met per
 * criterion; landscape A4 when 19 criteria would not fit across. */
#ifndef NTM_CRITERIA_REPORT_H
#define NTM_CRITERIA_REPORT_H
#include "config/config.h"
#include "model/db.h"

int report_criteria_write(ntm_db *db, const ntm_config *cfg, int64_t unit_id, const char *out_path,
                          char *err, size_t errlen);
/* "<pdf_dir>/tieu-chi-an-hoa-thinh-2022-06-20.pdf" (a province: "tieu-chi-tinh-..."),
 * or -2, -3... (report_output_path). */
int report_criteria_path(ntm_db *db, const ntm_config *cfg, int64_t unit_id, char *out, size_t n);
#endif
