/* route_sheet: the inspection tour's route sheet (Phiếu kiểm tra tour tuyến, seed 004).
 * The team walks the route with it: the overview says where to go, then every stop
 * lists its checks, each with a code (3.5 = stop 3, check 5), three numbered boxes of
 * which one is ticked (1 Đạt, 2 Chưa đạt, 3 Không áp dụng) and room to write. The
 * officer types it back as code, box number, note ("3.5 2 vườn còn cỏ dại",
 * model/tour.h), the same numbers as the keys 1 2 3 of the tour screen. The full form
 * gives every stop its own block; the compact form one 9 pt row per check (at least
 * 8 mm tall, a 35 mm note column), for routes of dozens of stops. */
#include "reports/route_sheet.h"
#include "reports/letterhead.h"
#include "reports/report_common.h"
#include "model/date.h"
#include "model/i18n.h"
#include "model/text.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FACT_SIZE 12.0f            /* date, team, purpose under the title */
#define TABLE_SIZE 11.0f           /* full form */
#define HEAD_SIZE 12.0f            /* "Điểm 3. ..." */
#define COMPACT_SIZE 9.0f

/* Liberation Serif has no U+2713 (✓) glyph (fc-query: no 0x27xx block): the tick in
 * the instructions is drawn, as the ticked boxes are. */
#define COMPACT_ROW_MIN (8.2f * 72 / 25.4f)   /* 8.2 mm: room for a pen */

/* ---- shared by the tour reports ---- */

/* "Sơn Kim 2" -> "son-kim-2": unaccented, lower case, '-' between words, nothing else. */
static void slug(const char *name, char *out, size_t n)
{
    char *a = text_ascii(name);
    size_t j = 0;
    for (const char *s = a ? a : ""; *s && j + 1 < n; s++) {
        unsigned char ch = (unsigned char)tolower((unsigned char)*s);
        if (isalnum(ch) && ch < 0x80) out[j++] = (char)ch;
        else if (j && out[j - 1] != '-') out[j++] = '-';
    }
    while (j && out[j - 1] == '-') j--;
    out[j] = 0;
    free(a);
}

int report_tour_path(ntm_db *db, const ntm_config *cfg, int64_t tour_id, const char *prefix,
                     const char *suffix, char *out, size_t n)
{
    tour_full t;
    char s[220], day[9];
    if (tour_load(db, tour_id, &t) != DB_OK) return -1;
    slug(t.t.name, s, sizeof s);
    tour_free(&t);
    if (!s[0]) snprintf(s, sizeof s, "tour-%lld", (long long)tour_id);
    const char *today = db_today(db);
    snprintf(day, sizeof day, "%.4s%.2s%.2s", today, today + 5, today + 8);
    size_t dl = strlen(cfg->pdf_dir);
    while (dl > 1 && cfg->pdf_dir[dl - 1] == '/') dl--;
    int w = snprintf(out, n, "%.*s/%s-%s-%s%s.pdf", (int)dl, cfg->pdf_dir, prefix, s, day,
                     suffix ? suffix : "");
    return w < 0 || (size_t)w >= n ? -1 : 0;
}

void report_tour_lead_name(const tour_full *t, char *out, size_t n)
{
    text_copy(out, n, t->lead);
    char *dash = strstr(out, " - ");
    if (dash) *dash = 0;
}

void report_tour_hamlet(const char *hamlet, char *out, size_t n)
{
    static const char *const own[] = { "Thôn ", "thôn ", "Bản ", "bản ", "Xóm ", "xóm ", "Tổ dân phố ",
                                       "tổ dân phố ", "Khu phố ", "khu phố ", NULL };
    if (!hamlet || !hamlet[0]) { if (n) out[0] = 0; return; }
    for (int i = 0; own[i]; i++)
        if (strncmp(hamlet, own[i], strlen(own[i])) == 0) { snprintf(out, n, "%s", hamlet); return; }
    snprintf(out, n, "%s %s", _("thôn"), hamlet);
}

/* A row of dots as wide as w, to write on by pen. */
static void dots(pdf_doc *d, float size, float w, char *out, size_t n)
{
    float dw = pdf_text_width(d, PDF_REGULAR, size, ".");
    size_t k = dw > 0 ? (size_t)(w / dw) : 10;
    if (k >= n) k = n - 1;
    memset(out, '.', k);
    out[k] = 0;
}

void report_field(pdf_doc *d, const char *label, const char *value, float size)
{
    float x = pdf_left(d), w = pdf_width(d);
    float lw = pdf_text_width(d, PDF_BOLD, size, label) + size * 0.35f;
    char filler[400];
    if (!value || !value[0]) { dots(d, size, w - lw - 2, filler, sizeof filler); value = filler; }
    pdf_need(d, pdf_leading(size));
    float y = pdf_y(d);
    pdf_para(d, x, lw, PDF_BOLD, size, PDF_LEFT, label);
    pdf_set_y(d, y);
    pdf_para(d, x + lw, w - lw, PDF_REGULAR, size, PDF_LEFT, value);
}

void report_section(pdf_doc *d, const char *text, float next_h)
{
    const float size = 12.5f;
    pdf_space(d, 8);
    pdf_keep_with_next(d, pdf_para_height(d, pdf_width(d), PDF_BOLD, size, text) + 3, next_h);
    pdf_para(d, pdf_left(d), pdf_width(d), PDF_BOLD, size, PDF_LEFT, text);
    pdf_space(d, 3);
}

void report_tour_facts(pdf_doc *d, const tour_full *t, float size, int blanks)
{
    char date[40], line[400];
    if (date_valid_iso(t->t.date)) date_show(t->t.date, date);
    else snprintf(date, sizeof date, "%s", _("ngày ......./......./.........."));
    report_field(d, _("Ngày kiểm tra:"), date, size);
    if (t->lead[0] || blanks) report_field(d, _("Trưởng đoàn:"), t->lead, size);
    if (t->team[0] || blanks) report_field(d, _("Thành viên đoàn:"), t->team, size);
    if (!t->team[0] && blanks) {                    /* a second line for the names */
        dots(d, size, pdf_width(d) - 2, line, sizeof line);
        pdf_para(d, pdf_left(d), pdf_width(d), PDF_REGULAR, size, PDF_LEFT, line);
    }
    if (t->campaign[0]) report_field(d, _("Thuộc đợt:"), t->campaign, size);
    if (t->purpose[0]) report_field(d, _("Mục đích:"), t->purpose, size);
}

/* ---- the overview ---- */

static const pdf_col OVERVIEW[] = {
    { N_("TT"), 26, PDF_CENTER },
    { N_("Điểm dừng"), 170, PDF_LEFT },
    { N_("Loại"), 74, PDF_LEFT },
    { N_("Thôn"), 72, PDF_LEFT },
    { N_("Mốc"), 125.7f, PDF_LEFT },
};
#define NOVERVIEW ((int)(sizeof OVERVIEW / sizeof OVERVIEW[0]))

typedef struct { char no[16]; } ov_text;

static void overview_row(const tour_stop_row *s, ov_text *b, pdf_cell *c)
{
    memset(c, 0, sizeof *c * NOVERVIEW);
    snprintf(b->no, sizeof b->no, "%d", s->seq);
    c[0].text = b->no;
    c[1].text = s->name;
    c[1].face = PDF_BOLD;
    c[2].text = tour_kind_label(s->kind);
    c[3].text = s->hamlet;
    c[4].text = s->landmark;
    c[4].face = PDF_ITALIC;
}

static int overview(pdf_doc *d, const tour_full *t)
{
    pdf_table tb;
    pdf_cell c[NOVERVIEW];
    ov_text b;
    if (pdf_table_init(&tb, d, OVERVIEW, NOVERVIEW, report_scaled(d, TABLE_SIZE, 8), 0)) return -1;
    char title[160];
    snprintf(title, sizeof title, _("I. Lộ trình (%d điểm dừng, theo thứ tự đi)"),
             t->n_stops);
    if (t->n_stops) overview_row(&t->stops[0], &b, c);
    else { memset(c, 0, sizeof c); c[1].text = _("(chưa có điểm dừng)"); c[1].face = PDF_ITALIC; }
    report_section(d, title, pdf_table_lead_height(&tb, c));
    if (!t->n_stops) return pdf_table_row(&tb, c);
    for (int i = 0; i < t->n_stops; i++) {
        overview_row(&t->stops[i], &b, c);
        if (pdf_table_row(&tb, c)) return -1;
    }
    return 0;
}

/* ---- what every stop shows ---- */

/* "Điểm 3. Nhà vườn anh Vị — Vườn, thôn Chế Biền" */
static void stop_heading(const tour_stop_row *s, char *out, size_t n)
{
    char hamlet[240];
    report_tour_hamlet(s->hamlet, hamlet, sizeof hamlet);
    snprintf(out, n, _("Điểm %d. %s — %s%s%s"), s->seq, s->name,
             tour_kind_label(s->kind), hamlet[0] ? ", " : "", hamlet);
}

/* The landmark and the stop's note, in italics under the heading ("" when none). */
static void stop_detail(const tour_stop_row *s, char *out, size_t n)
{
    out[0] = 0;
    if (s->landmark[0])
        snprintf(out, n, "%s %s", _("Mốc:"), s->landmark);
    if (s->note[0]) {
        size_t k = strlen(out);
        snprintf(out + k, n - k, "%s%s %s", k ? "\n" : "", _("Lưu ý:"), s->note);
    }
}

/* What a recorded result adds to the notes cell (its box is ticked). */
static const char *result_note(const tour_check_row *k, char *buf, size_t n)
{
    snprintf(buf, n, "%s", k->note);
    return buf;
}

static void check_code(const tour_check_row *k, char *out, size_t n)
{
    snprintf(out, n, "%d.%d", k->stop_seq, k->seq);
}

/* Widen column code (taking from column from) until the tour's widest code fits on one
 * line: "12.10" must never wrap, least of all on A5. */
static void fit_code_column(pdf_doc *d, const tour_full *t, float size, float pad, float *w, int code, int from)
{
    char buf[24], longest[24] = "1.1";
    for (int i = 0; i < t->n_checks; i++) {       /* digits have one width: measure once */
        check_code(&t->checks[i], buf, sizeof buf);
        if (strlen(buf) > strlen(longest)) memcpy(longest, buf, sizeof buf);
    }
    float need = pdf_text_width(d, PDF_BOLD, size, longest) + 2 * pad + 1;
    if (w[code] < need && w[from] > need - w[code]) { w[from] -= need - w[code]; w[code] = need; }
}

/* ---- the full form ---- */

/* The boxes are numbered as they are typed back and as the tour screen's keys. */
static const pdf_col CHECKS[] = {
    { N_("Mã"), 36, PDF_CENTER },
    { N_("Nội dung kiểm tra"), 174, PDF_LEFT },
    { N_("Đạt\n(1)"), 34, PDF_CENTER },
    { N_("Chưa đạt\n(2)"), 40, PDF_CENTER },
    { N_("Không áp dụng (3)"), 46, PDF_CENTER },
    { N_("Ghi chú"), 137.7f, PDF_LEFT },
};
#define NCHECKS ((int)(sizeof CHECKS / sizeof CHECKS[0]))

typedef struct { char code[24], note[600]; } ck_text;

static void check_row(const tour_check_row *k, ck_text *b, pdf_cell *c)
{
    memset(c, 0, sizeof *c * NCHECKS);
    check_code(k, b->code, sizeof b->code);
    c[0].text = b->code;
    c[0].face = PDF_BOLD;
    c[1].text = k->title;
    c[2].box = k->result == 'p' ? PDF_BOX_TICKED : PDF_BOX_EMPTY;
    c[3].box = k->result == 'f' ? PDF_BOX_TICKED : PDF_BOX_EMPTY;
    c[4].box = k->result == 'n' ? PDF_BOX_TICKED : PDF_BOX_EMPTY;
    c[5].text = result_note(k, b->note, sizeof b->note);
}

static int stop_block(pdf_doc *d, const tour_full *t, const tour_stop_row *s)
{
    char head[700], detail[900];
    float hs = report_scaled(d, HEAD_SIZE, 8), ds = report_scaled(d, TABLE_SIZE, 8), x = pdf_left(d), w = pdf_width(d);
    stop_heading(s, head, sizeof head);
    stop_detail(s, detail, sizeof detail);
    pdf_table tb;
    pdf_col cols[NCHECKS];                  /* the widths in points, code column fitted */
    float size = report_scaled(d, TABLE_SIZE, 8), wsum = 0, cw[NCHECKS];
    for (int i = 0; i < NCHECKS; i++) wsum += CHECKS[i].weight;
    for (int i = 0; i < NCHECKS; i++) cw[i] = w * CHECKS[i].weight / wsum;
    fit_code_column(d, t, size, size * 0.3f, cw, 0, 1);
    for (int i = 0; i < NCHECKS; i++) { cols[i] = CHECKS[i]; cols[i].weight = cw[i]; }
    if (pdf_table_init(&tb, d, cols, NCHECKS, size, 0)) return -1;
    tb.min_lines = 2;                       /* room to write a note by pen */
    pdf_cell c[NCHECKS];
    ck_text b;
    float h = pdf_para_height(d, w, PDF_BOLD, hs, head) + 3, next;
    if (detail[0]) h += pdf_para_height(d, w - 12, PDF_ITALIC, ds, detail);
    if (s->n_checks) {                      /* header and the first check, or two of them */
        check_row(&t->checks[s->first_check], &b, c);
        next = pdf_table_lead_height(&tb, c);
        if (s->n_checks > 1) {
            check_row(&t->checks[s->first_check + 1], &b, c);
            next += pdf_table_lead_height(&tb, c) - tb.head_h;
        }
    } else {
        next = pdf_leading(ds);
    }
    pdf_space(d, 10);
    /* the heading never ends a page without the table's header and first checks */
    pdf_keep_with_next(d, h, next);
    pdf_para(d, x, w, PDF_BOLD, hs, PDF_LEFT, head);
    if (detail[0]) pdf_para(d, x + 12, w - 12, PDF_ITALIC, ds, PDF_LEFT, detail);
    pdf_space(d, 3);
    if (!s->n_checks) {
        pdf_para(d, x, w, PDF_ITALIC, ds, PDF_LEFT,
                 _("(Chưa có nội dung kiểm tra tại điểm này; ghi nhận xét vào phần III.)"));
        return 0;
    }
    for (int i = 0; i < s->n_checks; i++) {
        check_row(&t->checks[s->first_check + i], &b, c);
        if (pdf_table_row(&tb, c)) return -1;
    }
    return 0;
}

/* ---- the compact form: one line per check, stops grouped ----
 * Drawn here rather than with pdf_table: the stop's name spans the rows of its checks
 * (no rule across it), thin rules between checks, a heavier one between stops. */

enum { CP_STOP, CP_CODE, CP_TITLE, CP_PASS, CP_FAIL, CP_NA, CP_NOTE, CP_N };
static const struct { const char *head; float w; enum pdf_align a; } CP_COLS[CP_N] = {
    { "Điểm dừng", 88, PDF_LEFT },
    { "Mã", 26, PDF_CENTER },
    { "Nội dung kiểm tra", 166, PDF_LEFT },
    { "Đạt (1)", 24, PDF_CENTER },
    { "Chưa đạt (2)", 30, PDF_CENTER },
    { "Không áp dụng (3)", 34, PDF_CENTER },
    { "Ghi chú", 99.7f, PDF_LEFT },             /* 35.2 mm: a note by pen */
};

typedef struct {
    pdf_doc *d;
    float size, lead, pad, head_h;
    float x[CP_N + 1];               /* column edges */
    int head_page;
} compact;

static float cp_w(const compact *cp, int col) { return cp->x[col + 1] - cp->x[col]; }

static void compact_init(compact *cp, pdf_doc *d, const tour_full *t)
{
    memset(cp, 0, sizeof *cp);
    cp->d = d;
    cp->size = report_scaled(d, COMPACT_SIZE, 7);
    cp->lead = pdf_leading(cp->size);
    cp->pad = cp->size * 0.36f;
    float sum = 0, w[CP_N];
    for (int i = 0; i < CP_N; i++) sum += CP_COLS[i].w;
    for (int i = 0; i < CP_N; i++) w[i] = pdf_width(d) * CP_COLS[i].w / sum;
    fit_code_column(d, t, cp->size, cp->pad, w, CP_CODE, CP_TITLE);
    cp->x[0] = pdf_left(d);
    for (int i = 0; i < CP_N; i++) cp->x[i + 1] = cp->x[i] + w[i];
    float lines = 1;
    for (int i = 0; i < CP_N; i++) {
        float h = pdf_para_height(d, cp_w(cp, i) - 2 * cp->pad, PDF_BOLD, cp->size, CP_COLS[i].head);
        if (h / cp->lead > lines) lines = h / cp->lead;
    }
    cp->head_h = 2 * cp->pad + lines * cp->lead;
}

static void verticals(const compact *cp, float top, float h)
{
    for (int i = 0; i <= CP_N; i++)
        pdf_line(cp->d, cp->x[i], top, cp->x[i], top + h, i == 0 || i == CP_N ? 0.7f : 0.4f);
}

static void compact_header(compact *cp)
{
    pdf_doc *d = cp->d;
    float top = pdf_y(d);
    for (int i = 0; i < CP_N; i++) {
        float w = cp_w(cp, i) - 2 * cp->pad;
        float h = pdf_para_height(d, w, PDF_BOLD, cp->size, CP_COLS[i].head);
        pdf_set_y(d, top + (cp->head_h - h) / 2);
        pdf_para(d, cp->x[i] + cp->pad, w, PDF_BOLD, cp->size, PDF_CENTER, CP_COLS[i].head);
    }
    pdf_line(d, cp->x[0], top, cp->x[CP_N], top, 0.7f);
    verticals(cp, top, cp->head_h);
    pdf_set_y(d, top + cp->head_h);
    cp->head_page = pdf_page_count(d);
}

/* Height of one check's line (its title or note may wrap). */
static float compact_row_h(compact *cp, const tour_check_row *k)
{
    char note[600];
    float t = pdf_para_height(cp->d, cp_w(cp, CP_TITLE) - 2 * cp->pad, PDF_REGULAR, cp->size, k->title);
    float n = pdf_para_height(cp->d, cp_w(cp, CP_NOTE) - 2 * cp->pad, PDF_REGULAR, cp->size,
                              result_note(k, note, sizeof note));
    float h = t > n ? t : n;
    h = 2 * cp->pad + (h > cp->lead ? h : cp->lead);
    return h > COMPACT_ROW_MIN ? h : COMPACT_ROW_MIN;
}

static void compact_row(compact *cp, const tour_check_row *k, float h, int last)
{
    pdf_doc *d = cp->d;
    float top = pdf_y(d), cell_top = top + cp->pad;
    char code[24], note[600];
    check_code(k, code, sizeof code);
    const char *text[CP_N] = { NULL, code, k->title, NULL, NULL, NULL, result_note(k, note, sizeof note) };
    enum pdf_face face[CP_N] = { PDF_REGULAR, PDF_BOLD, PDF_REGULAR, PDF_REGULAR, PDF_REGULAR, PDF_REGULAR, PDF_REGULAR };
    for (int i = CP_CODE; i < CP_N; i++) {
        if (!text[i] || !text[i][0]) continue;
        pdf_set_y(d, cell_top);
        pdf_para(d, cp->x[i] + cp->pad, cp_w(cp, i) - 2 * cp->pad, face[i], cp->size, CP_COLS[i].a, text[i]);
    }
    for (int i = CP_PASS; i <= CP_NA; i++) {
        float s = cp->lead * 0.85f, cw = cp_w(cp, i) - 2 * cp->pad;
        if (s > cw) s = cw;
        char want = i == CP_PASS ? 'p' : i == CP_FAIL ? 'f' : 'n';
        int ticked = k->result == want;
        pdf_tick_box(d, cp->x[i] + (cp_w(cp, i) - s) / 2, cell_top + (cp->lead - s) / 2, s, ticked);
    }
    verticals(cp, top, h);
    if (last) pdf_line(d, cp->x[0], top + h, cp->x[CP_N], top + h, 0.9f);   /* between stops */
    else pdf_line(d, cp->x[CP_CODE], top + h, cp->x[CP_N], top + h, 0.25f);
    pdf_set_y(d, top + h);
}

/* The stop's name in bold (then its kind and hamlet in italics) down the first column,
 * over the rows of its checks; cont: the continuation on a new page. */
static float compact_stop_text(compact *cp, const tour_stop_row *s, int cont, int draw,
                               char *name, size_t nn, char *sub, size_t sn)
{
    char hamlet[240];
    float w = cp_w(cp, CP_STOP) - 2 * cp->pad;
    snprintf(name, nn, cont ? _("%d. %s (tiếp)") : "%d. %s", s->seq, s->name);
    report_tour_hamlet(s->hamlet, hamlet, sizeof hamlet);
    snprintf(sub, sn, "%s%s%s", tour_kind_label(s->kind), hamlet[0] ? ", " : "", hamlet);
    if (cont) sub[0] = 0;
    float h = pdf_para_height(cp->d, w, PDF_BOLD, cp->size, name) +
              (sub[0] ? pdf_para_height(cp->d, w, PDF_ITALIC, cp->size, sub) : 0);
    if (draw) {
        float y = pdf_y(cp->d);
        pdf_set_y(cp->d, y + cp->pad);
        pdf_para(cp->d, cp->x[CP_STOP] + cp->pad, w, PDF_BOLD, cp->size, PDF_LEFT, name);
        if (sub[0]) pdf_para(cp->d, cp->x[CP_STOP] + cp->pad, w, PDF_ITALIC, cp->size, PDF_LEFT, sub);
        pdf_set_y(cp->d, y);
    }
    return h + 2 * cp->pad;
}

/* Start a segment of stop s at row j (a new stop, or the rest of it on a new page):
 * the rows that hold the stop's text are kept together with the header; the last row
 * grows when the checks are fewer than the text's lines. */
static void compact_segment(compact *cp, const tour_stop_row *s, float *rh, int j, int cont)
{
    pdf_doc *d = cp->d;
    char name[400], sub[300];
    float need = compact_stop_text(cp, s, cont, 0, name, sizeof name, sub, sizeof sub), sum = 0;
    int n = s->n_checks, k = j;
    for (int i = j; i < n; i++) sum += rh[i];
    if (sum < need) rh[n - 1] += need - sum;
    for (sum = 0; k < n && sum < need - 0.01f; k++) sum += rh[k];
    if (k == j && k < n) sum = rh[k];
    float head = cp->head_page == pdf_page_count(d) ? 0 : cp->head_h;
    if (sum + head > pdf_room(d) && !pdf_at_top(d)) { pdf_new_page(d); head = cp->head_h; }
    if (head > 0) compact_header(cp);
    pdf_line(d, cp->x[0], pdf_y(d), cp->x[CP_N], pdf_y(d), 0.9f);
    compact_stop_text(cp, s, cont, 1, name, sizeof name, sub, sizeof sub);
}

static int compact_stop(compact *cp, const tour_full *t, const tour_stop_row *s)
{
    pdf_doc *d = cp->d;
    if (!s->n_checks) {                      /* nothing to check here: the name alone */
        char name[400], sub[300];
        float h = compact_stop_text(cp, s, 0, 0, name, sizeof name, sub, sizeof sub);
        float head = cp->head_page == pdf_page_count(d) ? 0 : cp->head_h;
        if (h + head > pdf_room(d) && !pdf_at_top(d)) pdf_new_page(d);
        if (cp->head_page != pdf_page_count(d)) compact_header(cp);
        float top = pdf_y(d);
        pdf_line(d, cp->x[0], top, cp->x[CP_N], top, 0.9f);
        compact_stop_text(cp, s, 0, 1, name, sizeof name, sub, sizeof sub);
        verticals(cp, top, h);
        pdf_line(d, cp->x[0], top + h, cp->x[CP_N], top + h, 0.9f);
        pdf_set_y(d, top + h);
        return pdf_failed(d) ? -1 : 0;
    }
    float *rh = malloc(sizeof *rh * (size_t)s->n_checks);
    if (!rh) return -1;
    for (int i = 0; i < s->n_checks; i++) rh[i] = compact_row_h(cp, &t->checks[s->first_check + i]);
    compact_segment(cp, s, rh, 0, 0);
    for (int i = 0; i < s->n_checks && !pdf_failed(d); i++) {
        if (rh[i] > pdf_room(d)) {           /* the rest of the stop on the next page */
            pdf_line(d, cp->x[0], pdf_y(d), cp->x[CP_N], pdf_y(d), 0.7f);
            pdf_new_page(d);
            compact_segment(cp, s, rh, i, 1);
        }
        compact_row(cp, &t->checks[s->first_check + i], rh[i], i == s->n_checks - 1);
    }
    free(rh);
    return pdf_failed(d) ? -1 : 0;
}

/* ---- the whole sheet ---- */

/* How to tick and how it is typed back, on the sheet itself: a drawn tick box (the font
 * has no ✓), then the words. */
static void instructions(pdf_doc *d)
{
    float s = report_scaled(d, TABLE_SIZE, 8), box = pdf_leading(s) * 0.75f, x = pdf_left(d), w = pdf_width(d);
    pdf_need(d, 3 * pdf_leading(s));
    pdf_tick_box(d, x, pdf_y(d) + (pdf_leading(s) - box) / 2, box, 1);
    pdf_para(d, x + box + 4, w - box - 4, PDF_ITALIC, s, PDF_LEFT,
             _("Đánh dấu vào MỘT ô cho mỗi mục: ô (1) Đạt, ô (2) Chưa đạt, ô (3) Không áp dụng; ghi chú điều chưa đạt."));
    pdf_para(d, x, w, PDF_ITALIC, s * 0.92f, PDF_LEFT,
             _("Nhập lại vào ntm mỗi mục một dòng: mã, số của ô đã đánh dấu, ghi chú; vd. \"3.5 2 vườn còn cỏ dại\" (2 = chưa đạt)."));
    pdf_space(d, 2);
}

/* The signature lines' height (team_signatures). */
static float signatures_h(void) { return 16 + 2 * pdf_leading(13) + pdf_leading(12) + 64; }

/* Lines to write the team's remarks on, kept on one page with the signatures. */
static void remarks(pdf_doc *d, int lines)
{
    float s = report_scaled(d, FACT_SIZE, 8);
    char row[400];
    report_section(d, _("III. Nhận xét chung, kiến nghị của đoàn"),
                   lines * pdf_leading(s) * 1.5f + signatures_h());
    dots(d, s, pdf_width(d) - 2, row, sizeof row);
    float step = pdf_leading(s) * 1.5f;
    int fit = (int)((pdf_room(d) - signatures_h()) / step);
    if (fit > lines) lines = fit < 10 ? fit : 10;        /* the page's room, up to 10 lines */
    for (int i = 0; i < lines; i++) {
        pdf_space(d, pdf_leading(s) * 0.5f);
        pdf_para(d, pdf_left(d), pdf_width(d), PDF_REGULAR, s, PDF_LEFT, row);
    }
}

static void signature_column(pdf_doc *d, float x, float w, float top, const char *title, const char *name)
{
    pdf_set_y(d, top);
    pdf_para(d, x, w, PDF_BOLD, 13, PDF_CENTER, title);
    pdf_para(d, x, w, PDF_ITALIC, 12, PDF_CENTER, _("(Ký, ghi rõ họ tên)"));
    pdf_space(d, 64);
    if (name && name[0]) pdf_para(d, x, w, PDF_BOLD, 13, PDF_CENTER, name);
}

static void team_signatures(pdf_doc *d, const tour_full *t)
{
    char lead[160];
    report_tour_lead_name(t, lead, sizeof lead);
    pdf_space(d, 16);
    pdf_need(d, signatures_h() - 16);
    float top = pdf_y(d), half = pdf_width(d) / 2;
    signature_column(d, pdf_left(d), half, top, _("TRƯỞNG ĐOÀN"), lead);
    float y = pdf_y(d);
    signature_column(d, pdf_left(d) + half, half, top, _("THÀNH VIÊN ĐOÀN"), NULL);
    if (y > pdf_y(d)) pdf_set_y(d, y);
}

static int write_sheet(ntm_db *db, const ntm_config *cfg, const tour_full *t, int compact_form,
                       const char *out_path, char *err, size_t errlen)
{
    char title[400];
    snprintf(title, sizeof title, "%s - %s", _("Phiếu kiểm tra tour tuyến"), t->t.name);
    letterhead lh;
    if (letterhead_for(db, cfg, t->t.commune_id, "route", "PKT", &lh, err, errlen)) return -1;
    pdf_doc *d = pdf_open(cfg, title, lh.name, err, errlen);
    if (!d) return -1;
    letterhead_header(d, &lh, db_today(db));
    letterhead_title(d, _("PHIẾU KIỂM TRA TOUR TUYẾN"), t->t.name);
    pdf_space(d, 8);
    report_tour_facts(d, t, report_scaled(d, FACT_SIZE, 8), 1);
    overview(d, t);
    report_section(d, _("II. Nội dung kiểm tra tại từng điểm"), 3 * pdf_leading(TABLE_SIZE) + 80);
    instructions(d);
    if (compact_form) {
        compact cp;
        compact_init(&cp, d, t);
        for (int i = 0; i < t->n_stops && !pdf_failed(d); i++) compact_stop(&cp, t, &t->stops[i]);
    } else {
        for (int i = 0; i < t->n_stops && !pdf_failed(d); i++) stop_block(d, t, &t->stops[i]);
    }
    remarks(d, compact_form ? 3 : 4);
    team_signatures(d, t);
    int rc = pdf_save(d, out_path, err, errlen);
    pdf_close(d);
    return rc;
}

int report_route_sheet(ntm_db *db, const ntm_config *cfg, int64_t tour_id, int compact_form,
                       const char *out_path, char *err, size_t errlen)
{
    tour_full t;
    if (tour_load(db, tour_id, &t) != DB_OK) return report_fail(err, errlen, db_errmsg(db));
    int rc = write_sheet(db, cfg, &t, compact_form, out_path, err, errlen);
    tour_free(&t);
    return rc;
}

int report_route_sheet_path(ntm_db *db, const ntm_config *cfg, int64_t tour_id, int compact_form,
                            char *out, size_t n)
{
    return report_tour_path(db, cfg, tour_id, "phieu-kiem-tra", compact_form ? "-gon" : "", out, n);
}
