/**
 * The case file's domain model (DESIGN §3, after the HURIDOCS events standard: who did what to
 * whom). One zod schema per entity body is the single source of truth: TypeScript types are
 * inferred from it, the store validates every write with it, importers and the API reuse it, and
 * the OpenAPI document is generated from it.
 */
import { z } from 'zod';
import { FuzzyDate, PartialIsoDate } from './dates.js';
import type { Vocabulary } from './vocab.js';
import {
  ACT_TYPES,
  ATTRIBUTIONS,
  CONSENT_SCOPES,
  CUSTODY_ACTIONS,
  DETENTION_STATUSES,
  DOCUMENT_TYPES,
  EVIDENCE_KINDS,
  HEARING_ROLES,
  INFORMATION_CREDIBILITY,
  INVOLVEMENT_DEGREES,
  PERPETRATOR_TYPES,
  PLACE_KINDS,
  PROTECTION_LEVELS,
  SEXES,
  SOURCE_CONNECTIONS,
  SOURCE_KINDS,
  SOURCE_MATERIAL_TYPES,
  SOURCE_RELIABILITY,
  UNIT_KINDS,
  VIOLATION_STATUSES,
  VIOLENCE_METHODS,
} from './vocabularies.js';

/** A code of a controlled vocabulary, with an error that lists what is allowed. */
export function code(v: Vocabulary) {
  return z.enum(v.codes as unknown as [string, ...string[]], {
    error: () =>
      `not a code of vocabulary ${v.id} (allowed: ${v.codes.slice(0, 12).join(', ')}${v.codes.length > 12 ? ', …' : ''})`,
  });
}

const text = (max = 2000) => z.string().trim().min(1).max(max);
const optText = (max = 2000) => z.string().trim().max(max).optional();
const longText = () => z.string().max(2_000_000);
/** Record ids are opaque strings: `<prefix>_<26 chars>`; imports of exported files keep them. */
export const RecordId = z.string().regex(/^[a-z]{2,4}_[0-9a-zA-Z]{10,40}$/, 'not a record id');
const ids = () => z.array(RecordId).default([]);
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits (SHA-256)');

export const ProtectionLevel = code(PROTECTION_LEVELS);
export type ProtectionLevel = 'public' | 'restricted' | 'protected';
export const ConsentScope = code(CONSENT_SCOPES);
export type ConsentScope = 'internal' | 'courts' | 'public';

const Period = z.object({ from: FuzzyDate.optional(), to: FuzzyDate.optional() });

// ── Case file ────────────────────────────────────────────────────────────────────────────────
export const CaseFileBody = z.object({
  title: text(300),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 country code')
    .default('VE'),
  description: optText(20_000),
  temporalScope: z.object({ from: PartialIsoDate, to: PartialIsoDate.optional() }).optional(),
  jurisdiction: z
    .object({
      /** The State's Rome Statute ratification (or accession) date. */
      ratificationDate: PartialIsoDate.optional(),
      /** Entry into force of the Statute for that State (Art. 126(2)). */
      entryIntoForce: PartialIsoDate.optional(),
      /** Art. 12(3) declarations, referrals, national proceedings: free notes. */
      notes: optText(20_000),
    })
    .optional(),
  /**
   * The case's working evidentiary standard for the Case Matrix (corroborated = at least this many
   * independent source groups at or above these grades). A team convention, not a legal rule.
   */
  thresholds: z
    .object({
      minIndependentSources: z.number().int().min(1).max(10).default(2),
      minReliability: z.enum(['A', 'B', 'C', 'D', 'E', 'F']).default('C'),
      maxCredibility: z.number().int().min(1).max(6).default(3),
    })
    .optional(),
  /**
   * The public form (unauthenticated) for this case: off unless a manager turns it on, so a case
   * is never exposed to public submissions by accident.
   */
  publicIntake: z.object({ enabled: z.boolean().default(false), title: optText(300) }).optional(),
  /** Pseudonym salt is created by the store; never supplied by users. */
});
export type CaseFileBody = z.infer<typeof CaseFileBody>;

// ── Persons ──────────────────────────────────────────────────────────────────────────────────
export const IdentityDocument = z.object({
  type: code(DOCUMENT_TYPES),
  number: text(40),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
});

export const PersonBody = z.object({
  givenNames: optText(200),
  firstSurname: optText(200),
  secondSurname: optText(200),
  aliases: z.array(text(200)).default([]),
  sex: code(SEXES).optional(),
  birthDate: FuzzyDate.optional(),
  nationalities: z.array(z.string().regex(/^[A-Z]{2}$/)).default([]),
  documents: z.array(IdentityDocument).default([]),
  occupation: optText(300),
  affiliations: z.array(text(300)).default([]),
  /** Phone, e-mail, address: identifying, shown only to cleared members. */
  contact: optText(2000),
  /** Evidence items that are photos of this person (identifying). */
  photoEvidenceIds: ids(),
  protection: ProtectionLevel.default('restricted'),
  notes: optText(20_000),
});
export type PersonBody = z.infer<typeof PersonBody>;

/** Fields of a person that identify them; replaced by a pseudonym for users not cleared. */
export const PERSON_IDENTIFYING_FIELDS = [
  'givenNames',
  'firstSurname',
  'secondSurname',
  'aliases',
  'birthDate',
  'documents',
  'contact',
  'photoEvidenceIds',
  'notes',
] as const satisfies readonly (keyof PersonBody)[];

// ── Units and the chain of command ───────────────────────────────────────────────────────────
export const UnitBody = z.object({
  name: text(300),
  acronym: optText(40),
  kind: code(UNIT_KINDS),
  /** Time-bounded hierarchy: a unit may change parent over time. */
  parents: z.array(z.object({ unitId: RecordId, ...Period.shape })).default([]),
  perpetratorType: code(PERPETRATOR_TYPES).optional(),
  notes: optText(20_000),
});
export type UnitBody = z.infer<typeof UnitBody>;

export const MembershipBody = z.object({
  personId: RecordId,
  unitId: RecordId,
  rank: optText(200),
  position: optText(300),
  /** Holds command over the unit during the period (Art. 28 effective control starts here). */
  commander: z.boolean().default(false),
  ...Period.shape,
  notes: optText(20_000),
});
export type MembershipBody = z.infer<typeof MembershipBody>;

// ── Places ───────────────────────────────────────────────────────────────────────────────────
export const PlaceBody = z.object({
  name: text(300),
  kind: code(PLACE_KINDS),
  parentId: RecordId.optional(),
  /** ISO 3166-2 code of the state, e.g. VE-A, for maps and statistics. */
  stateCode: z
    .string()
    .regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/)
    .optional(),
  municipality: optText(200),
  coordinates: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).optional(),
  /** For detention sites: who runs it (a unit). */
  operatorUnitId: RecordId.optional(),
  notes: optText(20_000),
});
export type PlaceBody = z.infer<typeof PlaceBody>;

// ── Events, acts, involvements ───────────────────────────────────────────────────────────────
export const EventBody = z.object({
  title: text(500),
  description: optText(50_000),
  date: FuzzyDate.optional(),
  placeId: RecordId.optional(),
  violationStatus: code(VIOLATION_STATUSES).optional(),
  attribution: code(ATTRIBUTIONS).optional(),
  tags: z.array(text(100)).default([]),
});
export type EventBody = z.infer<typeof EventBody>;

export const ActBody = z.object({
  eventId: RecordId,
  victimId: RecordId,
  type: code(ACT_TYPES),
  methods: z.array(code(VIOLENCE_METHODS)).default([]),
  date: FuzzyDate.optional(),
  placeId: RecordId.optional(),
  outcome: optText(5000),
  notes: optText(20_000),
});
export type ActBody = z.infer<typeof ActBody>;

export const InvolvementBody = z
  .object({
    actId: RecordId,
    personId: RecordId.optional(),
    unitId: RecordId.optional(),
    degree: code(INVOLVEMENT_DEGREES),
    perpetratorType: code(PERPETRATOR_TYPES).optional(),
    notes: optText(20_000),
  })
  .refine((v) => Boolean(v.personId) !== Boolean(v.unitId), {
    message: 'an involvement names exactly one person or one unit',
    path: ['personId'],
  });
export type InvolvementBody = z.infer<typeof InvolvementBody>;

// ── Detention timelines ──────────────────────────────────────────────────────────────────────
export const DetentionPeriodBody = z.object({
  personId: RecordId,
  placeId: RecordId.optional(),
  status: code(DETENTION_STATUSES),
  from: FuzzyDate,
  /** Absent while the status still holds. */
  to: FuzzyDate.optional(),
  /** The act (e.g. arbitrary detention) this period belongs to. */
  actId: RecordId.optional(),
  notes: optText(20_000),
});
export type DetentionPeriodBody = z.infer<typeof DetentionPeriodBody>;

// ── Sources, testimonies, evidence, hearings ─────────────────────────────────────────────────
export const SourceBody = z.object({
  name: text(300),
  kind: code(SOURCE_KINDS),
  connection: code(SOURCE_CONNECTIONS).optional(),
  /** Admiralty source reliability A–F (F: cannot be judged — the default for new online sources). */
  reliability: code(SOURCE_RELIABILITY).default('F'),
  /**
   * Sources relaying information from one origin share an independence group, so they count
   * once for corroboration (no circular reporting). Defaults to the source's own id.
   */
  independenceGroup: optText(200),
  personId: RecordId.optional(),
  protection: ProtectionLevel.default('restricted'),
  contact: optText(2000),
  notes: optText(20_000),
});
export type SourceBody = z.infer<typeof SourceBody>;

export const Supports = z.object({
  eventIds: ids(),
  actIds: ids(),
  personIds: ids(),
});

export const TestimonyBody = z.object({
  title: text(500),
  sourceId: RecordId.optional(),
  /** The person who speaks, when a person (victim, witness). */
  witnessId: RecordId.optional(),
  /** How the witness relates to what they tell (victim, relative of the victim, witness, …). */
  witnessRelation: code(SOURCE_CONNECTIONS).optional(),
  statement: longText(),
  language: z.string().regex(/^[a-z]{2,3}$/, 'ISO 639 language code, e.g. es'),
  date: FuzzyDate.optional(),
  interviewer: optText(300),
  materialType: code(SOURCE_MATERIAL_TYPES).default('testimony'),
  consent: ConsentScope,
  /** Admiralty information credibility 1–6. */
  credibility: code(INFORMATION_CREDIBILITY).default('6'),
  protection: ProtectionLevel.default('protected'),
  supports: Supports.default({ eventIds: [], actIds: [], personIds: [] }),
  /** Evidence items the testimony cites (a photo the witness identified, a medical report…). */
  evidenceIds: z.array(RecordId).optional(),
  hearingId: RecordId.optional(),
  /**
   * An intake still being taken (the web form saves at every step so nothing typed is lost):
   * stored encrypted like any testimony, but left out of the analysis and the report until final.
   */
  draft: z.boolean().optional(),
  notes: optText(20_000),
});
export type TestimonyBody = z.infer<typeof TestimonyBody>;

export const EvidenceBody = z.object({
  title: text(500),
  kind: code(EVIDENCE_KINDS),
  sha256: Sha256Hex,
  size: z.number().int().nonnegative(),
  mediaType: z.string().max(200),
  fileName: optText(500),
  acquisition: z.object({
    by: text(300),
    at: z.iso.datetime({ offset: true }),
    method: text(1000),
    from: optText(2000),
    tool: optText(300),
  }),
  sourceId: RecordId.optional(),
  /** A derivative (e.g. a redacted copy) links to its original; originals are never modified. */
  derivedFrom: RecordId.optional(),
  derivation: optText(500),
  verification: optText(20_000),
  consent: ConsentScope.default('internal'),
  protection: ProtectionLevel.default('restricted'),
  /** Admiralty information credibility 1–6 of what the item shows; absent = 6 (cannot be judged). */
  credibility: code(INFORMATION_CREDIBILITY).optional(),
  graphic: z.boolean().default(false),
  supports: Supports.default({ eventIds: [], actIds: [], personIds: [] }),
});
export type EvidenceBody = z.infer<typeof EvidenceBody>;

export const CustodyEntryBody = z.object({
  evidenceId: RecordId,
  action: code(CUSTODY_ACTIONS),
  at: z.iso.datetime({ offset: true }),
  actor: text(300),
  note: optText(5000),
  sha256: Sha256Hex.optional(),
});
export type CustodyEntryBody = z.infer<typeof CustodyEntryBody>;

export const HearingBody = z.object({
  title: text(500),
  date: FuzzyDate,
  placeId: RecordId.optional(),
  panel: z.array(text(300)).default([]),
  participants: z.array(z.object({ personId: RecordId, role: code(HEARING_ROLES) })).default([]),
  transcript: longText().optional(),
  transcriptEvidenceId: RecordId.optional(),
  /** Reserved sessions are protected: their transcripts name and quote those who testified. */
  protection: ProtectionLevel.default('restricted'),
  notes: optText(20_000),
});
export type HearingBody = z.infer<typeof HearingBody>;

/** A documenting organization's list, kept raw for linkage and statistics. */
export const SourceListBody = z.object({
  name: text(300),
  sourceId: RecordId.optional(),
  fileName: optText(500),
  sha256: Sha256Hex.optional(),
  columns: z.array(z.string()).default([]),
  rowCount: z.number().int().nonnegative().default(0),
  notes: optText(20_000),
});
export type SourceListBody = z.infer<typeof SourceListBody>;

/** One raw row of a source list. Linked to a person once linkage (or a reviewer) decides. */
export const SourceRecordBody = z.object({
  listId: RecordId,
  rowNo: z.number().int().positive(),
  recordId: z.string().max(200),
  data: z.record(z.string(), z.string()),
  personId: RecordId.optional(),
});
export type SourceRecordBody = z.infer<typeof SourceRecordBody>;
