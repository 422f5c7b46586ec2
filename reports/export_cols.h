/* export_cols: the columns of ntm's CSV and XLSX exports, one table per data set. The
 * header texts are a contract: `ntm import` (the importer) reads files by these exact
 * headers, so they are Vietnamese whatever [ui] language says, and a header is never
 * renamed or dropped; a new column may be added (the importer ignores unknown ones).
 *
 * A file's first row holds the headers of its data set in this order. Cells:
 *  EXPORT_TEXT     UTF-8 text (NFC). In CSV a text starting with = + - @ (or tab/CR)
 *                  gets a leading apostrophe (OWASP's CSV injection advice): a reader
 *                  drops one leading "'" from such a cell.
 *  EXPORT_NUMBER   a quantity; CSV: "1.4" (dot decimal, no grouping); XLSX: a number.
 *  EXPORT_INT      a whole number, as above.
 *  EXPORT_PERCENT  a ratio; CSV: "70%" (whole percent); XLSX: the number 0.7 shown 0%.
 *  EXPORT_DATE     CSV: dd/mm/yyyy; XLSX: an Excel date shown dd/mm/yyyy.
 *  EXPORT_DATETIME local time; CSV: dd/mm/yyyy hh:mm; XLSX: an Excel date-time.
 * An empty cell is "nothing recorded" (no target, no deadline, not surveyed...).
 *
 * Use: #define X(id, header, type) ... then EXPORT_TASK_COLUMNS(X); the tables
 * export_*_cols[] (reports/export_cols.c) are the same lists, expanded once. */
#ifndef NTM_EXPORT_COLS_H
#define NTM_EXPORT_COLS_H

enum export_type { EXPORT_TEXT, EXPORT_NUMBER, EXPORT_INT, EXPORT_PERCENT, EXPORT_DATE, EXPORT_DATETIME };

/* Fixed cell words (Vietnamese whatever the UI language, like the headers). */
#define EXPORT_YES            "có"
#define EXPORT_NO             "không"
#define EXPORT_TASK_OPEN      "Đang làm"
#define EXPORT_TASK_DONE      "Đã xong"
#define EXPORT_TASK_CANCELLED "Đã hủy"
#define EXPORT_LEVEL_PROVINCE "Tỉnh"
#define EXPORT_LEVEL_COMMUNE  "Xã"
#define EXPORT_LEVEL_HAMLET   "Thôn"
#define EXPORT_UC_MET         "Đạt"
#define EXPORT_UC_NOT_MET     "Chưa đạt"
#define EXPORT_UC_AT_RISK     "Có nguy cơ"
#define EXPORT_DOSSIER_NONE        "Chưa có"
#define EXPORT_DOSSIER_IN_PROGRESS "Đang hoàn thiện"
#define EXPORT_DOSSIER_COMPLETE    "Đủ hồ sơ"
#define EXPORT_DOSSIER_APPRAISED   "Đã thẩm định"

/* tasks (sheet "Đầu việc"): one row per task. Thôn is empty for a commune-wide task;
 * Phụ trách is the owner as the screens show it (organisation's short name, person, or
 * hamlet); Tiêu chí is "2. Giao thông"; Đợt is the campaign's "document-number name";
 * Tỷ lệ is done/target (1 when done); Quá hạn: days past the deadline of an open task
 * (empty when not overdue). Mã is the task's short code (empty until it has one). */
#define EXPORT_TASK_COLUMNS(X) \
    X(TASK_CODE,      "Mã",              EXPORT_TEXT) \
    X(TASK_COMMUNE,   "Xã",              EXPORT_TEXT) \
    X(TASK_HAMLET,    "Thôn",            EXPORT_TEXT) \
    X(TASK_TITLE,     "Nội dung",        EXPORT_TEXT) \
    X(TASK_OWNER,     "Phụ trách",       EXPORT_TEXT) \
    X(TASK_CRITERION, "Tiêu chí",        EXPORT_TEXT) \
    X(TASK_CAMPAIGN,  "Đợt",             EXPORT_TEXT) \
    X(TASK_TARGET,    "Chỉ tiêu",        EXPORT_NUMBER) \
    X(TASK_UNIT,      "Đơn vị tính",     EXPORT_TEXT) \
    X(TASK_DONE,      "Đã làm",          EXPORT_NUMBER) \
    X(TASK_PERCENT,   "Tỷ lệ",           EXPORT_PERCENT) \
    X(TASK_DEADLINE,  "Hạn",             EXPORT_DATE) \
    X(TASK_STATUS,    "Trạng thái",      EXPORT_TEXT) \
    X(TASK_OVERDUE,   "Số ngày quá hạn", EXPORT_INT) \
    X(TASK_UUID,      "uuid",            EXPORT_TEXT)

/* units (sheet "Đơn vị"): provinces, communes and hamlets. Cấp is Tỉnh/Xã/Thôn; a
 * commune's row has Thôn empty, a province's row Xã and Thôn empty. Nhóm is the commune
 * group (1, 2, 3) of the 2026-2030 criteria; Trạng thái the current status label. The
 * task counts are the unit's own and its hamlets' (a commune: every task of it). */
#define EXPORT_UNIT_COLUMNS(X) \
    X(UNIT_LEVEL,      "Cấp",          EXPORT_TEXT) \
    X(UNIT_PROVINCE,   "Tỉnh",         EXPORT_TEXT) \
    X(UNIT_COMMUNE,    "Xã",           EXPORT_TEXT) \
    X(UNIT_HAMLET,     "Thôn",         EXPORT_TEXT) \
    X(UNIT_DISTRICT,   "Huyện",        EXPORT_TEXT) \
    X(UNIT_GROUP,      "Nhóm",         EXPORT_INT) \
    X(UNIT_STATUS,     "Trạng thái",   EXPORT_TEXT) \
    X(UNIT_POPULATION, "Dân số",       EXPORT_INT) \
    X(UNIT_HOUSEHOLDS, "Số hộ",        EXPORT_INT) \
    X(UNIT_TASKS,      "Số đầu việc",  EXPORT_INT) \
    X(UNIT_TASKS_DONE, "Đã xong",      EXPORT_INT) \
    X(UNIT_OVERDUE,    "Quá hạn",      EXPORT_INT) \
    X(UNIT_UUID,       "uuid",         EXPORT_TEXT)

/* households (sheet "Hộ gia đình"): the flags are "có", "không" or empty (not surveyed),
 * in model/household.h's order (HH_MODEL_GARDEN ... HH_OFFICIAL). */
#define EXPORT_HOUSEHOLD_COLUMNS(X) \
    X(HH_COMMUNE,     "Xã",                       EXPORT_TEXT) \
    X(HH_HAMLET,      "Thôn",                     EXPORT_TEXT) \
    X(HH_HEAD,        "Chủ hộ",                   EXPORT_TEXT) \
    X(HH_ADDRESS,     "Địa chỉ",                  EXPORT_TEXT) \
    X(HH_F_GARDEN,    "Vườn mẫu",                 EXPORT_TEXT) \
    X(HH_F_CLEAN,     "3 sạch",                   EXPORT_TEXT) \
    X(HH_F_SEPTIC,    "Nhà tiêu tự hoại",         EXPORT_TEXT) \
    X(HH_F_WASTEWATER,"Hố xử lý nước thải",       EXPORT_TEXT) \
    X(HH_F_COMPOST,   "Hố ủ rác",                 EXPORT_TEXT) \
    X(HH_F_BADTOILET, "Nhà tiêu 1-2 ngăn cần bỏ", EXPORT_TEXT) \
    X(HH_F_POOR,      "Hộ nghèo",                 EXPORT_TEXT) \
    X(HH_F_OFFICIAL,  "Cán bộ, đảng viên",        EXPORT_TEXT) \
    X(HH_NOTE,        "Ghi chú",                  EXPORT_TEXT) \
    X(HH_UUID,        "uuid",                     EXPORT_TEXT)

/* progress (sheet "Báo cáo tiến độ"): one row per progress report. Mã and "uuid đầu
 * việc" name the task; Khối lượng is this report's quantity in the task's unit. */
#define EXPORT_PROGRESS_COLUMNS(X) \
    X(PR_DATE,       "Ngày",           EXPORT_DATE) \
    X(PR_CODE,       "Mã",             EXPORT_TEXT) \
    X(PR_COMMUNE,    "Xã",             EXPORT_TEXT) \
    X(PR_HAMLET,     "Thôn",           EXPORT_TEXT) \
    X(PR_TASK,       "Đầu việc",       EXPORT_TEXT) \
    X(PR_QTY,        "Khối lượng",     EXPORT_NUMBER) \
    X(PR_UNIT,       "Đơn vị tính",    EXPORT_TEXT) \
    X(PR_NOTE,       "Ghi chú",        EXPORT_TEXT) \
    X(PR_REPORTER,   "Người báo cáo",  EXPORT_TEXT) \
    X(PR_ENTERED_BY, "Người nhập",     EXPORT_TEXT) \
    X(PR_ENTERED_AT, "Thời điểm nhập", EXPORT_DATETIME) \
    X(PR_UUID,       "uuid",           EXPORT_TEXT) \
    X(PR_TASK_UUID,  "uuid đầu việc",  EXPORT_TEXT)

/* criteria (sheet "Tiêu chí"): one row per unit x criterion of the commune's set (the
 * commune, then its hamlets), recorded or not (then Chưa đạt, Chưa có, uuid empty).
 * Bộ tiêu chí is the set's code; Số and Tên tiêu chí name the criterion in it. */
#define EXPORT_CRITERIA_COLUMNS(X) \
    X(UC_COMMUNE,  "Xã",             EXPORT_TEXT) \
    X(UC_HAMLET,   "Thôn",           EXPORT_TEXT) \
    X(UC_SET,      "Bộ tiêu chí",    EXPORT_TEXT) \
    X(UC_NUMBER,   "Số",             EXPORT_INT) \
    X(UC_NAME,     "Tên tiêu chí",   EXPORT_TEXT) \
    X(UC_STATUS,   "Trạng thái",     EXPORT_TEXT) \
    X(UC_DOSSIER,  "Hồ sơ",          EXPORT_TEXT) \
    X(UC_OWNER,    "Phụ trách",      EXPORT_TEXT) \
    X(UC_DATE,     "Ngày đánh giá",  EXPORT_DATE) \
    X(UC_NOTE,     "Ghi chú",        EXPORT_TEXT) \
    X(UC_UUID,     "uuid",           EXPORT_TEXT)

#define EXPORT_COL_ENUM(id, header, type) EC_##id,
enum { EXPORT_TASK_COLUMNS(EXPORT_COL_ENUM) EC_TASK_N };
enum { EXPORT_UNIT_COLUMNS(EXPORT_COL_ENUM) EC_UNIT_N };
enum { EXPORT_HOUSEHOLD_COLUMNS(EXPORT_COL_ENUM) EC_HH_N };
enum { EXPORT_PROGRESS_COLUMNS(EXPORT_COL_ENUM) EC_PR_N };
enum { EXPORT_CRITERIA_COLUMNS(EXPORT_COL_ENUM) EC_UC_N };
#undef EXPORT_COL_ENUM

typedef struct export_col { const char *header; int type; } export_col;
/* Each EC_*_N long; sheet names for XLSX beside them. */
extern const export_col export_task_cols[], export_unit_cols[], export_household_cols[],
                        export_progress_cols[], export_criteria_cols[];
#define EXPORT_SHEET_TASKS      "Đầu việc"
#define EXPORT_SHEET_UNITS      "Đơn vị"
#define EXPORT_SHEET_HOUSEHOLDS "Hộ gia đình"
#define EXPORT_SHEET_PROGRESS   "Báo cáo tiến độ"
#define EXPORT_SHEET_CRITERIA   "Tiêu chí"
#endif
