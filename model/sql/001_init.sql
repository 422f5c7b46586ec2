-- ntm schema, version 1: the whole domain.
-- Conventions:
--  * id INTEGER PRIMARY KEY is the local key; uuid is the global identity that travels
--    in changesets (SQLite session extension) when communes roll up into a province file.
--  * Times (created_at, updated_at, entered_at, audit.at) are UTC, ISO 8601 with 'Z'.
--    Calendar dates (deadlines, report dates, campaign dates) are 'YYYY-MM-DD'.
--  * name_key / title_key: NFC, lower case, accents removed, đ -> d; written by the C
--    code (model/text.c) on every write and refilled by model_refold() when empty.
--  * sort_key: Vietnamese collation key (a ă â b c d đ e ê ...), BINARY-comparable.
--  * version: row version, +1 on every update, for later conflict checks.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- Province, commune, hamlet. District is only a label (two-tier government since 2025).
CREATE TABLE unit (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(4)))||'-'||lower(hex(randomblob(2)))||'-4'||substr(lower(hex(randomblob(2))),2)||'-'||substr('89ab',1+(abs(random())%4),1)||substr(lower(hex(randomblob(2))),2)||'-'||lower(hex(randomblob(6)))),
  kind        TEXT NOT NULL CHECK (kind IN ('province','commune','hamlet')),
  parent_id   INTEGER REFERENCES unit(id),
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  name_key    TEXT NOT NULL DEFAULT '',
  sort_key    TEXT NOT NULL DEFAULT '',
  district    TEXT,
  commune_group INTEGER CHECK (commune_group IN (1,2,3)),
  criteria_set_id INTEGER REFERENCES criteria_set(id),
  population  INTEGER CHECK (population >= 0),
  households  INTEGER CHECK (households >= 0),
  note        TEXT,
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  merged_into_id INTEGER REFERENCES unit(id),
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  CHECK ((kind = 'province') = (parent_id IS NULL))
);
CREATE INDEX unit_by_parent ON unit(parent_id, active, sort_key);
CREATE INDEX unit_by_kind   ON unit(kind, sort_key);

-- Renames, merges and splits keep their history here.
CREATE TABLE unit_event (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
  unit_id   INTEGER NOT NULL REFERENCES unit(id),
  kind      TEXT NOT NULL CHECK (kind IN ('rename','merge','split','move')),
  old_name  TEXT,
  new_name  TEXT,
  other_unit_id INTEGER REFERENCES unit(id),
  on_date   TEXT,
  document  TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX unit_event_by_unit ON unit_event(unit_id, on_date);

-- Recognised statuses of a unit over time (commune met NTM 2020, hamlet is a model area...).
CREATE TABLE status_kind (
  code     TEXT PRIMARY KEY,
  level    TEXT NOT NULL CHECK (level IN ('commune','hamlet')),
  label_vi TEXT NOT NULL,
  label_en TEXT NOT NULL,
  rank     INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE unit_status (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
  unit_id   INTEGER NOT NULL REFERENCES unit(id),
  status    TEXT NOT NULL REFERENCES status_kind(code),
  year      INTEGER,
  since     TEXT,
  document  TEXT,
  note      TEXT,
  version   INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX unit_status_by_unit ON unit_status(unit_id, id);

-- Criteria sets are data: period, deciding document, criteria, indicators, targets.
CREATE TABLE criteria_set (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
  code      TEXT NOT NULL UNIQUE,
  name      TEXT NOT NULL,
  level     TEXT NOT NULL CHECK (level IN ('commune','commune_advanced','hamlet','model_area')),
  year_from INTEGER NOT NULL,
  year_to   INTEGER NOT NULL,
  scope     TEXT NOT NULL DEFAULT 'national' CHECK (scope IN ('national','provincial')),
  decision  TEXT,                     -- NULL while only the set's name is known
  decision_date TEXT,
  issuer    TEXT,
  in_force  TEXT,
  note      TEXT
);

CREATE TABLE criterion (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
  set_id    INTEGER NOT NULL REFERENCES criteria_set(id),
  number    INTEGER NOT NULL,
  name      TEXT NOT NULL,
  name_key  TEXT NOT NULL DEFAULT '',
  UNIQUE (set_id, number)
);

CREATE TABLE indicator (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
  criterion_id INTEGER NOT NULL REFERENCES criterion(id),
  code      TEXT NOT NULL,            -- '2.1'
  name      TEXT NOT NULL,
  measure   TEXT,                     -- unit of measure, '%' ...
  UNIQUE (criterion_id, code)
);

-- A target per commune group (1, 2, 3; 2026-2030) or per region (the 7 vùng of
-- 2021-2025), or for all (both NULL).
CREATE TABLE indicator_target (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
  indicator_id INTEGER NOT NULL REFERENCES indicator(id),
  commune_group INTEGER CHECK (commune_group IN (1,2,3)),
  region    TEXT,
  target    TEXT NOT NULL,
  UNIQUE (indicator_id, commune_group, region)
);

CREATE TABLE org (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(4)))||'-'||lower(hex(randomblob(2)))||'-4'||substr(lower(hex(randomblob(2))),2)||'-'||substr('89ab',1+(abs(random())%4),1)||substr(lower(hex(randomblob(2))),2)||'-'||lower(hex(randomblob(6)))),
  unit_id   INTEGER NOT NULL REFERENCES unit(id),   -- the commune it belongs to
  name      TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  short_name TEXT,
  kind      TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('party','government','front','union','police','military','school','coop','committee','other')),
  name_key  TEXT NOT NULL DEFAULT '',
  sort_key  TEXT NOT NULL DEFAULT '',
  version   INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX org_by_unit ON org(unit_id, sort_key);

CREATE TABLE person (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(4)))||'-'||lower(hex(randomblob(2)))||'-4'||substr(lower(hex(randomblob(2))),2)||'-'||substr('89ab',1+(abs(random())%4),1)||substr(lower(hex(randomblob(2))),2)||'-'||lower(hex(randomblob(6)))),
  unit_id   INTEGER NOT NULL REFERENCES unit(id),   -- commune (or hamlet) they work in
  full_name TEXT NOT NULL CHECK (length(full_name) BETWEEN 1 AND 120),
  position  TEXT,                                   -- 'Công chức địa chính xây dựng'
  org_id    INTEGER REFERENCES org(id),
  phone     TEXT,
  name_key  TEXT NOT NULL DEFAULT '',
  sort_key  TEXT NOT NULL DEFAULT '',               -- by given name, Vietnamese order
  version   INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX person_by_unit ON person(unit_id, sort_key);

-- A campaign / plan / peak push with its deciding document.
CREATE TABLE campaign (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(4)))||'-'||lower(hex(randomblob(2)))||'-4'||substr(lower(hex(randomblob(2))),2)||'-'||substr('89ab',1+(abs(random())%4),1)||substr(lower(hex(randomblob(2))),2)||'-'||lower(hex(randomblob(6)))),
  unit_id   INTEGER NOT NULL REFERENCES unit(id),
  name      TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  doc_number TEXT,                    -- '14-KH/BCĐ'
  issuer    TEXT,
  issue_date TEXT,
  start_date TEXT NOT NULL,
  end_date  TEXT NOT NULL,
  signer    TEXT,
  note      TEXT,
  name_key  TEXT NOT NULL DEFAULT '',
  version   INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  CHECK (end_date >= start_date)
);
CREATE INDEX campaign_by_unit ON campaign(unit_id, start_date);

-- The per-unit state of one criterion.
CREATE TABLE unit_criterion (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
  unit_id   INTEGER NOT NULL REFERENCES unit(id),
  criterion_id INTEGER NOT NULL REFERENCES criterion(id),
  status    TEXT NOT NULL DEFAULT 'not_met' CHECK (status IN ('met','not_met','at_risk')),
  owner_org_id    INTEGER REFERENCES org(id),
  owner_person_id INTEGER REFERENCES person(id),
  dossier   TEXT NOT NULL DEFAULT 'none' CHECK (dossier IN ('none','in_progress','complete','appraised')),
  status_date TEXT,
  note      TEXT,
  version   INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  UNIQUE (unit_id, criterion_id)
);

CREATE TABLE household (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(4)))||'-'||lower(hex(randomblob(2)))||'-4'||substr(lower(hex(randomblob(2))),2)||'-'||substr('89ab',1+(abs(random())%4),1)||substr(lower(hex(randomblob(2))),2)||'-'||lower(hex(randomblob(6)))),
  hamlet_id INTEGER NOT NULL REFERENCES unit(id),
  head_name TEXT NOT NULL CHECK (length(head_name) BETWEEN 1 AND 120),
  address   TEXT,
  -- flags the seeds ask about: 1 = yes, 0 = no, NULL = not surveyed
  model_garden     INTEGER CHECK (model_garden IN (0,1)),
  three_clean      INTEGER CHECK (three_clean IN (0,1)),
  septic_toilet    INTEGER CHECK (septic_toilet IN (0,1)),
  wastewater_pit   INTEGER CHECK (wastewater_pit IN (0,1)),
  compost_pit      INTEGER CHECK (compost_pit IN (0,1)),
  bad_toilet       INTEGER CHECK (bad_toilet IN (0,1)),
  poor             INTEGER CHECK (poor IN (0,1)),
  official         INTEGER CHECK (official IN (0,1)),   -- cadre/party member: must lead
  note      TEXT,
  name_key  TEXT NOT NULL DEFAULT '',
  sort_key  TEXT NOT NULL DEFAULT '',
  version   INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX household_by_hamlet ON household(hamlet_id, sort_key);

-- Inspection tours.
CREATE TABLE checklist_template (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
  code      TEXT NOT NULL UNIQUE,
  name      TEXT NOT NULL,
  note      TEXT
);

CREATE TABLE checklist_item (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
  template_id INTEGER NOT NULL REFERENCES checklist_template(id),
  seq       INTEGER NOT NULL,
  title     TEXT NOT NULL,           -- short, printed on the sheet
  detail    TEXT,                    -- the full requirement
  criterion_id INTEGER REFERENCES criterion(id),
  UNIQUE (template_id, seq)
);

CREATE TABLE tour (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(4)))||'-'||lower(hex(randomblob(2)))||'-4'||substr(lower(hex(randomblob(2))),2)||'-'||substr('89ab',1+(abs(random())%4),1)||substr(lower(hex(randomblob(2))),2)||'-'||lower(hex(randomblob(6)))),
  unit_id   INTEGER NOT NULL REFERENCES unit(id),     -- the commune
  name      TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  tour_date TEXT,
  lead_person_id INTEGER REFERENCES person(id),
  team      TEXT,                                     -- members as printed
  purpose   TEXT,
  campaign_id INTEGER REFERENCES campaign(id),
  name_key  TEXT NOT NULL DEFAULT '',
  version   INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX tour_by_unit ON tour(unit_id, tour_date);

CREATE TABLE tour_member (
  tour_id   INTEGER NOT NULL REFERENCES tour(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES person(id),
  role      TEXT,
  PRIMARY KEY (tour_id, person_id)
);

CREATE TABLE tour_stop (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
  tour_id   INTEGER NOT NULL REFERENCES tour(id) ON DELETE CASCADE,
  seq       INTEGER NOT NULL,
  kind      TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('household','garden','farm','cultural_house','school','road','bridge','field','other')),
  hamlet_id INTEGER REFERENCES unit(id),
  household_id INTEGER REFERENCES household(id),
  name      TEXT NOT NULL,
  landmark  TEXT,
  note      TEXT,
  version   INTEGER NOT NULL DEFAULT 1,
  UNIQUE (tour_id, seq)
);

-- The checks applied at one stop (from a template, then added or dropped by hand).
CREATE TABLE tour_check (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
  stop_id   INTEGER NOT NULL REFERENCES tour_stop(id) ON DELETE CASCADE,
  seq       INTEGER NOT NULL,
  item_id   INTEGER REFERENCES checklist_item(id),
  title     TEXT NOT NULL,
  result    TEXT CHECK (result IN ('pass','fail','na')),
  note      TEXT,
  recorded_by TEXT,
  recorded_at TEXT,
  version   INTEGER NOT NULL DEFAULT 1,
  UNIQUE (stop_id, seq)
);

CREATE TABLE task (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(4)))||'-'||lower(hex(randomblob(2)))||'-4'||substr(lower(hex(randomblob(2))),2)||'-'||substr('89ab',1+(abs(random())%4),1)||substr(lower(hex(randomblob(2))),2)||'-'||lower(hex(randomblob(6)))),
  commune_id INTEGER NOT NULL REFERENCES unit(id),
  hamlet_id INTEGER REFERENCES unit(id),               -- NULL: the whole commune
  title     TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  description TEXT,
  criterion_id INTEGER REFERENCES criterion(id),
  campaign_id  INTEGER REFERENCES campaign(id),
  owner_org_id    INTEGER REFERENCES org(id),
  owner_person_id INTEGER REFERENCES person(id),
  owner_unit_id   INTEGER REFERENCES unit(id),          -- a hamlet as owner
  target_qty REAL CHECK (target_qty IS NULL OR target_qty >= 0),
  qty_unit  TEXT,                                      -- km, m, hộ, hệ thống, vườn, ...
  start_date TEXT,
  done_qty  REAL NOT NULL DEFAULT 0,                   -- sum of progress.qty (trigger)
  deadline  TEXT,
  status    TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','cancelled')),
  tour_check_id INTEGER REFERENCES tour_check(id),      -- follow-up of a failed check
  title_key TEXT NOT NULL DEFAULT '',
  version   INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
-- Totals and progress come from task_tally, overdue mostly from task_open_month (below).
-- These give the rest of the day-dependent counts (open and overdue, open and due this
-- week) as index ranges that read only those tasks; the commune index also gives the
-- hamlet of each (the dashboard's ranking of hamlets).
CREATE INDEX task_by_hamlet   ON task(hamlet_id, status, deadline);
CREATE INDEX task_by_commune  ON task(commune_id, status, deadline, hamlet_id);
CREATE INDEX task_by_campaign ON task(campaign_id);
CREATE INDEX task_by_check    ON task(tour_check_id) WHERE tour_check_id IS NOT NULL;

CREATE TABLE progress (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(4)))||'-'||lower(hex(randomblob(2)))||'-4'||substr(lower(hex(randomblob(2))),2)||'-'||substr('89ab',1+(abs(random())%4),1)||substr(lower(hex(randomblob(2))),2)||'-'||lower(hex(randomblob(6)))),
  task_id   INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
  report_date TEXT NOT NULL,
  qty       REAL NOT NULL DEFAULT 0,                   -- this report's quantity
  note      TEXT,
  reporter  TEXT,                                      -- who reported (name as given)
  entered_by TEXT NOT NULL DEFAULT '',                 -- Unix user who typed it
  entered_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  version   INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX progress_by_task ON progress(task_id, report_date);

-- task.done_qty follows its reports; plain SQL, so the sqlite3 shell keeps it right too.
CREATE TRIGGER progress_ai AFTER INSERT ON progress BEGIN
  UPDATE task SET done_qty = done_qty + new.qty WHERE id = new.task_id;
END;
CREATE TRIGGER progress_ad AFTER DELETE ON progress BEGIN
  UPDATE task SET done_qty = done_qty - old.qty WHERE id = old.task_id;
END;
CREATE TRIGGER progress_au AFTER UPDATE OF qty, task_id ON progress BEGIN
  UPDATE task SET done_qty = done_qty - old.qty WHERE id = old.task_id;
  UPDATE task SET done_qty = done_qty + new.qty WHERE id = new.task_id;
END;

-- Running task counts, so a commune's or a province's numbers read a few rows instead of
-- every task. Kept by plain SQL triggers on task, so the sqlite3 shell keeps them right
-- too (and the done_qty updates of the progress triggers above fire them as well).
-- Not covered: INSERT OR REPLACE / UPDATE OR REPLACE replacing another task row (SQLite
-- fires no delete trigger for that unless recursive_triggers is on). To rebuild both:
-- DELETE their rows, then INSERT the two "Always equal to" queries below (0 for progress_lo).
--
-- task_tally: per commune, hamlet and status, the number of tasks and the sum of their
-- progress, CASE WHEN status = 'done' THEN 1.0 WHEN target_qty > 0 THEN min(done_qty /
-- target_qty, 1.0) ELSE 0 END. The sum is progress + progress_lo, kept with compensated
-- (Neumaier) additions: it is the group's exact sum rounded once, whatever the order of
-- the changes that led to it (a plain running sum would drift: 0.1 + 0.2 - 0.1 - 0.2 is
-- not 0). A row goes with the group's last task. Always equal to
--   SELECT commune_id, coalesce(hamlet_id, 0), status, count(*), total(<progress>) FROM task GROUP BY 1, 2, 3
CREATE TABLE task_tally (
  commune_id  INTEGER NOT NULL,
  hamlet_id   INTEGER NOT NULL,         -- 0: the whole commune (task.hamlet_id IS NULL)
  status      TEXT NOT NULL,
  n           INTEGER NOT NULL,
  progress    REAL NOT NULL,
  progress_lo REAL NOT NULL DEFAULT 0,  -- the rounding error of progress
  PRIMARY KEY (commune_id, hamlet_id, status)
) WITHOUT ROWID;
CREATE INDEX task_tally_by_hamlet ON task_tally(hamlet_id);

-- task_open_month: the open tasks of a commune by deadline month (the first 7 characters
-- of the deadline; '~' for none, after every month). Overdue on day D (deadline < D) is
-- then the months before D's month here plus D's month up to D from task_by_commune,
-- however many tasks are overdue. Always equal to
--   SELECT commune_id, coalesce(substr(deadline, 1, 7), '~'), count(*) FROM task WHERE status = 'open' GROUP BY 1, 2
CREATE TABLE task_open_month (
  commune_id INTEGER NOT NULL,
  month      TEXT NOT NULL,
  n          INTEGER NOT NULL,
  PRIMARY KEY (commune_id, month)
) WITHOUT ROWID;

-- Every change is an upsert of the task's old row with -1 and minus its progress, and of
-- its new row with +1 and its progress, then the old group's row goes when it is empty.
-- The progress sum adds x = excluded.progress as progress + x, with the rounding error
-- of that addition added to progress_lo.
CREATE TRIGGER task_tally_ai AFTER INSERT ON task BEGIN
  INSERT INTO task_tally(commune_id, hamlet_id, status, n, progress, progress_lo)
  SELECT new.commune_id, coalesce(new.hamlet_id, 0), new.status, 1, CASE WHEN new.status = 'done' THEN 1.0 WHEN new.target_qty > 0 THEN min(new.done_qty / new.target_qty, 1.0) ELSE 0 END, 0 WHERE true
  ON CONFLICT (commune_id, hamlet_id, status) DO UPDATE SET n = n + excluded.n,
    progress = progress + excluded.progress,
    progress_lo = progress_lo + CASE WHEN abs(progress) >= abs(excluded.progress)
      THEN (progress - (progress + excluded.progress)) + excluded.progress
      ELSE (excluded.progress - (progress + excluded.progress)) + progress END;
  INSERT INTO task_open_month(commune_id, month, n) SELECT new.commune_id, coalesce(substr(new.deadline, 1, 7), '~'), 1 WHERE new.status = 'open'
  ON CONFLICT (commune_id, month) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER task_tally_ad AFTER DELETE ON task BEGIN
  INSERT INTO task_tally(commune_id, hamlet_id, status, n, progress, progress_lo)
  SELECT old.commune_id, coalesce(old.hamlet_id, 0), old.status, -1, -(CASE WHEN old.status = 'done' THEN 1.0 WHEN old.target_qty > 0 THEN min(old.done_qty / old.target_qty, 1.0) ELSE 0 END), 0 WHERE true
  ON CONFLICT (commune_id, hamlet_id, status) DO UPDATE SET n = n + excluded.n,
    progress = progress + excluded.progress,
    progress_lo = progress_lo + CASE WHEN abs(progress) >= abs(excluded.progress)
      THEN (progress - (progress + excluded.progress)) + excluded.progress
      ELSE (excluded.progress - (progress + excluded.progress)) + progress END;
  DELETE FROM task_tally WHERE commune_id = old.commune_id AND hamlet_id = coalesce(old.hamlet_id, 0) AND status = old.status AND n <= 0;
  INSERT INTO task_open_month(commune_id, month, n) SELECT old.commune_id, coalesce(substr(old.deadline, 1, 7), '~'), -1 WHERE old.status = 'open'
  ON CONFLICT (commune_id, month) DO UPDATE SET n = n + excluded.n;
  DELETE FROM task_open_month WHERE commune_id = old.commune_id AND month = coalesce(substr(old.deadline, 1, 7), '~') AND n <= 0;
END;
CREATE TRIGGER task_tally_au AFTER UPDATE OF status, done_qty, target_qty, commune_id, hamlet_id ON task
WHEN old.status IS NOT new.status OR old.done_qty IS NOT new.done_qty OR old.target_qty IS NOT new.target_qty
  OR old.commune_id IS NOT new.commune_id OR old.hamlet_id IS NOT new.hamlet_id BEGIN
  INSERT INTO task_tally(commune_id, hamlet_id, status, n, progress, progress_lo)
  SELECT old.commune_id, coalesce(old.hamlet_id, 0), old.status, -1, -(CASE WHEN old.status = 'done' THEN 1.0 WHEN old.target_qty > 0 THEN min(old.done_qty / old.target_qty, 1.0) ELSE 0 END), 0 WHERE true
  ON CONFLICT (commune_id, hamlet_id, status) DO UPDATE SET n = n + excluded.n,
    progress = progress + excluded.progress,
    progress_lo = progress_lo + CASE WHEN abs(progress) >= abs(excluded.progress)
      THEN (progress - (progress + excluded.progress)) + excluded.progress
      ELSE (excluded.progress - (progress + excluded.progress)) + progress END;
  INSERT INTO task_tally(commune_id, hamlet_id, status, n, progress, progress_lo)
  SELECT new.commune_id, coalesce(new.hamlet_id, 0), new.status, 1, CASE WHEN new.status = 'done' THEN 1.0 WHEN new.target_qty > 0 THEN min(new.done_qty / new.target_qty, 1.0) ELSE 0 END, 0 WHERE true
  ON CONFLICT (commune_id, hamlet_id, status) DO UPDATE SET n = n + excluded.n,
    progress = progress + excluded.progress,
    progress_lo = progress_lo + CASE WHEN abs(progress) >= abs(excluded.progress)
      THEN (progress - (progress + excluded.progress)) + excluded.progress
      ELSE (excluded.progress - (progress + excluded.progress)) + progress END;
  DELETE FROM task_tally WHERE commune_id = old.commune_id AND hamlet_id = coalesce(old.hamlet_id, 0) AND status = old.status AND n <= 0;
END;
CREATE TRIGGER task_open_month_au AFTER UPDATE OF status, deadline, commune_id ON task
WHEN (old.status = 'open' OR new.status = 'open')
  AND NOT (old.status = new.status AND old.commune_id = new.commune_id AND coalesce(substr(old.deadline, 1, 7), '~') = coalesce(substr(new.deadline, 1, 7), '~')) BEGIN
  INSERT INTO task_open_month(commune_id, month, n) SELECT old.commune_id, coalesce(substr(old.deadline, 1, 7), '~'), -1 WHERE old.status = 'open'
  ON CONFLICT (commune_id, month) DO UPDATE SET n = n + excluded.n;
  INSERT INTO task_open_month(commune_id, month, n) SELECT new.commune_id, coalesce(substr(new.deadline, 1, 7), '~'), 1 WHERE new.status = 'open'
  ON CONFLICT (commune_id, month) DO UPDATE SET n = n + excluded.n;
  DELETE FROM task_open_month WHERE commune_id = old.commune_id AND month = coalesce(substr(old.deadline, 1, 7), '~') AND n <= 0;
END;

-- Every change, with the Unix user. Filled by TEMP triggers that each ntm connection
-- creates (model/audit.c), so the user is known without an application SQL function.
CREATE TABLE audit (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
  at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  user      TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id INTEGER,
  entity_uuid TEXT,
  action    TEXT NOT NULL CHECK (action IN ('insert','update','delete')),
  tx        INTEGER,                 -- one user action (transaction) groups its rows: undo
  old_json  TEXT,
  new_json  TEXT
);
CREATE INDEX audit_by_entity ON audit(entity, entity_id, id);
CREATE INDEX audit_by_user ON audit(user, id);
CREATE INDEX audit_by_tx ON audit(tx);

INSERT INTO status_kind(code, level, label_vi, label_en, rank) VALUES
 ('commune_not_met',     'commune', 'Chưa đạt chuẩn NTM',                 'Not yet NTM standard',        0),
 ('commune_met',         'commune', 'Đạt chuẩn NTM',                      'Met NTM standard',            1),
 ('commune_advanced_planned','commune','Phấn đấu NTM nâng cao',           'Working towards advanced NTM',2),
 ('commune_advanced',    'commune', 'Đạt chuẩn NTM nâng cao',             'Met advanced NTM',            3),
 ('commune_model',       'commune', 'Đạt chuẩn NTM kiểu mẫu',             'Model NTM commune',           4),
 ('hamlet_none',         'hamlet',  'Chưa xếp loại',                      'Not graded',                  0),
 ('hamlet_model_next',   'hamlet',  'Chuẩn bị KDC kiểu mẫu năm sau',      'Preparing model area next year',1),
 ('hamlet_model_building','hamlet', 'Đang xây dựng KDC NTM kiểu mẫu',     'Building a model area',       2),
 ('hamlet_ntm_met',      'hamlet',  'Thôn đạt chuẩn NTM',                 'Hamlet met NTM standard',     3),
 ('hamlet_model_met',    'hamlet',  'Đạt chuẩn KDC NTM kiểu mẫu',         'Model residential area met',  4);

-- Foreign keys are checked on delete: without these, deleting an organisation or a
-- person would read every task of the province.
CREATE INDEX task_by_owner_org      ON task(owner_org_id)       WHERE owner_org_id IS NOT NULL;
CREATE INDEX task_by_owner_person   ON task(owner_person_id)    WHERE owner_person_id IS NOT NULL;
CREATE INDEX task_by_owner_unit     ON task(owner_unit_id)      WHERE owner_unit_id IS NOT NULL;
CREATE INDEX task_by_criterion      ON task(criterion_id)       WHERE criterion_id IS NOT NULL;
CREATE INDEX person_by_org          ON person(org_id)           WHERE org_id IS NOT NULL;
CREATE INDEX uc_by_owner_org        ON unit_criterion(owner_org_id)    WHERE owner_org_id IS NOT NULL;
CREATE INDEX uc_by_owner_person     ON unit_criterion(owner_person_id) WHERE owner_person_id IS NOT NULL;
CREATE INDEX uc_by_criterion        ON unit_criterion(criterion_id);
CREATE INDEX tour_by_lead           ON tour(lead_person_id)     WHERE lead_person_id IS NOT NULL;
CREATE INDEX tour_by_campaign       ON tour(campaign_id)        WHERE campaign_id IS NOT NULL;
CREATE INDEX tour_member_by_person  ON tour_member(person_id);
CREATE INDEX tour_stop_by_hamlet    ON tour_stop(hamlet_id)     WHERE hamlet_id IS NOT NULL;
CREATE INDEX tour_stop_by_household ON tour_stop(household_id)  WHERE household_id IS NOT NULL;
CREATE INDEX unit_by_merged         ON unit(merged_into_id)     WHERE merged_into_id IS NOT NULL;
CREATE INDEX unit_event_by_other    ON unit_event(other_unit_id) WHERE other_unit_id IS NOT NULL;
