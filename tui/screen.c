/* screen: the program state's helpers every screen uses (screen.h): the status line
 * message, the model's errors, pushing and popping screens, a unit's crumb. */
#include "tui/screen.h"
#include "model/i18n.h"
#include "model/unit.h"
#include <stdarg.h>
#include <stdio.h>

int tui_message(tui *t, int error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(t->msg, sizeof t->msg, fmt, ap);
    va_end(ap);
    t->msg_error = error;
    t->pending |= REDRAW_STATUS;
    return REDRAW_STATUS;
}

void tui_action_key(tui *t, action_id id, char *out, size_t n)
{
    screen *s = tui_top(t);
    out[0] = 0;
    if (s && s->kind) keymap_action_key(s->kind, id, out, n);
}

int tui_key_unused(tui *t)
{
    char k[24];
    tui_action_key(t, ACT_HELP, k, sizeof k);
    if (!k[0]) return tui_message(t, 0, "%s", _("Phím này không dùng ở đây."));
    return tui_message(t, 0, _("Phím này không dùng ở đây. Nhấn %s để xem các phím."), k);
}

int tui_refuse_readonly(tui *t)
{
    if (!db_is_readonly(t->db)) return 0;
    tui_message(t, 1, _("Cơ sở dữ liệu %s chỉ đọc: không sửa được. Hỏi người quản trị quyền ghi (nhóm ntm)."),
                db_path(t->db));
    return 1;
}

int tui_db_error(tui *t)
{
    const char *m = db_errmsg(t->db);
    return tui_message(t, 1, "%s", m && m[0] ? m : _("Lỗi khi đọc cơ sở dữ liệu"));
}

int tui_push(tui *t, screen *s)
{
    if (!s) return tui_message(t, 1, "%s", _("Hết bộ nhớ"));
    if (t->depth == STACK_MAX) {
        s->ops->free(s);
        return tui_message(t, 1, "%s", _("Quá nhiều màn hình đang mở"));
    }
    t->stack[t->depth++] = s;
    return RELAYOUT | REDRAW_ALL;
}

void tui_pop_to(tui *t, int depth)
{
    while (t->depth > depth) {
        screen *s = t->stack[--t->depth];
        s->ops->free(s);
    }
}

int tui_list_rows(const tui *t) { return t->list ? getmaxy(t->list) - 1 : 1; }

int tui_unit_crumb(tui *t, int64_t unit_id, const char *what, char *out, size_t n)
{
    unit_row u;
    if (unit_get(t->db, unit_id, &u) != DB_OK) return -1;
    if (u.kind == 'p') snprintf(out, n, _("%s tỉnh %s"), what, u.name);
    else if (u.kind == 'c') snprintf(out, n, _("%s xã %s"), what, u.name);
    else snprintf(out, n, "%s: %s", what, u.name);
    return 0;
}
