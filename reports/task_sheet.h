/* task_sheet: the task sheet (Phiếu đầu việc) of a hamlet, or of an organisation or a
 * person across the commune's hamlets; A4 PDF through libharu. Every row begins with the
 * task's code (V12) and has an empty "Kỳ này" column for this period's quantity, so the
 * filled sheet is typed back by code (model/typeback.h). */
#ifndef NTM_TASK_SHEET_H
#define NTM_TASK_SHEET_H
#include "config/config.h"
#include "model/db.h"

/* Write the sheet of one hamlet's tasks to out_path. Returns 0, or -1 with a message
 * in err (missing font, unwritable folder, unknown hamlet...). */
int report_task_sheet(ntm_db *db, const ntm_config *cfg, int64_t hamlet_id,
                      const char *out_path, char *err, size_t errlen);
/* The default file name for a hamlet's sheet in cfg->pdf_dir:
 * "<pdf_dir>/phieu-dau-viec-<commune>-<hamlet>-<yyyymmdd>.pdf" (unaccented). */
int report_task_sheet_path(ntm_db *db, const ntm_config *cfg, int64_t hamlet_id, char *out, size_t n);
/* The sheet of one owner of the commune: an organisation (org_id > 0) or a person
 * (person_id > 0), its tasks in every hamlet with a "Thôn" column. */
int report_owner_sheet(ntm_db *db, const ntm_config *cfg, int64_t commune_id, int64_t org_id, int64_t person_id,
                       const char *out_path, char *err, size_t errlen);
/* "<pdf_dir>/phieu-dau-viec-<commune>-<owner's short name or name>-<yyyymmdd>.pdf". */
int report_owner_sheet_path(ntm_db *db, const ntm_config *cfg, int64_t commune_id, int64_t org_id, int64_t person_id,
                            char *out, size_t n);
#endif
