/* global_keys: the actions that work across screens, and their rows. The loop runs them
 * (tui/global.c) from whatever the screen on top says it shows (its where op); each
 * screen puts the rows it offers in its own table, where it wants them in its bar. A row
 * with a bar label and one without (x on the dashboard, x on the busy task list) are two
 * rows of one action. */
#ifndef NTM_GLOBAL_KEYS_H
#define NTM_GLOBAL_KEYS_H
#include "tui/keymap.h"

enum {
    ACT_GOTO = ACT_GLOBAL,     /* m F4: go to anything, searching every level */
    ACT_DASH,                  /* D: the dashboard of the commune or province the screen is about */
    ACT_CRITERIA,              /* C: its criteria matrix */
    ACT_UNDO,                  /* u: undo the user's last change */
    ACT_EXPORT,                /* x: what the list shows to CSV/XLSX (the screen's export op) */
    ACT_TOURS,                 /* t: the tours of the commune */
    ACT_WEEKLY,                /* w: the weekly report of the hamlet */
    ACT_CAMPAIGNS,             /* c: the commune's campaigns */
    ACT_ORGS,                  /* O: its organisations */
    ACT_PEOPLE,                /* P: its people */
    ACT_HOUSEHOLDS,            /* E: the hamlet's households */
    ACT_USERS,                 /* U: the file's users and their roles (tui/screens/users.c) */
    ACT_GLOBAL_LAST
};

#define KEYS_GOTO \
    { ACT_GOTO, "goto", 'm', { KEY_FN(KEY_F(4)) }, NULL, NULL, NULL, \
      "Đi tới bất kỳ xã, thôn, đầu việc, người, tổ chức nào: gõ vài chữ của tên, không cần dấu", \
      "Go to any commune, hamlet, task, person or organisation: type a few letters, accents optional" }
#define UNDO_HELP_ "Hoàn tác thay đổi gần nhất của bạn (sửa, xóa, thêm); hỏi lại trước", \
                   "Undo your last change (edit, delete, add); asks first"
#define KEYS_UNDO { ACT_UNDO, "undo", 'u', { 0 }, NULL, "Hoàn tác", "Undo", UNDO_HELP_ }
#define KEYS_UNDO_LISTS { ACT_UNDO, "undo_lists", 'u', { 0 }, NULL, NULL, NULL, UNDO_HELP_ }
#define EXPORT_HELP_ \
    "Xuất đúng những dòng đang hiện (theo bộ lọc, từ tìm và thứ tự) ra tệp Excel (.xlsx) hoặc CSV trong thư mục [output] pdf_dir", \
    "Export exactly the rows shown (filter, search and order) to an Excel (.xlsx) or CSV file in [output] pdf_dir"
#define KEYS_EXPORT { ACT_EXPORT, "export", 'x', { 0 }, NULL, "Xuất Excel", "Export", EXPORT_HELP_ }
#define KEYS_EXPORT_LISTS { ACT_EXPORT, "export_lists", 'x', { 0 }, NULL, NULL, NULL, EXPORT_HELP_ }
#define KEYS_CRITERIA_LISTS \
    { ACT_CRITERIA, "criteria_lists", 'C', { 0 }, NULL, NULL, NULL, \
      "Bảng tiêu chí của xã/tỉnh đang chọn: đơn vị × tiêu chí", \
      "The criteria matrix of the selected commune/province: units × criteria" }
#define KEYS_TOURS \
    { ACT_TOURS, "tours", 't', { 0 }, NULL, "Tour", "Tours", \
      "Các tour kiểm tra của xã (A ở đó: của mọi xã)", "The commune's inspection tours (A there: all)" }
/* name: "weekly" on the hamlet list, "weekly_tasks" on the task list */
#define KEYS_WEEKLY(name) \
    { ACT_WEEKLY, name, 'w', { 0 }, NULL, "Báo cáo tuần", "Weekly", \
      "Báo cáo tuần của thôn: từng việc, chỉ bằng phím", "The hamlet's weekly report: task by task, keys only" }
#define KEYS_CAMPAIGNS \
    { ACT_CAMPAIGNS, "campaigns", 'c', { 0 }, NULL, NULL, NULL, \
      "Danh mục đợt/kế hoạch của xã (thêm, sửa, xóa)", "The commune's campaigns (add, edit, delete)" }
#define KEYS_ORGS \
    { ACT_ORGS, "organisations", 'O', { 0 }, NULL, NULL, NULL, \
      "Danh mục tổ chức của xã (Hội Phụ nữ, Đoàn TN...)", "The commune's organisations (Women's Union...)" }
#define KEYS_PEOPLE \
    { ACT_PEOPLE, "people", 'P', { 0 }, NULL, NULL, NULL, \
      "Danh mục cán bộ, người phụ trách của xã", "The commune's officials and people in charge" }
#define KEYS_HOUSEHOLDS \
    { ACT_HOUSEHOLDS, "households", 'E', { 0 }, NULL, NULL, NULL, \
      "Danh mục hộ của thôn (vườn mẫu, 3 sạch, nhà tiêu)", "The hamlet's households (garden, toilets...)" }
#define KEYS_USERS \
    { ACT_USERS, "users", 'U', { 0 }, NULL, NULL, NULL, \
      "Người dùng và vai trò (quản trị thêm, sửa, xóa; ai cũng xem được mình là gì)", \
      "Users and their roles (an administrator adds, changes, removes them; anyone sees their own)" }
#endif
