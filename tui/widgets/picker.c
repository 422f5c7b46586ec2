/* picker: filter-as-you-type list of candidates given by the caller. */
#include "tui/widgets/picker.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/draw.h"
#include "tui/widgets/textfield.h"
#include "model/i18n.h"
#include "model/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { QUERY_MAX = 80 };

typedef struct { int64_t id; char *label, *key; } item;

struct picker {
    char *title;
    item *v;
    int n, cap;
    int *match, n_match;          /* indexes into v that pass the filter */
    int sel, top;                 /* sel: index into match */
    int filtered;                 /* match is up to date with the query */
    textfield *query;
};

picker *picker_new(const char *title)
{
    picker *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->title = strdup(title ? title : "");
    p->query = tf_new(QUERY_MAX);
    if (!p->title || !p->query) { picker_free(p); return NULL; }
    return p;
}

void picker_free(picker *p)
{
    if (!p) return;
    for (int i = 0; i < p->n; i++) { free(p->v[i].label); free(p->v[i].key); }
    free(p->v);
    free(p->match);
    free(p->title);
    tf_free(p->query);
    free(p);
}

int picker_add(picker *p, int64_t id, const char *label, const char *key)
{
    if (!label || !text_valid_utf8(label)) return -1;
    if (p->n == p->cap) {
        int cap = p->cap ? p->cap * 2 : 64;
        item *v = realloc(p->v, (size_t)cap * sizeof *v);
        int *m = realloc(p->match, (size_t)cap * sizeof *m);
        if (v) p->v = v;
        if (m) p->match = m;
        if (!v || !m) return -1;
        p->cap = cap;
    }
    item it = { id, text_nfc(label), key ? strdup(key) : text_fold(label) };
    if (!it.label || !it.key) { free(it.label); free(it.key); return -1; }
    p->v[p->n++] = it;
    p->filtered = 0;
    return 0;
}

/* Recompute the matches, keeping the highlighted item when it still matches. */
static void refilter(picker *p)
{
    int keep = p->filtered && p->n_match ? p->match[p->sel] : -1;
    char *q = text_fold(tf_value(p->query));
    p->n_match = 0;
    p->sel = 0;
    for (int i = 0; i < p->n; i++) {
        if (q && *q && !text_match(p->v[i].key, q)) continue;
        if (i == keep) p->sel = p->n_match;
        p->match[p->n_match++] = i;
    }
    free(q);
    p->filtered = 1;
}

void picker_select(picker *p, int64_t id)
{
    if (!p->filtered) refilter(p);
    for (int i = 0; i < p->n_match; i++)
        if (p->v[p->match[i]].id == id) { p->sel = i; return; }
}

void picker_set_query(picker *p, const char *utf8)
{
    tf_set(p->query, utf8 ? utf8 : "");
    p->filtered = 0;
}

int picker_total(const picker *p) { return p->n; }
int picker_matching(picker *p) { if (!p->filtered) refilter(p); return p->n_match; }

int64_t picker_id(const picker *p)
{
    return p->filtered && p->n_match ? p->v[p->match[p->sel]].id : 0;
}

const char *picker_label(const picker *p)
{
    return p->filtered && p->n_match ? p->v[p->match[p->sel]].label : "";
}

/* ---- screen ---- */

static int min_i(int a, int b) { return a < b ? a : b; }
static int max_i(int a, int b) { return a > b ? a : b; }

static void draw(picker *p, WINDOW *w)
{
    int h, wd;
    getmaxyx(w, h, wd);
    int inner = wd - 4, rows = h - 5;
    dialog_frame(w, p->title);
    /* the filter */
    const char *lbl = _("Tìm: ");
    int lw = draw_width(lbl);
    wattrset(w, (int)draw_attr(R_LABEL));
    draw_text(w, 1, 2, inner, lbl, 0);
    /* the separator */
    wattrset(w, (int)draw_attr(R_NORMAL));
    draw_hline(w, 2, 1, wd - 2);
    /* the list */
    if (p->sel >= p->n_match) p->sel = max_i(0, p->n_match - 1);
    if (p->sel < p->top) p->top = p->sel;
    if (p->sel >= p->top + rows) p->top = p->sel - rows + 1;
    if (p->top > max_i(0, p->n_match - rows)) p->top = max_i(0, p->n_match - rows);
    for (int r = 0; r < rows; r++) {
        int i = p->top + r;
        if (i >= p->n_match) break;
        wattrset(w, (int)draw_attr(i == p->sel ? R_SELECTED : R_NORMAL));
        mvwaddch(w, 3 + r, 1, ' ');
        draw_text(w, 3 + r, 2, inner + 1, p->v[p->match[i]].label, DRAW_PAD);
    }
    wattrset(w, (int)draw_attr(R_DIM));
    if (!p->n_match)
        draw_text(w, 3, 2, inner, p->n ? _("(không có mục nào khớp)")
                                       : _("(danh sách trống)"), 0);
    /* keys and count */
    char count[48];
    snprintf(count, sizeof count, " %d/%d ", p->n_match, p->n);
    int cw = draw_width(count);
    draw_text(w, h - 2, 2, inner,
              _("↑↓: chọn · Enter: lấy · Esc: hủy"), 0);
    wattrset(w, (int)draw_attr(R_NORMAL));
    draw_text(w, h - 1, wd - 2 - cw, cw, count, 0);
    /* the query last: the cursor stays there */
    tf_set_ascii(draw_is_ascii());
    wattrset(w, (int)(draw_attr(R_NORMAL) | A_UNDERLINE));
    tf_draw(p->query, w, 1, 2 + lw, inner - lw, 1);
    wattrset(w, (int)draw_attr(R_NORMAL));
}

int picker_run(picker *p)
{
    if (!p->filtered) refilter(p);
    dialog_saved sv;
    dialog_save(&sv);
    int widest = draw_width(p->title) + 6;
    for (int i = 0; i < p->n && widest < 76; i++) widest = max_i(widest, draw_width(p->v[i].label) + 6);
    int wd = min_i(COLS - 4, min_i(78, max_i(44, widest)));
    int h = min_i(LINES - 2, max_i(9, p->n + 6));
    WINDOW *w = dialog_window(h, wd);
    if (!w) { dialog_restore(&sv, 0); return PICK_CANCEL; }
    int rows = getmaxy(w) - 5, rc = PICK_CANCEL;
    if (rows < 1) rows = 1;
    for (;;) {
        draw(p, w);
        curs_set(1);
        wint_t wc;
        int k = dialog_show_key(w, &wc);
        if (k == ERR) break;
        if (k == KEY_CODE_YES) {
            int last = max_i(0, p->n_match - 1), moved = 1;
            switch (wc) {
            case KEY_UP: p->sel = max_i(0, p->sel - 1); break;
            case KEY_DOWN: p->sel = min_i(last, p->sel + 1); break;
            case KEY_PPAGE: p->sel = max_i(0, p->sel - rows); break;
            case KEY_NPAGE: p->sel = min_i(last, p->sel + rows); break;
            case KEY_HOME: p->sel = 0; break;
            case KEY_END: p->sel = last; break;
            default: moved = 0; break;
            }
            if (moved) continue;
            if (wc == KEY_RESIZE) { rc = PICK_RESIZED; break; }
        }
        if (k == OK && wc == 16) { p->sel = max_i(0, p->sel - 1); continue; }    /* Ctrl-P */
        if (k == OK && wc == 14) {                                                 /* Ctrl-N */
            p->sel = min_i(max_i(0, p->n_match - 1), p->sel + 1);
            continue;
        }
        if (dialog_is_enter(k, wc)) {
            if (p->n_match) { rc = PICK_OK; break; }
            beep();
            continue;
        }
        if (dialog_is_cancel(k, wc)) break;
        if (k == OK && wc == 12) { clearok(curscr, TRUE); continue; }            /* Ctrl-L */
        int r = tf_key(p->query, k, wc);
        if (r == TF_REFUSED) beep();
        else if (r == TF_CHANGED) refilter(p);
    }
    delwin(w);
    dialog_restore(&sv, rc != PICK_RESIZED);
    return rc;
}
