/* ntm_ini_man: a build-time program (linked with config/ only) that prints ntm.ini(5)
 * from the key table: `ntm_ini_man en|vi YYYY-MM-DD > ntm.ini.5`. It lives in
 * config/man/, not config/, so that the files of config/ (linked into ntm) hold no main(). */
#include "config/config.h"

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc != 3 || (strcmp(argv[1], "en") && strcmp(argv[1], "vi"))) {
        fputs("usage: ntm_ini_man en|vi YYYY-MM-DD\n", stderr);
        return 2;
    }
    return config_write_man(stdout, strcmp(argv[1], "en") ? NTM_LANG_VI : NTM_LANG_EN, argv[2]) ? 1 : 0;
}
