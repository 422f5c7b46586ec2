/* fuzz_common: what the libFuzzer harnesses share. Header-only (static inline): each
 * harness is one file, built alone with clang -fsanitize=fuzzer, and all of them are
 * #included together into tests/unit/test_fuzz_regress.c (gcc), which replays the kept
 * inputs. So names here are fz_*, and each harness's own statics carry its prefix.
 *
 * A property that fails is a finding like a crash: FZ_CHECK prints why and aborts. */
#ifndef NTM_FUZZ_COMMON_H
#define NTM_FUZZ_COMMON_H
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1                  /* memfd_create */
#endif
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "model/db.h"
#include "model/demo.h"
#include "model/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#define FZ_CHECK(cond, ...) do {                                                   \
        if (!(cond)) {                                                             \
            fprintf(stderr, "fuzz property failed at %s:%d: %s\n    ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                                          \
            fputc('\n', stderr);                                                   \
            abort();                                                               \
        }                                                                          \
    } while (0)

/* data[0..size) as a NUL-terminated string (cut at the first NUL, as a C caller sees
 * it). malloc'd, so ASan sees reads past the end. */
static inline char *fz_str(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s) abort();
    memcpy(s, data, size);
    s[size] = 0;
    return s;
}

/* A file in memory (memfd) with a path the readers can fopen, rewritten per input:
 * no disk, no temp file left after a crash. */
typedef struct { int fd; char path[64]; } fz_file;

static inline void fz_file_open(fz_file *f, const char *name)
{
    f->fd = memfd_create(name, MFD_CLOEXEC);
    if (f->fd < 0) { perror("memfd_create"); abort(); }
    snprintf(f->path, sizeof f->path, "/proc/self/fd/%d", f->fd);
}

static inline void fz_file_set(fz_file *f, const uint8_t *data, size_t size)
{
    if (ftruncate(f->fd, 0) != 0) abort();
    for (size_t o = 0; o < size; ) {
        ssize_t w = pwrite(f->fd, data + o, size - o, (off_t)o);
        if (w <= 0) abort();
        o += (size_t)w;
    }
}

/* A fresh folder on tmpfs (/dev/shm when there is one) into dir; inside $NTM_FUZZ_TMP
 * when set (tests/fuzz/run.sh sets it and removes it after, so that what a crashed
 * process leaves behind goes too). */
static inline void fz_mkdtemp(char *dir, size_t n)
{
    const char *top = getenv("NTM_FUZZ_TMP");
    if (!top || !*top) top = access("/dev/shm", W_OK) ? "/tmp" : "/dev/shm";
    snprintf(dir, n, "%s/ntm-fuzz-XXXXXX", top);
    if (!mkdtemp(dir)) { perror("mkdtemp"); abort(); }
}

/* The demo database in such a folder, opened once per process; removed at exit. */
static char fz_demo_dir[256];
static ntm_db *fz_demo_db;

static inline void fz_demo_cleanup(void)
{
    char p[300];
    if (fz_demo_db) db_close(fz_demo_db);
    fz_demo_db = NULL;
    static const char *const files[] = { "demo.db", "demo.db-wal", "demo.db-shm" };
    for (int i = 0; i < 3; i++) { snprintf(p, sizeof p, "%s/%s", fz_demo_dir, files[i]); unlink(p); }
    rmdir(fz_demo_dir);
}

static inline ntm_db *fz_demo(void)
{
    if (fz_demo_db) return fz_demo_db;
    char path[300], err[512];
    fz_mkdtemp(fz_demo_dir, sizeof fz_demo_dir);
    snprintf(path, sizeof path, "%s/demo.db", fz_demo_dir);
    if (demo_create(path, err, sizeof err) || db_open(&fz_demo_db, path, 0, 5000, err, sizeof err)) {
        fprintf(stderr, "fuzz: demo database: %s\n", err);
        abort();
    }
    atexit(fz_demo_cleanup);
    return fz_demo_db;
}

/* Valid UTF-8 with no control character but tab and newline: what may reach a screen. */
static inline int fz_clean_text(const char *s)
{
    if (!text_valid_utf8(s)) return 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p < 0x20 && *p != '\t' && *p != '\n') || *p == 0x7f) return 0;
    return 1;
}
#endif
