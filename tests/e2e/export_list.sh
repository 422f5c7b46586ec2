# export_list: x on a list writes exactly what the list shows. thôn Nậy's tasks with the
# overdue filter (!): x, Enter takes the format from ntm.ini ([output] export_format =
# csv); the file in ~/ntm-pdf holds the rows on screen, in their order (title, deadline),
# as the status line says. Sorted by progress (o) and exported again: a new file (-2),
# the first one unchanged; x then x again gives an XLSX that xlsx2csv reads back with the
# same rows. A search (/) narrows the export too, and Esc in the dialog writes nothing.
# On the dashboard x exports the ranking and X still opens the hamlets.
. "$(dirname "$0")/lib.sh"
make_demo
mkdir -p "$WORK/.config/ntm"
printf '[output]\nexport_format = csv\n' > "$WORK/.config/ntm/ntm.ini"
OUT=$WORK/ntm-pdf

# rows_of FILE [xlsx]: "title|deadline" per data row (xlsx: read through xlsx2csv)
rows_of() {
    if [ "${2:-}" = xlsx ]; then xlsx2csv "$1"; else cat "$1"; fi | python3 -c '
import csv, sys, io
data = sys.stdin.buffer.read().decode("utf-8-sig")
rows = list(csv.reader(io.StringIO(data, newline="")))
c = {h: i for i, h in enumerate(rows[0])}
for r in rows[1:]: print(r[c["Nội dung"]] + "|" + r[c["Hạn"]])'
}
# the task rows on screen: the list has no detail pane (v), so the titles are whole
screen_rows() { screen_text | sed -n '3,$p' | grep -E '^ [!✓○·x-] ' ; }
# every file row is the screen row at the same place: its title and its deadline
same_as_screen() {
    rows_of "$1" ${2:-} > "$WORK/file_rows"
    screen_rows > "$WORK/screen_rows"
    [ "$(wc -l < "$WORK/file_rows")" = "$(wc -l < "$WORK/screen_rows")" ] ||
        fail "$1: $(wc -l < "$WORK/file_rows") rows in the file, $(wc -l < "$WORK/screen_rows") on screen"
    i=0
    while IFS='|' read -r title deadline; do
        i=$((i + 1))
        line=$(sed -n "${i}p" "$WORK/screen_rows")
        case "$line" in *"$title"*"$deadline"*) ;; *) fail "$1 row $i: '$title' $deadline, screen: $line";; esac
    done < "$WORK/file_rows"
}
# the path in the status line after an export ("Đã xuất N dòng: ~/ntm-pdf/...")
exported() {
    wait_for "Đã xuất $1 dòng: ~/ntm-pdf/"
    screen_text | sed -n 's/.*Đã xuất [0-9]* dòng: ~\/\(ntm-pdf\/[^ ]*\).*/\1/p' | head -n 1
}

start_ntm 160 30
wait_for "Tỉnh ("
open_hamlet "An Hòa Thịnh" "Nậy"
keys v
wait_gone "Chi tiết đầu việc"
keys '!'
wait_for "Lọc: Quá hạn"
n=$(screen_text | sed -n 's/.*Đầu việc (\([0-9]*\)).*/\1/p' | head -n 1)
[ "$n" -ge 3 ] || fail "thôn Nậy should have several overdue tasks, got $n"
[ "$(screen_rows | wc -l)" = "$n" ] || fail "the screen should show the $n overdue tasks"

keys x
wait_for "Xuất danh sách"
keys Enter                                  # the default: csv, from ntm.ini
f1=$WORK/$(exported "$n")
case "$f1" in */ntm-pdf/dau-viec-an-hoa-thinh-nay-20220620.csv) ;; *) fail "file name: $f1";; esac
[ -f "$f1" ] || fail "no file $f1"
same_as_screen "$f1"
sum1=$(md5sum < "$f1")

# another order: a second file, the first untouched
keys o
wait_for "theo tiến độ"
keys x
wait_for "Xuất danh sách"
keys c
f2=$WORK/$(exported "$n")
[ "$f2" = "$OUT/dau-viec-an-hoa-thinh-nay-20220620-2.csv" ] || fail "the second export should be -2.csv: $f2"
same_as_screen "$f2"
[ "$(md5sum < "$f1")" = "$sum1" ] || fail "the second export overwrote the first"
cmp -s "$f1" "$f2" && fail "the two orders should give two different files"

# XLSX: x in the dialog
keys x
wait_for "Xuất danh sách"
keys x
f3=$WORK/$(exported "$n")
[ "$f3" = "$OUT/dau-viec-an-hoa-thinh-nay-20220620.xlsx" ] || fail "xlsx name: $f3"
same_as_screen "$f3" xlsx

# a search narrows the export; Esc in the dialog writes nothing
keys /
type_text "rao"
keys Enter
wait_for "hàng rào xanh"
[ "$(screen_rows | wc -l)" = 1 ] || fail "the search should leave one row"
before=$(ls "$OUT" | wc -l)
keys x
wait_for "Xuất danh sách"
keys Escape
wait_for "Không xuất."
[ "$(ls "$OUT" | wc -l)" = "$before" ] || fail "Esc in the dialog should write nothing"
keys x
wait_for "Xuất danh sách"
keys c
f4=$WORK/$(exported 1)
same_as_screen "$f4"

# the dashboard: x exports the ranking, X opens the hamlet list
keys D
wait_for "Đến hạn 7 ngày:"
keys x
wait_for "Xuất danh sách"
keys c
f5=$WORK/$(exported "$(screen_text | sed -n 's/.*Thôn (\([0-9]*\)).*/\1/p' | head -n 1)")
head -n 1 "$f5" | grep -q "Hạng,Thôn,Tiến độ" || fail "the ranking's header: $(head -n 1 "$f5")"
keys X
wait_for "Thôn ("
assert_screen "(Toàn xã)"
quit
[ -z "$(ls -A "$OUT" | grep '^\.')" ] || fail "temporary files left in $OUT"
echo "ok: export_list"
