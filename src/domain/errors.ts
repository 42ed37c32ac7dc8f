/**
 * Errors that carry their meaning, so every adapter (CLI exit code, HTTP status) can map them
 * without parsing messages. Messages must never contain protected identities.
 */

/** Values a message needs (a limit, a field, a count), so a client can say it in the reader's language. */
export type ErrorParams = Record<string, string | number>;

export interface FieldIssue {
  /** e.g. "persons.csv" */
  file?: string;
  /** 1-based data row number as a person counts it (header = row 1, first data row = row 2) */
  row?: number;
  /** column or field path, e.g. "birth_date" or "person.birthDate.value" */
  field?: string;
  message: string;
  /** Stable code of the problem ("required", "too_big", "password_common"…); `message` is English. */
  code?: string;
  params?: ErrorParams;
}

export class TestigoError extends Error {
  override name = 'TestigoError';
  /** A stable reason finer than the class ("username_taken", "self_clearance"), for translation. */
  reason?: string;
  params?: ErrorParams;
  /** Names the reason (and its parameters) so clients need not parse the English message. */
  because(reason: string, params?: ErrorParams): this {
    this.reason = reason;
    this.params = params;
    return this;
  }
}

/** Bad input data: a file, a row, a field. Maps to exit code 2 / HTTP 400. */
export class InputError extends TestigoError {
  override name = 'InputError';
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

/** Bad command-line usage. Maps to exit code 2. */
export class UsageError extends TestigoError {
  override name = 'UsageError';
}

/** A referenced record does not exist (or is not visible). HTTP 404. */
export class NotFoundError extends TestigoError {
  override name = 'NotFoundError';
}

/** Optimistic-concurrency or uniqueness conflict. HTTP 409. */
export class ConflictError extends TestigoError {
  override name = 'ConflictError';
}

/** Stored data failed an integrity check (hash mismatch, broken audit chain, wrong key). */
export class IntegrityError extends TestigoError {
  override name = 'IntegrityError';
}

/** The store could not be opened with the key given. */
export class KeyError extends TestigoError {
  override name = 'KeyError';
}

/** Formats issues as lines a person can act on: "persons.csv row 14, column birth_date: ..." */
export function formatIssue(issue: FieldIssue): string {
  const where = [
    issue.file,
    issue.row !== undefined ? `row ${issue.row}` : undefined,
    issue.field !== undefined ? `column ${issue.field}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** Not signed in, or the credentials are wrong. HTTP 401. Messages never say which part was wrong. */
export class AuthError extends TestigoError {
  override name = 'AuthError';
}

/** Signed in but not allowed. HTTP 403. */
export class ForbiddenError extends TestigoError {
  override name = 'ForbiddenError';
}
