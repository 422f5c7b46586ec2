/* picker: choose one item from a list that narrows as you type, accents ignored
 * ("son kim" finds "Sơn Kim 2", "duong" finds "đường").
 *
 * Letters type into the filter (a textfield: decomposed input is composed too), so the
 * list moves with ↑ ↓ Ctrl-P Ctrl-N PgUp PgDn Home End. Enter picks, Esc or F10
 * cancels. The candidates come from the caller (picker_add, or a fill callback the form
 * calls), so the data layer stays outside tui/; keys are folded with text_fold and the
 * typed words must all occur in them (text_match). The bottom line shows "n/N": items
 * matching of all items.
 *
 * The picker keeps its state between runs: after PICK_RESIZED the caller repaints and
 * calls picker_run again; the filter and the selection are still there. */
#ifndef NTM_PICKER_H
#define NTM_PICKER_H
#include <stdint.h>

typedef struct picker picker;
typedef void (*picker_fill_fn)(void *ctx, picker *p);

enum { PICK_RESIZED = -2, PICK_CANCEL = 0, PICK_OK = 1 };

picker     *picker_new(const char *title);
void        picker_free(picker *p);
/* Add a candidate. key: its folded search key (text_fold of what should match); NULL
 * folds the label. Labels are copied. -1 when out of memory or label not UTF-8. */
int         picker_add(picker *p, int64_t id, const char *label, const char *key);
/* Start on the candidate with this id (the field's current value), if there is one. */
void        picker_select(picker *p, int64_t id);
/* Start with this filter typed (e.g. the letter that opened the picker). */
void        picker_set_query(picker *p, const char *utf8);
/* Show it and let the user choose: PICK_OK (read picker_id/picker_label), PICK_CANCEL,
 * PICK_RESIZED. The screen under it is put back on return, except after a resize. */
int         picker_run(picker *p);
int64_t     picker_id(const picker *p);             /* the chosen (or highlighted) id, 0 if none */
const char *picker_label(const picker *p);          /* its label, "" if none */
int         picker_total(const picker *p);          /* candidates added */
int         picker_matching(picker *p);             /* candidates the filter lets through */
#endif
