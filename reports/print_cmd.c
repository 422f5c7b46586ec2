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

int run_argv(char *const argv[], int quiet, int *why)
{
    int errpipe[2];
    *why = 0;
    if (pipe(errpipe) != 0) { *why = errno; return -2; }
    pid_t pid = fork();
    if (pid < 0) { *why = errno; close(errpipe[0]); close(errpipe[1]); return -2; }
    if (pid == 0) {
        if (quiet) {
            int null = open("/dev/null", O_RDWR);
            if (null >= 0) { dup2(null, 0); dup2(null, 1); dup2(null, 2); }
        }
        close(errpipe[0]);
        fcntl(errpipe[1], F_SETFD, FD_CLOEXEC);   /* closed by a successful exec: read sees EOF */
        execvp(argv[0], argv);
        int e = errno;
        if (write(errpipe[1], &e, sizeof e) < 0) _exit(127);
        _exit(127);
    }
    close(errpipe[1]);
    int e = 0, status = 0;
    ssize_t got = read(errpipe[0], &e, sizeof e);
    close(errpipe[0]);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    if (got == (ssize_t)sizeof e) { *why = e; return -2; }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
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
    int why = 0, status = run_argv(argv, 1, &why);
    if (status == -2) {
        snprintf(msg, n, _("Không chạy được lệnh in \"%s\": %s"), argv[0], strerror(why));
        return -1;
    }
    if (status != 0) {
        snprintf(msg, n, _("Lệnh in \"%s\" báo lỗi (mã %d). Tệp ở: %s"), cfg->print_command, status, pdf);
        return -1;
    }
    snprintf(msg, n, _("Đã gửi in: %s"), pdf);
    return 0;
}
