/* list: cursor and filter arithmetic shared by the list screens. */
#include "tui/widgets/list.h"
#include "model/text.h"
#include <stdlib.h>
#include <string.h>

int list_reset(listview *lv, int nsrc)
{
    int *v = realloc(lv->idx, (size_t)(nsrc > 0 ? nsrc : 1) * sizeof *v);
    if (!v) { lv->n = 0; return -1; }
    lv->idx = v;
    lv->nsrc = nsrc;
    for (int i = 0; i < nsrc; i++) v[i] = i;
    lv->n = nsrc;
    if (lv->cur >= lv->n) lv->cur = lv->n ? lv->n - 1 : 0;
    return 0;
}

void list_free(listview *lv)
{
    free(lv->idx);
    lv->idx = NULL;
    lv->n = lv->nsrc = 0;
}

int list_filter(listview *lv, int (*match)(void *ctx, int row, const char *folded), void *ctx)
{
    int keep = list_row(lv);
    if (list_reset(lv, lv->nsrc) < 0) return -1;
    if (!lv->query[0]) { list_select(lv, keep); return 0; }
    char *q = text_fold(lv->query);
    if (!q) return -1;
    int n = 0;
    for (int i = 0; i < lv->nsrc; i++)
        if (match(ctx, i, q)) lv->idx[n++] = i;
    free(q);
    lv->n = n;
    lv->cur = 0;
    list_select(lv, keep);       /* stay on the same row while it still matches */
    return 0;
}

int list_move(listview *lv, list_step step, int page)
{
    int old = lv->cur, last = lv->n - 1;
    if (page < 1) page = 1;
    switch (step) {
    case LIST_UP: lv->cur--; break;
    case LIST_DOWN: lv->cur++; break;
    case LIST_PGUP: lv->cur -= page; lv->top -= page; break;
    case LIST_PGDN: lv->cur += page; lv->top += page; break;
    case LIST_TOP: lv->cur = 0; break;
    case LIST_BOTTOM: lv->cur = last; break;
    default: break;
    }
    if (lv->cur > last) lv->cur = last;
    if (lv->cur < 0) lv->cur = 0;
    return lv->cur != old;
}

void list_scroll(listview *lv, int height)
{
    if (height < 1) height = 1;
    if (lv->top > lv->n - height) lv->top = lv->n - height;
    if (lv->top < 0) lv->top = 0;
    if (lv->cur < lv->top) lv->top = lv->cur;
    if (lv->cur >= lv->top + height) lv->top = lv->cur - height + 1;
}

int list_row(const listview *lv)
{
    return lv->n > 0 && lv->cur >= 0 && lv->cur < lv->n ? lv->idx[lv->cur] : -1;
}

void list_select(listview *lv, int row)
{
    for (int i = 0; i < lv->n; i++)
        if (lv->idx[i] == row) { lv->cur = i; return; }
}

void list_query_add(listview *lv, const char *utf8)
{
    size_t len = strlen(lv->query), add = strlen(utf8);
    if (len + add < sizeof lv->query) memcpy(lv->query + len, utf8, add + 1);
}

void list_query_erase(listview *lv)
{
    size_t len = strlen(lv->query);
    while (len > 0 && ((unsigned char)lv->query[len - 1] & 0xC0) == 0x80) len--;   /* continuation bytes */
    if (len > 0) len--;
    lv->query[len] = 0;
}
