/* period_report (paper): the report a commune sends the district every week (Friday,
 * seed 001), month and, in a push, day (15:30, seed 004), or a province's over its
 * communes: "BÁO CÁO KẾT QUẢ THỰC HIỆN XÂY DỰNG NÔNG THÔN MỚI TUẦN 24 (TỪ NGÀY
 * 13/06/2022 ĐẾN NGÀY 19/06/2022)". Sections as the seeds word them: kết quả thực hiện
 * (by hamlet, by owner, tasks finished), tồn tại hạn chế (overdue tasks with owner and
 * days), xếp hạng with "Biểu dương:" and "Phê bình / nhắc nhở:" and a bar chart of
 * progress per hamlet, nhiệm vụ tuần tới; then Nơi nhận and the signature. Numbers and
 * the ranking rule: model/period_report.h. */
#ifndef NTM_REPORT_PERIOD_H
#define NTM_REPORT_PERIOD_H
#include "config/config.h"
#include "model/db.h"

/* What the period is called in the title and the file name. */
enum report_period_kind { RP_CUSTOM = 0, RP_DAY = 'd', RP_WEEK = 'w', RP_MONTH = 'm' };

typedef struct report_period {
    int kind;                    /* enum report_period_kind */
    char from[11], to[11];       /* 'YYYY-MM-DD' */
} report_period;

/* The period of that kind holding day ('YYYY-MM-DD'): its ISO week (Monday to Sunday),
 * its month, the day itself. */
void report_period_of(int kind, const char *day, report_period *out);

/* Write the report of a commune or a province to out_path. 0, or -1 with err. */
int report_period_write(ntm_db *db, const ntm_config *cfg, int64_t unit_id, const report_period *p,
                        const char *out_path, char *err, size_t errlen);
/* The default file: "<pdf_dir>/bao-cao-tuan-an-hoa-thinh-2022-W24.pdf" (thang: 2022-06,
 * ngay: 2022-06-20; a custom period: both days; a province: "tinh-<name>"), or -2, -3...
 * when that exists (report_output_path: the name is reserved, report_output_drop frees
 * it when the report fails). */
int report_period_path(ntm_db *db, const ntm_config *cfg, int64_t unit_id, const report_period *p,
                       char *out, size_t n);
#endif
