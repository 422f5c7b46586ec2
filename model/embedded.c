/* embedded: .incbin keeps the SQL files readable in the tree and still ships a single
 * binary; each file is followed by a NUL so it can be used as a C string. */
#include "model/embedded.h"

#define EMBED(sym, path)                                                       \
    __asm__(".section .rodata\n.global " #sym "\n.balign 16\n" #sym ":\n"     \
            ".incbin \"" path "\"\n.byte 0\n.previous\n");                     \
    extern const char sym[]

EMBED(ntm_sql_001, "model/sql/001_init.sql");
EMBED(ntm_sql_002, "model/sql/002_ui_state.sql");
EMBED(ntm_sql_003, "model/sql/003_issuer.sql");
EMBED(ntm_sql_004, "model/sql/004_period.sql");
EMBED(ntm_sql_005, "model/sql/005_criteria.sql");
EMBED(ntm_sql_006, "model/sql/006_task_code.sql");
EMBED(ntm_sql_007, "model/sql/007_sync.sql");
EMBED(ntm_sql_008, "model/sql/008_roles.sql");
EMBED(ntm_demo_crit21, "model/data/criteria_2021_2025.sql");
EMBED(ntm_demo_crit26, "model/data/criteria_2026_2030.sql");
EMBED(ntm_demo_check, "model/data/checklists.sql");
EMBED(ntm_demo_main, "model/data/demo.sql");

const embedded_file embedded_migrations[] = {
    { "001_init.sql", ntm_sql_001 },
    { "002_ui_state.sql", ntm_sql_002 },
    { "003_issuer.sql", ntm_sql_003 },
    { "004_period.sql", ntm_sql_004 },
    { "005_criteria.sql", ntm_sql_005 },
    { "006_task_code.sql", ntm_sql_006 },
    { "007_sync.sql", ntm_sql_007 },
    { "008_roles.sql", ntm_sql_008 },
};
const int embedded_n_migrations = sizeof embedded_migrations / sizeof embedded_migrations[0];

const embedded_file embedded_demo[] = {
    { "criteria_2021_2025.sql", ntm_demo_crit21 },
    { "criteria_2026_2030.sql", ntm_demo_crit26 },
    { "checklists.sql", ntm_demo_check },
    { "demo.sql", ntm_demo_main },
};
const int embedded_n_demo = sizeof embedded_demo / sizeof embedded_demo[0];
