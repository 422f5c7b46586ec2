/* pick: candidates for the reference pickers, read per commune through indexes and
 * filtered in C with the folded keys (SQLite's LIKE knows no Vietnamese). */
#include "model/pick.h"
#include "model/db_internal.h"
#include "model/i18n.h"
#include "model/org.h"
#include "model/person.h"
#include "model/rows.h"
#include "model/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PICK_DEFAULT_LIMIT 200

void pick_list_free(pick_list *l) { free(l->v); memset(l, 0, sizeof *l); }

typedef struct { pick_list *out; int cap, limit; const char *q; } picker;

/* Add one candidate when it matches; 1 when the list is full. */
static int offer(ntm_db *db, picker *p, int64_t id, char kind, const char *label, const char *key_src)
{
    char *key = text_fold(key_src ? key_src : "");
    if (!key) return 0;
    int match = text_match(key, p->q);
    if (match && p->out->n >= p->limit) { p->out->more = 1; free(key); return 1; }
    if (match) {
        pick_item *v = rows_room(p->out->v, p->out->n, &p->cap, sizeof *v);
        if (!v) { free(key); db_fail(db, DB_ERR, "out of memory"); return -1; }
        p->out->v = v;
        pick_item *it = &p->out->v[p->out->n++];
        it->id = id;
        it->kind = kind;
        text_copy(it->label, sizeof it->label, label ? label : "");
        text_copy(it->key, sizeof it->key, key);
    }
    free(key);
    return 0;
}

static int start(ntm_db *db, picker *p, pick_list *out, const char *query, int limit, char **q)
{
    memset(out, 0, sizeof *out);
    p->out = out; p->cap = 0;
    p->limit = limit > 0 ? limit : PICK_DEFAULT_LIMIT;
    *q = text_fold(query ? query : "");
    if (!*q) return db_fail(db, DB_INVALID, "%s", _("Chuỗi tìm có ký tự không hợp lệ (không phải UTF-8)"));
    p->q = *q;
    return DB_OK;
}

/* Run st (already bound) whose columns are id, label, key source; 1 when full. */
static int run(ntm_db *db, picker *p, sqlite3_stmt *st, char kind, int *rc)
{
    int r, full = 0;
    while (!full && (r = sqlite3_step(st)) == SQLITE_ROW) {
        full = offer(db, p, sqlite3_column_int64(st, 0), kind, (const char *)sqlite3_column_text(st, 1),
                     (const char *)sqlite3_column_text(st, 2));
        if (full < 0) { *rc = DB_ERR; sqlite3_reset(st); return 1; }
    }
    if (!full && r != SQLITE_DONE) { *rc = db_sqlite_error(db, r); full = 1; }
    sqlite3_reset(st);
    return full;
}

/* One source of candidates: a statement of the commune (?1) with the columns run reads,
 * the kind it offers, and the PICK_ flag that asks for it (0: always read). */
typedef struct { int bit; const char *sql; char kind; } pick_source;

/* Candidates from each source asked for, in order, until the list is full. */
static int pick_from(ntm_db *db, const pick_source *src, int nsrc, int kinds, int64_t commune_id,
                     const char *query, int limit, pick_list *out)
{
    picker p;
    char *q = NULL;
    int rc = start(db, &p, out, query, limit, &q);
    if (rc) return rc;
    for (int i = 0; i < nsrc && !rc; i++) {
        if (src[i].bit && !(kinds & src[i].bit)) continue;
        sqlite3_stmt *st = db_stmt(db, src[i].sql);
        if (!st) { rc = DB_ERR; break; }
        sqlite3_bind_int64(st, 1, commune_id);
        if (run(db, &p, st, src[i].kind, &rc)) break;
    }
    free(q);
    if (rc) pick_list_free(out);
    return rc;
}

int pick_owners(ntm_db *db, int64_t commune_id, int kinds, const char *query, int limit, pick_list *out)
{
    static const pick_source src[] = {
        { PICK_ORG, "SELECT id, name || coalesce(' (' || short_name || ')', ''), name || ' ' || coalesce(short_name, '') "
                    "FROM org WHERE unit_id = ?1 ORDER BY sort_key, id", 'o' },
        { PICK_HAMLET, "SELECT id, name, 'thon ' || name FROM unit WHERE parent_id = ?1 AND active = 1 ORDER BY sort_key, id", 'h' },
        { PICK_PERSON, "SELECT id, full_name || coalesce(' - ' || position, ''), full_name || ' ' || coalesce(position, '') "
                       "FROM person WHERE unit_id IN (SELECT ?1 UNION ALL SELECT id FROM unit WHERE parent_id = ?1) "
                       "ORDER BY sort_key, id", 'p' },
    };
    return pick_from(db, src, 3, kinds, commune_id, query, limit, out);
}

int pick_hamlets(ntm_db *db, int64_t commune_id, const char *query, int limit, pick_list *out)
{
    static const pick_source src = {
        0, "SELECT id, name, name FROM unit WHERE parent_id = ?1 AND active = 1 ORDER BY sort_key, id", 'h' };
    return pick_from(db, &src, 1, 0, commune_id, query, limit, out);
}

int pick_criteria(ntm_db *db, int64_t commune_id, const char *query, int limit, pick_list *out)
{
    static const pick_source src = { 0, "SELECT c.id, c.number || '. ' || c.name, c.number || ' ' || c.name FROM criterion c "
        "WHERE c.set_id = (SELECT criteria_set_id FROM unit WHERE id = ?1) ORDER BY c.number", 'c' };
    return pick_from(db, &src, 1, 0, commune_id, query, limit, out);
}

int pick_campaigns(ntm_db *db, int64_t commune_id, const char *query, int limit, pick_list *out)
{
    static const pick_source src = { 0, "SELECT id, coalesce(doc_number || ' ', '') || name || ' (' || substr(start_date, 9, 2) || '/' || "
        "substr(start_date, 6, 2) || '/' || substr(start_date, 1, 4) || ' - ' || substr(end_date, 9, 2) || '/' || "
        "substr(end_date, 6, 2) || '/' || substr(end_date, 1, 4) || ')', coalesce(doc_number, '') || ' ' || name "
        "FROM campaign WHERE unit_id = ?1 ORDER BY start_date DESC, id DESC", 'g' };
    return pick_from(db, &src, 1, 0, commune_id, query, limit, out);
}

/* "o3" / "p7": an organisation's or a person's id, as the candidates list shows them. */
static int owner_ref(const char *s, char *kind, int64_t *id)
{
    if ((s[0] != 'o' && s[0] != 'p') || !s[1] || strspn(s + 1, "0123456789") != strlen(s + 1)) return 0;
    *kind = s[0];
    *id = strtoll(s + 1, NULL, 10);
    return *id > 0;
}

/* 1 when the folded query is the owner's whole name (or an organisation's short name). */
static int owner_exact(ntm_db *db, const pick_item *it, const char *q)
{
    char a[804] = "", b[124] = "";
    if (it->kind == 'o') {
        org_rec *r = malloc(sizeof *r);
        if (r && org_read(db, it->id, r) == DB_OK) { text_copy(a, sizeof a, r->name); text_copy(b, sizeof b, r->short_name); }
        free(r);
    } else {
        person_rec *r = malloc(sizeof *r);
        if (r && person_read(db, it->id, r) == DB_OK) text_copy(a, sizeof a, r->full_name);
        free(r);
    }
    char *fa = text_fold(a), *fb = text_fold(b);
    int hit = (fa && !strcmp(fa, q)) || (fb && b[0] && !strcmp(fb, q));
    free(fa); free(fb);
    return hit;
}

/* "\n  label [o3]" for each, while they fit the message (db errors hold 512 bytes);
 * brief: "HND [o206], Nguyễn Thị Nguyệt [p12], ..." (short names, no positions). */
static void owner_list(const pick_list *l, int brief, char *out, size_t n)
{
    out[0] = 0;
    for (int i = 0; i < l->n; i++) {
        char name[256], item[320];
        text_copy(name, sizeof name, l->v[i].label);
        char *cut = brief ? strstr(name, l->v[i].kind == 'o' ? " (" : " - ") : NULL;
        if (cut && l->v[i].kind == 'o' && name[strlen(name) - 1] == ')') {     /* "Hội Nông dân (HND)" -> "HND" */
            memmove(name, cut + 2, strlen(cut + 2) + 1);
            name[strlen(name) - 1] = 0;
        } else if (cut) {
            *cut = 0;
        }
        snprintf(item, sizeof item, "%s%s [%c%lld]", !brief ? "\n  " : out[0] ? ", " : " ", name, l->v[i].kind,
                 (long long)l->v[i].id);
        size_t k = strlen(out);
        if (k + strlen(item) + 8 > n) { if (k + 6 < n) snprintf(out + k, n - k, brief ? ", …" : "\n  …"); return; }
        memcpy(out + k, item, strlen(item) + 1);
    }
}

int pick_owner_find(ntm_db *db, int64_t commune_id, const char *name, char *kind, int64_t *id)
{
    pick_list l;
    if (owner_ref(name, kind, id)) {                     /* checked against the commune below */
        int rc = pick_owners(db, commune_id, *kind == 'o' ? PICK_ORG : PICK_PERSON, "", 0, &l);
        int found = 0;
        for (int i = 0; !rc && i < l.n; i++) found |= l.v[i].id == *id;
        pick_list_free(&l);
        if (rc) return rc;
        if (found) return DB_OK;
    }
    int rc = pick_owners(db, commune_id, PICK_ORG | PICK_PERSON, name, 40, &l);
    if (rc) return rc;
    char *q = text_fold(name), list[360];
    int n_exact = 0, exact = -1;
    for (int i = 0; q && i < l.n; i++)
        if (owner_exact(db, &l.v[i], q)) { n_exact++; exact = i; }
    owner_list(&l, 0, list, sizeof list);
    if (n_exact == 1 || (n_exact == 0 && l.n == 1)) {
        const pick_item *it = &l.v[n_exact ? exact : 0];
        *kind = it->kind; *id = it->id;
        rc = DB_OK;
    } else if (!l.n) {                                   /* list them all instead */
        pick_list all;
        if (pick_owners(db, commune_id, PICK_ORG | PICK_PERSON, "", 60, &all) == DB_OK) {
            owner_list(&all, 1, list, sizeof list);
            pick_list_free(&all);
        }
        rc = db_fail(db, DB_NOTFOUND, _("Không có tổ chức hay người nào tên \"%s\" ở xã này. Có:%s"), name, list);
    } else {
        rc = db_fail(db, DB_INVALID, _("Tên \"%s\" khớp nhiều nơi; ghi rõ hơn, hoặc dùng mã trong ngoặc vuông:%s"), name, list);
    }
    free(q);
    pick_list_free(&l);
    return rc;
}
