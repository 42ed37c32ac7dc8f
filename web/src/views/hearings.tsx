import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { fuzzy, useAll, useRecord } from '../records';
import { ErrorBox, Loading, Page, Table } from '../ui';
import { useVocab } from '../vocab';
import { useShown } from '../withheld';

export function HearingsList() {
  const { t } = useTranslation();
  const shown = useShown();
  const { caseId } = useParams();
  const hearings = useAll(caseId, 'hearings');
  const places = useAll(caseId, 'places');
  if (hearings.error) return <ErrorBox error={hearings.error} />;
  if (!hearings.data) return <Loading />;
  return (
    <Page title={t('hearings.title')}>
      <Table
        head={[t('hearings.session'), t('events.date'), t('events.place'), t('hearings.panel')]}
        rows={hearings.data.map((h) => [
          <Link key={h.id} to={`/c/${caseId}/hearings/${h.id}`}>
            {shown(h.title)}
          </Link>,
          fuzzy(h.date),
          (places.data?.find((p) => p.id === h.placeId)?.name as string) ?? '—',
          ((h.panel as string[]) ?? []).join(', '),
        ])}
      />
    </Page>
  );
}

/**
 * A hearing: who was heard, and the transcript with, beside it, the testimonies given there and
 * the acts and persons each supports — so a passage can be followed to the facts it proves.
 */
export function HearingDetail() {
  const { t } = useTranslation();
  const shown = useShown();
  const { caseId, id } = useParams();
  const vocab = useVocab();
  const h = useRecord(caseId, 'hearings', id);
  const persons = useAll(caseId, 'persons');
  const testimonies = useAll(caseId, 'testimonies');
  if (h.error) return <ErrorBox error={h.error} />;
  if (!h.data) return <Loading />;
  const person = (pid: unknown) => persons.data?.find((x) => x.id === pid)?.displayName ?? '—';
  const heard = (testimonies.data ?? []).filter((x) => x.hearingId === id);
  const paragraphs = String(h.data.transcript ?? '')
    .split(/\n\s*\n/)
    .filter(Boolean);
  return (
    <Page title={shown(h.data.title)}>
      <p>
        {fuzzy(h.data.date)} · {t('hearings.panel')}: {((h.data.panel as string[]) ?? []).join(', ')}
      </p>
      <h2>{t('hearings.participants')}</h2>
      <ul>
        {((h.data.participants as { personId: string; role: string }[]) ?? []).map((p) => (
          <li key={p.personId}>
            <Link to={`/c/${caseId}/persons/${p.personId}`}>{person(p.personId)}</Link> ·{' '}
            {vocab.label('hearing_role', p.role)}
          </li>
        ))}
      </ul>
      <div className="grid2">
        <section>
          <h2>{t('hearings.transcript')}</h2>
          {paragraphs.length === 0 && <p className="muted">{t('hearings.noTranscript')}</p>}
          {paragraphs.map((para, i) => {
            const cites = heard.filter((x) => para.includes(String(x.title)) || para.includes(x.id));
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one fixed text
              <p key={i} className="passage">
                {para}
                {cites.map((x) => (
                  <a key={x.id} href={`#${x.id}`} className="cite">
                    [{t('hearings.testimony')}]
                  </a>
                ))}
              </p>
            );
          })}
        </section>
        <section>
          <h2>{t('hearings.heard')}</h2>
          {heard.map((x) => (
            <article key={x.id} id={x.id} className="card">
              <h3>{x.withheld ? t('common.withheld') : (x.title as string)}</h3>
              <p className="small">
                {t('hearings.supports')}:{' '}
                {(
                  (x.supports as { actIds: string[]; personIds: string[]; eventIds: string[] })?.eventIds ??
                  []
                ).map((e) => (
                  <Link key={e} to={`/c/${caseId}/events/${e}`} className="chip">
                    {t('hearings.event')}
                  </Link>
                ))}
                {((x.supports as { personIds: string[] })?.personIds ?? []).map((p) => (
                  <Link key={p} to={`/c/${caseId}/persons/${p}`} className="chip">
                    {person(p)}
                  </Link>
                ))}{' '}
                {t('hearings.acts', { n: ((x.supports as { actIds: string[] })?.actIds ?? []).length })}
              </p>
            </article>
          ))}
        </section>
      </div>
    </Page>
  );
}
