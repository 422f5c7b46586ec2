#!/bin/sh
# term_safety_pdf: control characters stored in the database (tests/term_safety.sql puts
# ESC [2J, an OSC 52 clipboard write, BEL, a C1 CSI and a bidi override into a hamlet's
# name, a task and its report) never reach a paper or an export: the task sheet of that
# hamlet, read back with pdftotext, and the CSV and XLSX exports of its tasks and reports
# hold none of them (only line ends, and the form feed pdftotext puts between pages),
# while the printable rest of each text is whole.
set -u
fail() { echo "FAIL: $*"; exit 1; }
SQL=$(cd "$(dirname "$0")/.." && pwd)/term_safety.sql
cd "$WORK" || exit 1
"$NTM_BIN" demo d.db >/dev/null || fail "demo"
sqlite3 d.db <"$SQL" || fail "sqlite3"
printf '[output]\npdf_dir = %s/out\n' "$WORK" >ntm.ini
ntm() { timeout 20 "$NTM_BIN" --config "$WORK/ntm.ini" --db d.db "$@" </dev/null; }

# no_controls FILE WHAT: FILE has no C0 control but LF, CR and FF, no DEL, C1 or bidi control
no_controls() {
    python3 - "$1" <<'PY' || fail "$2 holds control characters"
import sys, unicodedata
t = open(sys.argv[1], encoding='utf-8', errors='strict').read()
bad = [hex(ord(c)) for c in t if (ord(c) < 0x20 and c not in '\n\r\f') or 0x7f <= ord(c) < 0xa0
       or ord(c) in (0x61c, 0x200e, 0x200f) or 0x202a <= ord(c) <= 0x202e or 0x2066 <= ord(c) <= 0x2069]
if bad: print(sorted(set(bad))); sys.exit(1)
PY
}

ntm report tasks --commune "an hoa thinh" --hamlet "duc thinh" -o sheet.pdf >out 2>&1 || { cat out; fail "report"; }
pdftotext -raw sheet.pdf sheet.txt || fail "pdftotext"
no_controls sheet.txt "the task sheet's text"
tr '\n' ' ' <sheet.txt >flat.txt
for s in "Thôn Đức Thịnh [2J31m" "]52;c;cHduZWQ= hố ủ phân" "PHIẾU ĐẦU VIỆC"; do
    grep -qF "$s" flat.txt || fail "'$s' not in the sheet's text"
done
pdfinfo sheet.pdf >info.txt 2>&1 || fail "pdfinfo"
no_controls info.txt "the sheet's document information"

for k in tasks progress; do
    for x in csv xlsx; do
        ntm export $k --commune "an hoa thinh" -o "$k.$x" >/dev/null 2>err || { cat err; fail "export $k $x"; }
    done
    no_controls $k.csv "the $k CSV"
    mkdir -p $k.x && (cd $k.x && unzip -qo ../$k.xlsx) || fail "unzip $k.xlsx"
    cat $k.x/xl/worksheets/*.xml $k.x/xl/sharedStrings.xml 2>/dev/null >$k.xml
    no_controls $k.xml "the $k XLSX"
    ! grep -q '_x00[01][0-9A-Fa-f]_' $k.xml || fail "the $k XLSX escapes a control character"
    grep -qF "Đức Thịnh [2J31m" $k.csv && grep -qF "Đức Thịnh [2J31m" $k.xml || fail "the hamlet is not whole in the $k export"
done
grep -qF "Đã đào [2J0m xong," progress.csv && grep -qF "Đã đào [2J0m xong<" progress.xml || fail "the report's note is not whole"
# the command line lists candidate names on an ambiguous one: with placeholders
ntm report tasks --commune "an hoa thinh" --hamlet "thinh" -o x.pdf >out 2>&1 && fail "an ambiguous hamlet was taken"
grep -qF 'Đức Thịnh ␛[2J\x9b31m' out || fail "the candidates: $(cat out)"
no_controls out "the candidate list"
echo "ok: term_safety_pdf"
