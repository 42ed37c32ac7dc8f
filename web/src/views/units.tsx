import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { fuzzy, useAll, useRecord, useRecords } from '../records';
import { ErrorBox, Loading, Page, Table } from '../ui';
import { useVocab } from '../vocab';

export function UnitsList() {
  const { t } = useTranslation();
  const { caseId } = useParams();
  const vocab = useVocab();
  const units = useAll(caseId, 'units');
  if (units.error) return <ErrorBox error={units.error} />;
  if (!units.data) return <Loading />;
  const name = (id: unknown) => (units.data?.find((u) => u.id === id)?.name as string) ?? '—';
  return (
    <Page title={t('units.title')}>
      <Table
        head={[t('units.name'), t('units.kind'), t('units.parents')]}
        rows={units.data.map((u) => [
          <Link key={u.id} to={`/c/${caseId}/units/${u.id}`}>
            {u.name as string}
            {u.acronym ? ` (${u.acronym as string})` : ''}
          </Link>,
          vocab.label('unit_kind', u.kind as string),
          ((u.parents as { unitId: string; from?: unknown; to?: unknown }[]) ?? [])
            .map((p) => `${name(p.unitId)} (${fuzzy(p.from)} – ${p.to ? fuzzy(p.to) : '…'})`)
            .join('; ') || '—',
        ])}
      />
    </Page>
  );
}

/** A unit with its place in the hierarchy over time and who held which post when (the chain of command). */
export function UnitDetail() {
  const { t } = useTranslation();
  const { caseId, id } = useParams();
  const vocab = useVocab();
  const u = useRecord(caseId, 'units', id);
  const units = useAll(caseId, 'units');
  const members = useRecords(caseId, 'memberships', { unitId: id ?? '' }, 200);
  const persons = useAll(caseId, 'persons');
  if (u.error) return <ErrorBox error={u.error} />;
  if (!u.data) return <Loading />;
  const name = (uid: unknown) => (units.data?.find((x) => x.id === uid)?.name as string) ?? '—';
  const person = (pid: unknown) => persons.data?.find((x) => x.id === pid)?.displayName ?? '—';
  const children = (units.data ?? []).filter((x) =>
    ((x.parents as { unitId: string }[]) ?? []).some((p) => p.unitId === id),
  );
  const rows = [...(members.data?.items ?? [])].sort((a, b) => (fuzzy(a.from) < fuzzy(b.from) ? -1 : 1));
  return (
    <Page title={`${u.data.name as string}${u.data.acronym ? ` (${u.data.acronym as string})` : ''}`}>
      <p>{vocab.label('unit_kind', u.data.kind as string)}</p>
      <h2>{t('units.above')}</h2>
      <ul>
        {((u.data.parents as { unitId: string; from?: unknown; to?: unknown }[]) ?? []).map((p) => (
          <li key={`${p.unitId}-${fuzzy(p.from)}`}>
            <Link to={`/c/${caseId}/units/${p.unitId}`}>{name(p.unitId)}</Link> · {fuzzy(p.from)} –{' '}
            {p.to ? fuzzy(p.to) : '…'}
          </li>
        ))}
      </ul>
      <h2>{t('units.below')}</h2>
      <ul>
        {children.map((c) => (
          <li key={c.id}>
            <Link to={`/c/${caseId}/units/${c.id}`}>{c.name as string}</Link>
          </li>
        ))}
      </ul>
      <h2>{t('units.chain')}</h2>
      <Table
        head={[
          t('units.person'),
          t('units.rank'),
          t('units.position'),
          t('units.commander'),
          t('units.period'),
        ]}
        rows={rows.map((m) => [
          <Link key={m.id} to={`/c/${caseId}/persons/${m.personId as string}`}>
            {person(m.personId)}
          </Link>,
          (m.rank as string) ?? '—',
          (m.position as string) ?? '—',
          m.commander ? t('common.yes') : t('common.no'),
          `${fuzzy(m.from)} – ${m.to ? fuzzy(m.to) : '…'}`,
        ])}
      />
    </Page>
  );
}
