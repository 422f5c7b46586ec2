/* print_cmd: fork + execvp the configured print command with the PDF as its last word. */
#include "reports/print_cmd.h"
#include "model/i18n.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int print_split(const char *cmd, char *buf, size_t bufn, char **words, int max)
{
    size_t o = 0;
    int n = 0;
    const char *p = cmd;
    while (*p) {
        while (*p == ' ' || *p == '\t') p++;
        if (!*p) break;
        if (n >= max - 1) return -1;
        words[n++] = buf + o;
        char quote = 0;
        for (; *p && (quote || (*p != ' ' && *p != '\t')); p++) {
            if (!quote && (*p == '"' || *p == '\'')) { quote = *p; continue; }
            if (quote && *p == quote) { quote = 0; continue; }
            if (o + 1 >= bufn) return -1;
            buf[o++] = *p;
        }
        if (quote) return -1;
        if (o + 1 >= bufn) return -1;
        buf[o++] = 0;
    }
    words[n] = NULL;
    return n;
}

int report_print(const ntm_config *cfg, const char *pdf, char *msg, size_t n)
{
    char buf[NTM_LINE_MAX * 2];
    char *argv[34];
    if (!cfg->print_command[0]) {
        snprintf(msg, n, _("Chưa đặt lệnh in ([output] print_command). Tệp ở: %s (tải về qua SFTP)"), pdf);
        return 1;
    }
    int w = print_split(cfg->print_command, buf, sizeof buf, argv, 33);
    if (w <= 0) {
        snprintf(msg, n, _("Lệnh in không đọc được: %s"), cfg->print_command);
        return -1;
    }
    argv[w] = (char *)pdf;
    argv[w + 1] = NULL;
    int errpipe[2];
    if (pipe(errpipe) != 0) { snprintf(msg, n, "pipe: %s", strerror(errno)); return -1; }
    pid_t pid = fork();
    if (pid < 0) { close(errpipe[0]); close(errpipe[1]); snprintf(msg, n, "fork: %s", strerror(errno)); return -1; }
    if (pid == 0) {
        /* The child must not write on the curses screen: output goes nowhere, and an
         * exec failure is reported through the pipe. */
        int null = open("/dev/null", O_RDWR);
        if (null >= 0) { dup2(null, 0); dup2(null, 1); dup2(null, 2); }
        close(errpipe[0]);
        fcntl(errpipe[1], F_SETFD, FD_CLOEXEC);
        execvp(argv[0], argv);
        int e = errno;
        if (write(errpipe[1], &e, sizeof e) < 0) _exit(127);
        _exit(127);
    }
    close(errpipe[1]);
    int child_errno = 0, status = 0;
    ssize_t got = read(errpipe[0], &child_errno, sizeof child_errno);
    close(errpipe[0]);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    if (got == (ssize_t)sizeof child_errno) {
        snprintf(msg, n, _("Không chạy được lệnh in \"%s\": %s"), argv[0], strerror(child_errno));
        return -1;
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        snprintf(msg, n, _("Lệnh in \"%s\" báo lỗi (mã %d). Tệp ở: %s"),
                 cfg->print_command, WIFEXITED(status) ? WEXITSTATUS(status) : -1, pdf);
        return -1;
    }
    snprintf(msg, n, _("Đã gửi in: %s"), pdf);
    return 0;
}
