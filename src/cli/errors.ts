import { formatIssue, InputError, KeyError, TestigoError, UsageError } from '../domain/errors.js';

/** Exit codes of the contract: 0 success, 1 failure of the work, 2 bad usage or bad input. */
export function exitCodeFor(err: unknown): number {
  if (err instanceof InputError || err instanceof UsageError || err instanceof KeyError) return 2;
  return 1;
}

/** Prints an error for a person: the message and each issue, never a stack trace for known errors. */
export function reportError(err: unknown): void {
  if (err instanceof TestigoError) {
    process.stderr.write(`testigo: ${err.message}\n`);
    if (err instanceof InputError) {
      const shown = err.issues.slice(0, 50);
      for (const issue of shown) process.stderr.write(`  ${formatIssue(issue)}\n`);
      if (err.issues.length > shown.length) {
        process.stderr.write(`  … and ${err.issues.length - shown.length} more\n`);
      }
    }
    return;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`testigo: unexpected failure: ${message}\n`);
  if (process.env.TESTIGO_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
}
