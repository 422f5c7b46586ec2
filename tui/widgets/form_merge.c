/* form_merge: the three-way merge of a form whose save met a row someone else changed
 * meanwhile (form.h, "Conflicts"). Per field: base (the value the form started with),
 * mine (as typed), theirs (the row as it is now, read into a second form of the same
 * table). Values are compared in a canonical form, so "20/6/22" typed over "20/06/2022"
 * is no change, and a field is copied whole from theirs (text, option, id and label).
 * form_save_write is the save that meets the conflict: it reads the row again, merges,
 * opens the view (form_conflict.c) and writes again. */
#include "tui/widgets/form_internal.h"
#include "tui/widgets/textfield.h"
#include "model/i18n.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *form_canon(form *f, int i)
{
    char buf[UNIT_MAX + 64];
    field *fl = &f->fs[i];
    switch (f->spec[i].kind) {
    case FORM_ENUM:
        snprintf(buf, sizeof buf, "%d", fl->choice >= 0 ? f->spec[i].options[fl->choice].value : -1);
        return strdup(buf);
    case FORM_REF:
        snprintf(buf, sizeof buf, "%lld", (long long)fl->ref_id);
        return strdup(buf);
    case FORM_DATE:
        if (form_check(f, i, 0) == 0) return strdup(fl->iso);
        break;
    case FORM_QTY:
        if (form_check(f, i, 0) == 0) {
            if (fl->qty_empty) return strdup("");
            snprintf(buf, sizeof buf, "%.15g %s", fl->qty, fl->unit);
            return strdup(buf);
        }
        break;
    case FORM_TEXT: break;
    }
    const char *s = tf_value(fl->tf);          /* TEXT, or a value that does not check */
    size_t len = strlen(s);
    while (*s == ' ') { s++; len--; }
    while (len && s[len - 1] == ' ') len--;
    return strndup(s, len);
}

merge_kind form_merge_kind(const char *base, const char *mine, const char *theirs)
{
    if (!strcmp(mine, theirs)) return MERGE_SAME;
    if (!strcmp(base, mine)) return MERGE_THEIRS;
    if (!strcmp(base, theirs)) return MERGE_MINE;
    return MERGE_BOTH;
}

void form_merge_end(form *f)
{
    if (!f->merge) return;
    form_free(f->merge->theirs);
    free(f->merge->rows);
    free(f->merge);
    f->merge = NULL;
}

int form_merge_begin(form *f, form *theirs, const form_who *who)
{
    form_merge_end(f);
    form_merge *m = calloc(1, sizeof *m);
    merge_row *rows = calloc((size_t)(f->n > 0 ? f->n : 1), sizeof *rows);
    if (!m || !rows) { free(m); free(rows); form_free(theirs); return -1; }
    m->theirs = theirs;
    m->rows = rows;
    if (who) m->who = *who;
    int shown = 0, shown_both = 0;
    for (int i = 0; i < f->n; i++) {
        char *mine = form_canon(f, i), *their = form_canon(theirs, i);
        const char *base = f->fs[i].base ? f->fs[i].base : "";
        merge_kind k = mine && their ? form_merge_kind(base, mine, their) : MERGE_BOTH;
        free(mine);
        free(their);
        if (k == MERGE_SAME) continue;
        if (k == MERGE_BOTH && !shown_both++) m->cur = m->n;     /* the view opens on the first to choose */
        rows[m->n++] = (merge_row){ i, k, k == MERGE_THEIRS };
        shown += k == MERGE_THEIRS || k == MERGE_BOTH;
    }
    f->merge = m;
    return shown;
}

void form_merge_all(form *f, int take_theirs)
{
    for (int r = 0; f->merge && r < f->merge->n; r++) f->merge->rows[r].take_theirs = take_theirs;
}

/* Field i of from into f, whole: the text as it is, the option, the id and its label. */
static void copy_field(form *f, form *from, int i)
{
    field *d = &f->fs[i], *s = &from->fs[i];
    switch (f->spec[i].kind) {
    case FORM_ENUM: d->choice = s->choice; break;
    case FORM_REF: form_set_ref(f, i, s->ref_id, s->ref_label); break;
    default:
        tf_set(d->tf, tf_value(s->tf));
        d->stale = 1;
        if (f->spec[i].kind != FORM_TEXT) form_check(f, i, 0);
        break;
    }
    d->msg[0] = 0;
    d->fresh = 0;
    d->cut = 0;
}

void form_merge_apply(form *f)
{
    form_merge *m = f->merge;
    if (!m) return;
    for (int r = 0; r < m->n; r++)
        if (m->rows[r].take_theirs) copy_field(f, m->theirs, m->rows[r].field);
    for (int i = 0; i < f->n; i++) {          /* the row as it is now: the unchanged state */
        free(f->fs[i].start);
        free(f->fs[i].base);
        f->fs[i].start = form_signature(m->theirs, i);
        f->fs[i].base = form_canon(m->theirs, i);
    }
    f->started = 1;
    form_merge_end(f);
}

const char *form_merge_shown(form *f, int i)
{
    const char *v = form_text(f, i);
    if (v && v[0]) return v;
    return f->spec[i].kind == FORM_ENUM || f->spec[i].kind == FORM_REF ? _("(chưa chọn)") : _("(trống)");
}

enum { MAX_QUIET_ROUNDS = 8 };      /* conflicts in a row with nothing to show: give up */

static void not_saved(form *f)
{
    int shown = f->msg[0] != 0;
    for (int i = 0; i < f->n && !shown; i++) shown = f->fs[i].msg[0] != 0;
    if (!shown) snprintf(f->msg, sizeof f->msg, "%s", _("Không lưu được; dữ liệu đã nhập vẫn còn"));
}

/* The row changed meanwhile: read it as it is now and merge. 0 with f->merge set when
 * something needs the view, 1 when nothing does (the merge applied: write again), -1
 * when the row cannot be read (its message on the form). */
static int conflict_begin(form *f, void *ctx)
{
    form *theirs = form_new(f->title, f->spec, f->n);
    form_who who = { "?", "?", "" };
    if (!theirs) { snprintf(f->msg, sizeof f->msg, "%s", _("Hết bộ nhớ; dữ liệu đã nhập vẫn còn")); return -1; }
    if (f->reread(theirs, ctx, &who) != 0) {     /* deleted since the write, most likely */
        form_free(theirs);
        f->gone = 1;
        snprintf(f->msg, sizeof f->msg, "%s", who.msg[0] ? who.msg : _("Không đọc lại được bản ghi; dữ liệu đã nhập vẫn còn"));
        return -1;
    }
    int shown = form_merge_begin(f, theirs, &who);
    if (shown < 0) return -1;
    if (shown > 0) return 0;
    form_merge_apply(f);
    return 1;
}

/* Write (the fields were checked), settling each conflict it meets: the merge is written
 * against the row's new version, which may have changed again (the loop). With f->merge
 * already set (after a resize) the view opens again first. */
int form_save_write(form *f, form_save_fn fn, void *ctx)
{
    for (int quiet = 0;;) {
        if (!f->merge) {
            int r = fn ? fn(f, ctx) : 0;
            if (r == 0) return SAVE_OK;
            if (r == FORM_SAVE_GONE) f->gone = 1;
            if (r != FORM_SAVE_CONFLICT || !f->reread) { not_saved(f); return SAVE_STAY; }
            int c = conflict_begin(f, ctx);
            if (c < 0) return SAVE_STAY;
            if (c > 0) {
                if (++quiet < MAX_QUIET_ROUNDS) continue;
                snprintf(f->msg, sizeof f->msg, "%s", _("Bản ghi đang bị sửa liên tục; chưa lưu, dữ liệu đã nhập vẫn còn"));
                return SAVE_STAY;
            }
        }
        switch (form_conflict_run(f)) {
        case MERGE_SAVE: form_merge_apply(f); continue;
        case MERGE_BACK:
            form_merge_apply(f);
            snprintf(f->msg, sizeof f->msg, "%s", _("Đã gộp với bản mới nhất; chưa lưu: F2 để lưu"));
            f->msg_sticky = 0;
            return SAVE_STAY;
        case MERGE_TAKE_THEIRS:
            form_merge_all(f, 1);
            form_merge_apply(f);
            f->took_theirs = 1;
            return SAVE_THEIRS;
        case MERGE_RESIZED: return SAVE_RESIZED;
        default: return SAVE_ENDED;
        }
    }
}
