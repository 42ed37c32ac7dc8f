import type { Command } from 'commander';
import { registerAudit } from './audit.js';
import { registerBackup } from './backup.js';
import { registerBundle } from './bundle.js';
import { registerCapture } from './capture.js';
import { registerDemo } from './demo.js';
import { registerEstimate } from './estimate.js';
import { registerEvidence } from './evidence.js';
import { registerExport } from './export.js';
import { registerImport } from './import.js';
import { registerInit } from './init.js';
import { registerKeys } from './keys.js';
import { registerLink } from './link.js';
import { registerPanel } from './panel.js';
import { registerReport } from './report.js';
import { registerServe } from './serve.js';
import { registerSynth } from './synth.js';
import { registerTimestamp } from './timestamp.js';
import { registerToken, registerUsers } from './users.js';

/** Every command of `testigo`, in the order `--help` lists them. */
export function registerCommands(program: Command): void {
  registerServe(program);
  registerInit(program);
  registerDemo(program);
  registerImport(program);
  registerExport(program);
  registerEvidence(program);
  registerCapture(program);
  registerAudit(program);
  registerBackup(program);
  registerKeys(program);
  registerUsers(program);
  registerToken(program);
  registerLink(program);
  registerSynth(program);
  registerEstimate(program);
  registerReport(program);
  registerPanel(program);
  registerBundle(program);
  registerTimestamp(program);
}
