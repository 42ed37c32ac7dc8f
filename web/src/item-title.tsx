/**
 * The title of an item the analysis cites (evidence, testimony, open-source item) and where it
 * opens, fetched once per item for the whole session (through the API, so redacted as always).
 * Only the items actually shown are fetched: no view downloads every record to name a few.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from './api';
import type { R } from './records';

const KIND_PATH: Record<string, string> = {
  evidence: 'evidence',
  testimony: 'testimonies',
  informationItem: 'information-items',
};
const cache = new Map<string, Promise<R | undefined>>();

function load(caseId: string, kind: string, id: string): Promise<R | undefined> {
  const key = `${caseId}/${kind}/${id}`;
  let p = cache.get(key);
  if (!p) {
    p = get<R>(`/api/cases/${caseId}/records/${KIND_PATH[kind] ?? kind}/${id}`).catch(() => undefined);
    cache.set(key, p);
  }
  return p;
}

/** Where a cited item opens: evidence and testimonies have pages; an open-source item opens its capture. */
export function itemHref(caseId: string, kind: string, id: string, rec?: R): string {
  if (kind === 'evidence') return `/c/${caseId}/evidence/${id}`;
  if (kind === 'testimony') return `/c/${caseId}/testimonies/${id}`;
  if (kind === 'informationItem')
    return rec?.itemType === 'comment' && rec.parentItemId
      ? `/c/${caseId}/capture/${String(rec.parentItemId)}`
      : `/c/${caseId}/capture/${id}`;
  return `/c/${caseId}/search`;
}

export function useItem(caseId: string, kind: string, id: string): { rec?: R; title: string } {
  const { t } = useTranslation();
  const [rec, setRec] = useState<R | undefined | null>(null);
  useEffect(() => {
    let live = true;
    void load(caseId, kind, id).then((r) => live && setRec(r));
    return () => {
      live = false;
    };
  }, [caseId, kind, id]);
  if (rec === null) return { title: '…' };
  if (!rec || rec.withheld) return { rec: rec ?? undefined, title: t('common.withheld') };
  const title = String(rec.title ?? rec.displayName ?? '').trim();
  return { rec, title: title || t(`kinds.${kind}`) };
}
