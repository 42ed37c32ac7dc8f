import type { Command } from 'commander';

// Placeholder until the estimate engine lands (owned by its issue).
export function registerEstimate(_program: Command): void {}
