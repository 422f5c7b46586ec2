/* signals: Ctrl-C, a hung-up SSH link (SIGHUP) and SIGTERM must not drop what a user typed.
 * The handlers only set flags (no curses in a signal handler); the interrupted read comes
 * back as a pseudo key through input_wch(): Ctrl-C acts as Esc (a form asks before it
 * drops changes; the lists quit), a hang-up keeps an open form's typing as a draft that
 * the next start offers back, then ntm ends. */
#ifndef NTM_SIGNALS_H
#define NTM_SIGNALS_H

/* Pseudo function keys above every ncurses key code (KEY_MAX is 0777). */
#define KEY_NTM_INTR 01001       /* Ctrl-C (SIGINT) */
#define KEY_NTM_HUP  01002       /* SIGHUP or SIGTERM: the session is ending */

void sig_install(void);
/* 1 once for each Ctrl-C. */
int  sig_take_interrupt(void);
/* 1 from the hang-up on (it does not clear). */
int  sig_hangup(void);
#endif
