/**
 * Schema problems as field issues with a stable code and the numbers a person needs ("at most
 * 300000 characters"), so every client can word them in its own language; the English message stays
 * for the CLI and logs.
 */
import type { z } from 'zod';
import type { ErrorParams, FieldIssue } from './errors.js';

type ZodIssue = z.core.$ZodIssue;

/** code + params of one schema problem (a missing value is "required", not a type error). */
export function issueCode(i: ZodIssue): { code: string; params?: ErrorParams } {
  switch (i.code) {
    case 'invalid_type':
      return /received undefined$/.test(i.message)
        ? { code: 'required' }
        : { code: 'invalid_type', params: { expected: String(i.expected) } };
    case 'too_big':
      return { code: 'too_big', params: { origin: String(i.origin), max: Number(i.maximum) } };
    case 'too_small':
      // "at least 1 character" is how a schema says "required" for text.
      return i.origin === 'string' && Number(i.minimum) === 1
        ? { code: 'required' }
        : { code: 'too_small', params: { origin: String(i.origin), min: Number(i.minimum) } };
    case 'invalid_format':
      return { code: 'invalid_format', params: { format: String(i.format) } };
    case 'invalid_value':
      return { code: 'invalid_value', params: { values: i.values.map(String).join(', ') } };
    case 'unrecognized_keys':
      return { code: 'unrecognized_keys', params: { keys: i.keys.join(', ') } };
    default:
      return { code: 'invalid' };
  }
}

/** Turns zod issues into field issues (path joined with dots, under an optional prefix). */
export function fieldIssues(error: z.ZodError, prefix?: string): FieldIssue[] {
  return error.issues.map((i) => {
    const { code, params } = issueCode(i);
    return {
      field: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || undefined,
      message: i.message,
      code,
      ...(params ? { params } : {}),
    };
  });
}

/** The name most callers use. */
export { fieldIssues as issuesFrom };
