/* app: start-up (locale, terminal, keys, colour), the windows, the loop, resize.
 *
 * The screen is five windows: top bar, list, detail (optional), status line, key bar.
 * Keys are read from stdscr, on which nothing is drawn: paint() refreshes stdscr first,
 * so get_wch never has a touched stdscr to repaint over the windows.
 * Resize arrives only as KEY_RESIZE from get_wch (ncurses catches SIGWINCH); no curses
 * call is made from a signal handler.
 *
 * Test hook: NTM_EXIT_AFTER_PAINT=1 returns right after the first screen is on the
 * terminal, so `time ntm` in a terminal (or tmux) measures the first paint. */
#include "tui/app.h"
#include "tui/actions.h"
#include "tui/bars.h"
#include "tui/widgets/draw.h"
#include "tui/widgets/form.h"
#include "tui/widgets/input.h"
#include "tui/widgets/signals.h"
#include "tui/keymap.h"
#include "tui/screen.h"
#include "tui/screens/dash.h"
#include "model/i18n.h"
#include "model/ui_state.h"
#include <ctype.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

enum { MIN_COLS = 80, MIN_ROWS = 24, DETAIL_RIGHT_FROM = 100, ESC_LOCAL_MS = 50, ESC_SSH_MS = 200, TYPEAHEAD = 32 };

static int codeset_is_utf8(void)
{
    const char *c = nl_langinfo(CODESET);
    return c && (!strcasecmp(c, "UTF-8") || !strcasecmp(c, "utf8"));
}

/* What the terminal was told to speak: the first of LC_ALL, LC_CTYPE, LANG that is set. */
static int env_names_utf8(void)
{
    const char *vars[] = { "LC_ALL", "LC_CTYPE", "LANG" };
    for (int i = 0; i < 3; i++) {
        const char *v = getenv(vars[i]);
        if (!v || !v[0]) continue;
        char low[128];
        size_t n = 0;
        for (; v[n] && n < sizeof low - 1; n++) low[n] = (char)tolower((unsigned char)v[n]);
        low[n] = 0;
        return strstr(low, "utf-8") || strstr(low, "utf8");
    }
    return 0;
}

/* ncursesw needs a UTF-8 locale for get_wch and wide output even when the terminal is not
 * UTF-8 (we then send it ASCII only). Numbers stay in the C locale: printf and strtod
 * elsewhere expect the decimal point. Returns 1 when the terminal can show UTF-8. */
static int setup_locale(void)
{
    setlocale(LC_ALL, "");
    if (!codeset_is_utf8()) setlocale(LC_ALL, "C.UTF-8");
    setlocale(LC_NUMERIC, "C");
    return codeset_is_utf8() && env_names_utf8();
}

/* PuTTY's default Home/End (ESC[1~ ESC[4~) and F1-F4 (ESC[11~..ESC[14~) are not in the
 * xterm entry; rxvt-style Home/End neither. Teach them where the entry lacks them. */
static void define_keys(void)
{
    static const struct { const char *seq; int key; } k[] = {
        { "\033[1~", KEY_HOME }, { "\033[4~", KEY_END }, { "\033[7~", KEY_HOME }, { "\033[8~", KEY_END },
        { "\033[H", KEY_HOME }, { "\033[F", KEY_END },
        { "\033[11~", KEY_F(1) }, { "\033[12~", KEY_F(2) }, { "\033[13~", KEY_F(3) }, { "\033[14~", KEY_F(4) },
    };
    for (size_t i = 0; i < sizeof k / sizeof k[0]; i++)
        if (key_defined(k[i].seq) == 0) define_key(k[i].seq, k[i].key);
}

static int want_color(const ntm_config *cfg)
{
    if (cfg->color == NTM_COLOR_NEVER || !has_colors()) return 0;
    if (cfg->color == NTM_COLOR_AUTO) {
        const char *no = getenv("NO_COLOR");      /* no-color.org: set and not empty */
        if (no && no[0]) return 0;
    }
    return start_color() == OK;
}

static void drop_windows(tui *t)
{
    WINDOW **w[] = { &t->top, &t->list, &t->detail, &t->status, &t->bar };
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        if (*w[i]) { delwin(*w[i]); *w[i] = NULL; }
}

static WINDOW *win(int h, int w, int y, int x)
{
    WINDOW *n = newwin(h, w, y, x);
    if (n) leaveok(n, TRUE);
    return n;
}

/* Body between the top bar and the two bottom lines: the list, and the detail pane to its
 * right on wide terminals or under it on 80-column ones. */
static void layout(tui *t)
{
    drop_windows(t);
    getmaxyx(stdscr, t->rows, t->cols);
    t->too_small = t->rows < MIN_ROWS || t->cols < MIN_COLS;
    werase(stdscr);                     /* the too-small message, if it was there */
    if (t->too_small) return;
    int body = t->rows - 3;
    screen *s = tui_top(t);
    t->top = win(1, t->cols, 0, 0);
    t->status = win(1, t->cols, t->rows - 2, 0);
    t->bar = win(1, t->cols, t->rows - 1, 0);
    if (!s || !s->has_detail || !t->show_detail) {
        t->list = win(body, t->cols, 1, 0);
    } else if (t->cols >= DETAIL_RIGHT_FROM) {
        int dw = t->cols * 3 / 8 > 60 ? 60 : t->cols * 3 / 8;
        t->detail_below = 0;
        t->list = win(body, t->cols - dw, 1, 0);
        t->detail = win(body, dw, 1, t->cols - dw);
    } else {
        int dh = body * 9 / 20;
        t->detail_below = 1;
        t->list = win(body - dh, t->cols, 1, 0);
        t->detail = win(dh, t->cols, 1 + body - dh, 0);
    }
    if (!t->top || !t->status || !t->bar || !t->list) { drop_windows(t); t->too_small = 1; }
}

static void paint_small(tui *t)
{
    char msg[200];
    snprintf(msg, sizeof msg, _("Cửa sổ quá nhỏ: cần tối thiểu %dx%d, hiện là %dx%d. Hãy phóng to cửa sổ (q để thoát)."),
             MIN_COLS, MIN_ROWS, t->cols, t->rows);
    werase(stdscr);
    if (t->cols > 2) draw_wrap(stdscr, t->rows / 2 - 1 > 0 ? t->rows / 2 - 1 : 0, 1, t->cols - 2, t->rows, msg);
    wnoutrefresh(stdscr);
}

static void paint(tui *t, int flags)
{
    screen *s = tui_top(t);
    if (flags & RELOAD) flags |= s->ops->reload(s, t);
    if (flags & RELAYOUT) layout(t);
    wnoutrefresh(stdscr);
    if (t->too_small) { paint_small(t); doupdate(); return; }
    if (flags & REDRAW_TOP) { bars_top(t); wnoutrefresh(t->top); }
    if (flags & (REDRAW_LIST | REDRAW_DETAIL)) s->ops->draw(s, t, flags);
    if (flags & REDRAW_LIST) wnoutrefresh(t->list);
    if ((flags & REDRAW_DETAIL) && t->detail) wnoutrefresh(t->detail);
    flags |= t->pending;                /* drawing may have left a message */
    t->pending = 0;
    if (flags & REDRAW_STATUS) {
        bars_status(t);
        bars_keys(t);
        wnoutrefresh(t->status);
        wnoutrefresh(t->bar);
    }
    doupdate();
}

/* For a form or dialog that came back after a resize (FORM_RESIZED...): lay out and
 * paint the screens now, before it opens again. */
void tui_repaint(tui *t, int flags)
{
    if (tui_top(t)) paint(t, flags | RELAYOUT | REDRAW_ALL);
}

/* One key as the keymap counts them; 0 when none (non-blocking) or on error. */
static int read_key(int block, int *code)
{
    wint_t wc;
    timeout(block ? -1 : 0);
    int r = input_wch(stdscr, &wc);
    if (r == ERR) return 0;
    *code = r == KEY_CODE_YES ? KEY_FN((int)wc) : (int)wc;
    return 1;
}

/* Keys already typed are handled before the next paint, so a held j over a slow SSH
 * link does not paint every step. Errors in a row mean the terminal is gone. */
static void loop(tui *t)
{
    int flags = RELAYOUT | REDRAW_ALL, errors = 0, code;
    const char *once = getenv("NTM_EXIT_AFTER_PAINT");
    for (;;) {
        paint(t, flags);
        if (once && once[0] == '1') return;
        if (!read_key(1, &code)) {
            if (++errors > 100) return;
            flags = 0;
            continue;
        }
        errors = 0;
        if (code == KEY_FN(KEY_NTM_INTR) || code == KEY_FN(KEY_NTM_HUP)) return;   /* nothing unsaved here */
        flags = tui_key(t, code);
        for (int i = 0; i < TYPEAHEAD && !(flags & QUIT) && read_key(0, &code); i++)
            flags |= code == KEY_FN(KEY_NTM_INTR) || code == KEY_FN(KEY_NTM_HUP) ? QUIT : tui_key(t, code);
        if (sig_hangup()) return;        /* a form kept its typing as a draft */
        unsigned char first;
        if (input_take_dropped(&first)) {
            char hint[300];
            input_dropped_hint(first, hint, sizeof hint);
            tui_message(t, 1, "%s", hint);
            flags |= REDRAW_STATUS;
        }
        if (flags & QUIT) return;
    }
}

/* How long ncurses waits after Esc for the rest of an arrow or F-key sequence: short on
 * the machine itself (Esc feels instant), longer over SSH, where a sequence can arrive in
 * pieces; ntm.ini [ui] esc_delay, or ncurses' own ESCDELAY, say otherwise. */
static int esc_delay(const ntm_config *cfg)
{
    const char *env = getenv("ESCDELAY");
    if (cfg->esc_delay_ms > 0) return cfg->esc_delay_ms;
    if (env && *env && atoi(env) > 0) return atoi(env);
    return getenv("SSH_CONNECTION") || getenv("SSH_TTY") ? ESC_SSH_MS : ESC_LOCAL_MS;
}

static SCREEN *start_terminal(const ntm_config *cfg)
{
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        fprintf(stderr, "ntm: %s\n", _("giao diện toàn màn hình cần một terminal (xem ntm --help để dùng lệnh)"));
        return NULL;
    }
    SCREEN *sc = newterm(NULL, stdout, stdin);
    if (!sc) {
        const char *term = getenv("TERM");
        fprintf(stderr, _("ntm: không dùng được terminal \"%s\"; thử TERM=xterm\n"), term ? term : "");
        return NULL;
    }
    set_escdelay(esc_delay(cfg));    /* ncurses' 1 s makes Esc feel dead */
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    leaveok(stdscr, TRUE);
    curs_set(0);
    define_keys();
    return sc;
}

/* Drafts live in the database, per Unix user (ui_state "draft"). */
static int draft_save(void *db, const char *text) { return ui_state_set(db, "draft", text) == DB_OK ? 0 : -1; }
static int draft_load(void *db, char *out, size_t n)
{
    return ui_state_get(db, "draft", out, n) == DB_OK && out[0] ? 0 : -1;
}
static void draft_drop(void *db) { ui_state_set(db, "draft", ""); }

static void offer_draft(tui *t)
{
    char title[600], when[32];
    if (form_draft_pending(title, sizeof title, when, sizeof when)) return;
    tui_message(t, 0, _("Có bản nháp chưa lưu lúc %s: \"%s\". Mở lại biểu mẫu đó, bản nháp sẽ được điền lại."),
                when, title);
}

int tui_run(ntm_db *db, const ntm_config *cfg)
{
    int utf8 = setup_locale();
    SCREEN *sc = start_terminal(cfg);
    if (!sc) return 1;
    tui t = { .db = db, .cfg = cfg, .show_detail = 1 };
    draw_setup(!utf8, want_color(cfg));
    draw_colors_init();
    if (!utf8)
        tui_message(&t, 0, "%s", _("Terminal không dùng UTF-8: hiển thị không dấu. PuTTY: Window → Translation → UTF-8"));
    sig_install();
    form_set_drafts(&(form_drafts){ draft_save, draft_load, draft_drop, db });
    offer_draft(&t);
    if (db_notice(db)[0]) tui_message(&t, 0, "%s", db_notice(db));   /* e.g. no daily backup: why */
    tui_push(&t, dash_start(&t));
    int started = t.depth > 0;
    if (started) loop(&t);
    tui_pop_to(&t, 0);
    drop_windows(&t);
    endwin();
    delscreen(sc);
    if (!started) fprintf(stderr, "ntm: %s\n", t.msg);
    return started ? 0 : 1;
}
