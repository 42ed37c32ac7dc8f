/**
 * The Case Matrix derivation: from element links to an element's status, corroboration, grade and
 * gaps. The rules (LEGAL.md §8):
 *  - corroboration = distinct independence groups among supporting items that pass the
 *    thresholds; items relayed from one origin share a group, so circular reporting counts once;
 *  - contradictions = distinct groups among contradicting items; shown, never netted out;
 *  - grade = best source reliability + best information credibility among supporting items;
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

const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

export interface ItemFacts {
  readonly kind: ItemKind;
  readonly reliability: string;
  readonly credibility: string;
  /** The independence group when the link names no origin. */
  readonly group: string;
}

/**
 * Reliability comes from the item's source (F when none can be judged), credibility from the item.
 * The default group is the source's independence group, else the source, else the witness (two
 * statements by one witness are not independent), else the item itself.
 */
export function indexItems(s: CaseSnapshot): Map<string, ItemFacts> {
  const sources = new Map(s.sources.map((r) => [r.id, r.body]));
  const groupOf = (sourceId: string | undefined, fallback: string) => {
    const src = sourceId ? sources.get(sourceId) : undefined;
    if (src) return `grp:${src.independenceGroup ?? sourceId}`;
    return fallback;
  };
  const reliabilityOf = (sourceId: string | undefined) =>
    (sourceId ? sources.get(sourceId)?.reliability : undefined) ?? 'F';
  const out = new Map<string, ItemFacts>();
  for (const t of s.testimonies) {
    out.set(t.id, {
      kind: 'testimony',
      reliability: reliabilityOf(t.body.sourceId),
      credibility: t.body.credibility ?? '6',
      group: groupOf(t.body.sourceId, t.body.witnessId ? `per:${t.body.witnessId}` : `item:${t.id}`),
    });
  }
  for (const e of s.evidence) {
    // A derived copy (redaction) is the same information as its original.
    const root = e.body.derivedFrom ?? e.id;
    out.set(e.id, {
      kind: 'evidence',
      reliability: reliabilityOf(e.body.sourceId),
      credibility: e.body.credibility ?? '6',
      group: groupOf(e.body.sourceId, `item:${root}`),
    });
  }
  for (const i of s.informationItems) {
    out.set(i.id, {
      kind: 'informationItem',
      reliability: reliabilityOf(i.body.sourceId),
      credibility: i.body.credibility ?? '6',
      group: groupOf(i.body.sourceId, `item:${i.id}`),
    });
  }
  return out;
}

export function itemIdOf(link: ElementLinkBody): string {
  return (link.testimonyId ?? link.evidenceId ?? link.informationItemId)!;
}

function qualifies(reliability: string, credibility: string, t: Thresholds): boolean {
  return (
    RELIABILITY.indexOf(reliability as (typeof RELIABILITY)[number]) <=
      RELIABILITY.indexOf(t.minReliability) && Number(credibility) <= t.maxCredibility
  );
}

function bestGrade(items: readonly CitedItem[]): string {
  if (items.length === 0) return '';
  let r = 'F';
  let c = '6';
  for (const i of items) {
    if (i.reliability < r) r = i.reliability;
    if (Number(i.credibility) < Number(c)) c = i.credibility;
  }
  return `${r}${c}`;
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
  const grade = bestGrade(supporting);
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

/** The best grade across findings (for summaries): best letter and best digit seen. */
export function bestOf(grades: readonly string[]): string {
  const g = grades.filter(Boolean);
  if (g.length === 0) return '';
  const r = g.map((x) => x[0]!).sort()[0]!;
  const c = g.map((x) => x.slice(1)).sort((a, b) => Number(a) - Number(b))[0]!;
  return `${r}${c}`;
}
