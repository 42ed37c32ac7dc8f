/**
 * Types of act (ACT_TYPES, after HURIDOCS MT 4) → the Art. 7(1) crimes each may constitute
 * (docs/LEGAL-MODEL.md §1). A candidate list for the analysis, never a legal qualification: whether an act
 * is the crime depends on the elements being proved.
 */

const MURDER = 'CAH.7-1-a';
const EXTERMINATION = 'CAH.7-1-b';
const ENSLAVEMENT = 'CAH.7-1-c';
const DEPORTATION = 'CAH.7-1-d';
const IMPRISONMENT = 'CAH.7-1-e';
const TORTURE = 'CAH.7-1-f';
const RAPE = 'CAH.7-1-g-1';
const SEXUAL_VIOLENCE = 'CAH.7-1-g-6';
const DISAPPEARANCE = 'CAH.7-1-i';
const INHUMANE = 'CAH.7-1-k';

/**
 * Every act, whatever its type, is also a candidate underlying act of persecution (Art. 7(1)(h),
 * 7(2)(g)): a detention, torture, killing or rape committed on political grounds is the core of a
 * persecution finding (OAS panel 2018; OTP Venezuela I). The analysis adds this crime to every
 * act itself; the acts listed with it below have no other Art. 7(1) candidate.
 */
export const PERSECUTION_CRIME = 'CAH.7-1-h';

/**
 * Act types that are attempts (Art. 25(3)(f)): candidates for the completed crime, marked as an
 * attempt so the result element (a death, a penetration) is not expected to be proved.
 */
export const ATTEMPT_ACT_TYPES: ReadonlySet<string> = new Set(['attempted_killing', 'attempted_rape']);

export const ACT_TYPE_CRIMES: Readonly<Record<string, readonly string[]>> = {
  killing: [MURDER],
  extrajudicial_execution: [MURDER],
  summary_execution: [MURDER],
  death_in_custody: [MURDER],
  killing_in_demonstration: [MURDER],
  massacre: [MURDER, EXTERMINATION],
  // Attempted murder (Ntaganda TJ 2019, counts 1 and 2); serious injury may also be 7(1)(k).
  attempted_killing: [MURDER, INHUMANE],
  torture: [TORTURE],
  cruel_inhuman_treatment: [INHUMANE],
  sexual_violence: [SEXUAL_VIOLENCE],
  rape: [RAPE],
  attempted_rape: [RAPE, SEXUAL_VIOLENCE],
  sexual_assault: [SEXUAL_VIOLENCE],
  sexual_harassment_threats: [SEXUAL_VIOLENCE],
  forced_nudity: [SEXUAL_VIOLENCE],
  deprivation_of_liberty: [IMPRISONMENT],
  arbitrary_detention: [IMPRISONMENT],
  arbitrary_arrest: [IMPRISONMENT],
  mass_roundup: [IMPRISONMENT],
  // Held incommunicado with the whereabouts refused is the core of 7(1)(i) (EoC 7(1)(i) el. 1–2).
  incommunicado_detention: [IMPRISONMENT, DISAPPEARANCE],
  house_arrest: [IMPRISONMENT],
  // A disappearance is also a deprivation of liberty, provable even when the refusal is not.
  enforced_disappearance: [DISAPPEARANCE, IMPRISONMENT],
  short_term_disappearance: [DISAPPEARANCE, IMPRISONMENT],
  forced_exile: [DEPORTATION],
  deportation: [DEPORTATION],
  forcible_transfer: [DEPORTATION],
  persecution: [PERSECUTION_CRIME],
  violation_of_expression: [PERSECUTION_CRIME],
  violation_of_assembly: [PERSECUTION_CRIME],
  violation_of_political_participation: [PERSECUTION_CRIME],
  violation_of_due_process: [PERSECUTION_CRIME],
  judicial_harassment: [PERSECUTION_CRIME],
  illegal_search: [PERSECUTION_CRIME],
  // Threats to a person in custody can inflict the severe mental suffering of torture (EoC
  // 7(1)(f) el. 1: no purpose required); otherwise other inhumane acts.
  threats: [TORTURE, INHUMANE],
  death_threats: [TORTURE, INHUMANE],
  injury: [INHUMANE],
  wounding: [INHUMANE],
  destruction_of_property: [PERSECUTION_CRIME],
  forced_labour: [ENSLAVEMENT],
  slavery: [ENSLAVEMENT],
  other_inhumane_act: [INHUMANE],
};
