/* print: the route sheet (full or compact) and the summary of a tour, written into
 * [output] pdf_dir and sent to [output] print_command; without a print command the
 * status line names the file to fetch over SFTP. */
#include "tui/screens/tour/tour.h"
#include "tui/bars.h"
#include "tui/print.h"
#include "tui/widgets/dialog.h"
#include "model/i18n.h"
#include "reports/print_cmd.h"
#include "reports/route_sheet.h"
#include "reports/tour_summary.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int tour_print(tui *t, int64_t tour_id, int what)
{
    char path[NTM_PATH_MAX], err[512], msg[NTM_PATH_MAX + 300], shown[NTM_PATH_MAX];
    int summary = what == 's', compact = what == 'P';
    int rc = summary ? report_tour_summary_path(t->db, t->cfg, tour_id, path, sizeof path)
                     : report_route_sheet_path(t->db, t->cfg, tour_id, compact, path, sizeof path);
    if (rc != 0)
        return tui_message(t, 1, "%s", _("Không đặt được tên tệp PDF: tour không còn, hoặc [output] pdf_dir quá dài."));
    tui_message(t, 0, "%s", summary ? _("Đang tạo báo cáo kết quả kiểm tra…")
                                    : _("Đang tạo phiếu kiểm tra tour tuyến…"));
    bars_flush_status(t, 1);
    rc = summary ? report_tour_summary(t->db, t->cfg, tour_id, path, err, sizeof err)
                 : report_route_sheet(t->db, t->cfg, tour_id, compact, path, err, sizeof err);
    if (rc != 0) return tui_message(t, 1, "%s %s", _("Không in được:"), err);
    tui_short_path(path, shown, sizeof shown);
    rc = report_print(t->cfg, path, msg, sizeof msg);
    if (rc == 1) {
        /* The name is long (the tour's name is in it): the status line cannot hold it at
         * 80 columns, so the whole path is also shown in a box, as an SFTP client wants it. */
        tui_message(t, 0, _("Đã ghi: %s"), shown);
        bars_flush_status(t, 1);
        snprintf(msg, sizeof msg, _("Tệp: %s · Chưa đặt lệnh in ([output] print_command trong ntm.ini): hãy tải tệp về qua SFTP (WinSCP, FileZilla) để in."),
                 path);
        while (dialog_message(_("Đã ghi tệp PDF"), msg, 0) == DLG_RESIZED) tui_repaint(t, 0);
        return REDRAW_STATUS;
    }
    if (rc == 0) return tui_message(t, 0, _("Đã gửi in: %s"), shown);
    return tui_message(t, 1, "%s", msg);
}
