import type { Command } from 'commander';

// Placeholder until the link engine lands (owned by its issue).
export function registerLink(_program: Command): void {}
