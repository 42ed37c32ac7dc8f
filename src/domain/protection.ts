/**
 * Protection of derived items, computed rather than typed (pure): a file, a list, a hearing or a
 * source is at least as protected as the most protected person or testimony it covers, so no
 * path around a protected identity exists through the things that mention it.
 */
import type { ProtectionLevel } from './schema.js';

const RANK: Record<ProtectionLevel, number> = { public: 0, restricted: 1, protected: 2 };

/** Unknown or missing levels count as protected: failing closed. */
export function rankOf(level: string | undefined): number {
  return level !== undefined && level in RANK ? RANK[level as ProtectionLevel] : 2;
}

export function maxProtection(...levels: (string | undefined)[]): ProtectionLevel {
  let best = 0;
  for (const l of levels) if (l !== undefined) best = Math.max(best, rankOf(l));
  return (['public', 'restricted', 'protected'] as const)[best]!;
}

/** Does `next` lower the protection of a record that had `prev`? */
export function lowers(prev: string | undefined, next: string | undefined): boolean {
  return rankOf(next) < rankOf(prev);
}

/** What a derived item's level depends on, gathered once per view (see presenter.ts). */
export interface ProtectionFacts {
  /** Every person of the case (deleted included) → their protection. */
  persons: ReadonlyMap<string, string>;
  /** SHA-256 of the original files of organizations' lists (their rows are identities). */
  listFiles: ReadonlySet<string>;
  /** Hearing id → the most protected testimony given in it. */
  hearingTestimonies: ReadonlyMap<string, string>;
  /** Evidence id → the most protected record it shows (a person's photo, a hearing's transcript). */
  evidenceCovers: ReadonlyMap<string, string>;
}

/** The effective protection of a stored body of a kind, from its own level and what it covers. */
export function effectiveProtection(
  kind: string,
  id: string,
  body: Record<string, unknown>,
  f: ProtectionFacts,
): string {
  const own = body.protection as string | undefined;
  const personsOf = (ids: unknown) =>
    Array.isArray(ids) ? ids.map((id) => f.persons.get(String(id)) ?? 'protected') : [];
  switch (kind) {
    case 'evidence': {
      const supports = body.supports as { personIds?: string[] } | undefined;
      return maxProtection(
        own,
        f.listFiles.has(String(body.sha256)) ? 'protected' : undefined,
        f.evidenceCovers.get(id),
        ...personsOf(supports?.personIds),
      );
    }
    case 'source':
      return maxProtection(own, ...personsOf(body.personId ? [body.personId] : []));
    case 'hearing': {
      const parts = (body.participants as { personId: string }[] | undefined) ?? [];
      return maxProtection(
        own ?? 'restricted',
        ...personsOf(parts.map((x) => x.personId)),
        f.hearingTestimonies.get(id),
      );
    }
    default:
      return own ?? 'public';
  }
}
