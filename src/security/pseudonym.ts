/**
 * Stable pseudonyms for protected persons: the same person always gets the same pseudonym within
 * a case file (so analysts can follow them across records), but without the case's secret salt
 * nobody can link a pseudonym back to the person or across case files.
 */
import { createHmac } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // no 0/O, 1/I: pseudonyms get read aloud

export function pseudonym(caseSalt: string, recordId: string, label = 'Persona'): string {
  const mac = createHmac('sha256', Buffer.from(caseSalt, 'hex')).update(recordId).digest();
  let code = '';
  for (let i = 0; i < 8; i++) code += ALPHABET[mac[i]! % 32];
  return `${label} ${code.slice(0, 4)}-${code.slice(4)}`;
}
