# conflict_forms: the conflict view in English at 80x24, with another program (the sqlite3
# shell) as the other writer. A task's form: the other changes four fields while the user
# changes three; the view lists five and scrolls (the last one is below), ? opens its help,
# Esc goes back to the form with the merge in it and F2 saves it. A task deleted while its
# form is open: the form stays with what was typed and the model's message; closing it
# reads the list again and says why. A hamlet's form: what only the other changed is taken.
. "$(dirname "$0")/lib.sh"
make_demo
cd "$WORK" || exit 1
sq() { sqlite3 "$WORK/d.db" "$1"; }
printf '[ui]\nlanguage = en\n' >en.ini
start_ntm 80 24 -- --config "$WORK/en.ini" --db "$WORK/d.db"
wait_for "Hà Tĩnh"; select_row "Hà Tĩnh"; keys Enter
wait_for "Commune ("; select_row "An Hòa Thịnh"; keys Enter
wait_for "Hamlet ("; select_row "Nậy"; keys Enter
wait_for "Tasks ("; select_row "33 hệ thống"

# ---- a merge of five fields that scrolls
keys e
wait_for "Task title"
sq "update task set title = 'Hệ thống nước thải (khác)', deadline = '2021-07-15', start_date = '2021-05-01',
    description = 'Mô tả khác', status = 'done', version = version + 1 where id = 302"
keys C-u; type_text "Hệ thống nước thải (tôi)"
keys Tab; type_text "40 hệ thống"
keys Tab Tab Tab Tab Tab Tab Tab C-u; type_text "Mô tả của tôi"
keys F2
wait_for "changed by someone else"
assert_screen "Nothing was saved; what you typed is kept."
assert_screen "Task title — both changed it: choose one"
assert_screen "(•) Mine: Hệ thống nước thải (tôi)"
assert_screen "Someone else changed this record at"
assert_screen "taken from someone else: Deadline, Start date,"
assert_absent "Status —"                        # below: the view scrolls
assert_screen "▼"
keys Down Down Down Down Down
wait_for "Status — only someone else changed it: taken by itself"
assert_screen "(•) Theirs (someone else): Done"
assert_absent "Task title —"
assert_screen "▲"
keys Up
assert_screen "(•) Mine: Mô tả của tôi"
keys Space                                      # the description: theirs
screen_text | grep -F "Mô tả khác" | grep -qF "(•)" || fail "theirs is not chosen after Space"
keys '?'
wait_for "Help: changed by someone else"
assert_screen "Fields you both changed: you choose."
keys Enter
wait_gone "Help: changed by someone else"
keys Escape
wait_for "Merged with the latest version; not saved yet: F2 saves"
assert_absent "changed by someone else"
[ "$(sq "select title from task where id = 302")" = "Hệ thống nước thải (khác)" ] || fail "Esc wrote"
keys F2
wait_for "Saved task"
got=$(sq "select title || '|' || target_qty || '|' || deadline || '|' || start_date || '|' || description || '|' || status from task where id = 302")
[ "$got" = "Hệ thống nước thải (tôi)|40.0|2021-07-15|2021-05-01|Mô tả khác|done" ] || fail "after the merge the task is: $got"

# ---- deleted while the form is open: the typing stays
select_row "100% hoàn thành"
keys e
wait_for "Task title"
sq "pragma foreign_keys = on; delete from progress where task_id = 303; delete from task where id = 303"
keys C-u; type_text "Vườn mẫu của tôi"
keys F2
wait_for "This task no longer exists."
assert_screen "Typing kept; Esc closes."
assert_screen "Vườn mẫu của tôi"
assert_screen "Task title"
keys Escape
wait_for "Drop the unsaved changes?"
keys y
wait_for "The record was deleted while you edited it; the data was read again."
assert_absent "100% hoàn thành"
[ "$(sq "select count(*) from task where title like 'Vườn mẫu%'")" = 0 ] || fail "the deleted task was written again"

# ---- a hamlet: only the other changed the note, only the user the households; Enter saves both
keys Escape
wait_for "Hamlet ("; select_row "Nậy"
keys e
wait_for "Hamlet name"
sq "update unit set note = 'Ghi chú khác', version = version + 1 where id = 301"
keys Tab Tab; type_text "1234"               # households
keys F2
wait_for "changed by someone else"
assert_screen "Note — only someone else changed it: taken by itself"
assert_screen "(•) Theirs (someone else): Ghi chú khác"
assert_screen "Households — only you changed it"
keys Enter
wait_for "Saved hamlet"
[ "$(sq "select households || '|' || note from unit where id = 301")" = "1234|Ghi chú khác" ] ||
    fail "the hamlet after the merge: $(sq "select households, note from unit where id = 301")"
quit
echo "ok: conflict_forms"
