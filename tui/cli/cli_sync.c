/* cli_sync: `ntm sync ...`, the province roll-up (model/sync.h says how it works).
 *   init --province NAME              the province file's own row (the file made if missing)
 *   export [--commune X] -o FILE|DIR  a commune's rows, up to the province
 *   export --for X -o FILE|DIR        on the province: its rows down to commune X
 *   import FILE... [--no-ack]         apply files from the other end (any order); FILE.ack beside each
 *   ack FILE                          the other end's acknowledgement (FILE.ack, or a file from it)
 *   push [--commune X | --for X] USER@HOST:PATH   export and send with scp (no shell)
 *   status [--province X] [--tsv]     each commune: last number, as of, stale, its numbers
 *   conflicts [--commune X]           what the imports met and how ownership decided
 *   directive --for X|all --title T [--number N] [--due D] [--text T] [--note]
 * Exit 0 done, 1 refused or failed (messages on stderr), 2 usage. No prompts. */
#include "tui/cli/cli_sync.h"
#include "model/db.h"
#include "model/i18n.h"
#include "model/sync.h"
#include "model/unit.h"
#include "reports/print_cmd.h"
#include "reports/report_common.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

int sync_usage(const char *what)
{
    fprintf(stderr, "ntm: %s\n%s\n", what, _("Xem: ntm --help (các lệnh ntm sync)"));
    return 2;
}

static int parse(const cli_opts *o, sync_args *a)
{
    memset(a, 0, sizeof *a);
    for (int i = 2; i < o->argc; i++) {
        const char *k = o->argv[i];
        int *flag = !strcmp(k, "--no-ack") ? &a->no_ack : !strcmp(k, "--tsv") ? &a->tsv : !strcmp(k, "--note") ? &a->note : NULL;
        if (flag) { *flag = 1; continue; }
        const char **slot = !strcmp(k, "--commune") ? &a->commune : !strcmp(k, "--for") ? &a->forc
                          : (!strcmp(k, "-o") || !strcmp(k, "--output")) ? &a->out : !strcmp(k, "--province") ? &a->province
                          : !strcmp(k, "--title") ? &a->title : !strcmp(k, "--number") ? &a->number
                          : !strcmp(k, "--due") ? &a->due : !strcmp(k, "--text") ? &a->text : NULL;
        if (slot) {
            if (i + 1 >= o->argc) { char m[120]; snprintf(m, sizeof m, _("%s cần một giá trị"), k); return sync_usage(m); }
            *slot = o->argv[++i];
        } else if (k[0] == '-' && k[1]) {
            char m[160];
            snprintf(m, sizeof m, _("sync: tùy chọn không biết: %s"), k);
            return sync_usage(m);
        } else if (a->nfiles < (int)(sizeof a->files / sizeof a->files[0])) a->files[a->nfiles++] = k;
        else return sync_usage(_("sync: quá nhiều tệp"));
    }
    return 0;
}

ntm_db *sync_open(ntm_config *cfg, int flags) { return cli_open_db(cfg, flags); }

int sync_failed(ntm_db *db)
{
    fprintf(stderr, "ntm: %s\n", db_errmsg(db));
    db_close(db);
    return 1;
}

/* The commune a stream is about: --commune/--for, else the file's only commune. */
int sync_pick_commune(ntm_db *db, const char *name, int64_t *id)
{
    if (name) return unit_find(db, 'c', 0, name, id);
    sqlite3_stmt *st;
    int n = 0;
    if (sqlite3_prepare_v2(db_handle(db), "SELECT min(id), count(*) FROM unit WHERE kind = 'commune'", -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) { *id = sqlite3_column_int64(st, 0); n = sqlite3_column_int(st, 1); }
        sqlite3_finalize(st);
    }
    if (n == 1) return DB_OK;
    if (!n) return db_fail(db, DB_INVALID, "%s", _("Tệp chưa có xã nào."));
    return db_fail(db, DB_INVALID, _("Tệp có %d xã: chọn một bằng --commune TÊN (ở tỉnh: --for TÊN)"), n);
}

/* -o DIR/ (an existing folder): a name made in it, "xa-son-tien-len-5.ntmsync". */
static void out_path(const char *out, const char *commune, sync_dir dir, long long seq, char *path, size_t n)
{
    struct stat sb;
    if (stat(out, &sb) != 0 || !S_ISDIR(sb.st_mode)) { snprintf(path, n, "%s", out); return; }
    char slug[240];
    size_t k = strlen(out);
    report_slug(commune, slug, sizeof slug);
    while (k > 1 && out[k - 1] == '/') k--;
    snprintf(path, n, "%.*s/%s-%s-%lld.ntmsync", (int)k, out, slug, dir == SYNC_UP ? "len" : "xuong", seq);
}

static int do_export(ntm_db *db, const sync_args *a, const char *out, char *path, size_t pn)
{
    int64_t id = 0;
    sync_dir dir = a->forc ? SYNC_DOWN : SYNC_UP;
    if (a->forc && a->commune) return db_fail(db, DB_INVALID, "%s", _("--commune hoặc --for, không cả hai"));
    int rc = sync_pick_commune(db, a->forc ? a->forc : a->commune, &id);
    if (rc) return rc;
    struct stat sb;
    int is_dir = stat(out, &sb) == 0 && S_ISDIR(sb.st_mode);
    char tmp[NTM_PATH_MAX + 64];
    snprintf(tmp, sizeof tmp, is_dir ? "%s/.ntmsync-new" : "%s", out);
    sync_export_result r;
    rc = sync_export(db, id, dir, tmp, &r);
    if (rc) return rc;
    out_path(out, r.commune, dir, r.seq, path, pn);
    if (is_dir && rename(tmp, path) != 0)
        return db_fail(db, DB_ERR, _("Không đổi tên được %s: %s"), tmp, strerror(errno));
    if (stat(path, &sb) == 0) r.file_bytes = sb.st_size;
    printf(_("%s\n  xã %s, %s, số %lld-%lld; đoạn mới: %d thay đổi, %lld byte; tệp %lld byte\n"),
           path, r.commune, dir == SYNC_UP ? _("gửi lên tỉnh") : _("gửi xuống xã"),
           r.first, r.seq, r.seg_changes, r.seg_bytes, r.file_bytes);
    return DB_OK;
}

static int cmd_export(const sync_args *a, ntm_config *cfg)
{
    if (!a->out) return sync_usage(_("sync export cần -o TỆP (hoặc -o THƯ_MỤC)"));
    if (a->nfiles) return sync_usage(_("sync export: thừa tham số"));
    ntm_db *db = sync_open(cfg, 0);
    char path[NTM_PATH_MAX + 300];
    if (!db) return 1;
    if (do_export(db, a, a->out, path, sizeof path)) return sync_failed(db);
    db_close(db);
    return 0;
}

static int cmd_import(const sync_args *a, ntm_config *cfg)
{
    if (!a->nfiles) return sync_usage(_("sync import cần ít nhất một tệp"));
    ntm_db *db = sync_open(cfg, 0);
    if (!db) return 1;
    sync_import_result *r = calloc((size_t)a->nfiles, sizeof *r);
    if (!r) { db_close(db); return 1; }
    int rc = sync_import(db, a->files, a->nfiles, r);
    int bad = rc != DB_OK && rc != DB_INVALID;
    if (bad) fprintf(stderr, "ntm: %s\n", db_errmsg(db));
    for (int i = 0; !bad && i < a->nfiles; i++) {
        int ok = r[i].status == SYNC_APPLIED || r[i].status == SYNC_HAVE;
        fprintf(ok ? stdout : stderr, "%s%s\n", ok ? "" : "ntm: ", r[i].message);
        if (!ok || a->no_ack) continue;
        char ack[sizeof r[i].path + 8];
        snprintf(ack, sizeof ack, "%s.ack", r[i].path);
        if (sync_ack_write(db, &r[i], ack)) fprintf(stderr, "ntm: %s\n", db_errmsg(db));
    }
    free(r);
    db_close(db);
    return bad || rc == DB_INVALID ? 1 : 0;
}

static int cmd_ack(const sync_args *a, ntm_config *cfg)
{
    if (a->nfiles != 1) return sync_usage(_("sync ack cần đúng một tệp"));
    ntm_db *db = sync_open(cfg, 0);
    long long seq = 0;
    char commune[204];
    if (!db) return 1;
    if (sync_ack_read(db, a->files[0], &seq, commune, sizeof commune)) return sync_failed(db);
    printf(_("Bên kia đã nhận đến số %lld (xã %s).\n"), seq, commune);
    db_close(db);
    return 0;
}

static int cmd_init(const sync_args *a, ntm_config *cfg)
{
    if (!a->province) return sync_usage(_("sync init cần --province TÊN"));
    ntm_db *db = sync_open(cfg, DB_OPEN_CREATE);
    int64_t id = 0;
    char site[48] = "";
    if (!db) return 1;
    if (sync_province(db, a->province, &id)) return sync_failed(db);
    sync_site(db, site, sizeof site);
    printf(_("%s: tỉnh %s (id %lld), mã tệp %s\n"), cfg->db_path, a->province, (long long)id, site);
    db_close(db);
    return 0;
}

/* scp FILE DEST, without a shell; its messages and password prompt stay on the terminal. */
static int run_scp(const char *file, const char *dest)
{
    char *argv[] = { "scp", "-q", "--", (char *)file, (char *)dest, NULL };
    int why = 0, status = run_argv(argv, 0, &why);
    if (status == -2) {
        fprintf(stderr, _("ntm: không chạy được scp: %s (cài openssh-client)\n"), strerror(why));
        return -1;
    }
    return status;
}

static int cmd_push(const sync_args *a, ntm_config *cfg)
{
    if (a->nfiles != 1 || a->out) return sync_usage(_("sync push cần đúng một đích NGƯỜI@MÁY:ĐƯỜNG_DẪN"));
    const char *dest = a->files[0];
    if (!strchr(dest, ':') || dest[0] == '-')
        return sync_usage(_("sync push: đích phải có dạng NGƯỜI@MÁY:ĐƯỜNG_DẪN"));
    char dir[] = "/tmp/ntm-push-XXXXXX", path[NTM_PATH_MAX + 300];
    if (!mkdtemp(dir)) { fprintf(stderr, "ntm: %s: %s\n", dir, strerror(errno)); return 1; }
    ntm_db *db = sync_open(cfg, 0);
    if (!db) { rmdir(dir); return 1; }
    if (do_export(db, a, dir, path, sizeof path)) { rmdir(dir); return sync_failed(db); }
    db_close(db);
    int rc = run_scp(path, dest);
    if (rc != 0) {
        fprintf(stderr, _("ntm: scp báo lỗi (mã %d); tệp vẫn ở %s (mang bằng USB, hoặc gửi lại: lần xuất sau có cả nó)\n"),
                rc, path);
        return 1;
    }
    printf(_("Đã gửi tới %s\n"), dest);
    unlink(path);
    rmdir(dir);
    return 0;
}

int cli_sync(const cli_opts *o, ntm_config *cfg)
{
    sync_args a;
    const char *sub = o->argc >= 2 ? o->argv[1] : "";
    int rc = parse(o, &a);
    if (rc) return rc;
    if (!strcmp(sub, "init")) return cmd_init(&a, cfg);
    if (!strcmp(sub, "export")) return cmd_export(&a, cfg);
    if (!strcmp(sub, "import")) return cmd_import(&a, cfg);
    if (!strcmp(sub, "ack")) return cmd_ack(&a, cfg);
    if (!strcmp(sub, "push")) return cmd_push(&a, cfg);
    if (!strcmp(sub, "status")) return cli_sync_status(&a, cfg);
    if (!strcmp(sub, "conflicts")) return cli_sync_conflicts(&a, cfg);
    if (!strcmp(sub, "directive")) return cli_sync_directive(&a, cfg);
    char m[200];
    snprintf(m, sizeof m, _("sync: lệnh không biết: %s (có: init, export, import, ack, push, status, conflicts, directive)"), sub);
    return sync_usage(m);
}
