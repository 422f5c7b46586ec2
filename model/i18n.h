/* i18n: the UI language for messages made below tui/ (model and reports return their
 * messages as text). Two languages only, chosen in ntm.ini [ui] language; a small
 * pair-of-strings helper is enough here and keeps the build free of .mo files. */
#ifndef NTM_I18N_H
#define NTM_I18N_H
extern int ntm_lang_en;                 /* 0: Vietnamese (default), 1: English */
#define L(vi, en) (ntm_lang_en ? (en) : (vi))
#endif
