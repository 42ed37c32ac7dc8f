import type { CaseSnapshot } from '../analysis/types.js';
import { canonicalJson } from '../domain/canonical-json.js';
import { sha256Hex } from '../domain/hashing.js';
import type { NarrativeSection } from '../domain/schema-law.js';

/** `[@tes_01J…]`: any `[@…]` is read as a citation, so a malformed one is reported, not printed. */
const RECORD_ID = /^[a-z]{2,4}_[0-9a-zA-Z]{10,40}$/;
const ANY_CITATION = /\[@([^\]\s]*)\]/g;

/** The ids cited in a text, in order of first appearance (malformed ones included, as typed). */
export function citedIds(text: string): string[] {
  return [...new Set([...text.matchAll(ANY_CITATION)].map((m) => m[1]!))];
}

export interface NarrativeSource {
  readonly n: number;
  readonly id: string;
  readonly kind: 'testimony' | 'evidence' | 'informationItem';
  readonly title?: string;
  readonly withheld: boolean;
  readonly passages: readonly string[];
}

export interface NarrativeContent {
  readonly section: NarrativeSection;
  readonly lang: 'es' | 'en';
  /** Declarations: the panel member who declares. */
  readonly member?: string;
  readonly revision: number;
  /** The text with names redacted per the edition and each citation replaced by `[n]`. */
  readonly text: string;
  readonly sources: readonly NarrativeSource[];
  /** Cited ids that are no testimony, evidence or information item of the case. */
  readonly unresolved?: readonly string[];
}

/** The confidential edition's text is not in the public content: only its hash, which the panel signs. */
export interface NarrativeCommitment {
  readonly section: NarrativeSection;
  readonly lang: 'es' | 'en';
  readonly sha256: string;
}

export interface NarrativeInput {
  readonly section: NarrativeSection;
  readonly edition: 'public' | 'confidential';
  readonly lang: 'es' | 'en';
  readonly member?: string;
  readonly revision: number;
  readonly text: string;
}

export interface CitationNaming {
  redact(text: string): string;
  itemPublic(id: string): boolean;
}

const MAX_PASSAGES = 2;

/** Resolves one section's citations and redacts its text with the edition's naming. */
export function resolveNarrative(
  s: CaseSnapshot,
  n: NarrativeInput,
  naming: CitationNaming,
): NarrativeContent {
  const items = new Map<string, { kind: NarrativeSource['kind']; title?: string }>();
  for (const t of s.testimonies) items.set(t.id, { kind: 'testimony', title: t.body.title });
  for (const e of s.evidence) items.set(e.id, { kind: 'evidence', title: e.body.title });
  for (const i of s.informationItems)
    items.set(i.id, { kind: 'informationItem', ...(i.body.title ? { title: i.body.title } : {}) });
  const passagesOf = (id: string) => {
    const out: string[] = [];
    for (const l of s.elementLinks) {
      const b = l.body;
      if ((b.testimonyId ?? b.evidenceId ?? b.informationItemId) !== id || !b.passage) continue;
      if (!out.includes(b.passage)) out.push(b.passage);
      if (out.length === MAX_PASSAGES) break;
    }
    return out;
  };

  const numbers = new Map<string, number>();
  const sources: NarrativeSource[] = [];
  const unresolved: string[] = [];
  for (const id of citedIds(n.text)) {
    const item = RECORD_ID.test(id) ? items.get(id) : undefined;
    if (!item) {
      unresolved.push(id);
      continue;
    }
    const pub = naming.itemPublic(id);
    numbers.set(id, sources.length + 1);
    sources.push({
      n: sources.length + 1,
      id,
      kind: item.kind,
      ...(pub && item.title ? { title: naming.redact(item.title) } : {}),
      withheld: !pub,
      passages: pub ? passagesOf(id).map((p) => naming.redact(p)) : [],
    });
  }
  const text = naming.redact(
    n.text.replace(ANY_CITATION, (whole, id: string) => (numbers.has(id) ? `[${numbers.get(id)}]` : whole)),
  );
  return {
    section: n.section,
    lang: n.lang,
    ...(n.member ? { member: n.member } : {}),
    revision: n.revision,
    text,
    sources,
    ...(unresolved.length ? { unresolved } : {}),
  };
}

const ORDER: readonly NarrativeSection[] = [
  'background',
  'attack',
  'methodology',
  'limitations',
  'recommendations',
  'declaration',
];
const sortKey = (n: { section: NarrativeSection; lang: string; member?: string }) =>
  `${ORDER.indexOf(n.section)}|${n.lang}|${n.member ?? ''}`;

/**
 * The authored sections of both editions: the public ones resolved with the public naming (they go
 * into the signed content), the confidential ones with the cleared naming (identity annex) and
 * committed in the content by their SHA-256. Empty texts are left out.
 */
export function narrativeContent(
  s: CaseSnapshot,
  inputs: readonly NarrativeInput[],
  publicNaming: CitationNaming,
  clearedNaming: CitationNaming,
): {
  narratives: NarrativeContent[];
  confidential: NarrativeContent[];
  commitments: NarrativeCommitment[];
} {
  const written = inputs.filter((n) => n.text.trim().length > 0);
  const narratives = written
    .filter((n) => n.edition === 'public')
    .map((n) => resolveNarrative(s, n, publicNaming))
    .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
  const confidential = written
    .filter((n) => n.edition === 'confidential')
    .map((n) => resolveNarrative(s, n, clearedNaming))
    .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
  const commitments = confidential.map((n) => ({
    section: n.section,
    lang: n.lang,
    sha256: commitmentOf(n),
  }));
  return { narratives, confidential, commitments };
}

/** Every unresolved citation, as the issues of the error that refuses a freeze. */
export function unresolvedCitations(
  all: readonly (NarrativeContent & { edition: string })[],
): { field: string; message: string }[] {
  return all.flatMap((n) =>
    (n.unresolved ?? []).map((id) => ({
      field: `narratives.${n.section}${n.member ? `.${n.member}` : ''}.${n.edition}.${n.lang}`,
      message: `[@${id}] is not a testimony, evidence or information item of this case (unknown id, or the item was deleted)`,
    })),
  );
}

/** What the signed content states of one confidential section: the SHA-256 of its canonical JSON. */
const commitmentOf = (n: NarrativeContent): string => sha256Hex(canonicalJson(n));

/**
 * Does the identity annex hold exactly the confidential text the signed content commits to? Returns
 * what does not match (empty when it all does): a verifier's check that the confidential edition's
 * authored text is the one the panel signed.
 */
export function narrativeCommitmentMismatches(
  commitments: readonly NarrativeCommitment[] | undefined,
  annexNarratives: readonly NarrativeContent[] | undefined,
): string[] {
  const want = new Map((commitments ?? []).map((c) => [`${c.section}/${c.lang}`, c.sha256]));
  const out: string[] = [];
  for (const n of annexNarratives ?? []) {
    const key = `${n.section}/${n.lang}`;
    const got = commitmentOf(n);
    if (want.get(key) !== got)
      out.push(`${key}: the annex text is not the one the signed content commits to`);
    want.delete(key);
  }
  for (const key of want.keys())
    out.push(`${key}: committed in the signed content but missing from the annex`);
  return out;
}
