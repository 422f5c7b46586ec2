/* letterhead: Nghị định 30/2020/NĐ-CP, Phụ lục I (state bodies), and Hướng dẫn
 * 36-HD/VPTW (Party bodies). Sizes follow them: issuing body 12-13 pt upper case (the
 * body that issues in bold, its parent in regular), under it a short rule (state) or a
 * "*" (Party); motto 12-13 pt bold upper case, slogan 13-14 pt bold with a rule as long
 * as the words (Party: "ĐẢNG CỘNG SẢN VIỆT NAM" 14-15 pt bold, underlined); the "Số:"
 * line 13 pt under the body and the date line 13-14 pt italic under the motto, on one
 * level; title 14 pt bold centred; "Nơi nhận:" 12 pt bold italic, its lines 11 pt; the
 * signature block 13 pt bold upper case, the signer's name 13 pt bold. */
#include "reports/letterhead.h"
#include "model/date.h"
#include "model/i18n.h"
#include "model/issuer.h"
#include "model/unit.h"
#include "reports/report_common.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define BODY_SIZE   12.0f
#define MOTTO_SIZE  12.0f
#define PARTY_SIZE  14.0f
#define SLOGAN_SIZE 13.0f
#define DATE_SIZE   13.0f
#define SIGN_SIZE   13.0f
#define SIGN_ROOM   62.0f          /* room for the signature and the seal */
#define LEFT_SHARE  0.42f          /* issuing body column; the motto takes the rest */

/* Vietnamese upper case (toupper() is ASCII only): "UBND xã Sơn Kim 2" -> "UBND XÃ ...". */
static char *upper(const char *s)
{
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out, UTF8PROC_NULLTERM | UTF8PROC_COMPOSE);
    if (n < 0) return NULL;
    utf8proc_uint8_t *w = out;
    for (utf8proc_ssize_t i = 0; i < n;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(out + i, n - i, &c);
        if (k <= 0) break;
        utf8proc_int32_t u = utf8proc_toupper(c);
        /* Vietnamese upper and lower letters have the same UTF-8 length; keep it so. */
        if (utf8proc_encode_char(u, (utf8proc_uint8_t[4]){ 0 }) == k) w += utf8proc_encode_char(u, w);
        else { memmove(w, out + i, (size_t)k); w += k; }
        i += k;
    }
    *w = 0;
    return (char *)out;
}

static void upper_into(char *dst, size_t n, const char *s)
{
    char *u = upper(s);
    snprintf(dst, n, "%s", u ? u : s);
    free(u);
}

/* ---- who issues the paper ---------------------------------------------------------- */

static void from_issuer(letterhead *lh, const issuer_rec *r)
{
    lh->party = r->party;
    upper_into(lh->parent, sizeof lh->parent, r->parent_name);
    upper_into(lh->name, sizeof lh->name, r->name);
    snprintf(lh->symbol, sizeof lh->symbol, "%s", r->symbol);
    snprintf(lh->sign_authority, sizeof lh->sign_authority, "%s", r->sign_authority);
    snprintf(lh->sign_title, sizeof lh->sign_title, "%s", r->sign_title);
    snprintf(lh->signer, sizeof lh->signer, "%s", r->signer_name);
}

/* ntm.ini's [letterhead], for a unit that declares no issuer; with no body1, the
 * unit's own People's Committee. */
static void from_config(letterhead *lh, const ntm_config *cfg, const unit_row *u)
{
    char own[300];
    snprintf(own, sizeof own, "%s %s", u->kind == 'p' ? "UBND TỈNH" : "UBND XÃ", u->name);
    lh->party = cfg->motto_party;
    if (cfg->body1[0] && cfg->body2[0]) {
        upper_into(lh->parent, sizeof lh->parent, cfg->body1);
        upper_into(lh->name, sizeof lh->name, cfg->body2);
    } else {
        upper_into(lh->name, sizeof lh->name, cfg->body1[0] ? cfg->body1 : own);
    }
    snprintf(lh->symbol, sizeof lh->symbol, "%s", cfg->symbol);
    snprintf(lh->sign_authority, sizeof lh->sign_authority, "%s", cfg->signer_authority);
    snprintf(lh->sign_title, sizeof lh->sign_title, "%s", cfg->signer_title);
    snprintf(lh->signer, sizeof lh->signer, "%s", cfg->signer_name);
}

int letterhead_for(ntm_db *db, const ntm_config *cfg, int64_t unit_id, const char *paper,
                   const char *type_code, letterhead *lh, char *err, size_t errlen)
{
    unit_row u;
    memset(lh, 0, sizeof *lh);
    if (unit_get(db, unit_id, &u) != DB_OK) return report_fail(err, errlen, db_errmsg(db));
    if (u.kind == 'h' && unit_get(db, u.parent_id, &u) != DB_OK) return report_fail(err, errlen, db_errmsg(db));
    issuer_rec r;
    int rc = issuer_for_paper(db, u.id, paper, cfg->issuer, &r);
    if (rc == DB_OK) from_issuer(lh, &r);
    else if (rc == DB_NOTFOUND) from_config(lh, cfg, &u);
    else return report_fail(err, errlen, db_errmsg(db));
    snprintf(lh->type_code, sizeof lh->type_code, "%s", type_code ? type_code : "");
    snprintf(lh->place, sizeof lh->place, "%s", cfg->place[0] ? cfg->place : u.name);
    return 0;
}

/* ---- the header -------------------------------------------------------------------- */

/* A centred paragraph in [x, x+w] from y; returns the bottom of its last line. Long
 * names of bodies go on two lines, as the decree allows. */
static float centred(pdf_doc *d, float x, float w, float y, enum pdf_face f, float size, const char *s)
{
    pdf_set_y(d, y);
    pdf_para(d, x, w, f, size, PDF_CENTER, s);
    return pdf_y(d);
}

void letterhead_number_text(const letterhead *lh, char *out, size_t n)
{
    const char *no = lh->number[0] ? lh->number : "       ";   /* room to write it by hand */
    const char *type = lh->type_code[0] ? lh->type_code : "";
    if (lh->party)
        snprintf(out, n, "Số %s-%s/%s", no, type, lh->symbol);
    else
        snprintf(out, n, "Số: %s/%s%s%s", no, type, type[0] ? "-" : "", lh->symbol);
}

/* Parent, body, its rule or star, and the "Số:" line; returns the y of the "Số:" line's
 * top, and the bottom of the whole block in *bottom. */
static float body_block(pdf_doc *d, const letterhead *lh, float top, float *bottom)
{
    float x = pdf_left(d), w = pdf_width(d) * LEFT_SHARE, y = top;
    if (lh->parent[0]) y = centred(d, x, w, y, PDF_REGULAR, BODY_SIZE, lh->parent);
    y = centred(d, x, w, y, PDF_BOLD, BODY_SIZE, lh->name);
    if (lh->party) {
        pdf_text(d, x + w / 2, y + BODY_SIZE, PDF_BOLD, BODY_SIZE, PDF_CENTER, "*");
        y += pdf_leading(BODY_SIZE);
    } else {                        /* a rule a third of the name's width, centred */
        float tw = pdf_text_width(d, PDF_BOLD, BODY_SIZE, lh->name);
        float rl = (tw < w ? tw : w) / 3;
        pdf_line(d, x + (w - rl) / 2, y + 1.5f, x + (w + rl) / 2, y + 1.5f, 0.6f);
        y += 6;
    }
    char no[200];
    letterhead_number_text(lh, no, sizeof no);
    float s = pdf_fit_size(d, PDF_REGULAR, DATE_SIZE, 8, no, w);
    pdf_text(d, x + w / 2, y + s, PDF_REGULAR, s, PDF_CENTER, no);
    *bottom = y + pdf_leading(s);
    return y;
}

/* The motto and its rule; returns the bottom. */
static float motto_block(pdf_doc *d, const letterhead *lh, float top)
{
    float x = pdf_left(d) + pdf_width(d) * LEFT_SHARE, w = pdf_width(d) - pdf_width(d) * LEFT_SHARE;
    float cx = x + w / 2, y = top;
    const char *l1 = lh->party ? "ĐẢNG CỘNG SẢN VIỆT NAM" : "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    float s1 = pdf_fit_size(d, PDF_BOLD, lh->party ? PARTY_SIZE : MOTTO_SIZE, 7, l1, w);
    pdf_text(d, cx, y + s1, PDF_BOLD, s1, PDF_CENTER, l1);
    y += pdf_leading(s1);
    if (lh->party) {
        float lw = pdf_text_width(d, PDF_BOLD, s1, l1);
        pdf_line(d, cx - lw / 2, y, cx + lw / 2, y, 0.6f);
        return y + 3;
    }
    const char *l2 = "Độc lập - Tự do - Hạnh phúc";
    float s2 = pdf_fit_size(d, PDF_BOLD, SLOGAN_SIZE, 7, l2, w);
    pdf_text(d, cx, y + s2, PDF_BOLD, s2, PDF_CENTER, l2);
    y += pdf_leading(s2);
    float lw = pdf_text_width(d, PDF_BOLD, s2, l2);
    pdf_line(d, cx - lw / 2, y + 1.5f, cx + lw / 2, y + 1.5f, 0.6f);
    return y + 6;
}

void letterhead_date_text(const char *iso, char *out, size_t n)
{
    if (!iso || !date_valid_iso(iso)) { if (n) out[0] = 0; return; }
    int day = atoi(iso + 8), month = atoi(iso + 5);
    snprintf(out, n, month < 3 ? "ngày %02d tháng %02d năm %.4s" : "ngày %02d tháng %d năm %.4s", day, month, iso);
}

static float date_line(pdf_doc *d, const char *place, const char *iso, float y)
{
    char date[64], line[900];
    letterhead_date_text(iso, date, sizeof date);
    if (!date[0]) return y;
    snprintf(line, sizeof line, "%s%s%s", place[0] ? place : "", place[0] ? ", " : "", date);
    float x = pdf_left(d) + pdf_width(d) * LEFT_SHARE, w = pdf_width(d) - pdf_width(d) * LEFT_SHARE;
    float s = pdf_fit_size(d, PDF_ITALIC, DATE_SIZE, 8, line, w);
    pdf_text(d, x + w / 2, y + s, PDF_ITALIC, s, PDF_CENTER, line);
    return y + pdf_leading(s);
}

void letterhead_header(pdf_doc *d, const letterhead *lh, const char *date_iso)
{
    float top = pdf_y(d), left_bottom;
    float no_y = body_block(d, lh, top, &left_bottom);
    float motto_bottom = motto_block(d, lh, top);
    /* the date line sits level with the "Số:" line, or under the motto when it is longer */
    float date_bottom = date_line(d, lh->place, date_iso, no_y > motto_bottom ? no_y : motto_bottom);
    pdf_set_y(d, left_bottom > date_bottom ? left_bottom : date_bottom);
    pdf_space(d, 10);
}

void letterhead_title(pdf_doc *d, const char *title, const char *subtitle)
{
    pdf_para(d, pdf_left(d), pdf_width(d), PDF_BOLD, 14, PDF_CENTER, title);
    if (subtitle && subtitle[0]) pdf_para(d, pdf_left(d), pdf_width(d), PDF_BOLD, 13, PDF_CENTER, subtitle);
}

/* ---- recipients and signature ------------------------------------------------------ */

static float recipients_height(const char *const *r)
{
    float h = pdf_leading(12) + 4;
    for (int i = 0; r && r[i]; i++) h += pdf_leading(11);
    return h;
}

static void recipients_block(pdf_doc *d, const char *const *r, float top, float w)
{
    float x = pdf_left(d);
    pdf_set_y(d, top);
    pdf_para(d, x, w, PDF_BOLD_ITALIC, 12, PDF_LEFT, _("Nơi nhận:"));
    for (int i = 0; r && r[i]; i++) {
        char line[NTM_LINE_MAX + 4];
        snprintf(line, sizeof line, "- %s", r[i]);
        pdf_para(d, x, w, PDF_REGULAR, 11, PDF_LEFT, line);
    }
}

static float signer_height(const letterhead *lh)
{
    int lines = 1 + (lh->sign_authority[0] != 0) + (lh->signer[0] != 0);
    return lines * pdf_leading(SIGN_SIZE) + SIGN_ROOM;
}

static void signer_block(pdf_doc *d, const letterhead *lh, float top, float x, float w)
{
    pdf_set_y(d, top);
    char t[404];
    if (lh->sign_authority[0]) {
        upper_into(t, sizeof t, lh->sign_authority);
        pdf_para(d, x, w, PDF_BOLD, SIGN_SIZE, PDF_CENTER, t);
    }
    upper_into(t, sizeof t, lh->sign_title);
    pdf_para(d, x, w, PDF_BOLD, SIGN_SIZE, PDF_CENTER, t);
    pdf_space(d, SIGN_ROOM);
    if (lh->signer[0]) pdf_para(d, x, w, PDF_BOLD, SIGN_SIZE, PDF_CENTER, lh->signer);
}

float letterhead_signature_height(pdf_doc *d, const letterhead *lh, const char *const *recipients)
{
    float sig = signer_height(lh), rec = recipients_height(recipients);
    return 12 + (sig > rec ? sig : rec);
}

void letterhead_signature(pdf_doc *d, const letterhead *lh, const char *const *recipients)
{
    float lw = pdf_width(d) * LEFT_SHARE, rx = pdf_left(d) + lw, rw = pdf_width(d) - lw;
    pdf_space(d, 12);
    pdf_need(d, letterhead_signature_height(d, lh, recipients) - 12);   /* never split it */
    float top = pdf_y(d);
    recipients_block(d, recipients, top + 4, lw);
    float yl = pdf_y(d);
    signer_block(d, lh, top, rx, rw);
    if (yl > pdf_y(d)) pdf_set_y(d, yl);
}
