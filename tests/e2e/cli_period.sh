#!/bin/sh
# `ntm report weekly|monthly|daily|criteria` as cron runs it (seed 001: Friday; seed
# 004: 15:30 every day): no terminal, no prompt, the path alone on stdout, exit 0; run
# twice, two files ("-2"); -o writes exactly that file; bad dates, weeks and months exit
# 2 with the date message; an unknown commune exits 1 naming the candidates; --print
# hands the file to the print command. NTM_TODAY gives the demo's day (20/06/2022).
set -u
fail() { echo "FAIL: $*"; exit 1; }
cd "$WORK" || exit 1
export NTM_TODAY=2022-06-20
"$NTM_BIN" demo d.db >/dev/null || fail "demo"
N() { "$NTM_BIN" --db d.db "$@" </dev/null; }
P=$WORK/ntm-pdf

# the demo week, twice: two files, the path alone on stdout
out=$(N report weekly --commune "an hoa thinh" --week 21 --year 2021 2>err); rc=$?
[ $rc -eq 0 ] || { cat err; fail "weekly: exit $rc"; }
[ "$out" = "$P/bao-cao-tuan-an-hoa-thinh-2021-W21.pdf" ] || fail "weekly printed: $out"
[ ! -s err ] || fail "weekly wrote on stderr: $(cat err)"
out2=$(N report weekly --commune "an hoa thinh" --week 21 --year 2021); rc=$?
[ $rc -eq 0 ] && [ "$out2" = "$P/bao-cao-tuan-an-hoa-thinh-2021-W21-2.pdf" ] || fail "second run: $rc $out2"
[ -s "$out" ] && [ -s "$out2" ] || fail "both files must be there"
pdftotext "$out" w21.txt 2>/dev/null || fail "pdftotext"
for s in "TUẦN 21 (TỪ NGÀY 24/05/2021 ĐẾN NGÀY 30/05/2021)" "Biểu dương:" "Phê bình / nhắc nhở:" "Nơi nhận:"; do
    grep -qF "$s" w21.txt || fail "'$s' not in the weekly report"
done

# defaults: this week, this month, today (the demo's day); --date, --from/--to
[ "$(N report weekly --commune "an hoa thinh")" = "$P/bao-cao-tuan-an-hoa-thinh-2022-W25.pdf" ] || fail "default week"
[ "$(N report monthly --commune "an hoa thinh")" = "$P/bao-cao-thang-an-hoa-thinh-2022-06.pdf" ] || fail "default month"
[ "$(N report daily --commune "an hoa thinh")" = "$P/bao-cao-ngay-an-hoa-thinh-2022-06-20.pdf" ] || fail "default day"
[ "$(N report monthly --commune "an hoa thinh" --month 5/2021)" = "$P/bao-cao-thang-an-hoa-thinh-2021-05.pdf" ] || fail "--month"
[ "$(N report weekly --commune "an hoa thinh" --date 27/05/2021)" = "$P/bao-cao-tuan-an-hoa-thinh-2021-W21-3.pdf" ] || fail "--date"
[ "$(N report daily --province "ha tinh" --date 28/05/2021)" = "$P/bao-cao-ngay-tinh-ha-tinh-2021-05-28.pdf" ] || fail "province daily"
[ "$(N report weekly --commune 30 --from 01/03/2021 --to 03/06/2021)" = "$P/bao-cao-an-hoa-thinh-2021-03-01-2021-06-03.pdf" ] || fail "--from --to"
pdftotext "$P/bao-cao-an-hoa-thinh-2021-03-01-2021-06-03.pdf" - 2>/dev/null | grep -qF "(TỪ NGÀY 01/03/2021 ĐẾN NGÀY 03/06/2021)" || fail "custom period title"

# -o: exactly that file, replaced when run again
N report weekly --commune "an hoa thinh" --week 21 --year 2021 -o mine.pdf >out || fail "-o"
[ "$(cat out)" = "mine.pdf" ] && [ -s mine.pdf ] || fail "-o printed $(cat out)"
N report weekly --commune "an hoa thinh" --week 21 --year 2021 -o mine.pdf >out || fail "-o again"
[ ! -e mine-2.pdf ] || fail "-o must not pick another name"

# criteria: commune and province
[ "$(N report criteria --commune "an hoa thinh")" = "$P/tieu-chi-an-hoa-thinh-2022-06-20.pdf" ] || fail "criteria"
pdftotext "$P/tieu-chi-an-hoa-thinh-2022-06-20.pdf" - 2>/dev/null | grep -qF "Đạt 0/19" || fail "criteria: Đạt 0/19"
f=$(N report criteria --province "ha tinh") || fail "criteria --province"
pdftotext "$f" - 2>/dev/null | grep -qF "Số xã đạt" || fail "province matrix"

# errors: usage 2 (with the date message), unknown unit 1 (candidates), nothing written
n_before=$(ls "$P" | wc -l)
expect() {   # expect RC TEXT ARGS...: exit RC and TEXT on stderr
    want=$1 text=$2; shift 2
    N report "$@" >out 2>err; rc=$?
    [ $rc -eq "$want" ] || fail "report $*: exit $rc, want $want ($(cat err))"
    grep -qF -- "$text" err || fail "report $*: stderr lacks '$text': $(cat err)"
    [ ! -s out ] || fail "report $*: stdout should be empty: $(cat out)"
}
expect 2 "Không có ngày này trong lịch" weekly --commune "an hoa thinh" --date 31/02/2022
expect 2 "Ngày phải có dạng dd/mm/yyyy" daily --commune "an hoa thinh" --date 2022/13/45x
expect 2 "--week" weekly --commune "an hoa thinh" --week 54
expect 2 "--week" weekly --commune "an hoa thinh" --week 53 --year 2021
expect 2 "--month" monthly --commune "an hoa thinh" --month 13/2022
expect 2 "--from sau --to" weekly --commune "an hoa thinh" --from 10/06/2022 --to 01/06/2022
expect 2 "--commune" weekly
expect 2 "--commune" weekly --commune "an hoa thinh" --province "ha tinh"
expect 2 "không biết" weekly --commune "an hoa thinh" --bogus
expect 2 "kỳ báo cáo" criteria --commune "an hoa thinh" --week 3
expect 1 "An Hòa Thịnh" weekly --commune "khong co xa nay"
expect 1 "Sơn Tiến" weekly --commune "son"
[ "$(ls "$P" | wc -l)" = "$n_before" ] || fail "an error left a file in $P: $(ls "$P")"

# --print: the print command gets the file as one argument; the path still on stdout
printf '#!/bin/sh\nprintf "%%s\\n" "$@" > "%s/printed"\n' "$WORK" > fakelp; chmod +x fakelp
printf '[output]\nprint_command = %s/fakelp -d office\n' "$WORK" > p.ini
out=$("$NTM_BIN" --config p.ini --db d.db report daily --commune "an hoa thinh" --print 2>/dev/null </dev/null) || fail "--print"
[ "$(cat printed)" = "$(printf -- '-d\noffice\n%s' "$out")" ] || fail "print command got: $(cat printed)"
"$NTM_BIN" --help | grep -q 'report weekly|monthly|daily' || fail "--help lists report weekly"
echo ok
