/* example: writes the documented ntm.ini from the key table, so the example in the
 * repository (config/ntm.ini.example, checked by a unit test) cannot drift from
 * the keys, defaults and allowed values the program really uses. */
#include "config/config.h"
#include "model/i18n.h"

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
            ntm_tr_in(0, k->help), ntm_tr_in(1, k->help), vi, en, k->name, q, k->def, q);
}

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
    return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}
