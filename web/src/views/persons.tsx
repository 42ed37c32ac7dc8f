import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { fuzzy, useAll, useRecord, useRecords } from '../records';
import { ErrorBox, Loading, Page, Pager, Table } from '../ui';
import { useVocab } from '../vocab';

export function PersonsList() {
  const { t } = useTranslation();
  const { caseId } = useParams();
  const vocab = useVocab();
  const list = useRecords(caseId, 'persons');
  return (
    <Page title={t('persons.title')}>
      <ErrorBox error={list.error} />
      {!list.data ? (
        <Loading />
      ) : (
        <>
          <Table
            head={[t('persons.name'), t('persons.sex'), t('persons.protection')]}
            rows={list.data.items.map((p) => [
              <Link key={p.id} to={`/c/${caseId}/persons/${p.id}`}>
                {p.displayName || t('persons.unnamed')}
              </Link>,
              vocab.label('sex', p.sex as string),
              p.pseudonymised
                ? t('persons.pseudonym')
                : vocab.label('protection_level', p.protection as string),
            ])}
          />
          <Pager total={list.data.total} offset={list.offset} limit={list.limit} onPage={list.setOffset} />
        </>
      )}
    </Page>
  );
}

export function PersonDetail() {
  const { t } = useTranslation();
  const { caseId, id } = useParams();
  const vocab = useVocab();
  const p = useRecord(caseId, 'persons', id);
  const periods = useRecords(caseId, 'detention-periods', { personId: id ?? '' }, 100);
  const acts = useRecords(caseId, 'acts', { victimId: id ?? '' }, 100);
  const places = useAll(caseId, 'places');
  const placeName = (pid: unknown) => (places.data?.find((x) => x.id === pid)?.name as string) ?? '—';
  if (p.error) return <ErrorBox error={p.error} />;
  if (!p.data) return <Loading />;
  const d = p.data;
  const sorted = [...(periods.data?.items ?? [])].sort((a, b) => (fuzzy(a.from) < fuzzy(b.from) ? -1 : 1));
  return (
    <Page title={d.displayName || t('persons.unnamed')}>
      {d.pseudonymised && <p className="notice">{t('persons.pseudonymNotice')}</p>}
      <dl className="facts">
        <dt>{t('persons.sex')}</dt>
        <dd>{vocab.label('sex', d.sex as string)}</dd>
        <dt>{t('persons.birthDate')}</dt>
        <dd>{fuzzy(d.birthDate)}</dd>
        <dt>{t('persons.occupation')}</dt>
        <dd>{(d.occupation as string) ?? '—'}</dd>
        <dt>{t('persons.protection')}</dt>
        <dd>{vocab.label('protection_level', d.protection as string)}</dd>
      </dl>
      <h2>{t('persons.timeline')}</h2>
      {sorted.length === 0 ? (
        <p className="muted">{t('persons.noDetention')}</p>
      ) : (
        <ol className="timeline" aria-label={t('persons.timeline')}>
          {sorted.map((x) => (
            <li key={x.id} className={`tl tl-${x.status as string}`}>
              <span className="tl-date">
                {fuzzy(x.from)} → {x.to ? fuzzy(x.to) : t('persons.ongoing')}
              </span>{' '}
              <strong>{vocab.label('detention_status', x.status as string)}</strong> · {placeName(x.placeId)}
            </li>
          ))}
        </ol>
      )}
      <h2>{t('persons.actsSuffered')}</h2>
      <Table
        head={[t('events.actType'), t('events.date'), t('events.methods')]}
        rows={(acts.data?.items ?? []).map((a) => [
          <Link key={a.id} to={`/c/${caseId}/events/${a.eventId as string}`}>
            {vocab.label('act_type', a.type as string)}
          </Link>,
          fuzzy(a.date),
          ((a.methods as string[]) ?? []).map((m) => vocab.label('violence_method', m)).join(', '),
        ])}
      />
    </Page>
  );
}
