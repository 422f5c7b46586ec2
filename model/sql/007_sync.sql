-- ntm schema, migration 008: the province roll-up (model/sync.h says how it works).
-- Commune files send their rows up to a province file, and the province's criteria
-- sets, campaigns and directives come down, as SQLite session-extension changesets in
-- which every row is keyed by its uuid and refers to others by their uuids, so local
-- integer ids never travel and stay what they are in every file.

-- This file's own identity, in every file header it writes: a copy of a commune's file
-- that goes on exporting on another PC is told apart by it.
INSERT OR IGNORE INTO meta(key, value) VALUES ('site', lower(hex(randomblob(16))));

-- Criteria sets and checklists are the same rows in every file (a national set loaded
-- in 200 commune files must arrive as one set, not 200): their uuid is made from their
-- natural keys instead of at random, here for the rows there are and by the triggers
-- below for new ones, so the sqlite3 shell's rows get one too.
UPDATE criteria_set SET uuid = 'cs:' || code;
UPDATE criterion SET uuid = (SELECT s.uuid FROM criteria_set s WHERE s.id = criterion.set_id) || ':' || number;
UPDATE indicator SET uuid = (SELECT c.uuid FROM criterion c WHERE c.id = indicator.criterion_id) || ':' || code;
UPDATE indicator_target SET uuid = (SELECT i.uuid FROM indicator i WHERE i.id = indicator_target.indicator_id)
  || ':' || coalesce('g' || commune_group, '') || coalesce('r' || region, '') || CASE WHEN commune_group IS NULL AND region IS NULL THEN 'all' ELSE '' END;
UPDATE checklist_template SET uuid = 'cl:' || code;
UPDATE checklist_item SET uuid = (SELECT t.uuid FROM checklist_template t WHERE t.id = checklist_item.template_id) || ':' || seq;

-- A row that comes with a key-shaped uuid already (a sync import) keeps it.
CREATE TRIGGER criteria_set_uuid_ai AFTER INSERT ON criteria_set WHEN new.uuid NOT LIKE 'cs:%' BEGIN
  UPDATE criteria_set SET uuid = 'cs:' || new.code WHERE id = new.id;
END;
CREATE TRIGGER criterion_uuid_ai AFTER INSERT ON criterion WHEN new.uuid NOT LIKE 'cs:%' BEGIN
  UPDATE criterion SET uuid = (SELECT s.uuid FROM criteria_set s WHERE s.id = new.set_id) || ':' || new.number WHERE id = new.id;
END;
CREATE TRIGGER indicator_uuid_ai AFTER INSERT ON indicator WHEN new.uuid NOT LIKE 'cs:%' BEGIN
  UPDATE indicator SET uuid = (SELECT c.uuid FROM criterion c WHERE c.id = new.criterion_id) || ':' || new.code WHERE id = new.id;
END;
CREATE TRIGGER indicator_target_uuid_ai AFTER INSERT ON indicator_target WHEN new.uuid NOT LIKE 'cs:%' BEGIN
  UPDATE indicator_target SET uuid = (SELECT i.uuid FROM indicator i WHERE i.id = new.indicator_id)
    || ':' || coalesce('g' || new.commune_group, '') || coalesce('r' || new.region, '')
    || CASE WHEN new.commune_group IS NULL AND new.region IS NULL THEN 'all' ELSE '' END WHERE id = new.id;
END;
CREATE TRIGGER checklist_template_uuid_ai AFTER INSERT ON checklist_template WHEN new.uuid NOT LIKE 'cl:%' BEGIN
  UPDATE checklist_template SET uuid = 'cl:' || new.code WHERE id = new.id;
END;
CREATE TRIGGER checklist_item_uuid_ai AFTER INSERT ON checklist_item WHEN new.uuid NOT LIKE 'cl:%' BEGIN
  UPDATE checklist_item SET uuid = (SELECT t.uuid FROM checklist_template t WHERE t.id = new.template_id) || ':' || new.seq WHERE id = new.id;
END;

-- What a province sends its communes besides criteria sets and campaigns: a directive
-- (chỉ đạo: a document with a number and a due date) or a note, for one commune or for
-- all of them (commune_id NULL). Owned by the province: a commune's edits never go up.
CREATE TABLE directive (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(4)))||'-'||lower(hex(randomblob(2)))||'-4'||substr(lower(hex(randomblob(2))),2)||'-'||substr('89ab',1+(abs(random())%4),1)||substr(lower(hex(randomblob(2))),2)||'-'||lower(hex(randomblob(6)))),
  unit_id   INTEGER NOT NULL REFERENCES unit(id),     -- the province that issues it
  commune_id INTEGER REFERENCES unit(id),             -- the commune it is for; NULL: every commune
  kind      TEXT NOT NULL DEFAULT 'directive' CHECK (kind IN ('directive','note')),
  doc_number TEXT,
  title     TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  body      TEXT,
  issue_date TEXT,
  due_date  TEXT,
  version   INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX directive_by_unit ON directive(unit_id);
CREATE INDEX directive_by_commune ON directive(commune_id) WHERE commune_id IS NOT NULL;

-- One stream per commune and direction ('up': the commune's rows to the province,
-- 'down': the province's to the commune), on both ends. Local bookkeeping: it never
-- travels and is not audited.
--  sender's side:   sent_seq, the last sequence exported; acked_seq, the last one the
--                   other end said it applied; snapshot, the stream's rows as of
--                   sent_seq (a changeset from empty), which the next export diffs with.
--  receiver's side: site, the sender's file; applied_seq and applied_crc, the last
--                   sequence applied (and the file's checksum); received_at, when
--                   (UTC); made_at, when the sender wrote it.
CREATE TABLE sync_peer (
  unit_uuid   TEXT NOT NULL,
  dir         TEXT NOT NULL CHECK (dir IN ('up','down')),
  sent_seq    INTEGER NOT NULL DEFAULT 0,
  acked_seq   INTEGER NOT NULL DEFAULT 0,
  snapshot    BLOB,
  site        TEXT,
  applied_seq INTEGER NOT NULL DEFAULT 0,
  applied_crc TEXT,
  received_at TEXT,
  made_at     TEXT,
  PRIMARY KEY (unit_uuid, dir)
) WITHOUT ROWID;

-- The changesets sent and not yet acknowledged: every export carries all of them, so
-- the newest file alone brings the other end up to date, and a lost file costs nothing.
CREATE TABLE sync_segment (
  unit_uuid TEXT NOT NULL,
  dir       TEXT NOT NULL,
  seq       INTEGER NOT NULL,
  made_at   TEXT NOT NULL,
  data      BLOB NOT NULL,
  PRIMARY KEY (unit_uuid, dir, seq)
) WITHOUT ROWID;

-- Every conflict an import met and how ownership resolved it (codes: model/sync.h).
CREATE TABLE sync_conflict (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  unit_uuid TEXT NOT NULL,          -- the stream's commune
  dir       TEXT NOT NULL,
  seq       INTEGER NOT NULL,
  tbl       TEXT NOT NULL,
  row_uuid  TEXT NOT NULL,          -- the row's key (a link row: both uuids, '/' between)
  kind      TEXT NOT NULL,          -- data, missing, exists, owner, reference, unique
  resolution TEXT NOT NULL,         -- theirs (the sender's row taken), ours (kept), skipped
  detail    TEXT
);
CREATE INDEX sync_conflict_by_unit ON sync_conflict(unit_uuid, id);

-- Every file an import read, applied or refused.
CREATE TABLE sync_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  file      TEXT NOT NULL,
  unit_uuid TEXT,
  dir       TEXT,
  first_seq INTEGER,
  last_seq  INTEGER,
  result    TEXT NOT NULL,          -- applied, refused
  rows      INTEGER NOT NULL DEFAULT 0,
  conflicts INTEGER NOT NULL DEFAULT 0,
  message   TEXT
);
