/* example: writes the documented ntm.ini from the key table, so the example in the
 * repository (config/ntm.ini.example, checked by a unit test) cannot drift from
 * the keys, defaults and allowed values the program really uses. */
#include "config/config.h"

#include <string.h>

static const char header[] =
    "# ntm.ini: cấu hình của ntm / ntm configuration\n"
    "#\n"
    "# ntm đọc tệp cấu hình đầu tiên tìm thấy theo thứ tự:\n"
    "# ntm reads the first configuration file found, in this order:\n"
    "#   1. ntm --config TỆP / FILE\n"
    "#   2. $NTM_CONFIG\n"
    "#   3. ~/.config/ntm/ntm.ini\n"
    "#   4. /etc/ntm/ntm.ini\n"
    "# Tệp chỉ ra ở bước 1 hoặc 2 phải tồn tại. Không có tệp nào thì ntm dùng\n"
    "# giá trị mặc định, chính là các giá trị ghi dưới đây.\n"
    "# A file named in step 1 or 2 must exist. Without any file ntm uses the\n"
    "# defaults, which are the values written below.\n"
    "#\n"
    "# Dòng bắt đầu bằng # hoặc ; là ghi chú. Giá trị có thể đặt trong dấu \"...\".\n"
    "# Lines starting with # or ; are comments. Values may be quoted: \"...\".\n"
    "# Khóa hoặc giá trị sai thì ntm dừng và báo tệp, dòng, mục, khóa và giá trị cho phép.\n"
    "# A wrong key or value stops ntm, naming the file, line, section, key and what is allowed.\n"
    "# Hãy lưu tệp dạng UTF-8 (không BOM). / Save this file as UTF-8 (without BOM).\n";

/* Text keys are always quoted so that an empty default still reads as a value. */
static void write_key(FILE *out, const struct ntm_key *k)
{
    char vi[NTM_LINE_MAX], en[NTM_LINE_MAX];
    const char *q = k->type == NTM_KEY_STRING ? "\"" : "";
    ntm_key_allowed(k, NTM_LANG_VI, vi, sizeof vi);
    ntm_key_allowed(k, NTM_LANG_EN, en, sizeof en);
    fprintf(out, "# %s\n# %s\n# Giá trị cho phép: %s\n# Allowed: %s\n%s = %s%s%s\n",
            k->help_vi, k->help_en, vi, en, k->name, q, k->def, q);
}

/* [keys] has no fixed keys: the names are tui/'s (its key tables), so only the syntax
 * and two examples, commented out. */
static const char keys_section[] =
    "\n[keys]\n"
    "# Đổi phím: tên = phím. Tên là tên của hành động, ghi trong [...] ở cuối mỗi dòng của\n"
    "# trợ giúp (phím ?) và trong \"ntm keys\". \"màn_hình.tên\" (tasks.progress) chỉ đổi trên\n"
    "# màn hình đó; tên không kèm màn hình thì đổi trên mọi màn hình có hành động ấy.\n"
    "# Phím: một ký tự (p, P, đ, !; \"#\" và \";\" phải đặt trong ngoặc kép), Ctrl-X hoặc ^X,\n"
    "# F1..F12, Enter, Esc, Tab, Space. Phím mới thay phím chữ; phím F, mũi tên vẫn dùng được.\n"
    "# Phím đã dùng cho hành động khác trên cùng màn hình, tên hay phím không có: ntm báo\n"
    "# lỗi (tệp:dòng) và không mở.\n"
    "# Rebind a key: name = key. The name is the action's, shown in [...] at the end of each\n"
    "# line of the help (key ?) and by \"ntm keys\". \"screen.name\" (tasks.progress) rebinds\n"
    "# it on that screen only; a bare name on every screen that has the action.\n"
    "# Keys: one character (p, P, đ, !; quote \"#\" and \";\"), Ctrl-X or ^X, F1..F12, Enter,\n"
    "# Esc, Tab, Space. The new key replaces the letter; F-keys and arrows still work.\n"
    "# A key another action of that screen already has, an unknown name or key: ntm says so\n"
    "# (file:line) and does not start.\n"
    "# tasks.progress = J\n"
    "# delete = X\n";

int config_write_example(FILE *out)
{
    fputs(header, out);
    for (size_t i = 0; i < ntm_nkeys; i++) {
        const struct ntm_key *k = &ntm_keys[i];
        if (i == 0 || strcmp(k->section, ntm_keys[i - 1].section))
            fprintf(out, "\n[%s]\n", k->section);
        else
            fputc('\n', out);
        write_key(out, k);
    }
    fputs(keys_section, out);
    return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}
