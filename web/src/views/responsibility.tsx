import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { loadAnalysis } from '../analysis';
import { useLaw } from '../law';
import { useAll } from '../records';
import { ErrorBox, Loading, Page, useLoad } from '../ui';
import { FindingsTable } from './matrix';

/** Per alleged perpetrator: acts through their own involvement and through the chain of command, with the evidence per element. */
export function ResponsibilityView() {
  const { t } = useTranslation();
  const law = useLaw();
  const { caseId } = useParams();
  const a = useLoad(() => loadAnalysis(caseId!), [caseId]);
  // Units are few (tens): their names are read once for every position shown.
  const units = useAll(caseId, 'units');
  const unitName = new Map(
    (units.data ?? []).map((u) => [u.id, u.withheld ? undefined : String(u.name ?? '')]),
  );
  const [open, setOpen] = useState<Set<string>>(new Set());
  if (a.error) return <ErrorBox error={a.error} />;
  if (!a.data) return <Loading />;
  const suspects = [...a.data.suspects].sort((x, y) => y.acts.length - x.acts.length);
  return (
    <Page title={t('responsibility.title')}>
      <p>{t('responsibility.intro')}</p>
      {suspects.map((s) => (
        <details
          key={s.personId}
          className="card"
          onToggle={(e) => {
            const isOpen = (e.currentTarget as HTMLDetailsElement).open;
            setOpen((o) => {
              const n = new Set(o);
              if (isOpen) n.add(s.personId);
              else n.delete(s.personId);
              return n;
            });
          }}
        >
          <summary>
            <strong>{a.data?.persons[s.personId] ?? s.personId}</strong> —{' '}
            {t('responsibility.counts', {
              direct: new Set(s.acts.filter((x) => x.via === 'direct').map((x) => x.actId)).size,
              command: new Set(s.acts.filter((x) => x.via === 'command').map((x) => x.actId)).size,
            })}{' '}
            · {s.modes.map((m) => law.mode(m)).join(', ') || '—'}
          </summary>
          <p className="small">
            <Link to={`/c/${caseId}/persons/${s.personId}`}>{t('responsibility.person')}</Link>
          </p>
          <ul className="small">
            {s.positions.map((p) => (
              <li key={`${p.unitId}-${p.from}`}>
                {[p.rank, p.position].filter(Boolean).join(', ')} ·{' '}
                <Link to={`/c/${caseId}/units/${p.unitId}`}>
                  {unitName.get(p.unitId) || t('viewer.unitFallback')}
                </Link>{' '}
                · {p.from ?? '…'} – {p.to ?? '…'}
                {p.commander ? ` · ${t('units.commander')}` : ''}
              </li>
            ))}
          </ul>
          {/* Cited items are named one request each: only for the suspects the reader opens. */}
          {open.has(s.personId) && (
            <FindingsTable findings={s.elements.filter((e) => e.status !== 'no-evidence')} caseId={caseId!} />
          )}
          <p className="small muted">
            {t('responsibility.noEvidence')}:{' '}
            {s.elements
              .filter((e) => e.status === 'no-evidence')
              .map((e) => law.element(e.elementId))
              .join('; ') || '—'}
          </p>
        </details>
      ))}
    </Page>
  );
}
