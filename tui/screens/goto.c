/* goto: "go to" from anywhere (m, F4): type a few letters of any commune, hamlet,
 * task, person or organisation, accents optional; each hit shows what it is and where it
 * sits. Enter opens it with the lists above it under it, so Esc climbs back up from there
 * as if the user had walked down: province, commune, hamlet, then the task list (the task
 * selected) or the organisations / people list. */
#include "tui/screens/goto.h"
#include "tui/screens/records.h"
#include "tui/screens/tasks/tasks.h"
#include "tui/screens/units.h"
#include "tui/global_keys.h"
#include "tui/widgets/draw.h"
#include "model/goto.h"
#include "model/i18n.h"
#include "model/text.h"
#include "model/unit.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_HITS = 200, KIND_W = 12 };

typedef struct goto_screen {
    screen base;
    goto_hit *hits;
    int n;
} goto_screen;

static void goto_draw(screen *s, tui *t, int flags)
{
    goto_screen *g = (goto_screen *)s;
    WINDOW *w = t->list;
    if (!(flags & REDRAW_LIST)) return;
    int height = getmaxy(w) - 1, width = getmaxx(w);
    int where_w = width > 70 ? width / 3 : width / 4, name_w = width - KIND_W - where_w - 3;
    char head[80];
    werase(w);
    draw_role(w, R_HEADER);
    snprintf(head, sizeof head, L(" Kết quả (%d)", " Results (%d)"), g->n);
    draw_text(w, 0, 0, KIND_W + 2, head, DRAW_PAD);
    draw_text(w, 0, KIND_W + 2, name_w + 1, L("Tên", "Name"), DRAW_PAD);
    draw_text(w, 0, KIND_W + name_w + 3, width - KIND_W - name_w - 3, L("Ở đâu", "Where"), DRAW_PAD);
    list_scroll(&s->lv, height);
    for (int i = 0; i < height && s->lv.top + i < s->lv.n; i++) {
        int pos = s->lv.top + i;
        const goto_hit *h = &g->hits[s->lv.idx[pos]];
        draw_role(w, pos == s->lv.cur ? R_SELECTED : R_NORMAL);
        int x = draw_text(w, i + 1, 0, 1, " ", DRAW_PAD);
        x += draw_text(w, i + 1, x, KIND_W, goto_kind_label(h->kind), DRAW_PAD);
        x += draw_text(w, i + 1, x, 1, " ", DRAW_PAD);
        x += draw_text(w, i + 1, x, name_w, h->name, DRAW_PAD);
        x += draw_text(w, i + 1, x, 1, " ", DRAW_PAD);
        draw_text(w, i + 1, x, width - x, h->where, DRAW_PAD);
    }
    draw_role(w, R_NORMAL);
    if (g->n == 0)
        draw_wrap(w, 2, 2, width - 4, height - 1, s->lv.query[0]
                  ? L("Không tìm thấy. Gõ ít chữ hơn, hoặc chữ khác (không cần dấu).",
                      "Nothing found. Type fewer letters, or others (accents optional).")
                  : L("Gõ vài chữ của tên một xã, thôn, đầu việc, người hoặc tổ chức (không cần dấu: \"son kim\" "
                      "ra \"Sơn Kim 2\"). Enter: mở; Esc: đóng.",
                      "Type a few letters of a commune, hamlet, task, person or organisation (accents optional: "
                      "\"son kim\" finds \"Sơn Kim 2\"). Enter: open; Esc: close."));
}

/* The query changed: search again (every level, in the database). */
static int goto_query(screen *s, tui *t)
{
    goto_screen *g = (goto_screen *)s;
    free(g->hits);
    g->hits = NULL;
    g->n = 0;
    if (goto_search(t->db, s->lv.query, MAX_HITS, &g->hits, &g->n) != DB_OK) tui_db_error(t);
    list_reset(&s->lv, g->n);
    return REDRAW_LIST | REDRAW_STATUS;
}

static int goto_reload(screen *s, tui *t) { return goto_query(s, t) | REDRAW_ALL; }

static void goto_free(screen *s)
{
    goto_screen *g = (goto_screen *)s;
    free(g->hits);
    list_free(&s->lv);
    free(g);
}

/* ---- opening a hit: the stack of lists down to it ---------------------------------- */

static void unit_name(tui *t, int64_t id, char *out, size_t n)
{
    unit_row u;
    text_copy(out, n, unit_get(t->db, id, &u) == DB_OK ? u.name : "");
}

/* Push s with row `select` selected (its select op). */
static int push_at(tui *t, screen *s, int64_t select)
{
    if (!s) return -1;
    tui_push(t, s);
    if (select && s->ops->select) s->ops->select(s, select);
    return 0;
}

/* The lists from the top down to the commune's hamlets (province list only when the
 * file holds more than one province, as at start-up). */
static int push_down_to(tui *t, const goto_hit *h, int64_t commune_sel, int64_t hamlet_sel)
{
    unit_list top;
    int many = unit_children(t->db, 0, &top) == DB_OK && top.n > 1;
    if (top.v) unit_list_free(&top);
    char name[208];
    if (many && push_at(t, units_new(t, 'p', 0, ""), h->province_id)) return -1;
    if (!h->province_id) return 0;
    unit_name(t, h->province_id, name, sizeof name);
    if (push_at(t, units_new(t, 'c', h->province_id, name), commune_sel)) return -1;
    if (!h->commune_id || !commune_sel) return 0;
    unit_name(t, h->commune_id, name, sizeof name);
    return push_at(t, units_new(t, 'h', h->commune_id, name), hamlet_sel);
}

static int open_hit(tui *t, const goto_hit *h)
{
    tui_pop_to(t, 0);                    /* go-to replaces the path the user was on */
    char name[208];
    int rc = 0;
    switch (h->kind) {
    case 'p': rc = push_down_to(t, h, 0, 0); break;
    case 'c': rc = push_down_to(t, &(goto_hit){ .province_id = h->province_id, .commune_id = h->id }, h->id, 0); break;
    case 'h': rc = push_down_to(t, h, h->commune_id, h->id);
        unit_name(t, h->id, name, sizeof name);
        if (!rc) rc = push_at(t, tasks_new(t, h->commune_id, h->id, name), 0);
        break;
    case 't':
        rc = push_down_to(t, h, h->commune_id, h->hamlet_id);
        if (h->hamlet_id) unit_name(t, h->hamlet_id, name, sizeof name);
        else text_copy(name, sizeof name, L("(Toàn xã)", "(Whole commune)"));
        if (!rc) rc = push_at(t, tasks_new(t, h->commune_id, h->hamlet_id ? h->hamlet_id : -1, name), h->id);
        break;
    default:                             /* an organisation or a person: their commune's list */
        rc = push_down_to(t, h, h->commune_id, 0);
        if (!rc) records_open(t, NULL, h->kind == 'o' ? REC_ORGS : REC_PEOPLE, h->commune_id, h->commune_id);
        if (!rc && tui_top(t)->ops->select) tui_top(t)->ops->select(tui_top(t), h->id);
        break;
    }
    if (rc || !t->depth) return tui_push(t, units_start(t));
    return RELAYOUT | REDRAW_ALL;
}

static int goto_key(screen *s, tui *t, int action)
{
    goto_screen *g = (goto_screen *)s;
    if (action != ACT_OPEN) return 0;
    int row = list_row(&s->lv);
    if (row < 0) return tui_message(t, 1, "%s", L("Chưa có kết quả để mở.", "Nothing to open yet."));
    goto_hit h = g->hits[row];           /* the screen goes with the stack */
    t->searching = 0;
    return open_hit(t, &h);
}

static const struct screen_ops goto_ops = {
    .draw = goto_draw, .key = goto_key, .reload = goto_reload, .free = goto_free, .query = goto_query,
};

/* Its search prompt is the screen itself: Enter opens the hit, Esc closes it. */
static const keydef goto_keys[] = { KEYS_BACK, KEYS_SEARCH, KEYS_UNDO_LISTS };
const screen_kind goto_kind = { "đi tới", "go to", goto_keys, KEYS_N(goto_keys), 0, "Đi tới", "Go to", "goto_keys" };

screen *goto_new(tui *t)
{
    goto_screen *g = calloc(1, sizeof *g);
    if (!g) return NULL;
    g->base.ops = &goto_ops;
    g->base.kind = &goto_kind;
    text_copy(g->base.crumb, sizeof g->base.crumb, L("Đi tới", "Go to"));
    list_reset(&g->base.lv, 0);
    return &g->base;
}
