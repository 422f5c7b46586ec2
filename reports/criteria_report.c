/* criteria_report: see criteria_report.h. One matrix read (criteria_matrix_load) per
 * set in use; the marks are text so that pdftotext and a screen reader get them back. */
#include "reports/criteria_report.h"
#include "reports/letterhead.h"
#include "reports/pdf.h"
#include "reports/report_common.h"
#include "model/criteria.h"
#include "model/date.h"
#include "model/i18n.h"
#include "model/text.h"
#include "model/unit.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BODY 13.0f
#define TABLE 10.0f
#define MATRIX 9.0f

static const char *mark(char status)
{
    return status == 'm' ? "√" : status == 'n' ? "×" : status == 'r' ? "!" : "";
}

static void para(pdf_doc *d, enum pdf_face f, const char *s)
{
    pdf_para(d, pdf_left(d), pdf_width(d), f, report_scaled(d, BODY, 9), PDF_LEFT, s);
}

static void heading(pdf_doc *d, const char *s, float next_h)
{
    float size = report_scaled(d, BODY, 9);
    pdf_space(d, 4);
    pdf_keep_with_next(d, pdf_para_height(d, pdf_width(d), PDF_BOLD, size, s), next_h);
    pdf_para(d, pdf_left(d), pdf_width(d), PDF_BOLD, size, PDF_LEFT, s);
    pdf_space(d, 2);
}

/* "2021-2025 · QĐ 318/QĐ-TTg (19 tiêu chí) — Bộ tiêu chí quốc gia ...": the label that
 * tells the set from the others, then its full name. */
static void set_words(ntm_db *db, const criteria_matrix *m, char *out, size_t n)
{
    (void)db;
    if (m->set_label[0]) snprintf(out, n, "%s — %s", m->set_label, m->set_name);
    else snprintf(out, n, "%s", m->set_name);
}

static void legend(pdf_doc *d)
{
    pdf_space(d, 2);
    pdf_para(d, pdf_left(d), pdf_width(d), PDF_ITALIC, report_scaled(d, 11, 8), PDF_LEFT,
             _("Ký hiệu: √ đạt; × chưa đạt; ! có nguy cơ không giữ được; để trống: chưa đánh giá (tính là chưa đạt)."));
}

/* ---- one commune: its criteria one per row ---- */

static const pdf_col COMMUNE_COLS[] = {
    { N_("Số TT"), 26, PDF_CENTER }, { N_("Tiêu chí"), 140, PDF_LEFT }, { N_("Tình trạng"), 62, PDF_CENTER },
    { N_("Hồ sơ"), 82, PDF_CENTER }, { N_("Phụ trách"), 88, PDF_LEFT }, { N_("Ngày đánh giá"), 60, PDF_CENTER },
};
enum { COMMUNE_NCOLS = sizeof COMMUNE_COLS / sizeof COMMUNE_COLS[0] };

static int commune_table(pdf_doc *d, criteria_matrix *m)
{
    pdf_table t;
    if (pdf_table_init(&t, d, COMMUNE_COLS, COMMUNE_NCOLS, report_scaled(d, TABLE, 7), 0)) return -1;
    for (int j = 0; j < m->n_cols; j++) {
        uc_cell *c = criteria_cell(m, 0, j);
        char no[12], date[11];
        snprintf(no, sizeof no, "%d", m->cols[j].number);
        date_show(c->status_date, date);
        const char *txt[COMMUNE_NCOLS] = { no, m->cols[j].name, c->status ? uc_status_label(c->status) : _("Chưa đánh giá"),
                                           uc_dossier_label(c->dossier), c->owner[0] ? c->owner : "-", date[0] ? date : "-" };
        pdf_cell cells[COMMUNE_NCOLS];
        memset(cells, 0, sizeof cells);
        for (int k = 0; k < COMMUNE_NCOLS; k++) cells[k].text = txt[k];
        cells[2].face = c->status == 'm' ? PDF_BOLD : PDF_REGULAR;
        if (pdf_table_row(&t, cells)) return -1;
    }
    char total[64];
    snprintf(total, sizeof total, _("Đạt %d/%d"), m->rows[0].met, m->n_cols);
    pdf_cell last[COMMUNE_NCOLS];
    memset(last, 0, sizeof last);
    last[1] = (pdf_cell){ .text = _("Tổng cộng"), .face = PDF_BOLD };
    last[2] = (pdf_cell){ .text = total, .face = PDF_BOLD };
    return pdf_table_row(&t, last);
}

/* ---- units x criteria ---- */

/* Rows [first, n_rows) of m whose set is m's (rows of a commune's hamlets: all). */
static int matrix_table(pdf_doc *d, criteria_matrix *m, int first, int by_set, const char *unit_head)
{
    pdf_col matrix_cols[PDF_TABLE_MAX_COLS];
    char matrix_heads[PDF_TABLE_MAX_COLS][8];
    int nc = m->n_cols + 3;
    if (nc > PDF_TABLE_MAX_COLS) nc = PDF_TABLE_MAX_COLS, m->n_cols = nc - 3;
    matrix_cols[0] = (pdf_col){ N_("TT"), 18, PDF_CENTER };
    matrix_cols[1] = (pdf_col){ unit_head, 100, PDF_LEFT };
    for (int j = 0; j < m->n_cols; j++) {
        snprintf(matrix_heads[j], sizeof matrix_heads[j], "%d", m->cols[j].number);
        matrix_cols[2 + j] = (pdf_col){ matrix_heads[j], 17, PDF_CENTER };
    }
    matrix_cols[nc - 1] = (pdf_col){ _("Đạt"), 34, PDF_CENTER };
    pdf_table t;                                   /* the whole text width, landscape or not */
    if (pdf_table_init(&t, d, matrix_cols, nc, report_scaled(d, MATRIX, 6), 0)) return -1;
    int *met = calloc((size_t)m->n_cols + 1, sizeof *met), n = 0;
    if (!met) return -1;
    char no[12], total[24], col_tot[PDF_TABLE_MAX_COLS][16];
    pdf_cell c[PDF_TABLE_MAX_COLS];
    for (int i = first; i < m->n_rows; i++) {
        if (by_set && m->rows[i].set_id != m->set_id) continue;
        memset(c, 0, sizeof c);
        snprintf(no, sizeof no, "%d", ++n);
        snprintf(total, sizeof total, "%d/%d", m->rows[i].met, m->n_cols);
        c[0].text = no; c[1].text = m->rows[i].name; c[nc - 1].text = total; c[nc - 1].face = PDF_BOLD;
        for (int j = 0; j < m->n_cols; j++) {
            char s = criteria_cell(m, i, j)->status;
            c[2 + j].text = mark(s);
            c[2 + j].face = s == 'm' || s == 'r' ? PDF_BOLD : PDF_REGULAR;
            if (s == 'm') met[j]++;
        }
        if (pdf_table_row(&t, c)) { free(met); return -1; }
    }
    memset(c, 0, sizeof c);
    c[1].text = by_set ? _("Số xã đạt") : _("Số thôn đạt");
    c[1].face = PDF_BOLD;
    for (int j = 0; j < m->n_cols; j++) {
        snprintf(col_tot[j], sizeof col_tot[j], "%d", met[j]);
        c[2 + j].text = col_tot[j];
        c[2 + j].face = PDF_BOLD;
    }
    free(met);
    int rc = pdf_table_row(&t, c);
    pdf_space(d, 2);
    return rc;
}

/* Do the hamlets (rows 1..) have any record? */
static int hamlets_recorded(criteria_matrix *m)
{
    for (int i = 1; i < m->n_rows; i++)
        for (int j = 0; j < m->n_cols; j++) if (criteria_cell(m, i, j)->id) return 1;
    return 0;
}

static int commune_body(pdf_doc *d, ntm_db *db, criteria_matrix *m)
{
    char set[700], line[900];
    int risk = 0, not_met = 0;
    for (int j = 0; j < m->n_cols; j++) {
        char s = criteria_cell(m, 0, j)->status;
        risk += s == 'r';
        not_met += s != 'm' && s != 'r';
    }
    set_words(db, m, set, sizeof set);
    snprintf(line, sizeof line, _("Bộ tiêu chí áp dụng: %s."), set);
    para(d, PDF_REGULAR, line);
    snprintf(line, sizeof line, _("Kết quả: Đạt %d/%d tiêu chí; có nguy cơ không giữ được: %d; chưa đạt: %d."), m->rows[0].met, m->n_cols, risk, not_met);
    para(d, PDF_BOLD, line);
    heading(d, _("1. Tình hình từng tiêu chí"), 60);
    if (commune_table(d, m)) return -1;
    if (!hamlets_recorded(m)) return 0;
    heading(d, _("2. Các thôn"), 80);
    if (matrix_table(d, m, 1, 0, _("Thôn"))) return -1;
    legend(d);
    return 0;
}

/* A province: one matrix per criteria set its communes use (most communes share one). */
static int province_body(pdf_doc *d, ntm_db *db, int64_t unit_id, criteria_matrix *first)
{
    int64_t done_sets[16];
    int nd = 0, part = 0;
    char line[900], set[700], none[1200] = "";
    for (int i = 0; i < first->n_rows; i++) {
        int64_t s = first->rows[i].set_id;
        if (!s) {
            size_t l = strlen(none);
            snprintf(none + l, sizeof none - l, "%s%s", l ? ", " : "", first->rows[i].name);
            continue;
        }
        int seen = 0;
        for (int k = 0; k < nd; k++) seen |= done_sets[k] == s;
        if (seen || nd == 16) continue;
        done_sets[nd++] = s;
        criteria_matrix m;
        if (criteria_matrix_load(db, unit_id, s, &m) != DB_OK) return -1;
        set_words(db, &m, set, sizeof set);
        snprintf(line, sizeof line, "%d. %s", ++part, set);
        heading(d, line, 80);
        int rc = matrix_table(d, &m, 0, 1, _("Xã"));
        criteria_matrix_free(&m);
        if (rc) return -1;
    }
    if (part) legend(d);
    if (none[0]) {
        snprintf(line, sizeof line, _("Xã chưa được gán bộ tiêu chí: %s."), none);
        para(d, PDF_ITALIC, line);
    }
    return 0;
}

int report_criteria_write(ntm_db *db, const ntm_config *cfg, int64_t unit_id, const char *out_path,
                          char *err, size_t errlen)
{
    unit_row u;
    if (unit_get(db, unit_id, &u) != DB_OK) return report_fail(err, errlen, db_errmsg(db));
    criteria_matrix m;
    if (criteria_matrix_load(db, unit_id, 0, &m) != DB_OK) return report_fail(err, errlen, db_errmsg(db));
    letterhead lh;
    if (letterhead_for(db, cfg, unit_id, "criteria", "BC", &lh, err, errlen)) { criteria_matrix_free(&m); return -1; }
    char title[300], sub[400], day[11];
    date_show(db_today(db), day);
    snprintf(sub, sizeof sub, u.kind == 'p' ? _("Các xã tỉnh %s (tính đến ngày %s)")
                                            : _("Xã %s (tính đến ngày %s)"), u.name, day);
    snprintf(title, sizeof title, "%s", _("BÁO CÁO TÌNH HÌNH THỰC HIỆN CÁC TIÊU CHÍ NÔNG THÔN MỚI"));
    pdf_doc *d = pdf_open(cfg, title, lh.name, err, errlen);
    int rc = -1;
    if (d) {
        if (u.kind == 'p' && m.n_cols > 10) pdf_set_landscape(d);     /* 19 columns of marks */
        letterhead_header(d, &lh, db_today(db));
        letterhead_title(d, title, sub);
        pdf_space(d, 8);
        rc = u.kind == 'p' ? province_body(d, db, unit_id, &m) : commune_body(d, db, &m);
        const char *rec_c[] = { _("Ban Chỉ đạo NTM huyện (b/c);"),
                                _("Thành viên BCĐ phụ trách tiêu chí;"), _("Lưu: VP."), NULL };
        const char *rec_p[] = { _("Ban Chỉ đạo các Chương trình MTQG tỉnh (b/c);"),
                                _("UBND các xã;"), _("Lưu: VP."), NULL };
        letterhead_signature(d, &lh, u.kind == 'p' ? rec_p : rec_c);
        if (rc) snprintf(err, errlen, "%s", pdf_failed(d) ? pdf_error(d) : db_errmsg(db));
        else rc = pdf_save(d, out_path, err, errlen);
    }
    pdf_close(d);
    criteria_matrix_free(&m);
    return rc;
}

int report_criteria_path(ntm_db *db, const ntm_config *cfg, int64_t unit_id, char *out, size_t n)
{
    unit_row u;
    if (unit_get(db, unit_id, &u) != DB_OK) return -1;
    char slug[220], stem[300];
    report_slug(u.name, slug, sizeof slug);
    snprintf(stem, sizeof stem, "tieu-chi-%s%s-%s", u.kind == 'p' ? "tinh-" : "", slug, db_today(db));
    return report_output_path(cfg, stem, out, n);
}
