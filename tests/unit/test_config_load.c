/* Unit tests for config/: search order, defaults, every error message (file, line,
 * section, key, allowed values) in both languages, "~/" expansion, quoting, and the
 * committed config/ntm.ini.example against config_write_example. Temporary files
 * live in a mkdtemp folder; every test gets its own empty HOME. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "config/config.h"

#include <fcntl.h>
#include <ftw.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FONTS "/usr/share/fonts/truetype/liberation2/"
#define EXAMPLE "config/ntm.ini.example"

static char root[256];                  /* the mkdtemp folder */
static char home[512];                  /* this test's HOME */
static char ini_path[600];              /* the file written by ini() */
static int serial;

/* ---- helpers ---- */

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    assert_int_equal(fclose(f), 0);
}

/* A fresh ini file with this text; its path is in ini_path. */
static const char *ini(const char *text)
{
    snprintf(ini_path, sizeof ini_path, "%s/file%d.ini", root, ++serial);
    write_file(ini_path, text);
    return ini_path;
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = NULL;
    size_t cap = 0;
    FILE *mem = open_memstream(&buf, &cap);
    int ch;
    while ((ch = fgetc(f)) != EOF)
        fputc(ch, mem);
    fclose(mem);
    fclose(f);
    return buf;
}

static void user_config(const char *text)
{
    char path[700];
    snprintf(path, sizeof path, "%s/.config", home);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/.config/ntm", home);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/.config/ntm/ntm.ini", home);
    write_file(path, text);
}

/* Loading text must fail with exactly "<file><suffix>". */
static void expect_error(const char *text, const char *suffix)
{
    ntm_config c;
    char err[2048], want[2048];
    const char *path = ini(text);
    assert_int_equal(config_load_file(&c, path, err, sizeof err), -1);
    snprintf(want, sizeof want, "%s%s", path, suffix);
    assert_string_equal(err, want);
}

static void load_ok(const char *text, ntm_config *c)
{
    char err[2048] = "x";
    int r = config_load_file(c, ini(text), err, sizeof err);
    if (r != 0)
        fail_msg("unexpected error: %s", err);
    assert_string_equal(err, "");
    assert_string_equal(c->source, ini_path);
}

static void home_path(char *out, size_t len, const char *rest)
{
    snprintf(out, len, "%s%s", home, rest);
}

/* The defaults written out by hand, not taken from the key table. */
static void assert_defaults(const ntm_config *c)
{
    char p[1200];
    home_path(p, sizeof p, "/.local/share/ntm/ntm.db");
    assert_string_equal(c->db_path, p);
    assert_int_equal(c->busy_timeout_ms, 5000);
    home_path(p, sizeof p, "/ntm-pdf");
    assert_string_equal(c->pdf_dir, p);
    home_path(p, sizeof p, "/.local/share/ntm/backup");
    assert_string_equal(c->backup_dir, p);
    assert_string_equal(c->print_command, "");
    assert_string_equal(c->paper, "A4");
    assert_string_equal(c->font_regular, FONTS "LiberationSerif-Regular.ttf");
    assert_string_equal(c->font_bold, FONTS "LiberationSerif-Bold.ttf");
    assert_string_equal(c->body1, "");
    assert_string_equal(c->body2, "");
    assert_int_equal(c->motto_party, 0);
    assert_string_equal(c->place, "");
    assert_string_equal(c->signer_title, "CHỦ TỊCH");
    assert_string_equal(c->signer_name, "");
    assert_int_equal(c->lang, NTM_LANG_VI);
    assert_int_equal(c->color, NTM_COLOR_AUTO);
}

/* stderr to a file, to prove iniparser's own messages are silenced. */
static int saved_stderr = -1;
static char stderr_path[600];

static void capture_stderr(void)
{
    snprintf(stderr_path, sizeof stderr_path, "%s/stderr%d", root, ++serial);
    int fd = open(stderr_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(fd >= 0);
    fflush(stderr);
    saved_stderr = dup(2);
    dup2(fd, 2);
    close(fd);
}

static char *release_stderr(void)
{
    fflush(stderr);
    dup2(saved_stderr, 2);
    close(saved_stderr);
    return read_all(stderr_path);
}

/* ---- fixtures ---- */

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    chmod(path, 0700);
    return remove(path);
}

static int group_setup(void **state)
{
    snprintf(root, sizeof root, "%s", "/tmp/ntm-test-config-XXXXXX");
    return mkdtemp(root) ? 0 : -1;
}

static int group_teardown(void **state)
{
    return nftw(root, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Each test: an empty HOME of its own and no $NTM_CONFIG. */
static int setup(void **state)
{
    snprintf(home, sizeof home, "%s/home%d", root, ++serial);
    if (mkdir(home, 0700) != 0)
        return -1;
    setenv("HOME", home, 1);
    unsetenv("NTM_CONFIG");
    return 0;
}

/* ---- search order and defaults ---- */

static void test_defaults_without_any_file(void **state)
{
    ntm_config c;
    char err[256] = "x";
    struct stat st;
    if (stat("/etc/ntm/ntm.ini", &st) == 0)
        skip();                         /* a real system file would be found */
    assert_int_equal(config_load(&c, NULL, err, sizeof err), 0);
    assert_string_equal(err, "");
    assert_string_equal(c.source, "");
    assert_defaults(&c);
}

static void test_config_defaults(void **state)
{
    ntm_config c;
    memset(&c, 0x5a, sizeof c);
    config_defaults(&c);
    assert_string_equal(c.source, "");
    assert_defaults(&c);
}

static void test_search_order(void **state)
{
    ntm_config c;
    char err[1024], explicit_path[700], env_path[700], user_path[700];
    snprintf(explicit_path, sizeof explicit_path, "%s", ini("[database]\nbusy_timeout = 111\n"));
    snprintf(env_path, sizeof env_path, "%s", ini("[database]\nbusy_timeout = 222\n"));
    user_config("[database]\nbusy_timeout = 333\n");
    snprintf(user_path, sizeof user_path, "%s/.config/ntm/ntm.ini", home);
    setenv("NTM_CONFIG", env_path, 1);

    assert_int_equal(config_load(&c, explicit_path, err, sizeof err), 0);
    assert_int_equal(c.busy_timeout_ms, 111);
    assert_string_equal(c.source, explicit_path);

    assert_int_equal(config_load(&c, NULL, err, sizeof err), 0);
    assert_int_equal(c.busy_timeout_ms, 222);
    assert_string_equal(c.source, env_path);

    assert_int_equal(config_load(&c, "", err, sizeof err), 0);   /* "" = not given */
    assert_int_equal(c.busy_timeout_ms, 222);

    setenv("NTM_CONFIG", "", 1);                                  /* empty = unset */
    assert_int_equal(config_load(&c, NULL, err, sizeof err), 0);
    assert_int_equal(c.busy_timeout_ms, 333);
    assert_string_equal(c.source, user_path);
    assert_string_equal(c.pdf_dir, strcat(strcpy(err, home), "/ntm-pdf"));
}

static void test_explicit_and_env_paths_expand_home(void **state)
{
    ntm_config c;
    char err[1024], want[700];
    write_file(strcat(strcpy(want, home), "/mine.ini"), "[pdf]\npaper = A5\n");
    assert_int_equal(config_load(&c, "~/mine.ini", err, sizeof err), 0);
    assert_string_equal(c.source, want);
    assert_string_equal(c.paper, "A5");
    setenv("NTM_CONFIG", "~/mine.ini", 1);
    assert_int_equal(config_load(&c, NULL, err, sizeof err), 0);
    assert_string_equal(c.source, want);
}

static void test_missing_explicit_file(void **state)
{
    ntm_config c;
    char err[1024], path[700], want[1024];
    snprintf(path, sizeof path, "%s/none.ini", root);
    assert_int_equal(config_load(&c, path, err, sizeof err), -1);
    snprintf(want, sizeof want, "%s: không mở được tệp cấu hình: tệp không tồn tại", path);
    assert_string_equal(err, want);
    /* A user file does not stand in for a missing explicit one. */
    user_config("[pdf]\npaper = A5\n");
    assert_int_equal(config_load(&c, path, err, sizeof err), -1);
}

static void test_missing_env_file(void **state)
{
    ntm_config c;
    char err[1024], path[700], want[1024];
    snprintf(path, sizeof path, "%s/none.ini", root);
    setenv("NTM_CONFIG", path, 1);
    user_config("[pdf]\npaper = A5\n");
    assert_int_equal(config_load(&c, NULL, err, sizeof err), -1);
    snprintf(want, sizeof want, "%s: không mở được tệp cấu hình "
             "(biến môi trường NTM_CONFIG): tệp không tồn tại", path);
    assert_string_equal(err, want);
}

static void test_unusable_files(void **state)
{
    ntm_config c;
    char err[1024], want[1024], path[700];
    assert_int_equal(config_load(&c, home, err, sizeof err), -1);
    snprintf(want, sizeof want, "%s: không mở được tệp cấu hình: "
             "đây là thư mục, không phải tệp", home);
    assert_string_equal(err, want);

    snprintf(path, sizeof path, "%s/x", ini("[pdf]\n"));      /* a file used as a folder */
    assert_int_equal(config_load(&c, path, err, sizeof err), -1);
    snprintf(want, sizeof want, "%s: không mở được tệp cấu hình: "
             "một phần của đường dẫn không phải thư mục", path);
    assert_string_equal(err, want);
}

/* A user file ntm may not read is reported, not skipped. */
static void test_unreadable_user_file(void **state)
{
    ntm_config c;
    char err[1024], want[1024], path[700];
    if (geteuid() == 0)
        skip();                         /* root reads any file */
    user_config("[pdf]\n");
    snprintf(path, sizeof path, "%s/.config/ntm/ntm.ini", home);
    chmod(path, 0);
    assert_int_equal(config_load(&c, NULL, err, sizeof err), -1);
    snprintf(want, sizeof want, "%s: không mở được tệp cấu hình: không có quyền đọc", path);
    assert_string_equal(err, want);
}

/* ---- values that load ---- */

static void test_example_file_matches_writer(void **state)
{
    char *buf = NULL, *file = read_all(EXAMPLE);
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    assert_int_equal(config_write_example(mem), 0);
    fclose(mem);
    assert_string_equal(file, buf);   /* regenerate the file if the key table changed */
    free(buf);
    free(file);
}

static void test_example_file_loads_to_defaults(void **state)
{
    ntm_config c;
    char err[1024];
    assert_int_equal(config_load_file(&c, EXAMPLE, err, sizeof err), 0);
    assert_string_equal(err, "");
    assert_string_equal(c.source, EXAMPLE);
    assert_defaults(&c);
}

static void test_quotes_comments_case_and_crlf(void **state)
{
    ntm_config c;
    load_ok("; ghi chú\r\n"
            "[Letterhead]\r\n"
            "  Body1 = \"UBND XÃ SƠN KIM 2\"   ; tên xã\r\n"
            "body2='HUYỆN HƯƠNG SƠN'\r\n"
            "place = Sơn Kim # nơi ký\r\n"
            "signer_name = \"Nguyễn Văn A; B\"\r\n"
            "[ OUTPUT ]\r\n"
            "print_command = lp -d office\r\n"
            "[pdf]\r\n"
            "PAPER = letter\r\n", &c);
    assert_string_equal(c.body1, "UBND XÃ SƠN KIM 2");
    assert_string_equal(c.body2, "HUYỆN HƯƠNG SƠN");
    assert_string_equal(c.place, "Sơn Kim");
    assert_string_equal(c.signer_name, "Nguyễn Văn A; B");
    assert_string_equal(c.print_command, "lp -d office");
    assert_string_equal(c.paper, "Letter");         /* stored as spelled in the list */
    assert_string_equal(c.signer_title, "CHỦ TỊCH"); /* untouched keys keep defaults */
}

static void test_enums_and_ints(void **state)
{
    ntm_config c;
    load_ok("[letterhead]\nmotto = party\n[ui]\nlanguage = EN\ncolor = never\n"
            "[database]\nbusy_timeout = 100\n[pdf]\npaper = A5\n", &c);
    assert_int_equal(c.motto_party, 1);
    assert_int_equal(c.lang, NTM_LANG_EN);
    assert_int_equal(c.color, NTM_COLOR_NEVER);
    assert_int_equal(c.busy_timeout_ms, 100);
    assert_string_equal(c.paper, "A5");
    load_ok("[ui]\ncolor = always\nlanguage = vi\n[database]\nbusy_timeout = 600000\n", &c);
    assert_int_equal(c.color, NTM_COLOR_ALWAYS);
    assert_int_equal(c.lang, NTM_LANG_VI);
    assert_int_equal(c.busy_timeout_ms, 600000);
}

static void test_empty_values_where_default_is_empty(void **state)
{
    ntm_config c;
    load_ok("[letterhead]\nbody2 = \"\"\nplace = ''\nsigner_name =\n"
            "[output]\nprint_command = \n", &c);
    assert_string_equal(c.body2, "");
    assert_string_equal(c.place, "");
    assert_string_equal(c.signer_name, "");
    assert_string_equal(c.print_command, "");
}

static void test_home_expansion_in_values(void **state)
{
    ntm_config c;
    char want[1200];
    load_ok("[database]\npath = ~/db/xa.db\n[output]\npdf_dir = ~\n"
            "backup_dir = /srv/ntm/~/b\n[pdf]\nfont_regular = ~/fonts/none.ttf\n", &c);
    home_path(want, sizeof want, "/db/xa.db");
    assert_string_equal(c.db_path, want);
    assert_string_equal(c.pdf_dir, home);
    assert_string_equal(c.backup_dir, "/srv/ntm/~/b");
    home_path(want, sizeof want, "/fonts/none.ttf");       /* missing font: not our job */
    assert_string_equal(c.font_regular, want);
}

static void test_expand_home(void **state)
{
    char out[1200], want[1200], small[8];
    config_expand_home("~/a/b", out, sizeof out);
    home_path(want, sizeof want, "/a/b");
    assert_string_equal(out, want);
    config_expand_home("~", out, sizeof out);
    assert_string_equal(out, home);
    config_expand_home("/abs/~/x", out, sizeof out);
    assert_string_equal(out, "/abs/~/x");
    config_expand_home("~other/x", out, sizeof out);
    assert_string_equal(out, "~other/x");
    config_expand_home("rel/x", out, sizeof out);
    assert_string_equal(out, "rel/x");
    config_expand_home("~/abcdefgh", small, sizeof small);  /* cut, still terminated */
    assert_int_equal(strlen(small), sizeof small - 1);
    setenv("HOME", "/", 1);
    config_expand_home("~/a", out, sizeof out);
    assert_string_equal(out, "/a");
    unsetenv("HOME");                                        /* falls back to passwd */
    struct passwd *pw = getpwuid(getuid());
    assert_non_null(pw);
    config_expand_home("~/a", out, sizeof out);
    snprintf(want, sizeof want, "%s/a", pw->pw_dir);
    assert_string_equal(out, want);
}

static void test_longest_values_fit(void **state)
{
    ntm_config c;
    char text[1400], v255[256], p1023[1024];
    memset(v255, 'x', 255), v255[255] = '\0';
    memset(p1023, 'p', 1023), p1023[0] = '/', p1023[1023] = '\0';
    snprintf(text, sizeof text, "[letterhead]\nbody1 = %s\n", v255);
    load_ok(text, &c);
    assert_string_equal(c.body1, v255);
    /* iniparser reads lines of at most 1023 bytes, so test the path limit via HOME. */
    char longhome[1100];
    memset(longhome, 'h', 1015), longhome[0] = '/', longhome[1015] = '\0';
    setenv("HOME", longhome, 1);
    load_ok("[output]\npdf_dir = ~/1234567\n", &c);     /* 1015 + 8 = 1023 bytes */
    assert_int_equal(strlen(c.pdf_dir), 1023);
}

static void test_duplicate_key_keeps_last(void **state)
{
    ntm_config c;
    load_ok("[pdf]\npaper = A5\n[ui]\n[pdf]\npaper = Letter\n", &c);
    assert_string_equal(c.paper, "Letter");
}

static void test_error_leaves_config_alone(void **state)
{
    ntm_config c, before;
    memset(&c, 0x33, sizeof c);
    c.source[0] = '\0';
    memcpy(&before, &c, sizeof c);
    assert_int_equal(config_load_file(&c, ini("[database]\nbusy_timeout = 1\n"), NULL, 0), -1);
    assert_memory_equal(&c, &before, sizeof c);
}

/* ---- errors: values ---- */

static void test_bad_enum_vietnamese(void **state)
{
    expect_error("# ntm.ini\n"
                 "[database]\n"
                 "busy_timeout = 5000\n"
                 "\n"
                 "[pdf]\n"
                 "; khổ giấy\n"
                 "paper = \"A3\"\n",
                 ":7: [pdf] paper = \"A3\" không hợp lệ; giá trị cho phép: A4, A5, Letter");
}

static void test_bad_enum_english_language_decided_first(void **state)
{
    expect_error("# ntm.ini\n"
                 "[database]\n"
                 "busy_timeout = 5000\n"
                 "\n"
                 "[pdf]\n"
                 "; paper size\n"
                 "paper = \"A3\"\n"
                 "[UI]\n"
                 "Language = en\n",
                 ":7: [pdf] paper = \"A3\" is not valid; allowed: A4, A5, Letter");
}

static void test_bad_language_is_reported_in_vietnamese(void **state)
{
    expect_error("[ui]\ncolor = auto\nlanguage = fr\n",
                 ":3: [ui] language = \"fr\" không hợp lệ; giá trị cho phép: vi, en");
}

static void test_bad_other_enums(void **state)
{
    expect_error("[letterhead]\nmotto = dang\n",
                 ":2: [letterhead] motto = \"dang\" không hợp lệ; giá trị cho phép: state, party");
    expect_error("[ui]\nlanguage = en\ncolor = yes\n",
                 ":3: [ui] color = \"yes\" is not valid; allowed: auto, always, never");
    expect_error("[pdf]\npaper =\n",
                 ":2: [pdf] paper = \"\" không hợp lệ; giá trị cho phép: A4, A5, Letter");
}

static void test_bad_integers(void **state)
{
    const char *vi = " không hợp lệ; giá trị cho phép: số nguyên từ 100 đến 600000";
    const char *bad[] = { "abc", "99", "600001", "5000ms", "5 000", "0x100", "",
                          "99999999999999999999", "-5000" };
    char text[256], want[512];
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        snprintf(text, sizeof text, "[database]\n\nbusy_timeout = %s\n", bad[i]);
        snprintf(want, sizeof want, ":3: [database] busy_timeout = \"%s\"%s", bad[i], vi);
        expect_error(text, want);
    }
    expect_error("[ui]\nlanguage = en\n[database]\nbusy_timeout = 99\n",
                 ":4: [database] busy_timeout = \"99\" is not valid; "
                 "allowed: an integer from 100 to 600000");
}

static void test_text_too_long(void **state)
{
    char text[1400], v256[257], want[600];
    memset(v256, 'x', 256), v256[256] = '\0';
    snprintf(text, sizeof text, "[letterhead]\nsigner_title = \"%s\"\n", v256);
    snprintf(want, sizeof want, ":2: [letterhead] signer_title = \"%.60s...\" quá dài; "
             "giá trị cho phép: chuỗi không rỗng, tối đa 255 byte", v256);
    expect_error(text, want);
    /* 128 "Ầ" are 384 bytes: the limit is in bytes, and the cut keeps whole letters. */
    char wide[600] = "";
    for (int i = 0; i < 128; i++)
        strcat(wide, "Ầ");
    snprintf(text, sizeof text, "[ui]\nlanguage = en\n[letterhead]\nsigner_name = %s\n", wide);
    snprintf(want, sizeof want, ":4: [letterhead] signer_name = \"%.60s...\" is too long; "
             "allowed: text of at most 255 bytes, may be empty", wide);
    expect_error(text, want);
}

static void test_path_too_long_after_expansion(void **state)
{
    char longhome[1100];
    memset(longhome, 'h', 1015), longhome[0] = '/', longhome[1015] = '\0';
    setenv("HOME", longhome, 1);
    expect_error("[output]\npdf_dir = ~/12345678\n",
                 ":2: [output] pdf_dir = \"~/12345678\" quá dài; giá trị cho phép: "
                 "đường dẫn không rỗng, tối đa 1023 byte (\"~/\" = thư mục nhà)");
}

static void test_empty_where_default_is_not(void **state)
{
    expect_error("[letterhead]\nsigner_title = \"\"\n",
                 ":2: [letterhead] signer_title = \"\" không được để trống; "
                 "giá trị cho phép: chuỗi không rỗng, tối đa 255 byte");
    expect_error("[ui]\nlanguage = en\n[database]\npath =\n",
                 ":4: [database] path = \"\" must not be empty; allowed: non-empty path "
                 "of at most 1023 bytes (\"~/\" = home folder)");
}

static void test_invalid_utf8(void **state)
{
    const char *bad[] = { "\xC3\x28", "Sơn \xE1\xBB", "\xC0\xAF", "\xED\xA0\x80",
                          "\xF4\x90\x80\x80", "\xFF" };
    char text[256];
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        snprintf(text, sizeof text, "[letterhead]\nplace = %s\n", bad[i]);
        expect_error(text, ":2: [letterhead] place: giá trị không phải UTF-8 hợp lệ; "
                           "hãy lưu tệp với bảng mã UTF-8");
    }
    expect_error("[ui]\nlanguage = en\n[pdf]\npaper = \xC3\x28\n",
                 ":4: [pdf] paper: the value is not valid UTF-8; save the file as UTF-8");
}

static void test_bad_value_is_shown_safely(void **state)
{
    expect_error("[pdf]\npaper = A\x1b[31m\n",
                 ":2: [pdf] paper = \"A?[31m\" không hợp lệ; giá trị cho phép: A4, A5, Letter");
}

static void test_error_line_is_the_last_duplicate(void **state)
{
    expect_error("[pdf]\npaper = A3\n[ui]\n[pdf]\npaper = B5\n",
                 ":5: [pdf] paper = \"B5\" không hợp lệ; giá trị cho phép: A4, A5, Letter");
}

static void test_error_line_after_joined_lines(void **state)
{
    expect_error("[letterhead]\nplace = Sơn \\\n  Kim\n[pdf]\npaper = A3\n",
                 ":5: [pdf] paper = \"A3\" không hợp lệ; giá trị cho phép: A4, A5, Letter");
    /* Line 4 continues font_bold's value: it is not a second "paper". */
    expect_error("[pdf]\npaper = A3\nfont_bold = /a/b \\\npaper = A5\n",
                 ":2: [pdf] paper = \"A3\" không hợp lệ; giá trị cho phép: A4, A5, Letter");
}

/* ---- errors: sections and keys ---- */

static void test_unknown_key(void **state)
{
    expect_error("[database]\n[pdf]\npaer = A4\n",
                 ":3: [pdf] khóa \"paer\" không tồn tại; "
                 "các khóa của [pdf]: paper, font_regular, font_bold");
    expect_error("[ui]\nlanguage = en\n\n[PDF]\nPaer = A4\n",
                 ":5: [pdf] unknown key \"Paer\"; keys of [pdf]: paper, font_regular, font_bold");
    expect_error("[letterhead]\nbody3 = x\n",
                 ":2: [letterhead] khóa \"body3\" không tồn tại; các khóa của [letterhead]: "
                 "issuer, body1, body2, motto, place, symbol, signer_authority, signer_title, signer_name");
}

static void test_unknown_section(void **state)
{
    const char *all = "[database], [output], [pdf], [letterhead], [ui], [keys]";
    char want[512];
    snprintf(want, sizeof want, ":2: mục [Printer] không tồn tại; các mục: %s", all);
    expect_error("\n[Printer]\ncommand = lp\n", want);
    snprintf(want, sizeof want, ":3: unknown section [paper]; sections: %s", all);
    expect_error("[ui]\nlanguage = en\n[paper]\n", want);
    snprintf(want, sizeof want, ":1: mục [] không tồn tại; các mục: %s", all);
    expect_error("[]\npaper = A4\n", want);
}

static void test_key_outside_any_section(void **state)
{
    char want[512];
    snprintf(want, sizeof want, ":2: khóa \"paper\" nằm ngoài mọi mục; các mục: "
             "[database], [output], [pdf], [letterhead], [ui], [keys]");
    expect_error("# đầu tệp\npaper = A4\n[pdf]\n", want);
}

/* [keys]: any name, kept as written with its line for tui/ (which knows the names). */
static void test_keys_section(void **state)
{
    ntm_config c;
    load_ok("[ui]\nlanguage = vi\n\n[Keys]\n# đổi phím\nTasks.Progress = J\nsearch = \"#\"\n"
            "  delete = đ ; ghi chú\n[pdf]\npaper = A5\n", &c);
    assert_int_equal(c.n_binds, 3);
    assert_string_equal(c.binds[0].name, "tasks.progress");
    assert_string_equal(c.binds[0].key, "J");                /* the key keeps its case */
    assert_int_equal(c.binds[0].line, 6);
    assert_string_equal(c.binds[1].key, "#");
    assert_int_equal(c.binds[1].line, 7);
    assert_string_equal(c.binds[2].name, "delete");
    assert_string_equal(c.binds[2].key, "đ");
    assert_int_equal(c.binds[2].line, 8);
    assert_string_equal(c.paper, "A5");
    load_ok("[pdf]\npaper = A4\n", &c);
    assert_int_equal(c.n_binds, 0);
    expect_error("[keys]\nquit = \"\xff\"\n", ":2: [keys] quit: giá trị không phải UTF-8 hợp lệ; hãy lưu tệp với bảng mã UTF-8");
    expect_error("[ui]\nlanguage = en\n[keys]\nquit = 0123456789012345678901234567890123456789\n",
                 ":4: [keys] quit = \"0123456789012345678901234567890123456789\" is too long");
    char many[NTM_BINDS_MAX * 16 + 64] = "[keys]\n";
    for (int i = 0; i <= NTM_BINDS_MAX; i++)
        snprintf(many + strlen(many), sizeof many - strlen(many), "a%d = x\n", i);
    char want[128];
    snprintf(want, sizeof want, ":%d: [keys] a%d: quá nhiều phím đổi (tối đa %d)", NTM_BINDS_MAX + 2, NTM_BINDS_MAX, NTM_BINDS_MAX);
    expect_error(many, want);
}

/* ---- errors: the file itself ---- */

static void test_syntax_error_is_silent_and_located(void **state)
{
    capture_stderr();
    expect_error("[pdf]\npaper = A4\nfont_bold\n",
                 ":3: dòng không đọc được; cần \"[mục]\" hoặc \"khóa = giá trị\"");
    expect_error("[ui]\nlanguage = \"en\" ; English\n\n[pdf\n",
                 ":4: cannot parse line; expected \"[section]\" or \"key = value\"");
    char *out = release_stderr();
    assert_string_equal(out, "");       /* iniparser printed nothing */
    free(out);
}

static void test_syntax_error_in_short_relative_path(void **state)
{
    ntm_config c;
    char err[512], cwd[1024];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(root), 0);
    write_file("a", "[pdf]\npaper = A4\nrandom text\n");
    int r = config_load_file(&c, "a", err, sizeof err);
    assert_int_equal(chdir(cwd), 0);
    assert_int_equal(r, -1);
    assert_string_equal(err, "a:3: dòng không đọc được; cần \"[mục]\" hoặc \"khóa = giá trị\"");
}

static void test_line_too_long(void **state)
{
    char text[1400] = "[letterhead]\nplace = ";
    memset(text + strlen(text), 'x', 1200);
    strcat(text, "\n");
    capture_stderr();
    expect_error(text, ":2: dòng quá dài");
    char *out = release_stderr();
    assert_string_equal(out, "");
    free(out);
}

static void test_byte_order_mark(void **state)
{
    expect_error("\xEF\xBB\xBF# ntm\n[pdf]\npaper = A4\n",
                 ":1: tệp bắt đầu bằng dấu BOM (EF BB BF); hãy lưu lại dạng UTF-8 không BOM");
    expect_error("\xEF\xBB\xBF[ui]\nlanguage = en\n",
                 ":1: the file starts with a byte order mark (EF BB BF); "
                 "save it as UTF-8 without BOM");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup(f, setup)
        T(test_defaults_without_any_file),
        T(test_config_defaults),
        T(test_search_order),
        T(test_explicit_and_env_paths_expand_home),
        T(test_missing_explicit_file),
        T(test_missing_env_file),
        T(test_unusable_files),
        T(test_unreadable_user_file),
        T(test_example_file_matches_writer),
        T(test_example_file_loads_to_defaults),
        T(test_quotes_comments_case_and_crlf),
        T(test_enums_and_ints),
        T(test_empty_values_where_default_is_empty),
        T(test_home_expansion_in_values),
        T(test_expand_home),
        T(test_longest_values_fit),
        T(test_duplicate_key_keeps_last),
        T(test_error_leaves_config_alone),
        T(test_bad_enum_vietnamese),
        T(test_bad_enum_english_language_decided_first),
        T(test_bad_language_is_reported_in_vietnamese),
        T(test_bad_other_enums),
        T(test_bad_integers),
        T(test_text_too_long),
        T(test_path_too_long_after_expansion),
        T(test_empty_where_default_is_not),
        T(test_invalid_utf8),
        T(test_bad_value_is_shown_safely),
        T(test_error_line_is_the_last_duplicate),
        T(test_error_line_after_joined_lines),
        T(test_unknown_key),
        T(test_unknown_section),
        T(test_key_outside_any_section),
        T(test_keys_section),
        T(test_syntax_error_is_silent_and_located),
        T(test_syntax_error_in_short_relative_path),
        T(test_line_too_long),
        T(test_byte_order_mark),
#undef T
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
