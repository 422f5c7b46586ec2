/* list: cursor, scrolling and the search filter of one list screen. It knows rows only
 * by number; the screen that owns it says what a row is and how it matches. */
#ifndef NTM_LIST_H
#define NTM_LIST_H

typedef struct listview {
    int nsrc;              /* rows in the screen's data */
    int *idx, n;           /* rows shown, in order: indexes into the data */
    int cur, top;          /* cursor and first row on screen, as positions in idx */
    char query[160];       /* the search as typed (UTF-8); "" = no filter */
} listview;

/* Show all nsrc rows (the filter is kept and re-applied by the caller). -1: no memory. */
int  list_reset(listview *lv, int nsrc);
void list_free(listview *lv);
/* Keep the rows for which match(ctx, row, folded query) is true. Returns -1 when the
 * query is not valid UTF-8 or memory runs out (then every row stays). */
int  list_filter(listview *lv, int (*match)(void *ctx, int row, const char *folded), void *ctx);
/* Cursor moves; page = rows on screen. 1 when it moved. */
typedef enum { LIST_UP = 1, LIST_DOWN, LIST_PGUP, LIST_PGDN, LIST_TOP, LIST_BOTTOM } list_step;
int  list_move(listview *lv, list_step step, int page);
/* Scroll so the cursor is among the height rows shown. */
void list_scroll(listview *lv, int height);
/* Data row under the cursor, or -1 when the list is empty. */
int  list_row(const listview *lv);
/* Put the cursor on data row (if shown). */
void list_select(listview *lv, int row);
/* Append / erase one character of the query (UTF-8). */
void list_query_add(listview *lv, const char *utf8);
void list_query_erase(listview *lv);
#endif
