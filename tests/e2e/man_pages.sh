#!/bin/sh
# The man pages of the build (make man: $BUILD/man): mandoc -T lint and man -l render
# them without a message; ntm(1) names exactly the commands of `ntm --help`, its
# version and exit status are the program's, its FILES hold the configured default
# paths and its KEYS are README's table; ntm.ini(5) documents every key of
# `ntm config example` (both come from config/keys.c).
set -u
fail() { echo "FAIL: $*"; exit 1; }
top=$(pwd)
man_dir=$(dirname "$NTM_BIN")/man
cd "$WORK" || exit 1
for p in ntm.1 ntm.ini.5 vi/ntm.ini.5; do
    f=$man_dir/$p
    [ -s "$f" ] || fail "$f not built (make man)"
    out=$(mandoc -T lint "$f" 2>&1) || fail "mandoc -T lint $p: $out"
    [ -z "$out" ] || fail "mandoc -T lint $p: $out"
    out=$(MANWIDTH=80 man --warnings -E UTF-8 -l "$f" 2>&1 >/dev/null)
    [ -z "$out" ] || fail "man -l $p warns: $out"
done
MANWIDTH=80 man -E UTF-8 -l "$man_dir/ntm.1" 2>/dev/null | col -b >ntm.txt
for s in NAME SYNOPSIS DESCRIPTION OPTIONS COMMANDS KEYS FILES ENVIRONMENT "EXIT STATUS" EXAMPLES; do
    grep -q "^$s" ntm.txt || fail "ntm(1) has no section $s"
done

# Commands: the words before the first option or placeholder, in `ntm --help` (which is
# in Vietnamese: it comes before ntm.ini is read) and in the tags of ntm(1)'s COMMANDS.
words() { awk '{ s = ""; for (i = 1; i <= NF; i++) { if ($i ~ /^[-[]/ || $i ~ /[A-Z]/) break; s = s (s ? " " : "") $i }; if (s != "") print s }' | sort -u; }
"$NTM_BIN" --help | sed -n '/^Lệnh:/,/^Tùy chọn:/p' | grep '^  [a-z]' |
    sed -e 's/^  //' -e 's/  .*//' | words >help.cmds     # the text after 2 spaces: the help
sed -n '/^\.SH COMMANDS/,/^\.SH /{/^\.TP/{n;p}}' "$man_dir/ntm.1" |
    sed -e 's/\\f[BIRP]//g' -e 's/\\-/-/g' -e 's/\\c$//' | words >man.cmds
[ "$(wc -l <help.cmds)" -ge 10 ] || fail "too few commands read from --help: $(cat help.cmds)"
diff help.cmds man.cmds >cmds.diff || fail "ntm(1) COMMANDS differ from ntm --help (< help, > man): $(cat cmds.diff)"

version=$("$NTM_BIN" --version | cut -d' ' -f2)
grep -q "^\.TH NTM 1 [0-9-]* \"ntm $version\"" "$man_dir/ntm.1" || fail "ntm(1) is not of version $version"
grep -q "^\.TH NTM.INI 5 [0-9-]* \"ntm $version\"" "$man_dir/ntm.ini.5" || fail "ntm.ini(5) is not of version $version"

# Exit status: exactly the three of --help's last line.
"$NTM_BIN" --help | grep -q "^Trạng thái thoát: 0 thành công, 1 lỗi, 2 sai cú pháp lệnh.$" ||
    fail "--help's exit status line changed: update ntm(1) EXIT STATUS"
sed -n '/^EXIT STATUS/,/^EXAMPLES/p' ntm.txt | grep -E '^       [0-9]+ ' | awk '{print $1}' | tr '\n' ' ' >codes
[ "$(cat codes)" = "0 1 2 " ] || fail "ntm(1) EXIT STATUS lists: $(cat codes)"

# FILES: every default path of the key table, as ntm config example writes it.
"$NTM_BIN" config example >example.ini
sed -n '/^FILES/,/^ENVIRONMENT/p' ntm.txt >files.txt
for k in path pdf_dir backup_dir; do
    v=$(sed -n "s/^$k = //p" example.ini)
    [ -n "$v" ] || fail "no $k in ntm config example"
    grep -q "$v" files.txt || fail "ntm(1) FILES does not name the default $k $v"
done
grep -q "$(sed -n 's/^font_regular = //p' example.ini | xargs dirname)/" files.txt ||
    fail "ntm(1) FILES does not name the fonts' folder"

# KEYS: one tagged paragraph per row of README's key table, the keys in bold.
rows=$(sed -n '/^## Keys/,/^## /p' "$top/README.md" | grep -c '^| ')
tags=$(sed -n '/^\.SH KEYS/,/^\.SH /p' "$man_dir/ntm.1" | grep -c '^\.TP')
[ "$tags" -eq $((rows - 2)) ] || fail "ntm(1) KEYS has $tags entries, README's table $((rows - 2)) rows"
grep -q '^\\fBR\\fR type a filled task sheet back' "$man_dir/ntm.1" || fail "README's R key not in ntm(1)"

# ntm.ini(5): every [section] key of the example, in both languages.
awk '/^\[/ { s = $0 } /^[a-z_0-9]+ = / { print s, $1 }' example.ini >keys.example
for p in ntm.ini.5 vi/ntm.ini.5; do
    awk '/^\.SH/ { s = "" } /^\.SS/ { s = $2; gsub(/"/, "", s) } /^\.TP/ { getline; if (s != "") { k = $0; gsub(/\\f[BR]/, "", k); print s, k } }' \
        "$man_dir/$p" | sed -n '/^\[/p' >keys.man
    diff keys.example keys.man >keys.diff || fail "$p keys differ from ntm config example: $(cat keys.diff)"
done
grep -q 'Allowed:' "$man_dir/ntm.ini.5" && grep -q 'Giá trị cho phép:' "$man_dir/vi/ntm.ini.5" || fail "allowed values"
grep -q '^\\fB5000\\fR$' "$man_dir/ntm.ini.5" || fail "busy_timeout's default not in ntm.ini(5)"
echo ok
