/**
 * Presenters: the one place where a stored record becomes a response. Redaction and
 * pseudonymisation happen here and nowhere else, so every path that shows a record (API, search,
 * export, report) goes through the same rules. A viewer without clearance never receives a
 * protected person's identifying fields, a withheld testimony's words, or a source's name.
 */
import type { Kind } from '../domain/kinds.js';
import { PERSON_IDENTIFYING_FIELDS } from '../domain/schema.js';
import { pseudonym } from '../security/pseudonym.js';
import type { Clearance } from '../security/tokens.js';
import type { StoredRecord } from '../store/case-store.js';

export interface Viewer {
  actor: string;
  clearance: Clearance;
}

export const WITHHELD = '[withheld]';

/** May this viewer see this person's identity? Full clearance, or the person is public. */
export function canSeeIdentity(viewer: Viewer, protection: string | undefined): boolean {
  return viewer.clearance === 'full' || protection === 'public';
}

export function personDisplayName(body: {
  givenNames?: string;
  firstSurname?: string;
  secondSurname?: string;
}): string {
  return [body.givenNames, body.firstSurname, body.secondSurname].filter(Boolean).join(' ');
}

export function presentRecord<K extends Kind>(
  rec: StoredRecord<K>,
  viewer: Viewer,
  caseSalt: string,
): Record<string, unknown> {
  const meta = {
    id: rec.id,
    caseId: rec.caseId,
    kind: rec.kind,
    version: rec.version,
    createdAt: rec.createdAt,
    updatedAt: rec.updatedAt,
  };
  const body = { ...(rec.body as Record<string, unknown>) };
  switch (rec.kind) {
    case 'person': {
      if (canSeeIdentity(viewer, body.protection as string)) {
        return { ...meta, ...body, displayName: personDisplayName(body), pseudonymised: false };
      }
      for (const f of PERSON_IDENTIFYING_FIELDS) delete body[f];
      return { ...meta, ...body, displayName: pseudonym(caseSalt, rec.id), pseudonymised: true };
    }
    case 'testimony': {
      if (viewer.clearance === 'full' || (body.protection === 'public' && body.consent === 'public'))
        return { ...meta, ...body };
      return {
        ...meta,
        ...body,
        title: WITHHELD,
        statement: WITHHELD,
        interviewer: undefined,
        notes: undefined,
        withheld: true,
      };
    }
    case 'source': {
      if (canSeeIdentity(viewer, body.protection as string)) return { ...meta, ...body };
      return {
        ...meta,
        ...body,
        name: pseudonym(caseSalt, rec.id, 'Fuente'),
        contact: undefined,
        notes: undefined,
        personId: undefined,
        pseudonymised: true,
      };
    }
    case 'evidence': {
      if (canSeeIdentity(viewer, body.protection as string)) return { ...meta, ...body };
      return {
        ...meta,
        ...body,
        title: WITHHELD,
        fileName: undefined,
        acquisition: undefined,
        verification: undefined,
        withheld: true,
      };
    }
    case 'hearing': {
      if (viewer.clearance === 'full') return { ...meta, ...body };
      return { ...meta, ...body, transcript: body.transcript ? WITHHELD : undefined, notes: undefined };
    }
    case 'sourceList':
    case 'membership':
    case 'detention':
    case 'act':
    case 'involvement':
      if (viewer.clearance === 'full') return { ...meta, ...body };
      return { ...meta, ...body, notes: undefined };
    default:
      return { ...meta, ...body };
  }
}
