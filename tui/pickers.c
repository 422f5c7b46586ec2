/* pickers: the reference fields' candidates and labels (pickers.h). */
#include "tui/pickers.h"
#include "model/i18n.h"
#include "model/text.h"
#include "model/unit.h"
#include <stdio.h>
#include <string.h>

enum { PICK_ALL = 100000 };
#define OWNER_SHIFT 40
#define OWNER_MASK ((INT64_C(1) << OWNER_SHIFT) - 1)

int64_t entry_owner_code(char kind, int64_t id)
{
    if (id <= 0) return 0;
    int64_t k = kind == 'p' ? 1 : kind == 'h' ? 2 : 0;
    return (k << OWNER_SHIFT) | (id & OWNER_MASK);
}

char entry_owner_kind(int64_t code, int64_t *id)
{
    if (id) *id = 0;
    if (code <= 0) return 0;
    if (id) *id = code & OWNER_MASK;
    int64_t k = code >> OWNER_SHIFT;
    return k == 1 ? 'p' : k == 2 ? 'h' : 'o';
}

const char *entry_whole_label(void) { return _("— Toàn xã (việc chung của xã)"); }

/* What a picker row says: hamlets among owners are named as hamlets. */
static void owner_label(const pick_item *it, char *out, size_t n)
{
    if (it->kind == 'h') snprintf(out, n, _("Thôn %s"), it->label);
    else text_copy(out, n, it->label);
}

void entry_fill_owners(void *ctx, picker *p)
{
    entry_pick *c = ctx;
    pick_list l;
    char label[300];
    if (pick_owners(c->db, c->commune_id, c->owner_kinds, "", PICK_ALL, &l) != DB_OK) return;
    for (int i = 0; i < l.n; i++) {
        owner_label(&l.v[i], label, sizeof label);
        picker_add(p, entry_owner_code(l.v[i].kind, l.v[i].id), label, l.v[i].key);
    }
    pick_list_free(&l);
}

void entry_fill_hamlets(void *ctx, picker *p)
{
    entry_pick *c = ctx;
    pick_list l;
    if (c->whole) picker_add(p, ENTRY_WHOLE, entry_whole_label(), "toan xa chung whole commune");
    if (pick_hamlets(c->db, c->commune_id, "", PICK_ALL, &l) != DB_OK) return;
    for (int i = 0; i < l.n; i++) picker_add(p, l.v[i].id, l.v[i].label, l.v[i].key);
    pick_list_free(&l);
}

void entry_fill_criteria(void *ctx, picker *p)
{
    entry_pick *c = ctx;
    pick_list l;
    if (pick_criteria(c->db, c->commune_id, "", PICK_ALL, &l) != DB_OK) return;
    for (int i = 0; i < l.n; i++) picker_add(p, l.v[i].id, l.v[i].label, l.v[i].key);
    pick_list_free(&l);
}

void entry_fill_campaigns(void *ctx, picker *p)
{
    entry_pick *c = ctx;
    pick_list l;
    if (pick_campaigns(c->db, c->commune_id, "", PICK_ALL, &l) != DB_OK) return;
    for (int i = 0; i < l.n; i++) picker_add(p, l.v[i].id, l.v[i].label, l.v[i].key);
    pick_list_free(&l);
}

static void place_label(ntm_db *db, int64_t id, char *out, size_t n)
{
    unit_row u;
    out[0] = 0;
    if (unit_get(db, id, &u) != DB_OK) return;
    snprintf(out, n, u.kind == 'c' ? _("Xã %s") : _("Thôn %s"), u.name);
}

void entry_fill_places(void *ctx, picker *p)
{
    entry_pick *c = ctx;
    char label[300];
    place_label(c->db, c->commune_id, label, sizeof label);
    if (label[0]) picker_add(p, c->commune_id, label, NULL);
    pick_list l;
    if (pick_hamlets(c->db, c->commune_id, "", PICK_ALL, &l) != DB_OK) return;
    for (int i = 0; i < l.n; i++) {
        snprintf(label, sizeof label, _("Thôn %s"), l.v[i].label);
        picker_add(p, l.v[i].id, label, NULL);
    }
    pick_list_free(&l);
}

void entry_label(ntm_db *db, int64_t commune_id, char what, int64_t id, char *out, size_t n)
{
    pick_list l;
    int rc;
    out[0] = 0;
    if (!id) return;
    switch (what) {
    case 'H': {
        unit_row u;
        if (id == ENTRY_WHOLE) text_copy(out, n, entry_whole_label());
        else if (unit_get(db, id, &u) == DB_OK) text_copy(out, n, u.name);
        return;
    }
    case 'P': place_label(db, id, out, n); return;
    case 'o': rc = pick_owners(db, commune_id, PICK_ORG, "", PICK_ALL, &l); break;
    case 'p': rc = pick_owners(db, commune_id, PICK_PERSON, "", PICK_ALL, &l); break;
    case 'h': rc = pick_owners(db, commune_id, PICK_HAMLET, "", PICK_ALL, &l); break;
    case 'c': rc = pick_criteria(db, commune_id, "", PICK_ALL, &l); break;
    case 'g': rc = pick_campaigns(db, commune_id, "", PICK_ALL, &l); break;
    default: return;
    }
    if (rc != DB_OK) return;
    for (int i = 0; i < l.n; i++)
        if (l.v[i].id == id) { owner_label(&l.v[i], out, n); break; }
    pick_list_free(&l);
}

/* ---- the views' pickers ---------------------------------------------------------------- */

/* Owners mix three tables, so their picker ids carry the kind in the two low bits. */
int64_t view_owner_code(char kind, int64_t id) { return id * 4 + (kind == 'o' ? 1 : kind == 'p' ? 2 : 3); }
char view_owner_kind(int64_t code) { return code % 4 == 1 ? 'o' : code % 4 == 2 ? 'p' : 'h'; }

int view_pick_load(ntm_db *db, const view_pick *v, pick_list *out)
{
    switch (v->what) {
    case VIEW_PICK_OWNER: return pick_owners(db, v->commune_id, v->kinds, "", 5000, out);
    case VIEW_PICK_HAMLET: return pick_hamlets(db, v->commune_id, "", 5000, out);
    case VIEW_PICK_CRITERION: return pick_criteria(db, v->commune_id, "", 5000, out);
    default: return pick_campaigns(db, v->commune_id, "", 5000, out);
    }
}

static int64_t code_of(const view_pick *v, const pick_item *it)
{
    return v->what == VIEW_PICK_OWNER ? view_owner_code(it->kind, it->id) : it->id;
}

void view_pick_fill(void *ctx, picker *p)
{
    view_pick *v = ctx;
    pick_list l;
    if (v->none) picker_add(p, 0, _(v->none), NULL);
    if (view_pick_load(v->db, v, &l) != DB_OK) return;
    for (int i = 0; i < l.n; i++) picker_add(p, code_of(v, &l.v[i]), l.v[i].label, l.v[i].key);
    pick_list_free(&l);
}

int view_pick_label(const view_pick *v, int64_t code, char *out, size_t n)
{
    pick_list l;
    out[0] = 0;
    if (code <= 0 || view_pick_load(v->db, v, &l) != DB_OK) return -1;
    for (int i = 0; i < l.n; i++)
        if (code_of(v, &l.v[i]) == code) { text_copy(out, n, l.v[i].label); break; }
    pick_list_free(&l);
    return out[0] ? 0 : -1;
}
