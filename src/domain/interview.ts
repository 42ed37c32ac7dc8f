/**
 * A testimony interview as the documenter takes it: who speaks (the witness, who may or may not
 * be a victim, and how they relate to what happened), the victims, the incident's date and place,
 * the acts (each with its victim, methods and perpetrators) and the statement. The web wizard
 * autosaves these answers as a draft; `planInterview` turns finished answers into the records to
 * write, or names every problem by field. Pure: no I/O, no ids, no store.
 */
import { z } from 'zod';
import { type FuzzyDate, formatFuzzyDate, parseLooseDate } from './dates.js';
import type { ErrorParams, FieldIssue } from './errors.js';
import { RecordId } from './schema.js';
import {
  ACT_TYPES,
  CONSENT_SCOPES,
  INVOLVEMENT_DEGREES,
  PROTECTION_LEVELS,
  SEXES,
  SOURCE_CONNECTIONS,
  VIOLENCE_METHODS,
} from './vocabularies.js';

/** The wizard's steps, in order; a draft remembers the one it was left at. */
export const INTERVIEW_STEPS = [
  'consent',
  'witness',
  'victims',
  'incident',
  'acts',
  'statement',
  'review',
] as const;
export type InterviewStep = (typeof INTERVIEW_STEPS)[number];

/**
 * Longest statement accepted: a very long interview (about 50,000 words) that still fits in the
 * API's 1 MiB request even when every character takes two bytes.
 */
export const MAX_STATEMENT = 300_000;

const str = (max: number) => z.string().max(max).default('');
const codeOrEmpty = (codes: readonly string[]) =>
  z
    .string()
    .refine((s) => s === '' || codes.includes(s), 'not a known code')
    .default('');

/** A person named in the interview: an existing record (`personId`) or a new one by name. */
const PersonAnswer = z.object({
  /** The wizard's handle for this person (acts point at it), not a record id. */
  key: z.string().regex(/^[a-z0-9_-]{1,40}$/i),
  personId: RecordId.optional(),
  /** How the author saw the linked person in the picker (a name or a pseudonym); for the draft only. */
  linkedLabel: z.string().max(300).optional(),
  givenNames: str(300),
  firstSurname: str(300),
  secondSurname: str(300),
  sex: codeOrEmpty(SEXES.codes),
});
export type PersonAnswer = z.infer<typeof PersonAnswer>;

const PerpetratorAnswer = z.object({
  /** `unit` (a known unit), `person` (a known person) or `unknown` (the witness could not say). */
  kind: z.enum(['unit', 'person', 'unknown']).default('unknown'),
  unitId: RecordId.optional(),
  personId: RecordId.optional(),
  degree: codeOrEmpty(INVOLVEMENT_DEGREES.codes),
});

const ActAnswer = z.object({
  victimKey: z.string().max(40).default(''),
  type: codeOrEmpty(ACT_TYPES.codes),
  methods: z.array(z.string().max(60)).max(60).default([]),
  perpetrators: z.array(PerpetratorAnswer).max(20).default([]),
});

/** Everything the wizard asks; lenient while a draft (empty strings allowed), checked at the end. */
export const InterviewAnswers = z.object({
  consent: codeOrEmpty(CONSENT_SCOPES.codes),
  protection: codeOrEmpty(PROTECTION_LEVELS.codes),
  language: z
    .string()
    .regex(/^([a-z]{2,3})?$/)
    .default('es'),
  interviewer: str(300),
  witness: PersonAnswer.default({
    key: 'witness',
    givenNames: '',
    firstSurname: '',
    secondSurname: '',
    sex: '',
  }),
  /** The witness is (also) a victim: the first victim is then the witness. */
  witnessIsVictim: z.boolean().default(false),
  witnessRelation: codeOrEmpty(SOURCE_CONNECTIONS.codes),
  victims: z.array(PersonAnswer).max(50).default([]),
  /** As typed: "12/05/2017", "marzo de 2017", "2017", "entre marzo y mayo de 2017". */
  date: str(100),
  placeId: z.union([RecordId, z.literal('')]).default(''),
  acts: z.array(ActAnswer).max(50).default([]),
  statement: z
    .string()
    .max(MAX_STATEMENT, `a statement holds at most ${MAX_STATEMENT} characters`)
    .default(''),
  step: z.enum(INTERVIEW_STEPS).default('consent'),
});
export type InterviewAnswers = z.infer<typeof InterviewAnswers>;

/** Methods that make sense for an act type (grouped by its top-level type); empty: none asked. */
const METHODS_BY_GROUP: Record<string, readonly string[] | 'all'> = {
  torture: 'all',
  sexual_violence: 'all',
  other_inhumane_act: 'all',
  injury: [
    'beating',
    'shooting',
    'pellet_shooting',
    'tear_gas',
    'vehicle_run_over',
    'burns',
    'strangulation',
    'electric_shock',
  ],
  killing: [
    'shooting',
    'pellet_shooting',
    'beating',
    'strangulation',
    'asphyxiation',
    'asphyxiation_wet',
    'asphyxiation_dry',
    'burns',
    'vehicle_run_over',
    'tear_gas',
  ],
  deprivation_of_liberty: [
    'beating',
    'blindfolding',
    'immobilisation',
    'isolation',
    'overcrowding',
    'sleep_deprivation',
    'food_water_deprivation',
    'denial_of_medical_care',
    'threats_against_family',
    'death_threats',
    'verbal_abuse',
  ],
  threats: ['death_threats', 'threats_against_family', 'verbal_abuse', 'mock_execution'],
};

/** The violence methods offered for an act type (the wizard shows only these). */
export function methodsFor(actType: string): string[] {
  if (!ACT_TYPES.has(actType)) return [];
  const group = [...ACT_TYPES.ancestors(actType)].pop() ?? actType;
  const pick = METHODS_BY_GROUP[group === 'enforced_disappearance' ? 'deprivation_of_liberty' : group];
  if (!pick) return [];
  return pick === 'all' ? [...VIOLENCE_METHODS.codes] : [...pick];
}

/**
 * Reads a date as a documenter types it: day-first (DD/MM/AAAA), month names in Spanish or
 * English, a year alone, and ranges ("entre marzo y mayo de 2017", "2017-03 – 2017-05",
 * "de 2016 a 2017"). Undefined when it cannot be read with certainty.
 */
export function parseInterviewDate(input: string): FuzzyDate | undefined {
  const s = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (s === '') return undefined;
  const single = parseLooseDate(s);
  if (single) return single;
  const m =
    s.match(/^(?:entre|between) (.+?) (?:y|and) (.+)$/) ??
    s.match(/^(?:de(?:sde)?|from) (.+?) (?:a|al|hasta|to|until) (.+)$/) ??
    s.match(/^(.+?) ?(?:–|—| - | al | to ) ?(.+)$/);
  if (!m) return undefined;
  let [from, to] = [m[1]!.trim(), m[2]!.trim()];
  // "entre marzo y mayo de 2017": the year written once, at the end, belongs to both ends.
  const year = to.match(/(\d{4})$/)?.[1];
  if (year && !/\d{4}/.test(from)) from = `${from} ${year}`;
  const a = parseLooseDate(from);
  const b = parseLooseDate(to);
  if (!a || !b || a.precision === 'range' || b.precision === 'range') return undefined;
  if (a.precision === 'unknown' || b.precision === 'unknown') return undefined;
  const r = FuzzyRange(a.value, b.value);
  return r;
}

function FuzzyRange(from: string, to: string): FuzzyDate | undefined {
  const end = (p: string) => (p.length === 4 ? `${p}-12-31` : p.length === 7 ? `${p}-31` : p);
  return from <= end(to) ? { precision: 'range', from, to } : undefined;
}

export interface PlannedPerson {
  key: string;
  /** Link this existing record instead of creating one. */
  personId?: string;
  body?: {
    givenNames?: string;
    firstSurname?: string;
    secondSurname?: string;
    sex?: string;
    protection: string;
  };
}
export interface PlannedAct {
  victimKey: string;
  type: string;
  methods: string[];
  perpetrators: { unitId?: string; personId?: string; degree: string }[];
  /** Nobody could be named as perpetrator. */
  perpetratorUnknown: boolean;
}
export interface InterviewPlan {
  persons: PlannedPerson[];
  witnessKey: string;
  date?: FuzzyDate;
  placeId?: string;
  acts: PlannedAct[];
  testimony: {
    statement: string;
    language: string;
    consent: string;
    protection: string;
    interviewer?: string;
    witnessRelation?: string;
  };
}

const hasName = (p: PersonAnswer) => Boolean(p.personId || p.givenNames.trim() || p.firstSurname.trim());

/** Finished answers → the records to write; every problem is named by its field. */
export function planInterview(a: InterviewAnswers): { plan?: InterviewPlan; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  // Each problem has a stable code (and its values) besides the English sentence, for translation.
  const need = (ok: unknown, field: string, message: string, code = 'required', params?: ErrorParams) => {
    if (!ok) issues.push({ field, message, code, ...(params ? { params } : {}) });
  };
  need(a.consent, 'consent', 'required');
  need(a.protection, 'protection', 'required');
  need(a.language, 'language', 'required');
  need(a.statement.trim(), 'statement', 'required');
  need(
    hasName(a.witness),
    'witness.givenNames',
    'the witness needs a name or an existing record',
    'name_needed',
  );
  need(
    a.witnessIsVictim || a.witnessRelation,
    'witnessRelation',
    'required when the witness is not a victim',
  );
  for (const [i, v] of a.victims.entries())
    need(
      hasName(v),
      `victims[${i}].givenNames`,
      'a victim needs a name or an existing record',
      'name_needed',
    );
  const victimKeys = new Set([...(a.witnessIsVictim ? [a.witness.key] : []), ...a.victims.map((v) => v.key)]);
  need(victimKeys.size > 0, 'victims', 'at least one victim', 'at_least_one');
  need(a.acts.length > 0, 'acts', 'at least one act', 'at_least_one');
  const date = a.date.trim() ? parseInterviewDate(a.date) : undefined;
  need(
    !a.date.trim() || date,
    'date',
    'not a date: use DD/MM/AAAA, a month and year, a year or a range',
    'bad_date',
  );
  const acts: PlannedAct[] = a.acts.map((act, i) => {
    need(act.type, `acts[${i}].type`, 'required');
    need(
      victimKeys.has(act.victimKey),
      `acts[${i}].victimKey`,
      'choose the victim of this act',
      'choose_victim',
    );
    const allowed = methodsFor(act.type);
    for (const m of act.methods)
      need(
        allowed.includes(m),
        `acts[${i}].methods`,
        `method ${m} does not apply to ${act.type}`,
        'method_not_for_act',
        { method: m, type: act.type },
      );
    const named = act.perpetrators.filter((p) => p.kind !== 'unknown');
    named.forEach((p, j) => {
      const id = p.kind === 'unit' ? p.unitId : p.personId;
      need(id, `acts[${i}].perpetrators[${j}]`, `choose the ${p.kind}`, 'required');
    });
    return {
      victimKey: act.victimKey,
      type: act.type,
      methods: act.methods,
      perpetrators: named.map((p) => ({
        ...(p.kind === 'unit' ? { unitId: p.unitId } : { personId: p.personId }),
        degree: p.degree || 'suspected',
      })),
      perpetratorUnknown: named.length === 0,
    };
  });
  if (issues.length) return { issues };
  const person = (p: PersonAnswer): PlannedPerson =>
    p.personId
      ? { key: p.key, personId: p.personId }
      : {
          key: p.key,
          body: {
            ...(p.givenNames.trim() ? { givenNames: p.givenNames.trim() } : {}),
            ...(p.firstSurname.trim() ? { firstSurname: p.firstSurname.trim() } : {}),
            ...(p.secondSurname.trim() ? { secondSurname: p.secondSurname.trim() } : {}),
            ...(p.sex ? { sex: p.sex } : {}),
            protection: a.protection,
          },
        };
  return {
    issues,
    plan: {
      persons: [person(a.witness), ...a.victims.map(person)],
      witnessKey: a.witness.key,
      ...(date ? { date } : {}),
      ...(a.placeId ? { placeId: a.placeId } : {}),
      acts,
      testimony: {
        statement: a.statement,
        language: a.language,
        consent: a.consent,
        protection: a.protection,
        ...(a.interviewer.trim() ? { interviewer: a.interviewer.trim() } : {}),
        witnessRelation: a.witnessIsVictim ? 'victim' : a.witnessRelation,
      },
    },
  };
}

/**
 * The new event's title: act types, date and place — never a person's name. Event titles are
 * stored in clear and shown at the public tier, so a name there would leak a protected identity.
 */
export function eventTitle(
  actTypes: string[],
  date: FuzzyDate | undefined,
  placeName: string | undefined,
): string {
  const types = [...new Set(actTypes)].map((c) => ACT_TYPES.labelOf(c, 'es'));
  return [types.join(', '), formatFuzzyDate(date), placeName].filter(Boolean).join(' · ').slice(0, 500);
}
