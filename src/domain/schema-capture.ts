/**
 * Entities of open-source capture (issue 9): an information item is a piece of captured text (a
 * news article, a reader comment, a plain-text file) preserved as evidence (a WARC) and
 * extracted for reading; a suggestion is a fact the extractor found in it (a person, an
 * organization, a place, a date, a candidate event) waiting for a documenter's decision.
 * Suggestions are never facts of the case file until a person accepts them.
 */
import { z } from 'zod';
import { FuzzyDate } from './dates.js';
import { ProtectionLevel, RecordId, Sha256Hex, Supports } from './schema.js';

const optText = (max = 2000) => z.string().trim().max(max).optional();

export const INFORMATION_ITEM_TYPES = ['article', 'comment', 'text'] as const;
export type InformationItemType = (typeof INFORMATION_ITEM_TYPES)[number];

export const InformationItemBody = z
  .object({
    itemType: z.enum(INFORMATION_ITEM_TYPES),
    /** The WARC (or the saved file) this item was extracted from. */
    evidenceId: RecordId,
    /** The address captured (canonical form, no fragment); absent for a local file. */
    url: z
      .string()
      .max(4000)
      .regex(/^https?:\/\/\S+$/, 'an http(s) address')
      .optional(),
    /** A local file's name when captured from a file. */
    fileName: optText(500),
    title: optText(1000),
    outlet: optText(300),
    author: optText(300),
    /** Publication date as the page states it (fuzzy: a day, a month, a year). */
    published: FuzzyDate.optional(),
    /** ISO 639-1 code (es, en) or "und" when the text is too short to tell. */
    language: z.string().regex(/^(?:[a-z]{2,3}|und)$/, 'ISO 639 language code or "und"'),
    /** The readable text; suggestion offsets point into it. */
    text: z.string().max(2_000_000),
    /** For a comment: the comment it answers (or the article, for a top-level comment). */
    parentItemId: RecordId.optional(),
    /** For a comment: 0 for a top-level comment, 1 for a reply to it, … */
    depth: z.number().int().nonnegative().optional(),
    /** For a comment: its place in the thread in reading order (1-based). */
    threadPosition: z.number().int().positive().optional(),
    /** The outlet (article) or the comment's author (comment), as a source. */
    sourceId: RecordId.optional(),
    /** The earlier capture of the same address, when the content changed since. */
    previousVersionId: RecordId.optional(),
    /** SHA-256 of the bytes the text was extracted from (the HTTP payload or the file). */
    contentSha256: Sha256Hex,
    /** When and by whom the capture was made (UTC). */
    capturedAt: z.iso.datetime({ offset: true }),
    protection: ProtectionLevel.default('public'),
    /** Admiralty information credibility 1–6, once someone assessed it; absent = 6. */
    credibility: z.enum(['1', '2', '3', '4', '5', '6']).optional(),
    /** Records of the case file this item supports (filled as suggestions are accepted). */
    supports: Supports.default({ eventIds: [], actIds: [], personIds: [] }),
    notes: optText(20_000),
  })
  .refine((v) => v.itemType !== 'comment' || v.parentItemId !== undefined, {
    message: 'a comment belongs to an article (parentItemId)',
    path: ['parentItemId'],
  });
export type InformationItemBody = z.infer<typeof InformationItemBody>;

export const SUGGESTION_KINDS = ['person', 'organization', 'place', 'date', 'event'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];
export const SUGGESTION_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export const PERSON_ROLES = ['victim', 'official', 'witness', 'lawyer', 'relative'] as const;

export const SuggestionBody = z.object({
  /** The information item the suggestion was read from; offsets point into its text. */
  itemId: RecordId,
  kind: z.enum(SUGGESTION_KINDS),
  /** The words as written (= the item's text between start and end). */
  text: z.string().min(1).max(5000),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  /** For persons: the role the text gives them. */
  role: z.enum(PERSON_ROLES).optional(),
  /** Normalized value: a full name, a gazetteer code, an ISO date, an event type. */
  value: z.string().max(1000),
  /** For places: ISO 3166-2 state code. */
  placeCode: z.string().max(20).optional(),
  /** For places: state, municipality, city, detention_site. */
  placeKind: z.string().max(40).optional(),
  /** For dates and events: the date (relative dates resolved against the publication date). */
  date: FuzzyDate.optional(),
  /** For events: act type and methods (vocabulary codes), detention status they imply. */
  actType: z.string().max(60).optional(),
  methods: z.array(z.string().max(60)).default([]),
  detentionStatus: z.string().max(60).optional(),
  /** For events: persons and places named in the same sentence (values). */
  persons: z.array(z.string().max(300)).default([]),
  places: z.array(z.string().max(300)).default([]),
  /** For organizations: a unit kind guess. */
  unitKind: z.string().max(60).optional(),
  /** For persons, organizations and places: every span naming the same entity (first = start/end). */
  mentions: z
    .array(z.object({ start: z.number().int().nonnegative(), end: z.number().int().positive() }))
    .max(2000)
    .optional(),
  /** Existing persons of the case file this could be, best first. */
  candidatePersonIds: z.array(z.object({ personId: RecordId, score: z.number().min(0).max(1) })).default([]),
  /** The protection of the item it was read from: a suggestion quotes it, so it is shown no wider. */
  protection: ProtectionLevel.default('restricted'),
  status: z.enum(SUGGESTION_STATUSES).default('pending'),
  decidedBy: optText(300),
  decidedAt: z.iso.datetime({ offset: true }).optional(),
  /** The record created or linked on acceptance. */
  createdRecordId: RecordId.optional(),
  note: optText(5000),
});
export type SuggestionBody = z.infer<typeof SuggestionBody>;
