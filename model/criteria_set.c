/* criteria_set: the sets (bộ tiêu chí), the one label that tells them apart wherever a
 * set is shown, and a set's indicators with their targets per commune group. */
#include "model/criteria.h"
#include "model/db_internal.h"
#include "model/i18n.h"
#include "model/rows.h"
#include "model/text.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SET_COLS "id, code, name, level, scope, coalesce(decision, ''), year_from, year_to, " \
    "(SELECT count(*) FROM criterion c WHERE c.set_id = criteria_set.id), coalesce(issuer, ''), " \
    "coalesce(decision_date, ''), coalesce(in_force, ''), coalesce(criteria_count, -1), coalesce(indicator_count, -1), " \
    "(SELECT count(*) FROM indicator i JOIN criterion c ON c.id = i.criterion_id WHERE c.set_id = criteria_set.id) "

static void read_set(ntm_db *db, sqlite3_stmt *st, void *row)
{
    (void)db;
    criteria_set_rec *r = row;
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, 0);
    col_text(r->code, sizeof r->code, st, 1);
    col_text(r->name, sizeof r->name, st, 2);
    col_text(r->level, sizeof r->level, st, 3);
    col_text(r->scope, sizeof r->scope, st, 4);
    col_text(r->decision, sizeof r->decision, st, 5);
    r->year_from = sqlite3_column_int(st, 6);
    r->year_to = sqlite3_column_int(st, 7);
    r->n_criteria = sqlite3_column_int(st, 8);
    col_text(r->issuer, sizeof r->issuer, st, 9);
    col_text(r->decision_date, sizeof r->decision_date, st, 10);
    col_text(r->in_force, sizeof r->in_force, st, 11);
    r->criteria_count = sqlite3_column_int(st, 12);
    r->indicator_count = sqlite3_column_int(st, 13);
    r->n_indicators = sqlite3_column_int(st, 14);
    criteria_set_label(r, r->label, sizeof r->label);
}

/* "UBND tỉnh Hà Tĩnh" -> "Hà Tĩnh": the place a provincial body's name ends with. */
static void place_of(const criteria_set_rec *r, char *out, size_t n)
{
    static const char *const words[] = { "tỉnh ", "Tỉnh ", "thành phố ", "Thành phố ", "TP ", "TP. ", NULL };
    out[0] = 0;
    for (int i = 0; words[i]; i++) {
        const char *p = strstr(r->issuer, words[i]);
        if (p && p[strlen(words[i])]) { text_copy(out, n, p + strlen(words[i])); return; }
    }
}

static const char *level_word(const char *level)
{
    if (!strcmp(level, "commune_advanced")) return _(" nâng cao");
    if (!strcmp(level, "hamlet")) return _(" thôn");
    if (!strcmp(level, "model_area")) return _(" KDC kiểu mẫu");
    return "";
}

void criteria_set_label(const criteria_set_rec *r, char *out, size_t n)
{
    char place[80], years[16], doc[80] = "", count[40] = "";
    place_of(r, place, sizeof place);
    if (r->year_from == r->year_to) snprintf(years, sizeof years, "%d", r->year_from);
    else snprintf(years, sizeof years, "%d-%d", r->year_from, r->year_to);
    /* "QĐ" is the document's own kind in every language (the number reads "318/QĐ-TTg"). */
    if (r->decision[0]) snprintf(doc, sizeof doc, " · QĐ %s", r->decision);
    else snprintf(doc, sizeof doc, " · %s", r->code);
    int k = r->criteria_count >= 0 ? r->criteria_count : r->n_criteria;
    if (k > 0) snprintf(count, sizeof count, _(" (%d tiêu chí)"), k);
    snprintf(out, n, "%s%s%s%s%s%s", place, place[0] ? " " : "", years, level_word(r->level), doc, count);
}

/* Two sets must never read the same: those whose labels would, start with their codes
 * (first, so a narrow field that cuts the label's end still tells them apart). */
static void tell_apart(criteria_set_rec *v, int n)
{
    char *same = calloc((size_t)n + 1, 1);
    if (!same) return;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            if (!strcmp(v[i].label, v[j].label)) same[i] = same[j] = 1;
    for (int i = 0; i < n; i++) {
        if (!same[i]) continue;
        char both[sizeof v[i].label + sizeof v[i].code + 8];
        snprintf(both, sizeof both, "%s · %s", v[i].code, v[i].label);
        text_copy(v[i].label, sizeof v[i].label, both);
    }
    free(same);
}

int criteria_sets(ntm_db *db, criteria_set_rec **out, int *n)
{
    /* criteria_set is a handful of rows: read whole, in the order shown. */
    static const char *sql = "SELECT " SET_COLS "FROM criteria_set ORDER BY year_from DESC, code";
    sqlite3_stmt *st = db_stmt(db, sql);
    void *v = NULL;
    *n = 0;
    int rc = st ? rows_all(db, st, read_set, sizeof **out, &v, n) : DB_ERR;
    *out = v;
    if (!rc) tell_apart(*out, *n);
    return rc;
}

/* Only a set of the same period can read the same (the years are in the label), so the
 * set is told apart from those alone, found through criteria_set_by_years (migration 006):
 * the dashboard reads it without a scan. */
int criteria_set_get(ntm_db *db, int64_t id, criteria_set_rec *out)
{
    static const char *one = "SELECT " SET_COLS "FROM criteria_set WHERE id = ?1";
    static const char *same = "SELECT " SET_COLS "FROM criteria_set WHERE year_from = ?1 AND year_to = ?2";
    int rc = rows_get(db, one, id, read_set, out);
    if (rc == DB_NOTFOUND) return db_fail(db, DB_NOTFOUND, "%s", _("Không có bộ tiêu chí này"));
    sqlite3_stmt *st = rc ? NULL : db_stmt(db, same);
    if (!st) return rc ? rc : DB_ERR;
    sqlite3_bind_int(st, 1, out->year_from);
    sqlite3_bind_int(st, 2, out->year_to);
    void *v = NULL;
    int n = 0;
    if ((rc = rows_all(db, st, read_set, sizeof *out, &v, &n))) return rc;
    criteria_set_rec *w = v;
    tell_apart(w, n);
    for (int i = 0; i < n; i++) if (w[i].id == id) text_copy(out->label, sizeof out->label, w[i].label);
    free(v);
    return DB_OK;
}

static void read_indicator(ntm_db *db, sqlite3_stmt *st, void *row)
{
    (void)db;
    indicator_rec *r = row;
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, 0);
    r->criterion_id = sqlite3_column_int64(st, 1);
    r->criterion_number = sqlite3_column_int(st, 2);
    col_text(r->code, sizeof r->code, st, 3);
    col_text(r->name, sizeof r->name, st, 4);
    col_text(r->measure, sizeof r->measure, st, 5);
    col_text(r->target_all, sizeof r->target_all, st, 6);
    for (int g = 0; g < 3; g++) col_text(r->target[g], sizeof r->target[g], st, 7 + g);
    r->n_regional = sqlite3_column_int(st, 10);
}

int criteria_indicators(ntm_db *db, int64_t set_id, indicator_rec **out, int *n)
{
#define TARGET(cond) "(SELECT target FROM indicator_target t WHERE t.indicator_id = i.id AND t.region IS NULL AND " cond ")"
    static const char *sql = "SELECT i.id, i.criterion_id, c.number, i.code, i.name, coalesce(i.measure, ''), "
        TARGET("t.commune_group IS NULL") ", " TARGET("t.commune_group = 1") ", " TARGET("t.commune_group = 2") ", "
        TARGET("t.commune_group = 3") ", (SELECT count(*) FROM indicator_target t WHERE t.indicator_id = i.id AND t.region IS NOT NULL) "
        "FROM indicator i JOIN criterion c ON c.id = i.criterion_id WHERE c.set_id = ?1 "
        "ORDER BY c.number, CAST(i.code AS INTEGER), CAST(substr(i.code, instr(i.code, '.') + 1) AS INTEGER), i.code";
#undef TARGET
    void *v = NULL;
    int rc = rows_list(db, sql, set_id, read_indicator, sizeof **out, &v, n);
    *out = v;
    return rc;
}

/* The stored set a "Bộ tiêu chí" cell names: its code, else its name (accents ignored). */
int64_t criteria_set_find(ntm_db *db, const char *cell)
{
    static const char *sql = "SELECT id FROM criteria_set WHERE code = ?1 COLLATE NOCASE";
    sqlite3_stmt *st = db_stmt(db, sql);
    int64_t id = 0;
    if (!st) return 0;
    sqlite3_bind_text(st, 1, cell, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW) id = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    char *key = text_fold(cell);
    criteria_set_rec *v = NULL;
    int n = 0;
    if (id || !key || criteria_sets(db, &v, &n)) { free(key); return id; }
    for (int i = 0; i < n && !id; i++) {
        char *f = text_fold(v[i].name);
        if (f && !strcmp(f, key)) id = v[i].id;
        free(f);
    }
    free(v);
    free(key);
    return id;
}

/* "2026-2030", "2026 - 2030", "2026–2030", "2026 đến 2030", "2026". */
int criteria_period_parse(const char *s, int *from, int *to)
{
    int y[2], n = 0;
    for (const char *p = s; *p && n < 2; ) {
        if (isdigit((unsigned char)*p)) {
            char *end;
            long v = strtol(p, &end, 10);
            if (end - p != 4) return -1;
            y[n++] = (int)v;
            p = end;
        } else p++;
    }
    if (!n) return -1;
    *from = y[0];
    *to = n == 2 ? y[1] : y[0];
    return *from >= 1990 && *to <= 2100 && *from <= *to ? 0 : -1;
}

const char *criteria_level_parse(const char *s)
{
    char *f = text_fold(s);
    const char *lv = NULL;
    if (!f) return NULL;
    if (strstr(f, "nang cao") || strstr(f, "advanced")) lv = "commune_advanced";
    else if (strstr(f, "kieu mau") || strstr(f, "model")) lv = "model_area";
    else if (!strncmp(f, "xa", 2) || !strncmp(f, "commune", 7) || !strncmp(f, "cap xa", 6)) lv = "commune";
    else if (!strncmp(f, "thon", 4) || !strncmp(f, "ban", 3) || !strncmp(f, "hamlet", 6) || !strncmp(f, "cap thon", 8)) lv = "hamlet";
    free(f);
    return lv;
}

const char *criteria_level_label(const char *lv)
{
    return !strcmp(lv, "commune_advanced") ? _("xã nâng cao") : !strcmp(lv, "hamlet") ? _("thôn")
         : !strcmp(lv, "model_area") ? _("khu dân cư kiểu mẫu") : _("xã");
}
