// Written by bench/capture/tagger.ts --write from the annotated rounds, fixtures and own-heldout. Do not edit.
import { type TaggerModel, unpack } from './perceptron.js';

const FEATURES: readonly string[] = [];

const WEIGHTS_FLAT: readonly number[] = [];

export const WEIGHTS: TaggerModel = unpack(
  ['none', 'person', 'organization', 'place'],
  FEATURES,
  WEIGHTS_FLAT,
);
