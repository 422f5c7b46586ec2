/* letterhead: the parts of an administrative paper (Nghị định 30/2020/NĐ-CP) that every
 * ntm report shares: issuing body and national motto, the place-and-date line, the
 * title, and at the end "Nơi nhận" with the signature block. */
#ifndef NTM_LETTERHEAD_H
#define NTM_LETTERHEAD_H
#include "config/config.h"
#include "reports/pdf.h"

/* Issuing body top left (cfg->body1, cfg->body2), national motto top right (or
 * "ĐẢNG CỘNG SẢN VIỆT NAM" with cfg->motto_party), then in italics under the motto
 * "<place>, ngày dd tháng mm năm yyyy". place: cfg->place when set, else the caller's
 * (the commune's name). date_iso 'YYYY-MM-DD'. Starts at the cursor, moves it down. */
void letterhead_header(pdf_doc *d, const ntm_config *cfg, const char *place, const char *date_iso);
/* Bold centred title (upper case as given) and an optional bold subtitle. */
void letterhead_title(pdf_doc *d, const char *title, const char *subtitle);
/* "Nơi nhận:" with its lines at left (NULL-terminated, each printed as "- line"; may be
 * NULL), the signature at right: cfg->signer_title, "(Ký, ghi rõ họ tên)", room to
 * sign, cfg->signer_name. Kept together on one page. */
void letterhead_signature(pdf_doc *d, const ntm_config *cfg, const char *const *recipients);
/* "ngày 21 tháng 06 năm 2021" (empty when date_iso is not a date). */
void letterhead_date_text(const char *date_iso, char *out, size_t n);
#endif
