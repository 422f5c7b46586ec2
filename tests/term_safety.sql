-- term_safety.sql: text a terminal would act on, written with the sqlite3 shell (which
-- checks nothing) into the demo's hamlet Đức Thịnh, one of its tasks, the task's
-- description and its progress report: ESC [ 2 J (clear the screen), an OSC 52 clipboard
-- write (ESC ] 52 ; c ; base64 BEL), a BEL, a C1 CSI (U+009B) and a bidi override
-- (U+202E). name_key and title_key are left as they were, so searches still find them.
-- Used by tests/e2e/term_safety.sh and tests/pdf/term_safety_pdf.sh.
update task set title = 'Thôn Đức Thịnh ' || char(27) || ']52;c;cHduZWQ=' || char(7) || ' hố ủ phân',
                description = 'Mô tả ' || char(8238) || 'ngược' || char(27) || '[2J hết'
 where title like 'Thôn Đức Thịnh hoàn thành xây dựng hố ủ phân%';
update progress set note = 'Đã đào ' || char(27) || '[2J' || char(7) || char(155) || '0m xong' || char(8238)
 where task_id = (select id from task where title like 'Thôn Đức Thịnh ' || char(27) || '%');
update unit set name = 'Đức Thịnh ' || char(27) || '[2J' || char(155) || '31m'
 where kind = 'hamlet' and name = 'Đức Thịnh';
