/* i18n: the UI language. Every message is written once, in Vietnamese, the source
 * language: _("...") in code, N_("...") in a table (translated with _() where it is
 * drawn). Vietnamese is the text itself; English comes from config/po/en.po, compiled by make
 * into locale/en/LC_MESSAGES/ntm.mo (model/i18n.c looks it up with glibc's dgettext). The same Vietnamese with
 * another English has a context: C_("ctx", "...") in code, NC_("ctx", "...") in a table.
 * config/po/pairs2po.py turns the old pairs, L("vi", "en"), into these. */
#ifndef NTM_I18N_H
#define NTM_I18N_H
extern int ntm_lang_en;                 /* 0: Vietnamese (default), 1: English */

/* msgid in the UI language (ntm_lang_en); msgid itself (without its context) in
 * Vietnamese or when the catalogue lacks it. NULL stays NULL. */
/* format_arg: gcc checks a format's arguments against the msgid, as for gettext(). */
const char *ntm_tr(const char *msgid) __attribute__((format_arg(1)));
/* msgid in a given language, whatever the UI's (the documented files speak both). */
const char *ntm_tr_in(int en, const char *msgid) __attribute__((format_arg(2)));
#define _(s) ntm_tr(s)
#define N_(s) s
#define NC_(c, s) c "\004" s
#define C_(c, s) ntm_tr_ctx(ntm_lang_en, c, s)
/* msgid in context ctx (the same Vietnamese with another English), in a given language. */
const char *ntm_tr_ctx(int en, const char *ctx, const char *msgid) __attribute__((format_arg(3)));

/* The language LANGUAGE asks for (its first entry that is en... or vi...): 1 English,
 * 0 Vietnamese, -1 none. */
int ntm_lang_env(void);
/* LANGUAGE beats ntm.ini's [ui] language (ini_en), which beats the default, Vietnamese. */
int ntm_lang_pick(int ini_en);
/* Where the English catalogue was read from ("" when none was found); 1 when it
 * translates msgid (the key tables' test); forget it, to be read again (tests). */
const char *ntm_catalogue_path(void);
int ntm_tr_has(const char *msgid);
void ntm_catalogue_reset(void);
#endif
