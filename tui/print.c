/* print: the task sheets (a hamlet's, an organisation's or a person's) from the
 * full-screen program (print.h). The PDF takes a moment on an old PC, so the status line
 * says so before the work starts. */
#include "tui/print.h"
#include "tui/bars.h"
#include "model/i18n.h"
#include "reports/task_sheet.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void tui_short_path(const char *path, char *out, size_t n)
{
    const char *home = getenv("HOME");
    size_t hl = home ? strlen(home) : 0;
    if (hl > 1 && !strncmp(path, home, hl) && path[hl] == '/') snprintf(out, n, "~%s", path + hl);
    else snprintf(out, n, "%s", path);
}

/* Write the sheet (hamlet_id > 0: the hamlet's; else the owner's) and say where. */
static int write_sheet(tui *t, int64_t hamlet_id, int64_t commune_id, int64_t org_id, int64_t person_id)
{
    char path[NTM_PATH_MAX], err[512];
    if ((hamlet_id > 0 ? report_task_sheet_path(t->db, t->cfg, hamlet_id, path, sizeof path)
                       : report_owner_sheet_path(t->db, t->cfg, commune_id, org_id, person_id, path, sizeof path)) != 0)
        return tui_db_error(t);
    tui_message(t, 0, "%s", _("Đang tạo phiếu đầu việc…"));
    bars_flush_status(t, 0);
    int rc = hamlet_id > 0 ? report_task_sheet(t->db, t->cfg, hamlet_id, path, err, sizeof err)
                           : report_owner_sheet(t->db, t->cfg, commune_id, org_id, person_id, path, err, sizeof err);
    if (rc != 0) return tui_message(t, 1, "%s %s", _("Không in được phiếu:"), err);
    char shown[NTM_PATH_MAX];
    tui_short_path(path, shown, sizeof shown);
    return tui_message(t, 0, "%s %s", _("Đã ghi phiếu:"), shown);
}

int print_sheet(tui *t, int64_t hamlet_id) { return write_sheet(t, hamlet_id, 0, 0, 0); }

int print_owner_sheet(tui *t, char what, int64_t commune_id, int64_t id)
{
    if (what != 'o' && what != 'p')
        return tui_message(t, 1, "%s", _("Phiếu đầu việc in theo thôn, tổ chức hoặc người: mở danh mục tổ chức (O) hoặc người (P)."));
    if (!id) return tui_message(t, 1, "%s", _("Danh mục trống: không có gì để in."));
    return write_sheet(t, 0, commune_id, what == 'o' ? id : 0, what == 'p' ? id : 0);
}
