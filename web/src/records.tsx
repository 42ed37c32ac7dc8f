/** Reading case-file records (already redacted by the server for the signed-in member). */
import { useState } from 'react';
import { get } from './api';
import { formatFuzzy } from './format';
import i18n from './i18n';
import { useLoad } from './ui';

export type R = Record<string, unknown> & {
  id: string;
  displayName?: string;
  pseudonymised?: boolean;
  withheld?: boolean;
};

export function useRecords(
  caseId: string | undefined,
  kind: string,
  where: Record<string, string> = {},
  limit = 25,
) {
  const [offset, setOffset] = useState(0);
  const qs = new URLSearchParams({ ...where, limit: String(limit), offset: String(offset) }).toString();
  const res = useLoad(
    () => get<{ items: R[]; total: number }>(`/api/cases/${caseId}/records/${kind}?${qs}`),
    [caseId, kind, qs],
  );
  return { ...res, offset, limit, setOffset };
}

export function useRecord(caseId: string | undefined, kind: string, id: string | undefined) {
  return useLoad(() => get<R>(`/api/cases/${caseId}/records/${kind}/${id}`), [caseId, kind, id]);
}

/** All records of a kind (small kinds: units, places, sources) for lookups by id. */
export function useAll(caseId: string | undefined, kind: string) {
  return useLoad(async () => {
    const out: R[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await get<{ items: R[]; total: number }>(
        `/api/cases/${caseId}/records/${kind}?limit=500&offset=${offset}`,
      );
      out.push(...page.items);
      if (out.length >= page.total || page.items.length === 0) break;
    }
    return out;
  }, [caseId, kind]);
}

/** A case-file date in the interface language (views re-render on a language change). */
export function fuzzy(d: unknown): string {
  return formatFuzzy(d, i18n.language);
}
