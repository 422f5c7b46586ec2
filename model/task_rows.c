/* task_rows: a task_list filled from a statement (task_rows.h). */
#include "model/task_rows.h"
#include "model/date.h"
#include "model/rows.h"
#include "model/text.h"
#include <stdlib.h>
#include <string.h>

void task_row_read(sqlite3_stmt *st, task_row *r, const char *today)
{
    r->id = sqlite3_column_int64(st, 0);
    r->hamlet_id = sqlite3_column_int64(st, 1);
    r->version = sqlite3_column_int64(st, 2);
    col_text(r->deadline, sizeof r->deadline, st, 8);
    r->target = sqlite3_column_double(st, 9);
    r->done = sqlite3_column_double(st, 10);
    const char *s = (const char *)sqlite3_column_text(st, 11);
    r->status = s && s[0] == 'd' ? 'd' : s && s[0] == 'c' ? 'x' : 'o';
    r->days_left = r->deadline[0] ? (int)(date_days(r->deadline) - date_days(today)) : 0;
    r->overdue = r->status == 'o' && r->deadline[0] && r->days_left < 0;
    r->code = sqlite3_column_int64(st, 12);
    r->campaign_id = sqlite3_column_int64(st, 13);
}

static int put_str(task_gather *g, const char *s, size_t *off)
{
    size_t n = strlen(s ? s : "") + 1;
    if (g->used + n > g->cap_a) {
        size_t cap = (g->cap_a ? g->cap_a * 2 : 4096) + n;
        char *a = realloc(g->arena, cap);
        if (!a) return -1;
        g->arena = a; g->cap_a = cap;
    }
    memcpy(g->arena + g->used, s ? s : "", n);
    *off = g->used;
    g->used += n;
    return 0;
}

task_item *task_gather_add(task_gather *g, sqlite3_stmt *st, const char *today)
{
    task_item *v = rows_room(g->v, g->n, &g->cap, sizeof *v);
    if (!v) { g->oom = 1; return NULL; }
    g->v = v;
    task_item *it = &g->v[g->n];
    memset(it, 0, sizeof *it);
    task_row_read(st, &it->r, today);
    for (int i = 0; i < 5; i++)           /* title, title key, owner, hamlet, unit */
        if (put_str(g, (const char *)sqlite3_column_text(st, 3 + i), &it->off[i])) { g->oom = 1; return NULL; }
    g->n++;
    return it;
}

static void gather_free(task_gather *g)
{
    for (int i = 0; i < g->n; i++) free(g->v[i].sort);
    free(g->v); free(g->arena);
}

int task_gather_done(ntm_db *db, task_gather *g, int step_rc, task_list *out)
{
    if (g->oom) { gather_free(g); return db_fail(db, DB_ERR, "out of memory"); }
    if (step_rc != SQLITE_DONE) { gather_free(g); return db_sqlite_error(db, step_rc); }
    out->v = calloc((size_t)(g->n ? g->n : 1), sizeof *out->v);
    /* A loaded list always owns an arena, even an empty one. */
    if (!out->v || (!g->arena && put_str(g, "", &(size_t){ 0 }))) {
        free(out->v); out->v = NULL;
        gather_free(g);
        return db_fail(db, DB_ERR, "out of memory");
    }
    for (int i = 0; i < g->n; i++) {
        task_row *r = &out->v[i];
        *r = g->v[i].r;
        r->title = g->arena + g->v[i].off[0];
        r->title_key = g->arena + g->v[i].off[1];
        r->owner = g->arena + g->v[i].off[2];
        r->hamlet = g->arena + g->v[i].off[3];
        r->qty_unit = g->arena + g->v[i].off[4];
        free(g->v[i].sort);
    }
    out->n = g->n;
    out->arena = g->arena;
    out->arena_used = g->used;
    out->arena_cap = g->cap_a;
    free(g->v);
    return DB_OK;
}
