/* The print command runs without a shell, the PDF as one argument. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "config/config.h"
#include "reports/print_cmd.h"

static void test_split(void **s)
{
    (void)s;
    char buf[256], *w[8];
    assert_int_equal(print_split("lp -d office", buf, sizeof buf, w, 8), 3);
    assert_string_equal(w[0], "lp");
    assert_string_equal(w[2], "office");
    assert_int_equal(print_split("  lp  -d 'May in 2' -o \"fit to page\" ", buf, sizeof buf, w, 8), 5);
    assert_string_equal(w[2], "May in 2");
    assert_string_equal(w[4], "fit to page");
    assert_int_equal(print_split("lp 'unclosed", buf, sizeof buf, w, 8), -1);
    assert_int_equal(print_split("a b c d e f g h i", buf, sizeof buf, w, 8), -1);
    assert_int_equal(print_split("", buf, sizeof buf, w, 8), 0);
}

static void test_run(void **s)
{
    (void)s;
    char dir[] = "/tmp/ntm-print-XXXXXX", script[128], args[128], pdf[160], msg[512];
    assert_non_null(mkdtemp(dir));
    snprintf(script, sizeof script, "%s/fakelp", dir);
    snprintf(args, sizeof args, "%s/args", dir);
    snprintf(pdf, sizeof pdf, "%s/phiếu $(touch pwned) ; x.pdf", dir);
    FILE *f = fopen(script, "w");
    fprintf(f, "#!/bin/sh\nfor a in \"$@\"; do printf '%%s\\n' \"$a\"; done > %s\n", args);
    fclose(f);
    chmod(script, 0755);
    ntm_config cfg;
    config_defaults(&cfg);
    assert_int_equal(report_print(&cfg, pdf, msg, sizeof msg), 1);     /* none configured */
    assert_non_null(strstr(msg, "SFTP"));
    snprintf(cfg.print_command, sizeof cfg.print_command, "%s -d 'office 2'", script);
    assert_int_equal(report_print(&cfg, pdf, msg, sizeof msg), 0);
    f = fopen(args, "r");
    assert_non_null(f);
    char line[256], want[3][200];
    snprintf(want[0], 200, "-d\n"); snprintf(want[1], 200, "office 2\n"); snprintf(want[2], 200, "%s\n", pdf);
    for (int i = 0; i < 3; i++) {
        assert_non_null(fgets(line, sizeof line, f));
        assert_string_equal(line, want[i]);
    }
    assert_null(fgets(line, sizeof line, f));
    fclose(f);
    assert_int_not_equal(access("pwned", F_OK), 0);                   /* no shell ran it */
    snprintf(cfg.print_command, sizeof cfg.print_command, "%s/no-such-lp", dir);
    assert_int_equal(report_print(&cfg, pdf, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "no-such-lp"));
    snprintf(cfg.print_command, sizeof cfg.print_command, "false");
    assert_int_equal(report_print(&cfg, pdf, msg, sizeof msg), -1);
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = { cmocka_unit_test(test_split), cmocka_unit_test(test_run) };
    return cmocka_run_group_tests_name("reports_print", tests, NULL, NULL);
}
