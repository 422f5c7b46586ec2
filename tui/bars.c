/* bars: one line each. The path keeps its end (where the user is) when it must be cut. */
#include "tui/bars.h"
#include "tui/widgets/draw.h"
#include "tui/keymap.h"
#include "model/date.h"
#include "model/i18n.h"
#include "model/role.h"
#include <stdio.h>
#include <string.h>

/* "Hà Tĩnh › An Hòa Thịnh › Nậy", dropping leading parts (shown as "…") to fit width. */
static void path_text(tui *t, char *out, size_t n, int width)
{
    out[0] = 0;
    for (int first = 0; first < t->depth; first++) {
        size_t len = 0;
        out[0] = 0;
        if (first) len += (size_t)snprintf(out, n, "%s", glyph(G_MORE));
        for (int i = first; i < t->depth && len < n; i++) {
            const char *c = t->stack[i]->crumb;
            if (!c[0]) continue;
            len += (size_t)snprintf(out + len, n - len, "%s%s", len ? glyph(G_PATH) : "", c);
        }
        if (draw_width(out) <= width) break;
    }
    if (!out[0]) snprintf(out, n, "%s", L("Các tỉnh", "Provinces"));
}

void bars_top(tui *t)
{
    WINDOW *w = t->top;
    char right[96], date[11], path[1024];
    date_show(db_today(t->db), date);
    snprintf(right, sizeof right, " %s: %s ", L("Ngày", "Date"), date);
    role_me me;                          /* a leader, or a user the file does not list: reads only */
    int viewer = !role_whoami(t->db, &me) && me.on && (me.kind == ROLE_LEADER || me.kind == ROLE_NONE);
    const char *ro = db_is_readonly(t->db) ? L(" CHỈ ĐỌC ", " READ-ONLY ") : viewer ? L(" CHỈ XEM ", " VIEW ONLY ") : "";
    int rw = draw_width(right), row = draw_width(ro);
    wbkgdset(w, ' ' | draw_attr(R_TOP));   /* the whole line in the bar colour */
    werase(w);
    draw_role(w, R_TOP);
    int x = draw_text(w, 0, 0, 5, " ntm ", 0);
    x += draw_text(w, 0, x, 1, glyph(G_VLINE), 0);
    path_text(t, path, sizeof path, t->cols - x - rw - row - 2);
    draw_text(w, 0, x + 1, t->cols - x - rw - row - 2, path, 0);
    if (row) {
        draw_role(w, R_READONLY);
        draw_text(w, 0, t->cols - rw - row, row, ro, 0);
        draw_role(w, R_TOP);
    }
    draw_text(w, 0, t->cols - rw, rw, right, 0);
}

/* Where to cut msg (at a space) so its first part fits width columns; strlen when it all fits. */
static size_t msg_split(const char *msg, int width)
{
    char part[sizeof ((tui *)0)->msg];
    size_t len = strlen(msg), best = 0;
    if (draw_width(msg) <= width) return len;
    for (size_t i = 1; i < len && i < sizeof part; i++) {
        if (msg[i] != ' ') continue;
        memcpy(part, msg, i);
        part[i] = 0;
        if (draw_width(part) > width) break;
        best = i;
    }
    return best ? best : len;
}

void bars_status(tui *t)
{
    WINDOW *w = t->status;
    screen *s = tui_top(t);
    char buf[700];
    werase(w);
    draw_role(w, R_NORMAL);
    if (t->searching && s) {
        const char *prompt = s->kind->prompt_vi ? L(s->kind->prompt_vi, s->kind->prompt_en) : L("Tìm", "Search");
        snprintf(buf, sizeof buf, "%s: %s%s", prompt, s->lv.query, draw_is_ascii() ? "_" : "▏");
        int x = draw_text(w, 0, 1, t->cols - 16, buf, 0);
        snprintf(buf, sizeof buf, "(%d/%d)", s->lv.n, s->lv.nsrc);
        draw_text(w, 0, x + 3, 14, buf, 0);
        return;
    }
    if (t->msg[0]) {                    /* a long one goes on over the key bar (bars_keys) */
        size_t cut = msg_split(t->msg, t->cols - 2);
        snprintf(buf, sizeof buf, "%.*s", (int)cut, t->msg);
        draw_role(w, t->msg_error ? R_ERROR : R_NORMAL);
        draw_text(w, 0, 1, t->cols - 2, buf, 0);
        draw_role(w, R_NORMAL);
        return;
    }
    if (s && s->lv.query[0]) {
        snprintf(buf, sizeof buf, L("Lọc: \"%s\" (%d/%d) — Esc: bỏ lọc, /: sửa", "Filter: \"%s\" (%d/%d) — Esc: clear, /: edit"),
                 s->lv.query, s->lv.n, s->lv.nsrc);
        draw_text(w, 0, 1, t->cols - 2, buf, 0);
    }
}

static void bar_key_name(const keydef *k, char *name, size_t n)
{
    if (k->bar_key) snprintf(name, n, "%s", k->bar_key);
    else keymap_key_name(k->key, name, n);
}

static int bar_item_width(const keydef *k)
{
    char name[32];
    bar_key_name(k, name, sizeof name);
    return draw_width(name) + draw_width(L(k->bar_vi, k->bar_en)) + 3;
}

/* "q Thoát" at x; returns the x after it and its gap. */
static int bar_item(WINDOW *w, tui *t, const keydef *k, int x)
{
    char name[32];
    bar_key_name(k, name, sizeof name);
    draw_role(w, R_KEY);
    x += draw_text(w, 0, x, draw_width(name), name, 0);
    draw_role(w, R_NORMAL);
    x += draw_text(w, 0, x, t->cols - x, " ", 0);
    x += draw_text(w, 0, x, t->cols - x, L(k->bar_vi, k->bar_en), 0);
    return x + 2;
}

void bars_keys(tui *t)
{
    WINDOW *w = t->bar;
    screen *s = tui_top(t);
    const screen_kind *kind = t->searching ? &keymap_search : s ? s->kind : &keymap_small;
    int x = 0;
    werase(w);
    size_t cut = t->msg[0] && !t->searching ? msg_split(t->msg, t->cols - 2) : 0;
    if (cut && t->msg[cut]) {           /* until the next key, the rest of a long message */
        draw_role(w, t->msg_error ? R_ERROR : R_NORMAL);
        draw_text(w, 0, 1, t->cols - 2, t->msg + cut + 1, 0);
        draw_role(w, R_NORMAL);
        return;
    }
    /* Quit always shows, at the end: the labels that do not fit before it are left off
     * (they are all in the ? help). */
    const keydef *quit = NULL;
    for (int i = 0, n = keymap_count(kind); i < n && !quit; i++) {
        const keydef *k = keymap_at(kind, i);
        if (k->id == ACT_QUIT && L(k->bar_vi, k->bar_en)) quit = k;
    }
    int reserve = quit ? bar_item_width(quit) : 0;
    for (int i = 0, n = keymap_count(kind); i < n; i++) {
        const keydef *k = keymap_at(kind, i);
        if (k == quit || !L(k->bar_vi, k->bar_en)) continue;
        if (x + bar_item_width(k) > t->cols - reserve) break;
        x = bar_item(w, t, k, x);
    }
    if (quit) bar_item(w, t, quit, x);
    draw_role(w, R_NORMAL);
}

void bars_flush_status(tui *t, int keys)
{
    if (!t->status || (keys && !t->bar)) return;
    bars_status(t);
    wnoutrefresh(t->status);
    if (keys) {
        bars_keys(t);
        wnoutrefresh(t->bar);
    }
    doupdate();
}
