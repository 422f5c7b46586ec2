/* tour_summary: the report of an inspection tour's results (Báo cáo kết quả kiểm tra
 * tour tuyến), A4 PDF through libharu. */
#ifndef NTM_TOUR_SUMMARY_H
#define NTM_TOUR_SUMMARY_H
#include "config/config.h"
#include "model/db.h"

/* Write the summary of one tour to out_path: letterhead, title, tour name, date and
 * team; totals (checks, đạt, chưa đạt, chưa kiểm tra); per stop the counts and the notes
 * of its failed checks; then every failed check with its follow-up owner, deadline
 * ("chưa giao" when no task yet) and state (xong / đang làm / quá hạn, judged on
 * db_today). Signed by the team lead (cfg's signer when the tour has no lead).
 * Returns 0, or -1 with a message in err. */
int report_tour_summary(ntm_db *db, const ntm_config *cfg, int64_t tour_id,
                        const char *out_path, char *err, size_t errlen);
/* "<pdf_dir>/tong-hop-kiem-tra-<tour name unaccented>-<yyyymmdd>.pdf" (db_today). */
int report_tour_summary_path(ntm_db *db, const ntm_config *cfg, int64_t tour_id, char *out, size_t n);
#endif
