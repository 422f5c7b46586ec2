/* cli: option parsing and the non-interactive commands. */
#include "tui/cli/cli_out.h"
#include "tui/cli/cli.h"
#include "tui/cli/cli_sync.h"
#include "model/date.h"
#include "model/db.h"
#include "model/demo.h"
#include "model/i18n.h"
#include "model/pick.h"
#include "model/unit.h"
#include "reports/print_cmd.h"
#include "reports/task_sheet.h"
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void cli_usage(FILE *out)
{
    fputs(_("Cách dùng: ntm [--config TỆP] [--db TỆP] [--today NGÀY] [--body MÃ] [LỆNH]\n"
"\n"
"Bảng điều khiển xây dựng nông thôn mới (NTM) cho xã: xã, thôn, đầu việc, phiếu in.\n"
"Không có LỆNH: mở giao diện toàn màn hình.\n"
"\n"
"Lệnh:\n"
"  demo [TỆP] [--if-missing]   tạo CSDL mẫu từ các văn bản nguồn (mặc định: CSDL trong ntm.ini)\n"
"  report tasks --commune TÊN|ID --hamlet TÊN|ID -o TỆP.pdf\n"
"                              in phiếu đầu việc của một thôn (tên không cần dấu)\n"
"  report tasks --commune TÊN|ID --owner TÊN -o TỆP.pdf\n"
"                              phiếu đầu việc của một tổ chức hoặc một người, qua các thôn\n"
"  report route --tour TÊN|ID [--compact] -o TỆP.pdf\n"
"                              in phiếu kiểm tra tour tuyến (--compact: mỗi mục một dòng)\n"
"  report tour-summary --tour TÊN|ID -o TỆP.pdf\n"
"                              in báo cáo kết quả kiểm tra tour tuyến\n"
"  report weekly|monthly|daily --commune TÊN|ID | --province TÊN|ID\n"
"         [--week N [--year Y] | --month M/YYYY | --from NGÀY --to NGÀY | --date NGÀY] [-o TỆP.pdf]\n"
"                              báo cáo tuần (thứ Hai-Chủ nhật) / tháng / ngày gửi cấp trên: tiến độ\n"
"                              từng thôn, việc quá hạn, xếp hạng, biểu dương/phê bình, biểu đồ\n"
"                              (mặc định: tuần/tháng/ngày hiện tại; không -o: tệp mới trong pdf_dir)\n"
"  report criteria --commune TÊN|ID | --province TÊN|ID [-o TỆP.pdf]\n"
"                              báo cáo tình hình các tiêu chí (đạt x/19, hồ sơ, người phụ trách)\n"
"                              (report ... --print: gửi tệp tới lệnh in trong ntm.ini)\n"
"  export tasks|units|households|progress|criteria [--commune TÊN|ID] [--hamlet TÊN|ID]\n"
"         [--state open|done|overdue|due7|cancelled] [-o TỆP.csv|TỆP.xlsx]\n"
"                              xuất ra Excel/CSV; không có -o: tệp mới trong [output] pdf_dir\n"
"  tours                       liệt kê các tour kiểm tra và id\n"
"  issuers [--commune TÊN|ID]  liệt kê cơ quan ban hành giấy tờ của xã (mã dùng cho --body)\n"
"  import hamlets|households|tasks TỆP.csv|TỆP.xlsx [--commune XÃ] [--dry-run]\n"
"                              nhập thôn, hộ hoặc đầu việc từ bảng tính (lỗi thì không nhập gì;\n"
"                              --dry-run: chỉ in những gì sẽ thêm và sửa)\n"
"  import criteria TỆP.csv|TỆP.xlsx [--dry-run]\n"
"                              nhập bộ tiêu chí: tiêu chí, chỉ tiêu, mức đạt theo nhóm xã (mẫu:\n"
"                              model/data/criteria_*.csv)\n"
"  criteria [--set MÃ]         liệt kê các bộ tiêu chí; --set: tiêu chí, chỉ tiêu và mức đạt của bộ\n"
"  sync init --province TÊN    tệp của tỉnh: tạo hàng tỉnh (và tệp, nếu chưa có)\n"
"  sync export [--commune XÃ] -o TỆP|THƯ_MỤC\n"
"                              ở xã: các thay đổi từ lần tỉnh đã nhận, gửi lên tỉnh\n"
"  sync export --for XÃ -o TỆP|THƯ_MỤC\n"
"                              ở tỉnh: bộ tiêu chí, đợt, chỉ đạo của tỉnh gửi xuống xã\n"
"  sync import TỆP... [--no-ack]\n"
"                              nhập các tệp của bên kia (thứ tự nào cũng được; ghi TỆP.ack)\n"
"  sync ack TỆP                giấy báo nhận của bên kia (TỆP.ack, hoặc tệp bên kia gửi)\n"
"  sync push [--commune XÃ | --for XÃ] NGƯỜI@MÁY:ĐƯỜNG_DẪN\n"
"                              xuất rồi gửi bằng scp (không qua shell)\n"
"  sync status [--province TỈNH] [--tsv]\n"
"                              từng xã: số đã nhận, ngày, xã quá hạn gửi (!), số liệu\n"
"  sync conflicts [--commune XÃ]  các xung đột khi nhập và cách xử lý theo quyền sở hữu\n"
"  sync directive --for XÃ|all --title TIÊU_ĐỀ [--number SỐ] [--due NGÀY] [--text NỘI_DUNG] [--note]\n"
"                              chỉ đạo (hoặc ghi chú) của tỉnh gửi xuống xã\n"
"  config example              in tệp ntm.ini mẫu, có chú thích mọi khóa\n"
"  keys                        các phím của từng màn hình và tên để đổi phím ở [keys] của ntm.ini\n"
"  reindex                     tính lại khóa tìm kiếm/sắp xếp và số liệu tổng (sau khi sửa bằng sqlite3)\n"
"  backup [TỆP] [--daily]      sao lưu CSDL khi người khác vẫn ghi (không TỆP: ntm-NGÀY-GIỜ.db trong\n"
"                              [output] backup_dir, giữ backup_keep bản; --daily: nếu hôm nay chưa có)\n"
"  restore TỆP                 khôi phục từ bản sao lưu (kiểm tra trước; giữ lại tệp hiện tại)\n"
"  check                       kiểm tra tệp: integrity_check, foreign_key_check, số liệu tổng\n"
"  users                       người dùng Unix của tệp và vai trò (admin, officer, steering, head, leader)\n"
"  users add TÊN VAI_TRÒ [--commune XÃ] [--hamlet THÔN]... [--person NGƯỜI] [--note GHI_CHÚ]\n"
"  users set TÊN [--role VAI_TRÒ] [--commune XÃ] [--hamlet THÔN]... [--person NGƯỜI] [--note GHI_CHÚ]\n"
"  users remove TÊN            thêm, sửa, xóa người dùng (chỉ quản trị; người đầu tiên phải là admin)\n"
"\n"
"Tùy chọn:\n"
"  --config TỆP   đọc tệp cấu hình này (nếu không: $NTM_CONFIG, ~/.config/ntm/ntm.ini,\n"
"                 /etc/ntm/ntm.ini, rồi giá trị mặc định)\n"
"  --db TỆP       dùng CSDL này thay cho [database] path\n"
"  --today NGÀY   coi NGÀY (dd/mm/yyyy) là hôm nay (để xem lại, kiểm thử)\n"
"  --body MÃ      cơ quan ban hành giấy tờ in ra (Đảng ủy, UBND, BCĐ...: xem ntm issuers)\n"
"  -h, --help     trợ giúp này;  -V, --version  phiên bản\n"
"\n"
"Trạng thái thoát: 0 thành công, 1 lỗi, 2 sai cú pháp lệnh.\n"), out);
}

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "ntm: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n%s\n", _("Xem: ntm --help"));
    return 2;
}

int cli_parse(int argc, char **argv, cli_opts *o)
{
    memset(o, 0, sizeof *o);
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) { cli_usage(stdout); return 1; }
        if (!strcmp(a, "-V") || !strcmp(a, "--version")) { printf("ntm %s\n", NTM_VERSION); return 1; }
        if (!strcmp(a, "--")) { i++; break; }
        const char **slot = !strcmp(a, "--config") ? &o->config_path : !strcmp(a, "--db") ? &o->db_path
                          : !strcmp(a, "--today") ? &o->today : !strcmp(a, "--body") ? &o->body : NULL;
        if (!slot) return usage_error(_("tùy chọn không biết: %s"), a);
        if (i + 1 >= argc) return usage_error(_("%s cần một giá trị"), a);
        *slot = argv[++i];
    }
    if (o->today) {
        int rc = date_parse(o->today, NULL, o->today_buf);
        if (rc != DATE_OK) {
            fprintf(stderr, "ntm: --today %s: %s\n", o->today, date_error(rc));
            return 2;
        }
        o->today = o->today_buf;
    }
    o->argc = argc - i;
    o->argv = argv + i;
    /* --body may follow the command too ("ntm report weekly ... --body ubnd"): take it out */
    for (int k = 1; k < o->argc; k++) {
        if (strcmp(o->argv[k], "--body")) continue;
        if (k + 1 >= o->argc) return usage_error(_("%s cần một giá trị"), "--body");
        o->body = o->argv[k + 1];
        memmove(o->argv + k, o->argv + k + 2, (size_t)(o->argc - k - 2) * sizeof *o->argv);
        o->argc -= 2;
        k--;
    }
    return 0;
}

/* mkdir -p for the folder that will hold path. */
static void make_parent(const char *path)
{
    char dir[NTM_PATH_MAX];
    snprintf(dir, sizeof dir, "%s", path);
    for (char *p = dir + 1; *p; p++) {
        if (*p != '/') continue;
        *p = 0;
        mkdir(dir, 0775);
        *p = '/';
    }
}

static int cmd_demo(const cli_opts *o, ntm_config *cfg)
{
    const char *path = cfg->db_path;
    int if_missing = 0;
    for (int i = 1; i < o->argc; i++) {
        if (!strcmp(o->argv[i], "--if-missing")) if_missing = 1;
        else if (o->argv[i][0] == '-') return usage_error(_("demo: tùy chọn không biết: %s"), o->argv[i]);
        else path = o->argv[i];
    }
    if (if_missing && access(path, F_OK) == 0) return 0;
    char err[1024];
    make_parent(path);
    if (demo_create(path, err, sizeof err) != 0) {
        fprintf(stderr, "ntm: %s\n", err);
        return 1;
    }
    printf(_("Đã tạo CSDL mẫu: %s\n"), path);
    return 0;
}

typedef struct { const char *commune, *hamlet, *owner, *out; int print; } report_args;

static int parse_report_args(const cli_opts *o, report_args *a)
{
    memset(a, 0, sizeof *a);
    for (int i = 2; i < o->argc; i++) {
        const char *k = o->argv[i];
        if (!strcmp(k, "--print")) { a->print = 1; continue; }
        const char **slot = !strcmp(k, "--commune") ? &a->commune : !strcmp(k, "--hamlet") ? &a->hamlet
                          : !strcmp(k, "--owner") ? &a->owner
                          : (!strcmp(k, "-o") || !strcmp(k, "--output")) ? &a->out : NULL;
        if (!slot) return usage_error(_("report: tùy chọn không biết: %s"), k);
        if (i + 1 >= o->argc) return usage_error(_("%s cần một giá trị"), k);
        *slot = o->argv[++i];
    }
    return 0;
}

/* A hamlet's sheet (--hamlet), or an organisation's or a person's across the hamlets
 * (--owner, matched like --hamlet; "o3"/"p7" when a name is shared). */
static int cmd_report_tasks(const cli_opts *o, ntm_config *cfg)
{
    report_args a;
    int rc = parse_report_args(o, &a);
    if (rc) return rc;
    if (!a.commune || !a.hamlet == !a.owner)
        return usage_error("%s", _("report tasks cần --commune và một trong --hamlet hoặc --owner"));
    ntm_db *db;
    char err[2048], path[NTM_PATH_MAX];
    if (!(db = cli_open_db(cfg, 0))) return 1;
    int64_t commune = 0, hamlet = 0, owner = 0;
    char kind = 0;
    rc = unit_find(db, 'c', 0, a.commune, &commune);
    if (!rc) rc = a.hamlet ? unit_find(db, 'h', commune, a.hamlet, &hamlet) : pick_owner_find(db, commune, a.owner, &kind, &owner);
    if (rc) { fprintf(stderr, "ntm: %s\n", db_errmsg(db)); db_close(db); return 1; }
    int64_t org = kind == 'o' ? owner : 0, person = kind == 'p' ? owner : 0;
    if (!a.out && (hamlet ? report_task_sheet_path(db, cfg, hamlet, path, sizeof path)
                          : report_owner_sheet_path(db, cfg, commune, org, person, path, sizeof path)) == 0)
        a.out = path;
    if (!a.out) { db_close(db); return usage_error("%s", _("thiếu -o TỆP.pdf")); }
    rc = hamlet ? report_task_sheet(db, cfg, hamlet, a.out, err, sizeof err)
                : report_owner_sheet(db, cfg, commune, org, person, a.out, err, sizeof err);
    db_close(db);
    if (rc) { fprintf(stderr, "ntm: %s\n", err); return 1; }
    printf("%s\n", a.out);
    if (a.print) {
        rc = report_print(cfg, a.out, err, sizeof err);
        fprintf(stderr, "ntm: %s\n", err);
        if (rc < 0) return 1;
    }
    return 0;
}

/* Fill the search and sort keys of rows written outside ntm (sqlite3 shell, imports). */
static int cmd_reindex(ntm_config *cfg)
{
    ntm_db *db;
    if (!(db = cli_open_db(cfg, 0))) return 1;
    db_no_audit(db);
    int rc = db_begin(db);
    if (!rc) rc = db_refold(db);
    if (!rc) rc = db_rebuild_tallies(db);
    if (!rc) rc = db_commit(db); else db_rollback(db);
    if (rc) fprintf(stderr, "ntm: %s\n", db_errmsg(db));
    db_close(db);
    return rc ? 1 : 0;
}

static int cmd_config(const cli_opts *o, ntm_config *cfg)
{
    if (o->argc >= 2 && !strcmp(o->argv[1], "example")) return config_write_example(stdout) ? 1 : 0;
    return usage_error("%s", _("config: dùng \"ntm config example\""));
}

int cli_main(int argc, char **argv, int (*full_screen)(ntm_config *cfg))
{
    cli_opts o;
    ntm_config cfg;
    char err[1024];
    setlocale(LC_ALL, "");
    ntm_lang_en = ntm_lang_env() == 1;               /* usage errors come before ntm.ini */
    int rc = cli_parse(argc, argv, &o);
    if (rc) return rc == 1 ? 0 : 2;
    if (config_load(&cfg, o.config_path, err, sizeof err) != 0) {
        fprintf(stderr, "ntm: %s\n", err);
        return 1;
    }
    ntm_lang_en = ntm_lang_pick(cfg.lang == NTM_LANG_EN);   /* LANGUAGE beats [ui] language */
    if (o.db_path) snprintf(cfg.db_path, sizeof cfg.db_path, "%s", o.db_path);
    if (o.body) snprintf(cfg.issuer, sizeof cfg.issuer, "%s", o.body);
    /* --today wins over the clock and over a demo's meta.as_of (db_today). Forced here:
     * cli_parse already read (and cached) the clock while parsing the date. */
    if (o.today) { setenv("NTM_TODAY", o.today, 1); date_force_today(o.today); }
    db_set_backup_dir(cfg.backup_dir);               /* a damaged file's message names the newest backup */
    if (o.argc > 0) {
        cli_out_guard();                             /* names from the database, never raw */
        return cli_run(&o, &cfg);
    }
    if (full_screen) return full_screen(&cfg);
    return usage_error("%s", _("cần một lệnh (giao diện toàn màn hình là chương trình ntm)"));
}

ntm_db *cli_open_db(const ntm_config *cfg, int flags)
{
    ntm_db *db;
    char err[2048];                 /* a damaged file's message names it and the newest backup */
    if (db_open(&db, cfg->db_path, flags, cfg->busy_timeout_ms, err, sizeof err) == DB_OK) return db;
    fprintf(stderr, "ntm: %s\n", err);
    return NULL;
}

int cli_run(const cli_opts *o, ntm_config *cfg)
{
    const char *cmd = o->argv[0];
    if (!strcmp(cmd, "demo")) return cmd_demo(o, cfg);
    if (!strcmp(cmd, "config")) return cmd_config(o, cfg);
    if (!strcmp(cmd, "reindex")) return cmd_reindex(cfg);
    if (!strcmp(cmd, "tours")) return cli_tours(o, cfg);
    if (!strcmp(cmd, "keys")) return cli_keys(o, cfg);
    if (!strcmp(cmd, "export")) return cli_export(o, cfg);
    if (!strcmp(cmd, "issuers")) return cli_issuers(o, cfg);
    if (!strcmp(cmd, "import")) return cli_import(o, cfg);
    if (!strcmp(cmd, "criteria")) return cli_criteria(o, cfg);
    if (!strcmp(cmd, "backup")) return cli_backup(o, cfg);
    if (!strcmp(cmd, "restore")) return cli_restore(o, cfg);
    if (!strcmp(cmd, "check")) return cli_check(o, cfg);
    if (!strcmp(cmd, "sync")) return cli_sync(o, cfg);
    if (!strcmp(cmd, "users")) return cli_users(o, cfg);
    if (!strcmp(cmd, "report")) {
        if (o->argc >= 2 && !strcmp(o->argv[1], "tasks")) return cmd_report_tasks(o, cfg);
        if (o->argc >= 2 && !strcmp(o->argv[1], "route")) return cli_report_tour(o, cfg, 0);
        if (o->argc >= 2 && !strcmp(o->argv[1], "tour-summary")) return cli_report_tour(o, cfg, 1);
        if (o->argc >= 2 && (!strcmp(o->argv[1], "weekly") || !strcmp(o->argv[1], "monthly") || !strcmp(o->argv[1], "daily") || !strcmp(o->argv[1], "criteria"))) return cli_report_period(o, cfg);
        return usage_error(_("report: loại báo cáo không biết: %s (có: tasks, route, tour-summary, weekly, monthly, daily, criteria)"),
                           o->argc >= 2 ? o->argv[1] : "");
    }
    return usage_error(_("lệnh không biết: %s"), cmd);
}
