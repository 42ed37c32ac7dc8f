/**
 * Picks a person already in the case (a witness or victim recorded before) instead of typing them
 * again, so the interview links the record rather than creating a duplicate. It searches through
 * the case's search API: the documenter finds only whom they may see (a protected person they are
 * not cleared for comes back by pseudonym and is left out; searching a protected name finds nothing).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from './api';
import type { R } from './records';
import { ErrorBox, Field } from './ui';

interface Hits {
  items: { kind: string; record: R }[];
}

export function PersonLink({
  caseId,
  name,
  exclude,
  onPick,
}: {
  caseId: string;
  name: string;
  /** ids already in the interview (a person is linked once) */
  exclude: string[];
  onPick(p: { id: string; label: string }): void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<{ id: string; label: string }[]>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    const term = q.trim();
    if (term.length < 2) {
      setHits(undefined);
      return;
    }
    let live = true;
    // Waits for a pause in typing: one request per word, not per key.
    const timer = setTimeout(() => {
      const params = new URLSearchParams({ q: term, kind: 'person', limit: '8' });
      get<Hits>(`/api/cases/${caseId}/search?${params}`).then(
        (r) => {
          if (!live) return;
          setError(undefined);
          setHits(
            r.items
              // A person shown by pseudonym is one the documenter may not see: the server refuses
              // to link them (as if they did not exist), so they are not offered.
              .filter((h) => h.kind === 'person' && h.record.pseudonymised !== true)
              .map((h) => ({ id: h.record.id, label: String(h.record.displayName ?? h.record.id) })),
          );
        },
        (e: unknown) => live && setError(e),
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, caseId]);
  const shown = hits?.filter((h) => !exclude.includes(h.id));
  return (
    <div className="person-link">
      <Field label={t('intakeLink.search')} hint={t('intakeLink.hint')}>
        <input type="search" name={`${name}.link`} value={q} onChange={(e) => setQ(e.target.value)} />
      </Field>
      {shown && (
        <ul className="link-hits" aria-live="polite" aria-label={t('intakeLink.results')}>
          {shown.length === 0 && <li className="muted">{t('intakeLink.none')}</li>}
          {shown.map((h) => (
            <li key={h.id}>
              <button
                type="button"
                onClick={() => {
                  onPick(h);
                  setQ('');
                }}
              >
                {t('intakeLink.pick', { name: h.label })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorBox error={error} />
    </div>
  );
}
