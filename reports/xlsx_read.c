/* xlsx_read: the first sheet of an Excel workbook. Debian 12 packages no XLSX reader for
 * C (libxlsxwriter only writes), so the zip is read with libzip and each XML part is
 * streamed through expat: xl/workbook.xml names the first sheet, its rels give the
 * sheet's part, xl/styles.xml says which cell formats are dates, xl/sharedStrings.xml
 * holds the text. Every part is unpacked through a counter that stops at
 * TABLE_MAX_BYTES whatever the zip's header claims (zip bombs); a DOCTYPE (never in a
 * workbook, and the way to entity tricks) stops the parse. */
#include "reports/table_internal.h"
#include "model/date.h"
#include "model/i18n.h"
#include <expat.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

typedef struct { char *p; size_t n, cap; } sbuf;

/* Append s[0..n), refusing to grow past TABLE_MAX_CELL. 0, or a TROW_ code. */
static int sb_add(sbuf *b, const char *s, size_t n)
{
    if (b->n + n > TABLE_MAX_CELL) return TROW_TOO_LONG;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->n + n + 1) cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) return TROW_NOMEM;
        b->p = p; b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
    return 0;
}

static const char *local(const char *name)          /* "uri|row" -> "row" */
{
    const char *bar = strrchr(name, '|');
    return bar ? bar + 1 : name;
}

static const char *attr(const char **atts, const char *name)
{
    for (int i = 0; atts[i]; i += 2) if (!strcmp(local(atts[i]), name)) return atts[i + 1];
    return NULL;
}

/* What every part's handlers share: the parser (to stop it) and why it stopped. */
typedef struct { XML_Parser p; int status; char *err; size_t errlen; } xml_ctx;

/* Stop the parse; with TABLE_ERR the handler has put the message in c->err. */
static void stop(xml_ctx *c, int status)
{
    if (c->status) return;
    c->status = status;
    XML_StopParser(c->p, XML_FALSE);
}

static void out_of_memory(xml_ctx *c)
{
    table_fail(c->err, c->errlen, "%s", _("Hết bộ nhớ khi đọc tệp"));
    stop(c, TABLE_ERR);
}

static void on_doctype(void *data, const XML_Char *n, const XML_Char *s, const XML_Char *p, int i)
{
    xml_ctx *c = data;
    (void)n; (void)s; (void)p; (void)i;
    table_fail(c->err, c->errlen, "%s", _("Tệp .xlsx có khai báo DOCTYPE (Excel không bao giờ ghi): không đọc"));
    stop(c, TABLE_ERR);
}

typedef struct { zip_t *z; const char *path; char *err; size_t errlen; } book;

/* Stream part name through a parser with these handlers and ctx (an xml_ctx first).
 * 1 when the part is absent and optional, else TABLE_OK or TABLE_ERR/TABLE_STOPPED. */
static int parse_part(book *b, const char *name, int optional, xml_ctx *ctx, XML_StartElementHandler start,
                      XML_EndElementHandler end, XML_CharacterDataHandler text)
{
    zip_file_t *f = zip_fopen(b->z, name, 0);
    if (!f && optional) return 1;
    if (!f) return table_fail(b->err, b->errlen, _("%s không phải sổ Excel .xlsx (thiếu %s)"),
                              b->path, name);
    XML_Parser p = XML_ParserCreateNS(NULL, '|');
    if (!p) { zip_fclose(f); return table_fail(b->err, b->errlen, "%s", _("Hết bộ nhớ")); }
    ctx->p = p;
    ctx->err = b->err;
    ctx->errlen = b->errlen;
    XML_SetUserData(p, ctx);
    XML_SetElementHandler(p, start, end);
    if (text) XML_SetCharacterDataHandler(p, text);
    XML_SetStartDoctypeDeclHandler(p, on_doctype);
    char buf[65536];
    long total = 0;
    int rc = TABLE_OK, done = 0;
    while (!done && rc == TABLE_OK) {
        zip_int64_t got = zip_fread(f, buf, sizeof buf);
        if (got < 0) { rc = table_fail(b->err, b->errlen, _("%s: không giải nén được %s"), b->path, name); break; }
        total += got;
        if (total > TABLE_MAX_BYTES) {
            rc = table_fail(b->err, b->errlen, _("%s: phần %s giải nén ra quá %ld MB (tệp hỏng hoặc cố ý phình to)"),
                            b->path, name, TABLE_MAX_BYTES / (1024 * 1024));
            break;
        }
        done = got == 0;
        if (XML_Parse(p, buf, (int)got, done) != XML_STATUS_OK) {
            if (ctx->status) rc = ctx->status;                  /* stopped by a handler, which said why */
            else rc = table_fail(b->err, b->errlen, _("%s: phần %s hỏng (XML dòng %lu: %s)"),
                                 b->path, name, (unsigned long)XML_GetCurrentLineNumber(p), XML_ErrorString(XML_GetErrorCode(p)));
        }
    }
    XML_ParserFree(p);
    zip_fclose(f);
    return rc;
}

/* ---- xl/workbook.xml and its rels: which part is the first sheet --------------------- */
typedef struct {
    xml_ctx x;
    char sheet_rid[128];
    int date1904;
    const char *want;          /* rels: the Id looked for */
    char sheet[512], strings[512], styles[512];
} wb_ctx;

static void wb_start(void *data, const XML_Char *name, const XML_Char **atts)
{
    wb_ctx *c = data;
    const char *n = local(name), *v;
    if (!strcmp(n, "workbookPr") && (v = attr(atts, "date1904"))) c->date1904 = !strcmp(v, "1") || !strcmp(v, "true");
    if (!strcmp(n, "sheet") && !c->sheet_rid[0] && (v = attr(atts, "id"))) snprintf(c->sheet_rid, sizeof c->sheet_rid, "%s", v);
}

/* A rels Target is relative to xl/ unless it starts with '/'. */
static void target_path(char *out, size_t n, const char *target)
{
    if (target[0] == '/') snprintf(out, n, "%s", target + 1);
    else snprintf(out, n, "xl/%s", target);
}

static int ends_with(const char *s, const char *tail)
{
    size_t a = strlen(s), b = strlen(tail);
    return a >= b && !strcmp(s + a - b, tail);
}

static void rels_start(void *data, const XML_Char *name, const XML_Char **atts)
{
    wb_ctx *c = data;
    if (strcmp(local(name), "Relationship")) return;
    const char *id = attr(atts, "Id"), *type = attr(atts, "Type"), *target = attr(atts, "Target");
    if (!id || !target) return;
    if (!strcmp(id, c->want)) target_path(c->sheet, sizeof c->sheet, target);
    if (type && ends_with(type, "/sharedStrings")) target_path(c->strings, sizeof c->strings, target);
    if (type && ends_with(type, "/styles")) target_path(c->styles, sizeof c->styles, target);
}

static void no_end(void *data, const XML_Char *name) { (void)data; (void)name; }

/* ---- xl/styles.xml: which cell formats (xf) show a date ------------------------------ */
typedef struct {
    xml_ctx x;
    int in_xfs;
    int *fmt_date; int nfmt, capfmt;     /* custom numFmtId -> is a date (pairs id, flag) */
    unsigned char *xf_date; int nxf, capxf;
} st_ctx;

/* Built-in date formats (ECMA-376 18.8.30; 27-36 and 50-58 are the East Asian ones). */
static int builtin_date(int id) { return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58); }

/* A custom format is a date when, outside quotes, escapes and [..], it has d or y
 * (m alone could be minutes). */
static int code_is_date(const char *s)
{
    for (; *s; s++) {
        if (*s == '"') { s = strchr(s + 1, '"'); if (!s) return 0; continue; }
        if (*s == '\\' || *s == '_' || *s == '*') { if (!*++s) return 0; continue; }
        if (*s == '[') { s = strchr(s, ']'); if (!s) return 0; continue; }
        if (*s == 'd' || *s == 'D' || *s == 'y' || *s == 'Y') return 1;
    }
    return 0;
}

static void *grow(void *v, int n, int *cap, size_t size)
{
    if (n < *cap) return v;
    int c = *cap ? *cap * 2 : 32;
    void *p = realloc(v, (size_t)c * size);
    if (p) *cap = c;
    return p;
}

static void st_start(void *data, const XML_Char *name, const XML_Char **atts)
{
    st_ctx *c = data;
    const char *n = local(name), *id = attr(atts, "numFmtId");
    if (!strcmp(n, "cellXfs")) c->in_xfs = 1;
    if (!strcmp(n, "numFmt") && id && attr(atts, "formatCode")) {
        int *v = grow(c->fmt_date, c->nfmt + 1, &c->capfmt, sizeof *v);
        if (!v) { out_of_memory(&c->x); return; }
        c->fmt_date = v;
        v[c->nfmt++] = atoi(id);
        v[c->nfmt++] = code_is_date(attr(atts, "formatCode"));
    }
    if (!strcmp(n, "xf") && c->in_xfs) {
        unsigned char *v = grow(c->xf_date, c->nxf, &c->capxf, 1);
        if (!v) { out_of_memory(&c->x); return; }
        c->xf_date = v;
        int f = id ? atoi(id) : 0, date = builtin_date(f);
        for (int i = 0; i + 1 < c->nfmt; i += 2) if (c->fmt_date[i] == f) date = c->fmt_date[i + 1];
        v[c->nxf++] = (unsigned char)date;
    }
}

static void st_end(void *data, const XML_Char *name)
{
    st_ctx *c = data;
    if (!strcmp(local(name), "cellXfs")) c->in_xfs = 0;
}

/* ---- xl/sharedStrings.xml: <si> with <t>, or runs <r><t>; phonetic <rPh> skipped ------ */
typedef struct {
    xml_ctx x;
    char **s; int n, cap;
    int in_t, in_rph;
    sbuf cur;
} ss_ctx;

static void ss_start(void *data, const XML_Char *name, const XML_Char **atts)
{
    ss_ctx *c = data;
    const char *n = local(name);
    (void)atts;
    if (!strcmp(n, "si")) c->cur.n = 0;
    else if (!strcmp(n, "t")) c->in_t = 1;
    else if (!strcmp(n, "rPh")) c->in_rph = 1;
}

static void ss_end(void *data, const XML_Char *name)
{
    ss_ctx *c = data;
    const char *n = local(name);
    if (!strcmp(n, "t")) c->in_t = 0;
    else if (!strcmp(n, "rPh")) c->in_rph = 0;
    else if (!strcmp(n, "si")) {
        char **v = grow(c->s, c->n, &c->cap, sizeof *v);
        char *copy = malloc(c->cur.n + 1);
        if (!v || !copy) { free(copy); if (v) c->s = v; out_of_memory(&c->x); return; }
        c->s = v;
        if (c->cur.n) memcpy(copy, c->cur.p, c->cur.n);
        copy[c->cur.n] = 0;
        c->s[c->n++] = copy;
        c->cur.n = 0;
    }
}

static void ss_text(void *data, const XML_Char *s, int len)
{
    ss_ctx *c = data;
    if (c->in_t && !c->in_rph && sb_add(&c->cur, s, (size_t)len)) {
        table_fail(c->x.err, c->x.errlen, _("Tệp .xlsx có một ô dài quá %d KB"),
                   TABLE_MAX_CELL / 1024);
        stop(&c->x, TABLE_ERR);
    }
}

/* ---- the sheet ------------------------------------------------------------------------ */
typedef struct {
    xml_ctx x;
    table_row row;
    table_row_fn *fn; void *ctx;
    const ss_ctx *ss; const st_ctx *st; int date1904;
    long line;                /* the row's number */
    int col, in_v, in_is, in_t, in_rph, style;
    char type;                /* 'n' number, 's' shared, 'i' inline, 'b' boolean, 'S' text, 'd' ISO date */
    sbuf text;
} sh_ctx;

/* "B14" -> 1; -1 when there is no column. */
static int col_of(const char *ref)
{
    int c = 0, any = 0;
    for (; *ref >= 'A' && *ref <= 'Z'; ref++, any = 1) {
        c = c * 26 + (*ref - 'A' + 1);
        if (c > 16384) return 16384;
    }
    return any ? c - 1 : -1;
}

static void sh_start(void *data, const XML_Char *name, const XML_Char **atts)
{
    sh_ctx *c = data;
    const char *n = local(name), *v;
    if (!strcmp(n, "row")) {
        c->line = (v = attr(atts, "r")) ? atol(v) : c->line + 1;
        c->col = -1;
        c->row.n = 0;
    } else if (!strcmp(n, "c")) {
        int k = (v = attr(atts, "r")) ? col_of(v) : -1;
        c->col = k >= 0 ? k : c->col + 1;
        c->style = (v = attr(atts, "s")) ? atoi(v) : 0;
        v = attr(atts, "t");
        c->type = !v ? 'n' : !strcmp(v, "s") ? 's' : !strcmp(v, "inlineStr") ? 'i' : !strcmp(v, "b") ? 'b'
                : !strcmp(v, "d") ? 'd' : !strcmp(v, "n") ? 'n' : 'S';
        c->text.n = 0;
        if (c->text.p) c->text.p[0] = 0;
    } else if (!strcmp(n, "v")) c->in_v = 1;
    else if (!strcmp(n, "is")) c->in_is = 1;
    else if (!strcmp(n, "t")) c->in_t = 1;
    else if (!strcmp(n, "rPh")) c->in_rph = 1;
}

/* A number as its shortest text ("0.30000000000000004" -> "0.3"), or a date cell's
 * serial as dd/mm/yyyy (1900 system with Lotus's 29/02/1900 kept: that day is refused
 * later as not a date; or the 1904 system). */
static void cell_number(const sh_ctx *c, const char *v, char *out, size_t n)
{
    char *end;
    double d = strtod(v, &end);
    snprintf(out, n, "%s", v);
    if (end == v || *end || !isfinite(d)) return;
    int date = c->style >= 0 && c->style < c->st->nxf && c->st->xf_date[c->style];
    if (date && d >= 1 && d < 2958466) {
        long serial = (long)floor(d), days;
        if (c->date1904) days = serial - 24107;
        else if (serial == 60) { snprintf(out, n, "29/02/1900"); return; }
        else days = serial < 60 ? serial - 25568 : serial - 25569;
        char iso[11];
        date_from_days(days, iso);
        date_show(iso, out);
        return;
    }
    char s[40];
    snprintf(s, sizeof s, "%.15g", d);
    if (!strchr(s, 'e')) snprintf(out, n, "%s", s);
}

static void sh_cell(sh_ctx *c)
{
    const char *v = c->text.p ? c->text.p : "";
    char num[64];
    if (c->type == 's') {
        long i = strtol(v, NULL, 10);
        v = *v && i >= 0 && i < c->ss->n ? c->ss->s[i] : "";
    } else if (c->type == 'b') {
        v = !strcmp(v, "1") ? "1" : "0";
    } else if (c->type == 'n' && *v) {
        cell_number(c, v, num, sizeof num);
        v = num;
    } else if (c->type == 'd' && strlen(v) > 10) {
        snprintf(num, sizeof num, "%.10s", v);                /* 2022-02-28T00:00:00 */
        v = num;
    }
    int rc = trow_set(&c->row, c->col, v, strlen(v));
    if (rc) { trow_fail(rc, c->line, c->x.err, c->x.errlen); stop(&c->x, TABLE_ERR); }
}

static void sh_end(void *data, const XML_Char *name)
{
    sh_ctx *c = data;
    const char *n = local(name);
    if (!strcmp(n, "v")) c->in_v = 0;
    else if (!strcmp(n, "t")) c->in_t = 0;
    else if (!strcmp(n, "rPh")) c->in_rph = 0;
    else if (!strcmp(n, "is")) c->in_is = 0;
    else if (!strcmp(n, "c")) sh_cell(c);
    else if (!strcmp(n, "row")) {
        int rc = trow_emit(&c->row, c->line, c->fn, c->ctx);
        if (rc == TABLE_ERR) trow_fail(0, c->line, c->x.err, c->x.errlen);
        if (rc) stop(&c->x, rc);
    }
}

static void sh_text(void *data, const XML_Char *s, int len)
{
    sh_ctx *c = data;
    if (!c->in_v && !(c->in_is && c->in_t && !c->in_rph)) return;
    int rc = sb_add(&c->text, s, (size_t)len);
    if (rc) { trow_fail(rc, c->line, c->x.err, c->x.errlen); stop(&c->x, TABLE_ERR); }
}

int table_read_xlsx(const char *path, table_row_fn *fn, void *ctx, char *err, size_t errlen)
{
    int zerr = 0;
    err[0] = 0;
    zip_t *z = zip_open(path, ZIP_RDONLY, &zerr);
    if (!z) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, zerr);
        table_fail(err, errlen, _("Không mở được %s như tệp .xlsx: %s"), path, zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return TABLE_ERR;
    }
    book b = { z, path, err, errlen };
    wb_ctx wb = { 0 };
    st_ctx st = { 0 };
    ss_ctx ss = { 0 };
    sh_ctx sh = { .fn = fn, .ctx = ctx, .ss = &ss, .st = &st };
    int rc = parse_part(&b, "xl/workbook.xml", 0, &wb.x, wb_start, no_end, NULL);
    if (!rc && !wb.sheet_rid[0]) rc = table_fail(err, errlen, _("%s: sổ không có trang tính nào"), path);
    wb.want = wb.sheet_rid;
    if (!rc) rc = parse_part(&b, "xl/_rels/workbook.xml.rels", 0, &wb.x, rels_start, no_end, NULL);
    if (!rc && !wb.sheet[0]) rc = table_fail(err, errlen, _("%s: không tìm thấy trang tính đầu"), path);
    if (!rc) rc = parse_part(&b, wb.styles[0] ? wb.styles : "xl/styles.xml", 1, &st.x, st_start, st_end, NULL);
    if (rc == 1) rc = 0;
    if (!rc) rc = parse_part(&b, wb.strings[0] ? wb.strings : "xl/sharedStrings.xml", 1, &ss.x, ss_start, ss_end, ss_text);
    if (rc == 1) rc = 0;
    sh.date1904 = wb.date1904;
    if (!rc) rc = parse_part(&b, wb.sheet, 0, &sh.x, sh_start, sh_end, sh_text);
    if (rc == 1) rc = 0;
    for (int i = 0; i < ss.n; i++) free(ss.s[i]);
    free(ss.s); free(ss.cur.p);
    free(st.fmt_date); free(st.xf_date);
    free(sh.text.p);
    trow_free(&sh.row);
    zip_close(z);
    return rc;
}
