/* config: reads ntm.ini through iniparser. Knows nothing of SQLite or curses.
 * One table of keys (config/keys.c) drives defaults, validation, the help text and
 * config/ntm.ini.example, so they cannot disagree. */
#ifndef NTM_CONFIG_H
#define NTM_CONFIG_H
#include <stddef.h>
#include <stdio.h>

enum ntm_lang { NTM_LANG_VI = 0, NTM_LANG_EN = 1 };
enum ntm_color { NTM_COLOR_AUTO = 0, NTM_COLOR_ALWAYS, NTM_COLOR_NEVER };

#define NTM_PATH_MAX 1024
#define NTM_LINE_MAX 256
#define NTM_BINDS_MAX 64

/* One line of [keys]: "tasks.progress = P" as written (iniparser lowercases the name). */
struct ntm_bind { char name[64]; char key[32]; int line; };

typedef struct ntm_config {
    char source[NTM_PATH_MAX];       /* file read, or "" when built-in defaults */
    /* [database] */
    char db_path[NTM_PATH_MAX];      /* "~/" already expanded */
    int  busy_timeout_ms;
    /* [output] */
    char pdf_dir[NTM_PATH_MAX];
    char backup_dir[NTM_PATH_MAX];
    int  backup_keep;                /* dated backups kept in backup_dir */
    char print_command[NTM_LINE_MAX];/* e.g. "lp -d office"; "" = none */
    char export_format[8];           /* "xlsx" or "csv": what x on a list offers first */
    /* [pdf] */
    char paper[16];                  /* "A4", "A5" or "Letter" */
    char font_regular[NTM_PATH_MAX];
    char font_bold[NTM_PATH_MAX];
    /* [letterhead] */
    char issuer[NTM_LINE_MAX];       /* code of the issuing body to use; "" = per paper */
    char symbol[NTM_LINE_MAX];       /* "UBND" in "Số: .../BC-UBND" (no issuer in the db) */
    char signer_authority[NTM_LINE_MAX]; /* "TM. ỦY BAN NHÂN DÂN"; may be "" */
    char body1[NTM_LINE_MAX];        /* issuing body, line 1 ("UBND XÃ SƠN KIM 2") */
    char body2[NTM_LINE_MAX];        /* issuing body, line 2 (may be "") */
    int  motto_party;                /* 0: CỘNG HÒA XÃ HỘI ..., 1: ĐẢNG CỘNG SẢN VIỆT NAM */
    char place[NTM_LINE_MAX];        /* place in the date line; "" = the commune's name */
    char signer_title[NTM_LINE_MAX];
    char signer_name[NTM_LINE_MAX];
    /* [ui] */
    enum ntm_lang lang;
    enum ntm_color color;
    int  esc_delay_ms;               /* 0: automatic (local 50, over SSH 200) */
    /* [keys]: in file order, unchecked: config/ knows no screen, tui/keybind.c checks them
     * against its key tables at start-up (its messages name source:line). */
    struct ntm_bind binds[NTM_BINDS_MAX];
    int  n_binds;
} ntm_config;

/* Fill cfg with the built-in defaults (HOME expanded). */
void config_defaults(ntm_config *cfg);

/* Find and load ntm.ini: explicit (from --config, may be NULL), else $NTM_CONFIG,
 * else ~/.config/ntm/ntm.ini, else /etc/ntm/ntm.ini, else defaults only.
 * An explicit or $NTM_CONFIG file that does not exist is an error.
 * Returns 0 on success; -1 with a message in err naming file, line, section, key
 * and what is allowed (Vietnamese, or English when the file says language = en). */
int config_load(ntm_config *cfg, const char *explicit_path, char *err, size_t errlen);

/* Load exactly this file over the defaults (used by config_load and the tests). */
int config_load_file(ntm_config *cfg, const char *path, char *err, size_t errlen);

/* Write the documented example ntm.ini (every key, its default, allowed values). */
int config_write_example(FILE *out);

/* Write the manual page ntm.ini(5) in roff, in that language, dated date (YYYY-MM-DD). */
int config_write_man(FILE *out, enum ntm_lang lang, const char *date);

/* Expand a leading "~/" with $HOME into out. */
void config_expand_home(const char *in, char *out, size_t outlen);

/* ---- Internal to config/ (shared by config.c and keys.c; other layers use only the
 * API above). Declared here because the module may not add a private header. ---- */
enum ntm_key_type { NTM_KEY_STRING, NTM_KEY_PATH, NTM_KEY_INT, NTM_KEY_ENUM };

/* One ntm.ini key. An empty value is allowed exactly when the default is empty. */
struct ntm_key {
    const char *section, *name;
    enum ntm_key_type type;
    const char *def;                 /* default, as written in ntm.ini ("~/" unexpanded) */
    const char *const *values;       /* NTM_KEY_ENUM: allowed values, NULL-terminated */
    int min, max;                    /* NTM_KEY_INT: allowed range */
    const char *help_vi, *help_en;   /* one line each */
    size_t offset, size;             /* field in ntm_config; size 0: use set */
    void (*set)(ntm_config *cfg, int index); /* NTM_KEY_ENUM kept as a number */
};
extern const struct ntm_key ntm_keys[];
extern const size_t ntm_nkeys;

enum ntm_verdict { NTM_VALUE_OK, NTM_VALUE_BAD, NTM_VALUE_LONG, NTM_VALUE_EMPTY, NTM_VALUE_UTF8 };
const struct ntm_key *ntm_key_find(const char *section, const char *name);
enum ntm_verdict ntm_key_set(const struct ntm_key *k, const char *text, ntm_config *cfg);
/* What k accepts, in words: "A4, A5, Letter", "số nguyên từ 100 đến 600000", ... */
void ntm_key_allowed(const struct ntm_key *k, enum ntm_lang lang, char *buf, size_t len);
/* Bytes in the well-formed UTF-8 character at s; 0 when s is not one (or is ""). */
size_t ntm_utf8_char(const char *s);
#endif
