import { geoMercator, geoPath } from 'd3-geo';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { VENEZUELA_STATES } from '../../../src/domain/gazetteer-data';
import { get } from '../api';
import venezuela from '../geo/venezuela.json';
import { BarChart, ErrorBox, HBars, Loading, Page, useLoad } from '../ui';
import { useVocab } from '../vocab';

interface CaseInfo {
  title: string;
  counts: Record<string, number>;
}
interface Summary {
  indicators: {
    widespread: {
      documentedVictims: number;
      acts: number;
      states: number;
      byMonth: { key: string; count: number }[];
      byState: { key: string; count: number }[];
      byActType: { key: string; count: number }[];
      estimate?: { estimate: number; interval: [number, number]; observed: number; method: string };
    };
    politicalPrisoners: {
      series: { day: string; certain: number; possible: number }[];
      asOf: { day: string; certain: number; possible: number };
    };
  };
}

/** Venezuela's outline (Natural Earth, shipped in the app) with a circle per state sized by acts. */
function StateMap({ byState }: { byState: { key: string; count: number }[] }) {
  const { t } = useTranslation();
  const w = 420;
  const h = 320;
  const projection = geoMercator().fitSize([w, h], venezuela as never);
  const path = geoPath(projection);
  const max = Math.max(1, ...byState.map((s) => s.count));
  return (
    <figure className="chart">
      <figcaption>{t('dashboard.map')}</figcaption>
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={t('dashboard.map')}>
        <path d={path(venezuela as never) ?? ''} fill="#e8eef4" stroke="#7a8da3" />
        {VENEZUELA_STATES.map((s) => {
          const n = byState.find((b) => b.key === s.code)?.count ?? 0;
          const p = projection([s.centroid[1], s.centroid[0]]);
          if (!p || n === 0) return null;
          return (
            <circle
              key={s.code}
              cx={p[0]}
              cy={p[1]}
              r={4 + 18 * Math.sqrt(n / max)}
              fill="#2f5d8a"
              fillOpacity="0.6"
              stroke="#1d3b58"
            >
              <title>{`${s.name}: ${n}`}</title>
            </circle>
          );
        })}
      </svg>
      <p className="small muted">{t('dashboard.mapNote')}</p>
    </figure>
  );
}

export function Dashboard() {
  const { t, i18n } = useTranslation();
  const { caseId } = useParams();
  const vocab = useVocab();
  const info = useLoad(() => get<CaseInfo>(`/api/cases/${caseId}`), [caseId]);
  const sum = useLoad(
    () => get<Summary>(`/api/cases/${caseId}/analysis?summary=1`).catch(() => undefined),
    [caseId],
  );
  if (info.error) return <ErrorBox error={info.error} />;
  if (!info.data) return <Loading />;
  const c = info.data.counts;
  const w = sum.data?.indicators.widespread;
  const pp = sum.data?.indicators.politicalPrisoners;
  const tiles: [string, number | undefined, string][] = [
    ['persons', c.persons, 'persons'],
    ['events', c.events, 'events'],
    ['acts', c.acts, 'events'],
    ['testimonies', c.testimonies, 'search'],
    ['evidence', c.evidence, 'evidence'],
    ['sourceRecords', c['source-records'], 'linkage'],
  ];
  return (
    <Page title={info.data.title}>
      <ul className="tiles">
        {tiles.map(([k, n, to]) => (
          <li key={k}>
            <Link to={`/c/${caseId}/${to}`}>
              <strong>{(n ?? 0).toLocaleString(i18n.language)}</strong>{' '}
              {t(`dashboard.count.${k}`, { count: n ?? 0 })}
            </Link>
          </li>
        ))}
      </ul>
      {w && (
        <p>
          {t('dashboard.summary', {
            acts: t('dashboard.summaryActs', { count: w.acts, n: w.acts.toLocaleString(i18n.language) }),
            victims: t('dashboard.summaryVictims', {
              count: w.documentedVictims,
              n: w.documentedVictims.toLocaleString(i18n.language),
            }),
            states: t('dashboard.summaryStates', { count: w.states, n: w.states }),
          })}
          {w.estimate &&
            ` ${t('dashboard.estimate', { estimate: w.estimate.estimate, lo: w.estimate.interval[0], hi: w.estimate.interval[1] })}`}
        </p>
      )}
      {pp && <p>{t('dashboard.prisoners', { day: pp.asOf.day, n: pp.asOf.certain })}</p>}
      <div className="grid2">
        {w && <BarChart title={t('dashboard.actsOverTime')} data={w.byMonth} />}
        {w && <StateMap byState={w.byState} />}
        {w && (
          <HBars
            title={t('dashboard.actsByType')}
            data={w.byActType}
            label={(k) => vocab.label('act_type', k)}
          />
        )}
        {pp && (
          <BarChart
            title={t('dashboard.prisonersOverTime')}
            data={pp.series
              .filter((_, i) => i % 2 === 0)
              .map((p) => ({ key: p.day.slice(0, 7), count: p.certain }))}
          />
        )}
      </div>
    </Page>
  );
}
