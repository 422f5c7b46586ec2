/* task_sheet: the hamlet task sheet (Phiếu đầu việc), A4 PDF through libharu. */
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
#endif
