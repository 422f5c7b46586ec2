/* goto: the search is one statement per kind over the folded keys the model writes on
 * every save (name_key, title_key), each word a substring as text_match() reads it; the
 * units above a hit come from two self-joins, so each statement reads only its table. */
#include "model/goto.h"
#include "model/i18n.h"
#include "model/rows.h"
#include "model/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WORDS "instr(x.k, ?1) AND instr(x.k, ?2) AND instr(x.k, ?3) AND instr(x.k, ?4)"
/* u: the unit a row sits in (a commune, or a hamlet), with its parents */
#define ABOVE "LEFT JOIN unit u1 ON u1.id = u.parent_id LEFT JOIN unit u2 ON u2.id = u1.parent_id "

/* the commune and province of a row kept at a commune, or at one of its hamlets */
#define IN_COMMUNE "CASE u.kind WHEN 'hamlet' THEN u.parent_id ELSE u.id END, " \
    "coalesce(CASE u.kind WHEN 'hamlet' THEN u1.parent_id ELSE u.parent_id END, 0)"

static const char *const SQL[] = {
    /* units: the path is the unit's parents */
    "SELECT x.kind, x.id, x.name, u1.name, u2.name, x.pid, coalesce(u1.parent_id, 0) FROM "
    "(SELECT substr(kind, 1, 1) AS kind, id, name, name_key AS k, parent_id AS pid, sort_key AS s, "
    " CASE kind WHEN 'province' THEN 0 WHEN 'commune' THEN 1 ELSE 2 END AS lv FROM unit WHERE active) x "
    "LEFT JOIN unit u ON u.id = x.id " ABOVE "WHERE " WORDS " ORDER BY x.lv, x.s LIMIT ?5",
    /* organisations and people sit in a commune (or a hamlet) */
    "SELECT 'o', x.id, x.name, u.name, u1.name, " IN_COMMUNE " FROM "
    "(SELECT id, name, name_key AS k, unit_id, sort_key AS s FROM org) x JOIN unit u ON u.id = x.unit_id "
    "LEFT JOIN unit u1 ON u1.id = u.parent_id WHERE " WORDS " ORDER BY x.s LIMIT ?5",
    "SELECT 'n', x.id, x.name, u.name, u1.name, " IN_COMMUNE " FROM "
    "(SELECT id, full_name AS name, name_key AS k, unit_id, sort_key AS s FROM person) x JOIN unit u ON u.id = x.unit_id "
    "LEFT JOIN unit u1 ON u1.id = u.parent_id WHERE " WORDS " ORDER BY x.s LIMIT ?5",
    /* tasks: their hamlet (or the commune for commune-wide ones) */
    "SELECT 't', x.id, x.title, coalesce(h.name, ''), c.name, x.hamlet_id, x.commune_id, c.parent_id FROM "
    "(SELECT id, title, title_key AS k, commune_id, coalesce(hamlet_id, 0) AS hamlet_id, deadline FROM task "
    " WHERE status <> 'cancelled') x JOIN unit c ON c.id = x.commune_id LEFT JOIN unit h ON h.id = x.hamlet_id "
    "WHERE " WORDS " ORDER BY x.deadline IS NULL, x.deadline, x.id LIMIT ?5",
};

static void path2(char *out, size_t n, const char *a, const char *b)
{
    if (a && *a && b && *b) snprintf(out, n, "%s › %s", b, a);
    else snprintf(out, n, "%s", a && *a ? a : b ? b : "");
}

static void read_hit(sqlite3_stmt *st, goto_hit *h)
{
    memset(h, 0, sizeof *h);
    const char *k = (const char *)sqlite3_column_text(st, 0);
    h->kind = k ? k[0] : '?';
    h->id = sqlite3_column_int64(st, 1);
    col_text(h->name, sizeof h->name, st, 2);
    const char *near = (const char *)sqlite3_column_text(st, 3), *far = (const char *)sqlite3_column_text(st, 4);
    if (h->kind == 't') {                 /* hamlet, commune, province */
        path2(h->where, sizeof h->where, near, far);
        h->hamlet_id = sqlite3_column_int64(st, 5);
        h->commune_id = sqlite3_column_int64(st, 6);
        h->province_id = sqlite3_column_int64(st, 7);
    } else if (h->kind == 'o' || h->kind == 'n') {   /* the unit they belong to and its parent */
        path2(h->where, sizeof h->where, near, far);
        h->commune_id = sqlite3_column_int64(st, 5);
        h->province_id = sqlite3_column_int64(st, 6);
    } else {                              /* a unit: its parents */
        path2(h->where, sizeof h->where, near, far);
        int64_t parent = sqlite3_column_int64(st, 5), grand = sqlite3_column_int64(st, 6);
        if (h->kind == 'c') h->province_id = parent;
        if (h->kind == 'h') { h->commune_id = parent; h->province_id = grand; }
    }
}

/* Up to 4 words of the folded query into w (each a NUL-terminated copy). */
static int split_words(const char *folded, char w[4][128])
{
    int n = 0;
    for (const char *p = folded; *p && n < 4;) {
        while (*p == ' ') p++;
        size_t len = strcspn(p, " ");
        if (!len) break;
        if (len > 127) len = 127;
        memcpy(w[n], p, len);
        w[n++][len] = 0;
        p += strcspn(p, " ");
    }
    return n;
}

int goto_search(ntm_db *db, const char *query, int max, goto_hit **out, int *n)
{
    *out = NULL;
    *n = 0;
    char *q = text_fold(query ? query : "");
    if (!q) return db_fail(db, DB_INVALID, "%s", _("Từ tìm không phải UTF-8 hợp lệ"));
    char w[4][128] = { "", "", "", "" };
    int nw = split_words(q, w);
    free(q);
    if (!nw || max <= 0) return DB_OK;
    goto_hit *v = calloc((size_t)max, sizeof *v);
    if (!v) return db_fail(db, DB_ERR, "out of memory");
    int rc = DB_OK;
    for (size_t s = 0; s < sizeof SQL / sizeof SQL[0] && *n < max && !rc; s++) {
        sqlite3_stmt *st = db_stmt(db, SQL[s]);
        if (!st) { rc = DB_ERR; break; }
        for (int i = 0; i < 4; i++) sqlite3_bind_text(st, i + 1, w[i], -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(st, 5, max - *n);
        int r;
        while ((r = sqlite3_step(st)) == SQLITE_ROW && *n < max) read_hit(st, &v[(*n)++]);
        if (r != SQLITE_ROW && r != SQLITE_DONE) rc = db_sqlite_error(db, r);
        sqlite3_reset(st);
    }
    if (rc) { free(v); *n = 0; return rc; }
    *out = v;
    return DB_OK;
}

const char *goto_kind_label(char kind)
{
    switch (kind) {
    case 'p': return _("Tỉnh");
    case 'c': return _("Xã");
    case 'h': return _("Thôn");
    case 'o': return _("Tổ chức");
    case 'n': return _("Người");
    case 't': return _("Đầu việc");
    default:  return "";
    }
}
