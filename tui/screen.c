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

int tui_refuse_readonly(tui *t)
{
    if (!db_is_readonly(t->db)) return 0;
    tui_message(t, 1, L("Cơ sở dữ liệu %s chỉ đọc: không sửa được. Hỏi người quản trị quyền ghi (nhóm ntm).",
                        "The database %s is read-only: nothing can be changed. Ask the administrator for write access (group ntm)."),
                db_path(t->db));
    return 1;
}

int tui_db_error(tui *t)
{
    const char *m = db_errmsg(t->db);
    return tui_message(t, 1, "%s", m && m[0] ? m : L("Lỗi khi đọc cơ sở dữ liệu", "Database error"));
}

int tui_push(tui *t, screen *s)
{
    if (!s) return tui_message(t, 1, "%s", L("Hết bộ nhớ", "Out of memory"));
    if (t->depth == STACK_MAX) {
        s->ops->free(s);
        return tui_message(t, 1, "%s", L("Quá nhiều màn hình đang mở", "Too many screens open"));
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

int tui_unit_crumb(tui *t, int64_t unit_id, const char *vi, const char *en, char *out, size_t n)
{
    unit_row u;
    if (unit_get(t->db, unit_id, &u) != DB_OK) return -1;
    if (u.kind == 'p') snprintf(out, n, L("%s tỉnh %s", "%s: %s province"), L(vi, en), u.name);
    else if (u.kind == 'c') snprintf(out, n, L("%s xã %s", "%s: %s commune"), L(vi, en), u.name);
    else snprintf(out, n, "%s: %s", L(vi, en), u.name);
    return 0;
}
