import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { get } from '../api';
import { formatTime } from '../format';
import { ErrorBox, Loading, Page, Table, useLoad } from '../ui';

interface Est {
  observed: number;
  estimate: number;
  interval: [number, number];
  level?: number;
  method: string;
  stratum?: string;
  warnings?: string[];
}
interface Analyses {
  items: {
    id: string;
    createdAt: string;
    inputsSha256: string;
    settings: { strata?: string | null };
    result: Est[];
  }[];
}

/** Saved estimates of the total number of victims, each with its interval, drawn to scale. */
export function EstimatesView() {
  const { t, i18n } = useTranslation();
  const { caseId } = useParams();
  const a = useLoad(() => get<Analyses>(`/api/cases/${caseId}/analyses?kind=estimate`), [caseId]);
  // The dashboard's count, to say on this page why the two numbers differ.
  const summary = useLoad(
    () =>
      get<{ indicators: { widespread: { documentedVictims: number } } }>(
        `/api/cases/${caseId}/analysis?summary=1`,
      ).catch(() => undefined),
    [caseId],
  );
  const documented = summary.data?.indicators.widespread.documentedVictims;
  if (a.error) return <ErrorBox error={a.error} />;
  if (!a.data) return <Loading />;
  const rows = a.data.items.flatMap((x) =>
    x.result.map((r) => ({ ...r, at: x.createdAt, strata: x.settings.strata })),
  );
  const max = Math.max(1, ...rows.map((r) => r.interval[1]));
  return (
    <Page title={t('estimates.title')}>
      <p>{t('estimates.intro')}</p>
      {rows.length === 0 && <p className="muted">{t('estimates.none')}</p>}
      {documented !== undefined && rows.length > 0 && (
        <div className="notice" data-testid="documented-vs-observed">
          <p>
            {t('viewer.documentedNow', { n: documented })}{' '}
            {t('viewer.observedLatest', { n: rows[0]!.observed, at: formatTime(rows[0]!.at, i18n.language) })}
          </p>
          {documented !== rows[0]!.observed && <p className="small">{t('viewer.whyDiffer')}</p>}
        </div>
      )}
      <Table
        head={[
          t('estimates.when'),
          t('estimates.stratum'),
          t('estimates.method'),
          t('estimates.observed'),
          t('estimates.estimate'),
          t('estimates.interval'),
          '',
        ]}
        rows={rows.map((r) => [
          formatTime(r.at, i18n.language),
          r.stratum ?? t('estimates.all'),
          r.method,
          String(r.observed),
          String(Math.round(r.estimate)),
          `${Math.round(r.interval[0])} – ${Math.round(r.interval[1])} (${Math.round((r.level ?? 0.95) * 100)}%)`,
          <svg key="g" width="160" height="14" role="img" aria-label={t('estimates.interval')}>
            <rect x="0" y="4" width={(r.observed / max) * 160} height="6" fill="#b7cde3" />
            <line
              x1={(r.interval[0] / max) * 160}
              x2={(r.interval[1] / max) * 160}
              y1="7"
              y2="7"
              stroke="#222"
              strokeWidth="2"
            />
            <circle cx={(r.estimate / max) * 160} cy="7" r="3" fill="#2f5d8a" />
          </svg>,
        ])}
      />
    </Page>
  );
}
