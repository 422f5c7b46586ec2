/* import: the engine. Rows arrive one by one (import_row): the header is mapped to the
 * kind's columns, then each cell is checked and turned into its canonical value, every
 * problem collected with its line. import_run then matches the rows to stored ones,
 * works out what would change, and only when nothing is wrong writes it all in one
 * BEGIN IMMEDIATE transaction through the kind's create/update (import_kinds.c,
 * import_task.c). A dry run does the same writes and rolls them back. */
#include "model/import_int.h"
#include "model/date.h"
#include "model/db_internal.h"
#include "model/field.h"
#include "model/i18n.h"
#include "model/entity.h"
#include "model/text.h"
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IMP_HEADER_SEARCH 10       /* rows looked at for the header (a title may come first) */

ntm_db *imp_db(import_job *j) { return j->db; }

int64_t imp_id(const char *canon)
{
    if (!canon || !*canon) return 0;
    if (isalpha((unsigned char)*canon)) canon++;
    return strtoll(canon, NULL, 10);
}

int64_t imp_commune(import_job *j, const imp_row *r)
{
    int c = j->k->col_commune;
    if (c >= 0 && r->v[c] && *r->v[c]) return imp_id(r->v[c]);
    return j->commune_id;
}

const char *imp_val(const imp_row *r, int c, const char *stored) { return c >= 0 && r->v[c] ? r->v[c] : stored; }

char *imp_num(long long v, int is_null)
{
    char b[32] = "";
    if (!is_null) snprintf(b, sizeof b, "%lld", v);
    return strdup(b);
}

char *imp_join(int fold, ...)
{
    char *part[8];
    size_t n = 1, o = 0;
    int k = 0, ok = 1;
    va_list ap;
    va_start(ap, fold);
    for (const char *s; k < 8 && (s = va_arg(ap, const char *)); k++) {
        part[k] = fold ? text_fold(s) : strdup(s);
        if (!part[k]) ok = 0; else n += strlen(part[k]) + 1;
    }
    va_end(ap);
    char *out = ok ? malloc(n) : NULL;
    for (int i = 0; i < k; i++) {
        if (out && part[i]) o += (size_t)snprintf(out + o, n - o, "%s%s", i ? "\x1f" : "", part[i]);
        free(part[i]);
    }
    if (out && !o) out[0] = 0;
    return out;
}

/* ---- messages ------------------------------------------------------------------------ */
void imp_msg_add(import_job *j, int which, long line, const char *fmt, ...)
{
    msg_list *m = &j->msgs[which];
    if (which != IMPORT_PLAN && m->n >= IMP_MAX_MSGS) { m->dropped++; return; }   /* the plan is whole */
    if (m->n >= m->cap) {
        int cap = m->cap ? m->cap * 2 : 32;
        imp_msg *v = realloc(m->v, (size_t)cap * sizeof *v);
        if (!v) { m->dropped++; return; }
        m->v = v; m->cap = cap;
    }
    char buf[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    /* Messages quote cells and go to a terminal: line ends and tabs become spaces, other
     * control characters '?', and a character cut by the buffer's end is dropped. */
    for (char *p = buf; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f) *p = strchr("\t\n\r", *p) ? ' ' : '?';
    buf[text_utf8_valid_len(buf, strlen(buf))] = 0;
    char *t = strdup(buf);
    if (!t) { m->dropped++; return; }
    m->v[m->n++] = (imp_msg){ line, j->seq++, t };
}

int imp_by_line(const void *a, const void *b)
{
    const imp_msg *x = a, *y = b;
    return x->line != y->line ? (x->line < y->line ? -1 : 1) : x->seq - y->seq;
}

int import_count(const import_job *j, int which) { return j->msgs[which].n + (j->msgs[which].dropped > 0); }

const char *import_message(const import_job *j, int which, int i)
{
    static char more[128];
    const msg_list *m = &j->msgs[which];
    if (i < m->n) return m->v[i].text;
    snprintf(more, sizeof more, L("… và %d dòng nữa", "… and %d more"), m->dropped);
    return more;
}

/* A short, printable form of a cell for a message. */
void imp_shown(const char *s, char *out, size_t n)
{
    if (!text_valid_utf8(s)) { snprintf(out, n, "%s", L("(ký tự lạ)", "(stray bytes)")); return; }
    text_copy(out, n > 64 ? 64 : n, s);
    if (strlen(s) > strlen(out)) snprintf(out + strlen(out), n - strlen(out), "…");
    for (char *p = out; *p; p++) if (*p == '\n' || *p == '\r' || *p == '\t') *p = ' ';
}

/* "dòng 14, cột 'Hạn': " + the rest. */
void imp_cell_bad(import_job *j, long line, int c, const char *fmt, ...)
{
    char rest[1600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(rest, sizeof rest, fmt, ap);
    va_end(ap);
    imp_msg_add(j, IMPORT_ERRORS, line, L("dòng %ld, cột '%s': %s", "line %ld, column '%s': %s"), line, j->head[c], rest);
}

/* A validator's message without the label it was given ("Chủ hộ: quá dài" -> "quá dài"). */
static const char *unlabelled(import_job *j) { return db_err_detail(j->db); }

/* ---- the header ------------------------------------------------------------------------ */
/* Folded, "(...)" and '*' dropped, punctuation as spaces: "Hạn (dd/mm/yyyy)*" -> "han". */
static char *norm_header(const char *s)
{
    char *f = text_fold(s);
    if (!f) return NULL;
    size_t o = 0;
    int depth = 0;
    for (char *p = f; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '(' || c == '[') { depth++; continue; }
        if ((c == ')' || c == ']') && depth) { depth--; continue; }
        if (depth) continue;
        if (c < 0x80 && !isalnum(c)) c = ' ';
        if (c == ' ' && (!o || f[o - 1] == ' ')) continue;
        f[o++] = (char)c;
    }
    while (o && f[o - 1] == ' ') o--;
    f[o] = 0;
    return f;
}

static int header_is(const char *norm, const char *name)
{
    char *n = norm_header(name);
    int same = n && !strcmp(n, norm);
    free(n);
    return same;
}

/* 1 when the normalised header h is one of the '|'-separated names. */
static int header_in(const char *h, const char *names)
{
    for (const char *a = names; a && *a; ) {
        size_t len = strcspn(a, "|");
        char name[96];
        snprintf(name, sizeof name, "%.*s", (int)len, a);
        if (header_is(h, name)) return 1;
        a += len + (a[len] == '|');
    }
    return 0;
}

/* The kind's column a header names, or -1. */
static int column_of(const imp_kind *k, const char *cell)
{
    char *h = norm_header(cell);
    int found = -1;
    for (int c = 0; h && *h && c < k->ncols && found < 0; c++) {
        const imp_col *col = &k->cols[c];
        if (header_is(h, col->vi) || header_is(h, col->en) || header_in(h, col->aliases)) found = c;
    }
    free(h);
    return found;
}

static void take_header(import_job *j, long line, int n, const char *const *cells)
{
    const imp_kind *k = j->k;
    j->header = 1;
    j->nmap = n;
    for (int i = 0; i < n; i++) {
        int c = column_of(k, cells[i]);
        j->map[i] = -1;
        if (c < 0) {
            char s[80], *h = norm_header(cells[i]);
            int computed = h && header_in(h, k->ignored);
            free(h);
            imp_shown(cells[i], s, sizeof s);
            if (cells[i][strspn(cells[i], " ")] && !computed)
                imp_msg_add(j, IMPORT_WARNINGS, line, L("dòng %ld: cột '%s' không có trong mẫu nhập, bỏ qua",
                                                    "line %ld: column '%s' is not one this import knows; ignored"), line, s);
        } else if (j->head[c]) {
            imp_msg_add(j, IMPORT_ERRORS, line, L("dòng %ld: cột '%s' có hai lần", "line %ld: column '%s' appears twice"), line, cells[i]);
            j->header_bad = 1;
        } else if (c == k->col_code && !j->has_code) {
            ;                      /* task codes: none stored yet to match (the export writes the column empty) */
        } else {
            j->map[i] = c;
            j->head[c] = strdup(cells[i]);
        }
    }
    for (int c = 0; c < k->ncols; c++) {
        int need = k->cols[c].flags & IF_REQUIRED;
        if (c == k->col_commune && k->needs_commune && !j->commune_id) need = 1;
        if (need && !j->head[c] && (j->header_bad = 1))
            imp_msg_add(j, IMPORT_ERRORS, line, c == k->col_commune
                    ? L("dòng %ld: thiếu cột '%s' (hoặc chọn xã bằng --commune)", "line %ld: no column '%s' (or choose the commune with --commune)")
                    : L("dòng %ld: thiếu cột '%s' (bắt buộc)", "line %ld: no column '%s' (it is required)"),
                    line, L(k->cols[c].vi, k->cols[c].en));
    }
}

/* A header names at least two of the kind's columns (or every cell of a short row). */
static int looks_like_header(import_job *j, int n, const char *const *cells)
{
    int known = 0, filled = 0;
    for (int i = 0; i < n; i++) {
        if (!cells[i][strspn(cells[i], " ")]) continue;
        filled++;
        known += column_of(j->k, cells[i]) >= 0;
    }
    /* A kind with a preamble: "Quyết định" alone on a line is a preamble line left empty. */
    return known >= 2 || (!j->k->preamble && known && known == filled);
}

/* ---- cells ------------------------------------------------------------------------------ */
static const struct { const char *word, *code; } STATUS_WORDS[] = {
    { "open", "open" }, { "dang lam", "open" }, { "dang thuc hien", "open" }, { "chua xong", "open" },
    { "chua hoan thanh", "open" }, { "dang trien khai", "open" },
    { "done", "done" }, { "xong", "done" }, { "da xong", "done" }, { "hoan thanh", "done" }, { "da hoan thanh", "done" },
    { "cancelled", "cancelled" }, { "canceled", "cancelled" }, { "huy", "cancelled" }, { "da huy", "cancelled" },
};
static const char *const YES[] = { "x", "co", "1", "yes", "y", "true", "dat", "v", NULL };
static const char *const NO[] = { "khong", "0", "no", "n", "false", "chua", "chua dat", "k", NULL };

static int in_list(const char *const *list, const char *s)
{
    for (; *list; list++) if (!strcmp(*list, s)) return 1;
    return 0;
}

/* Dates must be written out: "hôm nay" or "+7" would mean another day at each import. */
static int convert_date(import_job *j, long line, int c, const char *cell, char **out)
{
    const char *s = cell + strspn(cell, " ");
    char iso[11], v[80];
    int rc = isdigit((unsigned char)*s) && text_valid_utf8(s) ? date_parse(s, db_today(j->db), iso) : DATE_BAD_FORMAT;
    if (rc == DATE_OK) return (*out = strdup(iso)) ? 0 : -1;
    imp_shown(s, v, sizeof v);
    imp_cell_bad(j, line, c, L("%s không phải là ngày%s", "%s is not a date%s"), v,
             rc == DATE_OUT_OF_RANGE ? L(" (năm phải từ 1900 đến 2200)", " (the year must be 1900-2200)")
             : rc == DATE_NO_SUCH_DAY ? "" : L(" (ghi dd/mm/yyyy)", " (write dd/mm/yyyy)"));
    return 1;
}

static int convert_ref(import_job *j, imp_row *r, int c, const char *cell, char **out)
{
    const imp_col *col = &j->k->cols[c];
    int64_t scope = col->ref == 'c' ? 0 : imp_commune(j, r);
    char canon[24], msg[1400];
    int rc = imp_ref_find(j, j->refs, col->ref, scope, cell, canon, sizeof canon, msg, sizeof msg);
    if (rc == DB_ERR) return -1;
    if (rc) { imp_cell_bad(j, r->line, c, "%s", msg); return 1; }
    if (col->ref == 'c' && j->commune_id && *canon && imp_id(canon) != j->commune_id) {
        char want[24];
        snprintf(want, sizeof want, "%lld", (long long)j->commune_id);
        imp_cell_bad(j, r->line, c, L("%s không phải xã đã chọn (%s)", "%s is not the commune chosen (%s)"),
                 imp_ref_label(j, j->refs, 'c', 0, canon), imp_ref_label(j, j->refs, 'c', 0, want));
        return 1;
    }
    if (col->ref == 'o' && *canon && !scope) { imp_cell_bad(j, r->line, c, "%s", L("chưa biết xã", "no commune known")); return 1; }
    return (*out = strdup(canon)) ? 0 : -1;
}

/* Cell text into r->v[c]: 0, 1 when bad (message added), -1 out of memory. */
static int convert(import_job *j, imp_row *r, int c, const char *cell)
{
    const imp_col *col = &j->k->cols[c];
    const char *label = j->head[c];
    char buf[80], v[80];
    char *f = NULL;
    int empty = !cell[strspn(cell, " \t\r\n")];
    if (empty && (col->flags & IF_REQUIRED) && col->type != IT_TEXT) {
        imp_cell_bad(j, r->line, c, "%s", L("không được để trống", "required"));
        return 1;
    }
    if (empty && col->type == IT_STATUS) return 0;             /* no status said: kept (new tasks: open) */
    if (empty && col->type != IT_TEXT) return (r->v[c] = strdup("")) ? 0 : -1;
    imp_shown(cell, v, sizeof v);
    switch (col->type) {
    case IT_TEXT:
        if (field_text(j->db, NULL, label, cell, col->flags & IF_REQUIRED, (size_t)col->max, &r->v[c])) {
            imp_cell_bad(j, r->line, c, "%s", unlabelled(j));
            return 1;
        }
        return r->v[c] || (r->v[c] = strdup("")) ? 0 : -1;
    case IT_DATE:
        return convert_date(j, r->line, c, cell, &r->v[c]);
    case IT_QTY: {
        double q;
        if (!text_valid_utf8(cell) || field_qty(j->db, NULL, label, cell, &q, j->typed_unit, sizeof j->typed_unit)) {
            imp_cell_bad(j, r->line, c, "%s: %s", v, text_valid_utf8(cell) ? unlabelled(j) : L("không phải số", "not a number"));
            return 1;
        }
        snprintf(buf, sizeof buf, "%.15g", q);
        return (r->v[c] = strdup(buf)) ? 0 : -1;
    }
    case IT_COUNT: {
        long long n;
        int is_null;
        if (ent_int(j->db, NULL, label, cell, 0, 0, 100000000, &n, &is_null)) {
            imp_cell_bad(j, r->line, c, "%s: %s", v, unlabelled(j));
            return 1;
        }
        return (r->v[c] = imp_num(n, is_null)) ? 0 : -1;
    }
    case IT_FLAG:
    case IT_STATUS:
    case IT_UUID:
        if (!(f = norm_header(cell))) f = strdup("\x01");
        if (!f) return -1;
        if (col->type == IT_FLAG && (in_list(YES, f) || in_list(NO, f))) {
            int yes = in_list(YES, f);
            free(f);
            return (r->v[c] = strdup(yes ? "1" : "0")) ? 0 : -1;
        }
        break;
    case IT_REF:
        return convert_ref(j, r, c, cell, &r->v[c]);
    }
    /* flags, statuses, uuids */
    const char *code = NULL;
    for (size_t i = 0; col->type == IT_STATUS && i < sizeof STATUS_WORDS / sizeof STATUS_WORDS[0]; i++)
        if (!strcmp(f, STATUS_WORDS[i].word)) code = STATUS_WORDS[i].code;
    if (col->type == IT_UUID) {
        const char *s = cell + strspn(cell, " ");
        size_t n = strcspn(s, " \r\n\t");
        if (n && n <= 40 && strspn(s, "0123456789abcdefABCDEF-") == n && !s[n + strspn(s + n, " \r\n\t")]) {
            snprintf(buf, sizeof buf, "%.*s", (int)n, s);
            for (char *p = buf; *p; p++) *p = (char)tolower((unsigned char)*p);
            code = buf;
        }
    }
    free(f);
    if (code) return (r->v[c] = strdup(code)) ? 0 : -1;
    imp_cell_bad(j, r->line, c, "%s: %s", v,
             col->type == IT_FLAG ? L("chỉ ghi có hoặc không (x, 1/0); để trống khi chưa khảo sát",
                                      "write yes or no only (x, 1/0); leave empty when not surveyed")
             : col->type == IT_STATUS ? L("trạng thái là đang làm, đã xong hoặc đã hủy", "the status is open, done or cancelled")
             : L("không phải uuid", "not a uuid"));
    return 1;
}

/* A target typed with its unit ("2 km") fills the unit column, or must agree with it. */
static int merge_unit(import_job *j, imp_row *r)
{
    const imp_kind *k = j->k;
    if (!j->typed_unit[0] || k->col_qty_unit < 0) return 0;
    char *u = text_nfc(j->typed_unit);
    if (!u) return -1;
    char **cur = &r->v[k->col_qty_unit];
    if (*cur && **cur && strcmp(*cur, u)) {
        imp_cell_bad(j, r->line, k->col_qty, L("chỉ tiêu ghi \"%s\" nhưng cột '%s' là \"%s\"", "the target says \"%s\" but column '%s' says \"%s\""),
                 u, j->head[k->col_qty_unit], *cur);
        free(u);
        return 1;
    }
    free(*cur);
    *cur = u;
    return 0;
}

/* The export's units file has province and commune rows too: only "Thôn" rows are read. */
static int other_level(import_job *j, int n, const char *const *cells)
{
    int lv = j->k->col_level;
    for (int i = 0; lv >= 0 && i < j->nmap && i < n; i++) {
        if (j->map[i] != lv || !cells[i][strspn(cells[i], " ")]) continue;
        char *f = norm_header(cells[i]);
        int keep = f && header_in(f, j->k->level_keep);
        free(f);
        return !keep;
    }
    return 0;
}

/* A line above the header that gives one column for every row: "Quyết định | 51/2025/QĐ-TTg"
 * (two cells) or "Quyết định: 51/2025/QĐ-TTg" (one). 1 when it was one (its value
 * checked like a cell of that column), 0 when it is something else (a title). */
static int take_preamble(import_job *j, long line, int n, const char *const *cells)
{
    int i = 0, c = -1;
    while (i < n && !cells[i][strspn(cells[i], " ")]) i++;
    if (i == n) return 0;
    char key[200];
    const char *value = NULL;
    snprintf(key, sizeof key, "%s", cells[i]);
    char *colon = strchr(key, ':');
    if ((c = column_of(j->k, key)) >= 0) {
        int v = i + 1;
        while (v < n && !cells[v][strspn(cells[v], " ")]) v++;
        value = v < n ? cells[v] : "";
        for (int k = v + 1; k < n; k++) if (cells[k][strspn(cells[k], " ")]) return 0;
    } else if (colon) {
        *colon = 0;
        if ((c = column_of(j->k, key)) < 0) return 0;
        value = cells[i] + (colon - key) + 1;
        for (int k = i + 1; k < n; k++) if (cells[k][strspn(cells[k], " ")]) return 0;
    } else {
        return 0;
    }
    if (j->head[c]) {
        imp_msg_add(j, IMPORT_ERRORS, line, L("dòng %ld: cột '%s' có hai lần", "line %ld: column '%s' appears twice"), line, key);
        return 1;
    }
    imp_row t = { .line = line, .action = IMP_ADD, .v = calloc((size_t)j->k->ncols, sizeof *t.v) };
    j->pre_line[c] = line;
    if (!(j->head[c] = strdup(key)) || !t.v) {
        imp_msg_add(j, IMPORT_ERRORS, line, L("dòng %ld: hết bộ nhớ", "line %ld: out of memory"), line);
    } else if (convert(j, &t, c, value) == 0) {
        j->pre[c] = t.v[c];
        t.v[c] = NULL;
    }
    for (int k = 0; t.v && k < j->k->ncols; k++) free(t.v[k]);
    free(t.v);
    return 1;
}

int import_row(import_job *j, long line, int n, const char *const *cells)
{
    if (!j->header) {
        if (looks_like_header(j, n, cells)) {
            int *map = calloc((size_t)n + 1, sizeof *map);
            if (!map) return 0;
            free(j->map);
            j->map = map;
            take_header(j, line, n, cells);
        } else if (j->k->preamble && take_preamble(j, line, n, cells)) {
            ;                      /* not counted: a set's preamble may be longer than the search */
        } else if (++j->rows_seen == IMP_HEADER_SEARCH) {
            int hint = j->k->col_commune >= 0 ? j->k->col_commune : j->k->col_where;
            imp_msg_add(j, IMPORT_ERRORS, line, L("Không thấy dòng tiêu đề cột trong %d dòng đầu (cần các cột như %s, %s)",
                                              "No header row in the first %d lines (columns such as %s, %s are needed)"),
                    IMP_HEADER_SEARCH, L(j->k->cols[j->k->col_label].vi, j->k->cols[j->k->col_label].en),
                    L(j->k->cols[hint].vi, j->k->cols[hint].en));
        }
        return 0;
    }
    if (other_level(j, n, cells)) { j->skipped++; return 0; }
    if (j->nrows >= j->caprows) {
        int cap = j->caprows ? j->caprows * 2 : 256;
        imp_row *v = realloc(j->rows, (size_t)cap * sizeof *v);
        if (!v) goto oom;
        j->rows = v; j->caprows = cap;
    }
    imp_row *r = &j->rows[j->nrows];
    memset(r, 0, sizeof *r);
    if (!(r->v = calloc((size_t)j->k->ncols, sizeof *r->v))) goto oom;
    j->nrows++;
    r->line = line;
    r->action = IMP_ADD;
    j->typed_unit[0] = 0;
    int bad = 0;
    for (int c = 0; c < j->k->ncols; c++) {                 /* table order: commune before what lies in it */
        int i;
        for (i = 0; i < j->nmap && j->map[i] != c; i++) ;
        if (i == j->nmap) {                                 /* given above the header, or not at all */
            if (j->pre[c] && !(r->v[c] = strdup(j->pre[c]))) goto oom;
            bad |= j->head[c] && !j->pre[c];                /* a bad preamble value: already named */
            continue;
        }
        int cr = convert(j, r, c, i < n ? cells[i] : "");
        if (cr < 0) imp_msg_add(j, IMPORT_ERRORS, line, L("dòng %ld: %s", "line %ld: %s"), line, db_errmsg(j->db)[0] ? db_errmsg(j->db)
                                : L("hết bộ nhớ", "out of memory"));
        bad |= cr != 0;
    }
    bad |= merge_unit(j, r) != 0;
    if (bad) r->action = IMP_BAD;
    return 0;
oom:                                     /* a row lost must refuse the file, never vanish */
    imp_msg_add(j, IMPORT_ERRORS, line, L("dòng %ld: hết bộ nhớ", "line %ld: out of memory"), line);
    return 0;
}
