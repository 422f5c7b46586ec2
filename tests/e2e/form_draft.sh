# form_draft: Ctrl-C in a form with unsaved typing asks before dropping it (as Esc does)
# instead of killing ntm; a hung-up SSH link (the terminal closed under ntm: SIGHUP) keeps
# the typing as a draft that the next start offers back and the same form fills in again.
. "$(dirname "$0")/lib.sh"
make_demo
start_ntm 80 24
wait_for "Hà Tĩnh"
select_row "Hà Tĩnh"; keys Enter
wait_for "Xã ("
select_row "An Hòa Thịnh"; keys Enter
wait_for "Thôn (11)"

keys n
wait_for "Thêm thôn mới"
type_text "Tân Lập"
keys C-c
wait_for "Bỏ các thay đổi chưa lưu?"
keys n                                   # no: back in the form, the typing kept
wait_gone "Bỏ các thay đổi chưa lưu?"
assert_screen "Tân Lập"
alive || fail "Ctrl-C ended ntm"

keys Tab
type_text "1250"                         # population
stop_tmux                                # the terminal goes away under ntm (SIGHUP)
sleep 0.5
pgrep -f "$NTM_BIN --db $WORK/d.db" >/dev/null && fail "ntm still running after the hang-up"
[ "$(sqlite3 "$WORK/d.db" "select count(*) from unit where name = 'Tân Lập'")" = 0 ] || fail "saved without F2"

start_ntm 80 24
wait_for "bản nháp chưa lưu"
assert_screen "Thêm thôn mới"
select_row "Hà Tĩnh"; keys Enter
wait_for "Xã ("
select_row "An Hòa Thịnh"; keys Enter
wait_for "Thôn (11)"
keys n
wait_for "Đã điền lại bản nháp"
assert_screen "Tân Lập"
assert_screen "1250"
keys F2
wait_for 'Đã lưu thôn "Tân Lập"'
[ "$(sqlite3 "$WORK/d.db" "select population from unit where name = 'Tân Lập'")" = 1250 ] || fail "draft values not saved"
quit
start_ntm 80 24                          # the draft is used up
wait_for "Hà Tĩnh"
assert_absent "bản nháp"
keys C-c                                 # Ctrl-C on a list ends ntm cleanly (the shell
n=0                                      # around it dies of the same SIGINT: watch ntm itself)
while pgrep -f "$NTM_BIN --db $WORK/d.db" >/dev/null && [ $n -lt 50 ]; do sleep 0.1; n=$((n + 1)); done
pgrep -f "$NTM_BIN --db $WORK/d.db" >/dev/null && fail "Ctrl-C on a list did not end ntm"
if grep -qE 'Sanitizer|runtime error' "$WORK/stderr" 2>/dev/null; then fail "sanitizer report"; fi
