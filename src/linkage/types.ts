/** Public types of the record-linkage engine. */

export const FIELD_TYPES = [
  'name',
  'fullname',
  'date',
  'id',
  'text',
  'place',
  'exact',
  'number',
  // Generic fields (address.ts): lists from anywhere, no gazetteer.
  'address',
  'postcode',
  'locality',
  'occupation',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/**
 * Name-like fields share one dictionary and the name comparisons. A `fullname` column holds a whole
 * name; where the record's name columns are empty it is split into them (roles.ts).
 */
export const isNameType = (t: FieldType) => t === 'name' || t === 'fullname';

export interface FieldSpec {
  /** Column (or value key) the field is read from. */
  column: string;
  type: FieldType;
}

export interface LinkConfig {
  fields: FieldSpec[];
  /**
   * Blocking rules, `|`-separated; each rule is `+`-joined keys (see blocking-expr.ts). Chosen
   * automatically from the data when absent.
   */
  block?: string;
  /** Pairs at or above this match probability are linked (default 0.5; threshold.ts says why). */
  threshold?: number;
  /** Pairs from this probability up to the threshold are reported for review (default 0.2). */
  reviewMin?: number;
  /**
   * Chaining guard, in bits of match weight: two groups are not merged when any record pair
   * across them scores more than this below the threshold's weight (default 9: with the 0.5 threshold
   * the cut sits at −9 bits, where 12 below the old 0.9 threshold put it).
   */
  chainMargin?: number;
  /** Clusters never grow beyond this many records; such merges go to review (default 50). */
  maxClusterSize?: number;
  /** Blocks larger than this are split by one more key, and skipped if still too large (default 2,000). */
  maxBlockSize?: number;
  /** Candidate pairs the automatic blocking may generate, per record (default 20). */
  pairsPerRecord?: number;
  /** Random record pairs for estimating u (default 2,000,000, fewer when the data have fewer). */
  randomPairs?: number;
  /** Candidate pairs sampled per blocking rule for EM (default 200,000). */
  emPairsPerRule?: number;
  /** Seed for the random samples (u, EM), so runs are reproducible (default 1). */
  seed?: number;
}

export interface RecordRef {
  source: string;
  id: string;
}

export interface LinkRecord extends RecordRef {
  values: Readonly<Record<string, string | undefined>>;
}

/** A recorded human decision about two records. */
export interface Decision {
  a: RecordRef;
  b: RecordRef;
  same: boolean;
}

export const DEFAULTS = {
  threshold: 0.5,
  reviewMin: 0.2,
  chainMargin: 9,
  maxClusterSize: 50,
  maxBlockSize: 2000,
  pairsPerRecord: 20,
  randomPairs: 2_000_000,
  emPairsPerRule: 200_000,
  seed: 1,
} as const;

/** `thresholdChosen`: "given" by the caller or the "default". */
export type ResolvedConfig = Required<Omit<LinkConfig, 'block'>> & {
  block?: string;
  thresholdChosen: 'given' | 'default';
};

export function resolveConfig(c: LinkConfig): ResolvedConfig {
  const r = {
    ...DEFAULTS,
    ...Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)),
    thresholdChosen: c.threshold === undefined ? 'default' : 'given',
  } as ResolvedConfig;
  // The default threshold never sits below the review band's floor.
  if (c.threshold === undefined) r.threshold = Math.max(DEFAULTS.threshold, r.reviewMin);
  return r;
}
