/**
 * Types of act (ACT_TYPES, after HURIDOCS MT 4) → the Art. 7(1) crimes each may constitute
 * (LEGAL.md §5). A candidate list for the analysis, never a legal qualification: whether an act
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
 * Any act, whatever its type, can also be an underlying act of persecution when the case's
 * persecution ground applies; the analysis adds this crime itself (it is not listed per type).
 */
export const PERSECUTION_CRIME = 'CAH.7-1-h';

export const ACT_TYPE_CRIMES: Readonly<Record<string, readonly string[]>> = {
  killing: [MURDER],
  extrajudicial_execution: [MURDER],
  summary_execution: [MURDER],
  death_in_custody: [MURDER],
  killing_in_demonstration: [MURDER],
  massacre: [MURDER, EXTERMINATION],
  attempted_killing: [INHUMANE],
  torture: [TORTURE],
  cruel_inhuman_treatment: [INHUMANE],
  sexual_violence: [SEXUAL_VIOLENCE],
  rape: [RAPE],
  attempted_rape: [RAPE],
  sexual_assault: [SEXUAL_VIOLENCE],
  sexual_harassment_threats: [SEXUAL_VIOLENCE],
  forced_nudity: [SEXUAL_VIOLENCE],
  deprivation_of_liberty: [IMPRISONMENT],
  arbitrary_detention: [IMPRISONMENT],
  arbitrary_arrest: [IMPRISONMENT],
  mass_roundup: [IMPRISONMENT],
  incommunicado_detention: [IMPRISONMENT],
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
  threats: [INHUMANE],
  death_threats: [INHUMANE],
  injury: [INHUMANE],
  wounding: [INHUMANE],
  destruction_of_property: [PERSECUTION_CRIME],
  forced_labour: [ENSLAVEMENT],
  slavery: [ENSLAVEMENT],
  other_inhumane_act: [INHUMANE],
};
