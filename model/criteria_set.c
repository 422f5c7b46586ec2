/* criteria_set: the sets (bộ tiêu chí), the one label that tells them apart wherever a
 * set is shown, and a set's indicators with their targets per commune group. */
#include "model/criteria.h"
#include "model/db_internal.h"
#include "model/i18n.h"
#include "model/rows.h"
#include "model/text.h"
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
    if (!strcmp(level, "commune_advanced")) return L(" nâng cao", " advanced");
    if (!strcmp(level, "hamlet")) return L(" thôn", " hamlet");
    if (!strcmp(level, "model_area")) return L(" KDC kiểu mẫu", " model area");
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
    if (k > 0) snprintf(count, sizeof count, L(" (%d tiêu chí)", " (%d criteria)"), k);
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

int criteria_set_get(ntm_db *db, int64_t id, criteria_set_rec *out)
{
    criteria_set_rec *v = NULL;
    int n = 0, rc = criteria_sets(db, &v, &n);
    memset(out, 0, sizeof *out);
    if (!rc) rc = DB_NOTFOUND;
    for (int i = 0; i < n && rc == DB_NOTFOUND; i++)
        if (v[i].id == id) { *out = v[i]; rc = DB_OK; }
    free(v);
    return rc == DB_NOTFOUND ? db_fail(db, DB_NOTFOUND, "%s", L("Không có bộ tiêu chí này", "No such criteria set")) : rc;
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
