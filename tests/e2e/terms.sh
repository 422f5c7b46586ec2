# terms: ntm starts and shows the commune list with TERM=vt100, putty, linux and screen;
# vt100, NO_COLOR and color = never get no colour, color = always does; PuTTY's Home/End/F1 sequences work under TERM=xterm;
# LANG=C (not UTF-8) shows unaccented text and says why.
. "$(dirname "$0")/lib.sh"
make_demo
colour_codes() { screen_attrs | grep -cE "${ESC}\[([0-9;]*;)?(3[0-7]|4[0-7])m"; }

for term in vt100 putty linux screen; do
    start_ntm 80 24 TERM=$term
    wait_for "Hà Tĩnh"
    select_row "Hà Tĩnh"; keys Enter
    wait_for "An Hòa Thịnh"
    assert_screen "Sơn Kim 2"
    if [ $term = vt100 ] && [ "$(colour_codes)" != 0 ]; then fail "colour on vt100"; fi
    quit
done

start_ntm 80 24 NO_COLOR=1
wait_for "Hà Tĩnh"
[ "$(colour_codes)" = 0 ] || fail "colour despite NO_COLOR"
quit
# ntm.ini [ui] color: never wins over a colour terminal, always over NO_COLOR.
printf '[ui]\ncolor = never\n' >"$WORK/never.ini"
start_ntm 80 24 NTM_CONFIG=$WORK/never.ini
wait_for "Hà Tĩnh"
[ "$(colour_codes)" = 0 ] || fail "colour despite color = never"
quit
printf '[ui]\ncolor = always\nlanguage = en\n' >"$WORK/always.ini"
start_ntm 80 24 NTM_CONFIG=$WORK/always.ini NO_COLOR=1
wait_for "Hà Tĩnh"
[ "$(colour_codes)" != 0 ] || fail "no colour with color = always"
assert_screen "Date: 20/06/2022"            # language = en
assert_screen "Quit"
quit
start_ntm 80 24
wait_for "Hà Tĩnh"
[ "$(colour_codes)" != 0 ] || fail "no colour on xterm"

# PuTTY's defaults under TERM=xterm: End = ESC[4~, Home = ESC[1~, F1 = ESC[11~.
select_row "Hà Tĩnh"; keys Enter
wait_for "Sơn Tiến"
type_text "${ESC}[4~"
sleep 0.3
selected_row | grep -qF "Sơn Tiến" || fail "ESC[4~ (PuTTY End) did not go to the last row"
type_text "${ESC}[1~"
sleep 0.3
selected_row | grep -qF "An Hòa Thịnh" || fail "ESC[1~ (PuTTY Home) did not go to the first row"
type_text "${ESC}[11~"
wait_for "Trợ giúp cho màn hình này"    # F1: help
keys Escape
wait_gone "Trợ giúp cho màn hình này"
quit

start_ntm 80 24 LANG=C
wait_for "Ha Tinh"
wait_for "khong dau"
assert_screen "Translation"
assert_absent "Hà Tĩnh"
select_row "Ha Tinh"; keys Enter
wait_for "An Hoa Thinh"
assert_absent "Hòa"
select_row "An Hoa Thinh"; keys Enter
select_row "Nay"; keys Enter
wait_for "Dau viec ("
screen_text | grep -qE '^ [v!.] ' || fail "no ASCII status marks (v ! .) on the task list"
assert_absent "✓"
quit
echo "ok: terms"
