/* print_period: the papers that go up the chain, from where the user is. On the
 * dashboard `i` (F2) asks which report (this week, last week, this month, today) of the
 * dashboard's commune or province; on the criteria matrix `i` writes the criteria
 * report. The file gets a new name in [output] pdf_dir (never over an earlier one), is
 * sent to [output] print_command when one is set, and its path goes to the status line. */
#include "tui/print.h"
#include "tui/bars.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/draw.h"
#include "model/date.h"
#include "model/i18n.h"
#include "reports/criteria_report.h"
#include "reports/period_report.h"
#include "reports/print_cmd.h"
#include "reports/report_common.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { N_CHOICES = 4 };

static void choices(const char *today, report_period p[N_CHOICES], char text[N_CHOICES][96])
{
    char a[11], b[11], last[11];
    report_period_of(RP_WEEK, today, &p[0]);
    date_add(p[0].from, -7, last);
    report_period_of(RP_WEEK, last, &p[1]);
    report_period_of(RP_MONTH, today, &p[2]);
    report_period_of(RP_DAY, today, &p[3]);
    const char *what[N_CHOICES] = { _("Báo cáo tuần này"), _("Báo cáo tuần trước"),
                                    _("Báo cáo tháng này"), _("Báo cáo ngày hôm nay") };
    for (int i = 0; i < N_CHOICES; i++) {
        date_show(p[i].from, a);
        date_show(p[i].to, b);
        if (i == 3) snprintf(text[i], sizeof text[i], "%d  %s (%s)", i + 1, what[i], a);
        else snprintf(text[i], sizeof text[i], "%d  %s (%s - %s)", i + 1, what[i], a, b);
    }
}

/* The choice: 0..3, -1 cancelled, DLG_RESIZED. Keys 1-4, or arrows then Enter. */
static int choose(const char *title, char text[N_CHOICES][96])
{
    const char *keys = _("1-4 hoặc ↑↓ Enter: chọn · Esc: thôi");
    dialog_saved sv;
    dialog_save(&sv);
    int cur = 0, rc = -2;
    while (rc == -2) {
        int inner = draw_width(keys);
        for (int i = 0; i < N_CHOICES; i++) if (draw_width(text[i]) > inner) inner = draw_width(text[i]);
        if (draw_width(title) + 4 > inner) inner = draw_width(title) + 4;
        if (inner > COLS - 8) inner = COLS - 8;
        WINDOW *w = dialog_window(N_CHOICES + 4, inner + 4);
        if (!w) { rc = -1; break; }
        dialog_frame(w, title);
        for (int i = 0; i < N_CHOICES; i++) {
            draw_role(w, i == cur ? R_SELECTED : R_NORMAL);
            draw_text(w, 1 + i, 2, inner, text[i], DRAW_PAD);
        }
        draw_role(w, R_DIM);
        draw_text(w, N_CHOICES + 2, 2, inner, keys, 0);
        draw_role(w, R_NORMAL);
        wint_t wc;
        int k = dialog_show_key(w, &wc);
        delwin(w);
        if (k == ERR || dialog_is_cancel(k, wc)) rc = -1;
        else if (k == KEY_CODE_YES && wc == KEY_RESIZE) rc = DLG_RESIZED;
        else if (dialog_is_enter(k, wc)) rc = cur;
        else if (k == OK && wc >= '1' && wc < '1' + N_CHOICES) rc = (int)(wc - '1');
        else if ((k == KEY_CODE_YES && wc == KEY_UP) || (k == OK && wc == 'k')) cur = (cur + N_CHOICES - 1) % N_CHOICES;
        else if ((k == KEY_CODE_YES && wc == KEY_DOWN) || (k == OK && wc == 'j')) cur = (cur + 1) % N_CHOICES;
        else beep();
    }
    dialog_restore(&sv, rc != DLG_RESIZED);
    return rc;
}

/* After a report was written (or not) to path: print it when a command is set, and
 * say where it is. */
static int after_write(tui *t, int rc, const char *path, const char *err)
{
    char shown[NTM_PATH_MAX], msg[NTM_PATH_MAX + 300];
    if (rc) {
        report_output_drop(path);
        return tui_message(t, 1, "%s %s", _("Không in được báo cáo:"), err);
    }
    tui_short_path(path, shown, sizeof shown);
    if (!t->cfg->print_command[0]) return tui_message(t, 0, _("Đã ghi báo cáo: %s"), shown);
    int p = report_print(t->cfg, path, msg, sizeof msg);
    if (p == 0) return tui_message(t, 0, _("Đã gửi in: %s"), shown);
    return tui_message(t, 1, "%s (%s)", msg, shown);
}

int period_print_dash(tui *t, int64_t unit_id)
{
    report_period p[N_CHOICES];
    char text[N_CHOICES][96], path[NTM_PATH_MAX], err[1024];
    choices(db_today(t->db), p, text);
    int c;
    while ((c = choose(_("In báo cáo gửi cấp trên"), text)) == DLG_RESIZED) tui_repaint(t, 0);
    if (c < 0) return tui_message(t, 0, "%s", _("Không in."));
    if (report_period_path(t->db, t->cfg, unit_id, &p[c], path, sizeof path))
        return tui_message(t, 1, "%s", _("Không đặt được tên tệp PDF ([output] pdf_dir quá dài hoặc không ghi được)."));
    tui_message(t, 0, "%s", _("Đang tạo báo cáo…"));
    bars_flush_status(t, 0);
    int rc = report_period_write(t->db, t->cfg, unit_id, &p[c], path, err, sizeof err);
    return after_write(t, rc, path, err) | REDRAW_ALL;
}

int period_print_criteria(tui *t, int64_t unit_id)
{
    char path[NTM_PATH_MAX], err[1024];
    if (report_criteria_path(t->db, t->cfg, unit_id, path, sizeof path))
        return tui_message(t, 1, "%s", _("Không đặt được tên tệp PDF ([output] pdf_dir quá dài hoặc không ghi được)."));
    tui_message(t, 0, "%s", _("Đang tạo báo cáo tiêu chí…"));
    bars_flush_status(t, 0);
    int rc = report_criteria_write(t->db, t->cfg, unit_id, path, err, sizeof err);
    return after_write(t, rc, path, err);
}
