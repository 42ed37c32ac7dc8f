import type { Command } from 'commander';

// Placeholder until the synth engine lands (owned by its issue).
export function registerSynth(_program: Command): void {}
