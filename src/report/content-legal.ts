/**
 * The parts of the report content that carry the Article 53(1) analysis: the situation and its
 * trigger, jurisdiction per act (with "uncertain" as its own status), the reasonable-basis reading
 * of each crime's statuses, admissibility per potential case, the per-incident annex with the
 * quoted passages, and the public form of a suspect's positions. Language-independent; the
 * document turns them into words (docs/LEGAL-MODEL.md §4–5).
 */
import type { CaseAnalysis, CaseSnapshot, ComplementarityStatus, ElementFinding } from '../analysis/types.js';
import { crimeById, situationOf } from '../law/index.js';

/**
 * How a crime's incidents stand against the reasonable-basis standard (Art. 53(1)(a); Kenya
 * authorisation decision, PTC II 2010: a sensible or reasonable justification for a belief; the
 * information need not be comprehensive or conclusive). A reading for the panel, not a finding.
 */
export type BasisReading = 'corroborated-incidents' | 'partial-information' | 'no-information';

export interface Article53Content {
  readonly situation?: {
    readonly name: string;
    readonly iccNumber: string;
    readonly trigger: string;
    readonly referralDate?: string;
    readonly referringStates: readonly string[];
    readonly crimesSince?: string;
    readonly steps: readonly { date: string; es: string; en: string }[];
  };
  readonly jurisdiction: {
    readonly inside: number;
    readonly outside: number;
    readonly uncertain: number;
    readonly byReason: readonly { status: 'outside' | 'uncertain'; reason: string; count: number }[];
  };
  readonly crimes: readonly {
    readonly crimeId: string;
    readonly incidents: number;
    readonly allCorroborated: number;
    readonly withEvidence: number;
    readonly contested: number;
    readonly attempts: number;
    readonly reading: BasisReading;
  }[];
  readonly potentialCases: readonly {
    readonly personId: string;
    readonly acts: number;
    readonly actsInNationalProceedings: number;
    readonly status: ComplementarityStatus;
    readonly indicators: readonly string[];
  }[];
}

export interface IncidentAnnexRow {
  readonly actId: string;
  readonly actType: string;
  readonly date?: string;
  readonly stateCode?: string;
  readonly victimId: string;
  readonly attempt: boolean;
  readonly deprivationDays?: number;
  readonly elements: readonly {
    readonly elementId: string;
    readonly status: ElementFinding['status'];
    readonly grade: string;
    readonly items: readonly { id: string; grade: string; passage?: string }[];
  }[];
}

/** At most this many incidents per crime in the PDF annex; the rest are in the bundle's data. */
export const ANNEX_INCIDENTS_PER_CRIME = 12;

export function article53Content(
  s: CaseSnapshot,
  a: CaseAnalysis,
  shown: ReadonlySet<string>,
): Article53Content {
  const sit = situationOf(s.caseFile.country);
  const reasons = new Map<string, number>();
  for (const o of a.jurisdiction.outside)
    reasons.set(`outside|${o.reason}`, (reasons.get(`outside|${o.reason}`) ?? 0) + 1);
  for (const u of a.jurisdiction.uncertain)
    reasons.set(`uncertain|${u.reason}`, (reasons.get(`uncertain|${u.reason}`) ?? 0) + 1);
  return {
    ...(sit
      ? {
          situation: {
            name: sit.name,
            iccNumber: sit.iccNumber,
            trigger: sit.trigger,
            ...(sit.referral
              ? { referralDate: sit.referral.date, crimesSince: sit.referral.crimesSince }
              : {}),
            referringStates: sit.referral?.states ?? [],
            steps: sit.steps.map((x) => ({ date: x.date, ...x.text })),
          },
        }
      : {}),
    jurisdiction: {
      ...a.jurisdiction.acts,
      byReason: [...reasons]
        .map(([k, count]) => {
          const [status, reason] = k.split('|') as ['outside' | 'uncertain', string];
          return { status, reason, count };
        })
        .sort((x, y) => (x.status + x.reason < y.status + y.reason ? -1 : 1)),
    },
    crimes: a.crimes.map((c) => {
      const withEvidence = c.incidents.filter((i) => i.elements.some((e) => e.supportingGroups > 0)).length;
      const reading: BasisReading =
        c.incidentsAllCorroborated > 0
          ? 'corroborated-incidents'
          : withEvidence > 0
            ? 'partial-information'
            : 'no-information';
      return {
        crimeId: c.crimeId,
        incidents: c.incidents.length,
        allCorroborated: c.incidentsAllCorroborated,
        withEvidence,
        contested: c.incidents.filter((i) => i.elements.some((e) => e.status === 'contested')).length,
        attempts: c.incidents.filter((i) => i.attempt).length,
        reading,
      };
    }),
    potentialCases: a.admissibility.potentialCases
      .filter((p) => shown.has(p.personId))
      .map((p) => ({
        personId: p.personId,
        acts: p.acts,
        actsInNationalProceedings: p.actsInNationalProceedings,
        status: p.status,
        indicators: p.indicators,
      })),
  };
}

const STATUS_RANK = { corroborated: 0, 'single-source': 1, contested: 2, 'no-evidence': 3 } as const;

/**
 * The per-incident annex: for each crime, the incidents with evidence (best supported first),
 * each element with its status, grade and the items with the passage quoted from the link. A
 * passage is quoted only from an item that may be published, and with hidden names replaced.
 */
export function incidentAnnex(
  s: CaseSnapshot,
  a: CaseAnalysis,
  naming: { redact(text: string): string; itemPublic(id: string): boolean; person(id: string): string },
): { crimeId: string; total: number; rows: IncidentAnnexRow[] }[] {
  const passages = new Map(s.elementLinks.map((l) => [l.id, l.body.passage]));
  return a.crimes.map((c) => {
    const withEvidence = c.incidents.filter((i) => i.elements.some((e) => e.supportingGroups > 0));
    const ranked = [...withEvidence].sort(
      (x, y) =>
        x.elements.reduce((t, e) => t + STATUS_RANK[e.status], 0) -
          y.elements.reduce((t, e) => t + STATUS_RANK[e.status], 0) || (x.actId < y.actId ? -1 : 1),
    );
    const rows = ranked.slice(0, ANNEX_INCIDENTS_PER_CRIME).map((i): IncidentAnnexRow => {
      naming.person(i.victimId);
      return {
        actId: i.actId,
        actType: i.actType,
        ...(i.date ? { date: i.date } : {}),
        ...(i.stateCode ? { stateCode: i.stateCode } : {}),
        victimId: i.victimId,
        attempt: i.attempt === true,
        ...(i.deprivation?.days !== undefined ? { deprivationDays: i.deprivation.days } : {}),
        elements: i.elements.map((e) => ({
          elementId: e.elementId,
          status: e.status,
          grade: e.grade,
          items: e.items
            .filter((it) => it.stance === 'supports')
            .map((it) => {
              const passage = passages.get(it.linkId);
              return {
                id: it.itemId,
                grade: it.grade,
                ...(passage && naming.itemPublic(it.itemId) ? { passage: naming.redact(passage) } : {}),
              };
            }),
        })),
      };
    });
    return { crimeId: c.crimeId, total: withEvidence.length, rows };
  });
}

/** How a pseudonymised suspect's positions appear in the public content (configurable). */
export interface PositionPolicy {
  /** generalise: kind of unit and role only; omit: nothing; exact: as recorded (named persons). */
  readonly pseudonymised: 'generalise' | 'omit';
  /** Dates in generalised positions: none, or years only. */
  readonly dates: 'none' | 'years';
}

export const DEFAULT_POSITION_POLICY: PositionPolicy = { pseudonymised: 'generalise', dates: 'none' };

/**
 * A pseudonymised suspect printed with their rank, post, unit and start date is identified in
 * practice ("General en Jefe, Comandante estratégico, CEOF, 2013-07-01"): only the kind of unit and
 * whether they commanded it are kept, dates as years or not at all. Deduplicated.
 */
export function generalisedPositions(
  s: CaseSnapshot,
  positions: CaseAnalysis['suspects'][number]['positions'],
  policy: PositionPolicy,
): { unitKind: string; commander: boolean; years?: string }[] {
  if (policy.pseudonymised === 'omit') return [];
  const kinds = new Map(s.units.map((u) => [u.id, u.body.kind]));
  const seen = new Set<string>();
  const out: { unitKind: string; commander: boolean; years?: string }[] = [];
  for (const p of positions) {
    const years =
      policy.dates === 'years' && (p.from || p.to)
        ? `${p.from?.slice(0, 4) ?? '…'}–${p.to?.slice(0, 4) ?? '…'}`
        : undefined;
    const row = {
      unitKind: kinds.get(p.unitId) ?? 'other',
      commander: p.commander,
      ...(years ? { years } : {}),
    };
    const key = `${row.unitKind}|${row.commander}|${years ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(row);
  }
  return out;
}

/** Exact positions of a suspect as text (rank, post, unit, dates): the confidential annex only. */
export function exactPositions(
  units: Readonly<Record<string, string>>,
  positions: CaseAnalysis['suspects'][number]['positions'],
): string[] {
  return positions.map((p) =>
    [
      p.rank,
      p.position,
      units[p.unitId] ?? p.unitId,
      p.from || p.to ? `${p.from ?? '…'} – ${p.to ?? '…'}` : '',
    ]
      .filter(Boolean)
      .join(', '),
  );
}

/** Element ids cited in the content, for the glossary (article reference and text). */
export function glossaryIds(ids: Iterable<string>): string[] {
  return [...new Set(ids)].filter((id) => !crimeById(id)).sort();
}
