/**
 * The report's content: one language-independent, canonical model built from the analysis, the
 * case file and the panel's opinions. Its SHA-256 (over canonical JSON) is what the experts sign.
 *
 * The signed content is safe to publish: persons whose identity is not public appear by their
 * pseudonym, items without public consent by their id and hash only, and free text (case
 * description, the experts' reasons) has hidden names replaced. The confidential edition adds an
 * identity annex (names and item titles) that is hashed separately — so both editions carry the
 * same signed findings, and the public one cannot leak what the annex holds.
 */
import type { CaseAnalysis, CaseSnapshot, CountBy, ElementFinding } from '../analysis/types.js';
import type { OpinionBody, PanelBody } from '../domain/schema-law.js';
import {
  type Article53Content,
  article53Content,
  DEFAULT_POSITION_POLICY,
  exactPositions,
  generalisedPositions,
  type IncidentAnnexRow,
  incidentAnnex,
  type PositionPolicy,
} from './content-legal.js';
import type { NarrativeCommitment, NarrativeContent } from './content-narrative.js';
import { type VictimsContent, victimsContent } from './content-victims.js';

export const REPORT_FORMAT = 'testigo-report/1';

/** How the content names things: supplied by the adapter from the redaction policy. */
export interface Naming {
  /** A person's name if public, else their pseudonym. */
  person(id: string): string;
  /** Free text with hidden names and document numbers replaced. */
  redact(text: string): string;
  /** May the item's title and file appear in the public content? (public protection + public consent) */
  itemPublic(id: string): boolean;
  /** Is the person's identity public (named), rather than pseudonymised? Absent: treated as hidden. */
  personPublic?(id: string): boolean;
}

export interface CellRow {
  readonly elementId: string;
  readonly status: ElementFinding['status'];
  readonly corroboration: number;
  readonly contradictions: number;
  readonly grade: string;
  readonly items: readonly string[];
}

export interface ReportContent {
  readonly format: typeof REPORT_FORMAT;
  readonly lawVersion: string;
  readonly caseId: string;
  readonly title: string;
  readonly country: string;
  readonly temporalScope?: { from: string; to?: string };
  readonly description?: string;
  readonly inputsSha256: string;
  /**
   * Fingerprint (SHA-256 of the SPKI DER) of the case's bundle-signing key, so the signed report
   * itself names the key its evidence bundle must be signed with (set by the report builder).
   */
  readonly caseKeyFingerprint?: string;
  /** SHA-256 of the canonical text of each edition and language (report/rendering.ts): the panel signs what people read. */
  readonly renderings?: { readonly format: string; readonly sha256: Readonly<Record<string, string>> };
  readonly thresholds: CaseAnalysis['thresholds'];
  readonly persons: Readonly<Record<string, string>>;
  readonly units: Readonly<Record<string, string>>;
  readonly methodology: {
    readonly sourcesByKind: readonly CountBy[];
    readonly sourcesByReliability: readonly CountBy[];
    readonly testimonies: number;
    readonly testimoniesByCredibility: readonly CountBy[];
    readonly evidence: number;
    readonly evidenceByKind: readonly CountBy[];
    readonly informationItems: number;
    readonly hearings: number;
    readonly elementLinks: number;
  };
  readonly context: {
    readonly elements: readonly CellRow[];
    readonly widespread: CaseAnalysis['indicators']['widespread'];
    readonly systematic: {
      readonly recurrentShare: number;
      readonly minStates: number;
      readonly minPeriods: number;
      readonly top: readonly {
        feature: string;
        id: string;
        label: string;
        acts: number;
        states: number;
        periods: number;
        recurrent: boolean;
      }[];
    };
    readonly policyInvolvements: number;
  };
  readonly crimes: readonly {
    readonly crimeId: string;
    readonly incidents: number;
    readonly victims: number;
    readonly incidentsAllCorroborated: number;
    readonly elements: readonly {
      readonly elementId: string;
      readonly incidents: Readonly<Record<ElementFinding['status'], number>>;
      readonly bestGrade: string;
      readonly items: readonly string[];
    }[];
    /** Incidents best supported first (at most 25 shown; the rest counted). */
    readonly sample: readonly {
      readonly actId: string;
      readonly date?: string;
      readonly stateCode?: string;
      readonly victimId: string;
      readonly statuses: readonly ElementFinding['status'][];
    }[];
  }[];
  readonly politicalPrisoners: CaseAnalysis['indicators']['politicalPrisoners'];
  readonly responsibility: readonly {
    readonly personId: string;
    readonly name: string;
    readonly modes: readonly string[];
    readonly direct: number;
    readonly command: number;
    /** Exact positions: named (public) persons only. */
    readonly positions: readonly string[];
    /** Pseudonymised persons: kind of unit and role, dates per the position policy. */
    readonly positionsGeneral?: readonly { unitKind: string; commander: boolean; years?: string }[];
    readonly elements: readonly CellRow[];
  }[];
  /** Persons linked to acts only through their unit or degree, with no evidence linked to them. */
  readonly suspectsWithoutEvidence: number;
  readonly article53: Article53Content;
  readonly incidentAnnex: readonly { crimeId: string; total: number; rows: readonly IncidentAnnexRow[] }[];
  /** Victims and harm, sexual and gender-based crimes, children: aggregates with small cells suppressed. */
  readonly victims?: VictimsContent;
  /** The authored sections of the public edition (both languages), citations resolved. */
  readonly narratives?: readonly NarrativeContent[];
  /** The confidential edition's authored sections: only their SHA-256 (the text is in the identity annex). */
  readonly confidentialNarratives?: readonly NarrativeCommitment[];
  readonly jurisdiction: CaseAnalysis['jurisdiction'];
  readonly admissibility: CaseAnalysis['admissibility'];
  readonly gravity: CaseAnalysis['gravity'];
  readonly panel: {
    readonly name: string;
    readonly requiredSignatures: number;
    readonly members: readonly { username: string; name: string; role: string; fingerprint?: string }[];
    readonly opinions: readonly { target: string; member: string; position: string; reasons?: string }[];
  };
  readonly annex: readonly {
    readonly id: string;
    readonly kind: 'testimony' | 'evidence' | 'informationItem';
    readonly sha256?: string;
    readonly title?: string;
    readonly withheld: boolean;
    readonly cited: number;
  }[];
}

/** Names and titles the public content leaves out; part of the confidential edition only. */
export interface IdentityAnnex {
  readonly persons: Readonly<Record<string, string>>;
  /** Exact positions (rank, post, unit, dates) of pseudonymised suspects. */
  readonly positions?: Readonly<Record<string, readonly string[]>>;
  readonly items: Readonly<Record<string, string>>;
  /** The confidential edition's authored sections, committed in the content by their SHA-256. */
  readonly narratives?: readonly NarrativeContent[];
}

const cell = (f: ElementFinding): CellRow => ({
  elementId: f.elementId,
  status: f.status,
  corroboration: f.corroboration,
  contradictions: f.contradictions,
  grade: f.grade,
  items: [...new Set(f.items.map((i) => i.itemId))],
});

const STATUS_RANK = { corroborated: 0, 'single-source': 1, contested: 2, 'no-evidence': 3 } as const;

function countBy<T>(xs: readonly T[], key: (x: T) => string): CountBy[] {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return [...m].map(([k, count]) => ({ key: k, count })).sort((a, b) => (a.key < b.key ? -1 : 1));
}

export function buildReportContent(
  s: CaseSnapshot,
  a: CaseAnalysis,
  panel:
    | { body: PanelBody; opinions: readonly OpinionBody[]; fingerprints: Readonly<Record<string, string>> }
    | undefined,
  naming: Naming,
  labels: { method(code: string): string; site(id: string): string },
  positionPolicy: PositionPolicy = DEFAULT_POSITION_POLICY,
): ReportContent {
  const persons: Record<string, string> = {};
  const named = (id: string) => {
    persons[id] ??= naming.person(id);
    return persons[id]!;
  };
  const units: Record<string, string> = {};
  for (const u of s.units) units[u.id] = u.body.acronym ? `${u.body.name} (${u.body.acronym})` : u.body.name;

  const cited = new Map<string, number>();
  const cite = (ids: readonly string[]) => {
    for (const i of ids) cited.set(i, (cited.get(i) ?? 0) + 1);
    return ids;
  };

  const crimes = a.crimes.map((c) => {
    const ranked = [...c.incidents].sort(
      (x, y) =>
        x.elements.reduce((t, e) => t + STATUS_RANK[e.status], 0) -
          y.elements.reduce((t, e) => t + STATUS_RANK[e.status], 0) || (x.actId < y.actId ? -1 : 1),
    );
    return {
      crimeId: c.crimeId,
      incidents: c.incidents.length,
      victims: c.victims,
      incidentsAllCorroborated: c.incidentsAllCorroborated,
      elements: c.elementSummary.map((e) => ({
        elementId: e.elementId,
        incidents: e.incidents,
        bestGrade: e.bestGrade,
        items: cite(e.itemIds),
      })),
      sample: ranked.slice(0, 25).map((i) => {
        named(i.victimId);
        return {
          actId: i.actId,
          ...(i.date ? { date: i.date } : {}),
          ...(i.stateCode ? { stateCode: i.stateCode } : {}),
          victimId: i.victimId,
          statuses: i.elements.map((e) => e.status),
        };
      }),
    };
  });

  const context = a.indicators.context.map((f) => {
    cite(f.items.map((i) => i.itemId));
    return cell(f);
  });
  // A person appears in the responsibility section only with at least one evidence item linked
  // to an element about them: a name with nothing behind it reads as an accusation.
  const withEvidence = a.suspects.filter((x) => x.elements.some((f) => f.items.length > 0));
  const responsibility = withEvidence.map((x) => {
    const elements = x.elements.map((f) => {
      cite(f.items.map((i) => i.itemId));
      return cell(f);
    });
    const isPublic = naming.personPublic?.(x.personId) ?? false;
    return {
      personId: x.personId,
      name: named(x.personId),
      modes: x.modes,
      direct: new Set(x.acts.filter((t) => t.via === 'direct').map((t) => t.actId)).size,
      command: new Set(x.acts.filter((t) => t.via === 'command').map((t) => t.actId)).size,
      positions: isPublic ? exactPositions(units, x.positions) : [],
      ...(isPublic ? {} : { positionsGeneral: generalisedPositions(s, x.positions, positionPolicy) }),
      elements,
    };
  });
  const annexIncidents = incidentAnnex(s, a, { ...naming, person: named });
  for (const c of annexIncidents)
    for (const r of c.rows) for (const e of r.elements) cite(e.items.map((i) => i.id));

  const annex: ReportContent['annex'][number][] = [];
  for (const t of s.testimonies) {
    const pub = naming.itemPublic(t.id);
    annex.push({
      id: t.id,
      kind: 'testimony',
      ...(pub ? { title: naming.redact(t.body.title) } : {}),
      withheld: !pub,
      cited: cited.get(t.id) ?? 0,
    });
  }
  for (const e of s.evidence) {
    const pub = naming.itemPublic(e.id);
    annex.push({
      id: e.id,
      kind: 'evidence',
      sha256: e.body.sha256,
      ...(pub ? { title: naming.redact(e.body.title) } : {}),
      withheld: !pub,
      cited: cited.get(e.id) ?? 0,
    });
  }
  for (const i of s.informationItems) {
    const pub = naming.itemPublic(i.id);
    annex.push({
      id: i.id,
      kind: 'informationItem',
      sha256: i.body.contentSha256,
      ...(pub && i.body.title ? { title: naming.redact(i.body.title) } : {}),
      withheld: !pub,
      cited: cited.get(i.id) ?? 0,
    });
  }
  annex.sort((x, y) => (x.id < y.id ? -1 : 1));

  const opinions = (panel?.opinions ?? [])
    .map((o) => ({
      target: o.target,
      member: o.member,
      position: o.position,
      ...(o.reasons ? { reasons: naming.redact(o.reasons) } : {}),
    }))
    .sort((x, y) => (x.target + x.member < y.target + y.member ? -1 : 1));

  const { temporalScope, description } = s.caseFile;
  return {
    format: REPORT_FORMAT,
    lawVersion: a.lawVersion,
    caseId: s.caseId,
    title: naming.redact(s.caseFile.title),
    country: s.caseFile.country,
    ...(temporalScope ? { temporalScope } : {}),
    ...(description ? { description: naming.redact(description) } : {}),
    inputsSha256: a.inputsSha256,
    thresholds: a.thresholds,
    persons,
    units,
    methodology: {
      sourcesByKind: countBy(s.sources, (x) => x.body.kind),
      sourcesByReliability: countBy(s.sources, (x) => x.body.reliability),
      testimonies: s.testimonies.length,
      testimoniesByCredibility: countBy(s.testimonies, (x) => x.body.credibility),
      evidence: s.evidence.length,
      evidenceByKind: countBy(s.evidence, (x) => x.body.kind),
      informationItems: s.informationItems.length,
      hearings: s.hearings.length,
      elementLinks: s.elementLinks.length,
    },
    context: {
      elements: context,
      widespread: a.indicators.widespread,
      systematic: {
        recurrentShare: a.indicators.systematic.recurrentShare,
        minStates: a.indicators.systematic.minStates,
        minPeriods: a.indicators.systematic.minPeriods,
        top: a.indicators.systematic.features.slice(0, 12).map((f) => ({
          ...f,
          label:
            f.feature === 'unit'
              ? (units[f.id] ?? f.id)
              : f.feature === 'method'
                ? labels.method(f.id)
                : labels.site(f.id),
        })),
      },
      policyInvolvements: a.indicators.policy.policyInvolvements.length,
    },
    crimes,
    politicalPrisoners: a.indicators.politicalPrisoners,
    responsibility,
    suspectsWithoutEvidence: a.suspects.length - withEvidence.length,
    article53: article53Content(s, a, new Set(withEvidence.map((x) => x.personId))),
    incidentAnnex: annexIncidents,
    victims: victimsContent(s),
    jurisdiction: a.jurisdiction,
    admissibility: a.admissibility,
    gravity: a.gravity,
    panel: {
      name: panel?.body.name ?? '',
      requiredSignatures: panel?.body.requiredSignatures ?? 3,
      members: (panel?.body.members ?? []).map((m) => ({
        username: m.username,
        name: m.name,
        role: m.role,
        ...(panel?.fingerprints[m.username] ? { fingerprint: panel.fingerprints[m.username] } : {}),
      })),
      opinions,
    },
    annex,
  };
}
