/* actions: one key in, flags out. Keys become actions through the keymap only (the
 * rows of the screen on top); what every list does alike (move, search, back, help, quit)
 * is done here, the actions across screens by tui/global.c, the rest by the screen on
 * top. Nothing is drawn here: the loop repaints from the flags. */
#include "tui/actions.h"
#include "tui/entry.h"
#include "tui/global.h"
#include "tui/keymap.h"
#include "tui/screens/help.h"
#include "model/i18n.h"
#include <stdio.h>
#include <string.h>

static int pop(tui *t)
{
    if (t->depth <= 1) {
        char q[24];
        tui_action_key(t, ACT_QUIT, q, sizeof q);
        return tui_message(t, 0, _("Đây là màn hình đầu. Nhấn %s để thoát."), q[0] ? q : "q");
    }
    tui_pop_to(t, t->depth - 1);
    return RELOAD | RELAYOUT | REDRAW_ALL;   /* the screen below may show what was changed above */
}

static int refilter(tui *t, screen *s)
{
    if (s->ops->query) return s->ops->query(s, t);
    if (list_filter(&s->lv, s->ops->match, s) < 0)
        tui_message(t, 1, "%s", _("Từ tìm không hợp lệ"));
    return REDRAW_LIST | REDRAW_DETAIL | REDRAW_STATUS;
}

/* Code point -> UTF-8 (without the locale: the query is stored as UTF-8 whatever it is). */
static void utf8_put(int c, char out[5])
{
    if (c < 0x80) { out[0] = (char)c; out[1] = 0; }
    else if (c < 0x800) { out[0] = (char)(0xC0 | c >> 6); out[1] = (char)(0x80 | (c & 63)); out[2] = 0; }
    else if (c < 0x10000) { out[0] = (char)(0xE0 | c >> 12); out[1] = (char)(0x80 | (c >> 6 & 63)); out[2] = (char)(0x80 | (c & 63)); out[3] = 0; }
    else { out[0] = (char)(0xF0 | c >> 18); out[1] = (char)(0x80 | (c >> 12 & 63)); out[2] = (char)(0x80 | (c >> 6 & 63)); out[3] = (char)(0x80 | (c & 63)); out[4] = 0; }
}

static int move_cursor(tui *t, screen *s, int action)
{
    list_step step;
    switch (action) {
    case ACT_UP: step = LIST_UP; break;
    case ACT_DOWN: step = LIST_DOWN; break;
    case ACT_PGUP: step = LIST_PGUP; break;
    case ACT_PGDN: step = LIST_PGDN; break;
    case ACT_TOP: step = LIST_TOP; break;
    case ACT_BOTTOM: step = LIST_BOTTOM; break;
    default: return 0;
    }
    return list_move(&s->lv, step, tui_list_rows(t)) ? REDRAW_LIST | REDRAW_DETAIL : 0;
}

/* While the status line is the search prompt, characters are the query. */
static int search_key(tui *t, screen *s, int code)
{
    if (keymap_is_text(code) && code <= 0x10FFFF) {
        char u[5];
        utf8_put(code, u);
        list_query_add(&s->lv, u);
        return refilter(t, s);
    }
    int a = keymap_find(code, &keymap_search);
    if (s->ops->query && a == ACT_SEARCH_KEEP) return s->ops->key(s, t, ACT_OPEN);
    if (s->ops->query && a == ACT_SEARCH_CLEAR) { t->searching = 0; return pop(t); }
    switch (a) {
    case ACT_SEARCH_KEEP: t->searching = 0; return REDRAW_STATUS;
    case ACT_SEARCH_CLEAR: t->searching = 0; s->lv.query[0] = 0; return refilter(t, s);
    case ACT_SEARCH_ERASE: list_query_erase(&s->lv); return refilter(t, s);
    case ACT_REDRAW: clearok(curscr, TRUE); return REDRAW_ALL;
    case ACT_NONE: return 0;
    default: return move_cursor(t, s, a);
    }
}

static int common(tui *t, screen *s, int a, int code)
{
    switch (a) {
    case ACT_QUIT: return QUIT;
    case ACT_HELP: return tui_push(t, help_new(t, s->kind));
    case ACT_CLOSE: return pop(t);
    case ACT_BACK:
        if (!s->lv.query[0]) return pop(t);
        s->lv.query[0] = 0;
        return refilter(t, s);
    case ACT_SEARCH:
        if (!s->ops->match) return 0;
        t->searching = 1;
        return REDRAW_STATUS;
    case ACT_UP: case ACT_DOWN: case ACT_PGUP: case ACT_PGDN: case ACT_TOP: case ACT_BOTTOM:
        return move_cursor(t, s, a);
    case ACT_RELOAD: return tui_message(t, 0, "%s", _("Đã đọc lại dữ liệu.")) | RELOAD | REDRAW_ALL;
    case ACT_REDRAW: clearok(curscr, TRUE); return REDRAW_ALL;
    case ACT_NONE:
        return tui_key_unused(t);
    default:
        entry_sync_today(t);             /* "hôm nay" in the forms an action opens */
        if (a >= ACT_GLOBAL && a < ACT_SCREEN) return global_key(t, s, a);
        return s->ops->key(s, t, a);
    }
}

int tui_key(tui *t, int code)
{
    if (code == KEY_FN(KEY_RESIZE)) return RELAYOUT | REDRAW_ALL;
    if (t->too_small) return keymap_find(code, &keymap_small) == ACT_QUIT ? QUIT : 0;
    int flags = 0;
    if (t->msg[0]) { t->msg[0] = 0; flags |= REDRAW_STATUS; }
    screen *s = tui_top(t);
    if (!s) return QUIT;
    if (t->searching) return flags | search_key(t, s, code);
    return flags | common(t, s, keymap_find(code, s->kind), code);
}
