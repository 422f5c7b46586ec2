# cli_term_safety: the commands' output (stdout and stderr) shows control characters and
# escape sequences from the database, or from the command line echoed in a message, as
# placeholders (tui/cli/cli_out.c), never raw: a hamlet named with ESC [2J and a C1 CSI
# in `ntm users`, an OSC 52 clipboard write in a tour's name in `ntm tours` and typed as
# an owner's name in report tasks' refusal; in ASCII (LANG=C) as ^[.
. "$(dirname "$0")/lib.sh"
make_demo
SQL=$(cd "$(dirname "$0")/.." && pwd)/term_safety.sql
cd "$WORK" || exit 1
sqlite3 d.db <"$SQL" || fail "sqlite3"
raw() {   # raw FILE: the file holds an ESC, BEL, C1 CSI or a bidi override
    LC_ALL=C grep -q "$(printf '\033')\|$(printf '\007')\|$(printf '\302\233')\|$(printf '\342\200\256')" "$1"
}
"$NTM_BIN" --db d.db users add root admin >/dev/null || fail "users add root"
"$NTM_BIN" --db d.db users add nam head --commune "an hoa thinh" --hamlet "duc thinh" >out 2>err ||
    fail "users add nam: $(cat err)"
"$NTM_BIN" --db d.db users >out 2>err || fail "users: $(cat err)"
raw out && fail "ntm users printed a raw control character: $(od -c out | head)"
grep -q "thôn Đức Thịnh ␛\[2J\\\\x9b31m" out || fail "no placeholders in ntm users: $(cat out)"
LANG=C LC_ALL=C "$NTM_BIN" --db d.db users >out 2>err || fail "users (LANG=C)"
grep -q '\^\[\[2J' out || fail "no ASCII placeholder under LANG=C: $(cat out)"
"$NTM_BIN" --db d.db report tasks --commune "an hoa thinh" --owner "$(printf 'x\033]52;c;aGk=\007')" -o o.pdf >out 2>err
[ $? = 1 ] || fail "an unknown owner was not refused"
raw err && fail "the refusal echoed a raw escape sequence: $(od -c err | head)"
grep -q 'x␛]52;c;aGk=␇' err || fail "no placeholders in the refusal: $(cat err)"
sqlite3 d.db "update tour set name = name || char(27) || ']52;c;aGk=' || char(7) where id = (select min(id) from tour)"
"$NTM_BIN" --db d.db tours >out 2>err || fail "tours: $(cat err)"
raw out && fail "ntm tours printed a raw escape sequence"
grep -q 'Sơn Kim 2␛]52;c;aGk=␇' out || fail "no placeholders in ntm tours: $(cat out)"
# what the commands write into files is untouched by the guard: an export keeps the
# Vietnamese and drops the controls (reports/export.c)
"$NTM_BIN" --db d.db export units --commune "an hoa thinh" -o u.csv >out 2>err || fail "export: $(cat err)"
grep -q "Đức Thịnh" u.csv || fail "the export lost the hamlet"
raw u.csv && fail "the export kept a control character"
echo "ok: cli_term_safety"
