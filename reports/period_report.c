/* period_report (paper): see period_report.h. The tables come from pdf_table (headers
 * repeated on each page, a heading never left alone at a page's foot: pdf_keep_with_next
 * with the table's first row), the chart from bar_chart.c, the frame from letterhead.h. */
#include "reports/period_report.h"
#include "reports/bar_chart.h"
#include "reports/letterhead.h"
#include "reports/pdf.h"
#include "reports/report_common.h"
#include "model/campaign.h"
#include "model/date.h"
#include "model/i18n.h"
#include "model/period_report.h"
#include "model/task.h"
#include "model/text.h"
#include "model/unit.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BODY 13.0f
#define TABLE 10.0f
#define LIST_MAX 100             /* tasks per list on paper; the totals count them all */
#define SIGNATURE_H 130.0f       /* about what letterhead_signature needs (it keeps itself together) */

void report_period_of(int kind, const char *day, report_period *p)
{
    memset(p, 0, sizeof *p);
    p->kind = kind;
    int y, w;
    if (kind == RP_WEEK) {
        period_week_of(day, &y, &w);
        period_week_range(y, w, p->from, p->to);
    } else if (kind == RP_MONTH) {
        period_month_range(atoi(day), atoi(day + 5), p->from, p->to);
    } else {
        text_copy(p->from, sizeof p->from, day);
        text_copy(p->to, sizeof p->to, day);
    }
}

/* ---- words ---- */

/* "thôn Nậy", "xã Sơn Tiến"; a name that already says Thôn/Bản/Xóm/Xã keeps its word. */
static void unit_words(char kind, const char *name, char *out, size_t n)
{
    static const char *const own[] = { "Thôn ", "thôn ", "Bản ", "bản ", "Xóm ", "xóm ", "Tổ dân phố ", "Xã ", "xã ", NULL };
    for (int i = 0; own[i]; i++)
        if (!strncmp(name, own[i], strlen(own[i]))) { snprintf(out, n, "%s", name); return; }
    snprintf(out, n, "%s %s", kind == 'c' ? _("xã") : _("thôn"), name);
}

/* "TUẦN 24 (TỪ NGÀY 13/06/2022 ĐẾN NGÀY 19/06/2022)" and the lower-case form for
 * sentences ("tuần 24 (từ ngày ... đến ngày ...)"). */
static void period_words(const report_period *p, int upper, char *out, size_t n)
{
    char a[11], b[11];
    date_show(p->from, a);
    date_show(p->to, b);
    int y, w;
    if (p->kind == RP_DAY) { snprintf(out, n, upper ? _("NGÀY %s") : _("ngày %s"), a); return; }
    char head[64] = "";
    if (p->kind == RP_WEEK) {
        period_week_of(p->from, &y, &w);
        snprintf(head, sizeof head, upper ? _("TUẦN %d ") : _("tuần %d "), w);
    } else if (p->kind == RP_MONTH) {
        snprintf(head, sizeof head, upper ? _("THÁNG %d NĂM %.4s ") : _("tháng %d năm %.4s "),
                 atoi(p->from + 5), p->from);
    }
    snprintf(out, n, upper ? _("%s(TỪ NGÀY %s ĐẾN NGÀY %s)") : _("%s(từ ngày %s đến ngày %s)"),
             head, a, b);
}

static void qty_text(const pr_counts *c, char *out, size_t n)
{
    char q[32];
    if (!c->reports || (!c->qty_unit[0] && !c->mixed)) { snprintf(out, n, "-"); return; }
    if (c->mixed) { snprintf(out, n, "%s", _("nhiều loại")); return; }
    fmt_qty(c->qty, q, sizeof q);
    snprintf(out, n, "%s %s", q, c->qty_unit);
}

/* ---- layout helpers ---- */

static void para(pdf_doc *d, enum pdf_face f, const char *text)
{
    pdf_para(d, pdf_left(d), pdf_width(d), f, report_scaled(d, BODY, 9), PDF_LEFT, text);
}

/* A heading kept with what follows it (next_h: its first part, e.g. a table's header
 * and first row). */
static void heading(pdf_doc *d, const char *text, float next_h)
{
    float size = report_scaled(d, BODY, 9);
    pdf_space(d, 4);
    pdf_keep_with_next(d, pdf_para_height(d, pdf_width(d), PDF_BOLD, size, text), next_h);
    pdf_para(d, pdf_left(d), pdf_width(d), PDF_BOLD, size, PDF_LEFT, text);
    pdf_space(d, 2);
}

static float para_h(pdf_doc *d, const char *text)
{
    return pdf_para_height(d, pdf_width(d), PDF_REGULAR, report_scaled(d, BODY, 9), text);
}

/* ---- the unit table (hamlets, or communes) ---- */

static const pdf_col UNIT_COLS[] = {
    { N_("TT"), 22, PDF_CENTER }, { NULL, 88, PDF_LEFT }, { N_("Số việc"), 34, PDF_CENTER },
    { N_("Xong"), 32, PDF_CENTER }, { NC_("column", "Tiến độ"), 42, PDF_CENTER }, { N_("Báo cáo trong kỳ"), 42, PDF_CENTER },
    { N_("Khối lượng trong kỳ"), 56, PDF_CENTER }, { N_("Xong trong kỳ"), 40, PDF_CENTER },
    { NC_("column", "Quá hạn"), 36, PDF_CENTER }, { N_("Đến hạn"), 36, PDF_CENTER }, { N_("Xếp hạng"), 36, PDF_CENTER },
};
enum { UNIT_NCOLS = sizeof UNIT_COLS / sizeof UNIT_COLS[0] };

typedef struct { char no[12], total[12], done[12], pct[16], rep[12], qty[TASK_UNIT_SIZE + 40], fin[12], over[12], due[12], rank[12]; } unit_text;

static void unit_cells(const pr_row *r, int no, const char *name, enum pdf_face f, unit_text *b, pdf_cell *c)
{
    memset(c, 0, sizeof *c * UNIT_NCOLS);
    snprintf(b->no, sizeof b->no, no > 0 ? "%d" : "%.0d", no);
    snprintf(b->total, sizeof b->total, "%d", r->c.total);
    snprintf(b->done, sizeof b->done, "%d", r->c.done);
    if (r->c.total) report_pct(r->c.progress, b->pct, sizeof b->pct); else snprintf(b->pct, sizeof b->pct, "-");
    snprintf(b->rep, sizeof b->rep, "%d", r->c.reports);
    qty_text(&r->c, b->qty, sizeof b->qty);
    snprintf(b->fin, sizeof b->fin, "%d", r->c.finished);
    snprintf(b->over, sizeof b->over, "%d", r->c.overdue);
    snprintf(b->due, sizeof b->due, "%d", r->c.due);
    snprintf(b->rank, sizeof b->rank, r->rank ? "%d" : "-", r->rank);
    const char *t[UNIT_NCOLS] = { b->no, name, b->total, b->done, b->pct, b->rep, b->qty, b->fin, b->over, b->due, b->rank };
    for (int i = 0; i < UNIT_NCOLS; i++) { c[i].text = t[i]; c[i].face = f; }
}

static int unit_table(pdf_doc *d, const period_report *r, const char *title)
{
    pdf_col cols[UNIT_NCOLS];
    memcpy(cols, UNIT_COLS, sizeof cols);
    cols[1].head = r->kind == 'p' ? _("Xã") : _("Thôn");
    pdf_table t;
    if (pdf_table_init(&t, d, cols, UNIT_NCOLS, report_scaled(d, TABLE, 7), 0)) return -1;
    pdf_cell c[UNIT_NCOLS];
    unit_text b;
    if (r->n_units) unit_cells(&r->units[0], 1, r->units[0].name, PDF_REGULAR, &b, c);
    heading(d, title, r->n_units ? pdf_table_lead_height(&t, c) : 0);
    int no = 0;
    for (int i = 0; i < r->n_units; i++) {
        const pr_row *u = &r->units[i];
        char name[260];
        snprintf(name, sizeof name, "%s", u->kind == 'w' ? _("Toàn xã (việc chung)") : u->name);
        unit_cells(u, u->kind == 'w' ? 0 : ++no, name, PDF_REGULAR, &b, c);
        if (pdf_table_row(&t, c)) return -1;
    }
    pr_row tot = { 0 };
    tot.c = r->total;
    unit_cells(&tot, 0, _("Tổng cộng"), PDF_BOLD, &b, c);
    int rc = pdf_table_row(&t, c);
    pdf_space(d, 4);
    return rc;
}

/* ---- the owner table ---- */

static const pdf_col OWNER_COLS[] = {
    { N_("TT"), 22, PDF_CENTER }, { N_("Đơn vị, người phụ trách"), 146, PDF_LEFT }, { N_("Số việc"), 36, PDF_CENTER },
    { N_("Xong"), 34, PDF_CENTER }, { NC_("column", "Tiến độ"), 44, PDF_CENTER }, { N_("Báo cáo trong kỳ"), 46, PDF_CENTER },
    { N_("Xong trong kỳ"), 42, PDF_CENTER }, { NC_("column", "Quá hạn"), 40, PDF_CENTER },
};
enum { OWNER_NCOLS = sizeof OWNER_COLS / sizeof OWNER_COLS[0] };

static int owner_table(pdf_doc *d, const period_report *r, const char *title)
{
    pdf_table t;
    if (!r->n_owners) return 0;
    if (pdf_table_init(&t, d, OWNER_COLS, OWNER_NCOLS, report_scaled(d, TABLE, 7), 0)) return -1;
    for (int i = 0; i < r->n_owners; i++) {
        const pr_row *o = &r->owners[i];
        char no[12], tot[12], done[12], pct[16], rep[12], fin[12], over[12];
        snprintf(no, sizeof no, "%d", i + 1);
        snprintf(tot, sizeof tot, "%d", o->c.total);
        snprintf(done, sizeof done, "%d", o->c.done);
        report_pct(o->c.progress, pct, sizeof pct);
        snprintf(rep, sizeof rep, "%d", o->c.reports);
        snprintf(fin, sizeof fin, "%d", o->c.finished);
        snprintf(over, sizeof over, "%d", o->c.overdue);
        const char *txt[OWNER_NCOLS] = { no, o->name, tot, done, pct, rep, fin, over };
        pdf_cell c[OWNER_NCOLS];
        memset(c, 0, sizeof c);
        for (int k = 0; k < OWNER_NCOLS; k++) c[k].text = txt[k];
        if (i == 0) heading(d, title, pdf_table_lead_height(&t, c));
        if (pdf_table_row(&t, c)) return -1;
    }
    pdf_space(d, 4);
    return 0;
}

/* ---- task lists ---- */

enum { LIST_FINISHED, LIST_OVERDUE, LIST_DUE };

static const pdf_col TASK_COLS[] = {
    { N_("TT"), 22, PDF_CENTER }, { N_("Nội dung công việc"), 140, PDF_LEFT }, { N_("Thôn"), 56, PDF_LEFT },
    { N_("Phụ trách"), 66, PDF_LEFT }, { N_("Đã làm/ Chỉ tiêu"), 58, PDF_CENTER }, { NULL, 56, PDF_CENTER },
    { NULL, 56, PDF_CENTER },
};
enum { TASK_NCOLS = sizeof TASK_COLS / sizeof TASK_COLS[0] };

/* CELL: room for a whole unit (TASK_UNIT_SIZE) and the numbers before it. */
enum { CELL = TASK_UNIT_SIZE + 64 };

static void task_cells(const pr_task *k, int no, int what, char b[4][CELL], pdf_cell *c)
{
    const dash_late *t = &k->t;
    memset(c, 0, sizeof *c * TASK_NCOLS);
    snprintf(b[0], CELL, "%d", no);
    b[1][0] = 0;
    if (t->target >= 0 || t->done > 0) {
        char dq[24], tq[24];
        fmt_qty(t->done, dq, sizeof dq);
        if (t->target >= 0) { fmt_qty(t->target, tq, sizeof tq); snprintf(b[1], CELL, "%s/%s %s", dq, tq, t->qty_unit); }
        else snprintf(b[1], CELL, "%s %s", dq, t->qty_unit);
    }
    date_show(what == LIST_FINISHED ? k->finished : t->deadline, b[2]);
    if (what == LIST_OVERDUE) snprintf(b[3], CELL, "%d", t->days_late);
    else if (what == LIST_DUE) snprintf(b[3], CELL, "%d", -t->days_late);
    else date_show(t->deadline, b[3]);
    const char *txt[TASK_NCOLS] = { b[0], t->title, t->hamlet[0] ? t->hamlet : _("Toàn xã"),
                                    t->owner[0] ? t->owner : "-", b[1], b[2], b[3] };
    for (int i = 0; i < TASK_NCOLS; i++) c[i].text = txt[i];
}

static int task_table(pdf_doc *d, const char *title, const pr_task *v, int n, int all, int what, const char *none)
{
    pdf_col cols[TASK_NCOLS];
    memcpy(cols, TASK_COLS, sizeof cols);
    cols[5].head = what == LIST_FINISHED ? _("Ngày xong") : _("Hạn");
    cols[6].head = what == LIST_OVERDUE ? _("Quá hạn (ngày)") : what == LIST_DUE ? _("Còn (ngày)")
                                        : _("Hạn");
    if (!n) {
        heading(d, title, para_h(d, none));
        para(d, PDF_ITALIC, none);
        return 0;
    }
    pdf_table t;
    if (pdf_table_init(&t, d, cols, TASK_NCOLS, report_scaled(d, TABLE, 7), 0)) return -1;
    char b[4][CELL];
    pdf_cell c[TASK_NCOLS];
    for (int i = 0; i < n; i++) {
        task_cells(&v[i], i + 1, what, b, c);
        if (i == 0) heading(d, title, pdf_table_lead_height(&t, c));
        if (pdf_table_row(&t, c)) return -1;
    }
    if (all > n) {
        char more[160];
        snprintf(more, sizeof more, _("... và %d việc khác (xem trên máy: ntm)."), all - n);
        para(d, PDF_ITALIC, more);
    }
    pdf_space(d, 4);
    return 0;
}

/* ---- the sections ---- */

/* The campaign of the commune that runs in the period (the latest started), as words. */
static void campaign_words(ntm_db *db, const period_report *r, char *out, size_t n)
{
    campaign_rec *v = NULL;
    int nc = 0;
    out[0] = 0;
    if (r->kind != 'c' || campaign_list(db, r->unit_id, &v, &nc) != DB_OK) return;
    for (int i = 0; i < nc; i++) {
        if (strcmp(v[i].start_date, r->to) > 0 || strcmp(v[i].end_date, r->from) < 0) continue;
        if (v[i].doc_number[0]) snprintf(out, n, _("Thực hiện %s (số %s), "), v[i].name, v[i].doc_number);
        else snprintf(out, n, _("Thực hiện %s, "), v[i].name);
        break;
    }
    free(v);
}

static void intro(pdf_doc *d, ntm_db *db, const period_report *r, const report_period *p)
{
    char camp[1500], pw[160], who[260], line[2400], as_of[11];
    campaign_words(db, r, camp, sizeof camp);
    period_words(p, 0, pw, sizeof pw);
    if (r->kind == 'p') snprintf(who, sizeof who, _("tổng hợp kết quả thực hiện của %d xã trên địa bàn tỉnh %s"),
                                 r->n_units, r->name);
    else snprintf(who, sizeof who, _("UBND xã %s báo cáo kết quả thực hiện xây dựng nông thôn mới"), r->name);
    snprintf(line, sizeof line, _("%s%s %s như sau:"), camp, who, pw);
    if (line[0] >= 'a' && line[0] <= 'z') line[0] = (char)(line[0] - 'a' + 'A');
    para(d, PDF_REGULAR, line);
    date_show(r->as_of, as_of);
    snprintf(line, sizeof line, _("(Số liệu tính đến hết ngày %s.)"), as_of);
    para(d, PDF_ITALIC, line);
}

static void summary(pdf_doc *d, const period_report *r)
{
    const pr_counts *c = &r->total;
    char pct[16], due[11], line[900];
    report_pct(c->progress, pct, sizeof pct);
    date_show(r->due_to, due);
    snprintf(line, sizeof line,
             _("%s có %d đầu việc, đã hoàn thành %d, tiến độ chung %s. Trong kỳ có %d lượt báo cáo tiến độ, %d việc hoàn thành. "
               "Còn %d việc quá hạn; %d việc đến hạn đến ngày %s."),
             r->kind == 'p' ? _("Toàn tỉnh") : C_("The commune", "Toàn xã"),
             c->total, c->done, pct, c->reports, c->finished, c->overdue, c->due, due);
    heading(d, _("1. Tổng hợp chung"), para_h(d, line));
    para(d, PDF_REGULAR, line);
}

/* "thôn Bình Hòa (100,0%), thôn ..." for units [from, to) of the ranking. */
static void names_line(const period_report *r, int from, int to, int with_overdue, char *out, size_t n)
{
    size_t len = 0;
    out[0] = 0;
    for (int i = from; i < to && len < n; i++) {
        char name[260], pct[16], over[64] = "";
        unit_words(r->kind == 'p' ? 'c' : 'h', r->units[i].name, name, sizeof name);
        report_pct(r->units[i].c.progress, pct, sizeof pct);
        if (with_overdue && r->units[i].c.overdue)
            snprintf(over, sizeof over, _("; %d việc quá hạn"), r->units[i].c.overdue);
        len += (size_t)snprintf(out + len, n - len, "%s%s (%s%s)", i > from ? ", " : "", name, pct, over);
    }
    if (len < n - 1) snprintf(out + len, n - len, ".");
}

static void ranking(pdf_doc *d, const period_report *r, const char *title)
{
    char rule[700], top[2000], bottom[2000], line[2100];
    int p = r->kind == 'p';
    snprintf(rule, sizeof rule,
             _("Cách xếp hạng: theo tiến độ (bình quân mức hoàn thành của từng đầu việc: việc xong tính 100%%, việc khác "
               "tính khối lượng đã làm/chỉ tiêu, tối đa 100%%); bằng nhau thì %s ít việc quá hạn hơn xếp trên; bằng nhau nữa "
               "thì theo tên (a, ă, â, b, c...). %s chưa có đầu việc không xếp hạng."),
             p ? _("xã") : _("thôn"), p ? C_("Communes", "Xã") : C_("Hamlets", "Thôn"));
    heading(d, title, para_h(d, rule) * 2);
    para(d, PDF_ITALIC, rule);
    names_line(r, 0, r->n_top, 0, top, sizeof top);
    names_line(r, r->n_ranked - r->n_bottom, r->n_ranked, 1, bottom, sizeof bottom);
    snprintf(line, sizeof line, "%s %s", _("Biểu dương:"), r->n_top ? top : _("không có."));
    para(d, PDF_REGULAR, line);
    snprintf(line, sizeof line, "%s %s", _("Phê bình / nhắc nhở:"), r->n_bottom ? bottom : _("không có."));
    para(d, PDF_REGULAR, line);
}

static void chart(pdf_doc *d, const period_report *r)
{
    if (!r->n_ranked) return;
    bar_item *v = calloc((size_t)r->n_ranked, sizeof *v);
    char (*pct)[16] = calloc((size_t)r->n_ranked, sizeof *pct);
    if (v && pct) {
        for (int i = 0; i < r->n_ranked; i++) {
            report_pct(r->units[i].c.progress, pct[i], sizeof pct[i]);
            v[i] = (bar_item){ r->units[i].name, r->units[i].c.progress, pct[i] };
        }
        pdf_space(d, 6);
        report_bar_chart(d, r->kind == 'p' ? _("Biểu đồ tiến độ các xã (theo thứ hạng)")
                                           : _("Biểu đồ tiến độ các thôn (theo thứ hạng)"), v, r->n_ranked);
    }
    free(v);
    free(pct);
}

static int body(pdf_doc *d, ntm_db *db, const period_report *r, const report_period *p)
{
    int prov = r->kind == 'p';
    char due[11], t[200];
    intro(d, db, r, p);
    heading(d, _("I. KẾT QUẢ THỰC HIỆN"), 40);
    summary(d, r);
    if (unit_table(d, r, prov ? _("2. Kết quả theo xã") : _("2. Kết quả theo thôn"))) return -1;
    if (!prov) {
        if (owner_table(d, r, _("3. Kết quả theo đơn vị, người phụ trách"))) return -1;
        if (task_table(d, _("4. Việc hoàn thành trong kỳ"), r->finished, r->n_finished,
                       r->total.finished, LIST_FINISHED, _("Không có việc nào hoàn thành trong kỳ."))) return -1;
        heading(d, _("II. TỒN TẠI, HẠN CHẾ"), 40);
        snprintf(t, sizeof t, _("Việc quá hạn (%d)"), r->total.overdue);
        if (task_table(d, t, r->overdue, r->n_overdue, r->total.overdue, LIST_OVERDUE,
                       _("Không có việc nào quá hạn."))) return -1;
    }
    heading(d, prov ? _("II. XẾP HẠNG, BIỂU DƯƠNG, PHÊ BÌNH") : _("III. XẾP HẠNG, BIỂU DƯƠNG, PHÊ BÌNH"), 60);
    ranking(d, r, prov ? _("Xếp hạng các xã") : _("Xếp hạng các thôn"));
    chart(d, r);
    if (!prov) {
        date_show(r->due_to, due);
        heading(d, p->kind == RP_WEEK ? _("IV. NHIỆM VỤ TUẦN TỚI") : _("IV. NHIỆM VỤ THỜI GIAN TỚI"), 40);
        snprintf(t, sizeof t, _("Việc đến hạn đến ngày %s (%d)"), due, r->total.due);
        if (task_table(d, t, r->due, r->n_due, r->total.due, LIST_DUE, _("Không có việc nào sắp đến hạn."))) return -1;
        const char *close = _("Đề nghị các thôn, các đơn vị và người phụ trách tập trung hoàn thành các việc quá hạn và các việc đến hạn nêu trên.");
        pdf_need(d, para_h(d, close) + SIGNATURE_H);     /* the signature never alone on a page */
        para(d, PDF_REGULAR, close);
    }
    return 0;
}

int report_period_write(ntm_db *db, const ntm_config *cfg, int64_t unit_id, const report_period *p,
                        const char *out_path, char *err, size_t errlen)
{
    period_report r;
    if (period_report_load(db, unit_id, p->from, p->to, LIST_MAX, &r) != DB_OK) return report_fail(err, errlen, db_errmsg(db));
    char title[400], sub[200], info[700];
    period_words(p, 1, sub, sizeof sub);
    snprintf(title, sizeof title, "%s", _("BÁO CÁO KẾT QUẢ THỰC HIỆN XÂY DỰNG NÔNG THÔN MỚI"));
    snprintf(info, sizeof info, "%s - %s %s", _("Báo cáo kết quả thực hiện"), r.name, sub);
    /* the commune's (or province's) issuing body for this paper: letterhead.h */
    letterhead lh;
    const char *paper = p->kind == RP_WEEK ? "weekly" : p->kind == RP_MONTH ? "monthly" : p->kind == RP_DAY ? "daily" : "period";
    if (letterhead_for(db, cfg, unit_id, paper, "BC", &lh, err, errlen)) { period_report_free(&r); return -1; }
    pdf_doc *d = pdf_open(cfg, info, lh.name, err, errlen);
    int rc = -1;
    if (d) {
        letterhead_header(d, &lh, db_today(db));
        letterhead_title(d, title, sub);
        pdf_space(d, 8);
        int bad = body(d, db, &r, p);
        const char *rec_c[] = { _("Ban Chỉ đạo NTM huyện (b/c);"),
                                _("Thường trực Đảng ủy, HĐND, UBND xã;"),
                                _("Các thôn;"), _("Lưu: VP."), NULL };
        const char *rec_p[] = { _("Ban Chỉ đạo các Chương trình MTQG tỉnh (b/c);"),
                                _("UBND các xã;"), _("Lưu: VP."), NULL };
        letterhead_signature(d, &lh, r.kind == 'p' ? rec_p : rec_c);
        if (bad) snprintf(err, errlen, "%s", pdf_failed(d) ? pdf_error(d) : _("Hết bộ nhớ"));
        else rc = pdf_save(d, out_path, err, errlen);
    }
    pdf_close(d);
    period_report_free(&r);
    return rc;
}

int report_period_path(ntm_db *db, const ntm_config *cfg, int64_t unit_id, const report_period *p, char *out, size_t n)
{
    unit_row u;
    if (unit_get(db, unit_id, &u) != DB_OK) return -1;
    char slug[220], stem[320], when[32];
    report_slug(u.name, slug, sizeof slug);
    const char *what = p->kind == RP_WEEK ? "bao-cao-tuan" : p->kind == RP_MONTH ? "bao-cao-thang"
                     : p->kind == RP_DAY ? "bao-cao-ngay" : "bao-cao";
    int y, w;
    if (p->kind == RP_WEEK) { period_week_of(p->from, &y, &w); snprintf(when, sizeof when, "%04d-W%02d", y % 10000, w % 100); }
    else if (p->kind == RP_MONTH) snprintf(when, sizeof when, "%.7s", p->from);
    else if (p->kind == RP_DAY) snprintf(when, sizeof when, "%s", p->from);
    else snprintf(when, sizeof when, "%s-%s", p->from, p->to);
    snprintf(stem, sizeof stem, "%s-%s%s-%s", what, u.kind == 'p' ? "tinh-" : "", slug, when);
    return report_output_path(cfg, stem, out, n);
}
