/* tour_summary: what an inspection tour found (DOMAIN.md, cycle steps 5 and 6): the
 * counts per stop, and every failed check with the task that puts it right, its owner,
 * deadline and state. Printed for the steering committee after the results were typed
 * back from the route sheet. */
#include "reports/tour_summary.h"
#include "reports/letterhead.h"
#include "reports/pdf.h"
#include "reports/report_common.h"
#include "reports/report_keep.h"
#include "reports/route_sheet.h"
#include "model/date.h"
#include "model/i18n.h"
#include "model/text.h"
#include "model/tour.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FACT_SIZE 12.0f
#define TABLE_SIZE 11.0f

typedef struct { int pass, fail, na, open; } counts;

static counts count_stop(const tour_full *t, const tour_stop_row *s)
{
    counts c = { 0, 0, 0, 0 };
    for (int i = 0; i < s->n_checks; i++) {
        char r = t->checks[s->first_check + i].result;
        if (r == 'p') c.pass++;
        else if (r == 'f') c.fail++;
        else if (r == 'n') c.na++;
        else c.open++;
    }
    return c;
}

/* Append "; " and s to a growing buffer (cut, never mid-character, when full). */
static void append(char *buf, size_t n, const char *sep, const char *s)
{
    size_t k = strlen(buf);
    if (k && k + 1 < n) { text_copy(buf + k, n - k, sep); k = strlen(buf); }
    if (k + 1 < n) text_copy(buf + k, n - k, s);
}

/* ---- I. totals ---- */

static void totals(pdf_doc *d, const tour_full *t, const char *today)
{
    float s = report_scaled(d, FACT_SIZE, 8);
    counts c = { 0, 0, 0, 0 };
    int assigned = 0, done = 0, late = 0;
    for (int i = 0; i < t->n_checks; i++) {
        const tour_check_row *k = &t->checks[i];
        if (k->result == 'p') c.pass++;
        else if (k->result == 'f') c.fail++;
        else if (k->result == 'n') c.na++;
        else c.open++;
        if (k->result != 'f' || !k->followup_task_id) continue;
        assigned++;
        if (k->followup_status == 'd') done++;
        else if (k->followup_status == 'o' && k->followup_deadline[0] && strcmp(k->followup_deadline, today) < 0) late++;
    }
    char line[400];
    report_section(d, _("I. Kết quả chung"), 3 * pdf_leading(s));
    float x = pdf_left(d) + 12, w = pdf_width(d) - 12;
    snprintf(line, sizeof line, _("- Số điểm dừng: %d; tổng số nội dung kiểm tra: %d."),
             t->n_stops, t->n_checks);
    pdf_para(d, x, w, PDF_REGULAR, s, PDF_LEFT, line);
    snprintf(line, sizeof line, _("- Đạt: %d; chưa đạt: %d; chưa kiểm tra: %d"),
             c.pass, c.fail, c.open);
    if (c.na) {
        size_t k = strlen(line);
        snprintf(line + k, sizeof line - k, _("; không áp dụng: %d"), c.na);
    }
    if (c.pass + c.fail) {
        size_t k = strlen(line);
        int pct = (int)(100.0 * c.pass / (c.pass + c.fail) + 0.5);
        snprintf(line + k, sizeof line - k, _(" (đạt %d%% số nội dung đã đánh giá)"), pct);
    }
    append(line, sizeof line, "", ".");
    pdf_para(d, x, w, PDF_REGULAR, s, PDF_LEFT, line);
    if (c.fail) {
        snprintf(line, sizeof line,
                 _("- Việc khắc phục đã giao: %d/%d nội dung chưa đạt (xong: %d; quá hạn: %d)."),
                 assigned, c.fail, done, late);
        pdf_para(d, x, w, PDF_REGULAR, s, PDF_LEFT, line);
    }
}

/* ---- II. per stop ---- */

static const pdf_col STOPS[] = {
    { N_("TT"), 26, PDF_CENTER },
    { N_("Điểm dừng"), 160, PDF_LEFT },
    { N_("Đạt"), 36, PDF_CENTER },
    { N_("Chưa đạt"), 46, PDF_CENTER },
    { N_("Chưa kiểm tra"), 50, PDF_CENTER },
    { N_("Ghi chú"), 149.7f, PDF_LEFT },
};
#define NSTOPS ((int)(sizeof STOPS / sizeof STOPS[0]))

typedef struct { char no[16], pass[16], fail[16], open[16], note[4000]; } stop_text;

/* "1.2: hàng rào chưa cắt tỉa; 1.5" and "Không áp dụng: 1.3, 1.4" */
static void stop_notes(const tour_full *t, const tour_stop_row *s, char *out, size_t n)
{
    char na[400] = "", item[700];
    out[0] = 0;
    for (int i = 0; i < s->n_checks; i++) {
        const tour_check_row *k = &t->checks[s->first_check + i];
        if (k->result == 'f') {
            snprintf(item, sizeof item, "%d.%d%s%s", k->stop_seq, k->seq, k->note[0] ? ": " : "", k->note);
            append(out, n, "; ", item);
        } else if (k->result == 'n') {
            snprintf(item, sizeof item, "%d.%d", k->stop_seq, k->seq);
            append(na, sizeof na, ", ", item);
        }
    }
    if (na[0]) {
        snprintf(item, sizeof item, "%s %s", _("Không áp dụng:"), na);
        append(out, n, "\n", item);
    }
}

static void num(char *buf, size_t n, int v) { snprintf(buf, n, "%d", v); }

/* The cells of stop i's row (i == n_stops: the total row "Cộng"); all: the sums so far. */
static void stop_row(const tour_full *t, int i, counts *all, stop_text *b, pdf_cell *c)
{
    memset(c, 0, sizeof *c * NSTOPS);
    counts k;
    if (i < t->n_stops) {
        const tour_stop_row *s = &t->stops[i];
        k = count_stop(t, s);
        all->pass += k.pass; all->fail += k.fail; all->na += k.na; all->open += k.open;
        num(b->no, sizeof b->no, s->seq);
        c[0].text = b->no;
        c[1].text = s->name;
        c[1].note = s->hamlet[0] ? s->hamlet : NULL;
        c[1].note_face = PDF_ITALIC;
        stop_notes(t, s, b->note, sizeof b->note);
        c[5].text = b->note;
    } else {                                 /* the total row */
        k = *all;
        c[1].text = _("Cộng");
        for (int j = 0; j < NSTOPS; j++) c[j].face = PDF_BOLD;
    }
    num(b->pass, sizeof b->pass, k.pass);
    num(b->fail, sizeof b->fail, k.fail);
    num(b->open, sizeof b->open, k.open);
    c[2].text = b->pass;
    c[3].text = b->fail;
    c[4].text = b->open;
}

/* The last stop and the total row "Cộng" go together: what they need on this page (the
 * header counted once, when it is not on the page yet). */
static float tail_height(pdf_table *tb, const pdf_cell *last, const pdf_cell *total)
{
    float head = tb->head_page == pdf_page_count(tb->d) ? 0 : tb->head_h;
    return pdf_table_lead_height(tb, last) + pdf_table_lead_height(tb, total) - head;
}

static int stop_table(pdf_doc *d, const tour_full *t)
{
    pdf_table tb;
    pdf_cell c[NSTOPS], tc[NSTOPS];
    stop_text *b = malloc(sizeof *b), *bt = malloc(sizeof *bt);
    if (!b || !bt || pdf_table_init(&tb, d, STOPS, NSTOPS, report_scaled(d, TABLE_SIZE, 8), 0)) { free(b); free(bt); return -1; }
    counts all = { 0, 0, 0, 0 };
    int rc = 0;
    for (int i = 0; i <= t->n_stops && !rc; i++) {
        stop_row(t, i, &all, b, c);
        int last = i == t->n_stops - 1;
        if (last) {                          /* the total as it will be, to measure it */
            counts sum = all;
            stop_row(t, t->n_stops, &sum, bt, tc);
        }
        if (i == 0) report_section(d, _("II. Kết quả tại từng điểm"),
                                   last ? tail_height(&tb, c, tc) : pdf_table_lead_height(&tb, c));
        else if (last) pdf_need(d, tail_height(&tb, c, tc));
        rc = pdf_table_row(&tb, c);
    }
    free(b); free(bt);
    return rc;
}

/* ---- III. failed checks and their follow-up ---- */

static const pdf_col FAILED[] = {
    { N_("Mã"), 34, PDF_CENTER },
    { N_("Nội dung"), 124, PDF_LEFT },
    { N_("Ghi chú"), 92, PDF_LEFT },
    { N_("Người/đơn vị phụ trách"), 98, PDF_LEFT },
    { N_("Hạn"), 62, PDF_CENTER },
    { N_("Trạng thái"), 57.7f, PDF_CENTER },
};
#define NFAILED ((int)(sizeof FAILED / sizeof FAILED[0]))

static const char *followup_state(const tour_check_row *k, const char *today)
{
    if (!k->followup_task_id) return "";
    if (k->followup_status == 'd') return _("xong");
    if (k->followup_status == 'c') return _("đã hủy");
    if (k->followup_deadline[0] && strcmp(k->followup_deadline, today) < 0) return _("quá hạn");
    return C_("in progress", "đang làm");
}

static void failed_row(const tour_full *t, const tour_check_row *k, const char *today, char *code,
                       size_t cn, char *deadline, pdf_cell *c)
{
    memset(c, 0, sizeof *c * NFAILED);
    snprintf(code, cn, "%d.%d", k->stop_seq, k->seq);
    c[0].text = code;
    c[0].face = PDF_BOLD;
    c[1].text = k->title;
    for (int i = 0; i < t->n_stops; i++)
        if (t->stops[i].id == k->stop_id) { c[1].note = t->stops[i].name; c[1].note_face = PDF_ITALIC; }
    c[2].text = k->note;
    if (k->followup_task_id) {
        c[3].text = k->followup_owner;
        date_show(k->followup_deadline, deadline);
        c[4].text = deadline;
    } else {
        c[4].text = _("chưa giao");
        c[4].face = PDF_ITALIC;
    }
    c[5].text = followup_state(k, today);
    if (k->followup_status == 'o' && !strcmp(c[5].text, _("quá hạn"))) c[5].face = PDF_BOLD;
}

static int failed_table(pdf_doc *d, const tour_full *t, const char *today)
{
    const char *title = _("III. Các nội dung chưa đạt và việc khắc phục");
    pdf_table tb;
    pdf_cell c[NFAILED];
    char code[24], deadline[11];
    if (pdf_table_init(&tb, d, FAILED, NFAILED, report_scaled(d, TABLE_SIZE, 8), 0)) return -1;
    int first = 1;
    for (int i = 0; i < t->n_checks; i++) {
        const tour_check_row *k = &t->checks[i];
        if (k->result != 'f') continue;
        failed_row(t, k, today, code, sizeof code, deadline, c);
        if (first) report_section(d, title, pdf_table_lead_height(&tb, c));
        first = 0;
        if (pdf_table_row(&tb, c)) return -1;
    }
    if (first) {
        float s = report_scaled(d, FACT_SIZE, 8);
        report_section(d, title, pdf_leading(s));
        pdf_para(d, pdf_left(d) + 12, pdf_width(d) - 12, PDF_ITALIC, s, PDF_LEFT,
                 _("Không có nội dung chưa đạt."));
    }
    return 0;
}

/* The paper's last words: what it was, and what those with failures must do. */
static void closing(pdf_doc *d, const tour_full *t, const report_keep *keep)
{
    int failed = 0;
    for (int i = 0; i < t->n_checks; i++) failed += t->checks[i].result == 'f';
    char text[900];
    if (failed)
        snprintf(text, sizeof text, _("Trên đây là kết quả đợt kiểm tra \"%s\". Đề nghị các thôn, đơn vị có nội dung chưa đạt "
                                      "khẩn trương khắc phục, hoàn thành đúng hạn và báo cáo kết quả về Ban Chỉ đạo NTM xã./."),
                 t->t.name);
    else
        snprintf(text, sizeof text, _("Trên đây là kết quả đợt kiểm tra \"%s\"./."), t->t.name);
    float s = report_scaled(d, FACT_SIZE, 8);
    pdf_space(d, 8);
    report_keep_break(d, keep);              /* the second pass: this stays with the signature */
    pdf_need(d, pdf_para_height(d, pdf_width(d), PDF_REGULAR, s, text));     /* never split */
    pdf_para(d, pdf_left(d), pdf_width(d), PDF_REGULAR, s, PDF_LEFT, text);
}

static int write_summary(ntm_db *db, const ntm_config *cfg, const tour_full *t,
                         const char *out_path, char *err, size_t errlen)
{
    char title[400];
    const char *today = db_today(db);
    snprintf(title, sizeof title, "%s - %s", _("Báo cáo kết quả kiểm tra tour tuyến"), t->t.name);
    letterhead lh;
    if (letterhead_for(db, cfg, t->t.commune_id, "tour-summary", "BC", &lh, err, errlen)) return -1;
    /* signed by the team lead; the issuing body's signer when the tour names none */
    char lead[160];
    report_tour_lead_name(t, lead, sizeof lead);
    if (lead[0]) {
        lh.sign_authority[0] = 0;
        snprintf(lh.sign_title, sizeof lh.sign_title, "%s", _("TRƯỞNG ĐOÀN"));
        snprintf(lh.signer, sizeof lh.signer, "%s", lead);
    }
    const char *rec[] = { _("Ban Chỉ đạo NTM xã (b/c);"),
                          _("Các thôn, đơn vị có nội dung chưa đạt;"),
                          _("Lưu: VT."), NULL };
    report_keep keep = { 0 };
    for (;;) {
        pdf_doc *d = pdf_open(cfg, title, lh.name, err, errlen);
        if (!d) return -1;
        letterhead_header(d, &lh, today);
        letterhead_title(d, _("BÁO CÁO KẾT QUẢ KIỂM TRA TOUR TUYẾN"), t->t.name);
        pdf_space(d, 8);
        report_tour_facts(d, t, report_scaled(d, FACT_SIZE, 8), 0);
        totals(d, t, today);
        stop_table(d, t);
        failed_table(d, t, today);
        closing(d, t, &keep);
        if (report_signature(d, &lh, rec, &keep)) { pdf_close(d); continue; }   /* see report_keep.h */
        int rc = pdf_save(d, out_path, err, errlen);
        pdf_close(d);
        return rc;
    }
}

int report_tour_summary(ntm_db *db, const ntm_config *cfg, int64_t tour_id,
                        const char *out_path, char *err, size_t errlen)
{
    tour_full t;
    if (tour_load(db, tour_id, &t) != DB_OK) return report_fail(err, errlen, db_errmsg(db));
    int rc = write_summary(db, cfg, &t, out_path, err, errlen);
    tour_free(&t);
    return rc;
}

int report_tour_summary_path(ntm_db *db, const ntm_config *cfg, int64_t tour_id, char *out, size_t n)
{
    return report_tour_path(db, cfg, tour_id, "tong-hop-kiem-tra", "", out, n);
}
