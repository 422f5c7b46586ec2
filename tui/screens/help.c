/* help: the keys of the screen underneath, built from its kind's rows at the time it
 * opens, so it always says what the keys really do; then the search keys and the marks. */
#include "tui/screens/help.h"
#include "tui/widgets/draw.h"
#include "model/i18n.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { HELP_LINES = 48 };

typedef struct help_line { char keys[96]; char text[240]; int heading; } help_line;

typedef struct help_screen {
    screen base;
    help_line line[HELP_LINES];
    int n;
} help_screen;

static void add(help_screen *h, const char *keys, const char *text, int heading)
{
    if (h->n >= HELP_LINES) return;
    help_line *l = &h->line[h->n++];
    snprintf(l->keys, sizeof l->keys, "%s", keys);
    snprintf(l->text, sizeof l->text, "%s", text);
    l->heading = heading;
}

/* While searching, letters are the query: only the other keys of an action work then,
 * and the prompt's own rows are listed (the moves get one line of their own). */
static void add_keys(help_screen *h, const screen_kind *kind)
{
    int search = kind == &keymap_search;
    for (int i = 0, n = keymap_count(kind); i < n; i++) {
        const keydef *k = keymap_at(kind, i);
        if (search && !keymap_own(kind, k)) continue;
        char keys[96];
        keymap_keys_text(k, search, keys, sizeof keys);
        if (keys[0]) add(h, keys, L(k->help_vi, k->help_en), 0);
    }
}

static void build(help_screen *h, const screen_kind *for_kind)
{
    const char *what = L(for_kind->name_vi, for_kind->name_en);
    char title[128], id[40];
    keymap_kind_id(for_kind, id, sizeof id);
    snprintf(title, sizeof title, L("Phím trên %s", "Keys on %s"), what);
    snprintf(title + strlen(title), sizeof title - strlen(title), " [%s]", id);   /* its name in [keys] */
    add(h, "", title, 1);
    add_keys(h, for_kind);
    add(h, "", "", 0);
    add(h, "", L("Khi đang gõ từ tìm (sau phím /)", "While typing a search (after /)"), 1);
    add_keys(h, &keymap_search);       /* the prompt's own keys, then the moves in one line */
    char moves[96] = "";
    for (int i = 0, n = keymap_count(&keymap_search); i < n; i++) {
        const keydef *k = keymap_at(&keymap_search, i);
        if (keymap_own(&keymap_search, k) || k->id == ACT_REDRAW) continue;
        size_t len = strlen(moves);
        keymap_keys_text(k, 1, moves + len + (len ? 1 : 0), sizeof moves - len - 1);
        if (len) moves[len] = ' ';
    }
    add(h, moves, L("Chọn dòng trong khi vẫn tìm", "Move in the list while searching"), 0);
    add(h, "", L("Tìm không cần dấu: \"nay\" ra \"Nậy\", \"son tien\" ra \"Sơn Tiến\", d cũng là đ.",
                 "Accents are ignored: \"nay\" finds \"Nậy\", \"son tien\" finds \"Sơn Tiến\", d also finds đ."), 0);
    add(h, "", "", 0);
    add(h, "", L("Dấu ở đầu dòng đầu việc", "Marks before a task"), 1);
    char marks[200];
    snprintf(marks, sizeof marks, L("%s đã xong   %s quá hạn (chữ đỏ nếu có màu)   %s đang làm   %s đã hủy",
                                    "%s done   %s overdue (red where there is colour)   %s open   %s cancelled"),
             glyph(G_DONE), glyph(G_OVERDUE), glyph(G_OPEN), glyph(G_CANCELLED));
    add(h, "", marks, 0);
}

/* The rows line i takes at this width: its text wraps under itself, beside the keys. */
static int line_rows(const help_line *l, int width, int col)
{
    if (!l->text[0]) return 1;
    int x = l->heading ? 1 : l->keys[0] ? col : 2, rows = draw_wrap(NULL, 0, 0, width - x - 1, 99, l->text);
    return rows > 0 ? rows : 1;
}

static void help_draw(screen *s, tui *t, int flags)
{
    help_screen *h = (help_screen *)s;
    WINDOW *w = t->list;
    int height = getmaxy(w) - 1, width = getmaxx(w);
    if (!(flags & REDRAW_LIST)) return;
    int col = 0;                        /* the text column: after the widest keys */
    for (int i = 0; i < h->n; i++) { int kw = draw_width(h->line[i].keys); if (kw > col) col = kw; }
    col = col + 4 > width / 2 ? width / 2 : col + 4;
    int maxtop = h->n, below = 0;       /* the first line from which the rest fits */
    while (maxtop > 0 && below + line_rows(&h->line[maxtop - 1], width, col) <= height)
        below += line_rows(&h->line[--maxtop], width, col);
    int top = s->lv.cur > maxtop ? maxtop : s->lv.cur;
    if (top < 0) top = 0;
    werase(w);
    draw_role(w, R_HEADER);
    draw_text(w, 0, 0, width, top < maxtop ? L(" Trợ giúp — Esc, q hoặc ? để đóng; j, ↓: xem tiếp",
                                               " Help — Esc, q or ? closes; j, ↓: more")
                                          : L(" Trợ giúp — Esc, q hoặc ? để đóng", " Help — Esc, q or ? closes"), DRAW_PAD);
    for (int i = top, y = 1; i < h->n && y <= height; i++) {
        const help_line *l = &h->line[i];
        int x = l->heading ? 1 : l->keys[0] ? col : 2;
        draw_role(w, R_LABEL);
        if (l->keys[0]) draw_text(w, y, 2, col - 4, l->keys, 0);
        draw_role(w, l->heading ? R_LABEL : R_NORMAL);
        int rows = l->text[0] ? draw_wrap(w, y, x, width - x - 1, height - y + 1, l->text) : 1;
        y += rows > 0 ? rows : 1;
    }
    draw_role(w, R_NORMAL);
}

static int help_key(screen *s, tui *t, int action) { return 0; }
static int help_reload(screen *s, tui *t) { return REDRAW_LIST; }

static void help_free(screen *s)
{
    list_free(&s->lv);
    free(s);
}

static const struct screen_ops help_ops = { .draw = help_draw, .key = help_key, .reload = help_reload, .free = help_free };

/* The help moves with the loop's moves and closes with any of these. */
static const keydef help_keys[] = {
    { ACT_CLOSE, "close", 'q', { 27, '?', 'h', KEY_FN(KEY_F(1)), KEY_FN(KEY_LEFT) }, "Esc", "Đóng", "Close",
      "Đóng trợ giúp", "Close the help" },
};
const screen_kind help_kind = { "trợ giúp", "the help", help_keys, KEYS_N(help_keys), KM_HELP, NULL, NULL, "help_keys" };

screen *help_new(tui *t, const screen_kind *for_kind)
{
    help_screen *h = calloc(1, sizeof *h);
    if (!h) return NULL;
    h->base.ops = &help_ops;
    h->base.kind = &help_kind;
    snprintf(h->base.crumb, sizeof h->base.crumb, "%s", L("Trợ giúp", "Help"));
    build(h, for_kind);
    if (list_reset(&h->base.lv, h->n) < 0) { free(h); return NULL; }
    return &h->base;
}
