/**
 * Password rules after NIST SP 800-63B (rev. 4, §3.1.1.2): a minimum length and a generous maximum,
 * no composition rules (no "one digit, one capital"), and a check against passwords known to be
 * common or breached, plus context-specific words (the service's name, the username) and
 * repetitive or sequential strings. The list is the "passwords-common" dictionary (≈ 49,000
 * entries from breach corpora) shipped by the maintained npm package @zxcvbn-ts/language-common,
 * so the check runs offline; the password never leaves the process.
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import { InputError } from '../domain/errors.js';

export const PASSWORD_MIN = 12;
/** Long passphrases are welcome; the cap only bounds the hashing work per request. */
export const PASSWORD_MAX = 512;

let common: ReadonlySet<string> | undefined;
const commonPasswords = () => {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common;
};

const SERVICE_WORDS = ['testigo'];

/** Why a password is refused: a stable code, its parameters and an English sentence. */
export interface PasswordProblem {
  code: string;
  params?: Record<string, number>;
  message: string;
}

/** Why a password is refused, or undefined when it is acceptable. */
export function passwordProblem(
  password: string,
  context: { username?: string } = {},
): PasswordProblem | undefined {
  // Length counts characters as people type them (code points), per SP 800-63B.
  const length = [...password].length;
  if (length < PASSWORD_MIN)
    return {
      code: 'password_too_short',
      params: { min: PASSWORD_MIN },
      message: `too short: at least ${PASSWORD_MIN} characters`,
    };
  if (length > PASSWORD_MAX)
    return {
      code: 'password_too_long',
      params: { max: PASSWORD_MAX },
      message: `too long: at most ${PASSWORD_MAX} characters`,
    };
  const lower = password.normalize('NFKC').toLowerCase();
  const list = commonPasswords();
  if (list.has(lower))
    return { code: 'password_common', message: 'it is on a list of common or breached passwords' };
  // A common password padded with digits or punctuation ("iloveyou2024!") is just as guessable.
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
  if (core.length >= 4 && list.has(core))
    return { code: 'password_padded', message: 'it is a common password with digits or symbols added' };
  if (isRepetitiveOrSequential(lower))
    return { code: 'password_sequence', message: 'it is a repetitive or sequential string' };
  for (const word of [...SERVICE_WORDS, context.username?.toLowerCase()]) {
    if (!word || word.length < 3 || !lower.includes(word)) continue;
    const rest = lower.replace(word, '').replace(/[\d\W_]/gu, '');
    if (rest.length < 6)
      return word === context.username?.toLowerCase()
        ? { code: 'password_username', message: 'it is built on the username' }
        : { code: 'password_service', message: 'it is built on the name of the service' };
  }
  return undefined;
}

/** Throws a clear InputError naming the field when the password is refused. */
export function checkPassword(
  password: string,
  context: { username?: string } = {},
  field = 'password',
): void {
  const problem = passwordProblem(password, context);
  if (problem)
    throw new InputError(`the password is not accepted: ${problem.message}`, [
      {
        field,
        message: problem.message,
        code: problem.code,
        ...(problem.params ? { params: problem.params } : {}),
      },
    ]).because(problem.code, problem.params);
}

/** "aaaaaaaaaaaa", "abababababab", "123456789012", "abcdefghijkl" and the like. */
function isRepetitiveOrSequential(s: string): boolean {
  const cps = [...s].map((ch) => ch.codePointAt(0)!);
  // A short unit repeated (period ≤ 4) throughout.
  for (let period = 1; period <= 4; period++) {
    if (cps.every((c, i) => i < period || c === cps[i - period])) return true;
  }
  // A run going up or down by one throughout ("0123…", "abcd…", "9876…").
  const step = cps[1]! - cps[0]!;
  if (Math.abs(step) === 1 || step === 0) {
    let seq = true;
    for (let i = 2; i < cps.length && seq; i++) {
      const d = cps[i]! - cps[i - 1]!;
      // digits wrap (…7890123…)
      seq =
        d === step ||
        (step === 1 && cps[i - 1] === 57 && cps[i] === 48) ||
        (step === -1 && cps[i - 1] === 48 && cps[i] === 57);
    }
    if (seq) return true;
  }
  return false;
}
