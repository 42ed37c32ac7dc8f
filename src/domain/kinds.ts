/**
 * The registry of case-file entity kinds. Storage, import/export, the API and the presenter loop
 * over this table instead of repeating per-entity code; adding a kind is one entry here plus its
 * schema.
 */
import type { z } from 'zod';
import {
  ActBody,
  DetentionPeriodBody,
  EventBody,
  EvidenceBody,
  HearingBody,
  InvolvementBody,
  MembershipBody,
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
}

export const KINDS = {
  person: {
    name: 'persons',
    table: 'person',
    prefix: 'per',
    schema: PersonBody,
    refs: { photoEvidenceIds: 'evidence' },
    columns: ['protection', 'firstSurname'],
  },
  unit: {
    name: 'units',
    table: 'unit',
    prefix: 'uni',
    schema: UnitBody,
    refs: { 'parents.unitId': 'unit' },
    columns: ['kind'],
  },
  membership: {
    name: 'memberships',
    table: 'membership',
    prefix: 'mem',
    schema: MembershipBody,
    refs: { personId: 'person', unitId: 'unit' },
    columns: ['personId', 'unitId'],
  },
  place: {
    name: 'places',
    table: 'place',
    prefix: 'pla',
    schema: PlaceBody,
    refs: { parentId: 'place', operatorUnitId: 'unit' },
    columns: ['kind', 'stateCode'],
  },
  event: {
    name: 'events',
    table: 'event',
    prefix: 'evt',
    schema: EventBody,
    refs: { placeId: 'place' },
    columns: ['placeId'],
  },
  act: {
    name: 'acts',
    table: 'act',
    prefix: 'act',
    schema: ActBody,
    refs: { eventId: 'event', victimId: 'person', placeId: 'place' },
    columns: ['eventId', 'victimId', 'type'],
  },
  involvement: {
    name: 'involvements',
    table: 'involvement',
    prefix: 'inv',
    schema: InvolvementBody,
    refs: { actId: 'act', personId: 'person', unitId: 'unit' },
    columns: ['actId', 'personId', 'unitId'],
  },
  detention: {
    name: 'detention-periods',
    table: 'detention_period',
    prefix: 'det',
    schema: DetentionPeriodBody,
    refs: { personId: 'person', placeId: 'place', actId: 'act' },
    columns: ['personId', 'status'],
  },
  source: {
    name: 'sources',
    table: 'source',
    prefix: 'src',
    schema: SourceBody,
    refs: { personId: 'person' },
    columns: ['kind'],
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
  },
  hearing: {
    name: 'hearings',
    table: 'hearing',
    prefix: 'hea',
    schema: HearingBody,
    refs: { placeId: 'place', 'participants.personId': 'person', transcriptEvidenceId: 'evidence' },
    columns: [],
  },
  sourceList: {
    name: 'source-lists',
    table: 'source_list',
    prefix: 'lst',
    schema: SourceListBody,
    refs: { sourceId: 'source' },
    columns: [],
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
  },
  proceeding: {
    name: 'proceedings',
    table: 'proceeding',
    prefix: 'prc',
    schema: ProceedingBody,
    refs: { personIds: 'person', actIds: 'act', evidenceIds: 'evidence' },
    columns: ['status'],
  },
  panel: {
    name: 'panels',
    table: 'panel',
    prefix: 'pan',
    schema: PanelBody,
    refs: {},
    columns: [],
  },
  reviewComment: {
    name: 'review-comments',
    table: 'review_comment',
    prefix: 'rcm',
    schema: ReviewCommentBody,
    refs: { parentId: 'reviewComment' },
    columns: ['target'],
  },
  opinion: {
    name: 'opinions',
    table: 'opinion',
    prefix: 'opn',
    schema: OpinionBody,
    refs: {},
    columns: ['target', 'member'],
  },
  reportVersion: {
    name: 'report-versions',
    table: 'report_version',
    prefix: 'rpv',
    schema: ReportVersionBody,
    refs: { supersededBy: 'reportVersion' },
    columns: ['number'],
  },
  signature: {
    name: 'signatures',
    table: 'signature',
    prefix: 'sig',
    schema: SignatureBody,
    refs: { versionId: 'reportVersion' },
    columns: ['versionId', 'member'],
  },
  narrative: {
    name: 'narratives',
    table: 'narrative',
    prefix: 'nar',
    schema: NarrativeBody,
    refs: {},
    columns: ['section', 'lang'],
  },
  submission: {
    name: 'submissions',
    table: 'submission',
    prefix: 'sub',
    schema: SubmissionBody,
    refs: { testimonyId: 'testimony' },
    columns: ['status'],
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
