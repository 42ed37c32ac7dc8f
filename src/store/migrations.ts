/**
 * Versioned schema migrations for both engines. Each migration runs once, in a transaction
 * where the engine allows DDL in one (both do), and is recorded in schema_migrations.
 * Entity tables share one shape (see entityTable); the differences between engines are confined
 * to the `t` type map below.
 *
 * A migration's statements are frozen: they name their tables and indexed columns as literals and
 * never read the kind registry (KINDS), so a column added to a kind later cannot change what an old
 * migration creates on a fresh store. A new column is a new migration (`entityColumn`);
 * migrations.case.test.ts checks that the migrated schema matches KINDS.
 */
import type { Database, Dialect, Sql } from './sql.js';

interface Types {
  serial: string;
  blob: string;
}
const TYPES: Record<Dialect, Types> = {
  sqlite: { serial: 'INTEGER PRIMARY KEY AUTOINCREMENT', blob: 'BLOB' },
  postgres: { serial: 'BIGSERIAL PRIMARY KEY', blob: 'BYTEA' },
};

/** Indexed column name for a body field: "firstSurname" → "c_first_surname". */
export function columnFor(field: string): string {
  return `c_${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
}

/**
 * CREATE statements of one entity table and its indexes: the shape every kind's table has had since
 * migration 1. Frozen like the migrations that call it: a new shape needs a new helper.
 */
function entityTable(table: string, columns: readonly string[]): string[] {
  const cols = columns.map((c) => `  ${columnFor(c)} TEXT`).join(',\n');
  return [
    `CREATE TABLE ${table} (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES case_file(id),
  data TEXT NOT NULL,
  sort_key TEXT,
${cols ? `${cols},\n` : ''}  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  version INTEGER NOT NULL,
  deleted_at TEXT
)`,
    `CREATE INDEX ${table}_case ON ${table} (case_id, deleted_at, sort_key)`,
    ...columns.map((c) => entityIndex(table, c)),
  ];
}

function entityIndex(table: string, field: string): string {
  return `CREATE INDEX ${table}_${columnFor(field)} ON ${table} (case_id, ${columnFor(field)})`;
}

/** For a later migration: a new indexed field of an existing kind (add it to KINDS[kind].columns too). */
export function entityColumn(table: string, field: string): string[] {
  return [`ALTER TABLE ${table} ADD COLUMN ${columnFor(field)} TEXT`, entityIndex(table, field)];
}

export interface Migration {
  version: number;
  name: string;
  statements(d: Dialect): string[];
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'case file, entities, source lists, custody, audit log',
    statements: (d) => [
      `CREATE TABLE case_file (
  id TEXT PRIMARY KEY,
  data TEXT NOT NULL,
  pseudonym_salt TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  version INTEGER NOT NULL,
  deleted_at TEXT
)`,
      ...entityTable('person', ['protection', 'firstSurname']),
      ...entityTable('unit', ['kind']),
      ...entityTable('membership', ['personId', 'unitId']),
      ...entityTable('place', ['kind', 'stateCode']),
      ...entityTable('event', ['placeId']),
      ...entityTable('act', ['eventId', 'victimId', 'type']),
      ...entityTable('involvement', ['actId', 'personId', 'unitId']),
      ...entityTable('detention_period', ['personId', 'status']),
      ...entityTable('source', ['kind']),
      ...entityTable('testimony', ['protection', 'sourceId']),
      ...entityTable('evidence', ['sha256', 'kind']),
      ...entityTable('hearing', []),
      ...entityTable('source_list', []),
      // Raw rows of organizations' lists: the high-volume table (millions of rows), so an integer
      // key and no per-row audit entry (the import's audit entry carries a digest of all rows).
      `CREATE TABLE source_record (
  seq ${TYPES[d].serial},
  case_id TEXT NOT NULL REFERENCES case_file(id),
  list_id TEXT NOT NULL REFERENCES source_list(id),
  row_no INTEGER NOT NULL,
  record_id TEXT NOT NULL,
  data TEXT NOT NULL,
  person_id TEXT,
  UNIQUE (list_id, row_no)
)`,
      'CREATE INDEX source_record_person ON source_record (case_id, person_id)',
      `CREATE TABLE custody_entry (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES case_file(id),
  evidence_id TEXT NOT NULL REFERENCES evidence(id),
  data TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
)`,
      'CREATE INDEX custody_entry_evidence ON custody_entry (evidence_id, created_at)',
      `CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT,
  case_id TEXT,
  before TEXT,
  after TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
)`,
      // One row: the chain head. Writers lock it, which serializes appends on PostgreSQL.
      'CREATE TABLE audit_head (id INTEGER PRIMARY KEY, seq INTEGER NOT NULL, hash TEXT NOT NULL)',
      `INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '${'0'.repeat(64)}')`,
      // Server mode keeps the wrapped master key in the database (SQLite keeps it beside the file).
      'CREATE TABLE keyring (id INTEGER PRIMARY KEY, data TEXT NOT NULL)',
    ],
  },
  {
    version: 2,
    name: 'API tokens',
    statements: () => [
      // Tokens are 256-bit random secrets, so a plain SHA-256 of them is a safe lookup key;
      // the token itself is shown once at creation and never stored.
      `CREATE TABLE api_token (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  actor TEXT NOT NULL,
  clearance TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT,
  revoked_at TEXT
)`,
    ],
  },
  {
    version: 3,
    name: 'linkage decisions and stored analyses',
    statements: () => [
      // A reviewer's decision on a pair of list records; later runs of linkage must honour it.
      `CREATE TABLE link_decision (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES case_file(id),
  a_list TEXT NOT NULL,
  a_row INTEGER NOT NULL,
  b_list TEXT NOT NULL,
  b_row INTEGER NOT NULL,
  decision TEXT NOT NULL,
  note TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  superseded_at TEXT
)`,
      'CREATE INDEX link_decision_case ON link_decision (case_id, superseded_at)',
      // Results of analyses (estimates, linkage runs) with the hash of their inputs and settings,
      // so any number in a report can be reproduced and checked.
      `CREATE TABLE analysis_result (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES case_file(id),
  kind TEXT NOT NULL,
  inputs_sha256 TEXT NOT NULL,
  settings TEXT NOT NULL,
  result TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
)`,
      'CREATE INDEX analysis_result_case ON analysis_result (case_id, kind, created_at)',
    ],
  },
  {
    version: 4,
    name: 'accounts, case membership, clearances, sessions',
    statements: () => [
      `CREATE TABLE app_user (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  is_admin INTEGER NOT NULL DEFAULT 0,
  totp_secret TEXT,
  totp_enabled INTEGER NOT NULL DEFAULT 0,
  recovery_codes TEXT,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  disabled_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
)`,
      `CREATE TABLE case_member (
  case_id TEXT NOT NULL REFERENCES case_file(id),
  user_id TEXT NOT NULL REFERENCES app_user(id),
  role TEXT NOT NULL,
  cleared INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  PRIMARY KEY (case_id, user_id)
)`,
      `CREATE TABLE person_clearance (
  case_id TEXT NOT NULL REFERENCES case_file(id),
  user_id TEXT NOT NULL REFERENCES app_user(id),
  person_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  PRIMARY KEY (case_id, user_id, person_id)
)`,
      // Session ids and tokens are stored as SHA-256 of 256-bit secrets: a stolen database yields nothing usable.
      `CREATE TABLE session (
  id_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES app_user(id),
  csrf TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
)`,
      'ALTER TABLE api_token ADD COLUMN user_id TEXT',
      "ALTER TABLE api_token ADD COLUMN scope TEXT NOT NULL DEFAULT 'read'",
    ],
  },
  {
    version: 5,
    name: 'full-text search',
    // Terms are produced in TypeScript (search/text.ts) so both engines index the same tokens.
    // Three tiers of text per record: public, member (restricted) and cleared (protected); a
    // query only matches the tiers its viewer may see.
    statements: (d) =>
      d === 'sqlite'
        ? [
            `CREATE TABLE search_doc (
  rowid INTEGER PRIMARY KEY,
  case_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL UNIQUE,
  subject_person_id TEXT,
  protection TEXT,
  act_type TEXT,
  state_code TEXT,
  year INTEGER,
  unit_id TEXT,
  source_id TEXT
)`,
            'CREATE INDEX search_doc_case ON search_doc (case_id, kind)',
            // `scope` holds case and facet tokens, so a whole query (count included) is one FTS5 match.
            "CREATE VIRTUAL TABLE search_fts USING fts5(t_public, t_member, t_cleared, scope, tokenize = 'unicode61 remove_diacritics 0')",
          ]
        : [
            `CREATE TABLE search_doc (
  rowid BIGSERIAL PRIMARY KEY,
  case_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL UNIQUE,
  subject_person_id TEXT,
  protection TEXT,
  act_type TEXT,
  state_code TEXT,
  year INTEGER,
  unit_id TEXT,
  source_id TEXT,
  v_public TSVECTOR NOT NULL,
  v_member TSVECTOR NOT NULL,
  v_cleared TSVECTOR NOT NULL
)`,
            'CREATE INDEX search_doc_case ON search_doc (case_id, kind)',
            'CREATE INDEX search_doc_t1 ON search_doc USING GIN (v_public)',
            'CREATE INDEX search_doc_t2 ON search_doc USING GIN ((v_public || v_member))',
            'CREATE INDEX search_doc_t3 ON search_doc USING GIN ((v_public || v_member || v_cleared))',
          ],
  },
  {
    version: 6,
    name: 'open-source capture: information items and suggestions',
    statements: () => [
      ...entityTable('information_item', ['itemType', 'url', 'evidenceId']),
      ...entityTable('suggestion', ['itemId', 'status', 'kind']),
    ],
  },
  {
    version: 7,
    name: 'legal analysis: element links (case matrix) and national proceedings',
    statements: () => [
      ...entityTable('element_link', ['elementId', 'actId', 'suspectId']),
      ...entityTable('proceeding', ['status']),
    ],
  },
  {
    version: 8,
    name: 'expert panel: panels, review comments, opinions, report versions, signatures',
    statements: () => [
      ...entityTable('panel', []),
      ...entityTable('review_comment', ['target']),
      ...entityTable('opinion', ['target', 'member']),
      ...entityTable('report_version', ['number']),
      ...entityTable('signature', ['versionId', 'member']),
    ],
  },
  {
    version: 9,
    name: 'public intake: submissions in quarantine',
    statements: () => entityTable('submission', ['status']),
  },
  {
    version: 10,
    name: 'TOTP replay protection: the last time step used per account',
    statements: () => ['ALTER TABLE app_user ADD COLUMN totp_last_step INTEGER'],
  },
  {
    version: 11,
    name: 'field-level encryption: per-case data keys wrapped by the master key',
    statements: () => [
      `CREATE TABLE data_key (
  case_id TEXT NOT NULL REFERENCES case_file(id),
  version INTEGER NOT NULL,
  wrapped TEXT NOT NULL,
  created_at TEXT NOT NULL,
  retired_at TEXT,
  PRIMARY KEY (case_id, version)
)`,
    ],
  },
  {
    version: 14,
    name: 'accounts: a pending TOTP secret (enrolment does not switch the active one off) and notices to the account',
    statements: () => [
      'ALTER TABLE app_user ADD COLUMN totp_pending TEXT',
      // What happened to an account's own security (2FA changed, password changed), shown to its owner.
      `CREATE TABLE account_notice (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES app_user(id),
  kind TEXT NOT NULL,
  created_at TEXT NOT NULL,
  seen_at TEXT
)`,
      'CREATE INDEX account_notice_user ON account_notice (user_id, created_at)',
    ],
  },
  {
    version: 17,
    name: 'testimony interviews: drafts sealed under the case data key, finished once (idempotent)',
    statements: () => [
      `CREATE TABLE interview_draft (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES case_file(id),
  owner_id TEXT NOT NULL,
  data TEXT NOT NULL,
  seq INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  finished_at TEXT,
  discarded_at TEXT,
  result TEXT
)`,
      'CREATE INDEX interview_draft_owner ON interview_draft (case_id, owner_id)',
    ],
  },
  {
    version: 20,
    name: 'several server processes on PostgreSQL: sign-in back-off, quotas and spent proof-of-work challenges shared',
    // SQLite serves from one process and keeps these in memory (server/shared-limits.ts).
    statements: (dialect) =>
      dialect === 'postgres'
        ? [
            // Keys are SHA-256 digests of purpose + username/address: nothing in clear.
            `CREATE TABLE shared_counter (
  key TEXT PRIMARY KEY,
  count INTEGER NOT NULL,
  until_ms BIGINT NOT NULL,
  expires_ms BIGINT NOT NULL
)`,
            'CREATE INDEX shared_counter_expires ON shared_counter (expires_ms)',
            'CREATE TABLE pow_spent (tag TEXT PRIMARY KEY, expires_ms BIGINT NOT NULL)',
            'CREATE INDEX pow_spent_expires ON pow_spent (expires_ms)',
          ]
        : [],
  },
  {
    version: 22,
    name: 'saved list filters per member (a name and the query string of a list view)',
    statements: () => [
      `CREATE TABLE saved_filter (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES case_file(id),
  user_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  query TEXT NOT NULL,
  created_at TEXT NOT NULL
)`,
      'CREATE INDEX saved_filter_owner ON saved_filter (case_id, user_id, kind)',
    ],
  },
  {
    version: 23,
    name: "a record's history: audit entries by record",
    statements: () => ['CREATE INDEX audit_log_entity ON audit_log (entity_id, seq)'],
  },
  {
    version: 25,
    name: "report narratives: the report's authored sections, per edition and language",
    statements: () => entityTable('narrative', ['section', 'lang']),
  },
  {
    version: 26,
    name: 'account policy: a password set by an administrator is changed at first sign-in; two-step verification required per account or per case file; notices of voided panel signatures',
    statements: () => [
      'ALTER TABLE app_user ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0',
      'ALTER TABLE app_user ADD COLUMN require_2fa INTEGER NOT NULL DEFAULT 0',
      'ALTER TABLE case_file ADD COLUMN require_2fa INTEGER NOT NULL DEFAULT 0',
      // A panel member whose signature a content change voided is told, until they acknowledge it.
      `CREATE TABLE panel_notice (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES case_file(id),
  member TEXT NOT NULL,
  voided_version INTEGER NOT NULL,
  new_version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  seen_at TEXT
)`,
      'CREATE INDEX panel_notice_member ON panel_notice (case_id, member)',
    ],
  },
  {
    version: 27,
    name: "several server processes on PostgreSQL: one computes each case's analysis summary and the others read it",
    // SQLite serves from one process (server/analysis-cache.ts keeps its summary in memory).
    statements: (dialect) =>
      dialect === 'postgres'
        ? [
            // The dashboard's summary (counts, no names) and who computes the next one until when.
            `CREATE TABLE analysis_share (
  case_id TEXT PRIMARY KEY,
  audit_seq BIGINT NOT NULL,
  computed_at_ms BIGINT NOT NULL,
  took_ms INTEGER NOT NULL,
  summary TEXT,
  lease_owner TEXT NOT NULL,
  lease_until_ms BIGINT NOT NULL
)`,
          ]
        : [],
  },
];

export async function migrate(db: Database): Promise<number[]> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const applied = new Set(
    (await db.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) =>
      Number(r.version),
    ),
  );
  const ran: number[] = [];
  for (const m of MIGRATIONS) {
    if (applied.has(m.version)) continue;
    await db.transaction(async (tx: Sql) => {
      for (const s of m.statements(db.dialect)) await tx.run(s);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        m.version,
        m.name,
        new Date().toISOString(),
      ]);
    });
    ran.push(m.version);
  }
  return ran;
}

export function latestVersion(): number {
  return MIGRATIONS[MIGRATIONS.length - 1]!.version;
}
