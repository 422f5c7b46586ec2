-- ntm schema, migration 006: a short code for every task (V12 on paper: code 12), so a
-- hamlet's filled-in task sheet can be typed back line by line ("V12 150 đã trồng xong"),
-- as the route sheet's "3.5" is.
--
-- task.code: a number unique within the task's commune, given on insert and never
-- given again in that commune (a deleted task's number stays used). Plain SQL triggers,
-- so rows the sqlite3 shell or an import inserts get one too. An insert that brings its
-- own code (undo of a delete) keeps it when it is free, and the counter moves past it.
-- A task moved to another commune gets a number there.
--
-- task_code_seq: the last number given per commune. Local bookkeeping like task_tally:
-- it does not travel (rebuilt as max(code) per commune), and it is not audited, so an
-- undo never hands a number out twice.
ALTER TABLE task ADD COLUMN code INTEGER;

CREATE TABLE task_code_seq (
  commune_id INTEGER PRIMARY KEY,
  last       INTEGER NOT NULL
);

-- Existing tasks: numbered per commune in the order they were made.
UPDATE task SET code = n.code
  FROM (SELECT id, row_number() OVER (PARTITION BY commune_id ORDER BY id) AS code FROM task) AS n
  WHERE n.id = task.id;
INSERT INTO task_code_seq(commune_id, last) SELECT commune_id, max(code) FROM task GROUP BY commune_id;

-- Not a UNIQUE index: the triggers keep the codes apart, so that a plain UPDATE moving a
-- task to another commune (the sqlite3 shell) is renumbered there instead of refused.
CREATE INDEX task_by_code ON task(commune_id, code);

-- A code brought along is kept, unless another task of the commune has it.
CREATE TRIGGER task_code_ai AFTER INSERT ON task BEGIN
  INSERT INTO task_code_seq(commune_id, last) VALUES (new.commune_id, coalesce(new.code, 0))
    ON CONFLICT (commune_id) DO UPDATE SET last = max(last, excluded.last);
  UPDATE task SET code = NULL WHERE id = new.id AND new.code IS NOT NULL
    AND EXISTS (SELECT 1 FROM task o WHERE o.commune_id = new.commune_id AND o.code = new.code AND o.id <> new.id);
  UPDATE task_code_seq SET last = last + 1
    WHERE commune_id = new.commune_id AND (SELECT code FROM task WHERE id = new.id) IS NULL;
  UPDATE task SET code = (SELECT last FROM task_code_seq WHERE commune_id = new.commune_id)
    WHERE id = new.id AND code IS NULL;
END;

-- Moved to another commune: a number there. An undo that moves a task back brings its
-- old number, which it keeps (no other task can have taken it).
CREATE TRIGGER task_code_au AFTER UPDATE OF commune_id ON task
WHEN new.commune_id IS NOT old.commune_id AND (new.code IS NULL OR new.code IS old.code
  OR EXISTS (SELECT 1 FROM task o WHERE o.commune_id = new.commune_id AND o.code = new.code AND o.id <> new.id)) BEGIN
  INSERT INTO task_code_seq(commune_id, last) VALUES (new.commune_id, 1)
    ON CONFLICT (commune_id) DO UPDATE SET last = last + 1;
  UPDATE task SET code = (SELECT last FROM task_code_seq WHERE commune_id = new.commune_id) WHERE id = new.id;
END;

-- The unit of a quantity: at most 40 characters ("hệ thống xử lý nước thải" is 24), so
-- every program reading the file can hold it whole. The task form says so first.
CREATE TRIGGER task_unit_len_ai BEFORE INSERT ON task WHEN length(new.qty_unit) > 40 BEGIN
  SELECT RAISE(ABORT, 'qty_unit: at most 40 characters');
END;
CREATE TRIGGER task_unit_len_au BEFORE UPDATE OF qty_unit ON task WHEN length(new.qty_unit) > 40 BEGIN
  SELECT RAISE(ABORT, 'qty_unit: at most 40 characters');
END;
