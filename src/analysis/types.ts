/**
 * The legal analysis of a case file: its input (a plain snapshot of the records) and its output.
 * Everything here is derived from the data and the law (src/law); nothing is typed in by hand,
 * and nothing asserts a legal conclusion — it shows what the evidence supports, how strongly,
 * and what is missing. The experts conclude.
 */

import type {
  ActBody,
  CaseFileBody,
  DetentionPeriodBody,
  EventBody,
  EvidenceBody,
  HearingBody,
  InvolvementBody,
  MembershipBody,
  PersonBody,
  PlaceBody,
  SourceBody,
  TestimonyBody,
  UnitBody,
} from '../domain/schema.js';
import type { InformationItemBody } from '../domain/schema-capture.js';
import type { ElementLinkBody, ProceedingBody } from '../domain/schema-law.js';

export interface Rec<T> {
  readonly id: string;
  readonly body: T;
}

/** A saved population estimate (from `testigo estimate`), when one exists. */
export interface EstimateSummary {
  readonly analysisId: string;
  readonly observed: number;
  readonly estimate: number;
  readonly interval: readonly [number, number];
  readonly level: number;
  readonly method: string;
  readonly createdAt: string;
  /** False when the sampler's chains did not agree: the figure is not an estimate. */
  readonly converged?: boolean;
  /** Plain-language paragraphs saved with the estimate (`--sensitivity`; linkage error). */
  readonly sensitivityText?: { readonly es: string; readonly en: string };
  readonly linkageText?: { readonly es: string; readonly en: string };
}

export interface CaseSnapshot {
  readonly caseId: string;
  readonly caseFile: CaseFileBody;
  readonly persons: readonly Rec<PersonBody>[];
  readonly units: readonly Rec<UnitBody>[];
  readonly memberships: readonly Rec<MembershipBody>[];
  readonly places: readonly Rec<PlaceBody>[];
  readonly events: readonly Rec<EventBody>[];
  readonly acts: readonly Rec<ActBody>[];
  readonly involvements: readonly Rec<InvolvementBody>[];
  readonly detentions: readonly Rec<DetentionPeriodBody>[];
  readonly sources: readonly Rec<SourceBody>[];
  readonly testimonies: readonly Rec<TestimonyBody>[];
  readonly evidence: readonly Rec<EvidenceBody>[];
  readonly informationItems: readonly Rec<InformationItemBody>[];
  readonly hearings: readonly Rec<HearingBody>[];
  readonly elementLinks: readonly Rec<ElementLinkBody>[];
  readonly proceedings: readonly Rec<ProceedingBody>[];
  readonly estimate?: EstimateSummary;
}

/** Configurable evidentiary thresholds — a working standard, not legal truth. */
export interface Thresholds {
  /** Independent source groups needed for "corroborated". */
  readonly minIndependentSources: number;
  /** Worst source reliability that still counts (Admiralty A–F). */
  readonly minReliability: 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
  /** Worst information credibility that still counts (1–6). */
  readonly maxCredibility: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  minIndependentSources: 2,
  minReliability: 'C',
  maxCredibility: 3,
};

export interface AnalysisOptions {
  readonly thresholds?: Thresholds;
  /** Recurrence: a feature is "recurrent" when seen in at least this many states and periods. */
  readonly recurrenceMinStates?: number;
  readonly recurrenceMinPeriods?: number;
  /** The day the analysis speaks of (political prisoners "today"); defaults to the last data day. */
  readonly asOf?: string;
}

export type ElementStatus = 'no-evidence' | 'single-source' | 'corroborated' | 'contested';

export type ItemKind = 'testimony' | 'evidence' | 'informationItem';

/** One linked item as the matrix sees it. */
export interface CitedItem {
  readonly linkId: string;
  readonly itemKind: ItemKind;
  readonly itemId: string;
  readonly stance: 'supports' | 'contradicts';
  /** Origin (independence group): the witness, author or relay group; one origin counts once. */
  readonly group: string;
  readonly reliability: string;
  /** As the matrix reads it (a hand-typed 1 is read as 2: confirmation is counted, not typed). */
  readonly credibility: string;
  /** The credibility as typed, when it differs from the one used. */
  readonly statedCredibility?: string;
  /** "B2": this item's own grade. */
  readonly grade: string;
  /** Passes the thresholds (reliability and credibility). */
  readonly qualifies: boolean;
}

export type Gap =
  | { readonly code: 'no-evidence'; readonly meansOfProof: readonly string[] }
  | { readonly code: 'needs-corroboration'; readonly have: number; readonly need: number }
  | { readonly code: 'below-threshold'; readonly bestGrade: string }
  | { readonly code: 'contradicted'; readonly groups: number };

export interface ElementFinding {
  readonly elementId: string;
  readonly status: ElementStatus;
  /** Distinct independence groups among qualifying supporting items. */
  readonly corroboration: number;
  /** Distinct independence groups among all supporting items. */
  readonly supportingGroups: number;
  /** Distinct independence groups among contradicting items. */
  readonly contradictions: number;
  /** The grade of the best single supporting item, e.g. "B2"; "" when none. */
  readonly grade: string;
  readonly items: readonly CitedItem[];
  readonly gaps: readonly Gap[];
}

export interface IncidentFindings {
  readonly actId: string;
  readonly eventId: string;
  readonly victimId: string;
  readonly actType: string;
  readonly date?: string;
  readonly stateCode?: string;
  /** An attempt (Art. 25(3)(f)): the result element is not expected; the substantial step is. */
  readonly attempt?: true;
  /** The recorded deprivation of liberty for the act (detention periods), with its length in days. */
  readonly deprivation?: { readonly from: string; readonly to?: string; readonly days?: number };
  readonly elements: readonly ElementFinding[];
  /**
   * Every element assessed per incident (the crime's conduct, consequence and circumstance
   * elements and the nexus) corroborated, none contested. Says nothing of the contextual elements
   * or of any suspect's mental elements.
   */
  readonly allCorroborated: boolean;
  /** Items that support the act (testimonies, evidence) but are linked to no element yet. */
  readonly unlinkedItems: readonly string[];
}

export interface ElementSummary {
  readonly elementId: string;
  readonly incidents: Readonly<Record<ElementStatus, number>>;
  readonly bestGrade: string;
  /** Distinct items cited across incidents (ids, in id order). */
  readonly itemIds: readonly string[];
}

export interface CrimeFindings {
  readonly crimeId: string;
  readonly incidents: readonly IncidentFindings[];
  readonly elementSummary: readonly ElementSummary[];
  readonly incidentsAllCorroborated: number;
  readonly victims: number;
}

export interface CountBy {
  readonly key: string;
  readonly count: number;
}

export interface RecurrentFeature {
  readonly feature: 'method' | 'unit' | 'site';
  readonly id: string;
  readonly acts: number;
  readonly states: number;
  readonly periods: number;
  readonly recurrent: boolean;
}

export interface Indicators {
  readonly widespread: {
    readonly documentedVictims: number;
    readonly acts: number;
    readonly states: number;
    readonly months: number;
    readonly firstDate?: string;
    readonly lastDate?: string;
    readonly byState: readonly CountBy[];
    readonly byMonth: readonly CountBy[];
    readonly byYear: readonly CountBy[];
    readonly byActType: readonly CountBy[];
    readonly estimate?: EstimateSummary;
  };
  readonly systematic: {
    readonly features: readonly RecurrentFeature[];
    /** Share of acts by a recurrent unit or at a recurrent detention site (methods not counted). */
    readonly recurrentShare: number;
    readonly minStates: number;
    readonly minPeriods: number;
  };
  readonly policy: {
    readonly finding: ElementFinding;
    /** Persons whose involvement is authoring, supporting or implementing the violative policy. */
    readonly policyInvolvements: readonly {
      personId?: string;
      unitId?: string;
      degree: string;
      actId: string;
    }[];
  };
  readonly context: readonly ElementFinding[];
  readonly politicalPrisoners: {
    readonly series: readonly { day: string; certain: number; possible: number }[];
    readonly asOf: { day: string; certain: number; possible: number };
    readonly peak?: { day: string; certain: number; possible: number };
  };
}

export interface ActAttribution {
  readonly actId: string;
  readonly actType: string;
  readonly date?: string;
  /** direct: the person's own involvement; command: via a unit they commanded at the act date. */
  readonly via: 'direct' | 'command';
  readonly degree?: string;
  /** For "command": the unit involved, and the chain from it up to the unit commanded. */
  readonly unitChain?: readonly string[];
  readonly modes: readonly string[];
}

export interface SuspectFindings {
  readonly personId: string;
  readonly acts: readonly ActAttribution[];
  readonly modes: readonly string[];
  /** Per element of each candidate mode, plus CTX.knowledge and suspect-scope crime elements. */
  readonly elements: readonly ElementFinding[];
  /** Units and positions held during the acts. */
  readonly positions: readonly {
    unitId: string;
    rank?: string;
    position?: string;
    commander: boolean;
    from?: string;
    to?: string;
  }[];
}

export interface JurisdictionFindings {
  readonly country: string;
  readonly entryIntoForce?: string;
  readonly statePartyTable: boolean;
  readonly acts: { readonly inside: number; readonly outside: number; readonly uncertain: number };
  readonly outside: readonly {
    actId: string;
    reason: 'before-entry-into-force' | 'not-state-party-territory' | 'outside-temporal-scope';
    date?: string;
  }[];
  /** Acts whose status cannot be told from the data: its own status, never "outside". */
  readonly uncertain: readonly {
    actId: string;
    reason: 'no-date' | 'no-place' | 'date-straddles-entry-into-force';
    date?: string;
  }[];
}

export type ComplementarityStatus =
  /** No national proceeding against the person (inactivity: admissible on this ground). */
  | 'no-national-proceedings'
  /** Proceedings against the person, but not for substantially the same conduct. */
  | 'proceedings-other-conduct'
  /** Active proceedings for the same person and conduct: Art. 17(2)–(3) decide. */
  | 'proceedings-same-conduct'
  /** Investigated and closed without prosecution (Art. 17(1)(b)). */
  | 'decided-not-to-prosecute'
  /** Tried for the same conduct (Art. 17(1)(c), 20(3): ne bis in idem unless shielding). */
  | 'tried';

export interface AdmissibilityFindings {
  /** Per potential case: a suspect and the acts attributed to them within jurisdiction. */
  readonly potentialCases: readonly {
    personId: string;
    acts: number;
    actsInNationalProceedings: number;
    proceedings: readonly string[];
    status: ComplementarityStatus;
    indicators: readonly string[];
    unwillingness: boolean;
    inability: boolean;
  }[];
  readonly proceedings: readonly {
    id: string;
    country: string;
    authority: string;
    status: string;
    acts: number;
    persons: number;
    indicators: readonly string[];
  }[];
  /** Acts in jurisdiction with no recorded national proceeding (inactivity). */
  readonly actsWithoutProceedings: number;
  readonly suspectsWithoutProceedings: number;
  readonly indicators: readonly CountBy[];
}

export interface GravityFindings {
  readonly scale: {
    readonly victims: number;
    readonly acts: number;
    readonly estimate?: EstimateSummary;
    readonly states: number;
    readonly months: number;
  };
  /** Counts of incidents with evidence linked to the crime's first (conduct) element; the
   * "recorded" counts come from the act types alone and are shown as such. */
  readonly nature: {
    readonly byCrime: readonly CountBy[];
    readonly byCrimeRecorded: readonly CountBy[];
    readonly childVictims: number;
    readonly sexualViolence: number;
    readonly sexualViolenceRecorded: number;
    readonly killings: number;
    readonly killingsRecorded: number;
  };
  readonly manner: {
    readonly byMethod: readonly CountBy[];
    /** Share of acts with a governmental (State agent) perpetrator involved. */
    readonly stateAgentShare: number;
    readonly policyItems: number;
    readonly recurrentShare: number;
  };
  readonly impact: {
    readonly peakPoliticalPrisoners?: number;
    readonly exiled: number;
    readonly disappeared: number;
    readonly detainedPersons: number;
  };
}

export interface CaseAnalysis {
  readonly caseId: string;
  readonly lawVersion: string;
  readonly thresholds: Thresholds;
  readonly inputsSha256: string;
  readonly indicators: Indicators;
  readonly crimes: readonly CrimeFindings[];
  readonly suspects: readonly SuspectFindings[];
  readonly jurisdiction: JurisdictionFindings;
  readonly admissibility: AdmissibilityFindings;
  readonly gravity: GravityFindings;
}

/** What the dashboard shows of an analysis: the indicators, gravity and jurisdiction's counts (small, whatever the case's size). */
export interface AnalysisSummary {
  readonly caseId: string;
  readonly lawVersion: string;
  readonly indicators: Indicators;
  readonly gravity: GravityFindings;
  readonly jurisdiction: { readonly acts: JurisdictionFindings['acts'] };
}

export function summarizeAnalysis(a: CaseAnalysis): AnalysisSummary {
  return {
    caseId: a.caseId,
    lawVersion: a.lawVersion,
    indicators: a.indicators,
    gravity: a.gravity,
    jurisdiction: { acts: a.jurisdiction.acts },
  };
}
