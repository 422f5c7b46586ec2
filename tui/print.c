/* print: the hamlet task sheet from the full-screen program. The PDF takes a moment on an
 * old PC, so the status line says so before the work starts. */
#include "tui/screen.h"
#include "tui/bars.h"
#include "model/i18n.h"
#include "reports/task_sheet.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The path as the user reads it: "~/ntm-pdf/phieu-....pdf" rather than the whole home. */
static void short_path(const char *path, char *out, size_t n)
{
    const char *home = getenv("HOME");
    size_t hl = home ? strlen(home) : 0;
    if (hl > 1 && !strncmp(path, home, hl) && path[hl] == '/') snprintf(out, n, "~%s", path + hl);
    else snprintf(out, n, "%s", path);
}
void tui_short_path(const char *path, char *out, size_t n) { short_path(path, out, n); }

int print_sheet(tui *t, int64_t hamlet_id)
{
    char path[NTM_PATH_MAX], err[512];
    if (report_task_sheet_path(t->db, t->cfg, hamlet_id, path, sizeof path) != 0)
        return tui_db_error(t);
    tui_message(t, 0, "%s", L("Đang tạo phiếu đầu việc…", "Writing the task sheet…"));
    bars_status(t);
    wnoutrefresh(t->status);
    doupdate();
    if (report_task_sheet(t->db, t->cfg, hamlet_id, path, err, sizeof err) != 0)
        return tui_message(t, 1, "%s %s", L("Không in được phiếu:", "Could not write the sheet:"), err);
    char shown[NTM_PATH_MAX];
    short_path(path, shown, sizeof shown);
    return tui_message(t, 0, "%s %s", L("Đã ghi phiếu:", "Sheet written:"), shown);
}
