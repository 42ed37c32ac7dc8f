/** The case's legal analysis from the server, fetched once per case and shared by the views. */
import { get } from './api';

export type Status = 'no-evidence' | 'single-source' | 'corroborated' | 'contested';
export interface Cited {
  itemKind: 'testimony' | 'evidence' | 'informationItem';
  itemId: string;
  stance: 'supports' | 'contradicts';
  grade: string;
  qualifies: boolean;
  group: string;
}
export interface Finding {
  elementId: string;
  status: Status;
  corroboration: number;
  supportingGroups: number;
  contradictions: number;
  grade: string;
  items: Cited[];
  gaps: {
    code: string;
    have?: number;
    need?: number;
    bestGrade?: string;
    groups?: number;
    meansOfProof?: string[];
  }[];
}
export interface Incident {
  actId: string;
  eventId: string;
  victimId: string;
  actType: string;
  date?: string;
  stateCode?: string;
  elements: Finding[];
  allCorroborated: boolean;
  unlinkedItems: string[];
}
export interface Crime {
  crimeId: string;
  incidents: Incident[];
  elementSummary: {
    elementId: string;
    incidents: Record<Status, number>;
    bestGrade: string;
    itemIds: string[];
  }[];
  incidentsAllCorroborated: number;
  victims: number;
}
export interface Analysis {
  lawVersion: string;
  thresholds: { minIndependentSources: number; minReliability: string; maxCredibility: number };
  crimes: Crime[];
  indicators: { context: Finding[] };
  suspects: {
    personId: string;
    modes: string[];
    acts: { actId: string; via: 'direct' | 'command'; degree?: string; unitChain?: string[] }[];
    elements: Finding[];
    positions: {
      unitId: string;
      rank?: string;
      position?: string;
      commander: boolean;
      from?: string;
      to?: string;
    }[];
  }[];
  persons: Record<string, string>;
}

const cache = new Map<string, Promise<Analysis>>();
export function loadAnalysis(caseId: string, fresh = false): Promise<Analysis> {
  if (fresh || !cache.has(caseId))
    cache.set(caseId, get<Analysis>(`/api/cases/${caseId}/analysis${fresh ? '?fresh=1' : ''}`));
  const p = cache.get(caseId)!;
  p.catch(() => cache.delete(caseId));
  return p;
}

export const itemPath = (kind: string) =>
  kind === 'evidence' ? 'evidence' : kind === 'testimony' ? 'search' : 'search';
