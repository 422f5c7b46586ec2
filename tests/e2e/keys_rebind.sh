# keys_rebind: ntm.ini's [keys] rebinds an action by its name. With tasks.progress = J the
# task list's bar and its ? help show J for Tiến độ, J opens the progress form and p no
# longer does; `ntm keys` lists the name with J. A key another action of
# that screen has (j: down), an unknown action or a bad key stop ntm before the screen
# opens, with exit status 1 and the file:line of the [keys] line, in the file's language.
. "$(dirname "$0")/lib.sh"
make_demo
cat >"$WORK/ntm.ini" <<INI
[database]
path = $WORK/d.db

[keys]
# the progress report on the task list
tasks.progress = J
# help and quit everywhere: the messages that name them follow
help = F12
quit = Q
INI
start_ntm 80 24 -- --config "$WORK/ntm.ini"
wait_for "Hà Tĩnh"
keys Escape                              # the first screen: the hint names the quit key as bound
wait_for "Đây là màn hình đầu. Nhấn Q để thoát."
open_hamlet "An Hòa Thịnh" "Nậy"
select_row "/2 km"
bar=$(screen_text | tail -n 1)
echo "$bar" | grep -qF "J Tiến độ" || fail "the bar should show J for Tiến độ: $bar"
echo "$bar" | grep -qF "p Tiến độ" && fail "the bar still shows p: $bar"

keys p                                   # the old letter: nothing but the hint, naming F12
wait_for "Phím này không dùng ở đây. Nhấn F12 để xem các phím."
assert_absent "Tiến độ 1,4/2 km"
keys J
wait_for "Tiến độ 1,4/2 km (70%): Thôn Nậy hoàn thành 2 km hàng rào"
keys Escape
wait_gone "Tiến độ 1,4/2 km (70%)"

keys F12
wait_for "Phím trên danh sách đầu việc [tasks]"     # the screen's name in [keys]
keys j j j j j j j j                     # the progress line is on the next page at 80x24
wait_for "Báo cáo tiến độ: lần này"
screen_text | grep -qE "^ +J +Báo cáo tiến độ: lần này" || fail "the help should give J for the progress report"
screen_text | grep -qE "^ +p +Báo cáo tiến độ" && fail "the help still gives p"
keys Escape
wait_for "Đầu việc ("
keys Q; wait_exit                        # quit as bound

"$NTM_BIN" --config "$WORK/ntm.ini" keys >"$WORK/keys.txt" || fail "ntm keys failed"
sed -n '/\[tasks\]$/,/^$/p' "$WORK/keys.txt" | grep -qE "^  progress +J +Báo cáo tiến độ" ||
    fail "ntm keys should list progress with J on the task list: $(grep progress "$WORK/keys.txt")"

# Errors: before the screen, status 1, file:line.
bad() {   # bad LANGUAGE LINE-TEXT EXPECTED
    printf '[ui]\nlanguage = %s\n\n[keys]\nundo = U\n%s\n' "$1" "$2" >"$WORK/bad.ini"
    "$NTM_BIN" --config "$WORK/bad.ini" --db "$WORK/d.db" </dev/null >"$WORK/out" 2>"$WORK/err"
    st=$?
    [ "$st" = 1 ] || fail "$2: exit status $st, want 1"
    grep -qF -- "$WORK/bad.ini:6: [keys] $3" "$WORK/err" || fail "$2: stderr: $(cat "$WORK/err")"
    ! grep -q "terminal" "$WORK/err" || fail "$2: checked after the terminal"
}
bad vi "tasks.progress = j" "tasks.progress = j: phím j đã dùng cho 'down' trên danh sách đầu việc"
bad en "tasks.progress = j" "tasks.progress = j: key j is already 'down' on the task list"
bad vi "tasks.progres = J" "tasks.progres = J: không có hành động \"progres\" trên danh sách đầu việc"
bad en "progress = JJ" "progress = JJ: not a key"
echo "ok: keys_rebind"
