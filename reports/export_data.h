/* export_data: the data sets (tasks, units, households, progress, criteria) written to
 * CSV or XLSX with the columns of export_cols.h, streamed from the model (dataset.h),
 * and the default file names of exports. */
#ifndef NTM_EXPORT_DATA_H
#define NTM_EXPORT_DATA_H
#include "config/config.h"
#include "model/dataset.h"
#include "model/db.h"
#include "reports/export.h"

enum export_kind { EXPORT_TASKS, EXPORT_UNITS, EXPORT_HOUSEHOLDS, EXPORT_PROGRESS, EXPORT_CRITERIA, EXPORT_NKINDS };

/* "tasks", "units", "households", "progress", "criteria" -> EXPORT_*; -1 when unknown. */
int  export_kind_of(const char *name);
const char *export_kind_name(int kind);
/* The file name stem of a kind: "dau-viec", "don-vi", "ho-gia-dinh", "bao-cao-tien-do", "tieu-chi". */
const char *export_kind_stem(int kind);

/* What an export wrote: the path (with EXPORT_UNIQUE perhaps "name-2.xlsx") and rows. */
typedef struct export_result { char path[NTM_PATH_MAX + 16]; long rows; } export_result;

/* Write a data set of the scope (NULL: everything) to path. 0, or -1 with err. */
int  export_dataset(ntm_db *db, int kind, const ds_scope *s, const char *path, int flags,
                    export_result *res, char *err, size_t errlen);
/* The rows of these ids in this order (EXPORT_TASKS, EXPORT_UNITS, EXPORT_HOUSEHOLDS). */
int  export_dataset_ids(ntm_db *db, int kind, const int64_t *ids, int n, const char *path, int flags,
                        export_result *res, char *err, size_t errlen);

/* "<dir>/<stem>[-<name1>][-<name2>]-<yyyymmdd>.<ext>", names unaccented ("an-hoa-thinh");
 * today is 'YYYY-MM-DD'. -1 when it does not fit. */
int  export_file_name(const char *dir, const char *stem, const char *name1, const char *name2,
                      const char *today, int format, char *out, size_t n);
/* The default name of a data set's export in cfg->pdf_dir, named after the scope. */
int  export_default_path(ntm_db *db, const ntm_config *cfg, int kind, const ds_scope *s, int format,
                         char *out, size_t n);
#endif
