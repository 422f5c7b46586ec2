/* import_criteria: criteria sets for the import engine, typed from a decision's annex:
 * one row per criterion or per indicator ("Số TT tiêu chí", "Tên tiêu chí", "Mã chỉ
 * tiêu", "Tên chỉ tiêu", "Đơn vị", "Nhóm 1".."Nhóm 3" or "Chỉ tiêu chung"), the set
 * named on every row ("Bộ tiêu chí": its code or name) or once above the header
 * ("Bộ tiêu chí: TW-2026-2030-XA", "Quyết định: 51/2025/QĐ-TTg", "Giai đoạn: 2026-2030",
 * "Cấp: xã"...). A file can create a set, add and rename criteria, add indicators and
 * change their targets; empty cells of the set's columns say nothing, an empty target
 * cell removes that target. A row's criterion is its number, else the number before the
 * dot of its indicator code ("2.3"), else the row above's (merged cells). The rows are
 * not one record each, so this kind has its own plan (criteria_plan) instead of the
 * engine's uuid / key matching; its writes go through criteria_edit.c. */
#include "model/import_int.h"
#include "model/criteria.h"
#include "model/date.h"
#include "model/db_internal.h"
#include "model/i18n.h"
#include "model/rows.h"
#include "model/text.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { C_SET, C_SET_NAME, C_DECISION, C_DECISION_DATE, C_ISSUER, C_PERIOD, C_LEVEL, C_IN_FORCE, C_N_CRIT, C_N_IND,
       C_CRIT_NO, C_CRIT_NAME, C_IND_CODE, C_IND_NAME, C_MEASURE, C_G1, C_G2, C_G3, C_ALL, C_NCOLS };
#define SET_COLS (C_N_IND + 1)             /* C_SET..C_N_IND describe the set */

static const imp_col CRIT_COLS[C_NCOLS] = {
    [C_SET]      = { "Bộ tiêu chí", "Criteria set", "ma bo tieu chi|ma bo|bo|set|set code", IT_TEXT, IF_REQUIRED, 400, 0 },
    [C_SET_NAME] = { "Tên bộ tiêu chí", "Set name", "ten bo|ten day du|set name", IT_TEXT, 0, 400, 0 },
    [C_DECISION] = { "Quyết định", "Decision", "so quyet dinh|quyet dinh so|so hieu van ban|van ban|decision number", IT_TEXT, 0, 60, 0 },
    [C_DECISION_DATE] = { "Ngày ban hành", "Decision date", "ngay quyet dinh|ngay ky|ngay ban hanh quyet dinh", IT_DATE, 0, 0, 0 },
    [C_ISSUER]   = { "Cơ quan ban hành", "Issuer", "noi ban hanh|co quan|cap ban hanh|issued by", IT_TEXT, 0, 120, 0 },
    [C_PERIOD]   = { "Giai đoạn", "Period", "giai doan ap dung|nam|years", IT_TEXT, 0, 40, 0 },
    [C_LEVEL]    = { "Cấp", "Level", "loai|loai bo tieu chi|cap xet cong nhan|doi tuong", IT_TEXT, 0, 60, 0 },
    [C_IN_FORCE] = { "Ngày hiệu lực", "In force from", "hieu luc|hieu luc tu|co hieu luc tu ngay|ngay co hieu luc", IT_DATE, 0, 0, 0 },
    [C_N_CRIT]   = { "Tổng số tiêu chí", "Criteria count", "so luong tieu chi|tong tieu chi", IT_COUNT, 0, 0, 0 },
    [C_N_IND]    = { "Tổng số chỉ tiêu", "Indicator count", "so luong chi tieu|tong chi tieu", IT_COUNT, 0, 0, 0 },
    [C_CRIT_NO]  = { "Số TT tiêu chí", "Criterion no", "stt tieu chi|tt tieu chi|tieu chi so|so tieu chi|ma tieu chi|tt|stt|so tt|criterion number",
                     IT_COUNT, 0, 0, 0 },
    [C_CRIT_NAME] = { "Tên tiêu chí", "Criterion", "tieu chi|noi dung tieu chi|criterion name", IT_TEXT, 0, 200, 0 },
    [C_IND_CODE] = { "Mã chỉ tiêu", "Indicator code", "stt chi tieu|so tt chi tieu|chi tieu so|ma", IT_TEXT, 0, 20, 0 },
    [C_IND_NAME] = { "Tên chỉ tiêu", "Indicator", "chi tieu|noi dung chi tieu|noi dung|indicator name", IT_TEXT, 0, 1000, 0 },
    [C_MEASURE]  = { "Đơn vị", "Unit", "don vi tinh|dvt|measure", IT_TEXT, 0, 20, 0 },
    [C_G1]       = { "Nhóm 1", "Group 1", "xa nhom 1|muc dat nhom 1|chi tieu nhom 1", IT_TEXT, 0, 200, 0 },
    [C_G2]       = { "Nhóm 2", "Group 2", "xa nhom 2|muc dat nhom 2|chi tieu nhom 2", IT_TEXT, 0, 200, 0 },
    [C_G3]       = { "Nhóm 3", "Group 3", "xa nhom 3|muc dat nhom 3|chi tieu nhom 3", IT_TEXT, 0, 200, 0 },
    [C_ALL]      = { "Chỉ tiêu chung", "Target", "muc dat|muc dat chung|chung cac nhom|tat ca cac nhom|all groups", IT_TEXT, 0, 200, 0 },
};

/* The target columns and the commune group each sets (0: every group). */
static const int TARGET_COL[4] = { C_ALL, C_G1, C_G2, C_G3 };

/* ---- the plan ------------------------------------------------------------------------ */
typedef struct {
    char *key;                   /* the "Bộ tiêu chí" cell, folded */
    const char *cell;            /* as written (its first row's) */
    int first;                   /* its first row that says something (-1: none) */
    const char *val[SET_COLS];   /* the file's values (in the rows), NULL: not said */
    long at[SET_COLS];
    int64_t id;
    int is_new, changed, written, bad;
    char code[64], level[20], diff[1200];
    criteria_set_rec old;
    cset_fields f;
} pset;

typedef struct {
    int set, number, owner;      /* owner: the row that adds or renames it (-1: none) */
    int64_t id;
    const char *name;            /* the file's, NULL: not said */
    long name_line;
    int is_new, changed, written;
    char old[404];
} pcrit;

typedef struct { char kind; int set, crit, ind_changed; } prow;     /* kind: 'I' indicator, 'C' criterion, 0 nothing */
/* A new set with an error is still gone through (nothing stored to look up) so that one
 * run names every bad line; its rows are then refused. */

typedef struct { pset *s; int ns; pcrit *c; int nc; prow *r; } cplan;

static void cplan_free(void *p)
{
    cplan *cp = p;
    for (int i = 0; i < cp->ns; i++) free(cp->s[i].key);
    free(cp->s); free(cp->c); free(cp->r); free(cp);
}

static const char *val(const imp_row *r, int c) { return r->v[c] && *r->v[c] ? r->v[c] : NULL; }

static int set_of(cplan *p, const char *cell)
{
    char *k = text_fold(cell);
    for (int i = 0; k && i < p->ns; i++) if (!strcmp(p->s[i].key, k)) { free(k); return i; }
    pset *v = k ? realloc(p->s, (size_t)(p->ns + 1) * sizeof *v) : NULL;
    if (!v) { free(k); return -1; }
    p->s = v;
    memset(&v[p->ns], 0, sizeof *v);
    v[p->ns].key = k;
    v[p->ns].cell = cell;
    v[p->ns].first = -1;
    return p->ns++;
}

static int crit_of(cplan *p, int set, int number)
{
    for (int i = 0; i < p->nc; i++) if (p->c[i].set == set && p->c[i].number == number) return i;
    pcrit *v = realloc(p->c, (size_t)(p->nc + 1) * sizeof *v);
    if (!v) return -1;
    p->c = v;
    v[p->nc] = (pcrit){ .set = set, .number = number, .owner = -1 };
    return p->nc++;
}

/* "2.3" -> 2; 0 when the code does not start with a number and a dot. */
static int code_prefix(const char *code)
{
    if (!code || !isdigit((unsigned char)*code)) return 0;
    char *end;
    long n = strtol(code, &end, 10);
    return *end == '.' && n > 0 && n <= 200 ? (int)n : 0;
}

static int64_t set_by_code(ntm_db *db, const char *code)
{
    static const char *sql = "SELECT id FROM criteria_set WHERE code = ?1 COLLATE NOCASE";
    sqlite3_stmt *st = db_stmt(db, sql);
    int64_t id = 0;
    if (!st) return 0;
    sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW) id = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return id;
}

/* "51/2025/QĐ-TTg" and level commune -> "51-2025-QD-TTG-XA": a new set's code when the file
 * names it by its title. */
static void code_from(const char *decision, const char *level, char *out, size_t n)
{
    char *f = text_fold(decision);
    size_t o = 0;
    for (const char *p = f ? f : ""; *p && o + 1 < n; p++) {
        char ch = isalnum((unsigned char)*p) ? (char)toupper((unsigned char)*p) : '-';
        if (ch == '-' && (!o || out[o - 1] == '-')) continue;
        out[o++] = ch;
    }
    while (o && out[o - 1] == '-') o--;
    free(f);
    const char *suf = !strcmp(level, "commune_advanced") ? "NC" : !strcmp(level, "hamlet") ? "THON"
                    : !strcmp(level, "model_area") ? "KDC" : "XA";
    snprintf(out + o, n - o, "-%s", suf);
}

static void add_diff(pset *s, import_job *j, int c, const char *was, const char *now)
{
    size_t o = strlen(s->diff);
    if (o + 8 < sizeof s->diff)
        snprintf(s->diff + o, sizeof s->diff - o, "%s%s: %s → %s", o ? "; " : "", j->head[c], *was ? was : _("(trống)"), now);
    s->changed = 1;
}

static void count_text(int v, char *out, size_t n) { if (v >= 0) snprintf(out, n, "%d", v); else out[0] = 0; }

/* One set: stored or new, its final fields, what changes; errors at its lines. */
static int settle_set(import_job *j, cplan *p, int si)
{
    pset *s = &p->s[si];
    const imp_row *r0 = &j->rows[s->first];
    const char *cell = r0->v[C_SET];
    char shown[80], a[80], b[80];
    imp_shown(cell, shown, sizeof shown);
    s->id = criteria_set_find(j->db, cell);
    if (s->id && criteria_set_get(j->db, s->id, &s->old)) return DB_ERR;
    s->is_new = !s->id;
    cset_fields *f = &s->f;
    if (!s->is_new) {
        snprintf(s->code, sizeof s->code, "%s", s->old.code);
        snprintf(s->level, sizeof s->level, "%s", s->old.level);
        *f = (cset_fields){ s->code, s->old.name, s->level, s->old.scope, s->old.year_from, s->old.year_to, s->old.decision,
                            s->old.decision_date, s->old.issuer, s->old.in_force, s->old.criteria_count, s->old.indicator_count };
    } else {
        *f = (cset_fields){ .criteria_count = -1, .indicator_count = -1 };
        f->name = s->val[C_SET_NAME] ? s->val[C_SET_NAME] : strchr(cell, ' ') ? cell : NULL;
    }
    if (s->val[C_SET_NAME] && !s->is_new && strcmp(s->val[C_SET_NAME], s->old.name)) {
        add_diff(s, j, C_SET_NAME, s->old.name, s->val[C_SET_NAME]);
        f->name = s->val[C_SET_NAME];
    }
    const char **texts[] = { [C_DECISION] = &f->decision, [C_DECISION_DATE] = &f->decision_date, [C_ISSUER] = &f->issuer,
                             [C_IN_FORCE] = &f->in_force };
    for (int c = C_DECISION; c <= C_IN_FORCE; c++) {
        if (c == C_PERIOD || c == C_LEVEL || !s->val[c]) continue;
        if (!s->is_new && strcmp(*texts[c] ? *texts[c] : "", s->val[c])) {
            int d = c == C_DECISION_DATE || c == C_IN_FORCE;
            char ws[11] = "", ns[11] = "";
            if (d) { date_show(*texts[c], ws); date_show(s->val[c], ns); }
            add_diff(s, j, c, d ? ws : *texts[c], d ? ns : s->val[c]);
        }
        *texts[c] = s->val[c];
    }
    if (s->val[C_PERIOD]) {
        int from, to;
        if (criteria_period_parse(s->val[C_PERIOD], &from, &to)) {
            imp_shown(s->val[C_PERIOD], a, sizeof a);
            imp_cell_bad(j, s->at[C_PERIOD], C_PERIOD, _("%s: ghi năm đầu và năm cuối, ví dụ 2026-2030"), a);
            s->bad = 1;
        } else if (!s->is_new && (from != f->year_from || to != f->year_to)) {
            snprintf(a, sizeof a, "%d-%d", f->year_from, f->year_to);
            snprintf(b, sizeof b, "%d-%d", from, to);
            add_diff(s, j, C_PERIOD, a, b);
        }
        if (!s->bad) { f->year_from = from; f->year_to = to; }
    }
    if (s->val[C_LEVEL]) {
        const char *lv = criteria_level_parse(s->val[C_LEVEL]);
        if (!lv) {
            imp_shown(s->val[C_LEVEL], a, sizeof a);
            imp_cell_bad(j, s->at[C_LEVEL], C_LEVEL, _("%s: cấp là xã, xã nâng cao, thôn hoặc khu dân cư kiểu mẫu"), a);
            s->bad = 1;
        } else {
            if (!s->is_new && strcmp(lv, s->level)) add_diff(s, j, C_LEVEL, criteria_level_label(s->level), criteria_level_label(lv));
            snprintf(s->level, sizeof s->level, "%s", lv);
            f->level = s->level;
        }
    }
    int *counts[] = { &f->criteria_count, &f->indicator_count };
    for (int c = C_N_CRIT; c <= C_N_IND; c++) {
        if (!s->val[c]) continue;
        int v = atoi(s->val[c]);
        if (!s->is_new && v != *counts[c - C_N_CRIT]) { count_text(*counts[c - C_N_CRIT], a, sizeof a); add_diff(s, j, c, a, s->val[c]); }
        *counts[c - C_N_CRIT] = v;
    }
    if (!s->is_new || s->bad) return DB_OK;
    /* A new set: what the document must say. */
    const char *missing = !f->name ? (j->head[C_SET_NAME] ? j->head[C_SET_NAME] : imp_col_name(&CRIT_COLS[C_SET_NAME]))
                        : !s->val[C_PERIOD] ? _("Giai đoạn") : !s->val[C_LEVEL] ? _("Cấp") : NULL;
    if (missing) {
        imp_msg_add(j, IMPORT_ERRORS, r0->line, _("dòng %ld: bộ tiêu chí mới \"%s\" cần '%s' (ở một dòng hoặc trên dòng tiêu đề)"),
                    r0->line, shown, missing);
        s->bad = 1;
        return DB_OK;
    }
    if (!strchr(cell, ' ') && strlen(cell) < sizeof s->code) snprintf(s->code, sizeof s->code, "%s", cell);
    else if (f->decision) code_from(f->decision, s->level, s->code, sizeof s->code);
    else {
        imp_msg_add(j, IMPORT_ERRORS, r0->line, _("dòng %ld: bộ tiêu chí mới \"%s\" cần mã (không dấu cách, ví dụ HT-2017-XA) hoặc cột 'Quyết định'"),
                    r0->line, shown);
        s->bad = 1;
        return DB_OK;
    }
    if (set_by_code(j->db, s->code)) {
        imp_msg_add(j, IMPORT_ERRORS, r0->line, _("dòng %ld: đã có bộ tiêu chí mã %s; ghi mã đó ở cột 'Bộ tiêu chí'"),
                    r0->line, s->code);
        s->bad = 1;
        return DB_OK;
    }
    f->code = s->code;
    const char *is = f->issuer ? f->issuer : "";
    char *fi = text_fold(is);
    f->scope = fi && (strstr(fi, "ubnd") || strstr(fi, "uy ban nhan dan") || strstr(fi, "hdnd")) ? "provincial" : "national";
    free(fi);
    return DB_OK;
}

/* ---- rows: sets, criteria, indicators ------------------------------------------------- */
static int says_indicator(const imp_row *r)
{
    static const int cols[] = { C_IND_CODE, C_IND_NAME, C_MEASURE, C_G1, C_G2, C_G3, C_ALL };
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) if (val(r, cols[i])) return 1;
    return 0;
}

/* First pass: each row's set (its columns agreeing across rows), criterion and kind. */
static int gather(import_job *j, cplan *p)
{
    int prev_set = -1, prev_no = 0;
    for (int i = 0; i < j->nrows; i++) {
        imp_row *r = &j->rows[i];
        prow *w = &p->r[i];
        w->set = w->crit = -1;
        if (r->action == IMP_BAD || !val(r, C_SET)) continue;
        int si = set_of(p, r->v[C_SET]);
        if (si < 0) return db_fail(j->db, DB_ERR, "out of memory");
        pset *s = &p->s[si];
        for (int c = 0; c < SET_COLS; c++) {
            const char *v = val(r, c);
            if (!v || c == C_SET) continue;
            if (!s->val[c]) { s->val[c] = v; s->at[c] = j->pre_line[c] ? j->pre_line[c] : r->line; }
            else if (strcmp(s->val[c], v)) {
                char a[80];
                imp_shown(s->val[c], a, sizeof a);
                imp_cell_bad(j, r->line, c, _("khác với dòng %ld (%s)"), s->at[c], a);
                r->action = IMP_BAD;
            }
        }
        const char *code = val(r, C_IND_CODE);
        int no = val(r, C_CRIT_NO) ? atoi(r->v[C_CRIT_NO]) : 0, pre = code_prefix(code);
        if (no && pre && no != pre) {
            imp_cell_bad(j, r->line, C_IND_CODE, _("chỉ tiêu %s không thuộc tiêu chí %d"), code, no);
            r->action = IMP_BAD;
        }
        if (!no) no = pre ? pre : si == prev_set ? prev_no : 0;
        int ind = says_indicator(r), named = val(r, C_CRIT_NAME) != NULL;
        if (!no && (ind || named)) {
            imp_msg_add(j, IMPORT_ERRORS, r->line, _("dòng %ld: không biết thuộc tiêu chí nào: ghi '%s'"),
                        r->line, imp_col_name(&CRIT_COLS[C_CRIT_NO]));
            r->action = IMP_BAD;
        }
        if (no > 200) {
            imp_cell_bad(j, r->line, C_CRIT_NO, _("%d: số thứ tự tiêu chí từ 1 đến 200"), no);
            r->action = IMP_BAD;
        }
        if (r->action == IMP_BAD) continue;
        prev_set = si; prev_no = no;
        w->set = si;
        w->kind = ind ? 'I' : named ? 'C' : 0;
        if (!no) continue;
        if ((w->crit = crit_of(p, si, no)) < 0) return db_fail(j->db, DB_ERR, "out of memory");
        pcrit *k = &p->c[w->crit];
        if (named && !k->name) { k->name = r->v[C_CRIT_NAME]; k->name_line = r->line; k->owner = i; }
        else if (named && strcmp(k->name, r->v[C_CRIT_NAME])) {
            char a[80];
            imp_shown(k->name, a, sizeof a);
            imp_cell_bad(j, r->line, C_CRIT_NAME, _("khác với dòng %ld (%s)"), k->name_line, a);
            r->action = IMP_BAD;
            continue;
        }
        if (w->kind && s->first < 0) s->first = i;
    }
    return DB_OK;
}

static int crit_stored(ntm_db *db, int64_t set_id, int number, int64_t *id, char *name, size_t n)
{
    static const char *sql = "SELECT id, name FROM criterion WHERE set_id = ?1 AND number = ?2";
    sqlite3_stmt *st = db_stmt(db, sql);
    *id = 0;
    name[0] = 0;
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, set_id);
    sqlite3_bind_int(st, 2, number);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) { *id = sqlite3_column_int64(st, 0); col_text(name, n, st, 1); }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK : db_sqlite_error(db, rc);
}

static int ind_stored(ntm_db *db, int64_t crit_id, int64_t id, const char *code, int64_t *out, char *name, size_t nn,
                      char *measure, size_t mn)
{
    static const char *by_code = "SELECT id, name, coalesce(measure, '') FROM indicator WHERE criterion_id = ?1 AND code = ?2";
    static const char *by_id = "SELECT id, name, coalesce(measure, '') FROM indicator WHERE id = ?1";
    sqlite3_stmt *st = db_stmt(db, id ? by_id : by_code);
    *out = 0;
    name[0] = measure[0] = 0;
    if (!st) return DB_ERR;
    sqlite3_bind_int64(st, 1, id ? id : crit_id);
    if (!id) sqlite3_bind_text(st, 2, code, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) { *out = sqlite3_column_int64(st, 0); col_text(name, nn, st, 1); col_text(measure, mn, st, 2); }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK : db_sqlite_error(db, rc);
}

static void plan_line(import_job *j, long line, int add, const char *what, const char *diff)
{
    if (add) imp_msg_add(j, IMPORT_PLAN, line, _("thêm dòng %ld: %s"), line, what);
    else imp_msg_add(j, IMPORT_PLAN, line, _("sửa dòng %ld: %s: %s"), line, what, diff);
}

/* A criterion: stored or new, renamed or not. */
static int settle_crit(import_job *j, cplan *p, pcrit *k)
{
    pset *s = &p->s[k->set];
    int rc = s->id ? crit_stored(j->db, s->id, k->number, &k->id, k->old, sizeof k->old) : DB_OK;
    if (rc) return rc;
    k->is_new = !k->id;
    k->changed = !k->is_new && k->name && strcmp(k->name, k->old);
    if (k->owner < 0 || !(k->is_new || k->changed)) return DB_OK;
    char what[300], diff[600], a[80], b[80];
    imp_shown(k->old, a, sizeof a);
    imp_shown(k->name, b, sizeof b);
    if (k->is_new) snprintf(what, sizeof what, _("tiêu chí %d. %s"), k->number, b);
    else snprintf(what, sizeof what, _("tiêu chí %d"), k->number);
    snprintf(diff, sizeof diff, "%s: %s → %s", j->head[C_CRIT_NAME], a, b);
    plan_line(j, j->rows[k->owner].line, k->is_new, what, diff);
    return DB_OK;
}

/* An indicator row: new, changed (name, measure, a target) or the same. */
static int settle_ind(import_job *j, cplan *p, int i)
{
    imp_row *r = &j->rows[i];
    prow *w = &p->r[i];
    pcrit *k = &p->c[w->crit];
    const char *code = val(r, C_IND_CODE);
    if (!code) {
        imp_msg_add(j, IMPORT_ERRORS, r->line, _("dòng %ld: thiếu '%s'"), r->line, imp_col_name(&CRIT_COLS[C_IND_CODE]));
        r->action = IMP_BAD;
        return DB_OK;
    }
    if (k->is_new && !k->name) {
        imp_msg_add(j, IMPORT_ERRORS, r->line, _("dòng %ld: tiêu chí %d chưa có trong bộ: ghi '%s' ở một dòng của tiêu chí"),
                    r->line, k->number, imp_col_name(&CRIT_COLS[C_CRIT_NAME]));
        r->action = IMP_BAD;
        return DB_OK;
    }
    char name[1004], measure[24], diff[1500] = "", a[80], b[80], t[1024];
    int rc = k->id ? ind_stored(j->db, k->id, 0, code, &r->id, name, sizeof name, measure, sizeof measure) : DB_OK;
    if (rc) return rc;
    if (!k->id) r->id = 0, name[0] = measure[0] = 0;
    if (!r->id && !val(r, C_IND_NAME)) {
        imp_msg_add(j, IMPORT_ERRORS, r->line, _("dòng %ld: chỉ tiêu mới %s cần '%s'"),
                    r->line, code, imp_col_name(&CRIT_COLS[C_IND_NAME]));
        r->action = IMP_BAD;
        return DB_OK;
    }
    size_t o = 0, o_ind = 0;
    for (int q = -2; r->id && q < 4; q++) {              /* -2 name, -1 measure, 0..3 the targets */
        int c = q == -2 ? C_IND_NAME : q == -1 ? C_MEASURE : TARGET_COL[q];
        if (!r->v[c] || (q == -2 && !*r->v[c])) continue;    /* not in the file; an empty name keeps it */
        const char *was = q == -2 ? name : q == -1 ? measure : t;
        if (q >= 0 && (rc = indicator_target_get(j->db, r->id, q, t, sizeof t))) return rc;
        if (!strcmp(was, r->v[c])) continue;
        imp_shown(was, a, sizeof a);
        imp_shown(r->v[c], b, sizeof b);
        if (o + 8 < sizeof diff)
            o += (size_t)snprintf(diff + o, sizeof diff - o, "%s%s: %s → %s", o ? "; " : "", j->head[c], *was ? a : _("(trống)"),
                                  *b ? b : _("(trống)"));
        if (q < 0) o_ind = o;
    }
    w->ind_changed = !r->id || o_ind;           /* its name or measure: the targets are written one by one */
    r->action = !r->id ? IMP_ADD : o ? IMP_CHANGE : IMP_SAME;
    char what[300];
    imp_shown(val(r, C_IND_NAME) ? r->v[C_IND_NAME] : name, a, sizeof a);
    if (!r->id) snprintf(what, sizeof what, _("chỉ tiêu %s %s"), code, a);
    else snprintf(what, sizeof what, _("chỉ tiêu %s"), code);
    if (r->action != IMP_SAME) plan_line(j, r->line, !r->id, what, diff);
    return DB_OK;
}

/* One warning per set for the criteria left without a name (a template's empty rows). */
static void unnamed(import_job *j, cplan *p, int si)
{
    char list[600] = "";
    size_t o = 0;
    int n = 0;
    for (int ci = 0; ci < p->nc; ci++) {
        pcrit *k = &p->c[ci];
        if (k->set != si || !k->is_new || k->name) continue;
        int has_rows = 0;
        for (int i = 0; i < j->nrows; i++) has_rows |= p->r[i].crit == ci && p->r[i].kind == 'I';
        if (has_rows) continue;                            /* an error on those rows */
        if (o + 8 < sizeof list) o += (size_t)snprintf(list + o, sizeof list - o, "%s%d", n ? ", " : "", k->number);
        n++;
    }
    if (n) imp_msg_add(j, IMPORT_WARNINGS, 0, _("bộ tiêu chí %s: tiêu chí %s chưa có tên: bỏ qua"),
                       p->s[si].cell, list);
}

static int criteria_plan(import_job *j)
{
    cplan *p = calloc(1, sizeof *p);
    if (!p || !(p->r = calloc((size_t)j->nrows + 1, sizeof *p->r))) { free(p); return db_fail(j->db, DB_ERR, "out of memory"); }
    j->kdata = p;
    int rc = gather(j, p);
    for (int si = 0; !rc && si < p->ns; si++) {
        pset *s = &p->s[si];
        for (int i = 0; s->first < 0 && i < j->nrows; i++) if (p->r[i].set == si) s->first = i;   /* a set with no criterion named yet */
        if (s->first < 0) continue;                              /* every row of it bad: named already */
        if ((rc = settle_set(j, p, si))) break;
        char what[600];
        imp_shown(s->f.name ? s->f.name : "", what + 300, 300);
        snprintf(what, 300, _("bộ tiêu chí %s (%s)"), s->code, what + 300);
        if (!s->bad && (s->is_new || s->changed)) plan_line(j, j->rows[s->first].line, s->is_new, what, s->diff);
    }
    for (int ci = 0; !rc && ci < p->nc; ci++) {
        pcrit *k = &p->c[ci];
        if (p->s[k->set].bad && !p->s[k->set].is_new) continue;
        rc = settle_crit(j, p, k);
    }
    for (int si = 0; !rc && si < p->ns; si++) unnamed(j, p, si);
    for (int i = 0; !rc && i < j->nrows; i++) {
        imp_row *r = &j->rows[i];
        prow *w = &p->r[i];
        if (r->action == IMP_BAD) continue;
        if (w->set < 0 || (p->s[w->set].bad && !p->s[w->set].is_new)) { r->action = IMP_BAD; continue; }   /* its set's error is named */
        pset *s = &p->s[w->set];
        pcrit *k = w->crit >= 0 ? &p->c[w->crit] : NULL;
        r->action = IMP_SKIP;
        if (w->kind == 'I' && (rc = settle_ind(j, p, i))) break;
        if (r->action == IMP_BAD) continue;
        if (w->kind == 'C') r->action = IMP_SAME;
        if (k && k->owner == i && (k->is_new || k->changed)) r->action = k->is_new ? IMP_ADD : r->action == IMP_ADD ? IMP_ADD : IMP_CHANGE;
        if (s->first == i && (s->is_new || s->changed)) r->action = s->is_new ? IMP_ADD : r->action == IMP_ADD ? IMP_ADD : IMP_CHANGE;
        if (s->bad) r->action = IMP_BAD;
    }
    /* The same indicator twice in the file. */
    for (int i = 0; !rc && i < j->nrows; i++) {
        if (p->r[i].kind != 'I' || j->rows[i].action == IMP_BAD) continue;
        for (int e = 0; e < i; e++) {
            if (p->r[e].kind != 'I' || p->r[e].crit != p->r[i].crit || j->rows[e].action == IMP_BAD) continue;
            if (strcmp(j->rows[e].v[C_IND_CODE], j->rows[i].v[C_IND_CODE])) continue;
            imp_msg_add(j, IMPORT_ERRORS, j->rows[i].line, _("dòng %ld: trùng với dòng %ld (cùng bộ, tiêu chí và mã chỉ tiêu)"),
                        j->rows[i].line, j->rows[e].line);
            j->rows[i].action = IMP_BAD;
            break;
        }
    }
    return rc;
}

/* ---- writes ------------------------------------------------------------------------------ */
static int write_set(import_job *j, pset *s)
{
    if (s->written || !(s->is_new || s->changed)) return DB_OK;
    s->written = 1;
    return cset_write(j->db, s->is_new ? 0 : s->id, &s->f, &s->id);
}

static int write_crit(import_job *j, cplan *p, pcrit *k)
{
    if (k->written || !(k->is_new || k->changed) || !k->name) return DB_OK;     /* a template's unnamed row: nothing */
    k->written = 1;
    return criterion_write(j->db, k->is_new ? 0 : k->id, p->s[k->set].id, k->number, k->name, &k->id);
}

static int criteria_write(import_job *j, const imp_row *r)
{
    cplan *p = j->kdata;
    prow *w = &p->r[r - j->rows];
    pset *s = &p->s[w->set];
    pcrit *k = w->crit >= 0 ? &p->c[w->crit] : NULL;
    int rc = write_set(j, s);
    if (!rc && k) rc = write_crit(j, p, k);
    if (rc || w->kind != 'I') return rc;
    char name[1004], measure[24];
    int64_t id = r->id, got;
    if (id && (rc = ind_stored(j->db, 0, id, NULL, &got, name, sizeof name, measure, sizeof measure))) return rc;
    const char *nm = val(r, C_IND_NAME) ? r->v[C_IND_NAME] : name, *ms = r->v[C_MEASURE] ? r->v[C_MEASURE] : measure;
    if (w->ind_changed && (rc = indicator_write(j->db, id, k->id, r->v[C_IND_CODE], nm, ms, &id))) return rc;
    for (int q = 0; !rc && q < 4; q++)
        if (r->v[TARGET_COL[q]]) rc = indicator_target_put(j->db, id, q, r->v[TARGET_COL[q]]);
    return rc;
}

const imp_kind imp_criteria = {
    .what = N_("dòng tiêu chí"), .cols = CRIT_COLS, .ncols = C_NCOLS,
    .col_uuid = -1, .col_commune = -1, .col_label = C_IND_NAME, .col_code = -1,
    .col_qty = -1, .col_qty_unit = -1, .needs_commune = 0, .col_level = -1,
    .ignored = "ghi chu|note|nhom noi dung|noi dung nhom",
    .key_text = N_("bộ, tiêu chí và mã chỉ tiêu"), .col_where = C_CRIT_NO,
    .write = criteria_write, .plan = criteria_plan, .free_data = cplan_free, .preamble = 1,
};
