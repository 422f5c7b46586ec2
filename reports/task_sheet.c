/* task_sheet: the task sheet (Phiếu đầu việc, seed 000) of a hamlet, or of one
 * organisation or person across the commune's hamlets: what must be done, done so far
 * of the target, the deadline, an empty "Kỳ này" column to write this period's quantity
 * in by pen (the unit printed beside it), a box to tick when finished, a note. Each row
 * starts with the task's code (V12), so the officer types the filled sheet back line by
 * line ("V12 150 đã trồng xong", model/typeback.h). */
#include "reports/task_sheet.h"
#include "reports/letterhead.h"
#include "reports/pdf.h"
#include "reports/report_common.h"
#include "reports/report_keep.h"
#include "model/campaign.h"
#include "model/date.h"
#include "model/filter.h"
#include "model/i18n.h"
#include "model/org.h"
#include "model/person.h"
#include "model/task.h"
#include "model/text.h"
#include "model/unit.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TABLE_SIZE 11.0f
#define MAX_CAMPAIGNS 9

/* Mã | Nội dung | [Thôn] | Đã làm/Chỉ tiêu | Hạn | Kỳ này | Xong | Ghi chú. Widths in
 * points of the A4 text area (467.7): "Kỳ này" 64 pt = 22.6 mm (62 = 21.9 mm with the
 * Thôn column), room for a handwritten "1.250"; the owner, when it is not the sheet's
 * own, goes under the task's title. */
enum { C_CODE, C_TITLE, C_HAMLET, C_QTY, C_DEADLINE, C_NOW, C_DONE, C_NOTE, C_N };
static const pdf_col HAMLET_COLS[] = {
    { N_("Mã"), 30, PDF_CENTER },
    { N_("Nội dung công việc"), 155.7f, PDF_LEFT },
    { N_("Đã làm/\nChỉ tiêu"), 66, PDF_CENTER },
    { N_("Hạn"), 58, PDF_CENTER },
    { N_("Kỳ này"), 64, PDF_RIGHT },
    { N_("Xong"), 34, PDF_CENTER },
    { N_("Ghi chú"), 60, PDF_LEFT },
};
static const pdf_col OWNER_COLS[] = {
    { N_("Mã"), 30, PDF_CENTER },
    { N_("Nội dung công việc"), 117.7f, PDF_LEFT },
    { N_("Thôn"), 50, PDF_LEFT },
    { N_("Đã làm/\nChỉ tiêu"), 62, PDF_CENTER },
    { N_("Hạn"), 58, PDF_CENTER },
    { N_("Kỳ này"), 62, PDF_RIGHT },
    { N_("Xong"), 34, PDF_CENTER },
    { N_("Ghi chú"), 54, PDF_LEFT },
};

/* What one sheet is about. */
typedef struct {
    unit_row commune;
    unit_row hamlet;            /* the hamlet's sheet; id 0 for an owner's */
    char who[820], who_short[130];   /* the owner's sheet: full and short name */
    task_list tasks;
    int64_t camp[MAX_CAMPAIGNS];
    int ncamp;
} sheet;

/* "Thôn Nậy", but a name that already says Thôn/Bản/Xóm keeps its own word. */
static void with_kind(const char *kind, const char *const *own, const char *name, char *out, size_t n)
{
    for (int i = 0; own[i]; i++)
        if (strncmp(name, own[i], strlen(own[i])) == 0) { snprintf(out, n, "%s", name); return; }
    snprintf(out, n, "%s %s", kind, name);
}

static void hamlet_name(const char *name, char *out, size_t n)
{
    static const char *const words[] = { "Thôn ", "thôn ", "Bản ", "bản ", "Xóm ", "xóm ", "Tổ dân phố ", NULL };
    with_kind("Thôn", words, name, out, n);
}

static void commune_name(const char *name, char *out, size_t n)
{
    static const char *const words[] = { "Xã ", "xã ", NULL };
    with_kind("Xã", words, name, out, n);
}

/* ---- the campaigns: one line each under the title, (1) (2) when there are several ---- */

static void gather_campaigns(sheet *s)
{
    for (int i = 0; i < s->tasks.n; i++) {
        const task_row *r = &s->tasks.v[i];
        if (r->status == 'x' || !r->campaign_id) continue;
        int seen = 0;
        for (int k = 0; k < s->ncamp; k++) seen |= s->camp[k] == r->campaign_id;
        if (!seen && s->ncamp < MAX_CAMPAIGNS) s->camp[s->ncamp++] = r->campaign_id;
    }
    for (int a = 1; a < s->ncamp; a++)               /* in the order of their ids: stable */
        for (int b = a; b > 0 && s->camp[b - 1] > s->camp[b]; b--) {
            int64_t t = s->camp[b]; s->camp[b] = s->camp[b - 1]; s->camp[b - 1] = t;
        }
}

static int campaign_no(const sheet *s, int64_t id)
{
    for (int k = 0; k < s->ncamp; k++) if (s->camp[k] == id) return k + 1;
    return 0;
}

/* "(1) Đợt cao điểm ... (số 14-KH/BCĐ, từ 03/03/2021 đến 03/06/2021)" */
static void campaign_lines(pdf_doc *d, ntm_db *db, const sheet *s)
{
    campaign_rec *c = s->ncamp ? malloc(sizeof *c) : NULL;      /* ~12 KB: not on the stack */
    for (int i = 0; c && i < s->ncamp; i++) {
        if (campaign_read(db, s->camp[i], c) != DB_OK) continue;
        char from[11], to[11], line[1700], mark[16] = "";
        date_show(c->start_date, from);
        date_show(c->end_date, to);
        if (s->ncamp > 1) snprintf(mark, sizeof mark, "(%d) ", i + 1);
        if (c->doc_number[0])
            snprintf(line, sizeof line, _("%s%s (số %s, từ %s đến %s)"),
                     mark, c->name, c->doc_number, from, to);
        else
            snprintf(line, sizeof line, _("%s%s (từ %s đến %s)"), mark, c->name, from, to);
        pdf_para(d, pdf_left(d), pdf_width(d), PDF_ITALIC, 12, PDF_CENTER, line);
    }
    free(c);
}

/* How to fill it in and how it comes back, on the sheet itself. */
static void instructions(pdf_doc *d, int owner)
{
    float s = report_scaled(d, 10.5f, 8);
    pdf_space(d, 4);
    pdf_para(d, pdf_left(d), pdf_width(d), PDF_ITALIC, s, PDF_LEFT, owner
             ? _("Cách ghi: cột \"Kỳ này\" ghi khối lượng làm được trong kỳ (hoặc dấu = và tổng mới, vd. =27); "
                 "đánh dấu vào ô \"Xong\" khi việc đã hoàn thành. Cán bộ nhập lại vào ntm theo mã, mỗi việc một dòng: "
                 "mã, số, ghi chú, vd. \"V12 150 đã trồng xong đoạn đầu\", \"V5 xong\".")
             : _("Cách ghi: thôn ghi khối lượng làm được trong kỳ vào cột \"Kỳ này\" (hoặc dấu = và tổng mới, vd. =27); "
                 "đánh dấu vào ô \"Xong\" khi việc đã hoàn thành. Cán bộ nhập lại vào ntm theo mã, mỗi việc một dòng: "
                 "mã, số, ghi chú, vd. \"V12 150 đã trồng xong đoạn đầu\", \"V5 xong\"."));
    pdf_space(d, 4);
}

/* ---- the rows ---- */

typedef struct { char code[24], qty[TASK_UNIT_SIZE + 80], deadline[11], owner[300], camp[16], hamlet[220]; } row_text;

/* "1,4/2 km"; no target: "3 hộ" (or the number alone, or nothing). */
static void qty_cell(const task_row *r, char *out, size_t n)
{
    char d[32], t[32];
    const char *sep = r->qty_unit[0] ? " " : "";
    fmt_qty(r->done, d, sizeof d);
    if (r->target >= 0) {
        fmt_qty(r->target, t, sizeof t);
        snprintf(out, n, "%s/%s%s%s", d, t, sep, r->qty_unit);
    } else if (r->qty_unit[0] || r->done > 0) {
        snprintf(out, n, "%s%s%s", d, sep, r->qty_unit);
    } else {
        out[0] = 0;
    }
}

/* The owner under the title, unless it is the sheet's own (the hamlet, the owner). */
static int own_owner(const sheet *s, const char *owner)
{
    if (!owner[0]) return 1;
    if (s->hamlet.id) return !strcmp(owner, s->hamlet.name);
    return !strcmp(owner, s->who) || (s->who_short[0] && !strcmp(owner, s->who_short));
}

static void fill_row(const sheet *s, const task_row *r, row_text *b, pdf_cell *c, int ncols)
{
    int owner = !s->hamlet.id, off = owner ? 0 : -1;    /* the hamlet's sheet has no Thôn column */
    memset(c, 0, sizeof *c * (size_t)ncols);
    task_code_text(r->code, b->code, sizeof b->code);
    c[C_CODE].text = b->code;
    c[C_CODE].face = PDF_BOLD;
    int k = s->ncamp > 1 ? campaign_no(s, r->campaign_id) : 0;
    if (k) { snprintf(b->camp, sizeof b->camp, "(%d)", k); c[C_CODE].note = b->camp; c[C_CODE].note_face = PDF_ITALIC; }
    c[C_TITLE].text = r->title;
    if (!own_owner(s, r->owner)) {
        snprintf(b->owner, sizeof b->owner, _("Phụ trách: %s"), r->owner);
        c[C_TITLE].note = b->owner;
        c[C_TITLE].note_face = PDF_ITALIC;
    }
    if (owner) {
        if (r->hamlet[0]) text_copy(b->hamlet, sizeof b->hamlet, r->hamlet);
        else snprintf(b->hamlet, sizeof b->hamlet, "%s", _("Toàn xã"));
        c[C_HAMLET].text = b->hamlet;
    }
    qty_cell(r, b->qty, sizeof b->qty);
    c[C_QTY + off].text = b->qty;
    date_show(r->deadline, b->deadline);
    c[C_DEADLINE + off].text = b->deadline;
    if (r->overdue) { c[C_DEADLINE + off].note = _("(quá hạn)"); c[C_DEADLINE + off].note_face = PDF_ITALIC; }
    /* Kỳ này: empty to write in; the unit at the right of its second line */
    c[C_NOW + off].text = " ";
    c[C_NOW + off].note = r->qty_unit;
    c[C_NOW + off].note_face = PDF_ITALIC;
    c[C_DONE + off].box = r->status == 'd' ? PDF_BOX_TICKED : PDF_BOX_EMPTY;
}

static int task_table(pdf_doc *d, const sheet *s, const report_keep *keep)
{
    int owner = !s->hamlet.id, ncols = owner ? C_N : C_N - 1;
    pdf_table t;
    float size = report_scaled(d, TABLE_SIZE, 0);
    if (pdf_table_init(&t, d, owner ? OWNER_COLS : HAMLET_COLS, ncols, size < 8 ? 8 : size, 0)) return -1;
    t.min_lines = 2;                        /* room to write by pen */
    pdf_cell c[C_N];
    row_text b;
    int rows = 0, no = 0;
    for (int i = 0; i < s->tasks.n; i++) rows += s->tasks.v[i].status != 'x';
    int tail = rows - report_keep_tail_rows(rows);
    for (int i = 0; i < s->tasks.n; i++) {
        if (s->tasks.v[i].status == 'x') continue;      /* cancelled: not work to do */
        if (no++ == tail) report_keep_break(d, keep);  /* the last rows stay with the signature */
        fill_row(s, &s->tasks.v[i], &b, c, ncols);
        if (pdf_table_row(&t, c)) return -1;
    }
    if (rows) return 0;
    /* no task yet: a blank form to fill in with the hamlet */
    memset(c, 0, sizeof c);
    c[ncols - 2].box = PDF_BOX_EMPTY;
    for (int i = 0; i < 8; i++) {
        if (i == 8 - report_keep_tail_rows(8)) report_keep_break(d, keep);
        if (pdf_table_row(&t, c)) return -1;
    }
    return 0;
}

/* ---- the whole sheet ---- */

static int write_sheet(ntm_db *db, const ntm_config *cfg, const sheet *s, const char *out_path, char *err, size_t errlen)
{
    char title[1300], sub[1200], hn[260], cn[260], r1[900];
    commune_name(s->commune.name, cn, sizeof cn);
    if (s->hamlet.id) {
        hamlet_name(s->hamlet.name, hn, sizeof hn);
        snprintf(sub, sizeof sub, "%s - %s", hn, cn);
        snprintf(r1, sizeof r1, _("Ban phát triển thôn %s;"), s->hamlet.name);
    } else {
        snprintf(sub, sizeof sub, "%s - %s", s->who, cn);
        snprintf(r1, sizeof r1, "%s;", s->who);
    }
    snprintf(title, sizeof title, "%s - %s", _("Phiếu đầu việc"), sub);
    const char *rec[] = { _("Ban Chỉ đạo NTM xã (b/c);"), r1, _("Lưu: VT."), NULL };
    letterhead lh;
    if (letterhead_for(db, cfg, s->commune.id, "tasks", "PĐV", &lh, err, errlen)) return -1;
    report_keep keep = { 0 };
    for (;;) {
        pdf_doc *d = pdf_open(cfg, title, lh.name, err, errlen);
        if (!d) return -1;
        letterhead_header(d, &lh, db_today(db));
        letterhead_title(d, _("PHIẾU ĐẦU VIỆC"), sub);
        campaign_lines(d, db, s);
        instructions(d, !s->hamlet.id);
        task_table(d, s, &keep);
        if (report_signature(d, &lh, rec, &keep)) { pdf_close(d); continue; }   /* drawn again: see report_keep.h */
        int rc = pdf_save(d, out_path, err, errlen);
        pdf_close(d);
        return rc;
    }
}

static int load_hamlet(ntm_db *db, int64_t hamlet_id, sheet *s, char *err, size_t errlen)
{
    memset(s, 0, sizeof *s);
    if (unit_get(db, hamlet_id, &s->hamlet) != DB_OK) return report_fail(err, errlen, db_errmsg(db));
    if (s->hamlet.kind != 'h') {
        snprintf(err, errlen, _("Đơn vị \"%s\" không phải là thôn"), s->hamlet.name);
        return -1;
    }
    if (unit_get(db, s->hamlet.parent_id, &s->commune) != DB_OK) return report_fail(err, errlen, db_errmsg(db));
    return 0;
}

int report_task_sheet(ntm_db *db, const ntm_config *cfg, int64_t hamlet_id,
                      const char *out_path, char *err, size_t errlen)
{
    sheet *s = malloc(sizeof *s);
    if (!s) return report_fail(err, errlen, "out of memory");
    int rc = load_hamlet(db, hamlet_id, s, err, errlen);
    task_filter f = { s->commune.id, s->hamlet.id };
    if (!rc && task_list_load(db, &f, &s->tasks) != DB_OK) rc = report_fail(err, errlen, db_errmsg(db));
    if (!rc) { gather_campaigns(s); rc = write_sheet(db, cfg, s, out_path, err, errlen); }
    task_list_free(&s->tasks);
    free(s);
    return rc;
}

/* The owner's names and commune; 0, or -1 with a message. */
static int load_owner(ntm_db *db, int64_t commune_id, int64_t org_id, int64_t person_id, sheet *s, char *err, size_t errlen)
{
    memset(s, 0, sizeof *s);
    int64_t of = 0;
    int rc = DB_ERR;
    if (org_id > 0) {
        org_rec *o = malloc(sizeof *o);
        if (o && (rc = org_read(db, org_id, o)) == DB_OK) {
            text_copy(s->who, sizeof s->who, o->name);
            text_copy(s->who_short, sizeof s->who_short, o->short_name);
            of = o->commune_id;
        }
        free(o);
    } else {
        person_rec *p = malloc(sizeof *p);
        if (p && (rc = person_read(db, person_id, p)) == DB_OK) { text_copy(s->who, sizeof s->who, p->full_name); of = p->commune_id; }
        free(p);
    }
    if (rc) return report_fail(err, errlen, rc == DB_ERR && !db_errmsg(db)[0] ? "out of memory" : db_errmsg(db));
    if (of != commune_id || unit_get(db, commune_id, &s->commune) != DB_OK || s->commune.kind != 'c')
        return report_fail(err, errlen, _("Người/tổ chức này không thuộc xã đã chọn"));
    return 0;
}

int report_owner_sheet(ntm_db *db, const ntm_config *cfg, int64_t commune_id, int64_t org_id, int64_t person_id,
                       const char *out_path, char *err, size_t errlen)
{
    if ((org_id > 0) == (person_id > 0))
        return report_fail(err, errlen, _("Chọn một tổ chức hoặc một người"));
    sheet *s = malloc(sizeof *s);
    if (!s) return report_fail(err, errlen, "out of memory");
    int rc = load_owner(db, commune_id, org_id, person_id, s, err, errlen);
    task_query q = { .commune_id = commune_id, .owner_org_id = org_id, .owner_person_id = person_id,
                     .state = TQ_ALL, .sort = TQ_BY_DEADLINE };
    if (!rc && filter_tasks(db, &q, &s->tasks) != DB_OK) rc = report_fail(err, errlen, db_errmsg(db));
    if (!rc) { gather_campaigns(s); rc = write_sheet(db, cfg, s, out_path, err, errlen); }
    task_list_free(&s->tasks);
    free(s);
    return rc;
}

/* ---- file names ---- */

/* "Sơn Kim 2" -> "son-kim-2": unaccented, lower case, '-' between words, nothing else. */
static void slug(const char *name, char *out, size_t n)
{
    char *a = text_ascii(name);
    size_t j = 0;
    for (const char *s = a ? a : ""; *s && j + 1 < n; s++) {
        unsigned char ch = (unsigned char)tolower((unsigned char)*s);
        if (isalnum(ch) && ch < 0x80) out[j++] = (char)ch;
        else if ((ch == ' ' || ch == '-') && j && out[j - 1] != '-') out[j++] = '-';
    }
    while (j && out[j - 1] == '-') j--;
    out[j] = 0;
    free(a);
}

static int sheet_path(ntm_db *db, const ntm_config *cfg, const char *commune, const char *name, char *out, size_t n)
{
    char hs[210], cs[210], day[9];
    slug(name, hs, sizeof hs);
    slug(commune, cs, sizeof cs);
    const char *t = db_today(db);
    snprintf(day, sizeof day, "%.4s%.2s%.2s", t, t + 5, t + 8);
    size_t dl = strlen(cfg->pdf_dir);
    while (dl > 1 && cfg->pdf_dir[dl - 1] == '/') dl--;
    int w = snprintf(out, n, "%.*s/phieu-dau-viec-%s-%s-%s.pdf", (int)dl, cfg->pdf_dir, cs, hs, day);
    return w < 0 || (size_t)w >= n ? -1 : 0;
}

int report_task_sheet_path(ntm_db *db, const ntm_config *cfg, int64_t hamlet_id, char *out, size_t n)
{
    char err[8];
    sheet *s = malloc(sizeof *s);
    int rc = !s || load_hamlet(db, hamlet_id, s, err, sizeof err) ? -1 : sheet_path(db, cfg, s->commune.name, s->hamlet.name, out, n);
    free(s);
    return rc;
}

int report_owner_sheet_path(ntm_db *db, const ntm_config *cfg, int64_t commune_id, int64_t org_id, int64_t person_id,
                            char *out, size_t n)
{
    char err[8];
    sheet *s = malloc(sizeof *s);
    int rc = !s || load_owner(db, commune_id, org_id, person_id, s, err, sizeof err) ? -1
           : sheet_path(db, cfg, s->commune.name, s->who_short[0] ? s->who_short : s->who, out, n);
    free(s);
    return rc;
}
