# lib.sh: helpers for the end-to-end tests, which drive the real binary in tmux the way a
# user at a terminal would and read the screen back as text. Sourced by each test:
#   . "$(dirname "$0")/lib.sh"
# Needs NTM_BIN (the binary under test) and WORK (a fresh folder; also the HOME of ntm).
# E2E_TIMEOUT: seconds to wait for a screen (default 5; raise it for slow builds).
set -u
: "${NTM_BIN:?NTM_BIN must name the ntm binary under test}"
: "${WORK:?WORK must name a fresh temporary folder}"
case "$NTM_BIN" in /*) ;; *) NTM_BIN=$(pwd)/$NTM_BIN ;; esac
NTM_TODAY=${NTM_TODAY:-2022-06-20}        # the demo's own "as of" date
E2E_TIMEOUT=${E2E_TIMEOUT:-5}
SOCK=ntm$$                                # one tmux server per test run
ESC=$(printf '\033')

printf 'set -g status off\nset -g history-limit 0\n' >"$WORK/tmux.conf"
tm() { tmux -u -L "$SOCK" -f "$WORK/tmux.conf" "$@"; }
SOCK_PATH=${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCK

# Stop our tmux server and remove its socket (tmux 3.3 leaves it behind): a client that
# found the socket of a server still exiting would fail with "server exited unexpectedly".
stop_tmux() {
    tm kill-server 2>/dev/null
    rm -f "$SOCK_PATH"
}
trap stop_tmux EXIT
trap 'exit 1' INT TERM

screen_text() { tm capture-pane -p -t ntm 2>/dev/null; }
screen_attrs() { tm capture-pane -e -p -t ntm 2>/dev/null; }

fail() {
    echo "FAIL: $*"
    echo "--- screen ---"; screen_text
    if [ -s "$WORK/stderr" ]; then echo "--- stderr ---"; cat "$WORK/stderr"; fi
    exit 1
}

make_demo() {
    rm -f "$WORK/d.db"
    "$NTM_BIN" demo "$WORK/d.db" >"$WORK/demo.log" 2>&1 || { cat "$WORK/demo.log"; echo "FAIL: ntm demo"; exit 1; }
}

# start_ntm COLS ROWS [VAR=value...] [-- ntm arguments]
# Runs ntm in a detached tmux session of that size, with a clean environment; its exit
# status lands in $WORK/status and its stderr in $WORK/stderr. Default arguments: --db $WORK/d.db.
start_ntm() {
    cols=$1 rows=$2; shift 2
    vars=""
    while [ $# -gt 0 ] && [ "$1" != -- ]; do vars="$vars $1"; shift; done
    [ $# -gt 0 ] && shift
    args=${*:---db $WORK/d.db}
    san=""                                 # sanitizer builds: keep their options
    for v in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do
        eval "val=\${$v:-}"
        [ -n "$val" ] && san="$san $v=$val"
    done
    rm -f "$WORK/status" "$WORK/stderr"
    stop_tmux
    cat >"$WORK/run.sh" <<EOF
env -i HOME=$WORK LANG=C.UTF-8 TERM=xterm TZ=UTC NTM_TODAY=$NTM_TODAY PATH=/usr/bin:/bin $san $vars $NTM_BIN $args 2>$WORK/stderr
echo \$? >$WORK/status
EOF
    tm new-session -d -s ntm -x "$cols" -y "$rows" "sh $WORK/run.sh" || fail "tmux did not start"
}

keys() { tm send-keys -t ntm "$@"; }                 # tmux key names: Enter Escape Up j ...
type_text() { tm send-keys -t ntm -l "$1"; }         # literal text, typed as is

# wait_for TEXT [SECONDS]: poll the screen every 0.1 s until TEXT shows.
wait_for() {
    tries=$(( ${2:-$E2E_TIMEOUT} * 10 ))
    while [ "$tries" -gt 0 ]; do
        screen_text | grep -qF -- "$1" && return 0
        [ -f "$WORK/status" ] && fail "ntm exited (status $(cat "$WORK/status")) while waiting for: $1"
        sleep 0.1
        tries=$((tries - 1))
    done
    fail "did not see on screen: $1"
}

# wait_gone TEXT: poll until TEXT is no longer on the screen.
wait_gone() {
    tries=$(( E2E_TIMEOUT * 10 ))
    while [ "$tries" -gt 0 ]; do
        screen_text | grep -qF -- "$1" || return 0
        sleep 0.1
        tries=$((tries - 1))
    done
    fail "still on screen: $1"
}

assert_screen() { screen_text | grep -qF -- "$1" || fail "not on screen: $1"; }
assert_absent() { ! screen_text | grep -qF -- "$1" || fail "should not be on screen: $1"; }
top_line() { screen_text | head -n 1; }

# The selected row: the one drawn in reverse video (no colour) or in the selection colour
# (cyan background), leaving out the top bar and the key bar, which use the same look.
selected_row() {
    screen_attrs | sed '1d;$d' | grep -E "${ESC}\[([0-9;]*;)?(7|46)m" | head -n 1
}

# select_row TEXT: go to the first row, then down until the selected row shows TEXT.
select_row() {
    keys g
    n=0
    while [ $n -lt 60 ]; do
        sleep 0.1
        selected_row | grep -qF -- "$1" && return 0
        keys j
        n=$((n + 1))
    done
    fail "could not select a row with: $1"
}

alive() { [ ! -f "$WORK/status" ] && tm has-session -t ntm 2>/dev/null; }

# wait_exit: ntm ended with status 0 and its stderr holds no sanitizer report.
wait_exit() {
    tries=$(( E2E_TIMEOUT * 10 ))
    while [ ! -f "$WORK/status" ] && [ "$tries" -gt 0 ]; do sleep 0.1; tries=$((tries - 1)); done
    [ -f "$WORK/status" ] || fail "ntm did not exit"
    st=$(cat "$WORK/status")
    [ "$st" = 0 ] || fail "ntm exited with status $st"
    if grep -qE 'Sanitizer|runtime error' "$WORK/stderr" 2>/dev/null; then fail "sanitizer report"; fi
}

# quit: q, then the process must be gone with status 0.
quit() { keys q; wait_exit; }
# open_hamlet COMMUNE HAMLET: from the province list, down to the hamlet's task list.
open_hamlet() {
    select_row "Hà Tĩnh"; keys Enter
    wait_for "Xã ("
    select_row "$1"; keys Enter
    wait_for "Thôn ("
    select_row "$2"; keys Enter
    wait_for "Đầu việc ("
}
