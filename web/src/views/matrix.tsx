/**
 * The Case Matrix: crimes × elements, each cell coloured by how the incidents stand (corroborated,
 * single source, contested, no evidence), drilling down to incidents and to the items cited.
 * Statuses are derived by the server from the links; nobody types them.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { type Cited, type Finding, loadAnalysis, type Status } from '../analysis';
import { itemHref, useItem } from '../item-title';
import { useLaw } from '../law';
import { ErrorBox, Loading, Page, Status as StatusBadge, useLoad } from '../ui';
import { useVocab } from '../vocab';
import './viewer.css';

const ORDER: Status[] = ['corroborated', 'single-source', 'contested', 'no-evidence'];

/** A cited item by its title, opening its own page; contradicting items are marked. */
function CitedChip({ caseId, item }: { caseId: string; item: Cited }) {
  const { t } = useTranslation();
  const { rec, title } = useItem(caseId, item.itemKind, item.itemId);
  return (
    <Link
      to={itemHref(caseId, item.itemKind, item.itemId, rec)}
      className={`chip ${item.stance === 'contradicts' ? 'chip-contra' : ''}`}
      title={`${t(`kinds.${item.itemKind}`)} · ${item.grade}${item.qualifies ? '' : ` · ${t('matrix.belowThreshold')}`}`}
      data-item={item.itemId}
    >
      {item.stance === 'contradicts' ? `✗ ${t('viewer.contradicts')}: ` : ''}
      {title}
    </Link>
  );
}

/** The elements of a crime by number, with their text in the interface language. */
function ElementKey({ ids }: { ids: string[] }) {
  const { t } = useTranslation();
  const law = useLaw();
  return (
    <details className="small">
      <summary>{t('viewer.elementKey')}</summary>
      <ol>
        {ids.map((id) => (
          <li key={id}>{law.element(id)}</li>
        ))}
      </ol>
    </details>
  );
}

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
      <div className="table-wrap contained">
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
                      <Link
                        to={`/c/${caseId}/matrix/${c.crimeId}`}
                        title={`${law.element(e.elementId)} — ${t(`status.${s}`)}`}
                      >
                        <span className="sr-only">{law.element(e.elementId)}: </span>
                        {e.incidents.corroborated}/{c.incidents.length}
                        <span className="small"> {e.bestGrade}</span>
                        <span className="sr-only">
                          {' '}
                          (
                          {t('viewer.matrixCell', { n: e.incidents.corroborated, total: c.incidents.length })}
                          , {t(`status.${s}`)})
                        </span>
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
    <div className="table-wrap contained">
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
              <th scope="row">{law.element(f.elementId)}</th>
              <td>
                <StatusBadge status={f.status} />
              </td>
              <td>{f.corroboration}</td>
              <td>{f.grade || '—'}</td>
              <td>
                {f.items.map((i) => (
                  <CitedChip key={`${i.itemId}-${i.stance}`} caseId={caseId} item={i} />
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
  const { caseId, crimeId, actId } = useParams();
  const navigate = useNavigate();
  const vocab = useVocab();
  const a = useLoad(() => loadAnalysis(caseId!), [caseId]);
  const incidentRef = useRef<HTMLElement>(null);
  const crime = a.data?.crimes.find((c) => c.crimeId === crimeId);
  const open = actId ? crime?.incidents.find((i) => i.actId === actId) : undefined;
  // A deep link (or a click) opens the incident and brings it into view with the focus on it.
  useEffect(() => {
    if (open && incidentRef.current) {
      incidentRef.current.scrollIntoView({ block: 'start' });
      incidentRef.current.focus({ preventScroll: true });
    }
  }, [open]);
  if (a.error) return <ErrorBox error={a.error} />;
  if (!a.data) return <Loading />;
  if (!crime) return <ErrorBox error={new Error(t('matrix.noCrime'))} />;
  const incidents = [...crime.incidents].sort(
    (x, y) =>
      x.elements.filter((e) => e.status !== 'corroborated').length -
      y.elements.filter((e) => e.status !== 'corroborated').length,
  );
  const base = `/c/${caseId}/matrix/${crime.crimeId}`;
  const name = (id: string) => a.data?.persons[id] ?? t('common.withheld');
  return (
    <Page
      title={law.crime(crime.crimeId)}
      actions={<Link to={`/c/${caseId}/matrix`}>{t('matrix.back')}</Link>}
    >
      {open && (
        <section
          className="card"
          aria-labelledby="incident-h"
          data-testid="incident"
          ref={incidentRef}
          tabIndex={-1}
        >
          <h2 id="incident-h">
            {t('matrix.incident')}: {name(open.victimId)} · {vocab.label('act_type', open.actType)} ·{' '}
            {open.date ?? '—'}
          </h2>
          <p className="small">
            <Link to={`/c/${caseId}/r/events/${open.eventId}`}>{t('matrix.seeEvent')}</Link> ·{' '}
            <Link to={base}>{t('viewer.closeIncident')}</Link>
          </p>
          <FindingsTable findings={open.elements} caseId={caseId!} />
          {open.unlinkedItems.length > 0 && (
            <p className="small">{t('viewer.unlinkedN', { n: open.unlinkedItems.length })}</p>
          )}
        </section>
      )}
      <ElementKey ids={crime.elementSummary.map((e) => e.elementId)} />
      <div className="table-wrap contained">
        <table className="matrix">
          <thead>
            <tr>
              <th scope="col">{t('events.victim')}</th>
              <th scope="col">{t('events.actType')}</th>
              <th scope="col">{t('events.date')}</th>
              {crime.elementSummary.map((e, n) => (
                <th key={e.elementId} scope="col" title={law.element(e.elementId)}>
                  <span aria-hidden="true">{n + 1}</span>
                  <span className="sr-only">{law.element(e.elementId)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {incidents.slice(0, 200).map((i) => (
              <tr key={i.actId} className={open?.actId === i.actId ? 'selected' : undefined}>
                <th scope="row">
                  <Link
                    to={`${base}/${i.actId}`}
                    aria-current={open?.actId === i.actId ? 'true' : undefined}
                    onClick={(ev) => {
                      ev.preventDefault();
                      navigate(`${base}/${i.actId}`);
                    }}
                  >
                    {name(i.victimId)}
                  </Link>
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
      {incidents.length > 200 && (
        <p className="small muted">{t('viewer.firstN', { n: 200, total: incidents.length })}</p>
      )}
    </Page>
  );
}
