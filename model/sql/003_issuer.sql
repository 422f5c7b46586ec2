-- ntm schema, version 3: the bodies that issue a unit's papers (Nghị định 30/2020/NĐ-CP;
-- the Party's own format of Hướng dẫn 36-HD/VPTW for Đảng ủy papers). A commune may have
-- several (Đảng ủy, UBND, Ban chỉ đạo); each paper is issued by one of them: the one
-- named on the command line ([letterhead] issuer / --body), else the one whose `papers`
-- list names that paper, else the unit's default, else ntm.ini's [letterhead].
CREATE TABLE issuer (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(4)))||'-'||lower(hex(randomblob(2)))||'-4'||substr(lower(hex(randomblob(2))),2)||'-'||substr('89ab',1+(abs(random())%4),1)||substr(lower(hex(randomblob(2))),2)||'-'||lower(hex(randomblob(6)))),
  unit_id   INTEGER NOT NULL REFERENCES unit(id),   -- the commune (or province) it serves
  org_id    INTEGER REFERENCES org(id),             -- the organisation, when it is one
  code      TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 20),   -- typed: 'du', 'ubnd', 'bcd'
  style     TEXT NOT NULL DEFAULT 'state' CHECK (style IN ('state','party')),
  parent_name TEXT,                                 -- the line above: 'HUYỆN ỦY HƯƠNG SƠN'
  name      TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),  -- 'ĐẢNG ỦY XÃ SƠN KIM 2'
  symbol    TEXT NOT NULL CHECK (length(symbol) BETWEEN 1 AND 20), -- 'ĐU' in "Số 49-CV/ĐU"
  sign_authority TEXT,                              -- 'TM. BAN THƯỜNG VỤ', 'KT. CHỦ TỊCH'
  sign_title TEXT NOT NULL,                         -- 'BÍ THƯ', 'PHÓ CHỦ TỊCH'
  signer_name TEXT,                                 -- 'Cao Kỳ Vị'
  papers    TEXT,                                   -- ',route,tour-summary,': issues these
  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0,1)),
  version   INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  UNIQUE (unit_id, code)
);
CREATE INDEX issuer_by_org ON issuer(org_id) WHERE org_id IS NOT NULL;
