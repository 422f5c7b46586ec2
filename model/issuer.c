/* issuer: reading the bodies that issue papers, and choosing one for a paper. */
#include "model/issuer.h"
#include "model/i18n.h"
#include "model/rows.h"
#include "model/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ISSUER_COLS "id, unit_id, coalesce(org_id, 0), version, code, style = 'party', " \
    "coalesce(parent_name, ''), name, symbol, coalesce(sign_authority, ''), sign_title, " \
    "coalesce(signer_name, ''), coalesce(papers, ''), is_default "

static void read_issuer(ntm_db *db, sqlite3_stmt *st, void *row)
{
    issuer_rec *r = row;
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, 0);
    r->unit_id = sqlite3_column_int64(st, 1);
    r->org_id = sqlite3_column_int64(st, 2);
    r->version = sqlite3_column_int64(st, 3);
    col_text(r->code, sizeof r->code, st, 4);
    r->party = sqlite3_column_int(st, 5);
    col_text(r->parent_name, sizeof r->parent_name, st, 6);
    col_text(r->name, sizeof r->name, st, 7);
    col_text(r->symbol, sizeof r->symbol, st, 8);
    col_text(r->sign_authority, sizeof r->sign_authority, st, 9);
    col_text(r->sign_title, sizeof r->sign_title, st, 10);
    col_text(r->signer_name, sizeof r->signer_name, st, 11);
    col_text(r->papers, sizeof r->papers, st, 12);
    r->is_default = sqlite3_column_int(st, 13);
}

int issuer_list(ntm_db *db, int64_t unit_id, issuer_rec **out, int *n)
{
    static const char *sql = "SELECT " ISSUER_COLS "FROM issuer WHERE unit_id = ?1 "
                             "ORDER BY is_default DESC, code, id";
    void *v;
    int rc = rows_list(db, sql, unit_id, read_issuer, sizeof **out, &v, n);
    *out = v;
    return rc;
}

/* ",route,tour-summary," names "route"; so does "route, tour-summary" typed by hand. */
static int names_paper(const char *papers, const char *paper)
{
    size_t n = strlen(paper);
    for (const char *p = papers; n && (p = strstr(p, paper)); p += n) {
        int start = p == papers || strchr(", ", p[-1]);
        int end = !p[n] || strchr(", ", p[n]);
        if (start && end) return 1;
    }
    return 0;
}

/* Exact code, else exact folded name, else the only name or code holding the words. */
static int pick_choice(ntm_db *db, const issuer_rec *v, int n, const char *choice, issuer_rec *out)
{
    char *q = text_fold(choice);
    if (!q) return db_fail(db, DB_INVALID, "%s", _("Tên cơ quan không phải UTF-8 hợp lệ"));
    int found = -1, n_part = 0;
    for (int i = 0; i < n && found < 0; i++) {
        char *code = text_fold(v[i].code), *name = text_fold(v[i].name);
        if (code && !strcmp(code, q)) found = i;
        else if (name && !strcmp(name, q)) found = i;
        else if ((name && text_match(name, q)) || (code && text_match(code, q))) n_part++;
        free(code);
        free(name);
    }
    for (int i = 0; found < 0 && n_part == 1 && i < n; i++) {
        char *code = text_fold(v[i].code), *name = text_fold(v[i].name);
        if ((name && text_match(name, q)) || (code && text_match(code, q))) found = i;
        free(code);
        free(name);
    }
    free(q);
    if (found >= 0) { *out = v[found]; return DB_OK; }
    char all[1600] = "";
    for (int i = 0; i < n; i++) {
        size_t l = strlen(all);
        snprintf(all + l, sizeof all - l, "\n  %s  %s", v[i].code, v[i].name);
    }
    return db_fail(db, DB_INVALID, _("Không có cơ quan ban hành \"%s\". Các cơ quan có:%s"), choice, all);
}

int issuer_for_paper(ntm_db *db, int64_t unit_id, const char *paper, const char *choice, issuer_rec *out)
{
    issuer_rec *v = NULL;
    int n = 0, rc = issuer_list(db, unit_id, &v, &n);
    if (rc) return rc;
    if (n == 0) rc = DB_NOTFOUND;
    else if (choice && *choice) rc = pick_choice(db, v, n, choice, out);
    else {
        int pick = 0;                            /* the default sorts first */
        for (int i = 0; paper && i < n; i++)
            if (names_paper(v[i].papers, paper)) { pick = i; break; }
        *out = v[pick];
    }
    free(v);
    return rc;
}
