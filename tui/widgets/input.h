/* input: keys from the terminal, as wget_wch gives them, but safe against bytes that are
 * not UTF-8. ncurses' own wget_wch keeps appending bytes to an invalid sequence until its
 * buffer is full, swallowing every key typed after one stray byte (PuTTY with a Windows
 * code page, Unikey in TCVN3 mode): to the user the program looks hung. */
#ifndef NTM_INPUT_H
#define NTM_INPUT_H
#include <curses.h>

/* Like wget_wch(w, wc): OK with a character, KEY_CODE_YES with a function key, ERR when
 * none came within w's timeout. Bytes that do not form UTF-8 are dropped and counted.
 * Ctrl-C and a hang-up come as KEY_CODE_YES with KEY_NTM_INTR / KEY_NTM_HUP (signals.h). */
int input_wch(WINDOW *w, wint_t *wc);
/* The bytes dropped since the last call (0 when none), and the first of them. */
int input_take_dropped(unsigned char *first);
/* The hint to show when bytes were dropped: which byte, and what to set in the terminal
 * (UI language). */
void input_dropped_hint(unsigned char first, char *out, size_t n);
#endif
