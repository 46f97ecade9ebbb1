-- X-Ray scan store, initial schema (SQLite). Same meaning as migrations/postgres/0001_initial.sql.
-- Timestamps are epoch milliseconds; JSON is TEXT; flags are 0/1.
-- Append-only: never edit this file once released; add 0002_... instead.

CREATE TABLE scans (
  id TEXT PRIMARY KEY,
  adapter TEXT NOT NULL,
  root TEXT,
  options TEXT NOT NULL DEFAULT '{}',
  status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'completed', 'failed', 'cancelled')),
  phase TEXT,
  error TEXT,
  truncated INTEGER NOT NULL DEFAULT 0,
  warning TEXT,
  created_at INTEGER NOT NULL,
  started_at INTEGER,
  finished_at INTEGER,
  updated_at INTEGER NOT NULL,
  last_commit_at INTEGER,
  pages_committed INTEGER NOT NULL DEFAULT 0,
  items_crawled INTEGER NOT NULL DEFAULT 0,
  references_crawled INTEGER NOT NULL DEFAULT 0,
  requests INTEGER NOT NULL DEFAULT 0,
  event_seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX scans_by_created ON scans (created_at DESC, id DESC);
CREATE INDEX scans_by_status ON scans (status, created_at);

-- Crawl work queue: one row per page of work; task_key deduplicates replays.
CREATE TABLE crawl_tasks (
  id INTEGER PRIMARY KEY,
  scan_id TEXT NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
  task_key TEXT NOT NULL,
  cursor TEXT NOT NULL,
  depth INTEGER NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'leased', 'done', 'failed')),
  lease_owner TEXT,
  lease_expires_at INTEGER,
  available_at INTEGER NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  items INTEGER,
  created_at INTEGER NOT NULL,
  done_at INTEGER,
  UNIQUE (scan_id, task_key)
);
CREATE INDEX crawl_tasks_by_state ON crawl_tasks (scan_id, state, id);

-- Tier-1 items: what the crawl saw, one row per item and language.
CREATE TABLE items (
  scan_id TEXT NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
  item_id TEXT NOT NULL,
  language TEXT NOT NULL DEFAULT '',
  version INTEGER,
  parent_id TEXT,
  path TEXT NOT NULL,
  name TEXT NOT NULL,
  template_id TEXT,
  template_name TEXT,
  created_at INTEGER,
  updated_at INTEGER,
  depth INTEGER NOT NULL,
  has_children INTEGER NOT NULL,
  fields TEXT NOT NULL DEFAULT '{}',
  PRIMARY KEY (scan_id, item_id, language)
);
CREATE INDEX items_by_parent ON items (scan_id, parent_id);
CREATE INDEX items_by_path ON items (scan_id, lower(path));
CREATE INDEX items_by_template ON items (scan_id, template_id);

-- References between items (links, datasources, templates...). The whole row is the key, so replays upsert.
CREATE TABLE item_references (
  scan_id TEXT NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
  source_id TEXT NOT NULL,
  source_language TEXT NOT NULL DEFAULT '',
  field TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL,
  target_id TEXT NOT NULL DEFAULT '',
  target_path TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (scan_id, source_id, source_language, field, kind, target_id, target_path),
  CHECK (target_id <> '' OR target_path <> '')
);
CREATE INDEX item_references_by_target ON item_references (scan_id, target_id);

-- Analysis results.
CREATE TABLE findings (
  scan_id TEXT NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
  fingerprint TEXT NOT NULL,
  analyzer_id TEXT NOT NULL,
  analyzer_version TEXT NOT NULL,
  category TEXT NOT NULL,
  severity TEXT NOT NULL,
  item_id TEXT,
  item_path TEXT,
  language TEXT,
  message TEXT NOT NULL,
  evidence TEXT NOT NULL DEFAULT '{}',
  hint TEXT,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (scan_id, fingerprint)
);
CREATE INDEX findings_by_category ON findings (scan_id, category, severity);
CREATE INDEX findings_by_analyzer ON findings (scan_id, analyzer_id);

-- Findings a user accepted (won't fix), per adapter instance, across scans.
CREATE TABLE accepted_findings (
  adapter TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  reason TEXT NOT NULL,
  accepted_by TEXT,
  accepted_at INTEGER NOT NULL,
  scan_id TEXT,
  PRIMARY KEY (adapter, fingerprint)
);

CREATE TABLE scan_scores (
  scan_id TEXT NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
  category TEXT NOT NULL,
  score REAL NOT NULL,
  details TEXT NOT NULL DEFAULT '{}',
  PRIMARY KEY (scan_id, category)
);

-- Append-only event log per scan; seq is allocated from scans.event_seq inside the appending transaction.
CREATE TABLE scan_events (
  scan_id TEXT NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  at INTEGER NOT NULL,
  type TEXT NOT NULL,
  data TEXT NOT NULL DEFAULT '{}',
  PRIMARY KEY (scan_id, seq)
);
