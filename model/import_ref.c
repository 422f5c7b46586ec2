/* import_ref: what the names in a file refer to (communes, hamlets, owners, criteria,
 * campaigns), read once per commune and matched in C on folded keys as unit_find does
 * (whole name first, else a unique part; ambiguous or unknown names list the
 * candidates); and a small hash table of the stored rows' natural keys, so 1,500 rows
 * are matched without 1,500 scans. */
#include "model/import_int.h"
#include "model/i18n.h"
#include "model/text.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { char code[24]; char *label, *name; char *keys[3]; } ref_cand;   /* name: label without the commune */
typedef struct { char kind; int64_t scope; ref_cand *v; int n, cap; } ref_set;
struct imp_refs { ref_set *sets; int n, cap; };

imp_refs *imp_refs_new(void) { return calloc(1, sizeof(imp_refs)); }

void imp_refs_free(imp_refs *r)
{
    if (!r) return;
    for (int i = 0; i < r->n; i++) {
        for (int k = 0; k < r->sets[i].n; k++) {
            free(r->sets[i].v[k].label);
            free(r->sets[i].v[k].name);
            for (int m = 0; m < 3; m++) free(r->sets[i].v[k].keys[m]);
        }
        free(r->sets[i].v);
    }
    free(r->sets);
    free(r);
}

/* Columns: code, name, key source, another key source, and a prefix kind: 'h' for an
 * owner hamlet ("thôn Nậy"), 'c' when column 5 is the commune of a hamlet listed
 * anywhere ("Thiên Nhẫn (xã Sơn Tiến)"). */
static const char *SQL_COMMUNES = "SELECT id, name, name, NULL, NULL, NULL FROM unit WHERE kind = 'commune' AND active = 1 ORDER BY sort_key";
static const char *SQL_HAMLETS = "SELECT id, name, name, NULL, NULL, NULL FROM unit WHERE parent_id = ?1 AND kind = 'hamlet' AND active = 1 "
                                 "ORDER BY sort_key";
static const char *SQL_HAMLETS_ALL = "SELECT h.id, h.name, h.name, NULL, 'c', c.name FROM unit h JOIN unit c ON c.id = h.parent_id "
                                     "WHERE h.kind = 'hamlet' AND h.active = 1 ORDER BY h.sort_key, c.sort_key";
static const char *SQL_ORGS = "SELECT 'o' || id, name, name, short_name, NULL, NULL FROM org WHERE unit_id = ?1 ORDER BY sort_key";
static const char *SQL_PEOPLE = "SELECT 'p' || id, full_name, full_name, NULL, NULL, NULL FROM person WHERE unit_id = ?1 "
                                "OR unit_id IN (SELECT id FROM unit WHERE parent_id = ?1) ORDER BY sort_key";
static const char *SQL_OWNER_HAMLETS = "SELECT 'h' || id, name, name, 'thôn ' || name, 'h', NULL FROM unit WHERE parent_id = ?1 "
                                       "AND kind = 'hamlet' AND active = 1 ORDER BY sort_key";
static const char *SQL_CRITERIA = "SELECT id, number || '. ' || name, number, name, NULL, NULL FROM criterion "
                                  "WHERE set_id = (SELECT criteria_set_id FROM unit WHERE id = ?1) ORDER BY number";
static const char *SQL_CAMPAIGNS = "SELECT id, coalesce(doc_number || ' ', '') || name, doc_number, name, NULL, NULL FROM campaign "
                                   "WHERE unit_id = ?1 ORDER BY start_date DESC, id DESC";

static int add_cand(ref_set *s, sqlite3_stmt *st)
{
    if (s->n >= s->cap) {
        int cap = s->cap ? s->cap * 2 : 32;
        ref_cand *v = realloc(s->v, (size_t)cap * sizeof *v);
        if (!v) return -1;
        s->v = v; s->cap = cap;
    }
    ref_cand *c = &s->v[s->n];
    memset(c, 0, sizeof *c);
    const char *name = (const char *)sqlite3_column_text(st, 1), *pre = (const char *)sqlite3_column_text(st, 4);
    const char *commune = (const char *)sqlite3_column_text(st, 5);
    char label[640];
    if (pre && *pre == 'h') snprintf(label, sizeof label, _("thôn %s"), name ? name : "");
    else if (pre && *pre == 'c') snprintf(label, sizeof label, _("%s (xã %s)"), name ? name : "", commune ? commune : "");
    else snprintf(label, sizeof label, "%s", name ? name : "");
    text_copy(c->code, sizeof c->code, (const char *)sqlite3_column_text(st, 0));
    if (!(c->label = strdup(label)) || !(c->name = strdup(pre && *pre == 'c' ? name : label))) return -1;
    c->keys[0] = text_fold(label);
    for (int k = 1; k < 3; k++)
        if (sqlite3_column_text(st, k + 1)) c->keys[k] = text_fold((const char *)sqlite3_column_text(st, k + 1));
    s->n++;
    return 0;
}

static ref_set *load_set(import_job *j, imp_refs *r, char kind, int64_t scope)
{
    for (int i = 0; i < r->n; i++) if (r->sets[i].kind == kind && r->sets[i].scope == scope) return &r->sets[i];
    if (r->n >= r->cap) {
        int cap = r->cap ? r->cap * 2 : 8;
        ref_set *v = realloc(r->sets, (size_t)cap * sizeof *v);
        if (!v) return NULL;
        r->sets = v; r->cap = cap;
    }
    ref_set *s = &r->sets[r->n++];
    memset(s, 0, sizeof *s);
    s->kind = kind; s->scope = scope;
    const char *sql[3] = { NULL, NULL, NULL };
    switch (kind) {
    case 'c': sql[0] = SQL_COMMUNES; break;
    case 'h': sql[0] = scope ? SQL_HAMLETS : SQL_HAMLETS_ALL; break;
    case 'o': sql[0] = SQL_ORGS; sql[1] = SQL_PEOPLE; sql[2] = SQL_OWNER_HAMLETS; break;
    case 'k': sql[0] = SQL_CRITERIA; break;
    case 'g': sql[0] = SQL_CAMPAIGNS; break;
    }
    ntm_db *db = imp_db(j);
    for (int i = 0; i < 3 && sql[i]; i++) {
        sqlite3_stmt *st = db_stmt(db, sql[i]);
        if (!st) return NULL;
        sqlite3_bind_int64(st, 1, scope);
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            if (add_cand(s, st)) { sqlite3_reset(st); return NULL; }
        sqlite3_reset(st);
        if (rc != SQLITE_DONE) { db_sqlite_error(db, rc); return NULL; }
    }
    return s;
}

static const char *kind_word(char kind)
{
    switch (kind) {
    case 'c': return _("xã");
    case 'h': return _("thôn");
    case 'o': return _("tổ chức, người hay thôn phụ trách");
    case 'k': return _("tiêu chí");
    default:  return _("đợt/kế hoạch");
    }
}

/* Labels of the candidates (those with hit[i], or all when hit is NULL), as many as fit. */
static void list_labels(const ref_set *s, const char *hit, char *out, size_t n)
{
    size_t o = 0;
    int shown = 0, total = 0;
    out[0] = 0;
    for (int i = 0; i < s->n; i++) {
        if (hit && !hit[i]) continue;
        total++;
        if (shown >= 8 || o + strlen(s->v[i].label) + 8 >= n) continue;
        o += (size_t)snprintf(out + o, n - o, "%s%s", shown ? ", " : "", s->v[i].label);
        shown++;
    }
    if (total > shown && o + 16 < n) snprintf(out + o, n - o, _(", … (%d nữa)"), total - shown);
    if (!total) snprintf(out, n, "%s", _("(chưa có)"));
}

int imp_ref_find(import_job *j, imp_refs *r, char kind, int64_t scope, const char *value,
                 char *canon, size_t cn, char *msg, size_t mn)
{
    canon[0] = 0;
    char *q = text_fold(value);
    if (!q) return snprintf(msg, mn, "%s", _("có ký tự không hợp lệ (không phải UTF-8)")), DB_INVALID;
    char *s = q + strspn(q, " ");
    for (size_t len = strlen(s); len && s[len - 1] == ' '; ) s[--len] = 0;
    if (!*s) { free(q); return DB_OK; }
    ref_set *set = load_set(j, r, kind, scope);
    char *hit = set ? calloc((size_t)set->n + 1, 1) : NULL;
    if (!hit) { free(q); snprintf(msg, mn, "%s", db_errmsg(imp_db(j))); return DB_ERR; }
    int exact = 0, part = 0, pick = -1;
    for (int i = 0; i < set->n; i++)
        for (int k = 0; k < 3; k++)
            if (set->v[i].keys[k] && !strcmp(set->v[i].keys[k], s)) { hit[i] = 1; exact++; pick = i; break; }
    if (!exact)
        for (int i = 0; i < set->n; i++)
            for (int k = 0; k < 3; k++)
                if (set->v[i].keys[k] && text_match(set->v[i].keys[k], s)) { hit[i] = 1; part++; pick = i; break; }
    int rc = DB_OK;
    char list[1024], where[300] = "";
    if (exact == 1 || (!exact && part == 1)) {
        text_copy(canon, cn, set->v[pick].code);
    } else if (exact + part > 1) {
        list_labels(set, hit, list, sizeof list);
        snprintf(msg, mn, _("\"%s\" khớp nhiều %s: %s; hãy ghi rõ hơn"),
                 value, kind_word(kind), list);
        rc = DB_INVALID;
    } else {
        list_labels(set, NULL, list, sizeof list);        /* before another set loads (set may move) */
        if (scope && kind != 'c') {
            char code[24];
            snprintf(code, sizeof code, "%lld", (long long)scope);
            snprintf(where, sizeof where, _(" ở xã %s"), imp_ref_label(j, r, 'c', 0, code));
        }
        snprintf(msg, mn, _("không có %s nào là \"%s\"%s. Có: %s"), kind_word(kind), value, where, list);
        rc = DB_NOTFOUND;
    }
    free(hit);
    free(q);
    return rc;
}

const char *imp_ref_label(import_job *j, imp_refs *r, char kind, int64_t scope, const char *canon)
{
    if (!canon || !*canon) return "";
    ref_set *set = load_set(j, r, kind, scope);
    for (int i = 0; set && i < set->n; i++) if (!strcmp(set->v[i].code, canon)) return set->v[i].name;
    return canon;
}

/* ---- keys of stored rows ---------------------------------------------------------- */
typedef struct { char *key; int n; int64_t id; } key_slot;
struct imp_keys { key_slot *v; size_t cap, used; };

imp_keys *imp_keys_new(void) { return calloc(1, sizeof(imp_keys)); }

void imp_keys_free(imp_keys *k)
{
    if (!k) return;
    for (size_t i = 0; i < k->cap; i++) free(k->v[i].key);
    free(k->v);
    free(k);
}

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;                 /* FNV-1a */
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static key_slot *slot_of(key_slot *v, size_t cap, const char *key)
{
    for (size_t i = hash(key) & (cap - 1);; i = (i + 1) & (cap - 1))
        if (!v[i].key || !strcmp(v[i].key, key)) return &v[i];
}

int imp_key_add(imp_keys *k, const char *key, int64_t id)
{
    if ((k->used + 1) * 2 > k->cap) {
        size_t cap = k->cap ? k->cap * 2 : 1024;
        key_slot *v = calloc(cap, sizeof *v);
        if (!v) return -1;
        for (size_t i = 0; i < k->cap; i++) if (k->v[i].key) *slot_of(v, cap, k->v[i].key) = k->v[i];
        free(k->v);
        k->v = v; k->cap = cap;
    }
    key_slot *s = slot_of(k->v, k->cap, key);
    if (!s->key) {
        if (!(s->key = strdup(key))) return -1;
        k->used++;
    }
    s->n++;
    s->id = id;
    return 0;
}

int imp_key_get(const imp_keys *k, const char *key, int64_t *id)
{
    if (!k->cap) return 0;
    const key_slot *s = slot_of(k->v, k->cap, key);
    if (!s->key) return 0;
    if (id) *id = s->id;
    return s->n;
}
