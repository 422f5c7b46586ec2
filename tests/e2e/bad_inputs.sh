# bad_inputs: every row of tests/bad_inputs.tsv, a bad input a user can give (command
# line, dates, quantities, ntm.ini, imports, paths, huge strings, damaged files, tour
# result codes, the progress form), is refused with the message in the table, with the
# exit status in the table, and nothing saved changes: after each row the demo
# database's dump (less ui_state, where the interface keeps its last screen) and every
# fixture file (damaged databases, symlink targets...) are as before.
# Kinds: cli, date, quantity, config, import, string, path, database: the input is a
# command line run by sh (variables below); tour: a line typed in the tour's R window;
# progress / progress-date: typed in the progress form's quantity / date field.
. "$(dirname "$0")/lib.sh"
TABLE=${BAD_INPUTS_TABLE:-$(cd "$(dirname "$0")/../.." && pwd)/tests/bad_inputs.tsv}
make_demo
W=$WORK; F=$W/fixtures; DB=$W/d.db; BIN=$NTM_BIN; NTM="$NTM_BIN --db $DB"
HUGE=$(head -c 100000 /dev/zero | tr '\0' a); LONGNAME=$(head -c 5000 /dev/zero | tr '\0' a)
export W F DB BIN NTM HUGE LONGNAME
mkdir -p "$F"
$NTM backup >/dev/null || fail "a first backup (empty.db is judged against it)"

# ---- fixtures
H='Xã,Thôn,Nội dung,Phụ trách,Chỉ tiêu,Đơn vị tính,Hạn'
task_csv() { printf '%s\n%s\n' "$H" "$2" >"$F/$1"; }
task_csv ok.csv 'An Hòa Thịnh,Nậy,Việc đúng,UBND,3,hộ,30/12/2022'
task_csv date_3102.csv 'An Hòa Thịnh,Nậy,X1,UBND,3,hộ,31/02/2022'
task_csv date_2902.csv 'An Hòa Thịnh,Nậy,X1,UBND,3,hộ,29/02/2023'
task_csv date_homqua.csv 'An Hòa Thịnh,Nậy,X1,UBND,3,hộ,hôm qua'
task_csv qty_neg.csv 'An Hòa Thịnh,Nậy,X1,UBND,-3,hộ,30/12/2022'
task_csv qty_nan.csv 'An Hòa Thịnh,Nậy,X1,UBND,NaN,hộ,30/12/2022'
task_csv qty_1e400.csv 'An Hòa Thịnh,Nậy,X1,UBND,1e400,hộ,30/12/2022'
task_csv qty_big.csv 'An Hòa Thịnh,Nậy,X1,UBND,99999999999,hộ,30/12/2022'
task_csv qty_unit.csv 'An Hòa Thịnh,Nậy,X1,UBND,3 km,hộ,30/12/2022'
task_csv hamlet.csv 'An Hòa Thịnh,Không Có,X1,UBND,3,hộ,30/12/2022'
task_csv owner.csv 'An Hòa Thịnh,Nậy,X1,Không Ai,3,hộ,30/12/2022'
task_csv notitle.csv 'An Hòa Thịnh,Nậy,,UBND,3,hộ,30/12/2022'
task_csv openquote.csv 'An Hòa Thịnh,Nậy,"X1,UBND,3,hộ,30/12/2022'
task_csv strayquote.csv 'An Hòa Thịnh,Nậy,X"1,UBND,3,hộ,30/12/2022'
printf 'Xã,Thôn,Nội dung\nAn Hòa Thịnh,N\341y,X1\n' >"$F/latin1.csv"          # "Nậy" in Windows-1258 bytes
: >"$F/empty.csv"
printf 'Foo,Bar\n1,2\n' >"$F/noheader.csv"
head -c 3000 /dev/urandom >"$F/junk.xlsx"
printf 'Thôn,Chủ hộ,Địa chỉ\nKhông Có,Nguyễn Văn A,Xóm 1\n' >"$F/hh_hamlet.csv"
printf '%s\n%s\n%s\n%s\n' "$H" 'An Hòa Thịnh,Nậy,X1,UBND,-1,hộ,30/12/2022' 'An Hòa Thịnh,Nậy,X2,UBND,2,hộ,31/02/2022' \
    'An Hòa Thịnh,Không Có,X3,UBND,2,hộ,30/12/2022' >"$F/many_errors.csv"
task_csv huge_title.csv "An Hòa Thịnh,Nậy,$HUGE,UBND,3,hộ,30/12/2022"
ini() { printf "$2" >"$F/$1"; }
ini busy_abc.ini '[database]\nbusy_timeout = abc\n'
ini busy_50.ini '[database]\nbusy_timeout = 50\n'
ini paper.ini '[pdf]\npaper = A3\n'
ini section.ini '[nope]\nx = 1\n'
ini key.ini '[ui]\ncolour = auto\n'
ini nosection.ini 'language = vi\n'
ini syntax.ini '[ui\nlanguage = vi\n'
ini utf8.ini '[letterhead]\nbody1 = UBND X\341\n'
ini keep.ini '[output]\nbackup_keep = 0\n'
ini emptypath.ini '[database]\npath =\n'
ini nofont.ini '[pdf]\nfont_regular = /nonexistent/font.ttf\n'
ini notfont.ini '[pdf]\nfont_regular = /etc/passwd\n'
printf '[letterhead]\nbody1 = %s\n' "$LONGNAME" >"$F/longline.ini"
printf '[letterhead]\nbody1 = %s\n' "$(head -c 300 /dev/zero | tr '\0' b)" >"$F/longvalue.ini"
echo "not to be written" >"$F/target.txt"
ln -s "$F/target.txt" "$F/link.pdf"; ln -s "$F/target.txt" "$F/link.csv"; ln -s "$F/target.txt" "$F/link.db"
sqlite3 "$DB" "pragma wal_checkpoint(truncate)" >/dev/null      # the -wal empty from here
cp "$DB" "$F/cut.db"; truncate -s 150000 "$F/cut.db"
cp "$DB" "$F/letter.db"; printf 'Kính gửi UBND xã, đây là một lá thư' | dd of="$F/letter.db" conv=notrunc 2>/dev/null
: >"$F/empty.db"
sqlite3 "$F/other.db" "create table moz_places(id integer primary key, url text)"
cp "$DB" "$F/newer.db"; sqlite3 "$F/newer.db" "pragma user_version = 99"
cp "$DB" "$F/fk.db"; sqlite3 "$F/fk.db" "pragma foreign_keys = off; insert into progress(task_id, report_date, qty) values (999999, '2022-06-01', 1)"

# What is saved: the database file's bytes and its -wal's when it holds any (a write
# lands there first) for the command-line rows, or its dump less ui_state for the
# interface rows (quitting keeps the last screen there); and every fixture file, hidden
# ones too, by name, size and change time (any write or chmod moves the change time).
fixtures() { stat -c '%n %s %Z.%z' "$F"/* "$F"/.[!.]* 2>/dev/null; }
state() {
    if [ "$mode" = cli ]; then
        { sha256sum "$DB" $([ -s "$DB-wal" ] && echo "$DB-wal"); fixtures; } | sha256sum
    else
        { sqlite3 "$DB" .dump | grep -v '^INSERT INTO ui_state'; fixtures; } | sha256sum
    fi
}
mode=cli
before=$(state)
cases=0; bad=0
check_row() {   # check_row LINE-NUMBER KIND INPUT MESSAGE: state unchanged after the row
    now=$(state)
    if [ "$now" != "$before" ]; then
        echo "FAIL line $1 ($2 $3): something saved changed"; bad=$((bad + 1)); before=$now
    fi
}

# ---- the command-line rows
ln=1
while IFS="$(printf '\t')" read -r kind input want msg; do
    ln=$((ln + 1))
    [ "$kind" = kind ] && continue
    case "$kind" in tour|progress|progress-date) continue ;; esac
    cases=$((cases + 1))
    msg=$(printf '%s' "$msg" | sed "s|\\\$W|$W|g; s|\\\$F|$F|g; s|\\\$DB|$DB|g")
    (cd "$W" && eval "$input") >"$W/out" 2>"$W/err" </dev/null
    got=$?
    if [ "$got" != "$want" ]; then
        echo "FAIL line $ln ($kind): exit $got, want $want: $input"; head -c 300 "$W/err"; echo; bad=$((bad + 1))
    elif ! grep -aqF -- "$msg" "$W/err" "$W/out"; then
        echo "FAIL line $ln ($kind): message not seen: $msg"; echo "  got: $(head -c 300 "$W/err")"; bad=$((bad + 1))
    elif grep -q "Sanitizer\|runtime error" "$W/err"; then
        echo "FAIL line $ln ($kind): sanitizer report"; bad=$((bad + 1))
    else
        printf 'ok   %-8s %.110s\n' "$kind" "$(grep -ahF -m1 -- "$msg" "$W/err" "$W/out")"
    fi
    check_row "$ln" "$kind" "$input"
done <"$TABLE"

# ---- the interface rows: one session for the tour's codes, one for the progress form
mode=ui
before=$(state)
rows_of() { awk -F'\t' -v k="$1" '$1 == k { print NR "\t" $2 "\t" $4 }' "$TABLE"; }
open_hamlet_tasks() {
    wait_for "Hà Tĩnh"; select_row "Hà Tĩnh"; keys Enter
    wait_for "Xã ("; select_row "An Hòa Thịnh"; keys Enter
    wait_for "Thôn ("; select_row "Nậy"; keys Enter
    wait_for "Đầu việc ("; select_row "/2 km"
}
start_ntm 100 30
open_hamlet_tasks
rows_of progress >"$W/rows"; rows_of progress-date >>"$W/rows"
while IFS="$(printf '\t')" read -r ln input msg; do
    cases=$((cases + 1))
    keys p
    wait_for "Tiến độ 1,4/2 km"
    case "$(sed -n "${ln}p" "$TABLE" | cut -f1)" in progress-date) keys Up ;; esac
    keys -l -- "$input"
    keys F2
    wait_for "$msg"
    printf 'ok   %-8s %s -> %s\n' form "$input" "$msg"
    keys Escape
    wait_for "Bỏ các thay đổi chưa lưu?"
    keys c
    wait_gone "Tiến độ 1,4/2 km"
    check_row "$ln" form "$input"
done <"$W/rows"
quit

start_ntm 100 30
wait_for "Hà Tĩnh"; select_row "Hà Tĩnh"; keys Enter
select_row "Sơn Kim 2"; keys Enter
wait_for "Thôn ("; keys t
wait_for "Tour kiểm tra (1)"; keys Enter
wait_for "1. Cầu tràn Kim Bình"
keys R
wait_for "Nhập kết quả theo mã"
rows_of tour >"$W/rows"
while IFS="$(printf '\t')" read -r ln input msg; do
    cases=$((cases + 1))
    keys -l -- "$input"; keys Enter
    wait_for "$msg"
    printf 'ok   %-8s %s -> %s\n' tour "$input" "$msg"
    keys C-u
    check_row "$ln" tour "$input"
done <"$W/rows"
keys Escape
quit
check_row end tour ""

echo "$cases bad inputs, $bad failed"
[ "$cases" -ge ${BAD_INPUTS_MIN:-60} ] || fail "the table has fewer than 60 rows"
[ "$bad" = 0 ] || exit 1
echo "ok: bad_inputs"
