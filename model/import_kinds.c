/* import_kinds: hamlets and households as the import engine sees them: their columns
 * (the header in each language and other names people write), their natural keys, and
 * their stored rows read and written through the same model calls the forms use
 * (unit_create / unit_update, household_create / household_update). Tasks: import_task.c. */
#include "model/import_int.h"
#include "model/entity.h"
#include "model/household.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *id_text(int64_t id)
{
    char b[24];
    snprintf(b, sizeof b, "%lld", (long long)id);
    return strdup(b);
}

/* ---- hamlets --------------------------------------------------------------------------- */
enum { H_UUID, H_LEVEL, H_COMMUNE, H_NAME, H_POP, H_HH, H_NOTE, H_NCOLS };

static const imp_col HAMLET_COLS[H_NCOLS] = {
    [H_UUID]    = { "uuid", "uuid", "ma dinh danh", IT_UUID, 0, 0, 0 },
    [H_LEVEL]   = { "Cấp", "Level", "cap don vi", IT_TEXT, IF_KEYONLY, 20, 0 },
    [H_COMMUNE] = { "Xã", "Commune", "ten xa|xa phuong|phuong", IT_REF, IF_CONTEXT, 0, 'c' },
    [H_NAME]    = { "Thôn", "Hamlet", "ten thon|thon ban|thon xom|ban|xom|to dan pho|ten|name", IT_TEXT, IF_REQUIRED, 200, 0 },
    [H_POP]     = { "Dân số", "Population", "so dan|so khau|so nhan khau|nhan khau", IT_COUNT, 0, 0, 0 },
    [H_HH]      = { "Số hộ", "Households", "so ho gia dinh|ho gia dinh", IT_COUNT, 0, 0, 0 },
    [H_NOTE]    = { "Ghi chú", "Note", "notes", IT_TEXT, 0, 1000, 0 },
};

static int64_t hamlet_scope(import_job *j, const imp_row *r) { return imp_commune(j, r); }

static char *hamlet_key_of(int64_t commune, const char *name)
{
    char c[24];
    snprintf(c, sizeof c, "%lld", (long long)commune);
    return imp_join(1, c, name, (char *)NULL);
}

static char *hamlet_key(import_job *j, const imp_row *r, char type)
{
    return type == 'F' ? hamlet_key_of(imp_commune(j, r), r->v[H_NAME]) : NULL;
}

static int hamlet_index(import_job *j, int64_t commune)
{
    static const char *sql = "SELECT id, name FROM unit WHERE parent_id = ?1 AND kind = 'hamlet' AND active = 1";
    sqlite3_stmt *st = db_stmt(imp_db(j), sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, commune);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (imp_index_add(j, 'F', hamlet_key_of(commune, (const char *)sqlite3_column_text(st, 1)), sqlite3_column_int64(st, 0))) break;
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? DB_OK : db_sqlite_error(imp_db(j), rc);
}

static int hamlet_load(import_job *j, int64_t id, char **old, int64_t *version)
{
    unit_rec u;
    int rc = unit_read(imp_db(j), id, &u);
    if (rc) return rc;
    *version = u.version;
    old[H_COMMUNE] = id_text(u.parent_id);
    old[H_NAME] = strdup(u.name);
    old[H_POP] = imp_num(u.population, u.population < 0);
    old[H_HH] = imp_num(u.households, u.households < 0);
    old[H_NOTE] = strdup(u.note);
    return DB_OK;
}

static int hamlet_write(import_job *j, const imp_row *r)
{
    ntm_db *db = imp_db(j);
    if (!r->id) {
        unit_fields f = { .name = r->v[H_NAME], .population = r->v[H_POP], .households = r->v[H_HH], .note = r->v[H_NOTE] };
        return unit_create(db, 'h', imp_commune(j, r), &f, NULL);
    }
    unit_rec u;
    int rc = unit_read(db, r->id, &u);
    if (rc) return rc;
    char pop[24] = "", hh[24] = "";
    if (u.population >= 0) snprintf(pop, sizeof pop, "%lld", u.population);
    if (u.households >= 0) snprintf(hh, sizeof hh, "%lld", u.households);
    unit_fields f = { .name = imp_val(r, H_NAME, u.name), .district = u.district, .population = imp_val(r, H_POP, pop),
                      .households = imp_val(r, H_HH, hh), .note = imp_val(r, H_NOTE, u.note),
                      .commune_group = u.commune_group, .criteria_set_id = u.criteria_set_id };
    return unit_update(db, r->id, r->version, &f, NULL, NULL);
}

const imp_kind imp_hamlets = {
    .what = N_("thôn"), .cols = HAMLET_COLS, .ncols = H_NCOLS,
    .col_uuid = H_UUID, .col_commune = H_COMMUNE, .col_label = H_NAME, .col_code = -1,
    .col_qty = -1, .col_qty_unit = -1, .needs_commune = 1,
    .col_level = H_LEVEL, .level_keep = "thon|hamlet",
    .ignored = "tinh|huyen|nhom|trang thai|so dau viec|da xong|qua han",
    .key_text = N_("xã và tên thôn"), .col_where = H_COMMUNE,
    .scope = hamlet_scope, .key = hamlet_key, .index = hamlet_index,
    .uuid_sql = "SELECT id FROM unit WHERE uuid = ?1 AND kind = 'hamlet'",
    .load = hamlet_load, .write = hamlet_write,
};

/* ---- households ------------------------------------------------------------------------ */
enum { D_UUID, D_COMMUNE, D_HAMLET, D_HEAD, D_ADDR, D_FLAG0, D_NOTE = D_FLAG0 + HH_NFLAGS, D_NCOLS };

/* The flag headers are household_flag_label()'s, in the order of the HH_ flags. */
static const imp_col HOUSEHOLD_COLS[D_NCOLS] = {
    [D_UUID]    = { "uuid", "uuid", "ma dinh danh", IT_UUID, 0, 0, 0 },
    [D_COMMUNE] = { "Xã", "Commune", "ten xa|xa phuong|phuong", IT_REF, IF_CONTEXT, 0, 'c' },
    [D_HAMLET]  = { "Thôn", "Hamlet", "ten thon|thon ban|thon xom|ban|xom|to dan pho", IT_REF, IF_REQUIRED, 0, 'h' },
    [D_HEAD]    = { "Chủ hộ", "Head of household", "ten chu ho|ho ten chu ho|ho va ten chu ho|ho ten|ho va ten|head|name",
                    IT_TEXT, IF_REQUIRED, 120, 0 },
    [D_ADDR]    = { "Địa chỉ", "Address", "so nha|dia chi nha", IT_TEXT, 0, 200, 0 },
    [D_FLAG0 + HH_MODEL_GARDEN]   = { "Vườn mẫu", "Model garden", "vuon mau ntm|vuon mau nong thon moi", IT_FLAG, 0, 0, 0 },
    [D_FLAG0 + HH_THREE_CLEAN]    = { "3 sạch", "\"3 clean\"", "ba sach|three clean|3 clean", IT_FLAG, 0, 0, 0 },
    [D_FLAG0 + HH_SEPTIC_TOILET]  = { "Nhà tiêu tự hoại", "Septic toilet", "nha ve sinh tu hoai|nha tieu hop ve sinh", IT_FLAG, 0, 0, 0 },
    [D_FLAG0 + HH_WASTEWATER_PIT] = { "Hố xử lý nước thải", "Wastewater pit", "ho nuoc thai|ho xu ly nuoc thai sinh hoat", IT_FLAG, 0, 0, 0 },
    [D_FLAG0 + HH_COMPOST_PIT]    = { "Hố ủ rác", "Compost pit", "ho rac|ho u phan|ho u rac huu co", IT_FLAG, 0, 0, 0 },
    [D_FLAG0 + HH_BAD_TOILET]     = { "Nhà tiêu 1-2 ngăn cần bỏ", "Bad toilet to remove", "nha tieu 1 2 ngan|bad toilet", IT_FLAG, 0, 0, 0 },
    [D_FLAG0 + HH_POOR]           = { "Hộ nghèo", "Poor household", "ngheo|poor", IT_FLAG, 0, 0, 0 },
    [D_FLAG0 + HH_OFFICIAL]       = { "Cán bộ, đảng viên", "Official or party member", "can bo|dang vien|official", IT_FLAG, 0, 0, 0 },
    [D_NOTE]    = { "Ghi chú", "Note", "notes", IT_TEXT, 0, 1000, 0 },
};

static int64_t household_scope(import_job *j, const imp_row *r) { (void)j; return imp_id(r->v[D_HAMLET]); }

static char *household_key_of(int64_t hamlet, const char *head, const char *addr, char type)
{
    char h[24];
    snprintf(h, sizeof h, "%lld", (long long)hamlet);
    return type == 'F' ? imp_join(1, h, head, addr ? addr : "", (char *)NULL) : imp_join(1, h, head, (char *)NULL);
}

static char *household_key(import_job *j, const imp_row *r, char type)
{
    (void)j;
    if (type == 'C') return NULL;
    return household_key_of(imp_id(r->v[D_HAMLET]), r->v[D_HEAD], r->v[D_ADDR], type);
}

static int household_index(import_job *j, int64_t hamlet)
{
    static const char *sql = "SELECT id, head_name, coalesce(address, '') FROM household WHERE hamlet_id = ?1";
    sqlite3_stmt *st = db_stmt(imp_db(j), sql);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, hamlet);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *head = (const char *)sqlite3_column_text(st, 1), *addr = (const char *)sqlite3_column_text(st, 2);
        int64_t id = sqlite3_column_int64(st, 0);
        if (imp_index_add(j, 'F', household_key_of(hamlet, head, addr, 'F'), id) ||
            imp_index_add(j, 'L', household_key_of(hamlet, head, addr, 'L'), id)) break;
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? DB_OK : db_sqlite_error(imp_db(j), rc);
}

static const char *flag_text(int f) { return f == HH_YES ? "1" : f == HH_NO ? "0" : ""; }
static int flag_of(const char *s) { return !s || !*s ? HH_UNKNOWN : !strcmp(s, "1") ? HH_YES : HH_NO; }

static int household_load(import_job *j, int64_t id, char **old, int64_t *version)
{
    static const char *commune = "SELECT parent_id FROM unit WHERE id = ?1";
    household_rec h;
    int rc = household_read(imp_db(j), id, &h);
    if (rc) return rc;
    *version = h.version;
    sqlite3_stmt *st = db_stmt(imp_db(j), commune);
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, h.hamlet_id);
    old[D_COMMUNE] = id_text(sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0);
    sqlite3_reset(st);
    old[D_HAMLET] = id_text(h.hamlet_id);
    old[D_HEAD] = strdup(h.head_name);
    old[D_ADDR] = strdup(h.address);
    for (int i = 0; i < HH_NFLAGS; i++) old[D_FLAG0 + i] = strdup(flag_text(h.flags[i]));
    old[D_NOTE] = strdup(h.note);
    return DB_OK;
}

static int household_write(import_job *j, const imp_row *r)
{
    household_rec h;
    memset(&h, 0, sizeof h);
    if (r->id) {
        int rc = household_read(imp_db(j), r->id, &h);
        if (rc) return rc;
    }
    char hamlet[24];
    snprintf(hamlet, sizeof hamlet, "%lld", (long long)h.hamlet_id);
    household_fields f = { .hamlet_id = imp_id(imp_val(r, D_HAMLET, hamlet)), .head_name = imp_val(r, D_HEAD, h.head_name),
                           .address = imp_val(r, D_ADDR, h.address), .note = imp_val(r, D_NOTE, h.note) };
    for (int i = 0; i < HH_NFLAGS; i++) f.flags[i] = flag_of(imp_val(r, D_FLAG0 + i, flag_text(h.flags[i])));
    return r->id ? household_update(imp_db(j), r->id, r->version, &f) : household_create(imp_db(j), &f, NULL);
}

const imp_kind imp_households = {
    .what = N_("hộ"), .cols = HOUSEHOLD_COLS, .ncols = D_NCOLS,
    .col_uuid = D_UUID, .col_commune = D_COMMUNE, .col_label = D_HEAD, .col_code = -1,
    .col_qty = -1, .col_qty_unit = -1, .needs_commune = 0, .col_level = -1,
    .key_text = N_("thôn, chủ hộ và địa chỉ"), .col_where = D_HAMLET,
    .scope = household_scope, .key = household_key, .index = household_index,
    .uuid_sql = "SELECT id FROM household WHERE uuid = ?1",
    .load = household_load, .write = household_write,
};
