/* keys_view: key table rows for the views (bar order within the module), and the actions
 * that work across screens: D opens a dashboard, C the criteria matrix, u undoes.
 *
 * Letters are chosen not to meet the core keys: the core head (? Enter/l Esc/h / v i) is
 * searched before this table, the tail (q k j b f g G r, Space) after it. The criteria
 * matrix moves between criteria with h/l and ←/→, so the core Back is not bound there
 * (keymap.c) and the matrix has its own Back row (Esc, Backspace) below. A few actions
 * have two rows, one with a bar label for the screens where there is room on the bar and
 * one for help only. The task list's bar is left to data entry (weekly report, progress):
 * F o ! H are in its help, and its header line shows the filter and the order. x (export
 * what a list shows) is on every list screen, on the bar where there is room for it; the
 * dashboard's unit lists moved from x to X for it. */
#include "tui/keys_view.h"
#include "tui/screen_goto.h"
#include "tui/widgets/dialog.h"
#include "tui/export_ui.h"
#include "tui/view.h"
#include "model/i18n.h"
#include "model/undo.h"
#include "model/unit.h"
#include <curses.h>
#include <stdio.h>

#define F_(k) KEY_FN(k)
#define EXPORT_SCREENS (SCR_UNITS | SCR_TASKS | SCR_RECORDS | SCR_HISTORY | SCR_TOURS | SCR_DASH)
#define ESC_ 27

const keydef keys_view[] = {
    /* the dashboard */
    { ACT_VIEW_OPEN, "dash_open", 'l', { '\n', '\r', F_(KEY_ENTER), F_(KEY_RIGHT) }, "Enter", "Mở", "Open",
      "Mở dòng đang chọn: đầu việc của thôn, bảng tổng hợp của xã, danh sách việc quá hạn. Thứ hạng như báo cáo "
      "tuần: % hoàn thành, rồi ít việc quá hạn hơn, rồi tên; ▲ biểu dương, ▼ phê bình",
      "Open the selected row: the hamlet's tasks, the commune's dashboard, the overdue task. Ranked as the weekly "
      "report ranks: % done, then fewer overdue, then the name; ▲ praised, ▼ criticised", SCR_DASH },
    { ACT_VIEW_UNITS, "dash_units", 'X', { 0 }, NULL, "Xã/thôn", "Units",
      "Danh sách xã/thôn bên dưới (các thôn của xã, các xã của tỉnh)",
      "The unit lists below (the commune's hamlets, the province's communes)", SCR_DASH },
    { ACT_VIEW_CRITERIA, "criteria", 'C', { 0 }, NULL, "Tiêu chí", "Criteria",
      "Bảng tiêu chí: đơn vị × tiêu chí, đổi tình trạng tại chỗ",
      "The criteria matrix: units × criteria, change a status in place", SCR_DASH },
    { ACT_VIEW_TASKS, "dash_tasks", 'T', { 0 }, NULL, NULL, NULL,
      "Mọi đầu việc của xã (lọc được theo thôn, đợt, người phụ trách, tiêu chí)",
      "Every task of the commune (filter by hamlet, campaign, owner, criterion)", SCR_DASH },
    { ACT_PRINT, "print_report", 'i', { F_(KEY_F(2)) }, NULL, "In báo cáo", "Print report",
      "In báo cáo gửi cấp trên ra PDF: tuần này, tuần trước, tháng này, hôm nay (tiến độ từng thôn, việc quá hạn, xếp hạng, biểu đồ)",
      "Write the report up the chain to a PDF: this week, last week, this month, today (progress, overdue, ranking, chart)", SCR_DASH },
    /* the unit lists and the task list */
    { ACT_VIEW_DASH, "dashboard", 'D', { 0 }, NULL, "Tổng hợp", "Dashboard",
      "Bảng tổng hợp của xã/tỉnh đang chọn: tiến độ, việc quá hạn, tiêu chí đạt",
      "Dashboard of the selected commune/province: progress, overdue tasks, criteria met", SCR_UNITS },
    { ACT_VIEW_DASH, "dashboard_tasks", 'D', { 0 }, NULL, NULL, NULL,
      "Bảng tổng hợp của xã", "The commune's dashboard", SCR_TASKS },
    { ACT_VIEW_CRITERIA, "criteria_lists", 'C', { 0 }, NULL, NULL, NULL,
      "Bảng tiêu chí của xã/tỉnh đang chọn: đơn vị × tiêu chí",
      "The criteria matrix of the selected commune/province: units × criteria", SCR_UNITS | SCR_TASKS },
    /* the task list */
    { ACT_VIEW_FILTER, "filter", 'F', { 0 }, NULL, NULL, NULL,
      "Lọc theo tình trạng, đợt, thôn, người phụ trách, tiêu chí; chọn cách sắp xếp (được nhớ cho lần sau)",
      "Filter by state, campaign, hamlet, owner, criterion; choose the order (remembered)", SCR_TASKS },
    { ACT_VIEW_SORT, "sort", 'o', { 0 }, NULL, NULL, NULL,
      "Đổi cách sắp xếp: theo hạn, theo tiến độ, theo tên (a ă â b c d đ ...)",
      "Change the order: by deadline, by progress, by name (Vietnamese order)", SCR_TASKS },
    { ACT_VIEW_HISTORY, "history", 'H', { 0 }, NULL, NULL, NULL,
      "Lịch sử đầu việc đang chọn: báo cáo tiến độ và các thay đổi (ai, lúc nào, cũ → mới)",
      "The selected task's history: progress reports and changes (who, when, old → new)", SCR_TASKS },
    { ACT_VIEW_OVERDUE, "overdue", '!', { 0 }, NULL, NULL, NULL,
      "Chỉ hiện việc quá hạn (nhấn lại: hiện tất cả)", "Overdue tasks only (again: all tasks)", SCR_TASKS },
    /* the criteria matrix */
    { ACT_BACK, "criteria_back", ESC_, { F_(KEY_BACKSPACE), 127 }, "Esc", "Lùi", "Back",
      "Bỏ lọc; nếu không lọc thì lùi một màn hình", "Clear the filter, else go back one screen", SCR_CRITERIA },
    { ACT_VIEW_STATUS, "criterion_status", 's', { 0 }, NULL, "Đổi tình trạng", "Status",
      "Đổi tình trạng ô đang chọn: chưa đạt → đạt → có nguy cơ → chưa đạt",
      "Next status of the selected cell: not met → met → at risk → not met", SCR_CRITERIA },
    { ACT_VIEW_DOSSIER, "criterion_dossier", 'o', { 0 }, NULL, "Hồ sơ", "Dossier",
      "Đổi tình trạng hồ sơ: chưa có → đang hoàn thiện → đủ hồ sơ → đã thẩm định",
      "Next dossier state: none → in progress → complete → appraised", SCR_CRITERIA },
    { ACT_PRINT, "print_criteria", 'i', { F_(KEY_F(2)) }, NULL, "In báo cáo", "Print report",
      "In báo cáo tình hình các tiêu chí ra PDF (đạt x/N, hồ sơ, người phụ trách; các xã của tỉnh)",
      "Write the criteria status report to a PDF (met x/N, dossier, owner; a province's communes)", SCR_CRITERIA },
    { ACT_VIEW_EDIT, "criterion_edit", 'e', { '\n', '\r', F_(KEY_ENTER) }, NULL, NULL, NULL,
      "Sửa ô đang chọn: tình trạng, hồ sơ, người phụ trách, ngày đánh giá, ghi chú",
      "Edit the selected cell: status, dossier, owner, date, note", SCR_CRITERIA },
    { ACT_VIEW_MET, "criterion_met", '1', { 0 }, NULL, NULL, NULL,
      "Ghi ✓ đạt cho ô đang chọn", "Mark the selected cell ✓ met", SCR_CRITERIA },
    { ACT_VIEW_NOT_MET, "criterion_not_met", '2', { 0 }, NULL, NULL, NULL,
      "Ghi ✗ chưa đạt cho ô đang chọn", "Mark the selected cell ✗ not met", SCR_CRITERIA },
    { ACT_VIEW_AT_RISK, "criterion_at_risk", '3', { 0 }, NULL, NULL, NULL,
      "Ghi ! có nguy cơ (không giữ được) cho ô đang chọn", "Mark the selected cell ! at risk", SCR_CRITERIA },
    { ACT_VIEW_LEFT, "criterion_left", 'h', { F_(KEY_LEFT) }, NULL, NULL, NULL,
      "Sang tiêu chí bên trái", "To the criterion on the left", SCR_CRITERIA },
    { ACT_VIEW_RIGHT, "criterion_right", 'l', { F_(KEY_RIGHT), '\t' }, NULL, NULL, NULL,
      "Sang tiêu chí bên phải", "To the criterion on the right", SCR_CRITERIA },
    /* a task's history: its progress reports can be corrected or deleted (e and d meet no
     * other row on SCR_HISTORY: data entry's e/d are for the task, records and unit lists) */
    { ACT_VIEW_REPORT_EDIT, "report_edit", 'e', { 0 }, NULL, "Sửa", "Edit",
      "Sửa báo cáo đang chọn: ngày, khối lượng, ghi chú",
      "Correct the selected report: date, quantity, note", SCR_HISTORY },
    { ACT_VIEW_REPORT_DELETE, "report_delete", 'd', { F_(KEY_DC) }, NULL, "Xóa", "Delete",
      "Xóa báo cáo đang chọn (hỏi trước; u: hoàn tác)",
      "Delete the selected report (asks; u undoes)", SCR_HISTORY },
    /* every list: export what it shows */
    { ACT_VIEW_EXPORT, "export", 'x', { 0 }, NULL, "Xuất Excel", "Export",
      "Xuất đúng những dòng đang hiện (theo bộ lọc, từ tìm và thứ tự) ra tệp Excel (.xlsx) hoặc CSV trong thư mục [output] pdf_dir",
      "Export exactly the rows shown (filter, search and order) to an Excel (.xlsx) or CSV file in [output] pdf_dir",
      EXPORT_SCREENS & ~(SCR_UNITS | SCR_TASKS) },
    { ACT_VIEW_EXPORT, "export_lists", 'x', { 0 }, NULL, NULL, NULL,
      "Xuất đúng những dòng đang hiện (theo bộ lọc, từ tìm và thứ tự) ra tệp Excel (.xlsx) hoặc CSV trong thư mục [output] pdf_dir",
      "Export exactly the rows shown (filter, search and order) to an Excel (.xlsx) or CSV file in [output] pdf_dir",
      SCR_UNITS | SCR_TASKS },
    /* everywhere */
    { ACT_VIEW_GOTO, "goto", 'm', { F_(KEY_F(4)) }, NULL, NULL, NULL,
      "Đi tới bất kỳ xã, thôn, đầu việc, người, tổ chức nào: gõ vài chữ của tên, không cần dấu",
      "Go to any commune, hamlet, task, person or organisation: type a few letters, accents optional",
      SCR_LISTS & ~(SCR_WEEKLY | SCR_GOTO) },
    { ACT_VIEW_UNDO, "undo", 'u', { 0 }, NULL, "Hoàn tác", "Undo",
      "Hoàn tác thay đổi gần nhất của bạn (sửa, xóa, thêm); hỏi lại trước",
      "Undo your last change (edit, delete, add); asks first", SCR_CRITERIA | SCR_HISTORY },
    { ACT_VIEW_UNDO, "undo_lists", 'u', { 0 }, NULL, NULL, NULL,
      "Hoàn tác thay đổi gần nhất của bạn (sửa, xóa, thêm); hỏi lại trước",
      "Undo your last change (edit, delete, add); asks first", SCR_LISTS & ~(SCR_CRITERIA | SCR_HISTORY) },
};
const int keys_view_n = (int)(sizeof keys_view / sizeof keys_view[0]);

/* The commune or province a screen is about (D, C): the selected row of a unit list (a
 * hamlet list: its commune), the task list's commune, the dashboard's unit. */
static int64_t unit_of(screen *s, int64_t *select)
{
    char level = 0;
    int64_t parent = 0, id;
    *select = 0;
    if (dash_unit(s)) return dash_unit(s);
    if (s->kind == SCR_TASKS) {
        int64_t commune = 0, hamlet = 0;
        tasks_selected(s, &commune, &hamlet);
        if (hamlet > 0) *select = hamlet;
        return commune;
    }
    if (!(s->kind & SCR_UNITS)) return 0;
    id = units_selected(s, &level, &parent);
    if (level != 'h') return id;
    *select = id;                      /* a hamlet list: its commune, the hamlet's row selected */
    return parent;
}

/* A dashboard already open for this unit comes to the top again; else a new one. */
static int open_dash(tui *t, int64_t id)
{
    for (int i = t->depth - 1; i >= 0; i--) {
        if (dash_unit(t->stack[i]) != id) continue;
        while (t->depth > i + 1) {
            screen *top = t->stack[--t->depth];
            top->ops->free(top);
        }
        return RELOAD | RELAYOUT | REDRAW_ALL;
    }
    char crumb[208];
    if (view_crumb(t, id, "Tổng hợp", "Dashboard", crumb, sizeof crumb)) return tui_db_error(t);
    return tui_push(t, dash_new(t, id, crumb));
}

static int open_criteria(tui *t, int64_t id, int64_t select)
{
    char crumb[208];
    if (view_crumb(t, id, "Tiêu chí", "Criteria", crumb, sizeof crumb)) return tui_db_error(t);
    screen *c = criteria_new(t, id, crumb);
    if (c && select) criteria_select(c, select);
    return tui_push(t, c);
}

static int undo(tui *t)
{
    undo_info u;
    char q[600];
    if (db_is_readonly(t->db))
        return tui_message(t, 1, "%s", L("Cơ sở dữ liệu chỉ đọc: không hoàn tác được.", "The database is read-only: nothing can be undone."));
    int rc = undo_peek(t->db, &u);
    if (rc == DB_NOTFOUND) return tui_message(t, 0, "%s", db_errmsg(t->db));
    if (rc) return tui_db_error(t);
    snprintf(q, sizeof q, L("Hoàn tác: %s?", "Undo: %s?"), u.summary);
    int a;
    while ((a = dialog_confirm(q, 0)) == DLG_RESIZED) tui_repaint(t, 0);
    if (a != DLG_YES) return tui_message(t, 0, "%s", L("Không hoàn tác.", "Nothing undone."));
    rc = undo_last(t->db, &u);
    if (rc) { tui_db_error(t); return RELOAD | REDRAW_ALL; }
    return tui_message(t, 0, L("Đã hoàn tác: %s", "Undone: %s"), u.summary) | RELOAD | REDRAW_ALL;
}

int keys_view_global(tui *t, screen *s, int action)
{
    int64_t id, select;
    switch (action) {
    case ACT_VIEW_UNDO:
        return undo(t);
    case ACT_VIEW_EXPORT:
        return s->kind & EXPORT_SCREENS ? export_list(t, s) : -1;
    case ACT_VIEW_GOTO: {
        int flags = tui_push(t, goto_new(t));
        if (tui_top(t) && tui_top(t)->kind == SCR_GOTO) t->searching = 1;
        return flags | REDRAW_STATUS;
    }
    case ACT_VIEW_DASH:
        if (!(s->kind & (SCR_UNITS | SCR_TASKS))) return -1;
        if (!(id = unit_of(s, &select)))
            return tui_message(t, 1, "%s", L("Hãy chọn một xã hoặc một tỉnh.", "Select a commune or a province."));
        return open_dash(t, id);
    case ACT_VIEW_CRITERIA:
        if (!(s->kind & (SCR_UNITS | SCR_TASKS | SCR_DASH))) return -1;
        if (!(id = unit_of(s, &select)))
            return tui_message(t, 1, "%s", L("Hãy chọn một xã hoặc một tỉnh.", "Select a commune or a province."));
        return open_criteria(t, id, select);
    default:
        return -1;
    }
}
