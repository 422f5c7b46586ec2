/* dialog: small centred windows over the screen: a yes/no question, a message, a
 * one-line prompt; and the frame, key reading and screen save/restore that the form
 * and the picker use too.
 *
 * Every call puts the screen back as it was when it returns (a copy of curscr taken
 * on entry), so the caller need not repaint, except after DLG_RESIZED: the terminal
 * changed size, nothing was decided, and the caller lays out and repaints its own
 * windows, then calls again (a prompt keeps what was typed in buf).
 *
 * Keys: Enter accepts, Esc or F10 cancels. Answers to a question: c (có) or y = yes,
 * k (không) or n = no; Enter = the default; Esc = no. */
#ifndef NTM_DIALOG_H
#define NTM_DIALOG_H
#include <curses.h>
#include <stddef.h>
#include <wchar.h>

enum { DLG_RESIZED = -2, DLG_NO = 0, DLG_CANCEL = 0, DLG_YES = 1, DLG_OK = 1 };

/* "Bỏ các thay đổi chưa lưu?" -> shown with " (c/k)" (English: " (y/n)"). */
int dialog_confirm(const char *question, int default_yes);
/* A message (wrapped when longer than a line) until a key is pressed. error: red, "!". */
int dialog_message(const char *title, const char *text, int error);
/* One line of text: buf (size bytes) holds the initial text and receives the NFC
 * result on DLG_OK, or what was typed so far on DLG_RESIZED; on DLG_CANCEL it is left
 * unchanged. max_chars: 0 = as many as fit in buf. error: shown under the field
 * (NULL: none), for asking again after the caller refused the answer. */
int dialog_prompt(const char *title, const char *label, const char *error,
                  char *buf, size_t size, size_t max_chars);

/* ---- shared with form.c and picker.c ---- */

/* The screen under a dialog, and the cursor state, kept while it is open. */
typedef struct dialog_saved { WINDOW *under; int cursor; } dialog_saved;
void dialog_save(dialog_saved *s);
/* Put back what was under the dialog (restore 0 after a resize: the caller repaints). */
void dialog_restore(dialog_saved *s, int restore);
/* A window of h x w centred on the screen (clipped to it), keypad on. NULL when the
 * terminal is smaller than 10x3 (the widgets then give up: cancel, not resized, so a
 * caller that loops on RESIZED does not spin). */
WINDOW *dialog_window(int h, int w);
/* Clear w and draw its border with the title on the top line (ASCII in ASCII mode). */
void dialog_frame(WINDOW *w, const char *title);
/* Read a key from w: OK or KEY_CODE_YES as get_wch; ERR only when the terminal is
 * gone (many errors in a row). */
int dialog_key(WINDOW *w, wint_t *wc);
/* Put w on the terminal (wnoutrefresh + doupdate), then dialog_key: how every widget's
 * paint-then-read loop ends. */
int dialog_show_key(WINDOW *w, wint_t *wc);
int dialog_is_enter(int rc, wint_t wc);
int dialog_is_cancel(int rc, wint_t wc);       /* Esc, F10, Ctrl-C */
/* An answer key: c/C/y/Y -> DLG_YES, k/K/n/N -> DLG_NO, anything else -1. */
int dialog_answer(int rc, wint_t wc);
/* Lines draw_wrap will use for s in width columns (at most max). */
int dialog_wrapped_lines(const char *s, int width, int max);
#endif
