import type { CaseJson } from '../domain/case-file.js';
import { sha256Hex } from '../domain/hashing.js';
import { DemoRng } from './random.js';

/** When the demo case was "exported": fixed, so the document never depends on the clock. */
export const DEMO_TIMESTAMP = '2020-01-15T12:00:00.000Z';
export const DEMO_ACTOR = 'system:demo';
export const DEMO_CASE_ID = 'cas_DEMO0000000001';

export type RecordJson = CaseJson['records'][string][number];
export type KindName =
  | 'persons'
  | 'units'
  | 'memberships'
  | 'places'
  | 'events'
  | 'acts'
  | 'involvements'
  | 'detention-periods'
  | 'sources'
  | 'testimonies'
  | 'evidence'
  | 'hearings'
  | 'source-lists'
  | 'element-links'
  | 'proceedings';

export class DemoContext {
  readonly rng: DemoRng;
  readonly records: Record<KindName, RecordJson[]> = {
    persons: [],
    units: [],
    memberships: [],
    places: [],
    events: [],
    acts: [],
    involvements: [],
    'detention-periods': [],
    sources: [],
    testimonies: [],
    evidence: [],
    hearings: [],
    'source-lists': [],
    'element-links': [],
    proceedings: [],
  };
  readonly custody: CaseJson['custody'] = [];
  readonly sourceRecords: CaseJson['sourceRecords'] = [];
  readonly files: CaseJson['files'] = [];
  private readonly counters = new Map<string, number>();

  constructor(seed: number) {
    this.rng = new DemoRng(seed);
  }

  /** The next id for a kind prefix: `per_DEMO0000000001`, … (recognisably demo data). */
  id(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}_DEMO${String(n).padStart(10, '0')}`;
  }

  /** Appends a record; `undefined` fields are dropped so the JSON is what a store would export. */
  add(kind: KindName, id: string, body: Record<string, unknown>): string {
    this.records[kind].push({
      id,
      createdAt: DEMO_TIMESTAMP,
      createdBy: DEMO_ACTOR,
      updatedAt: DEMO_TIMESTAMP,
      updatedBy: DEMO_ACTOR,
      version: 1,
      deletedAt: null,
      body: withoutUndefined(body),
    });
    return id;
  }

  /** Stores file bytes once (by SHA-256) and returns their digest and size. */
  addFile(bytes: Buffer): { sha256: string; size: number } {
    const sha256 = sha256Hex(bytes);
    if (!this.files.some((f) => f.sha256 === sha256))
      this.files.push({ sha256, base64: bytes.toString('base64') });
    return { sha256, size: bytes.length };
  }

  addCustody(entry: {
    evidenceId: string;
    action: string;
    at: string;
    actor: string;
    note?: string;
    sha256?: string;
  }) {
    this.custody.push(
      withoutUndefined({ ...entry, createdAt: DEMO_TIMESTAMP, createdBy: DEMO_ACTOR }) as never,
    );
  }
}

function withoutUndefined<T extends Record<string, unknown>>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}
