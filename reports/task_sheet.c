/* task_sheet: the hamlet task sheet (Phiếu đầu việc, seed 000): what the hamlet must do,
 * who owns it, target, done so far, deadline, a box to tick and room for notes, printed
 * for a steering-committee member to go through with the hamlet, pen in hand. */
#include "reports/task_sheet.h"
#include "reports/letterhead.h"
#include "reports/pdf.h"
#include "reports/report_common.h"
#include "model/campaign.h"
#include "model/date.h"
#include "model/i18n.h"
#include "model/task.h"
#include "model/text.h"
#include "model/unit.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TABLE_SIZE 11.0f

/* TT | Nội dung | Phụ trách | Chỉ tiêu | Đã làm | Hạn | Xong | Ghi chú: the fixed-content
 * columns are just wide enough for "30/05/2021" and "Xong" at 11 pt. */
static const pdf_col COLS[] = {
    { "TT", 22, PDF_CENTER },
    { "Nội dung công việc", 126, PDF_LEFT },
    { "Đơn vị/người phụ trách", 70, PDF_LEFT },
    { "Chỉ tiêu", 46, PDF_CENTER },
    { "Đã làm", 40, PDF_CENTER },
    { "Hạn", 60, PDF_CENTER },
    { "Xong", 34, PDF_CENTER },
    { "Ghi chú", 70, PDF_LEFT },
};
#define NCOLS ((int)(sizeof COLS / sizeof COLS[0]))

static int load_units(ntm_db *db, int64_t hamlet_id, unit_row *h, unit_row *c, char *err, size_t errlen)
{
    if (unit_get(db, hamlet_id, h) != DB_OK) return report_fail(err, errlen, db_errmsg(db));
    if (h->kind != 'h') {
        snprintf(err, errlen, L("Đơn vị \"%s\" không phải là thôn", "\"%s\" is not a hamlet"), h->name);
        return -1;
    }
    if (unit_get(db, h->parent_id, c) != DB_OK) return report_fail(err, errlen, db_errmsg(db));
    return 0;
}

/* "Thôn Nậy", but a name that already says Thôn/Bản/Xóm keeps its own word. */
static void with_kind(const char *kind, const char *const *own, const char *name, char *out, size_t n)
{
    for (int i = 0; own[i]; i++)
        if (strncmp(name, own[i], strlen(own[i])) == 0) { snprintf(out, n, "%s", name); return; }
    snprintf(out, n, "%s %s", kind, name);
}

static void unit_names(const unit_row *h, const unit_row *c, char *hn, char *cn, size_t n)
{
    static const char *const hamlet_words[] = { "Thôn ", "thôn ", "Bản ", "bản ", "Xóm ", "xóm ",
                                                "Tổ dân phố ", NULL };
    static const char *const commune_words[] = { "Xã ", "xã ", NULL };
    with_kind("Thôn", hamlet_words, h->name, hn, n);
    with_kind("Xã", commune_words, c->name, cn, n);
}

/* The ids of the campaigns the hamlet's tasks belong to (at most max). task_row has no
 * campaign_id, so this one read-only statement, with a bound parameter; the rest goes
 * through model/campaign.h. */
static int campaign_ids(ntm_db *db, int64_t hamlet_id, int64_t *ids, int max)
{
    static const char *sql = "SELECT DISTINCT campaign_id FROM task WHERE hamlet_id = ?1 "
                             "AND campaign_id IS NOT NULL AND status <> 'cancelled' ORDER BY campaign_id";
    sqlite3_stmt *st = NULL;
    int n = 0;
    if (sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, hamlet_id);
        while (n < max && sqlite3_step(st) == SQLITE_ROW) ids[n++] = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return n;
}

/* "Đợt cao điểm ... (số 14-KH/BCĐ, từ 03/03/2021 đến 03/06/2021)", one line a campaign. */
static void campaign_lines(pdf_doc *d, ntm_db *db, int64_t hamlet_id)
{
    int64_t ids[3];
    int n = campaign_ids(db, hamlet_id, ids, 3);
    campaign_rec *c = n ? malloc(sizeof *c) : NULL;      /* ~12 KB: not on the stack */
    for (int i = 0; c && i < n; i++) {
        if (campaign_read(db, ids[i], c) != DB_OK) continue;
        char from[11], to[11], line[1600];
        date_show(c->start_date, from);
        date_show(c->end_date, to);
        if (c->doc_number[0])
            snprintf(line, sizeof line, L("%s (số %s, từ %s đến %s)", "%s (no. %s, %s to %s)"),
                     c->name, c->doc_number, from, to);
        else
            snprintf(line, sizeof line, L("%s (từ %s đến %s)", "%s (%s to %s)"), c->name, from, to);
        pdf_para(d, pdf_left(d), pdf_width(d), PDF_ITALIC, 12, PDF_CENTER, line);
    }
    free(c);
}

static void header(pdf_doc *d, ntm_db *db, const letterhead *lh, const unit_row *h, const unit_row *c)
{
    char hn[260], cn[260], sub[540];
    unit_names(h, c, hn, cn, sizeof hn);
    snprintf(sub, sizeof sub, "%s - %s", hn, cn);
    letterhead_header(d, lh, db_today(db));
    letterhead_title(d, L("PHIẾU ĐẦU VIỆC", "TASK SHEET"), sub);
    campaign_lines(d, db, h->id);
    pdf_space(d, 8);
}

/* The text of one row; bufs hold what the cells point to. */
typedef struct { char no[16], target[64], done[32], deadline[11]; } row_text;

static void fill_row(const task_row *r, int no, row_text *b, pdf_cell *c)
{
    memset(c, 0, sizeof *c * NCOLS);
    snprintf(b->no, sizeof b->no, "%d", no);
    b->target[0] = b->done[0] = 0;
    if (r->target >= 0) {
        char q[32];
        fmt_qty(r->target, q, sizeof q);
        snprintf(b->target, sizeof b->target, "%s%s%s", q, r->qty_unit[0] ? " " : "", r->qty_unit);
    }
    if (r->target >= 0 || r->done > 0) fmt_qty(r->done, b->done, sizeof b->done);
    date_show(r->deadline, b->deadline);
    c[0].text = b->no;
    c[1].text = r->title;
    c[2].text = r->owner;
    c[3].text = b->target;
    c[4].text = b->done;
    c[5].text = b->deadline;
    if (r->overdue) { c[5].note = L("(quá hạn)", "(overdue)"); c[5].note_face = PDF_ITALIC; }
    c[6].box = r->status == 'd' ? PDF_BOX_TICKED : PDF_BOX_EMPTY;
}

static int task_table(pdf_doc *d, const task_list *tl)
{
    pdf_table t;
    float size = report_scaled(d, TABLE_SIZE, 0);
    if (pdf_table_init(&t, d, COLS, NCOLS, size < 8 ? 8 : size, 0)) return -1;
    t.min_lines = 2;                        /* room to write by pen */
    pdf_cell c[NCOLS];
    row_text b;
    int no = 0;
    for (int i = 0; i < tl->n; i++) {
        if (tl->v[i].status == 'x') continue;         /* cancelled: not work to do */
        fill_row(&tl->v[i], ++no, &b, c);
        if (pdf_table_row(&t, c)) return -1;
    }
    if (no) return 0;
    /* no task yet: a blank form to fill in with the hamlet */
    memset(c, 0, sizeof c);
    c[6].box = PDF_BOX_EMPTY;
    for (int i = 0; i < 8; i++)
        if (pdf_table_row(&t, c)) return -1;
    return 0;
}

static int write_sheet(ntm_db *db, const ntm_config *cfg, const unit_row *h, const unit_row *c,
                       const task_list *tl, const char *out_path, char *err, size_t errlen)
{
    char title[600], hn[260], cn[260];
    unit_names(h, c, hn, cn, sizeof hn);
    snprintf(title, sizeof title, "%s - %s - %s", L("Phiếu đầu việc", "Task sheet"), hn, cn);
    letterhead lh;
    if (letterhead_for(db, cfg, c->id, "tasks", "PĐV", &lh, err, errlen)) return -1;
    pdf_doc *d = pdf_open(cfg, title, lh.name, err, errlen);
    if (!d) return -1;
    header(d, db, &lh, h, c);
    task_table(d, tl);
    char r1[300];
    snprintf(r1, sizeof r1, L("Ban phát triển thôn %s;", "Development board of %s;"), h->name);
    const char *rec[] = { L("Ban Chỉ đạo NTM xã (b/c);", "Commune NTM steering committee;"), r1,
                          L("Lưu: VT.", "File."), NULL };
    letterhead_signature(d, &lh, rec);
    int rc = pdf_save(d, out_path, err, errlen);
    pdf_close(d);
    return rc;
}

int report_task_sheet(ntm_db *db, const ntm_config *cfg, int64_t hamlet_id,
                      const char *out_path, char *err, size_t errlen)
{
    unit_row h, c;
    task_list tl;
    if (load_units(db, hamlet_id, &h, &c, err, errlen)) return -1;
    task_filter f = { c.id, h.id };
    if (task_list_load(db, &f, &tl) != DB_OK) return report_fail(err, errlen, db_errmsg(db));
    int rc = write_sheet(db, cfg, &h, &c, &tl, out_path, err, errlen);
    task_list_free(&tl);
    return rc;
}

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

int report_task_sheet_path(ntm_db *db, const ntm_config *cfg, int64_t hamlet_id, char *out, size_t n)
{
    unit_row h, c;
    char err[8], hs[210], cs[210], day[9];
    if (load_units(db, hamlet_id, &h, &c, err, sizeof err)) return -1;
    slug(h.name, hs, sizeof hs);
    slug(c.name, cs, sizeof cs);
    const char *t = db_today(db);
    snprintf(day, sizeof day, "%.4s%.2s%.2s", t, t + 5, t + 8);
    size_t dl = strlen(cfg->pdf_dir);
    while (dl > 1 && cfg->pdf_dir[dl - 1] == '/') dl--;
    int w = snprintf(out, n, "%.*s/phieu-dau-viec-%s-%s-%s.pdf", (int)dl, cfg->pdf_dir, cs, hs, day);
    return w < 0 || (size_t)w >= n ? -1 : 0;
}
