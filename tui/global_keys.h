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
    { ACT_GOTO, "goto", 'm', { KEY_FN(KEY_F(4)) }, NULL, NULL, \
      N_("Đi tới bất kỳ xã, thôn, đầu việc, người, tổ chức nào: gõ vài chữ của tên, không cần dấu") }
#define UNDO_HELP_ N_("Hoàn tác thay đổi gần nhất của bạn (sửa, xóa, thêm); hỏi lại trước")
#define KEYS_UNDO { ACT_UNDO, "undo", 'u', { 0 }, NULL, N_("Hoàn tác"), UNDO_HELP_ }
#define KEYS_UNDO_LISTS { ACT_UNDO, "undo_lists", 'u', { 0 }, NULL, NULL, UNDO_HELP_ }
#define EXPORT_HELP_ \
    N_("Xuất đúng những dòng đang hiện (theo bộ lọc, từ tìm và thứ tự) ra tệp Excel (.xlsx) hoặc CSV trong thư mục [output] pdf_dir")
#define KEYS_EXPORT { ACT_EXPORT, "export", 'x', { 0 }, NULL, N_("Xuất Excel"), EXPORT_HELP_ }
#define KEYS_EXPORT_LISTS { ACT_EXPORT, "export_lists", 'x', { 0 }, NULL, NULL, EXPORT_HELP_ }
#define KEYS_CRITERIA_LISTS \
    { ACT_CRITERIA, "criteria_lists", 'C', { 0 }, NULL, NULL, \
      N_("Bảng tiêu chí của xã/tỉnh đang chọn: đơn vị × tiêu chí") }
#define KEYS_TOURS \
    { ACT_TOURS, "tours", 't', { 0 }, NULL, N_("Tour"), \
      N_("Các tour kiểm tra của xã (A ở đó: của mọi xã)") }
/* name: "weekly" on the hamlet list, "weekly_tasks" on the task list */
#define KEYS_WEEKLY(name) \
    { ACT_WEEKLY, name, 'w', { 0 }, NULL, N_("Báo cáo tuần"), \
      N_("Báo cáo tuần của thôn: từng việc, chỉ bằng phím") }
#define KEYS_CAMPAIGNS \
    { ACT_CAMPAIGNS, "campaigns", 'c', { 0 }, NULL, NULL, \
      N_("Danh mục đợt/kế hoạch của xã (thêm, sửa, xóa)") }
#define KEYS_ORGS \
    { ACT_ORGS, "organisations", 'O', { 0 }, NULL, NULL, \
      N_("Danh mục tổ chức của xã (Hội Phụ nữ, Đoàn TN...)") }
#define KEYS_PEOPLE \
    { ACT_PEOPLE, "people", 'P', { 0 }, NULL, NULL, \
      N_("Danh mục cán bộ, người phụ trách của xã") }
#define KEYS_HOUSEHOLDS \
    { ACT_HOUSEHOLDS, "households", 'E', { 0 }, NULL, NULL, \
      N_("Danh mục hộ của thôn (vườn mẫu, 3 sạch, nhà tiêu)") }
#define KEYS_USERS \
    { ACT_USERS, "users", 'U', { 0 }, NULL, NULL, \
      N_("Người dùng và vai trò (quản trị thêm, sửa, xóa; ai cũng xem được mình là gì)") }
#endif
