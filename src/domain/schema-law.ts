/**
 * Entities of the legal analysis (issue 6): element links (the Case Matrix cells: this item tends
 * to prove — or contradicts — that element, for that incident or that suspect), national
 * proceedings (complementarity), and the expert panel's review (members, comments, opinions,
 * frozen report versions and signatures). Element *status* is never stored: it is derived from
 * the links (src/analysis), so nobody can type "corroborated" by hand.
 */
import { z } from 'zod';
import { FuzzyDate } from './dates.js';
import { RecordId, Sha256Hex } from './schema.js';

const optText = (max = 2000) => z.string().trim().max(max).optional();
const ids = () => z.array(RecordId).default([]);

/** Law element ids as in src/law: "CTX.policy", "CAH.7-1-f.E2", "ICC.28-a.E1". */
export const ElementId = z
  .string()
  .regex(/^(?:CTX|CAH|ICC)\.[A-Za-z0-9.-]{1,60}$/, 'a law element id such as CAH.7-1-f.E2');

export const STANCES = ['supports', 'contradicts'] as const;
export type Stance = (typeof STANCES)[number];

export const ElementLinkBody = z
  .object({
    elementId: ElementId,
    /** Incident scope: the act (preferred) or the event the item speaks to. */
    actId: RecordId.optional(),
    eventId: RecordId.optional(),
    /** Suspect scope: the alleged perpetrator (mental elements, modes of liability). */
    suspectId: RecordId.optional(),
    /** The item linked: exactly one of these. */
    testimonyId: RecordId.optional(),
    evidenceId: RecordId.optional(),
    informationItemId: RecordId.optional(),
    stance: z.enum(STANCES).default('supports'),
    /**
     * Where the information first came from, when the item only relays it (a press article
     * quoting an NGO bulletin). Links sharing an origin count once for corroboration; by default
     * the origin is the item's source's independence group.
     */
    origin: optText(200),
    /** The passage or page that matters, so a reader finds it. */
    passage: optText(5000),
    note: optText(20_000),
  })
  .refine((v) => [v.testimonyId, v.evidenceId, v.informationItemId].filter(Boolean).length === 1, {
    message: 'an element link names exactly one item: testimonyId, evidenceId or informationItemId',
    path: ['testimonyId'],
  });
export type ElementLinkBody = z.infer<typeof ElementLinkBody>;

export const PROCEEDING_STATUSES = [
  'none',
  'preliminary_inquiry',
  'investigation',
  'charges',
  'trial',
  'convicted',
  'acquitted',
  'closed',
] as const;

/** Art. 17(2)–(3) indicators recorded by the analysts, shown in the admissibility section. */
export const ADMISSIBILITY_INDICATORS = [
  'shielding_purpose',
  'unjustified_delay',
  'lack_of_independence',
  'inconsistent_with_intent_to_bring_to_justice',
  'judicial_system_collapse',
  'unable_to_obtain_accused_or_evidence',
] as const;

/** A national (or other) proceeding about the conduct: the complementarity record. */
export const ProceedingBody = z.object({
  /** ISO 3166-1 alpha-2 of the State whose authorities act. */
  country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 country code'),
  authority: z.string().trim().min(1).max(300),
  caseNumber: optText(200),
  status: z.enum(PROCEEDING_STATUSES),
  opened: FuzzyDate.optional(),
  lastActivity: FuzzyDate.optional(),
  personIds: ids(),
  actIds: ids(),
  indicators: z.array(z.enum(ADMISSIBILITY_INDICATORS)).default([]),
  evidenceIds: ids(),
  notes: optText(20_000),
});
export type ProceedingBody = z.infer<typeof ProceedingBody>;

// ── The expert panel ───────────────────────────────────────────────────────────────────────────
const Username = z.string().trim().min(1).max(200);

/**
 * Each expert keeps their own Ed25519 private key (a PEM file or a browser key); the panel only
 * records the public key. A signature then shows that expert, not the server, approved the text.
 */
export const PanelMember = z.object({
  username: Username,
  name: z.string().trim().min(1).max(300),
  role: z.enum(['chair', 'member']).default('member'),
  publicKeyPem: z
    .string()
    .max(2000)
    .regex(/^-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----\s*$/, 'a PEM public key')
    .optional(),
  /** Findings or sections this member reviews first (element ids or "section:<name>"). */
  assignments: z.array(z.string().max(100)).default([]),
  declaredIndependence: optText(5000),
});
export type PanelMember = z.infer<typeof PanelMember>;

export const PanelBody = z.object({
  name: z.string().trim().min(1).max(300),
  members: z.array(PanelMember).max(15).default([]),
  /** Signatures needed for the report to be final; three experts by default. */
  requiredSignatures: z.number().int().positive().max(15).default(3),
});
export type PanelBody = z.infer<typeof PanelBody>;

/** What a comment or opinion is about: an element id, a crime id, or "section:<name>". */
export const ReviewTarget = z
  .string()
  .regex(
    /^(?:(?:CTX|CAH|ICC)\.[A-Za-z0-9.-]{1,60}|section:[a-z-]{1,40})$/,
    'an element or crime id, or section:<name>',
  );

export const ReviewCommentBody = z.object({
  target: ReviewTarget,
  parentId: RecordId.optional(),
  author: Username,
  text: z.string().trim().min(1).max(20_000),
});
export type ReviewCommentBody = z.infer<typeof ReviewCommentBody>;

export const POSITIONS = ['agree', 'disagree', 'abstain'] as const;

/** One expert's opinion on one finding; a disagreement is a dissent and is kept and shown. */
export const OpinionBody = z
  .object({
    target: ReviewTarget,
    member: Username,
    position: z.enum(POSITIONS),
    reasons: optText(50_000),
  })
  .refine((v) => v.position !== 'disagree' || (v.reasons ?? '').length > 0, {
    message: 'a dissent states its reasons',
    path: ['reasons'],
  });
export type OpinionBody = z.infer<typeof OpinionBody>;

/** A frozen report content: its hash is what the experts sign. */
export const ReportVersionBody = z.object({
  number: z.number().int().positive(),
  contentSha256: Sha256Hex,
  /** The analysis id (stored analyses) holding the canonical content, for reproduction. */
  contentAnalysisId: z.string().max(100),
  frozenAt: z.iso.datetime({ offset: true }),
  supersededBy: RecordId.optional(),
});
export type ReportVersionBody = z.infer<typeof ReportVersionBody>;

export const SignatureBody = z.object({
  versionId: RecordId,
  member: Username,
  publicKeyPem: z.string().max(2000),
  /** Base64 Ed25519 signature over the UTF-8 bytes of the version's contentSha256 (hex). */
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'a base64 Ed25519 signature'),
  signedAt: z.iso.datetime({ offset: true }),
  /** Set when the content changed after signing: the signature stays recorded, marked void. */
  voidedAt: z.iso.datetime({ offset: true }).optional(),
  voidReason: optText(1000),
});
export type SignatureBody = z.infer<typeof SignatureBody>;

// ── The report's authored text ─────────────────────────────────────────────────────────────────
/**
 * Sections of the report written by people, not derived: the factual background, the description
 * of the attack, methodology and limitations as the documenters applied them, the panel's
 * recommendations, and each panel member's declaration of independence and conflicts of interest.
 */
export const NARRATIVE_SECTIONS = [
  'background',
  'attack',
  'methodology',
  'limitations',
  'recommendations',
  'declaration',
] as const;
export type NarrativeSection = (typeof NARRATIVE_SECTIONS)[number];
export const NARRATIVE_EDITIONS = ['public', 'confidential'] as const;
export const NARRATIVE_LANGS = ['es', 'en'] as const;

/**
 * One section in one edition and language. Saving again replaces the text and raises `revision`
 * (every revision is in the audit log). Citations are written inline as `[@id]` (a testimony,
 * evidence or information item id); the report resolves them through the read model.
 */
export const NarrativeBody = z
  .object({
    section: z.enum(NARRATIVE_SECTIONS),
    edition: z.enum(NARRATIVE_EDITIONS).default('public'),
    lang: z.enum(NARRATIVE_LANGS),
    /** Declarations: the panel member who declares (set from the session, never typed). */
    member: Username.optional(),
    text: z.string().trim().max(100_000),
    revision: z.number().int().positive(),
    /** Who saved this revision. */
    author: Username,
  })
  .refine((v) => (v.section === 'declaration') === (v.member !== undefined), {
    message: 'a declaration names the member who declares; other sections name none',
    path: ['member'],
  })
  .refine((v) => v.section !== 'declaration' || v.edition === 'public', {
    message: "a panel member's declaration is public: it is part of what the panel signs",
    path: ['edition'],
  });
export type NarrativeBody = z.infer<typeof NarrativeBody>;
