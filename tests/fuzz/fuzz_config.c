/* fuzz_config: config/config.h config_load_file on any bytes as ntm.ini, through a file
 * in memory (memfd). Properties: a file taken leaves every text field terminated and
 * valid UTF-8, every number in its key's range and every choice one of its key's values,
 * and no message; a file refused says so in a message (in a buffer as small as ntm's
 * own) that starts with the path and a line the file has, and is fit for the terminal:
 * valid UTF-8, no control characters, whatever bytes the file held. */
#include "tests/fuzz/fuzz_common.h"
#include "config/config.h"
#include <strings.h>

static fz_file fzc_file;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    setenv("HOME", "/nonexistent-ntm-fuzz", 1);      /* "~/" expands the same every time */
    fz_file_open(&fzc_file, "ntm.ini");
    return 0;
}

static void fzc_check_key(const ntm_config *c, const struct ntm_key *k)
{
    const char *f = (const char *)c + k->offset;
    if (!k->size) return;                              /* an enum kept as a number: below */
    if (k->type == NTM_KEY_INT) {
        int v;
        memcpy(&v, f, sizeof v);
        FZ_CHECK(v >= k->min && v <= k->max, "[%s] %s = %d", k->section, k->name, v);
        return;
    }
    FZ_CHECK(memchr(f, 0, k->size) != NULL, "[%s] %s not terminated", k->section, k->name);
    FZ_CHECK(text_valid_utf8(f), "[%s] %s not UTF-8", k->section, k->name);
    if (k->type == NTM_KEY_ENUM) {
        int found = 0;
        for (int i = 0; k->values[i]; i++) found |= !strcmp(f, k->values[i]);
        FZ_CHECK(found, "[%s] %s = \"%s\"", k->section, k->name, f);
    }
    if (*k->def && k->type != NTM_KEY_ENUM) FZ_CHECK(*f, "[%s] %s empty", k->section, k->name);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (fzc_file.path[0] == 0) LLVMFuzzerInitialize(NULL, NULL);
    static ntm_config cfg;           /* static: 9 KB, and set whole by a load that succeeds */
    char err[1024];
    memset(err, 'Z', sizeof err);
    fz_file_set(&fzc_file, data, size);
    int rc = config_load_file(&cfg, fzc_file.path, err, sizeof err);
    FZ_CHECK(rc == 0 || rc == -1, "code %d", rc);
    FZ_CHECK(memchr(err, 0, sizeof err) != NULL, "message not terminated");
    if (rc == 0) {
        FZ_CHECK(!err[0], "taken, with message \"%s\"", err);
        FZ_CHECK(!strcmp(cfg.source, fzc_file.path), "source \"%s\"", cfg.source);
        for (size_t i = 0; i < ntm_nkeys; i++) fzc_check_key(&cfg, &ntm_keys[i]);
        FZ_CHECK(cfg.lang == NTM_LANG_VI || cfg.lang == NTM_LANG_EN, "lang %d", (int)cfg.lang);
        FZ_CHECK(cfg.color == NTM_COLOR_AUTO || cfg.color == NTM_COLOR_ALWAYS || cfg.color == NTM_COLOR_NEVER,
                 "color %d", (int)cfg.color);
        FZ_CHECK(cfg.motto_party == 0 || cfg.motto_party == 1, "motto %d", cfg.motto_party);
    } else {
        size_t pl = strlen(fzc_file.path);
        FZ_CHECK(!strncmp(err, fzc_file.path, pl) && (err[pl] == ':'), "message \"%s\"", err);
        FZ_CHECK(fz_clean_text(err), "message not fit for a terminal: \"%s\"", err);
        long line = 0, lines = 1;
        for (size_t i = 0; i < size; i++) lines += data[i] == '\n';
        if (sscanf(err + pl, ":%ld:", &line) == 1)
            FZ_CHECK(line >= 1 && line <= lines, "message names line %ld of %ld: \"%s\"", line, lines, err);
    }
    return 0;
}
