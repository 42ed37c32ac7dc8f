/**
 * The columns `testigo synth` writes, as `column:type` link fields: who a person is (carried from
 * list to list with the synth's typos and gaps) and what happened to them. The CLI link tests and
 * the link benchmarks (bench/link) link on these, so they measure the same thing.
 */
export const SYNTH_IDENTITY_FIELDS = [
  'given_names:name',
  'first_surname:name',
  'second_surname:name',
  'sex:exact',
  'birth_date:date',
  'document_id:id',
  'state:place',
  'municipality:place',
] as const;

export const SYNTH_EVENT_FIELDS = ['event_date:date', 'act_type:exact'] as const;

/** Every column but the record id. */
export const SYNTH_FIELDS = [...SYNTH_IDENTITY_FIELDS, ...SYNTH_EVENT_FIELDS] as const;

/** The data rows of a CSV without quoted cells (what synth and link write for synth data), split on commas. */
export function plainCsvRows(text: string): string[][] {
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
}
