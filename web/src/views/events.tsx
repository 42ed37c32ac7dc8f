import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { fuzzy, useAll, useRecord, useRecords } from '../records';
import { ErrorBox, Loading, Page, Pager, Table } from '../ui';
import { useVocab } from '../vocab';

export function EventsList() {
  const { t } = useTranslation();
  const { caseId } = useParams();
  const list = useRecords(caseId, 'events');
  const places = useAll(caseId, 'places');
  return (
    <Page title={t('events.title')}>
      <ErrorBox error={list.error} />
      {!list.data ? (
        <Loading />
      ) : (
        <>
          <Table
            head={[t('events.event'), t('events.date'), t('events.place')]}
            rows={list.data.items.map((e) => [
              <Link key={e.id} to={`/c/${caseId}/events/${e.id}`}>
                {e.title as string}
              </Link>,
              fuzzy(e.date),
              (places.data?.find((p) => p.id === e.placeId)?.name as string) ?? '—',
            ])}
          />
          <Pager total={list.data.total} offset={list.offset} limit={list.limit} onPage={list.setOffset} />
        </>
      )}
    </Page>
  );
}

/** An event and its acts: who did what to whom. */
export function EventDetail() {
  const { t } = useTranslation();
  const { caseId, id } = useParams();
  const vocab = useVocab();
  const e = useRecord(caseId, 'events', id);
  const acts = useRecords(caseId, 'acts', { eventId: id ?? '' }, 200);
  const persons = useAll(caseId, 'persons');
  if (e.error) return <ErrorBox error={e.error} />;
  if (!e.data) return <Loading />;
  const person = (pid: unknown) => persons.data?.find((x) => x.id === pid)?.displayName ?? '—';
  return (
    <Page title={e.data.title as string}>
      <p>
        {fuzzy(e.data.date)} · {vocab.label('violation_status', e.data.violationStatus as string)}
      </p>
      {typeof e.data.description === 'string' && <p className="prose">{e.data.description}</p>}
      <h2>{t('events.acts')}</h2>
      <Table
        head={[t('events.victim'), t('events.actType'), t('events.methods'), t('events.date')]}
        rows={(acts.data?.items ?? []).map((a) => [
          <Link key={a.id} to={`/c/${caseId}/persons/${a.victimId as string}`}>
            {person(a.victimId)}
          </Link>,
          vocab.label('act_type', a.type as string),
          ((a.methods as string[]) ?? []).map((m) => vocab.label('violence_method', m)).join(', ') || '—',
          fuzzy(a.date ?? e.data?.date),
        ])}
      />
    </Page>
  );
}
