-- ntm schema, version 2: what each user last chose on a screen (filters, sort order),
-- so the program opens where they left it. Local to this file; does not travel.
CREATE TABLE ui_state (
  user   TEXT NOT NULL,
  key    TEXT NOT NULL,
  value  TEXT NOT NULL,
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  PRIMARY KEY (user, key)
) WITHOUT ROWID;
