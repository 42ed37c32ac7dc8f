import { canonicalJson } from '../domain/canonical-json.js';
import { sha256Hex } from '../domain/hashing.js';
import { LAW_VERSION } from '../law/index.js';
import { crimeFindings } from './crimes.js';
import { buildFacts } from './facts.js';
import { indicators } from './indicators.js';
import { admissibilityFindings, gravityFindings, jurisdictionFindings } from './jurisdiction.js';
import { indexItems } from './matrix.js';
import { suspectFindings } from './responsibility.js';
import { type AnalysisOptions, type CaseAnalysis, type CaseSnapshot, DEFAULT_THRESHOLDS } from './types.js';

/** SHA-256 of the snapshot in canonical form: the same data always gives the same analysis. */
export function snapshotSha256(s: CaseSnapshot): string {
  return sha256Hex(canonicalJson(s));
}

export function analyseCase(snapshot: CaseSnapshot, opts: AnalysisOptions = {}): CaseAnalysis {
  const thresholds = opts.thresholds ?? snapshot.caseFile.thresholds ?? DEFAULT_THRESHOLDS;
  const facts = buildFacts(snapshot);
  const items = indexItems(snapshot);
  const ind = indicators(snapshot, facts, items, thresholds, opts);
  const crimes = crimeFindings(snapshot, facts, items, thresholds);
  const suspects = suspectFindings(snapshot, facts, items, thresholds);
  const jurisdiction = jurisdictionFindings(snapshot, facts);
  return {
    caseId: snapshot.caseId,
    lawVersion: LAW_VERSION,
    thresholds,
    inputsSha256: snapshotSha256(snapshot),
    indicators: ind,
    crimes,
    suspects,
    jurisdiction,
    admissibility: admissibilityFindings(snapshot, jurisdiction, facts, suspects),
    gravity: gravityFindings(snapshot, facts, ind, crimes),
  };
}
