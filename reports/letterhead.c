/* letterhead: Nghị định 30/2020/NĐ-CP, Phụ lục I. Sizes follow the decree: issuing body
 * 12-13 pt upper case (the body that issues in bold, its parent in regular), motto
 * 12-13 pt bold upper case, slogan 13-14 pt bold with a rule as long as the words, date
 * line 13-14 pt italic centred under the motto, title 14 pt bold centred. */
#include "reports/letterhead.h"
#include "model/date.h"
#include "model/i18n.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define BODY_SIZE   12.0f
#define MOTTO_SIZE  12.0f
#define SLOGAN_SIZE 13.0f
#define DATE_SIZE   13.0f
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

/* A centred line of bold or regular text wrapped in [x, x+w]; returns its last line's
 * bottom. Long names of bodies go on two lines, as the decree allows. */
static float centred(pdf_doc *d, float x, float w, float y, enum pdf_face f, float size, const char *s)
{
    pdf_set_y(d, y);
    pdf_para(d, x, w, f, size, PDF_CENTER, s);
    return pdf_y(d);
}

/* With no body1 in ntm.ini the commune's own People's Committee issues the paper. */
static float body_block(pdf_doc *d, const ntm_config *cfg, const char *commune, float top)
{
    float x = pdf_left(d), w = pdf_width(d) * LEFT_SHARE, y = top;
    char own[NTM_LINE_MAX + 16];
    snprintf(own, sizeof own, "UBND XÃ %s", commune ? commune : "");
    const char *body1 = cfg->body1[0] ? cfg->body1 : own;
    char *b1 = upper(body1), *b2 = cfg->body2[0] ? upper(cfg->body2) : NULL;
    const char *last = b2 ? b2 : b1;
    if (b2) y = centred(d, x, w, y, PDF_REGULAR, BODY_SIZE, b1 ? b1 : body1);
    y = centred(d, x, w, y, PDF_BOLD, BODY_SIZE, last ? last : body1);
    /* the short rule: a third of the name's width, centred */
    float tw = pdf_text_width(d, PDF_BOLD, BODY_SIZE, last ? last : body1);
    float rl = (tw < w ? tw : w) / 3;
    pdf_line(d, x + (w - rl) / 2, y + 1.5f, x + (w + rl) / 2, y + 1.5f, 0.6f);
    free(b1);
    free(b2);
    return y + 3;
}

static float motto_block(pdf_doc *d, const ntm_config *cfg, float top)
{
    float x = pdf_left(d) + pdf_width(d) * LEFT_SHARE, w = pdf_width(d) - pdf_width(d) * LEFT_SHARE;
    float cx = x + w / 2, y = top;
    const char *l1 = cfg->motto_party ? "ĐẢNG CỘNG SẢN VIỆT NAM" : "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    float s1 = pdf_fit_size(d, PDF_BOLD, cfg->motto_party ? SLOGAN_SIZE : MOTTO_SIZE, 7, l1, w);
    pdf_text(d, cx, y + s1, PDF_BOLD, s1, PDF_CENTER, l1);
    y += pdf_leading(s1);
    if (cfg->motto_party) {
        float lw = pdf_text_width(d, PDF_BOLD, s1, l1);
        pdf_line(d, cx - lw / 2, y + 1.5f, cx + lw / 2, y + 1.5f, 0.6f);
        return y + 3;
    }
    const char *l2 = "Độc lập - Tự do - Hạnh phúc";
    float s2 = pdf_fit_size(d, PDF_BOLD, SLOGAN_SIZE, 7, l2, w);
    pdf_text(d, cx, y + s2, PDF_BOLD, s2, PDF_CENTER, l2);
    y += pdf_leading(s2);
    float lw = pdf_text_width(d, PDF_BOLD, s2, l2);
    pdf_line(d, cx - lw / 2, y + 1.5f, cx + lw / 2, y + 1.5f, 0.6f);
    return y + 3;
}

void letterhead_date_text(const char *iso, char *out, size_t n)
{
    if (!iso || !date_valid_iso(iso)) { if (n) out[0] = 0; return; }
    /* dd and mm always two digits, as the seed documents print them */
    snprintf(out, n, "ngày %.2s tháng %.2s năm %.4s", iso + 8, iso + 5, iso);
}

static void date_line(pdf_doc *d, const char *place, const char *iso, float y)
{
    char date[64], line[NTM_LINE_MAX + 80];
    letterhead_date_text(iso, date, sizeof date);
    if (!date[0]) return;
    snprintf(line, sizeof line, "%s%s%s", place && place[0] ? place : "", place && place[0] ? ", " : "", date);
    float x = pdf_left(d) + pdf_width(d) * LEFT_SHARE, w = pdf_width(d) - pdf_width(d) * LEFT_SHARE;
    float s = pdf_fit_size(d, PDF_ITALIC, DATE_SIZE, 8, line, w);
    pdf_text(d, x + w / 2, y + s, PDF_ITALIC, s, PDF_CENTER, line);
    pdf_set_y(d, y + pdf_leading(s));
}

void letterhead_header(pdf_doc *d, const ntm_config *cfg, const char *place, const char *date_iso)
{
    float top = pdf_y(d);
    float yl = body_block(d, cfg, place, top);
    float yr = motto_block(d, cfg, top);
    date_line(d, cfg->place[0] ? cfg->place : place, date_iso, (yl > yr ? yl : yr) + 6);
    pdf_space(d, 10);
}

void letterhead_title(pdf_doc *d, const char *title, const char *subtitle)
{
    pdf_para(d, pdf_left(d), pdf_width(d), PDF_BOLD, 14, PDF_CENTER, title);
    if (subtitle && subtitle[0]) pdf_para(d, pdf_left(d), pdf_width(d), PDF_BOLD, 13, PDF_CENTER, subtitle);
}

static float recipients_height(const char *const *r)
{
    float h = pdf_leading(12);
    for (int i = 0; r && r[i]; i++) h += pdf_leading(11);
    return h;
}

static void recipients_block(pdf_doc *d, const char *const *r, float top, float w)
{
    float x = pdf_left(d);
    pdf_set_y(d, top);
    pdf_para(d, x, w, PDF_BOLD, 12, PDF_LEFT, L("Nơi nhận:", "Recipients:"));
    for (int i = 0; r && r[i]; i++) {
        char line[NTM_LINE_MAX + 4];
        snprintf(line, sizeof line, "- %s", r[i]);
        pdf_para(d, x, w, PDF_REGULAR, 11, PDF_LEFT, line);
    }
}

static void signer_block(pdf_doc *d, const ntm_config *cfg, float top, float x, float w)
{
    char *t = upper(cfg->signer_title);
    pdf_set_y(d, top);
    pdf_para(d, x, w, PDF_BOLD, 13, PDF_CENTER, t ? t : cfg->signer_title);
    pdf_para(d, x, w, PDF_ITALIC, 12, PDF_CENTER, L("(Ký, ghi rõ họ tên)", "(Signature and full name)"));
    pdf_space(d, 62);                       /* room for the signature and the seal */
    if (cfg->signer_name[0]) pdf_para(d, x, w, PDF_BOLD, 13, PDF_CENTER, cfg->signer_name);
    free(t);
}

void letterhead_signature(pdf_doc *d, const ntm_config *cfg, const char *const *recipients)
{
    float lw = pdf_width(d) * LEFT_SHARE, rx = pdf_left(d) + lw, rw = pdf_width(d) - lw;
    float sig = 2 * pdf_leading(13) + pdf_leading(12) + 62;
    float rec = recipients_height(recipients);
    pdf_space(d, 12);
    pdf_need(d, sig > rec ? sig : rec);     /* never split the block over two pages */
    float top = pdf_y(d);
    recipients_block(d, recipients, top + 4, lw);
    float yl = pdf_y(d);
    signer_block(d, cfg, top, rx, rw);
    if (yl > pdf_y(d)) pdf_set_y(d, yl);
}
