/**
 * The list of any kind: server-side pages, order and filters, all kept in the URL (shareable,
 * survive reload); rows name what they reference through the server's labels (no view downloads
 * every person); saved filters per member; CSV and XLSX export of exactly the filtered list.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useParams, useSearchParams } from 'react-router-dom';
import { del, get, post } from '../../api';
import { fuzzy, type R } from '../../records';
import { can, useSession } from '../../session';
import { ErrorBox, Field, Loading, Page, Pager, Table, useLoad, VocabOptions } from '../../ui';
import { useVocab } from '../../vocab';
import { type FieldSpec, fieldKey, KIND_SCREENS, recordPath, screensOf } from './kind-spec';
import { RefPicker, useRecordLabel } from './widgets';

const LIMIT = 25;
type Labels = Record<string, { kind: string; label: string; deleted?: boolean }>;
interface ListPage {
  items: R[];
  total: number;
  labels: Labels;
  summaries?: Record<string, { victims: { id: string; label: string }[]; perpetrators: { label: string }[] }>;
}

/** The query the server understands: filters, sort, order (the page offset is separate). */
function listQuery(params: URLSearchParams): URLSearchParams {
  const q = new URLSearchParams(params);
  q.delete('offset');
  return q;
}

export function KindTabs({ caseId, current }: { caseId: string; current: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('records.kinds')} className="kind-tabs">
      <ul>
        {KIND_SCREENS.map((k) => (
          <li key={k.name}>
            <NavLink to={`/c/${caseId}/r/${k.name}`} aria-current={k.name === current ? 'page' : undefined}>
              {t(`records.kind.${k.name}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function RecordList() {
  const { t, i18n } = useTranslation();
  const { caseId = '', kind = '' } = useParams();
  const spec = screensOf(kind);
  const { me } = useSession();
  const vocab = useVocab();
  const labelOf = useRecordLabel();
  const [params, setParams] = useSearchParams();
  const offset = Number(params.get('offset') ?? 0) || 0;
  const query = listQuery(params);
  const lang = i18n.language === 'en' ? 'en' : 'es';
  const qs = `${query.toString()}${query.toString() ? '&' : ''}limit=${LIMIT}&offset=${offset}&lang=${lang}`;
  const list = useLoad(() => get<ListPage>(`/api/cases/${caseId}/records/${kind}?${qs}`), [caseId, kind, qs]);
  if (!spec) return <ErrorBox error={new Error(kind)} />;

  const setParam = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('offset');
    setParams(next);
  };
  const labels = list.data?.labels ?? {};
  const cell = (r: R, f: FieldSpec) => {
    const v = r[f.name];
    if (v === undefined || v === null || v === '') return '—';
    switch (f.type.t) {
      case 'ref': {
        const id = String(v);
        return <Link to={recordPath(caseId, f.type.kind, id)}>{labels[id]?.label ?? id}</Link>;
      }
      case 'vocab':
        return vocab.label(f.type.vocab, String(v));
      case 'date':
        return fuzzy(v);
      default:
        return String(v);
    }
  };
  const columns = spec.fields.filter((f) => f.column);
  const exportHref = (format: string) =>
    `/api/cases/${caseId}/export/${kind}?${query.toString()}${query.toString() ? '&' : ''}format=${format}&lang=${lang}`;

  return (
    <Page
      title={t(`records.kind.${kind}`)}
      actions={
        spec.creatable && can(me, caseId, 'write') ? (
          <Link className="button primary" to={`/c/${caseId}/r/${kind}/new`}>
            {t('records.new')}
          </Link>
        ) : undefined
      }
    >
      <KindTabs caseId={caseId} current={kind} />
      <details className="filters" open={[...query.keys()].length > 0}>
        <summary>{t('records.filters')}</summary>
        <div className="filter-row">
          {spec.fields
            .filter((f) => f.filter)
            .map((f) =>
              f.type.t === 'ref' ? (
                <RefPicker
                  key={f.name}
                  caseId={caseId}
                  kind={f.type.kind}
                  label={t(fieldKey(f.name))}
                  value={params.get(f.name) ?? undefined}
                  valueLabel={labels[params.get(f.name) ?? '']?.label}
                  onChange={(id) => setParam(f.name, id)}
                />
              ) : f.type.t === 'vocab' ? (
                <Field key={f.name} label={t(fieldKey(f.name))}>
                  <select value={params.get(f.name) ?? ''} onChange={(e) => setParam(f.name, e.target.value)}>
                    <option value="">{t('records.any')}</option>
                    <VocabOptions vocab={vocab} id={f.type.vocab} />
                  </select>
                </Field>
              ) : (
                <Field key={f.name} label={t(fieldKey(f.name))}>
                  <input
                    defaultValue={params.get(f.name) ?? ''}
                    onBlur={(e) => setParam(f.name, e.target.value.trim())}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') setParam(f.name, (e.target as HTMLInputElement).value.trim());
                    }}
                  />
                </Field>
              ),
            )}
          <Field label={t('records.sort')}>
            <select
              value={params.get('sort') ?? 'default'}
              onChange={(e) => setParam('sort', e.target.value)}
            >
              <option value="default">{t('records.sortDefault')}</option>
              <option value="created">{t('records.sortCreated')}</option>
              <option value="updated">{t('records.sortUpdated')}</option>
            </select>
          </Field>
          <label className="check">
            <input
              type="checkbox"
              checked={params.get('order') === 'desc'}
              onChange={(e) => setParam('order', e.target.checked ? 'desc' : undefined)}
            />{' '}
            {t('records.descending')}
          </label>
          {[...query.keys()].length > 0 && (
            <button type="button" onClick={() => setParams(new URLSearchParams())}>
              {t('records.clear')}
            </button>
          )}
        </div>
        <SavedFilters
          caseId={caseId}
          kind={kind}
          query={query.toString()}
          onPick={(q) => setParams(new URLSearchParams(q))}
        />
      </details>
      {can(me, caseId, 'delete') && (
        <p className="small">
          <Link to={`/c/${caseId}/r/${kind}/deleted`}>{t('records.seeDeleted')}</Link>
        </p>
      )}
      {can(me, caseId, 'exportList') && (
        <p className="export-links">
          {t('records.export')}:{' '}
          <a href={exportHref('csv')} download>
            {t('records.exportCsv')}
          </a>{' '}
          ·{' '}
          <a href={exportHref('xlsx')} download>
            {t('records.exportXlsx')}
          </a>
        </p>
      )}
      <ErrorBox error={list.error} />
      {!list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <p className="muted">{t('records.empty')}</p>
      ) : (
        <>
          <Table
            head={[
              t('records.field.label'),
              ...columns.map((f) => t(fieldKey(f.name))),
              ...(kind === 'events' ? [t('records.victims'), t('records.perpetrators')] : []),
            ]}
            rows={list.data.items.map((r) => [
              <Link key={r.id} to={recordPath(caseId, kind, r.id)} data-id={r.id}>
                {labelOf(kind, r)}
              </Link>,
              ...columns.map((f) => cell(r, f)),
              ...(kind === 'events'
                ? [
                    list.data?.summaries?.[r.id]?.victims.map((v) => v.label).join(', ') || '—',
                    list.data?.summaries?.[r.id]?.perpetrators.map((v) => v.label).join(', ') || '—',
                  ]
                : []),
            ])}
          />
          <Pager
            total={list.data.total}
            offset={offset}
            limit={LIMIT}
            onPage={(o) => {
              const next = new URLSearchParams(params);
              if (o) next.set('offset', String(o));
              else next.delete('offset');
              setParams(next);
            }}
          />
        </>
      )}
    </Page>
  );
}

function SavedFilters({
  caseId,
  kind,
  query,
  onPick,
}: {
  caseId: string;
  kind: string;
  query: string;
  onPick(q: string): void;
}) {
  const { t } = useTranslation();
  const saved = useLoad(
    () =>
      get<{ items: { id: string; name: string; query: string }[] }>(
        `/api/cases/${caseId}/saved-filters?kind=${kind}`,
      ),
    [caseId, kind],
  );
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>();
  return (
    <section className="saved-filters" aria-label={t('records.savedFilters')}>
      <h2>{t('records.savedFilters')}</h2>
      {saved.data && saved.data.items.length === 0 && <p className="muted">{t('records.noneSaved')}</p>}
      <ul>
        {saved.data?.items.map((f) => (
          <li key={f.id}>
            <button type="button" className="linklike" onClick={() => onPick(f.query)}>
              {f.name}
            </button>{' '}
            <button
              type="button"
              aria-label={t('records.removeFilter', { name: f.name })}
              onClick={() =>
                void del(`/api/cases/${caseId}/saved-filters/${f.id}`).then(saved.reload, setError)
              }
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {query && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            post(`/api/cases/${caseId}/saved-filters`, { kind, name, query }).then(() => {
              setName('');
              saved.reload();
            }, setError);
          }}
        >
          <Field label={t('records.filterName')}>
            <input value={name} onChange={(e) => setName(e.target.value)} required />
          </Field>
          <button type="submit">{t('records.saveFilter')}</button>
        </form>
      )}
      <ErrorBox error={error} />
    </section>
  );
}
