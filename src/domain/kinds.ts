/**
 * The registry of case-file entity kinds. Storage, import/export, the API and the presenter loop
 * over this table instead of repeating per-entity code; adding a kind is one entry here plus its
 * schema.
 */
import type { z } from 'zod';
import { sortKey } from './dates.js';
import { foldCase } from './fold.js';
import {
  ActBody,
  DetentionPeriodBody,
  EventBody,
  EvidenceBody,
  HearingBody,
  InvolvementBody,
  MembershipBody,
  PERSON_IDENTIFYING_FIELDS,
  PersonBody,
  PlaceBody,
  SourceBody,
  SourceListBody,
  TestimonyBody,
  UnitBody,
} from './schema.js';
import { InformationItemBody, SuggestionBody } from './schema-capture.js';
import { SubmissionBody } from './schema-intake.js';
import {
  ElementLinkBody,
  NarrativeBody,
  OpinionBody,
  PanelBody,
  ProceedingBody,
  ReportVersionBody,
  ReviewCommentBody,
  SignatureBody,
} from './schema-law.js';

export interface KindSpec {
  /** Name in APIs, exports and the audit log (plural, kebab-case). */
  readonly name: string;
  /** Table name (singular, snake_case). */
  readonly table: string;
  /** Prefix of record ids, e.g. "per" → per_01J… */
  readonly prefix: string;
  readonly schema: z.ZodType;
  /** Fields holding ids of other records, with the kind they must point to. Arrays allowed. */
  readonly refs: Readonly<Record<string, string>>;
  /** Top-level body fields copied to indexed columns (for filtering and sorting). */
  readonly columns: readonly string[];
  /**
   * Body fields stored encrypted under the case's data key (store/sealing.ts), or null. With
   * `unlessPublic`, a record whose protection is 'public' is stored in clear.
   */
  readonly sealed: { readonly fields: readonly string[]; readonly unlessPublic: boolean } | null;
  /** Fields that identify a person, withheld (read-model/presenter.ts) from whoever may not see who it is. */
  readonly identifying: readonly string[];
  /** The key of the kind's natural order (store lists), or null: sealed records sort by creation. */
  readonly sortKey: (body: Record<string, unknown>) => string | null;
  /** Whether its records are in the full-text index (store/search-index.ts writes their text by tier). */
  readonly searchable: boolean;
  /** What a write through the generic records API needs; null: only the kind's own routes write it. */
  readonly writeAction: 'write' | 'analyse' | null;
  /** Who may read a record in full, and what the others read instead (read-model/presenter.ts). */
  readonly read: ReadRule;
}

/**
 * Who may read a record of a kind in full:
 *  - 'person': whoever may see that person's identity (its protection, the reader's clearances);
 *  - 'testimony': whoever may see the testimony (its protection, consent and witness);
 *  - 'source': whoever may see the source's identity at its effective protection;
 *  - 'protection': whoever may see identities at the record's effective protection (at least that
 *    of the persons and testimonies it covers; domain/protection.ts);
 *  - 'own-protection': whoever may see identities at the protection the record itself states;
 *  - 'submission': cleared members (the sender); the content as the intake rules say;
 *  - 'edition': whoever may read the narrative's edition;
 *  - 'open': every member who reads the case (a record that states a protection is still gated by
 *    it for writes).
 */
export type ReadGate =
  | 'person'
  | 'testimony'
  | 'source'
  | 'protection'
  | 'own-protection'
  | 'submission'
  | 'edition'
  | 'open';

/**
 * What a reader who may not read a record in full gets instead (`withheld: true`, or
 * `pseudonymised: true` when a pseudonym names it). The kind's `identifying` fields are always
 * left out for such a reader.
 */
export interface ReadRule {
  readonly gate: ReadGate;
  /** Only these body fields are kept (in this order), or null: every field not named below. */
  readonly keep: readonly string[] | null;
  /** Fields shown as the withheld mark. */
  readonly mask: readonly string[];
  /** Fields shown as the withheld mark when the record has them. */
  readonly maskIfSet: readonly string[];
  /** Fields left out. */
  readonly drop: readonly string[];
  /** The field that names the record by a stable pseudonym, and the pseudonym's label. */
  readonly pseudonym: { readonly field: string; readonly label?: string } | null;
  /** Whether the record's effective protection is shown beside it (to every reader). */
  readonly showsEffective: boolean;
  /** Whether the free text left in the withheld view has hidden identities replaced too. */
  readonly redactsRest: boolean;
  /**
   * Free text typed by the member who writes it (not captured, imported or quoted): its author
   * reads their current version as written (redacting it would tell them which words are hidden).
   */
  readonly typed: boolean;
}

const fold = (s: unknown) => (typeof s === 'string' ? foldCase(s) : '');
/** Natural orders: by a fuzzy date field, by name or title, by a person's surnames. */
const byDate = (field: string) => (body: Record<string, unknown>) => sortKey(body[field] as never) ?? null;
const byName = (body: Record<string, unknown>) => fold(body.name ?? body.title) || null;
const byPersonName = (body: Record<string, unknown>) =>
  `${fold(body.firstSurname)} ${fold(body.secondSurname)} ${fold(body.givenNames)}`.trim() || null;

/** A kind every member who reads the case reads in full (and the rule of a kind not in KINDS). */
export const OPEN_READ = {
  gate: 'open',
  keep: null,
  mask: [],
  maskIfSet: [],
  drop: [],
  pseudonym: null,
  showsEffective: false,
  redactsRest: false,
  typed: false,
} as const satisfies ReadRule;
/** Read in full by whoever may read the case; its author's own text is shown as written. */
const TYPED = { ...OPEN_READ, typed: true } as const satisfies ReadRule;
/** Captured text: read no wider than the item's own protection. */
const CAPTURED = {
  ...OPEN_READ,
  gate: 'own-protection',
  mask: ['text'],
  maskIfSet: ['title', 'author'],
  drop: ['notes'],
} as const satisfies ReadRule;
/** A suggestion quotes its item's text: shown no wider, with the persons it names. */
const QUOTING = {
  ...OPEN_READ,
  gate: 'own-protection',
  mask: ['text'],
  maskIfSet: ['value'],
  drop: ['persons', 'candidatePersonIds'],
} as const satisfies ReadRule;

/**
 * The parts most kinds share: nothing sealed or identifying, ordered by name, not searched, written
 * by writers, typed by them and read by every member.
 */
const PLAIN = {
  sealed: null,
  identifying: [],
  sortKey: byName,
  searchable: false,
  writeAction: 'write',
  read: TYPED,
} as const;
/** Kinds only their own routes write (the author set from the session). */
const OWN_ROUTES = { ...PLAIN, writeAction: null } as const;

export const KINDS = {
  person: {
    name: 'persons',
    table: 'person',
    prefix: 'per',
    schema: PersonBody,
    refs: { photoEvidenceIds: 'evidence' },
    columns: ['protection', 'firstSurname'],
    // Who a person is, sealed unless public; their photos' ids are references and stay in clear.
    sealed: { fields: PERSON_IDENTIFYING_FIELDS.filter((f) => f !== 'photoEvidenceIds'), unlessPublic: true },
    identifying: PERSON_IDENTIFYING_FIELDS,
    sortKey: byPersonName,
    searchable: true,
    writeAction: 'write',
    // Whoever may not see who it is reads the rest (free text redacted) under a pseudonym.
    read: { ...OPEN_READ, gate: 'person', pseudonym: { field: 'displayName' }, redactsRest: true },
  },
  unit: {
    name: 'units',
    table: 'unit',
    prefix: 'uni',
    schema: UnitBody,
    refs: { 'parents.unitId': 'unit' },
    columns: ['kind'],
    ...PLAIN,
  },
  membership: {
    name: 'memberships',
    table: 'membership',
    prefix: 'mem',
    schema: MembershipBody,
    refs: { personId: 'person', unitId: 'unit' },
    columns: ['personId', 'unitId'],
    ...PLAIN,
  },
  place: {
    name: 'places',
    table: 'place',
    prefix: 'pla',
    schema: PlaceBody,
    refs: { parentId: 'place', operatorUnitId: 'unit' },
    columns: ['kind', 'stateCode'],
    ...PLAIN,
  },
  event: {
    name: 'events',
    table: 'event',
    prefix: 'evt',
    schema: EventBody,
    refs: { placeId: 'place' },
    columns: ['placeId'],
    ...PLAIN,
    sortKey: byDate('date'),
    searchable: true,
  },
  act: {
    name: 'acts',
    table: 'act',
    prefix: 'act',
    schema: ActBody,
    refs: { eventId: 'event', victimId: 'person', placeId: 'place' },
    columns: ['eventId', 'victimId', 'type'],
    ...PLAIN,
    sortKey: byDate('date'),
    searchable: true,
  },
  involvement: {
    name: 'involvements',
    table: 'involvement',
    prefix: 'inv',
    schema: InvolvementBody,
    refs: { actId: 'act', personId: 'person', unitId: 'unit' },
    columns: ['actId', 'personId', 'unitId'],
    ...PLAIN,
  },
  detention: {
    name: 'detention-periods',
    table: 'detention_period',
    prefix: 'det',
    schema: DetentionPeriodBody,
    refs: { personId: 'person', placeId: 'place', actId: 'act' },
    columns: ['personId', 'status'],
    ...PLAIN,
    sortKey: byDate('from'),
  },
  source: {
    name: 'sources',
    table: 'source',
    prefix: 'src',
    schema: SourceBody,
    refs: { personId: 'person' },
    columns: ['kind'],
    ...PLAIN,
    read: {
      ...OPEN_READ,
      gate: 'source',
      pseudonym: { field: 'name', label: 'Fuente' },
      drop: ['contact', 'notes', 'personId'],
    },
  },
  testimony: {
    name: 'testimonies',
    table: 'testimony',
    prefix: 'tes',
    schema: TestimonyBody,
    refs: {
      sourceId: 'source',
      witnessId: 'person',
      'supports.eventIds': 'event',
      'supports.actIds': 'act',
      'supports.personIds': 'person',
      evidenceIds: 'evidence',
      hearingId: 'hearing',
    },
    columns: ['protection', 'sourceId'],
    ...PLAIN,
    sealed: { fields: ['title', 'statement', 'interviewer', 'notes'], unlessPublic: true },
    searchable: true,
    read: { ...OPEN_READ, gate: 'testimony', mask: ['title', 'statement'], drop: ['interviewer', 'notes'] },
  },
  evidence: {
    name: 'evidence',
    table: 'evidence',
    prefix: 'evi',
    schema: EvidenceBody,
    refs: {
      sourceId: 'source',
      derivedFrom: 'evidence',
      'supports.eventIds': 'event',
      'supports.actIds': 'act',
      'supports.personIds': 'person',
    },
    columns: ['sha256', 'kind'],
    ...PLAIN,
    read: {
      ...OPEN_READ,
      gate: 'protection',
      mask: ['title'],
      drop: ['fileName', 'acquisition', 'verification', 'derivation'],
      showsEffective: true,
    },
  },
  hearing: {
    name: 'hearings',
    table: 'hearing',
    prefix: 'hea',
    schema: HearingBody,
    refs: { placeId: 'place', 'participants.personId': 'person', transcriptEvidenceId: 'evidence' },
    columns: [],
    ...PLAIN,
    sortKey: byDate('date'),
    // Withheld: when and where only, under its title's mark.
    read: {
      ...OPEN_READ,
      gate: 'protection',
      keep: ['date', 'placeId', 'protection'],
      mask: ['title'],
      showsEffective: true,
    },
  },
  sourceList: {
    name: 'source-lists',
    table: 'source_list',
    prefix: 'lst',
    schema: SourceListBody,
    refs: { sourceId: 'source' },
    columns: [],
    ...PLAIN,
    read: OPEN_READ,
  },
  informationItem: {
    name: 'information-items',
    table: 'information_item',
    prefix: 'inf',
    schema: InformationItemBody,
    refs: {
      evidenceId: 'evidence',
      sourceId: 'source',
      parentItemId: 'informationItem',
      previousVersionId: 'informationItem',
      'supports.eventIds': 'event',
      'supports.actIds': 'act',
      'supports.personIds': 'person',
    },
    columns: ['itemType', 'url', 'evidenceId'],
    ...PLAIN,
    searchable: true,
    read: CAPTURED,
  },
  suggestion: {
    name: 'suggestions',
    table: 'suggestion',
    prefix: 'sug',
    schema: SuggestionBody,
    // createdRecordId may point to several kinds (checked when a suggestion is accepted); candidate
    // persons are hints and must not block a person's removal.
    refs: { itemId: 'informationItem' },
    columns: ['itemId', 'status', 'kind'],
    ...PLAIN,
    read: QUOTING,
  },
  elementLink: {
    name: 'element-links',
    table: 'element_link',
    prefix: 'elk',
    schema: ElementLinkBody,
    refs: {
      actId: 'act',
      eventId: 'event',
      suspectId: 'person',
      testimonyId: 'testimony',
      evidenceId: 'evidence',
      informationItemId: 'informationItem',
    },
    columns: ['elementId', 'actId', 'suspectId'],
    ...PLAIN,
    writeAction: 'analyse',
  },
  proceeding: {
    name: 'proceedings',
    table: 'proceeding',
    prefix: 'prc',
    schema: ProceedingBody,
    refs: { personIds: 'person', actIds: 'act', evidenceIds: 'evidence' },
    columns: ['status'],
    ...PLAIN,
    writeAction: 'analyse',
  },
  panel: {
    name: 'panels',
    table: 'panel',
    prefix: 'pan',
    schema: PanelBody,
    refs: {},
    columns: [],
    ...OWN_ROUTES,
  },
  reviewComment: {
    name: 'review-comments',
    table: 'review_comment',
    prefix: 'rcm',
    schema: ReviewCommentBody,
    refs: { parentId: 'reviewComment' },
    columns: ['target'],
    ...OWN_ROUTES,
  },
  opinion: {
    name: 'opinions',
    table: 'opinion',
    prefix: 'opn',
    schema: OpinionBody,
    refs: {},
    columns: ['target', 'member'],
    ...OWN_ROUTES,
  },
  reportVersion: {
    name: 'report-versions',
    table: 'report_version',
    prefix: 'rpv',
    schema: ReportVersionBody,
    refs: { supersededBy: 'reportVersion' },
    columns: ['number'],
    ...OWN_ROUTES,
    read: OPEN_READ,
  },
  signature: {
    name: 'signatures',
    table: 'signature',
    prefix: 'sig',
    schema: SignatureBody,
    refs: { versionId: 'reportVersion' },
    columns: ['versionId', 'member'],
    ...OWN_ROUTES,
    read: OPEN_READ,
  },
  narrative: {
    name: 'narratives',
    table: 'narrative',
    prefix: 'nar',
    schema: NarrativeBody,
    refs: {},
    columns: ['section', 'lang'],
    // The report's authored sections: only through the narrative routes (author from the session).
    ...OWN_ROUTES,
    // The confidential edition's text is for the members who may read that edition.
    read: { ...TYPED, gate: 'edition', mask: ['text'] },
  },
  submission: {
    name: 'submissions',
    table: 'submission',
    prefix: 'sub',
    schema: SubmissionBody,
    refs: { testimonyId: 'testimony' },
    columns: ['status'],
    // Public submissions are written only by the intake routes (quarantine, then a decision).
    ...OWN_ROUTES,
    // Everything a public submission says is sealed; the sender's name and contact identify them.
    sealed: { fields: ['text', 'name', 'contact', 'when', 'where'], unlessPublic: false },
    identifying: ['name', 'contact'],
    // The sender (identifying): cleared members only. What was submitted: documenters may triage
    // it while quarantined; once decided, as protected as the testimony made from it.
    read: { ...OPEN_READ, gate: 'submission', mask: ['text'], drop: ['when', 'where'] },
  },
} as const satisfies Record<string, KindSpec>;

export type Kind = keyof typeof KINDS;
export const KIND_NAMES = Object.keys(KINDS) as Kind[];

export type BodyOf<K extends Kind> = z.infer<(typeof KINDS)[K]['schema']>;

/**
 * Kinds in an order where every reference points backwards (export writes them so; a reader can
 * resolve each record on first sight) except a person's photos, which are evidence that may in turn
 * support the person. Import therefore writes every record first and checks references after.
 * The architecture test holds this order complete and backwards.
 */
export const KIND_ORDER: readonly Kind[] = [
  'unit',
  'place',
  'person',
  'source',
  'membership',
  'event',
  'act',
  'evidence',
  'involvement',
  'detention',
  'hearing',
  'testimony',
  'sourceList',
  'informationItem',
  'suggestion',
  'elementLink',
  'proceeding',
  'panel',
  'reviewComment',
  'opinion',
  'reportVersion',
  'signature',
  'submission',
  'narrative',
];

export function kindByName(name: string): Kind | undefined {
  return KIND_NAMES.find((k) => KINDS[k].name === name || k === name);
}

/** Collects the ids a body references, per referenced kind (follows "a.b" paths through arrays). */
export function referencedIds(
  kind: Kind,
  body: Record<string, unknown>,
): { field: string; kind: string; id: string }[] {
  const out: { field: string; kind: string; id: string }[] = [];
  for (const [path, target] of Object.entries(KINDS[kind].refs as Record<string, string>)) {
    const walk = (value: unknown, parts: string[]) => {
      if (value === undefined || value === null) return;
      if (Array.isArray(value)) {
        for (const v of value) walk(v, parts);
        return;
      }
      if (parts.length === 0) {
        if (typeof value === 'string') out.push({ field: path, kind: target, id: value });
        return;
      }
      if (typeof value === 'object') walk((value as Record<string, unknown>)[parts[0]!], parts.slice(1));
    };
    walk(body, path.split('.'));
  }
  return out;
}
