/**
 * The Case Matrix: crimes × elements, each cell coloured by how the incidents stand (corroborated,
 * single source, contested, no evidence), drilling down to incidents and to the items cited.
 * Statuses are derived by the server from the links; nobody types them.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { type Finding, type Incident, loadAnalysis, type Status } from '../analysis';
import { useLaw } from '../law';
import { ErrorBox, Loading, Page, Status as StatusBadge, useLoad } from '../ui';
import { useVocab } from '../vocab';

const ORDER: Status[] = ['corroborated', 'single-source', 'contested', 'no-evidence'];
const shortId = (id: string) => id.split('.').slice(-1)[0]!;

export function dominant(counts: Record<Status, number>): Status {
  if (counts.contested > 0) return 'contested';
  return ORDER.reduce((best, s) => (counts[s] > counts[best] ? s : best), 'no-evidence' as Status);
}

export function MatrixView() {
  const { t } = useTranslation();
  const law = useLaw();
  const { caseId } = useParams();
  const a = useLoad(() => loadAnalysis(caseId!, true), [caseId]);
  if (a.error) return <ErrorBox error={a.error} />;
  if (!a.data) return <Loading />;
  const cols = Math.max(...a.data.crimes.map((c) => c.elementSummary.length), 1);
  return (
    <Page title={t('matrix.title')}>
      <p>
        {t('matrix.intro', {
          n: a.data.thresholds.minIndependentSources,
          r: a.data.thresholds.minReliability,
          c: a.data.thresholds.maxCredibility,
        })}
      </p>
      <Legend />
      <h2>{t('matrix.context')}</h2>
      <FindingsTable findings={a.data.indicators.context} caseId={caseId!} />
      <h2>{t('matrix.crimes')}</h2>
      <div className="table-wrap">
        <table className="matrix">
          <thead>
            <tr>
              <th scope="col">{t('matrix.crime')}</th>
              {Array.from({ length: cols }, (_, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: column positions
                <th key={i} scope="col">
                  {t('matrix.element')} {i + 1}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {a.data.crimes.map((c) => (
              <tr key={c.crimeId}>
                <th scope="row">
                  <Link to={`/c/${caseId}/matrix/${c.crimeId}`}>{law.crime(c.crimeId)}</Link>
                  <div className="small muted">
                    {t('matrix.incidents', {
                      count: c.incidents.length,
                      n: c.incidents.length,
                      full: c.incidentsAllCorroborated,
                    })}
                  </div>
                </th>
                {Array.from({ length: cols }, (_, i) => {
                  const e = c.elementSummary[i];
                  // biome-ignore lint/suspicious/noArrayIndexKey: empty trailing cells, fixed positions
                  if (!e) return <td key={`${c.crimeId}-${i}`} />;
                  const s = dominant(e.incidents);
                  return (
                    <td key={e.elementId} className={`cell cell-${s}`}>
                      <Link to={`/c/${caseId}/matrix/${c.crimeId}`} title={t(`status.${s}`)}>
                        <strong>{shortId(e.elementId)}</strong> {e.incidents.corroborated}/
                        {c.incidents.length}
                        <span className="small"> {e.bestGrade}</span>
                      </Link>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Page>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <ul className="legend" aria-label={t('matrix.legend')}>
      {ORDER.map((s) => (
        <li key={s}>
          <span className={`swatch cell-${s}`} aria-hidden="true" /> {t(`status.${s}`)}
        </li>
      ))}
    </ul>
  );
}

export function FindingsTable({ findings, caseId }: { findings: Finding[]; caseId: string }) {
  const { t } = useTranslation();
  const law = useLaw();
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('matrix.element')}</th>
            <th scope="col">{t('matrix.status')}</th>
            <th scope="col">{t('matrix.sources')}</th>
            <th scope="col">{t('matrix.grade')}</th>
            <th scope="col">{t('matrix.items')}</th>
            <th scope="col">{t('matrix.gaps')}</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((f) => (
            <tr key={f.elementId}>
              <th scope="row">{`${f.elementId.split('.').slice(-1)[0]} — ${law.element(f.elementId)}`}</th>
              <td>
                <StatusBadge status={f.status} />
              </td>
              <td>{f.corroboration}</td>
              <td>{f.grade || '—'}</td>
              <td>
                {f.items.map((i) => (
                  <Link
                    key={`${i.itemId}-${i.stance}`}
                    to={
                      i.itemKind === 'evidence' ? `/c/${caseId}/evidence/${i.itemId}` : `/c/${caseId}/search`
                    }
                    className={`chip ${i.stance === 'contradicts' ? 'chip-contra' : ''}`}
                    title={`${i.grade}${i.qualifies ? '' : ` · ${t('matrix.belowThreshold')}`}`}
                  >
                    {i.stance === 'contradicts' ? '✗ ' : ''}
                    {i.itemId}
                  </Link>
                ))}
              </td>
              <td className="small">
                {f.gaps
                  .map((g) =>
                    t(`gaps.${g.code}`, {
                      have: g.have,
                      need: g.need,
                      grade: g.bestGrade,
                      n: g.groups,
                      count: g.groups,
                    }),
                  )
                  .join(' · ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function MatrixCrime() {
  const { t } = useTranslation();
  const law = useLaw();
  const { caseId, crimeId } = useParams();
  const vocab = useVocab();
  const a = useLoad(() => loadAnalysis(caseId!), [caseId]);
  const [open, setOpen] = useState<Incident>();
  if (a.error) return <ErrorBox error={a.error} />;
  if (!a.data) return <Loading />;
  const crime = a.data.crimes.find((c) => c.crimeId === crimeId);
  if (!crime) return <ErrorBox error={new Error(t('matrix.noCrime'))} />;
  const incidents = [...crime.incidents].sort(
    (x, y) =>
      x.elements.filter((e) => e.status !== 'corroborated').length -
      y.elements.filter((e) => e.status !== 'corroborated').length,
  );
  return (
    <Page
      title={law.crime(crime.crimeId)}
      actions={<Link to={`/c/${caseId}/matrix`}>{t('matrix.back')}</Link>}
    >
      <div className="table-wrap">
        <table className="matrix">
          <thead>
            <tr>
              <th scope="col">{t('events.victim')}</th>
              <th scope="col">{t('events.actType')}</th>
              <th scope="col">{t('events.date')}</th>
              {crime.elementSummary.map((e) => (
                <th key={e.elementId} scope="col" title={law.element(e.elementId)}>
                  {shortId(e.elementId)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {incidents.slice(0, 200).map((i) => (
              <tr key={i.actId}>
                <th scope="row">
                  <button
                    type="button"
                    className="linklike"
                    onClick={() => setOpen(i)}
                    aria-expanded={open?.actId === i.actId}
                  >
                    {a.data?.persons[i.victimId] ?? i.victimId}
                  </button>
                </th>
                <td>{vocab.label('act_type', i.actType)}</td>
                <td>{i.date ?? '—'}</td>
                {i.elements.map((e) => (
                  <td key={e.elementId} className={`cell cell-${e.status}`}>
                    <span className="sr-only">{t(`status.${e.status}`)}</span>
                    <span aria-hidden="true">{e.grade || '·'}</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {open && (
        <section className="card" aria-label={t('matrix.incident')} data-testid="incident">
          <h2>
            {t('matrix.incident')}: {a.data.persons[open.victimId] ?? open.victimId} ·{' '}
            <Link to={`/c/${caseId}/events/${open.eventId}`}>{t('matrix.seeEvent')}</Link>
          </h2>
          <FindingsTable findings={open.elements} caseId={caseId!} />
          {open.unlinkedItems.length > 0 && (
            <p className="small">{t('matrix.unlinked', { ids: open.unlinkedItems.join(', ') })}</p>
          )}
        </section>
      )}
    </Page>
  );
}
