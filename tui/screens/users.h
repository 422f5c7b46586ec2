/* users: the file's Unix users and their roles (model/users.h, model/role.h): a list
 * everyone may read (to see who may change what), and the forms an administrator adds,
 * changes and removes them with. Opened with U from the province and commune lists and
 * the dashboard. */
#ifndef NTM_TUI_USERS_H
#define NTM_TUI_USERS_H
#include "tui/screen.h"

extern const screen_kind users_kind;
screen *users_new(tui *t);
#endif
