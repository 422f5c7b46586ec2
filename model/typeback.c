/* typeback: checking and saving a typed-back task sheet (typeback.h). */
#include "model/typeback.h"
#include "model/db_internal.h"
#include "model/date.h"
#include "model/entity.h"
#include "model/i18n.h"
#include "model/rows.h"
#include "model/task_edit.h"
#include "model/text.h"
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *skip_sp(const char *p) { while (*p == ' ' || *p == '\t') p++; return p; }

/* "1.500" is 1500 to a Vietnamese reader and 1.5 to a program: one dot and three digits
 * after it, the part before not 0, nothing else. Such a number is refused, not guessed. */
static int ambiguous_dot(const char *num, size_t k)
{
    const char *dot = memchr(num, '.', k);
    if (!dot || memchr(num, ',', k) || memchr(dot + 1, '.', k - (size_t)(dot + 1 - num))) return 0;
    return k - (size_t)(dot - num) - 1 == 3 && !(dot - num == 1 && num[0] == '0');
}

/* The digits with their separators as a C number: "12.345,5" (Vietnamese groups, comma
 * decimal) and "1.234.567" are grouped; else one '.' or ',' is the decimal mark. */
static int to_c_number(const char *num, size_t k, char *out, size_t n)
{
    int dots = 0, commas = 0;
    for (size_t i = 0; i < k; i++) dots += num[i] == '.', commas += num[i] == ',';
    int grouped = (dots && commas) || dots > 1;
    if (commas > 1 || k + 1 > n) return -1;
    size_t j = 0;
    for (size_t i = 0; i < k; i++) {
        if (num[i] == '.' && grouped) continue;
        out[j++] = num[i] == ',' ? '.' : num[i];
    }
    out[j] = 0;
    return 0;
}

int task_qty_parse(const char *in, double *qty, int *as_total, const char **end, char *err, size_t n)
{
    *as_total = 0;
    in = skip_sp(in);
    if (*in == '=') { *as_total = 1; in = skip_sp(in + 1); }
    if (*in == '-') { snprintf(err, n, "%s", _("Không được âm")); return -1; }
    size_t k = strspn(in, "0123456789.,");
    if (!k || !isdigit((unsigned char)in[0])) {
        snprintf(err, n, "%s", *as_total ? _("Gõ tổng mới sau dấu =, vd. =1,8")
                                         : _("Gõ một số (vd. 0,3), hoặc =số cho tổng mới"));
        return -1;
    }
    char num[48], c[48];
    snprintf(num, sizeof num, "%.*s", (int)(k < 40 ? k : 40), in);
    if (ambiguous_dot(in, k)) {
        int ip = (int)(strchr(num, '.') - num);
        snprintf(err, n, _("\"%s\" là %.*s nghìn hay %.*s,%s? Gõ số không có dấu chấm (phần lẻ sau dấu phẩy)"),
                 num, ip, num, ip, num, num + ip + 1);
        return -1;
    }
    char *stop;
    double v = to_c_number(in, k, c, sizeof c) == 0 ? strtod(c, &stop) : NAN;
    if (isnan(v) || *stop || !isfinite(v)) { snprintf(err, n, _("\"%s\" không phải là số"), num); return -1; }
    if (v > 1e9) { snprintf(err, n, "%s", _("Số quá lớn")); return -1; }
    *qty = v;
    if (end) *end = in + k;
    return 0;
}

int task_unit_prefix(const char *text, const char *unit, const char **after)
{
    text = skip_sp(text);
    if (!unit || !unit[0]) return 0;
    char *fu = text_fold(unit);
    size_t words = 1;
    for (const char *p = unit; *p; p++) words += *p == ' ';
    const char *e = text;                        /* as many words of text as the unit has */
    for (size_t w = 0; w < words && *e; w++) {
        e = skip_sp(e);
        e += strcspn(e, " \t");
    }
    char *piece = malloc((size_t)(e - text) + 1);
    int hit = 0;
    if (fu && piece) {
        memcpy(piece, text, (size_t)(e - text));
        piece[e - text] = 0;
        char *fp = text_fold(piece);
        hit = fp && !strcmp(fp, fu);
        free(fp);
    }
    free(piece); free(fu);
    if (hit && after) *after = e;
    return hit;
}

/* ---- checking --------------------------------------------------------------------------- */

typedef struct { const task_list *tl; const tb_result *r; ntm_db *db; int64_t commune, hamlet; } ctx;

/* "V12", "v12", "12" (a ':' after it is allowed): the code, or 0. *end after it. */
static int64_t read_code(const char *p, const char **end)
{
    const char *s = p;
    if (*s == 'V' || *s == 'v') s++;
    if (!isdigit((unsigned char)*s)) return 0;
    char *e;
    long long c = strtoll(s, &e, 10);
    if (c <= 0 || c > 100000000 || (*e && *e != ' ' && *e != '\t' && *e != ':')) return 0;
    if (*e == ':') e++;
    *end = e;
    return c;
}

/* Why a code is not on this list: another hamlet's task, or none at all. */
static void not_here(const ctx *c, int64_t code, char *err, size_t n)
{
    static const char *sql = "SELECT coalesce(h.name, '') FROM task t LEFT JOIN unit h ON h.id = t.hamlet_id "
                             "WHERE t.commune_id = ?1 AND t.code = ?2";
    sqlite3_stmt *st = db_stmt(c->db, sql);
    char hamlet[204] = "";
    int found = 0;
    if (st) {
        sqlite3_bind_int64(st, 1, c->commune);
        sqlite3_bind_int64(st, 2, code);
        if (sqlite3_step(st) == SQLITE_ROW) { found = 1; col_text(hamlet, sizeof hamlet, st, 0); }
        sqlite3_reset(st);
    }
    if (!found) snprintf(err, n, _("Không có đầu việc mã V%lld"), (long long)code);
    else if (hamlet[0]) snprintf(err, n, _("V%lld là việc của thôn %s, không có trong phiếu này"),
                                 (long long)code, hamlet);
    else snprintf(err, n, _("V%lld là việc chung của xã, không có trong phiếu này"),
                  (long long)code);
}

/* A known unit that is not the task's, written after the number ("150 m" for a km task). */
static int other_unit(const char *rest, const char *own)
{
    const char *const *u = task_qty_units();
    for (int i = 0; u[i]; i++)
        if (strcmp(u[i], own) && task_unit_prefix(rest, u[i], NULL)) return 1;
    return 0;
}

static int is_done_word(const char *p, const char **end)
{
    size_t k = strcspn(p, " \t");
    char w[16];
    if (!k || k >= sizeof w) return 0;
    memcpy(w, p, k); w[k] = 0;
    char *f = text_fold(w);
    int hit = f && (!strcmp(f, "xong") || !strcmp(f, "done"));
    free(f);
    if (hit) *end = p + k;
    return hit;
}

static void parse_line(const ctx *c, const char *line, tb_line *l)
{
    const char *p = skip_sp(line), *e = p;
    int64_t code = read_code(p, &e);
    if (!code) {
        snprintf(l->err, sizeof l->err, "%s", _("Dòng phải bắt đầu bằng mã đầu việc, vd. \"V12 150 đã trồng xong\""));
        return;
    }
    l->code = code;
    const task_row *r = NULL;
    for (int i = 0; i < c->tl->n && !r; i++) if (c->tl->v[i].code == code) r = &c->tl->v[i];
    if (!r) { not_here(c, code, l->err, sizeof l->err); return; }
    text_copy(l->title, sizeof l->title, r->title);
    text_copy(l->unit, sizeof l->unit, r->qty_unit);
    l->task_id = r->id;
    if (r->status == 'x') {
        snprintf(l->err, sizeof l->err, _("V%lld đã hủy: không nhận báo cáo"), (long long)code);
        return;
    }
    for (int i = 0; i < c->r->n - 1; i++)                  /* the lines before this one */
        if (c->r->v[i].code == code) {
            snprintf(l->err, sizeof l->err, _("V%lld đã có ở dòng %d"), (long long)code, c->r->v[i].lineno);
            return;
        }
    p = skip_sp(e);
    char msg[300];
    if (is_done_word(p, &e)) {
        l->done = 1;
    } else if (!*p) {
        snprintf(l->err, sizeof l->err, _("Sau mã V%lld cần ghi số (vd. 150), =số cho tổng mới, hoặc \"xong\""), (long long)code);
        return;
    } else if (task_qty_parse(p, &l->qty, &l->as_total, &e, msg, sizeof msg)) {
        snprintf(l->err, sizeof l->err, "V%lld: %s", (long long)code, msg);
        return;
    } else {
        const char *after;
        if (task_unit_prefix(e, r->qty_unit, &after)) e = after;            /* "1,5 km": the task's own */
        else if ((*e && *e != ' ' && *e != '\t') || other_unit(e, r->qty_unit)) {
            if (r->qty_unit[0]) snprintf(l->err, sizeof l->err, _("V%lld tính bằng %s: chỉ ghi số"),
                                         (long long)code, r->qty_unit);
            else snprintf(l->err, sizeof l->err, _("V%lld: chỉ ghi số, không kèm đơn vị"), (long long)code);
            return;
        }
    }
    char *nfc = text_nfc(skip_sp(e));
    text_copy(l->note, sizeof l->note, nfc ? nfc : "");
    free(nfc);
    size_t nl = strlen(l->note);
    while (nl && (l->note[nl - 1] == ' ' || l->note[nl - 1] == '\t')) l->note[--nl] = 0;
}

int tb_check(ntm_db *db, int64_t commune_id, int64_t hamlet_id, const char *text, tb_result *out)
{
    memset(out, 0, sizeof *out);
    task_list tl;
    task_filter f = { commune_id, hamlet_id > 0 ? hamlet_id : 0 };
    int rc = task_list_load(db, &f, &tl);
    if (rc) return rc;
    int cap = 0, lineno = 0;
    for (const char *p = text ? text : ""; *p; ) {
        size_t n = strcspn(p, "\n");
        const char *line = p;
        p += n + (p[n] == '\n');
        lineno++;
        const char *s = skip_sp(line);
        if (s == line + n || *s == '\n' || *s == '\r' || *s == '#') continue;
        tb_line *v = rows_room(out->v, out->n, &cap, sizeof *v);
        if (!v) { tb_free(out); task_list_free(&tl); return db_fail(db, DB_ERR, "out of memory"); }
        out->v = v;
        tb_line *l = &out->v[out->n++];
        memset(l, 0, sizeof *l);
        l->lineno = lineno;
        char *copy = malloc(n + 1);
        if (!copy) { tb_free(out); task_list_free(&tl); return db_fail(db, DB_ERR, "out of memory"); }
        memcpy(copy, line, n); copy[n] = 0;
        if (n && copy[n - 1] == '\r') copy[n - 1] = 0;
        ctx c = { &tl, out, db, commune_id, hamlet_id };
        if (!text_valid_utf8(copy)) snprintf(l->err, sizeof l->err, "%s", _("Dòng có ký tự không hợp lệ (không phải UTF-8)"));
        else parse_line(&c, copy, l);
        free(copy);
        if (l->err[0]) out->bad++;
    }
    task_list_free(&tl);
    return DB_OK;
}

void tb_free(tb_result *r)
{
    free(r->v);
    memset(r, 0, sizeof *r);
}

void tb_describe(const tb_line *l, char *out, size_t n)
{
    char q[40];
    fmt_qty(l->qty, q, sizeof q);
    const char *sep = l->unit[0] ? " " : "";
    if (l->done)
        snprintf(out, n, _("V%lld %s: xong%s%s"), (long long)l->code, l->title, l->note[0] ? " · " : "", l->note);
    else if (l->as_total)
        snprintf(out, n, _("V%lld %s: tổng mới %s%s%s%s%s"), (long long)l->code, l->title, q, sep,
                 l->unit, l->note[0] ? " · " : "", l->note);
    else
        snprintf(out, n, "V%lld %s: +%s%s%s%s%s", (long long)l->code, l->title, q, sep, l->unit, l->note[0] ? " · " : "", l->note);
}

/* ---- saving ---------------------------------------------------------------------------- */

static int mark_done(ntm_db *db, int64_t task_id)
{
    static const char *sql = "UPDATE task SET status = 'done', version = version + 1, updated_at = " ENT_NOW
                             " WHERE id = ?1 AND status = 'open'";
    return rows_exec(db, sql, task_id);
}

int tb_save(ntm_db *db, const tb_result *r, const char *date_iso, const char *reporter, int *saved)
{
    *saved = 0;
    if (r->bad) return db_fail(db, DB_INVALID, _("Còn %d dòng lỗi: chưa lưu dòng nào"), r->bad);
    if (!date_valid_iso(date_iso)) return db_fail(db, DB_INVALID, "%s", date_error(DATE_NO_SUCH_DAY));
    int rc = db_begin(db);
    if (rc) return rc;
    for (int i = 0; i < r->n && !rc; i++) {
        const tb_line *l = &r->v[i];
        if (!l->done || l->note[0])
            rc = task_add_progress_tx(db, l->task_id, date_iso, l->done ? 0 : l->qty, l->as_total && !l->done, l->note, reporter);
        if (!rc && l->done) rc = mark_done(db, l->task_id);
        if (rc) {
            char msg[600];
            snprintf(msg, sizeof msg, "%s", db_errmsg(db));
            db_rollback(db);
            return db_fail(db, rc, _("Dòng %d: %s (chưa lưu dòng nào)"), l->lineno, msg);
        }
    }
    rc = db_commit(db);
    if (!rc) *saved = r->n;
    return rc;
}
