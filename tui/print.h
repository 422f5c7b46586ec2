/* print: the papers the screens write (print.c: task sheets; print_period.c: the
 * reports up the chain and the criteria report), into [output] pdf_dir; the path, or
 * what went wrong, goes to the status line. Returns the loop's flags. */
#ifndef NTM_PRINT_H
#define NTM_PRINT_H
#include "tui/screen.h"
#include <stddef.h>
#include <stdint.h>

/* The path as the user reads it: "~/ntm-pdf/phieu-....pdf" rather than the whole home. */
void tui_short_path(const char *path, char *out, size_t n);
/* One hamlet's task sheet. */
int print_sheet(tui *t, int64_t hamlet_id);
/* The same for an organisation (what 'o') or a person ('p') of the commune, across its
 * hamlets (i on the organisation and people lists); another what: a message. */
int print_owner_sheet(tui *t, char what, int64_t commune_id, int64_t id);
/* On a dashboard: asks which report (week, month, day) of its commune or province. */
int period_print_dash(tui *t, int64_t unit_id);
/* On the criteria matrix: the criteria report. */
int period_print_criteria(tui *t, int64_t unit_id);

/* i on the hamlet list and the task list. */
#define KEYS_PRINT_SHEET \
    { ACT_PRINT, "print", 'i', { KEY_FN(KEY_F(2)) }, NULL, N_("In phiếu"), \
      N_("In phiếu đầu việc của thôn ra tệp PDF") }
#endif
