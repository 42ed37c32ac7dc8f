/**
 * The report's authored sections over the store: one record per section, edition, language (and,
 * for declarations, member). Saving replaces the text and raises the revision; the store audits
 * every write (before and after), which is the section's history. Who may write which edition is
 * the policy's call (canEditNarrative), made by the route; a declaration is written only by the
 * panel member it belongs to.
 */
import { ForbiddenError, InputError } from '../domain/errors.js';
import type { NarrativeBody, NarrativeSection, PanelBody } from '../domain/schema-law.js';
import type { CaseStore, StoredRecord } from '../store/case-store.js';
import { getPanel } from './panel.js';

export type NarrativeRecord = StoredRecord<'narrative'>;

export async function listNarratives(store: CaseStore, caseId: string): Promise<NarrativeRecord[]> {
  const out: NarrativeRecord[] = [];
  for await (const r of store.iterate('narrative', caseId)) out.push(r);
  return out;
}

export interface NarrativeInput {
  section: NarrativeSection;
  edition: 'public' | 'confidential';
  lang: 'es' | 'en';
  text: string;
}

/** Creates or replaces one section's text; a declaration is the signed-in member's own. */
export async function saveNarrative(
  store: CaseStore,
  caseId: string,
  input: NarrativeInput,
  username: string,
  actor: string,
): Promise<NarrativeRecord> {
  let member: string | undefined;
  if (input.section === 'declaration') {
    const panel = await getPanel(store, caseId);
    if (!(panel?.body as PanelBody | undefined)?.members.some((m) => m.username === username))
      throw new ForbiddenError(`${username} is not a member of the panel: only members make a declaration`);
    if (input.edition !== 'public')
      throw new InputError("a panel member's declaration is public: it is part of what the panel signs", [
        { field: 'edition', message: 'must be public for a declaration' },
      ]);
    member = username;
  }
  return store.transaction(async (s) => {
    const existing = (await listNarratives(s, caseId)).find((r) => {
      const b = r.body as NarrativeBody;
      return (
        b.section === input.section &&
        b.edition === input.edition &&
        b.lang === input.lang &&
        b.member === member
      );
    });
    const body = {
      ...input,
      ...(member ? { member } : {}),
      revision: existing ? (existing.body as NarrativeBody).revision + 1 : 1,
      author: username,
    } satisfies NarrativeBody;
    return existing
      ? s.update('narrative', existing.id, body, actor)
      : s.create('narrative', caseId, body, actor);
  });
}
