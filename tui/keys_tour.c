/* keys_tour: key table rows for this module (bar order within the module), and the one
 * action that works outside the tour screens: t opens the tours of the commune the user
 * is in (A there shows every commune's). t is not bound on the province list: its help
 * page at 80x24 is full (tests/e2e/help.sh reads the search keys on its first page).
 *
 * Letters are chosen not to meet the core keys on SCR_TOURS / SCR_TOUR: the core head
 * (? h / and, on other screens, l v i) is searched before this table and the core tail
 * (q k j b f g G r, Space = PgDn) after it, so a letter of the tail bound here would win
 * on these screens while the help still listed the tail's meaning. Hence R (not r) for
 * results, F (not f) for follow-ups, 1 2 3 0 (not Space) for the quick marks. */
#include "tui/keys_tour.h"
#include "tui/tour_ui.h"
#include "model/i18n.h"
#include "model/unit.h"
#include <curses.h>
#include <stdio.h>

#define F_(k) KEY_FN(k)
#define ON_TOURS SCR_TOURS
#define ON_TOUR SCR_TOUR

const keydef keys_tour[] = {
    { ACT_TOURS, "tours", 't', { 0 }, NULL, "Tour", "Tours",
      "Các tour kiểm tra của xã (A ở đó: của mọi xã)", "The commune's inspection tours (A there: all)",
      SCR_COMMUNES | SCR_HAMLETS | SCR_TASKS },
    /* the tour list */
    { ACT_TOUR_OPEN, "tour_open", 'l', { '\n', '\r', F_(KEY_ENTER), F_(KEY_RIGHT) }, "Enter", "Mở", "Open",
      "Mở tour: các điểm dừng và mục kiểm tra", "Open the tour: its stops and checks", ON_TOURS },
    { ACT_TOUR_NEW, "tour_new", 'n', { 0 }, NULL, "Tour mới", "New tour",
      "Tạo tour mới (tên, ngày, xã, đoàn, mục đích)", "New tour (name, date, commune, team, purpose)", ON_TOURS },
    { ACT_TOUR_EDIT, "tour_edit", 'e', { 0 }, NULL, "Sửa", "Edit",
      "Sửa tour đang chọn", "Edit the selected tour", ON_TOURS },
    { ACT_TOUR_DELETE, "tour_delete", 'd', { F_(KEY_DC) }, NULL, "Xóa", "Delete",
      "Xóa tour đang chọn (hỏi lại trước)", "Delete the selected tour (asks first)", ON_TOURS },
    { ACT_TOUR_ALL, "tours_all", 'A', { 0 }, NULL, NULL, NULL,
      "Tour của mọi xã / chỉ của xã này", "Tours of every commune / of this one only", ON_TOURS },
    /* one tour: the bar shows what the typing-back pass needs */
    { ACT_TOUR_RESULTS, "tour_results", 'R', { 0 }, NULL, "Nhập KQ", "Results",
      "Nhập kết quả theo mã và số ô: 3.5 2 hàng rào chưa cắt tỉa", "Type results by code and box: 3.5 2 hedge not trimmed", ON_TOUR },
    { ACT_TOUR_PASS, "tour_pass", '1', { 0 }, NULL, "Đạt", "Pass",
      "Ghi ✓ đạt (ô 1 trên phiếu), xuống mục sau", "Mark it ✓ passed (box 1 on the sheet), next", ON_TOUR },
    { ACT_TOUR_FAIL, "tour_fail", '2', { 0 }, NULL, "Chưa đạt", "Fail",
      "Ghi ✗ chưa đạt (ô 2 trên phiếu), xuống mục sau", "Mark it ✗ failed (box 2 on the sheet), next", ON_TOUR },
    { ACT_TOUR_FOLLOWUP, "tour_followup", 'F', { 0 }, NULL, "Khắc phục", "Follow-up",
      "Giao việc khắc phục cho mục chưa đạt", "Turn the failed check into a follow-up task", ON_TOUR },
    { ACT_TOUR_NA, "tour_na", '3', { 0 }, NULL, NULL, NULL,
      "Ghi – không áp dụng (ô 3 trên phiếu), xuống mục sau", "Mark it – not applicable (box 3), next", ON_TOUR },
    { ACT_TOUR_CLEAR, "tour_clear", '0', { 0 }, NULL, NULL, NULL,
      "Xóa kết quả của mục (· chưa kiểm tra)", "Clear the result (· not checked)", ON_TOUR },
    { ACT_TOUR_NOTE, "tour_note", 'N', { 0 }, NULL, NULL, NULL,
      "Ghi chú cho mục đang chọn", "Note on the selected check", ON_TOUR },
    { ACT_TOUR_ITEM_EDIT, "tour_item_edit", 'e', { '\n', '\r', F_(KEY_ENTER) }, NULL, NULL, NULL,
      "Sửa điểm dừng, hoặc kết quả và ghi chú của mục", "Edit the stop, or the check's result and note", ON_TOUR },
    { ACT_TOUR_STOP_ADD, "tour_stop_add", 'a', { 0 }, NULL, NULL, NULL,
      "Thêm điểm dừng vào cuối tuyến", "Add a stop at the end of the route", ON_TOUR },
    { ACT_TOUR_STOP_UP, "tour_stop_up", 'K', { F_(KEY_SR) }, NULL, NULL, NULL,
      "Chuyển điểm dừng lên trước", "Move the stop one place earlier", ON_TOUR },
    { ACT_TOUR_STOP_DOWN, "tour_stop_down", 'J', { F_(KEY_SF) }, NULL, NULL, NULL,
      "Chuyển điểm dừng xuống sau", "Move the stop one place later", ON_TOUR },
    { ACT_TOUR_REMOVE, "tour_remove", 'd', { F_(KEY_DC) }, NULL, NULL, NULL,
      "Bỏ điểm dừng hoặc mục đang chọn (hỏi lại)", "Remove the stop or check (asks first)", ON_TOUR },
    { ACT_TOUR_CHECK_ADD, "tour_check_add", 'c', { 0 }, NULL, NULL, NULL,
      "Thêm mục kiểm tra ở điểm dừng này", "Add a check at this stop", ON_TOUR },
    { ACT_TOUR_TEMPLATE, "tour_template", 'T', { 0 }, NULL, NULL, NULL,
      "Áp dụng mẫu kiểm tra cho mọi điểm (TOUR-10...)", "Apply a checklist template to every stop", ON_TOUR },
    { ACT_TOUR_OPEN_ONLY, "tour_open_followups", 'o', { 0 }, NULL, NULL, NULL,
      "Chỉ mục chưa đạt chưa khắc phục xong / tất cả", "Only failed checks not yet put right / all", ON_TOUR },
    { ACT_TOUR_DETAIL, "tour_detail", 'v', { '\t' }, NULL, NULL, NULL,
      "Hiện/ẩn ô chi tiết", "Show/hide the detail pane", ON_TOUR },
    { ACT_TOUR_EDIT, "tour_edit_here", 'E', { 0 }, NULL, NULL, NULL,
      "Sửa thông tin chung của tour", "Edit the tour itself (name, date, team)", ON_TOUR },
    /* both */
    { ACT_TOUR_PRINT, "tour_print", 'p', { 0 }, NULL, NULL, NULL,
      "In phiếu kiểm tra tour tuyến (PDF)", "Print the route sheet (PDF)", ON_TOURS | ON_TOUR },
    { ACT_TOUR_PRINT_COMPACT, "tour_print_compact", 'P', { 0 }, NULL, NULL, NULL,
      "In phiếu kiểm tra bản gọn (PDF)", "Print the compact route sheet (PDF)", ON_TOURS | ON_TOUR },
    { ACT_TOUR_SUMMARY, "tour_summary", 's', { 0 }, NULL, NULL, NULL,
      "In báo cáo kết quả kiểm tra (PDF)", "Print the summary of the results (PDF)", ON_TOURS | ON_TOUR },
};
const int keys_tour_n = (int)(sizeof keys_tour / sizeof keys_tour[0]);

/* t: the commune the screen is about, else every tour. */
static int open_tours(tui *t, screen *s)
{
    int64_t commune = s->kind == SCR_TASKS ? tasks_commune(s) : units_commune(s);
    char crumb[512];
    if (!commune) {
        return tui_message(t, 1, "%s", L("Hãy chọn một xã.", "Select a commune."));
    } else if (s->kind == SCR_COMMUNES) {         /* the commune is not in the path yet */
        unit_row u;
        if (unit_get(t->db, commune, &u) != DB_OK) return tui_db_error(t);
        snprintf(crumb, sizeof crumb, "%s %s", L("Tour kiểm tra", "Tours of"), u.name);
    } else {
        snprintf(crumb, sizeof crumb, "%s", L("Tour kiểm tra", "Tours"));
    }
    return tui_push(t, tours_new(t, commune, crumb));
}

int keys_tour_global(tui *t, screen *s, int action)
{
    if (action == ACT_TOURS && (s->kind & (SCR_COMMUNES | SCR_HAMLETS | SCR_TASKS))) return open_tours(t, s);
    return -1;
}
