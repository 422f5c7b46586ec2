/* issuer: the bodies that issue a commune's (or a province's) papers: Đảng ủy, UBND,
 * Ban chỉ đạo, each with its letterhead (parent body, name, "Party" or "state" format),
 * the symbol in the "Số:" line and its signature block. */
#ifndef NTM_ISSUER_H
#define NTM_ISSUER_H
#include "model/db.h"

typedef struct issuer_rec {
    int64_t id, unit_id, org_id, version;
    char code[84];               /* typed on the command line: "du", "ubnd", "bcd" */
    int party;                   /* 1: the Party's format (Hướng dẫn 36-HD/VPTW) */
    char parent_name[804];       /* "HUYỆN ỦY HƯƠNG SƠN"; "" when none */
    char name[804];              /* "ĐẢNG ỦY XÃ SƠN KIM 2" */
    char symbol[84];             /* "ĐU": "Số 49-CV/ĐU"; "UBND": "Số: 12/BC-UBND" */
    char sign_authority[404];    /* "TM. BAN THƯỜNG VỤ", "KT. CHỦ TỊCH"; "" when none */
    char sign_title[404];        /* "BÍ THƯ", "PHÓ CHỦ TỊCH" */
    char signer_name[404];       /* "" when the paper is signed by hand */
    char papers[404];            /* ",route,tour-summary,": the papers it issues by default */
    int is_default;
} issuer_rec;

/* The issuers of a unit, the default first, then by code (malloc'd; free() it). */
int  issuer_list(ntm_db *db, int64_t unit_id, issuer_rec **out, int *n);
/* The body that issues paper `paper` ("tasks", "route", "tour-summary", "weekly",
 * "monthly", "daily", "criteria"...) of unit_id. choice: a code or a name as typed
 * (accents optional), or NULL/"" to choose automatically: the issuer whose papers list
 * names the paper, else the unit's default, else its first. DB_NOTFOUND (no message)
 * when the unit has no issuer at all: the caller falls back on ntm.ini; DB_INVALID when
 * choice matches none, the message listing the unit's codes. */
int  issuer_for_paper(ntm_db *db, int64_t unit_id, const char *paper, const char *choice, issuer_rec *out);
#endif
