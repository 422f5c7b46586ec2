-- ntm schema, migration 008: who may change what (model/role.h says how it works).
-- A Unix user name -> a role, with what the role covers. Local to this file: users never
-- travel with the province roll-up (model/sync_wire.c does not list these tables); a
-- province file has its own users. A file with no row here works as before: everyone
-- may change everything. The first user must be an admin (model/users.c), and from then
-- on a Unix user not listed here may only read.
CREATE TABLE user_role (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(4)))||'-'||lower(hex(randomblob(2)))||'-4'||substr(lower(hex(randomblob(2))),2)||'-'||substr('89ab',1+(abs(random())%4),1)||substr(lower(hex(randomblob(2))),2)||'-'||lower(hex(randomblob(6)))),
  login     TEXT NOT NULL UNIQUE CHECK (length(login) BETWEEN 1 AND 32),  -- the Unix user name
  role      TEXT NOT NULL CHECK (role IN ('admin','officer','steering','head','leader')),
  -- the commune (or province) the user belongs to: an officer's scope; a steering
  -- member's or hamlet head's commune; for an admin or a leader only a label
  unit_id   INTEGER REFERENCES unit(id) ON DELETE SET NULL,
  -- a steering member (or hamlet head) as a person of the file: what that person owns
  -- (task.owner_person_id, unit_criterion.owner_person_id) is theirs to change
  person_id INTEGER REFERENCES person(id) ON DELETE SET NULL,
  note      TEXT,
  version   INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX user_role_by_unit ON user_role(unit_id) WHERE unit_id IS NOT NULL;
CREATE INDEX user_role_by_person ON user_role(person_id) WHERE person_id IS NOT NULL;
-- role_gate counts the admins at every write (whether the checks are on)
CREATE INDEX user_role_by_role ON user_role(role);

-- The hamlets a steering member is in charge of (thành viên BCĐ phụ trách thôn), and a
-- hamlet head's one hamlet. Kept as a list of its own rather than derived from the tasks
-- a person owns: owning one task in a hamlet must not open all of that hamlet's work.
CREATE TABLE user_hamlet (
  user_id   INTEGER NOT NULL REFERENCES user_role(id) ON DELETE CASCADE,
  hamlet_id INTEGER NOT NULL REFERENCES unit(id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, hamlet_id)
);
CREATE INDEX user_hamlet_by_hamlet ON user_hamlet(hamlet_id);
