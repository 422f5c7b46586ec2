/* manpage: writes ntm.ini(5) in roff (man(7) macros) from the key table, the way
 * example.c writes ntm.ini.example, so the manual cannot drift from the keys,
 * defaults and allowed values the program really uses. One page per language;
 * the build runs it through config/man/ntm_ini_man.c (see the Makefile's man target). */
#include "config/config.h"

#include <string.h>

/* The fixed text of the page, per language. */
struct man_text {
    const char *name, *synopsis, *description, *keys, *files, *environment, *examples, *see_also;
    const char *one_line, *intro, *order[4], *after_order, *syntax, *example_cmd;
    const char *section_intro, *def, *empty, *allowed;
    const char *binds[3];            /* [keys]: what it does, the key syntax, the checks */
};

static const struct man_text man_en = {
    "NAME", "SYNOPSIS", "DESCRIPTION", "KEYS", "FILES", "ENVIRONMENT", "EXAMPLES", "SEE ALSO",
    "configuration file of ntm",
    "\\fBntm\\fR(1) reads the first configuration file found, in this order:",
    { "the file given with \\fB\\-\\-config\\fR \\fIFILE\\fR;",
      "the file named by the environment variable \\fBNTM_CONFIG\\fR;",
      "\\fI~/.config/ntm/ntm.ini\\fR (the user's own);",
      "\\fI/etc/ntm/ntm.ini\\fR (the machine's)." },
    "A file named in step 1 or 2 must exist. Files are not merged: the first one found is the "
    "whole configuration, and a key it does not set keeps its default. Without any file ntm uses "
    "the defaults, which are the values listed below.",
    "The file is UTF-8 without a byte order mark. It holds sections (\\fB[database]\\fR) and "
    "\\fIkey\\fR = \\fIvalue\\fR lines; section and key names match without case; a value may be "
    "quoted (\\fB\"...\"\\fR); lines starting with \\fB#\\fR or \\fB;\\fR are comments. "
    "An unknown section or key, a bad value or an unreadable line stops ntm (exit status 1) with "
    "a message naming the file, the line, the section, the key and what is allowed, in the "
    "language of the file's own \\fB[ui] language\\fR.",
    "\\fBntm config example\\fR prints a commented file with every key and its default.",
    "Keys of",
    "Default:", "empty", "Allowed:",
    { "Rebinds the keys of the full screen: \\fIname\\fR = \\fIkey\\fR. The name is an action's, "
      "shown in [...] at the end of each line of the help (key \\fB?\\fR) and by \\fBntm keys\\fR. "
      "\\fIscreen\\fR.\\fIname\\fR (\\fBtasks.progress\\fR) rebinds it on that screen only and wins "
      "over a bare name, which rebinds it on every screen that has the action. The new key replaces "
      "the action's letter; its F-keys and arrows still work unless another line takes them.",
      "A key is one character (\\fBp\\fR, \\fBP\\fR, \\fBđ\\fR, \\fB!\\fR; quote \\fB\"#\"\\fR "
      "and \\fB\";\"\\fR), \\fBCtrl\\-X\\fR or \\fB^X\\fR, \\fBF1\\fR to \\fBF12\\fR, "
      "\\fBEnter\\fR, \\fBEsc\\fR, \\fBTab\\fR or \\fBSpace\\fR.",
      "An unknown screen or action, a key that is none of these, or a key another action of that "
      "screen already has stops ntm before the screen opens (exit status 1), naming the file and "
      "the line. The other commands do not read [keys]." },
};

static const struct man_text man_vi = {
    "TÊN", "CÚ PHÁP", "MÔ TẢ", "CÁC KHÓA", "TỆP", "BIẾN MÔI TRƯỜNG", "VÍ DỤ", "XEM THÊM",
    "tệp cấu hình của ntm",
    "\\fBntm\\fR(1) đọc tệp cấu hình đầu tiên tìm thấy, theo thứ tự:",
    { "tệp chỉ ra bằng \\fB\\-\\-config\\fR \\fITỆP\\fR;",
      "tệp do biến môi trường \\fBNTM_CONFIG\\fR chỉ ra;",
      "\\fI~/.config/ntm/ntm.ini\\fR (của người dùng);",
      "\\fI/etc/ntm/ntm.ini\\fR (của cả máy)." },
    "Tệp chỉ ra ở bước 1 hoặc 2 phải tồn tại. Các tệp không gộp lại: tệp tìm thấy đầu tiên là "
    "toàn bộ cấu hình, khóa nào tệp không ghi thì giữ giá trị mặc định. Không có tệp nào thì ntm "
    "dùng giá trị mặc định, chính là các giá trị ghi dưới đây.",
    "Tệp lưu dạng UTF-8, không có dấu BOM. Tệp gồm các mục (\\fB[database]\\fR) và các dòng "
    "\\fIkhóa\\fR = \\fIgiá trị\\fR; tên mục và tên khóa không phân biệt chữ hoa, chữ thường; giá "
    "trị có thể đặt trong dấu \\fB\"...\"\\fR; dòng bắt đầu bằng \\fB#\\fR hoặc \\fB;\\fR là ghi "
    "chú. Mục hoặc khóa không tồn tại, giá trị sai hay dòng không đọc được thì ntm dừng (trạng "
    "thái thoát 1) và báo tệp, dòng, mục, khóa và giá trị cho phép, bằng ngôn ngữ ghi ở "
    "\\fB[ui] language\\fR của chính tệp đó.",
    "\\fBntm config example\\fR in ra một tệp có chú thích mọi khóa và giá trị mặc định.",
    "Các khóa của mục",
    "Mặc định:", "rỗng", "Giá trị cho phép:",
    { "Đổi phím của giao diện toàn màn hình: \\fItên\\fR = \\fIphím\\fR. Tên là tên của hành "
      "động, ghi trong [...] ở cuối mỗi dòng của trợ giúp (phím \\fB?\\fR) và trong "
      "\\fBntm keys\\fR. \\fImàn_hình\\fR.\\fItên\\fR (\\fBtasks.progress\\fR) chỉ đổi trên "
      "màn hình đó và được ưu tiên hơn tên không kèm màn hình, vốn đổi trên mọi màn hình có hành "
      "động ấy. Phím mới thay phím chữ của hành động; phím F và mũi tên vẫn dùng được, trừ khi "
      "dòng khác lấy chúng.",
      "Phím là một ký tự (\\fBp\\fR, \\fBP\\fR, \\fBđ\\fR, \\fB!\\fR; \\fB\"#\"\\fR và "
      "\\fB\";\"\\fR phải đặt trong ngoặc kép), \\fBCtrl\\-X\\fR hoặc \\fB^X\\fR, \\fBF1\\fR "
      "đến \\fBF12\\fR, \\fBEnter\\fR, \\fBEsc\\fR, \\fBTab\\fR hoặc \\fBSpace\\fR.",
      "Màn hình hay hành động không có, phím không thuộc các loại trên, hoặc phím đã dùng cho hành "
      "động khác trên cùng màn hình thì ntm dừng trước khi mở (trạng thái thoát 1) và báo tệp, "
      "dòng. Các lệnh khác không đọc [keys]." },
};

/* Roff text lines of at most 80 bytes as mandoc counts them (it reads a letter beyond
 * ASCII as \[uXXXX], 8 bytes), broken between words; a line that would start with a
 * control character gets \& before it. s is roff already; see escape(). */
enum { ESC_TEXT, ESC_CODE, LINE_MAX_BYTES = 80, TEXT_MAX = 4096 };

static void wrap(FILE *out, const char *s)
{
    size_t col = 0;
    while (*s) {
        size_t len = strcspn(s, " "), cost = 0;
        for (size_t i = 0; i < len; i++)
            cost += (s[i] & 0xC0) == 0x80 ? 0 : (s[i] & 0x80) ? 8 : 1;
        if (col && col + 1 + cost > LINE_MAX_BYTES) {
            fputc('\n', out);
            col = 0;
        } else if (col) {
            fputc(' ', out);
            col++;
        }
        if (!col && (*s == '.' || *s == '\'')) {
            fputs("\\&", out);
            col += 2;
        }
        fwrite(s, 1, len, out);
        col += cost;
        s += len;
        s += strspn(s, " ");
    }
    fputc('\n', out);
}

/* Plain text as roff: a backslash becomes \e; ESC_CODE also writes '-' as \- (an ASCII
 * hyphen-minus to copy, not a hyphen) and lets a long path break after a '/' (\:, as
 * the pages are not hyphenated). The table's texts are far below TEXT_MAX. */
static const char *escape(const char *s, int esc, char *buf)
{
    size_t n = 0;
    for (; *s && n + 5 < TEXT_MAX; s++) {
        if (*s == '\\' || (*s == '-' && esc == ESC_CODE))
            buf[n++] = '\\';
        buf[n++] = *s == '\\' ? 'e' : *s;
        if (*s == '/' && s[1] && esc == ESC_CODE)
            buf[n++] = '\\', buf[n++] = ':';
    }
    buf[n] = '\0';
    return buf;
}

static void text(FILE *out, const char *s)
{
    char buf[TEXT_MAX];
    wrap(out, escape(s, ESC_TEXT, buf));
}

static void bold(FILE *out, const char *s)
{
    char buf[TEXT_MAX], line[TEXT_MAX + 8];
    snprintf(line, sizeof line, "\\fB%s\\fR", escape(s, ESC_CODE, buf));
    wrap(out, line);
}

static void write_key(FILE *out, const struct ntm_key *k, const struct man_text *t, enum ntm_lang lang)
{
    char allowed[NTM_LINE_MAX];
    ntm_key_allowed(k, lang, allowed, sizeof allowed);
    fputs(".TP\n", out);
    bold(out, k->name);
    text(out, lang == NTM_LANG_EN ? k->help_en : k->help_vi);
    fprintf(out, ".br\n%s\n", t->def);
    if (*k->def)
        bold(out, k->def);
    else
        fprintf(out, "(%s)\n", t->empty);
    fprintf(out, ".br\n%s\n", t->allowed);
    text(out, allowed);
}

static void write_keys(FILE *out, const struct man_text *t, enum ntm_lang lang)
{
    fprintf(out, ".SH \"%s\"\n", t->keys);
    for (size_t i = 0; i < ntm_nkeys; i++) {
        const struct ntm_key *k = &ntm_keys[i];
        if (i == 0 || strcmp(k->section, ntm_keys[i - 1].section))
            fprintf(out, ".SS \"[%s]\"\n%s \\fB[%s]\\fR:\n", k->section, t->section_intro, k->section);
        write_key(out, k, t, lang);
    }
    fprintf(out, ".SS \"[keys]\"\n");             /* no .TP here: the names are tui/'s, not keys of this table */
    for (int i = 0; i < 3; i++) {
        if (i) fputs(".PP\n", out);
        wrap(out, t->binds[i]);
    }
    fputs(".PP\n.RS\n.nf\n[keys]\ntasks.progress = J\ndelete = X\n.fi\n.RE\n", out);
}

/* A tagged paragraph: the tag (one line, roff) and its text (roff, wrapped). */
static void tagged(FILE *out, const char *tag, const char *body)
{
    fprintf(out, ".TP\n%s\n", tag);
    wrap(out, body);
}

/* The files, environment and example are the same facts in both languages. */
static void write_tail(FILE *out, const struct man_text *t, int en)
{
    fprintf(out, ".SH \"%s\"\n", t->files);
    tagged(out, "\\fI~/.config/ntm/ntm.ini\\fR", en ? "The user's configuration." : "Cấu hình của người dùng.");
    tagged(out, "\\fI/etc/ntm/ntm.ini\\fR",
           en ? "The machine's configuration; the Debian package installs one that puts the "
                "database at \\fI/var/lib/ntm/ntm.db\\fR, shared by the group \\fBntm\\fR."
              : "Cấu hình của cả máy; gói Debian cài sẵn một tệp đặt CSDL ở "
                "\\fI/var/lib/ntm/ntm.db\\fR, dùng chung cho nhóm \\fBntm\\fR.");
    tagged(out, "\\fI/etc/ntm/ntm.ini.example\\fR, \\fI/usr/share/doc/ntm/ntm.ini.example\\fR",
           en ? "Every key with its help and default, as printed by \\fBntm config example\\fR."
              : "Mọi khóa, chú thích và giá trị mặc định, như \\fBntm config example\\fR in ra.");
    fprintf(out, ".SH \"%s\"\n", t->environment);
    tagged(out, "\\fBNTM_CONFIG\\fR",
           en ? "The configuration file to read when \\fB\\-\\-config\\fR is not given."
              : "Tệp cấu hình được đọc khi không có \\fB\\-\\-config\\fR.");
    tagged(out, "\\fBHOME\\fR",
           en ? "Replaces a leading \\fB~/\\fR in every path key." : "Thay cho \\fB~/\\fR ở đầu mỗi khóa đường dẫn.");
    fprintf(out, ".SH \"%s\"\n", t->examples);
    wrap(out, en ? "One database shared by the officers of a commune office (see "
                   "\\fI/usr/share/doc/ntm/README.Debian\\fR), English messages, A4 papers "
                   "signed by the chairman:"
                 : "Một CSDL dùng chung cho cán bộ của xã (xem "
                   "\\fI/usr/share/doc/ntm/README.Debian\\fR), thông báo tiếng Anh, giấy A4 "
                   "do chủ tịch ký:");
    fputs(".PP\n.RS\n.nf\n[database]\npath = /var/lib/ntm/ntm.db\n\n[ui]\nlanguage = en\n\n"
          "[pdf]\npaper = A4\n\n[letterhead]\nsigner_title = \"CHỦ TỊCH\"\n"
          "signer_name = \"Nguyễn Văn A\"\n.fi\n.RE\n", out);
    fprintf(out, ".SH \"%s\"\n\\fBntm\\fR(1)\n", t->see_also);
}

int config_write_man(FILE *out, enum ntm_lang lang, const char *date)
{
    const struct man_text *t = lang == NTM_LANG_EN ? &man_en : &man_vi;
    int en = lang == NTM_LANG_EN;
    fputs(".\\\" ntm.ini(5): written by config/manpage.c from the key table in config/keys.c.\n"
          ".\\\" Do not edit: change the table and rebuild (make man).\n", out);
    fprintf(out, ".TH NTM.INI 5 %s \"ntm %s\" \"%s\"\n", date, NTM_VERSION,
            en ? "File Formats Manual" : "Định dạng tệp");
    fputs(".nh\n", out);                /* key names and paths stay whole */
    fprintf(out, ".SH \"%s\"\nntm.ini \\- %s\n", t->name, t->one_line);
    fprintf(out, ".SH \"%s\"\n\\fI~/.config/ntm/ntm.ini\\fR\n.br\n\\fI/etc/ntm/ntm.ini\\fR\n", t->synopsis);
    fprintf(out, ".SH \"%s\"\n", t->description);
    wrap(out, t->intro);
    for (int i = 0; i < 4; i++) {
        fprintf(out, ".IP %d. 4\n", i + 1);
        wrap(out, t->order[i]);
    }
    const char *paras[] = { t->after_order, t->syntax, t->example_cmd };
    for (int i = 0; i < 3; i++) {
        fputs(".PP\n", out);
        wrap(out, paras[i]);
    }
    write_keys(out, t, lang);
    write_tail(out, t, en);
    return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}
