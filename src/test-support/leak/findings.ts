/**
 * Findings of the leak suite: one per (principal, request, identity form, place in the response),
 * sorted into the classes of issue 15 so each class is one test the lead can flip from todo to a
 * real test as its fix lands. A hit is classified by where it was found, first rule wins.
 */

import { LINKAGE_NOTE_START } from '../../store/case-linkage.js';
import type { FormKind, Hit, IdentityForm } from './identity-forms.js';

export const CLASSES = {
  F1: 'filters and searches on hidden fields are oracles',
  F2: 'files and list rows do not inherit the protection of the persons they name',
  F3: 'writes lower the protection of records the writer may not read',
  F4: 'hearings and their transcripts have no protection',
  F5: 'write responses echo which typed names matched a hidden identity',
  F6: 'record linkage exposes protected identities (new persons, review pairs)',
  F7: 'free text of a visible record is not redacted',
  F8: 'a deleted protected person becomes readable',
  F9: 'redaction misses the usual spellings of Spanish names',
  F10: 'the audit log bypasses redaction',
  F11: 'submissions expose what the testimony made from them withholds',
  F12: 'self-clearance and sort order by hidden names',
  F14: 'two stores in one process share one pseudonym salt and redaction matcher',
  other: 'any other path that carries a hidden identity',
} as const;
export type FindingClass = keyof typeof CLASSES;

export interface Finding {
  cls: FindingClass;
  role: string;
  method: string;
  op: string;
  url: string;
  status: number;
  /** The identity form found, when the finding is a leak of one. */
  form?: Pick<IdentityForm, 'kind' | 'owner' | 'form'>;
  matched?: string;
  where: string;
  context?: string;
}

/** Spellings the presenter's matcher did not cover when issue 15 was filed. */
const VARIANT_KINDS: ReadonlySet<FormKind> = new Set<FormKind>([
  'first given name + first surname',
  'surname alone',
  'Surname, Given names',
  'initials + surname',
  'short alias (<4)',
]);

export function classifyHit(op: string, url: string, hit: Hit): FindingClass {
  const kind = hit.record?.kind;
  if (op.endsWith('/audit')) return 'F10';
  // (A presented submission's own `kind` field, testimony/information, hides the record kind: use the path.)
  if (op.includes('/submissions') || kind === 'submission' || hit.where.includes('submissions['))
    return 'F11';
  // A person made by linkage from rows about a protected (even deleted) person: linkage's doing.
  if (op.includes('/linkage/') || (kind === 'person' && hit.record?.notes?.startsWith(LINKAGE_NOTE_START)))
    return 'F6';
  if (hit.form.owner === 'P3') return 'F8';
  if (op.includes('/evidence/{id}/content') || op.includes('/source-lists')) return 'F2';
  if (kind === 'hearing' || url.includes('/records/hearings')) return 'F4';
  // Free text of a person whose identity the caller sees is not redacted at all.
  if (kind === 'person' && hit.record?.pseudonymised === false && /(^|\.)(notes|occupation)$/.test(hit.where))
    return 'F7';
  if (kind === 'person' && hit.record?.pseudonymised === false && /(^|\.)snippet$/.test(hit.where))
    return 'F7';
  if (VARIANT_KINDS.has(hit.form.kind)) return 'F9';
  if (hit.form.kind === 'document number' && fold(hit.matched) !== fold(hit.form.form)) return 'F9';
  return 'other';
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** A readable, grouped account of a class's findings: by role and operation, then each hit. */
export function describeFindings(list: Finding[], max = 40): string {
  if (list.length === 0) return 'no findings';
  const groups = new Map<string, Finding[]>();
  for (const f of list) {
    const k = `${f.role} · ${f.op}`;
    groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  const lines = [`${list.length} finding(s) in ${groups.size} (role · operation) group(s):`];
  let shown = 0;
  for (const [k, fs] of groups) {
    lines.push(`- ${k}: ${fs.length}`);
    for (const f of fs.slice(0, 3)) {
      if (shown++ >= max) break;
      const what = f.form ? `${f.form.kind} of ${f.form.owner} ("${f.matched}")` : '';
      lines.push(
        `    ${f.method} ${f.url} → ${f.status}: ${what} at ${f.where}${f.context ? ` — …${f.context}…` : ''}`,
      );
    }
  }
  return lines.join('\n');
}

/** Counts per class, role and form kind (for the notes and the final report). */
export function summarize(
  list: Finding[],
): Record<string, { total: number; byRole: Record<string, number>; byForm: Record<string, number> }> {
  const out: Record<
    string,
    { total: number; byRole: Record<string, number>; byForm: Record<string, number> }
  > = {};
  for (const f of list) {
    out[f.cls] ??= { total: 0, byRole: {}, byForm: {} };
    const s = out[f.cls]!;
    s.total++;
    s.byRole[f.role] = (s.byRole[f.role] ?? 0) + 1;
    const fk = f.form?.kind ?? 'probe';
    s.byForm[fk] = (s.byForm[fk] ?? 0) + 1;
  }
  return out;
}
