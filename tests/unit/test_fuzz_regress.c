/* The fuzzers' kept inputs, replayed without clang: every file of tests/fuzz/regress/NAME/
 * (inputs that once crashed or broke a property, each fixed since) and of
 * tests/fuzz/corpus/NAME/ (the seeds) goes through the harness tests/fuzz/fuzz_NAME.c,
 * compiled here with gcc: the same entry point and the same property checks, which
 * abort on a wrong answer. So a regression fails make test. Run from the source folder. */
#define _GNU_SOURCE 1
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Each harness with its libFuzzer entry points renamed, so all of them link together. */
#define LLVMFuzzerInitialize fz_init_config
#define LLVMFuzzerTestOneInput fz_one_config
#include "tests/fuzz/fuzz_config.c"
#undef LLVMFuzzerInitialize
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerInitialize fz_init_date
#define LLVMFuzzerTestOneInput fz_one_date
#include "tests/fuzz/fuzz_date.c"
#undef LLVMFuzzerInitialize
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerInitialize fz_init_qty
#define LLVMFuzzerTestOneInput fz_one_qty
#include "tests/fuzz/fuzz_qty.c"
#undef LLVMFuzzerInitialize
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerInitialize fz_init_tour
#define LLVMFuzzerTestOneInput fz_one_tour
#include "tests/fuzz/fuzz_tour.c"
#undef LLVMFuzzerInitialize
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerInitialize fz_init_csv
#define LLVMFuzzerTestOneInput fz_one_csv
#include "tests/fuzz/fuzz_csv.c"
#undef LLVMFuzzerInitialize
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerInitialize fz_init_import
#define LLVMFuzzerTestOneInput fz_one_import
#include "tests/fuzz/fuzz_import.c"
#undef LLVMFuzzerInitialize
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerInitialize fz_init_xlsx
#define LLVMFuzzerTestOneInput fz_one_xlsx
#include "tests/fuzz/fuzz_xlsx.c"
#undef LLVMFuzzerInitialize
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerInitialize fz_init_roundtrip
#define LLVMFuzzerTestOneInput fz_one_roundtrip
#include "tests/fuzz/fuzz_roundtrip.c"
#undef LLVMFuzzerInitialize
#undef LLVMFuzzerTestOneInput

typedef struct {
    const char *name;
    int (*init)(int *, char ***);
    int (*one)(const uint8_t *, size_t);
} harness;

static uint8_t *read_whole(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    long len = ftell(f);
    assert_true(len >= 0);
    rewind(f);
    uint8_t *buf = malloc((size_t)len + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)len, f), (size_t)len);
    fclose(f);
    *n = (size_t)len;
    return buf;
}

/* Every file of dir through h; how many. The file's name goes to stderr first, so a
 * property that aborts is seen with its input in the test's log. */
static int replay_dir(const harness *h, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) return 0;
    int n = 0;
    for (struct dirent *e; (e = readdir(d)); ) {
        if (e->d_name[0] == '.') continue;
        char path[1024];
        size_t len;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        uint8_t *data = read_whole(path, &len);
        fprintf(stderr, "replaying %s\n", path);
        assert_int_equal(h->one(data, len), 0);
        free(data);
        n++;
    }
    closedir(d);
    return n;
}

static void replay(void **state)
{
    const harness *h = *state;
    char dir[256];
    h->init(NULL, NULL);
    snprintf(dir, sizeof dir, "tests/fuzz/regress/%s", h->name);
    int kept = replay_dir(h, dir);
    snprintf(dir, sizeof dir, "tests/fuzz/corpus/%s", h->name);
    int seeds = replay_dir(h, dir);
    printf("    %s: %d kept input(s), %d seed(s) replayed\n", h->name, kept, seeds);
    assert_true(seeds > 0);                 /* the folder is there: run from the source folder */
}

#define HARNESS(n) { #n, fz_init_##n, fz_one_##n }
static harness harnesses[] = {
    HARNESS(config), HARNESS(date), HARNESS(qty), HARNESS(tour), HARNESS(csv), HARNESS(import), HARNESS(xlsx), HARNESS(roundtrip),
};

int main(void)
{
    struct CMUnitTest tests[sizeof harnesses / sizeof harnesses[0]];
    for (size_t i = 0; i < sizeof harnesses / sizeof harnesses[0]; i++)
        tests[i] = (struct CMUnitTest){ harnesses[i].name, replay, NULL, NULL, &harnesses[i] };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
