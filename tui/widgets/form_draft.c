/* form_draft: what a form held when the session ended, as lines of text:
 *   ntm-draft 1 / when 20/06/2022 10:32 / title <title> / f <i> <kind> <value>
 * values with \\, \t and \n escaped; a reference as "<id> <label>". */
#include "tui/widgets/form_internal.h"
#include "model/i18n.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DRAFT_MAX 65536

static form_drafts store;

void form_set_drafts(const form_drafts *d) { store = d ? *d : (form_drafts){ 0 }; }

static void put_escaped(char *out, size_t n, size_t *len, const char *s)
{
    for (; s && *s && *len + 3 < n; s++) {
        if (*s == '\\' || *s == '\t' || *s == '\n') {
            out[(*len)++] = '\\';
            out[(*len)++] = *s == '\t' ? 't' : *s == '\n' ? 'n' : '\\';
        } else out[(*len)++] = *s;
    }
    out[*len] = 0;
}

static void unescape(char *s)
{
    char *w = s;
    for (; *s; s++) {
        if (*s == '\\' && s[1]) { s++; *w++ = *s == 't' ? '\t' : *s == 'n' ? '\n' : *s; }
        else *w++ = *s;
    }
    *w = 0;
}

int form_draft_keep(form *f)
{
    if (!store.save || !form_changed(f)) return -1;
    char *out = malloc(DRAFT_MAX), when[32];
    if (!out) return -1;
    time_t now = time(NULL);
    struct tm tm;
    strftime(when, sizeof when, "%d/%m/%Y %H:%M", localtime_r(&now, &tm));
    size_t len = (size_t)snprintf(out, DRAFT_MAX, "ntm-draft 1\nwhen %s\ntitle ", when);
    put_escaped(out, DRAFT_MAX, &len, f->title);
    for (int i = 0; i < f->n && len + 64 < DRAFT_MAX; i++) {
        const field *fl = &f->fs[i];
        len += (size_t)snprintf(out + len, DRAFT_MAX - len, "\nf %d %d ", i, (int)f->spec[i].kind);
        if (f->spec[i].kind == FORM_ENUM) len += (size_t)snprintf(out + len, DRAFT_MAX - len, "%d", fl->choice);
        else if (f->spec[i].kind == FORM_REF) {
            len += (size_t)snprintf(out + len, DRAFT_MAX - len, "%lld ", (long long)fl->ref_id);
            put_escaped(out, DRAFT_MAX, &len, fl->ref_label);
        } else put_escaped(out, DRAFT_MAX, &len, tf_value(fl->tf));
    }
    int rc = store.save(store.ctx, out);
    free(out);
    return rc;
}

/* The line after "<key> " in text (a copy in out), or -1. */
static int line_of(const char *text, const char *key, char *out, size_t n)
{
    size_t k = strlen(key);
    for (const char *p = text; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
        if (strncmp(p, key, k) || p[k] != ' ') continue;
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p - k - 1) : strlen(p + k + 1);
        snprintf(out, n, "%.*s", (int)len, p + k + 1);
        return 0;
    }
    return -1;
}

int form_draft_pending(char *title, size_t tn, char *when, size_t wn)
{
    char *text = malloc(DRAFT_MAX);
    int rc = -1;
    if (text && store.load && store.load(store.ctx, text, DRAFT_MAX) == 0 && !strncmp(text, "ntm-draft 1\n", 12)
        && line_of(text, "title", title, tn) == 0) {
        unescape(title);
        if (line_of(text, "when", when, wn)) snprintf(when, wn, "?");
        rc = 0;
    }
    free(text);
    return rc;
}

/* One "f <i> <kind> <value>" line into its field, when the form still has that field. */
static void restore_line(form *f, char *line)
{
    int i, kind, off = 0;
    if (sscanf(line, "f %d %d %n", &i, &kind, &off) < 2 || i < 0 || i >= f->n || (int)f->spec[i].kind != kind) return;
    char *v = line + off;
    unescape(v);
    field *fl = &f->fs[i];
    if (kind == FORM_ENUM) fl->choice = atoi(v);
    else if (kind == FORM_REF) {
        char *sp = strchr(v, ' ');
        fl->ref_id = strtoll(v, NULL, 10);
        free(fl->ref_label);
        fl->ref_label = strdup(sp ? sp + 1 : "");
    } else if (fl->tf) {
        tf_set(fl->tf, v);
        fl->stale = 1;
    }
}

void form_draft_restore(form *f)
{
    char title[1024], when[32];
    if (form_draft_pending(title, sizeof title, when, sizeof when) || strcmp(title, f->title)) return;
    char *text = malloc(DRAFT_MAX);
    if (!text || store.load(store.ctx, text, DRAFT_MAX)) { free(text); return; }
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n"))
        if (line[0] == 'f' && line[1] == ' ') restore_line(f, line);
    free(text);
    store.drop(store.ctx);
    snprintf(f->msg, sizeof f->msg, _("Đã điền lại bản nháp chưa lưu lúc %s: kiểm tra rồi lưu (F2)."), when);
    f->msg_sticky = 1;
}
