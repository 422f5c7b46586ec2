/* keys_entry: key table rows for data entry (bar order within the module), and the
 * dispatch of those actions to the entry files by the screen they are pressed on.
 *
 * Letters are chosen to meet no other key on the same screen: the core head (? l h / v i)
 * is searched before this table and the core tail (q k j b f g G r, Space) after it, the
 * views' and tours' tables use other letters on these screens (t, u, F, o, H, C, D, x).
 * One action may have a row per screen, so that the help says exactly what it does there. */
#include "tui/keys_entry.h"
#include "tui/entry_common.h"
#include "model/i18n.h"
#include "model/task_edit.h"
#include <curses.h>
#include <stdlib.h>

#define F_(k) KEY_FN(k)
#define ESC_ 27
#define UNITS_CH (SCR_COMMUNES | SCR_HAMLETS)
#define LISTS_ALL (UNITS_CH | SCR_TASKS | SCR_RECORDS)

const keydef keys_entry[] = {
    /* the bar is short at 80 columns: the weekly report and progress first, they are daily work */
    { ACT_ENTRY_WEEKLY, "weekly", 'w', { 0 }, NULL, "Báo cáo tuần", "Weekly",
      "Báo cáo tuần của thôn: từng việc, chỉ bằng phím",
      "The hamlet's weekly report: task by task, keys only", SCR_HAMLETS },
    { ACT_ENTRY_PROGRESS, "progress", 'p', { 0 }, NULL, "Tiến độ", "Progress",
      "Báo cáo tiến độ: lần này hoặc tổng mới, ghi chú",
      "Progress report: this time or new total, a note", SCR_TASKS },
    { ACT_ENTRY_WEEKLY, "weekly_tasks", 'w', { 0 }, NULL, "Báo cáo tuần", "Weekly",
      "Báo cáo tuần của thôn: từng việc, chỉ bằng phím",
      "The hamlet's weekly report: task by task, keys only", SCR_TASKS },
    { ACT_ENTRY_NEW, "new_commune", 'n', { 0 }, NULL, "Thêm", "New",
      "Thêm xã mới vào tỉnh này", "Add a commune to this province", SCR_COMMUNES },
    { ACT_ENTRY_NEW, "new_hamlet", 'n', { 0 }, NULL, "Thêm", "New",
      "Thêm thôn mới vào xã này", "Add a hamlet to this commune", SCR_HAMLETS },
    { ACT_ENTRY_NEW, "new_task", 'n', { 0 }, NULL, "Thêm", "New",
      "Thêm đầu việc (điền sẵn thôn, phụ trách, đợt)",
      "Add a task (hamlet, owner, campaign filled in)", SCR_TASKS },
    { ACT_ENTRY_NEW, "new_record", 'n', { 0 }, NULL, "Thêm", "New",
      "Thêm một mục mới vào danh mục này", "Add an entry to this list", SCR_RECORDS },
    { ACT_ENTRY_EDIT, "edit_task", 'e', { 0 }, NULL, "Sửa", "Edit",
      "Sửa đầu việc đang chọn: mọi trường, cả trạng thái", "Edit the selected task: every field, its status too",
      SCR_TASKS },
    { ACT_ENTRY_EDIT, "edit_record", 'e', { '\n', '\r', F_(KEY_ENTER) }, NULL, "Sửa", "Edit",
      "Sửa mục đang chọn", "Edit the selected entry", SCR_RECORDS },
    { ACT_ENTRY_EDIT, "edit_unit", 'e', { 0 }, NULL, NULL, NULL,
      "Sửa xã/thôn: tên, nhóm, bộ tiêu chí (giữ tên cũ)",
      "Edit: name, group, criteria set (old name kept)", UNITS_CH },
    { ACT_ENTRY_DELETE, "delete", 'd', { F_(KEY_DC) }, NULL, "Xóa", "Delete",
      "Xóa dòng đang chọn (hỏi trước; u: hoàn tác)",
      "Delete the selected row (asks; u undoes)", SCR_TASKS | SCR_RECORDS },
    { ACT_ENTRY_TYPEBACK, "typeback", 'R', { 0 }, NULL, "Nhập phiếu", "Type sheet",
      "Nhập lại phiếu đã ghi, theo mã: V12 150 ghi chú (nhiều dòng, lưu cùng lúc)",
      "Type a filled sheet back by code: V12 150 note (many lines, saved together)", SCR_TASKS },
    { ACT_ENTRY_DELETE, "delete_unit", 'd', { F_(KEY_DC) }, NULL, NULL, NULL,
      "Xóa xã/thôn không còn gì liên quan (u: hoàn tác)",
      "Delete a unit nothing refers to (u undoes)", UNITS_CH },
    { ACT_ENTRY_WEEKLY_GO, "weekly_type", 'w', { '\n', '\r', F_(KEY_ENTER) }, "Enter", "Nhập", "Type",
      "Nhập: số Enter, ghi chú Enter = lưu, sang việc sau",
      "Type: number Enter, note Enter = saved, next task", SCR_WEEKLY },
    { ACT_ENTRY_WEEKLY_TOTAL, "weekly_total", '=', { 0 }, NULL, NULL, NULL,
      "=số: tổng mới thay cho khối lượng lần này (vd. =1,8)",
      "=number: the new total, not this time's (=1.8)", SCR_WEEKLY },
    { ACT_ENTRY_WEEKLY_SKIP, "weekly_skip", 's', { 0 }, NULL, NULL, NULL,
      "Bỏ qua việc này (khi nhập: Enter ở ô trống, hoặc ↓)",
      "Skip this task (typing: Enter when empty, or ↓)", SCR_WEEKLY },
    { ACT_UP, "weekly_previous", '-', { 0 }, NULL, NULL, NULL,
      "Việc trước (khi đang nhập: ↑, hoặc - ở ô trống)",
      "Previous task (typing: ↑, or - when empty)", SCR_WEEKLY },
    { ACT_BACK, "weekly_end", ESC_, { 0 }, NULL, NULL, NULL,
      "Kết thúc: báo số báo cáo đã lưu, số việc bỏ qua",
      "End: how many reports saved, tasks skipped", SCR_WEEKLY },
    { ACT_ENTRY_CAMPAIGNS, "campaigns", 'c', { 0 }, NULL, NULL, NULL,
      "Danh mục đợt/kế hoạch của xã (thêm, sửa, xóa)", "The commune's campaigns (add, edit, delete)", LISTS_ALL },
    { ACT_ENTRY_ORGS, "organisations", 'O', { 0 }, NULL, NULL, NULL,
      "Danh mục tổ chức của xã (Hội Phụ nữ, Đoàn TN...)", "The commune's organisations (Women's Union...)",
      LISTS_ALL },
    { ACT_ENTRY_PEOPLE, "people", 'P', { 0 }, NULL, NULL, NULL,
      "Danh mục cán bộ, người phụ trách của xã", "The commune's officials and people in charge", LISTS_ALL },
    { ACT_ENTRY_HOUSEHOLDS, "households", 'E', { 0 }, NULL, NULL, NULL,
      "Danh mục hộ của thôn (vườn mẫu, 3 sạch, nhà tiêu)",
      "The hamlet's households (garden, toilets...)", SCR_HAMLETS | SCR_TASKS },
    { ACT_ENTRY_STATUS, "unit_status", 'S', { 0 }, NULL, NULL, NULL,
      "Danh hiệu/trạng thái (đạt chuẩn NTM, KDC kiểu mẫu)",
      "Status (met NTM standard, model area...)", UNITS_CH },
    { ACT_ENTRY_CRITERION, "unit_criterion", 'A', { 0 }, NULL, NULL, NULL,
      "Đánh giá một tiêu chí: đạt/chưa, hồ sơ, phụ trách",
      "Assess a criterion: met or not, dossier, owner", UNITS_CH },
};
const int keys_entry_n = sizeof keys_entry / sizeof keys_entry[0];

static int need(tui *t, const char *vi, const char *en) { return tui_message(t, 1, "%s", L(vi, en)); }

static int on_new(tui *t, screen *s, const entry_where *w)
{
    switch (s->kind) {
    case SCR_COMMUNES: return entry_unit_new(t, 'c', w->parent_id);
    case SCR_HAMLETS: return entry_unit_new(t, 'h', w->parent_id);
    case SCR_TASKS: return entry_task_new(t, w->commune_id, w->hamlet_id);
    case SCR_RECORDS: {
        char what = 0;
        int64_t unit = 0, commune = 0;
        records_where(s, &what, &unit, &commune, NULL);
        return entry_record_new(t, what, unit, commune);
    }
    default: return -1;
    }
}

static int on_edit_delete(tui *t, screen *s, const entry_where *w, int del)
{
    switch (s->kind) {
    case SCR_COMMUNES: case SCR_HAMLETS:
        if (!w->unit_id)
            return need(t, "Hãy chọn một xã hoặc thôn (dòng \"(Toàn xã)\" không phải là một thôn).",
                        "Select a commune or hamlet (the \"(Whole commune)\" row is not a hamlet).");
        return del ? entry_unit_delete(t, w->unit_id) : entry_unit_edit(t, w->unit_id);
    case SCR_TASKS:
        if (!w->task_id) return need(t, "Chưa chọn đầu việc nào.", "No task selected.");
        return del ? entry_task_delete(t, w->task_id) : entry_task_edit(t, w->task_id);
    case SCR_RECORDS:
        if (!w->record_id) return need(t, "Danh mục trống: nhấn n để thêm.", "The list is empty: press n to add.");
        return del ? entry_record_delete(t, w->record_what, w->record_id, records_selected_name(s))
                   : entry_record_edit(t, w->record_what, w->record_id, w->commune_id);
    default: return -1;
    }
}

/* The hamlet a key is about: the list's, else the selected task's. */
static int64_t hamlet_of(tui *t, const entry_where *w)
{
    if (w->hamlet_id > 0) return w->hamlet_id;
    if (w->task_id) {
        task_rec *r = malloc(sizeof *r);
        int64_t h = r && task_read(t->db, w->task_id, r) == DB_OK ? r->hamlet_id : 0;
        free(r);
        return h;
    }
    return 0;
}

static int open_records(tui *t, screen *s, const entry_where *w, char what)
{
    if (what == REC_HOUSEHOLDS) {
        int64_t h = hamlet_of(t, w);
        if (h <= 0) return need(t, "Hộ gia đình xem theo thôn: hãy chọn một thôn.", "Households are per hamlet: select a hamlet.");
        return entry_records_open(t, s, what, h, w->commune_id);
    }
    if (!w->commune_id) return need(t, "Hãy chọn một xã trước.", "Select a commune first.");
    return entry_records_open(t, s, what, w->commune_id, w->commune_id);
}

int keys_entry_global(tui *t, screen *s, int action)
{
    if (action < ACT_ENTRY_FIRST || action > ACT_ENTRY_LAST || !s) return -1;
    entry_where w;
    entry_sync_today(t);
    entry_where_of(t, s, &w);
    switch (action) {
    case ACT_ENTRY_NEW: return on_new(t, s, &w);
    case ACT_ENTRY_EDIT: return on_edit_delete(t, s, &w, 0);
    case ACT_ENTRY_DELETE: return on_edit_delete(t, s, &w, 1);
    case ACT_ENTRY_PROGRESS:
        if (s->kind != SCR_TASKS) return -1;
        if (!w.task_id) return need(t, "Chưa chọn đầu việc nào.", "No task selected.");
        return entry_progress(t, w.task_id);
    case ACT_ENTRY_WEEKLY: {
        int64_t h = hamlet_of(t, &w);
        if (h <= 0) return need(t, "Báo cáo tuần làm theo thôn: hãy chọn một thôn.", "Weekly reports are per hamlet: select a hamlet.");
        return entry_weekly(t, h);
    }
    case ACT_ENTRY_WEEKLY_GO: case ACT_ENTRY_WEEKLY_TOTAL: case ACT_ENTRY_WEEKLY_SKIP: return entry_weekly_key(t, s, action);
    case ACT_ENTRY_TYPEBACK:
        if (s->kind != SCR_TASKS || !w.commune_id) return -1;
        return entry_typeback(t, w.commune_id, w.hamlet_id);
    case ACT_ENTRY_CAMPAIGNS: return open_records(t, s, &w, REC_CAMPAIGNS);
    case ACT_ENTRY_ORGS: return open_records(t, s, &w, REC_ORGS);
    case ACT_ENTRY_PEOPLE: return open_records(t, s, &w, REC_PEOPLE);
    case ACT_ENTRY_HOUSEHOLDS: return open_records(t, s, &w, REC_HOUSEHOLDS);
    case ACT_ENTRY_STATUS: case ACT_ENTRY_CRITERION: {
        if (s->kind != SCR_COMMUNES && s->kind != SCR_HAMLETS) return -1;
        int64_t unit = w.unit_id ? w.unit_id : w.unit_level == 'h' ? w.parent_id : 0;   /* "(Toàn xã)": the commune */
        if (!unit) return need(t, "Hãy chọn một xã hoặc thôn.", "Select a commune or hamlet.");
        return action == ACT_ENTRY_STATUS ? entry_unit_status(t, unit) : entry_unit_criterion(t, unit, w.commune_id);
    }
    default: return -1;
    }
}
