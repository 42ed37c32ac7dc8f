/**
 * The tagger the extractor applies: the committed weights (weights.ts, written by
 * `node --import tsx bench/capture/tagger.ts --write`) and the kinds adopted on the
 * leave-one-round-out evaluation (src/capture/README.md, "A trained span classifier").
 */
import type { RefineOptions } from './refine.js';
import { WEIGHTS } from './weights.js';

export const COMMITTED_TAGGER: RefineOptions | null = {
  model: WEIGHTS,
  kinds: new Set(),
  drop: false,
  threshold: 0,
};
