/* letterhead: the parts of an administrative paper that every ntm report shares, after
 * Nghị định 30/2020/NĐ-CP (state bodies) and Hướng dẫn 36-HD/VPTW (Party bodies): the
 * issuing body and the national motto with the "Số:" line and the place-and-date line,
 * the title, and at the end "Nơi nhận" with the signature block. */
#ifndef NTM_LETTERHEAD_H
#define NTM_LETTERHEAD_H
#include "config/config.h"
#include "model/db.h"
#include "reports/pdf.h"

/* Who issues one paper, resolved once before drawing. */
typedef struct letterhead {
    int party;                   /* Party format: "ĐẢNG CỘNG SẢN VIỆT NAM", "*", "Số 49-CV/ĐU" */
    char parent[804];            /* the line above the body ("HUYỆN ỦY HƯƠNG SƠN"); may be "" */
    char name[804];              /* the body ("ĐẢNG ỦY XÃ SƠN KIM 2") */
    char symbol[NTM_LINE_MAX];    /* "ĐU", "UBND", "BCĐ" */
    char type_code[16];          /* the paper's kind: "BC" báo cáo, "KH", "PĐV"... */
    char number[32];             /* the document's number; "" leaves room to write it */
    char place[804];             /* of the date line: ntm.ini [letterhead] place, else the unit */
    char sign_authority[404];    /* "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"; may be "" */
    char sign_title[404];        /* "CHỦ TỊCH", "PHÓ CHỦ TỊCH" */
    char signer[404];            /* the name under the signature; may be "" */
} letterhead;

/* The letterhead of paper `paper` ("tasks", "route", "weekly"...; see issuer_for_paper)
 * of unit_id (a commune or a province; a hamlet means its commune), of kind type_code.
 * The body: ntm.ini [letterhead] issuer when set (a code declared for the unit), else
 * the one the database declares for the paper, else the unit's default; a unit with no
 * issuer in the database takes ntm.ini's body1/body2/motto/symbol/signer_*, and with
 * no body1, its own People's Committee ("UBND XÃ SƠN KIM 2"). Returns 0, or -1 with a
 * message (an issuer code that the unit does not have, listing those it has). */
int  letterhead_for(ntm_db *db, const ntm_config *cfg, int64_t unit_id, const char *paper,
                    const char *type_code, letterhead *lh, char *err, size_t errlen);

/* Issuing body top left with its rule ("*" for a Party body) and the "Số:" line under
 * it; the motto top right with the date line "<place>, ngày 05 tháng 6 năm 2021" under
 * it (date_iso 'YYYY-MM-DD'). Starts at the cursor, moves it below the block. */
void letterhead_header(pdf_doc *d, const letterhead *lh, const char *date_iso);
/* Bold centred title (upper case as given) and an optional bold subtitle. */
void letterhead_title(pdf_doc *d, const char *title, const char *subtitle);
/* "Nơi nhận:" (bold italic) with its lines at left (NULL-terminated, each printed as
 * "- line"; may be NULL), the signature block at right: the authority line, the title,
 * room to sign and seal, the name. Kept together on one page (a caller that must keep
 * its last lines with it asks pdf_need() for those plus letterhead_signature_height()). */
void letterhead_signature(pdf_doc *d, const letterhead *lh, const char *const *recipients);
/* The height letterhead_signature() will take (for keeping a closing block with it). */
float letterhead_signature_height(pdf_doc *d, const letterhead *lh, const char *const *recipients);
/* "ngày 05 tháng 6 năm 2021": Nghị định 30 pads days under 10 and months 1 and 2 with a
 * zero, no other month (empty when date_iso is not a date). */
void letterhead_date_text(const char *date_iso, char *out, size_t n);
/* "Số: 12/BC-UBND", "Số:      /BC-UBND" (state) or "Số 49-CV/ĐU", "Số    -CV/ĐU" (Party). */
void letterhead_number_text(const letterhead *lh, char *out, size_t n);
#endif
