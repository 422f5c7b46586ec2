/* keys: the one table of ntm.ini keys, and how a value of each key is checked and
 * stored. Defaults, validation, error messages and config/ntm.ini.example all come
 * from this table, so adding a key here is the whole job. */
#include "config/config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const papers[]  = { "A4", "A5", "Letter", NULL };
static const char *const mottos[]  = { "state", "party", NULL };
static const char *const langs[]   = { "vi", "en", NULL };
static const char *const colors[]  = { "auto", "always", "never", NULL };
static const char *const exports[] = { "xlsx", "csv", NULL };

/* Enums kept as numbers go through setters: writing an enum field through an int
 * pointer would rely on the compiler's choice of enum width. */
static void set_motto(ntm_config *c, int i) { c->motto_party = i; }
static void set_lang(ntm_config *c, int i)  { c->lang = i ? NTM_LANG_EN : NTM_LANG_VI; }
static void set_color(ntm_config *c, int i)
{
    c->color = i == 1 ? NTM_COLOR_ALWAYS : i == 2 ? NTM_COLOR_NEVER : NTM_COLOR_AUTO;
}

#define FIELD(f) offsetof(ntm_config, f), sizeof(((ntm_config *)0)->f)
#define FONTS "/usr/share/fonts/truetype/liberation2/"

const struct ntm_key ntm_keys[] = {
    { "database", "path", NTM_KEY_PATH, "~/.local/share/ntm/ntm.db", NULL, 0, 0,
      "Tệp cơ sở dữ liệu SQLite của ntm.",
      "The ntm SQLite database file.", FIELD(db_path), NULL },
    { "database", "busy_timeout", NTM_KEY_INT, "5000", NULL, 100, 600000,
      "Thời gian chờ (mili giây) khi cơ sở dữ liệu đang bận vì người khác đang ghi.",
      "How long to wait (milliseconds) while someone else is writing the database.",
      FIELD(busy_timeout_ms), NULL },
    { "output", "pdf_dir", NTM_KEY_PATH, "~/ntm-pdf", NULL, 0, 0,
      "Thư mục lưu các tệp PDF (báo cáo, biểu mẫu).",
      "Folder where PDF files (reports, forms) are saved.", FIELD(pdf_dir), NULL },
    { "output", "backup_dir", NTM_KEY_PATH, "~/.local/share/ntm/backup", NULL, 0, 0,
      "Thư mục lưu các bản sao lưu cơ sở dữ liệu.",
      "Folder for database backups.", FIELD(backup_dir), NULL },
    { "output", "backup_keep", NTM_KEY_INT, "14", NULL, 1, 1000,
      "Số bản sao lưu (ntm-NGÀY-GIỜ.db) giữ lại trong backup_dir; bản cũ hơn bị xóa. Mỗi ngày, lần mở ntm đầu tiên tự sao lưu.",
      "How many backups (ntm-DATE-TIME.db) backup_dir keeps; older ones are removed. The first start of ntm each day makes one.",
      FIELD(backup_keep), NULL },
    { "output", "print_command", NTM_KEY_STRING, "", NULL, 0, 0,
      "Lệnh in tệp PDF, ví dụ \"lp -d office\"; để trống thì không in.",
      "Command that prints a PDF, e.g. \"lp -d office\"; empty means no printing.",
      FIELD(print_command), NULL },
    { "output", "export_format", NTM_KEY_ENUM, "xlsx", exports, 0, 0,
      "Định dạng đề xuất khi xuất danh sách (phím x): xlsx = Excel, csv = văn bản UTF-8.",
      "Format offered first when a list is exported (key x): xlsx = Excel, csv = UTF-8 text.",
      FIELD(export_format), NULL },
    { "pdf", "paper", NTM_KEY_ENUM, "A4", papers, 0, 0,
      "Khổ giấy của tệp PDF.",
      "Paper size of PDF files.", FIELD(paper), NULL },
    { "pdf", "font_regular", NTM_KEY_PATH, FONTS "LiberationSerif-Regular.ttf", NULL, 0, 0,
      "Phông chữ thường (TrueType, có đủ dấu tiếng Việt).",
      "Regular font (TrueType, with Vietnamese letters).", FIELD(font_regular), NULL },
    { "pdf", "font_bold", NTM_KEY_PATH, FONTS "LiberationSerif-Bold.ttf", NULL, 0, 0,
      "Phông chữ đậm (TrueType, có đủ dấu tiếng Việt).",
      "Bold font (TrueType, with Vietnamese letters).", FIELD(font_bold), NULL },
    { "letterhead", "issuer", NTM_KEY_STRING, "", NULL, 0, 0,
      "Cơ quan ban hành giấy tờ, theo mã đã khai cho xã (ví dụ \"du\", \"ubnd\", \"bcd\"; xem \"ntm issuers\"); "
      "để trống: mỗi loại giấy tờ theo cơ quan đã khai, rồi cơ quan mặc định của xã. Dòng lệnh: --body MÃ.",
      "Body that issues the papers, by the code declared for the commune (e.g. \"du\", \"ubnd\", \"bcd\"; see "
      "\"ntm issuers\"); empty: per paper as declared, then the commune's default. Command line: --body CODE.",
      FIELD(issuer), NULL },
    { "letterhead", "body1", NTM_KEY_STRING, "", NULL, 0, 0,
      "Cơ quan ban hành, dòng 1 (ví dụ \"UBND XÃ SƠN KIM 2\"), cho xã chưa khai cơ quan ban hành trong CSDL; "
      "để trống: \"UBND XÃ\" và tên xã của phiếu.",
      "Issuing body, line 1 (e.g. \"UBND XÃ SƠN KIM 2\"), for a commune with no issuing body in the database; "
      "empty: \"UBND XÃ\" and the sheet's commune.", FIELD(body1), NULL },
    { "letterhead", "body2", NTM_KEY_STRING, "", NULL, 0, 0,
      "Cơ quan ban hành, dòng 2 (có thể để trống).",
      "Issuing body, line 2 (may be empty).", FIELD(body2), NULL },
    { "letterhead", "motto", NTM_KEY_ENUM, "state", mottos, 0, 0,
      "Quốc hiệu: state = CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM, party = ĐẢNG CỘNG SẢN VIỆT NAM.",
      "Motto line: state = CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM, party = ĐẢNG CỘNG SẢN VIỆT NAM.",
      0, 0, set_motto },
    { "letterhead", "place", NTM_KEY_STRING, "", NULL, 0, 0,
      "Địa danh ở dòng ngày tháng; để trống thì dùng tên xã.",
      "Place name in the date line; empty means the commune's name.", FIELD(place), NULL },
    { "letterhead", "symbol", NTM_KEY_STRING, "UBND", NULL, 0, 0,
      "Ký hiệu cơ quan ở dòng số văn bản (\"Số: .../BC-UBND\"), cho xã chưa khai cơ quan ban hành.",
      "Symbol of the body in the document number line (\"Số: .../BC-UBND\"), for a commune with no issuing body.",
      FIELD(symbol), NULL },
    { "letterhead", "signer_authority", NTM_KEY_STRING, "TM. ỦY BAN NHÂN DÂN", NULL, 0, 0,
      "Dòng thẩm quyền ký trên chức vụ (\"TM. ỦY BAN NHÂN DÂN\", \"KT. CHỦ TỊCH\"; có thể để trống), cho xã chưa khai cơ quan ban hành.",
      "Authority line above the title (\"TM. ỦY BAN NHÂN DÂN\", \"KT. CHỦ TỊCH\"; may be empty), for a commune with no issuing body.",
      FIELD(signer_authority), NULL },
    { "letterhead", "signer_title", NTM_KEY_STRING, "CHỦ TỊCH", NULL, 0, 0,
      "Chức vụ người ký.",
      "Title of the person who signs.", FIELD(signer_title), NULL },
    { "letterhead", "signer_name", NTM_KEY_STRING, "", NULL, 0, 0,
      "Họ tên người ký (có thể để trống).",
      "Name of the person who signs (may be empty).", FIELD(signer_name), NULL },
    { "ui", "language", NTM_KEY_ENUM, "vi", langs, 0, 0,
      "Ngôn ngữ của màn hình và thông báo: vi = tiếng Việt, en = tiếng Anh.",
      "Language of screens and messages: vi = Vietnamese, en = English.", 0, 0, set_lang },
    { "ui", "esc_delay", NTM_KEY_INT, "0", NULL, 0, 2000,
      "Thời gian chờ (mili giây) sau phím Esc để phân biệt với phím mũi tên/F; 0: tự chọn (50 trên máy này, "
      "200 qua SSH). Tăng lên nếu đường truyền chậm làm phím mũi tên thành Esc.",
      "How long (milliseconds) to wait after Esc to tell it from an arrow or F-key; 0: automatic (50 on this "
      "machine, 200 over SSH). Raise it when a slow link turns arrow keys into Esc.", FIELD(esc_delay_ms), NULL },
    { "ui", "color", NTM_KEY_ENUM, "auto", colors, 0, 0,
      "Màu: auto = khi terminal hỗ trợ, always = luôn có màu, never = không màu.",
      "Colours: auto = when the terminal supports them, always, never.", 0, 0, set_color },
};
const size_t ntm_nkeys = sizeof ntm_keys / sizeof ntm_keys[0];

const struct ntm_key *ntm_key_find(const char *section, const char *name)
{
    for (size_t i = 0; i < ntm_nkeys; i++)
        if (!strcmp(ntm_keys[i].section, section) && !strcmp(ntm_keys[i].name, name))
            return &ntm_keys[i];
    return NULL;
}

/* Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF, no U+FFFE/U+FFFF. */
size_t ntm_utf8_char(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    unsigned c = p[0];
    size_t n = c >= 0x01 && c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1
             : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : 9;
    if (n == 9)
        return 0;
    unsigned lo = 0x80, hi = 0xBF;               /* allowed range of the 2nd byte */
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
    for (size_t i = 1; i <= n; i++)
        if (p[i] < (i == 1 ? lo : 0x80) || p[i] > (i == 1 ? hi : 0xBF))
            return 0;
    if (c == 0xEF && p[1] == 0xBF && p[2] >= 0xBE)
        return 0;                                /* U+FFFE, U+FFFF: refused as in model/text.c */
    return n + 1;
}

static int utf8_valid(const char *s)
{
    for (size_t n; *s; s += n)
        if (!(n = ntm_utf8_char(s)))
            return 0;
    return 1;
}

static char *field(const struct ntm_key *k, ntm_config *cfg)
{
    return (char *)cfg + k->offset;
}

static enum ntm_verdict set_text(const struct ntm_key *k, const char *text, ntm_config *cfg)
{
    char buf[NTM_PATH_MAX + 1];
    if (k->type == NTM_KEY_PATH) {
        config_expand_home(text, buf, sizeof buf);
        text = buf;         /* one byte longer than any field: overflow shows as LONG */
    }
    if (strlen(text) >= k->size)
        return NTM_VALUE_LONG;
    memcpy(field(k, cfg), text, strlen(text) + 1);
    return NTM_VALUE_OK;
}

static enum ntm_verdict set_int(const struct ntm_key *k, const char *text, ntm_config *cfg)
{
    char *end;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (end == text || *end || errno || v < k->min || v > k->max)
        return NTM_VALUE_BAD;
    int iv = (int)v;
    memcpy(field(k, cfg), &iv, sizeof iv);
    return NTM_VALUE_OK;
}

/* Enum values match without case ("a4", "EN") and are stored as spelled in the table. */
static enum ntm_verdict set_enum(const struct ntm_key *k, const char *text, ntm_config *cfg)
{
    for (int i = 0; k->values[i]; i++) {
        if (strcasecmp(text, k->values[i]))
            continue;
        if (k->set)
            k->set(cfg, i);
        else
            snprintf(field(k, cfg), k->size, "%s", k->values[i]);
        return NTM_VALUE_OK;
    }
    return NTM_VALUE_BAD;
}

enum ntm_verdict ntm_key_set(const struct ntm_key *k, const char *text, ntm_config *cfg)
{
    if (!utf8_valid(text))
        return NTM_VALUE_UTF8;
    if (!*text && *k->def)
        return k->type == NTM_KEY_STRING || k->type == NTM_KEY_PATH
               ? NTM_VALUE_EMPTY : NTM_VALUE_BAD;
    switch (k->type) {
    case NTM_KEY_INT:  return set_int(k, text, cfg);
    case NTM_KEY_ENUM: return set_enum(k, text, cfg);
    default:           return set_text(k, text, cfg);
    }
}

/* Text and path limits are in bytes: a Vietnamese letter takes 2 or 3 of them. */
static void allowed_text(const struct ntm_key *k, int en, char *buf, size_t len)
{
    int path = k->type == NTM_KEY_PATH, may_empty = !*k->def;
    const char *noun = en ? (path ? "path" : "text") : (path ? "đường dẫn" : "chuỗi");
    const char *home = !path ? "" : en ? " (\"~/\" = home folder)" : " (\"~/\" = thư mục nhà)";
    size_t max = k->size - 1;
    if (en)
        snprintf(buf, len, may_empty ? "%s of at most %zu bytes, may be empty%s"
                                     : "non-empty %s of at most %zu bytes%s", noun, max, home);
    else
        snprintf(buf, len, may_empty ? "%s tối đa %zu byte, có thể rỗng%s"
                                     : "%s không rỗng, tối đa %zu byte%s", noun, max, home);
}

void ntm_key_allowed(const struct ntm_key *k, enum ntm_lang lang, char *buf, size_t len)
{
    int en = lang == NTM_LANG_EN;
    if (k->type == NTM_KEY_INT) {
        snprintf(buf, len, en ? "an integer from %d to %d" : "số nguyên từ %d đến %d",
                 k->min, k->max);
    } else if (k->type == NTM_KEY_ENUM) {
        buf[0] = '\0';
        for (size_t i = 0, n = 0; k->values[i] && n < len; i++)
            n += (size_t)snprintf(buf + n, len - n, "%s%s", i ? ", " : "", k->values[i]);
    } else {
        allowed_text(k, en, buf, len);
    }
}
