/**
 * The Rome Statute as data: the shapes. Texts are paraphrases with article references (check the
 * wording against the official Statute and Elements of Crimes before quoting them in a filing).
 */

/** A string in both languages of the product. */
export interface Text {
  readonly es: string;
  readonly en: string;
}

/**
 * What an element is about, and so what evidence can be linked to it:
 * - `context`: the attack as a whole (Art. 7 chapeau: attack, civilian population, widespread or
 *   systematic, policy) — evidence links without an incident or suspect;
 * - `incident`: one act/event (conduct, consequence, circumstance of a crime; nexus);
 * - `suspect`: one alleged perpetrator (mental elements, knowledge, modes of liability).
 */
export type ElementScope = 'context' | 'incident' | 'suspect';

export type ElementKind = 'contextual' | 'conduct' | 'consequence' | 'circumstance' | 'mental';

export interface LawElement {
  /** Stable id, e.g. "CTX.attack", "CAH.7-1-f.E2", "ICC.28-a.E1". */
  readonly id: string;
  /** Article reference, e.g. "7(1)(f); EoC Art. 7(1)(f) el. 2". */
  readonly ref: string;
  readonly kind: ElementKind;
  readonly scope: ElementScope;
  readonly text: Text;
  /** Kinds of facts or evidence accepted to prove it (illustrative "means of proof"). */
  readonly meansOfProof: readonly string[];
}

export interface Crime {
  /** e.g. "CAH.7-1-f" */
  readonly id: string;
  /** e.g. "7(1)(f)" or "7(1)(g)-1" */
  readonly article: string;
  readonly label: Text;
  /** Crime-specific elements, in EoC order, without the two shared last elements. */
  readonly elements: readonly LawElement[];
  /** Contextual elements that also apply (ids of CONTEXT_ELEMENTS), incl. nexus and knowledge. */
  readonly contextRefs: readonly string[];
}

export interface LiabilityMode {
  /** e.g. "ICC.25-3-a", "ICC.28-a" */
  readonly id: string;
  readonly article: string;
  readonly label: Text;
  readonly elements: readonly LawElement[];
}

export interface StateParty {
  /** ISO 3166-1 alpha-2 */
  readonly iso2: string;
  readonly name: Text;
  /** Date of deposit of the instrument (YYYY-MM-DD). */
  readonly deposit: string;
  readonly instrument: 'ratification' | 'accession' | 'acceptance' | 'approval' | 'succession';
  /** Entry into force for the State (Art. 126(2)); 2002-07-01 for the first sixty. */
  readonly entryIntoForce: string;
  /** Member of the Organization of American States (may refer under Art. 14 with others, as in 2018). */
  readonly oas: boolean;
  /** Why the OAS membership is in dispute, when it is (Venezuela: Charter denounced in 2017). */
  readonly oasContested?: Text;
  /** Withdrawal effective date (Art. 127), if any. */
  readonly withdrawalEffective?: string;
}
