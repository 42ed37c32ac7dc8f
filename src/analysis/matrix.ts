/**
 * The Case Matrix derivation: from element links to an element's status, corroboration, grade and
 * gaps. The rules (docs/LEGAL-MODEL.md §3):
 *  - independence is decided by the origin of each item — the person or document at its start
 *    (the witness who speaks, the author who wrote), not the organisation that passed it on; an
 *    explicit relay (a link's `origin`, a source's `independenceGroup`) merges items into one origin;
 *  - corroboration = distinct origins among supporting items that pass the thresholds, so circular
 *    reporting counts once and two witnesses heard by one organisation count twice;
 *  - contradictions = distinct origins among contradicting items; shown, never netted out;
 *  - grade = the grade of the best single supporting item (never a letter from one item and a digit
 *    from another); Admiralty F and 6 ("cannot be judged") are unrated, not worse than E and 5;
 *  - credibility 1 ("confirmed by other sources") typed by hand is read as 2: confirmation is what
 *    the matrix itself counts, from independent links, so it is never counted twice;
 *  - status: no-evidence → single-source → corroborated (≥ threshold) → contested (any contradiction).
 */
import type { ElementLinkBody } from '../domain/schema-law.js';
import type {
  CaseSnapshot,
  CitedItem,
  ElementFinding,
  ElementStatus,
  Gap,
  ItemKind,
  Rec,
  Thresholds,
} from './types.js';

/**
 * Admiralty order from best to worst, with "cannot be judged" (F, 6) placed as neutral: after the
 * positive ratings (A–C, 1–3) and before the negative ones (D–E, 4–5). It is an absence of a
 * rating, not a bad one (STANAG 2511; docs/LEGAL-MODEL.md §3).
 */
const RELIABILITY_ORDER = ['A', 'B', 'C', 'F', 'D', 'E'] as const;
const CREDIBILITY_ORDER = ['1', '2', '3', '6', '4', '5'] as const;
const RATED_RELIABILITY = ['A', 'B', 'C', 'D', 'E'];

export const UNRATED_RELIABILITY = 'F';
export const UNRATED_CREDIBILITY = '6';

export interface ItemFacts {
  readonly kind: ItemKind;
  /** Source reliability A–F; F (unrated) when the item has no source or it cannot be judged. */
  readonly reliability: string;
  /** Credibility used by the matrix (1 typed by hand is read as 2). */
  readonly credibility: string;
  /** The credibility as typed, when the matrix reads it differently. */
  readonly statedCredibility?: string;
  /** The origin when the link names none: the witness, author, relay group, source or item. */
  readonly group: string;
}

/** Credibility 1 claims confirmation by other sources: the matrix counts that itself. */
function effectiveCredibility(c: string): { credibility: string; statedCredibility?: string } {
  return c === '1' ? { credibility: '2', statedCredibility: '1' } : { credibility: c };
}

/**
 * Reliability comes from the item's source (unrated F when there is none), credibility from the
 * item. The origin (independence group), most specific first:
 *  - testimony: the witness who speaks; else the source's relay group, the person behind the
 *    source, the source; else the item — one witness relayed by two organisations is one origin,
 *    two witnesses heard by one organisation are two;
 *  - evidence and captured items: the source's relay group (an outlet relaying a bulletin); else
 *    the author (captured items), the person behind the source, the source; else the original
 *    item (a redacted copy is its original).
 */
export function indexItems(s: CaseSnapshot): Map<string, ItemFacts> {
  const sources = new Map(s.sources.map((r) => [r.id, r.body]));
  const sourceOrigin = (sourceId: string | undefined): string | undefined => {
    const src = sourceId ? sources.get(sourceId) : undefined;
    if (!src) return undefined;
    if (src.independenceGroup) return `grp:${src.independenceGroup.trim().toLowerCase()}`;
    if (src.personId) return `per:${src.personId}`;
    return `src:${sourceId}`;
  };
  const relayGroup = (sourceId: string | undefined): string | undefined => {
    const g = sourceId ? sources.get(sourceId)?.independenceGroup : undefined;
    return g ? `grp:${g.trim().toLowerCase()}` : undefined;
  };
  const reliabilityOf = (sourceId: string | undefined) =>
    (sourceId ? sources.get(sourceId)?.reliability : undefined) ?? UNRATED_RELIABILITY;
  const out = new Map<string, ItemFacts>();
  for (const t of s.testimonies) {
    out.set(t.id, {
      kind: 'testimony',
      reliability: reliabilityOf(t.body.sourceId),
      ...effectiveCredibility(t.body.credibility ?? UNRATED_CREDIBILITY),
      group: t.body.witnessId ? `per:${t.body.witnessId}` : (sourceOrigin(t.body.sourceId) ?? `item:${t.id}`),
    });
  }
  for (const e of s.evidence) {
    const root = e.body.derivedFrom ?? e.id;
    out.set(e.id, {
      kind: 'evidence',
      reliability: reliabilityOf(e.body.sourceId),
      ...effectiveCredibility(e.body.credibility ?? UNRATED_CREDIBILITY),
      group: sourceOrigin(e.body.sourceId) ?? `item:${root}`,
    });
  }
  for (const i of s.informationItems) {
    const author = i.body.author?.trim().toLowerCase();
    out.set(i.id, {
      kind: 'informationItem',
      reliability: reliabilityOf(i.body.sourceId),
      ...effectiveCredibility(i.body.credibility ?? UNRATED_CREDIBILITY),
      group:
        relayGroup(i.body.sourceId) ??
        (author ? `author:${author}` : undefined) ??
        sourceOrigin(i.body.sourceId) ??
        `item:${i.id}`,
    });
  }
  return out;
}

export function itemIdOf(link: ElementLinkBody): string {
  return (link.testimonyId ?? link.evidenceId ?? link.informationItemId)!;
}

/**
 * Passes the thresholds. An unrated source (F, or no source) does not bar an item whose
 * information was itself assessed (an independent forensic report, verified footage): it is then
 * judged on its credibility. Unrated credibility (6) passes only if the threshold admits 6.
 */
export function qualifies(reliability: string, credibility: string, t: Thresholds): boolean {
  const credibilityOk =
    credibility === UNRATED_CREDIBILITY ? t.maxCredibility >= 6 : Number(credibility) <= t.maxCredibility;
  if (!credibilityOk) return false;
  if (reliability === UNRATED_RELIABILITY || t.minReliability === UNRATED_RELIABILITY) return true;
  return RATED_RELIABILITY.indexOf(reliability) <= RATED_RELIABILITY.indexOf(t.minReliability);
}

/** Sort key of a grade "B2" in Admiralty order (lower is better). */
export function gradeRank(grade: string): [number, number] {
  const r = RELIABILITY_ORDER.indexOf(grade[0] as (typeof RELIABILITY_ORDER)[number]);
  const c = CREDIBILITY_ORDER.indexOf(grade.slice(1) as (typeof CREDIBILITY_ORDER)[number]);
  return [r < 0 ? 99 : r, c < 0 ? 99 : c];
}

/** The better of two grades: qualifying first, then Admiralty order (reliability, then credibility). */
function better(a: { grade: string; qualifies: boolean }, b: { grade: string; qualifies: boolean }): boolean {
  if (a.qualifies !== b.qualifies) return a.qualifies;
  const [ar, ac] = gradeRank(a.grade);
  const [br, bc] = gradeRank(b.grade);
  return ar !== br ? ar < br : ac < bc;
}

/** The grade of the best single item (e.g. "B2"); "" when none. */
export function bestItemGrade(items: readonly { grade: string; qualifies: boolean }[]): string {
  let best: { grade: string; qualifies: boolean } | undefined;
  for (const i of items) if (!best || better(i, best)) best = i;
  return best?.grade ?? '';
}

/** Derives one element's finding from the links that target it (already filtered to its scope). */
export function deriveElement(
  elementId: string,
  links: readonly Rec<ElementLinkBody>[],
  items: ReadonlyMap<string, ItemFacts>,
  thresholds: Thresholds,
  meansOfProof: readonly string[] = [],
): ElementFinding {
  const cited: CitedItem[] = [];
  for (const l of links) {
    const itemId = itemIdOf(l.body);
    const facts = items.get(itemId);
    // A link to an item the snapshot does not hold (withheld or removed) cannot count.
    if (!facts) continue;
    const origin = l.body.origin?.trim();
    cited.push({
      linkId: l.id,
      itemKind: facts.kind,
      itemId,
      stance: l.body.stance,
      group: origin ? `origin:${origin.toLowerCase()}` : facts.group,
      reliability: facts.reliability,
      credibility: facts.credibility,
      ...(facts.statedCredibility ? { statedCredibility: facts.statedCredibility } : {}),
      grade: `${facts.reliability}${facts.credibility}`,
      qualifies: qualifies(facts.reliability, facts.credibility, thresholds),
    });
  }
  cited.sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : a.linkId < b.linkId ? -1 : 1));
  const supporting = cited.filter((c) => c.stance === 'supports');
  const contradicting = cited.filter((c) => c.stance === 'contradicts');
  const groups = (xs: readonly CitedItem[]) => new Set(xs.map((x) => x.group)).size;
  const corroboration = groups(supporting.filter((c) => c.qualifies));
  const supportingGroups = groups(supporting);
  const contradictions = groups(contradicting);
  const status: ElementStatus =
    contradictions > 0
      ? 'contested'
      : corroboration >= thresholds.minIndependentSources
        ? 'corroborated'
        : supporting.length > 0
          ? 'single-source'
          : 'no-evidence';
  const grade = bestItemGrade(supporting);
  const gaps: Gap[] = [];
  if (supporting.length === 0) gaps.push({ code: 'no-evidence', meansOfProof });
  else {
    if (corroboration < thresholds.minIndependentSources)
      gaps.push({ code: 'needs-corroboration', have: corroboration, need: thresholds.minIndependentSources });
    if (corroboration === 0) gaps.push({ code: 'below-threshold', bestGrade: grade });
  }
  if (contradictions > 0) gaps.push({ code: 'contradicted', groups: contradictions });
  return { elementId, status, corroboration, supportingGroups, contradictions, grade, items: cited, gaps };
}

/** The best grade across findings (for summaries): one finding's grade, in Admiralty order. */
export function bestOf(grades: readonly string[]): string {
  let best = '';
  for (const g of grades) {
    if (!g) continue;
    if (!best) best = g;
    else {
      const [gr, gc] = gradeRank(g);
      const [br, bc] = gradeRank(best);
      if (gr < br || (gr === br && gc < bc)) best = g;
    }
  }
  return best;
}
