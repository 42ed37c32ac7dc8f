import type { Command } from 'commander';
import { registerEstimate } from './estimate.js';
import { registerLink } from './link.js';
import { registerSynth } from './synth.js';

/** Every command of `testigo`, in the order `--help` lists them. */
export function registerCommands(program: Command): void {
  registerLink(program);
  registerSynth(program);
  registerEstimate(program);
}
