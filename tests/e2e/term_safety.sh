# term_safety: text from the database never reaches the terminal raw. tests/term_safety.sql
# puts ESC [2J (clear screen), an OSC 52 clipboard write (ESC ]52;c;base64 BEL), a BEL, a C1
# CSI (U+009B) and a bidi override (U+202E) into the hamlet Đức Thịnh, one of its tasks,
# its description and its report. Every screen that shows them (hamlet list, task list
# and detail, dashboard, search, go to m, the delete and undo dialogs, the status line
# after the delete, the edit form) shows placeholders ("␛[2J", "␇", "\x9b", "\u202e"; in
# ASCII mode "^[[2J", "^G"), the columns after them stay where they are on every other
# row, the top and key bars stay, and tmux's clipboard (set-clipboard on: an OSC 52 that
# got through would fill it) stays empty. A form opened on such a task refuses to save it
# until the character is gone, naming the field.
. "$(dirname "$0")/lib.sh"
make_demo
sqlite3 "$WORK/d.db" <"$(dirname "$0")/../term_safety.sql" || fail "sqlite3"
printf 'set -g set-clipboard on\n' >>"$WORK/tmux.conf"

HAMLET='Đức Thịnh ␛[2J\x9b31m'
TITLE='Thôn Đức Thịnh ␛]52;c;cHduZWQ=␇ hố ủ phân'
# col LINE TEXT: the column (in characters) where TEXT starts after LINE's first occurrence
col() {
    line=$(screen_text | grep -F -- "$1" | head -n 1)
    [ -n "$line" ] || return 1
    before="${line%%"$1"*}$1"; after="${line#*"$1"}"; gap="${after%%"$2"*}"
    [ "$gap" != "$after" ] || return 1
    echo $(( $(printf %s "$before$gap" | wc -m) ))
}
# same_col LINE1 TEXT1 LINE2 TEXT2: TEXT1 after LINE1 starts in the column of TEXT2 after LINE2
same_col() {
    a=$(col "$1" "$2") && b=$(col "$3" "$4") || fail "no '$2' after '$1' or '$4' after '$3'"
    [ "$a" = "$b" ] || fail "columns moved: '$2' at $a on the row of '$1', '$4' at $b on the row of '$3'"
}
# raw: the screen holds a C0 control (but tab), DEL, a C1 control or a bidi control as is
RAW_RE=$(printf '[\001-\010\013-\037\177]|\302[\200-\237]|\342\200[\216\217\252-\256]|\342\201[\246-\251]|\330\234')
raw() { screen_text | LC_ALL=C grep -qE "$RAW_RE"; }
# intact WHAT [nokeys]: the screen is whole (a long message may take the key bar's line)
intact() {
    [ "$(screen_text | wc -l)" -ge 29 ] || fail "$1: lines missing"
    top_line | grep -q "^ ntm │" || fail "$1: the top bar is gone"
    [ -n "${2:-}" ] || screen_text | tail -n 1 | grep -q "Trợ giúp" || fail "$1: the key bar is gone"
    ! tm show-buffer >/dev/null 2>&1 || fail "$1: an OSC 52 reached the terminal: $(tm show-buffer)"
    ! raw || fail "$1: a control character reached the terminal as it is"
}

start_ntm 100 30
wait_for "Hà Tĩnh"
select_row "Hà Tĩnh"; keys Enter
select_row "An Hòa Thịnh"; keys Enter
wait_for "$HAMLET"
same_col "$HAMLET" "0/2" "(Toàn xã)" "1/2"
same_col "$HAMLET" "27%" "(Toàn xã)" "90%"
intact "hamlet list"

select_row "Đức Thịnh"; keys Enter
wait_for "Đầu việc (2)"
top_line | grep -qF "Hà Tĩnh › An Hòa Thịnh › $HAMLET" || fail "the path: $(top_line)"
select_row "V25"
wait_for "V25 · Thôn Đức Thịnh"
assert_screen "Thôn Đức Thịnh ␛]52;c;cHduZWQ=␇…"        # cut, with its placeholders counted
same_col "V25" "31/03/2021" "V21" "03/06/2021"
same_col "V25" "│" "V21" "│"
assert_screen "␛]52;c;cHduZWQ=␇ hố ủ phân"
assert_screen "Phụ trách: $HAMLET"
assert_screen 'Mô tả: Mô tả \u202engược␛[2J hết'
assert_screen '␛[2J␇\x9b0m xong\u202e'
intact "task list"

keys /; type_text "phan"
wait_for "Tìm: phan"
wait_gone "V21"
assert_screen "Thôn Đức Thịnh ␛]52;c;cHduZWQ=␇…"
keys Escape; wait_for "V21"
select_row "V25"

keys e
wait_for "Sửa đầu việc"
screen_text | grep -qF "Tên đầu việc *  $TITLE " || fail "the form's title field"
keys End; type_text " x"; keys F2                   # a change, so the save is tried
wait_for "có ký tự điều khiển"
assert_screen "Sửa đầu việc"                         # refused: the form stays open
keys Escape
wait_for "Bỏ"; keys c 2>/dev/null
wait_gone "Sửa đầu việc"
[ "$(sqlite3 "$WORK/d.db" "select count(*) from task where title like '% x'")" = 0 ] || fail "the refused title was saved"
intact "form"

keys d
wait_for "Xóa đầu việc \"$TITLE\" cùng 1 báo cáo"
keys c
wait_for "Đã xóa — nhấn u để hoàn tác: đầu việc \"$TITLE\""
intact "status line"
keys u
wait_for "Hoàn tác: Xóa đầu việc \"$TITLE\""
keys c
wait_for "Đã hoàn tác: Xóa đầu việc \"$TITLE\""
wait_for "V25"
intact "undo" nokeys

keys D
wait_for "Việc quá hạn lâu nhất"
assert_screen "$TITLE"
same_col "11 $HAMLET" "27%" "10 Nậy" "70%"
same_col "11 $HAMLET" "0/2" "10 Nậy" "1/6"
intact "dashboard"

keys m
wait_for "Đi tới:"
type_text "duc thinh"
wait_for "(3/3)"
screen_text | grep -E "^ Thôn +Đức Thịnh ␛\[2J\\\\x9b31m +Hà Tĩnh › An Hòa Thịnh" >/dev/null || fail "go to: the hamlet hit"
screen_text | grep -E "^ Đầu việc +Thôn Đức Thịnh ␛\]52;c;cHduZWQ=␇ hố ủ phân +An Hòa Thịnh › Đức Thịnh ␛\[2J" >/dev/null ||
    fail "go to: the task hit"
keys Escape
wait_gone "Đi tới:"
intact "go to"
quit

# ASCII mode (LANG=C, an old terminal): "^[" and "^G", the same columns
start_ntm 100 30 LANG=C
wait_for "Ngay: 20/06/2022"                  # opens where it was left
keys m; type_text "duc thinh"
wait_for "Duc Thinh ^[[2J\x9b31m"
keys Enter
wait_for "Dau viec (2)"
select_row "V25"
wait_for "^[]52;c;cHduZWQ=^G ho u phan"
same_col "V25" "31/03/2021" "V21" "03/06/2021"
keys e
wait_for "Sua dau viec"
assert_screen "Ten dau viec *  Thon Duc Thinh ^[]52;c;cHduZWQ=^G ho u phan "
keys Escape
wait_gone "Sua dau viec"
! tm show-buffer >/dev/null 2>&1 || fail "ASCII mode: an OSC 52 reached the terminal"
quit
echo "ok: term_safety"
