import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { get } from '../api';
import type { R } from '../records';
import { ErrorBox, Page } from '../ui';
import { useVocab } from '../vocab';

interface Hits {
  total: number;
  totalIsLowerBound?: boolean;
  items: { kind: string; record: R; snippet: string }[];
  facets: Record<string, { value: string; count: number }[]>;
}
const KIND_PATH: Record<string, string> = {
  person: 'persons',
  event: 'events',
  act: 'events',
  evidence: 'evidence',
  hearing: 'hearings',
  unit: 'units',
  testimony: 'testimonies',
};
const FACET_PARAM: Record<string, string> = {
  kind: 'kind',
  act_type: 'actType',
  state_code: 'state',
  year: 'yearFrom',
};

/** Full-text search with facets; snippets come highlighted (and already redacted) from the server. */
export function SearchView() {
  const { t, i18n } = useTranslation();
  const { caseId } = useParams();
  const vocab = useVocab();
  const [q, setQ] = useState('');
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [hits, setHits] = useState<Hits>();
  const [error, setError] = useState<unknown>();
  const run = async (query: string, f: Record<string, string>) => {
    setError(undefined);
    const params = new URLSearchParams({ q: query, limit: '25', ...f });
    if (f.yearFrom) params.set('yearTo', f.yearFrom);
    try {
      setHits(await get<Hits>(`/api/cases/${caseId}/search?${params}`));
    } catch (e) {
      setError(e);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(q, filters);
  };
  const toggle = (facet: string, value: string) => {
    const p = FACET_PARAM[facet];
    if (!p) return;
    const f = { ...filters };
    if (f[p] === value) delete f[p];
    else f[p] = value;
    setFilters(f);
    void run(q, f);
  };
  const facetLabel = (facet: string, value: string) =>
    facet === 'act_type'
      ? vocab.label('act_type', value)
      : facet === 'kind'
        ? t(`kinds.${value}`, value)
        : value;
  return (
    <Page title={t('search.title')}>
      <search>
        <form onSubmit={submit} className="searchbar">
          <label htmlFor="q" className="sr-only">
            {t('search.query')}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('search.placeholder')}
          />
          <button type="submit" className="primary">
            {t('search.submit')}
          </button>
        </form>
      </search>
      <ErrorBox error={error} />
      {hits && (
        <div className="search-layout">
          <aside aria-label={t('search.facets')}>
            {Object.entries(hits.facets)
              .filter(([f]) => FACET_PARAM[f])
              .map(([facet, values]) => (
                <fieldset key={facet} className="facet">
                  <legend>{t(`search.facet.${facet}`)}</legend>
                  {values.slice(0, 10).map((v) => (
                    <label key={v.value}>
                      <input
                        type="checkbox"
                        checked={filters[FACET_PARAM[facet]!] === v.value}
                        onChange={() => toggle(facet, v.value)}
                      />{' '}
                      {facetLabel(facet, v.value)} ({v.count})
                    </label>
                  ))}
                </fieldset>
              ))}
          </aside>
          <div>
            <p role="status">
              {t('search.count', {
                count: hits.total,
                n: hits.total.toLocaleString(i18n.language),
                more: hits.totalIsLowerBound ? '+' : '',
              })}
            </p>
            <ol className="hits">
              {hits.items.map((h) => {
                const path = KIND_PATH[h.kind];
                const id = h.kind === 'act' ? (h.record.eventId as string) : h.record.id;
                const title = String(
                  h.record.displayName ??
                    h.record.title ??
                    h.record.name ??
                    vocab.label('act_type', h.record.type as string),
                );
                return (
                  <li key={`${h.kind}-${h.record.id}`}>
                    <span className="chip">{t(`kinds.${h.kind}`, h.kind)}</span>{' '}
                    {path ? <Link to={`/c/${caseId}/${path}/${id}`}>{title}</Link> : <strong>{title}</strong>}
                    {/* The server escapes the text and adds only <mark> around matches. */}
                    {/* biome-ignore lint/security/noDangerouslySetInnerHtml: escaped by the server (search/text.ts snippet) */}
                    <p className="snippet" dangerouslySetInnerHTML={{ __html: h.snippet }} />
                  </li>
                );
              })}
            </ol>
          </div>
        </div>
      )}
    </Page>
  );
}
