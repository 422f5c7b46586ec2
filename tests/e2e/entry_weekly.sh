# entry_weekly: Nậy's Friday paper typed in one pass. w on the hamlet asks the date (today,
# a Monday: today) and the reporter once (Enter, Enter), then shows the open tasks one at
# a time. For each the script reads the title on the screen, as the officer reads the
# paper, and types: a quantity Enter and a note Enter (saved at once), "=total" for a new
# total, or a bare Enter to skip. After the last task the screen closes with "Đã lưu 3 báo
# cáo, bỏ qua 2". The progress table holds exactly those three reports. Every key sent is
# counted (a character typed is one key) and printed as "weekly: N keys for M tasks".
. "$(dirname "$0")/lib.sh"
make_demo
sq() { sqlite3 "$WORK/d.db" "$1"; }
n0=$(sq "select count(*) from progress")
open=$(sq "select count(*) from task where hamlet_id = 301 and status = 'open'")
[ "$open" = 5 ] || fail "the demo's Nậy should have 5 open tasks, has $open"

KEYS=0 CHARS=0
press() { keys "$@"; KEYS=$((KEYS + $#)); }                  # named keys: one each
text() {                                                      # typed text: one key a character
    [ -z "$1" ] && return
    type_text "$1"
    c=$(printf %s "$1" | LC_ALL=C.UTF-8 wc -m)
    KEYS=$((KEYS + c)); CHARS=$((CHARS + c))
}

start_ntm 80 24
wait_for "Hà Tĩnh"
select_row "Hà Tĩnh"; keys Enter
wait_for "Xã ("
select_row "An Hòa Thịnh"; keys Enter
wait_for "Thôn ("
select_row "Nậy"

press w
wait_for "Báo cáo tuần thôn Nậy — 5 đầu việc đang làm"
assert_screen "20/06/2022"
assert_screen "Ban phát triển thôn Nậy"      # the last reporter is filled in
press Enter Enter
i=1
while [ $i -le 5 ]; do
    wait_for "việc $i/5"
    title=$(screen_text | sed -n 4p)
    case "$title" in
        *"hố ủ phân"*) text "2"; press Enter; text "Xây thêm 2 hố"; press Enter ;;
        *"2 km hàng rào"*) text "0,3"; press Enter; text "Trồng thêm đoạn cuối thôn"; press Enter ;;
        *"cải tạo vườn"*) text "=95"; press Enter; press Enter ;;
        *"33 hệ thống"*|*"Tuyến cụm hộ"*) press Enter ;;
        *) fail "unexpected task on the weekly screen: $title" ;;
    esac
    i=$((i + 1))
done
wait_for "Đã lưu 3 báo cáo, bỏ qua 2."
wait_for "Thôn ("                           # back on the hamlet list
quit

got=$(sq "select t.title || '|' || p.report_date || '|' || round(p.qty, 6) || '|' || coalesce(p.note, '') || '|' || p.reporter
          from progress p join task t on t.id = p.task_id where p.id > (select max(id) - 3 from progress) order by p.id")
want="Thôn Nậy hoàn thành xây dựng hố ủ phân vi sinh|2022-06-20|2.0|Xây thêm 2 hố|Ban phát triển thôn Nậy
Thôn Nậy hoàn thành 2 km hàng rào xanh|2022-06-20|0.3|Trồng thêm đoạn cuối thôn|Ban phát triển thôn Nậy
Thôn Nậy 100% hoàn thành việc cải tạo vườn|2022-06-20|5.0||Ban phát triển thôn Nậy"
[ "$got" = "$want" ] || fail "progress rows:
$got"
[ "$(sq "select count(*) from progress")" = $((n0 + 3)) ] || fail "expected exactly three new reports"
[ "$(sq "select round(done_qty, 6) from task where hamlet_id = 301 and title like '%cải tạo vườn%'")" = 95.0 ] || fail "=95 did not make the total 95"
echo "weekly: $KEYS keys for 5 tasks (3 reports, 2 skipped; $CHARS of them are the quantities and notes, $((KEYS - CHARS)) are w, Enter)"
echo "ok: entry_weekly"
