/**
 * Stable pseudonyms for protected persons: the same person always gets the same pseudonym within
 * a case file (so analysts can follow them across records), but without the case's secret salt
 * nobody can link a pseudonym back to the person or across case files.
 */
import { createHmac } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // no 0/O, 1/I: pseudonyms get read aloud

/** salt and record id → the pseudonym's code */
const codes = new Map<string, string>();

export function pseudonym(caseSalt: string, recordId: string, label = 'Persona'): string {
  // Memoised (pure; bounded): a page names hundreds of persons, each an HMAC.
  const key = `${caseSalt}\u0000${recordId}`;
  let code = codes.get(key);
  if (code === undefined) {
    const mac = createHmac('sha256', Buffer.from(caseSalt, 'hex')).update(recordId).digest();
    code = '';
    for (let i = 0; i < 8; i++) code += ALPHABET[mac[i]! % 32];
    if (codes.size >= 20_000) codes.clear();
    codes.set(key, code);
  }
  return `${label} ${code.slice(0, 4)}-${code.slice(4)}`;
}
