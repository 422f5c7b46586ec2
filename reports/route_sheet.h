/* route_sheet: the inspection tour's route sheet (Phiếu kiểm tra tour tuyến, seed 004),
 * A4 PDF through libharu, carried by the inspection team and filled in by pen. */
#ifndef NTM_ROUTE_SHEET_H
#define NTM_ROUTE_SHEET_H
#include "config/config.h"
#include "model/db.h"
#include "model/tour.h"
#include "reports/pdf.h"

/* Write the route sheet of one tour to out_path: letterhead, title, date and team, the
 * route overview (stops in order with their hamlets), then every stop with its checks,
 * each check with its code "stop.check" (3.5), tick boxes Đạt / Chưa đạt and room for a
 * note; results already recorded are ticked and their notes printed. compact = 0: one
 * block per stop (heading kept with its first check), notes two lines tall; compact = 1:
 * one 9 pt line per check, stops grouped, for long routes. Ends with the signature lines
 * of the team. Returns 0, or -1 with a message in err (unknown tour, missing font,
 * unwritable folder...). */
int report_route_sheet(ntm_db *db, const ntm_config *cfg, int64_t tour_id, int compact,
                       const char *out_path, char *err, size_t errlen);
/* The default file name in cfg->pdf_dir:
 * "<pdf_dir>/phieu-kiem-tra-<tour name unaccented>-<yyyymmdd>.pdf" (db_today), compact
 * "...-<yyyymmdd>-gon.pdf". Returns 0, or -1 (unknown tour, out too small). */
int report_route_sheet_path(ntm_db *db, const ntm_config *cfg, int64_t tour_id, int compact,
                            char *out, size_t n);

/* ---- shared by the tour reports (route_sheet.c, tour_summary.c) ---- */

/* "<pdf_dir>/<prefix>-<tour name unaccented>-<yyyymmdd><suffix>.pdf"; suffix may be "". */
int report_tour_path(ntm_db *db, const ntm_config *cfg, int64_t tour_id, const char *prefix,
                     const char *suffix, char *out, size_t n);
/* The team lead's name alone (tour_full.lead is "name - position"). */
void report_tour_lead_name(const tour_full *t, char *out, size_t n);
/* "Thôn Kim Bình" stays, "Kim Bình" becomes "thôn Kim Bình" ("" stays ""). */
void report_tour_hamlet(const char *hamlet, char *out, size_t n);
/* The lines under the title: date of the tour (or a blank to fill by pen), team lead,
 * team members (or dotted lines), campaign, purpose. blanks = 1 leaves dotted lines
 * for what is not known yet (the route sheet); 0 leaves those lines out. */
void report_tour_facts(pdf_doc *d, const tour_full *t, float size, int blanks);
/* "label value" with the label in bold and the value wrapped beside it (hanging). */
void report_field(pdf_doc *d, const char *label, const char *value, float size);
/* A bold section heading, kept with what follows (next_h). */
void report_section(pdf_doc *d, const char *text, float next_h);
#endif
