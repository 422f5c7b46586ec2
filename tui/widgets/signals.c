/* signals: flags only; no SA_RESTART, so a blocked read returns and the key loop sees it. */
#include "tui/widgets/signals.h"
#include <signal.h>
#include <string.h>

static volatile sig_atomic_t interrupted, hung_up;

static void on_int(int sig) { (void)sig; interrupted = 1; }
static void on_hup(int sig) { (void)sig; hung_up = 1; }

void sig_install(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_int;
    sigaction(SIGINT, &sa, NULL);
    sa.sa_handler = on_hup;
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sa.sa_handler = SIG_IGN;          /* writing to a closed SSH link must not kill us mid-save */
    sigaction(SIGPIPE, &sa, NULL);
}

int sig_take_interrupt(void)
{
    if (!interrupted) return 0;
    interrupted = 0;
    return 1;
}

int sig_hangup(void) { return hung_up != 0; }
