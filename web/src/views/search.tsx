/**
 * Full-text search with facets. The query, the facet filters and the page are the URL (shareable,
 * survive reload); the server pages through every hit and sends, beside the hits, the labels of
 * what they reference (victim, place, witness — redacted exactly as the API redacts records) and
 * the facet values as words, so rows read who/what/when/where and no code shows through.
 */
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { get } from '../api';
import { fuzzy, type R } from '../records';
import { ErrorBox, Loading, Page, Pager, useLoad } from '../ui';
import { useVocab } from '../vocab';
import { recordPath } from './records/kind-spec';

const LIMIT = 25;
type Labels = Record<string, { kind: string; label: string; deleted?: boolean }>;
interface Hits {
  total: number;
  totalIsLowerBound?: boolean;
  items: { kind: string; record: R; snippet: string }[];
  facets: Record<string, { value: string; count: number }[]>;
  labels?: Labels;
  facetLabels?: Record<string, Record<string, string>>;
}
/** Facet → URL parameter (the year facet filters one year: yearFrom = yearTo). */
const FACET_PARAM: Record<string, string> = {
  kind: 'kind',
  act_type: 'actType',
  state_code: 'state',
  year: 'year',
  unit_id: 'unit',
  source_id: 'source',
};
const SCREEN: Record<string, string> = {
  person: 'persons',
  event: 'events',
  act: 'acts',
  testimony: 'testimonies',
};

/** The server's query for the URL's state (the year facet becomes a one-year range). */
function serverQuery(params: URLSearchParams, lang: string): string {
  const q = new URLSearchParams({ q: params.get('q') ?? '', limit: String(LIMIT), lang });
  for (const p of Object.values(FACET_PARAM)) {
    const v = params.get(p);
    if (!v) continue;
    if (p === 'year') {
      q.set('yearFrom', v);
      q.set('yearTo', v);
    } else q.set(p, v);
  }
  q.set('offset', String(Number(params.get('offset') ?? 0) || 0));
  return q.toString();
}

export function SearchView() {
  const { t, i18n } = useTranslation();
  const { caseId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const [q, setQ] = useState(query);
  // Back/forward and shared links change the URL: the box follows it.
  useEffect(() => setQ(query), [query]);
  const lang = i18n.language === 'en' ? 'en' : 'es';
  const qs = serverQuery(params, lang);
  const hits = useLoad(
    () => (query.trim() ? get<Hits>(`/api/cases/${caseId}/search?${qs}`) : Promise.resolve(undefined)),
    [caseId, qs],
  );
  const offset = Number(params.get('offset') ?? 0) || 0;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams(params);
    next.set('q', q);
    next.delete('offset');
    setParams(next);
  };
  // The router applies URL changes in a transition: until it lands, a ticked facet shows the
  // person's choice (a controlled checkbox would otherwise spring back for a moment).
  const [pending, setPending] = useState<Record<string, string | null>>({});
  const landed = params.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: cleared whenever the URL's query lands
  useEffect(() => setPending({}), [landed]);
  const selected = (param: string) => (param in pending ? pending[param] : params.get(param));
  const toggle = (param: string, value: string) => {
    const next = new URLSearchParams(params);
    const now = selected(param) === value ? null : value;
    if (now === null) next.delete(param);
    else next.set(param, now);
    next.delete('offset');
    setPending((p) => ({ ...p, [param]: now }));
    setParams(next);
  };
  const page = (o: number) => {
    const next = new URLSearchParams(params);
    if (o) next.set('offset', String(o));
    else next.delete('offset');
    setParams(next);
    window.scrollTo(0, 0);
  };
  const data = hits.data;
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
      <ErrorBox error={hits.error} />
      {query.trim() && !data && !hits.error && <Loading />}
      {data && (
        <div className="search-layout">
          <aside aria-label={t('search.facets')}>
            <Facets hits={data} selected={selected} onToggle={toggle} />
          </aside>
          <div>
            <p role="status">
              {t('search.count', {
                count: data.total,
                n: data.total.toLocaleString(i18n.language),
                more: data.totalIsLowerBound ? '+' : '',
              })}
            </p>
            <ol className="hits" start={offset + 1}>
              {data.items.map((h) => (
                <Hit key={`${h.kind}-${h.record.id}`} caseId={caseId} hit={h} labels={data.labels ?? {}} />
              ))}
            </ol>
            {data.total > LIMIT && <Pager total={data.total} offset={offset} limit={LIMIT} onPage={page} />}
          </div>
        </div>
      )}
    </Page>
  );
}

function Facets({
  hits,
  selected,
  onToggle,
}: {
  hits: Hits;
  selected(param: string): string | null | undefined;
  onToggle(param: string, value: string): void;
}) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const label = (facet: string, value: string) =>
    facet === 'kind'
      ? t(`kinds.${value}`, value)
      : facet === 'year'
        ? value
        : (hits.facetLabels?.[facet]?.[value] ??
          (facet === 'act_type' ? vocab.label('act_type', value) : t('records.search.unnamed')));
  return (
    <>
      {Object.entries(hits.facets)
        .filter(([f, values]) => FACET_PARAM[f] && values.length > 0)
        .map(([facet, values]) => {
          const param = FACET_PARAM[facet]!;
          return (
            <fieldset key={facet} className="facet">
              <legend>{t(`records.search.facet.${facet}`)}</legend>
              {values.slice(0, 10).map((v) => (
                <label key={v.value}>
                  <input
                    type="checkbox"
                    checked={selected(param) === v.value}
                    onChange={() => onToggle(param, v.value)}
                  />{' '}
                  {label(facet, v.value)} ({v.count})
                </label>
              ))}
            </fieldset>
          );
        })}
    </>
  );
}

/** One result as who/what/when/where, each reference by its (server-redacted) label. */
function Hit({ caseId, hit, labels }: { caseId: string; hit: Hits['items'][number]; labels: Labels }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const r = hit.record;
  const ref = (kind: string, id: unknown): ReactNode => {
    if (typeof id !== 'string') return undefined;
    const l = labels[id];
    return l ? <Link to={recordPath(caseId, kind, id)}>{l.label}</Link> : undefined;
  };
  const date = (d: unknown) => (d ? fuzzy(d) : undefined);
  let title: string;
  let facts: [string, ReactNode][] = [];
  switch (hit.kind) {
    case 'act':
      title = vocab.label('act_type', r.type as string);
      facts = [
        ['victim', ref('persons', r.victimId)],
        ['date', date(r.date)],
        ['place', ref('places', r.placeId)],
        ['event', ref('events', r.eventId)],
      ];
      break;
    case 'person':
      title = String(r.displayName ?? r.id);
      facts = [
        ['sex', r.sex ? vocab.label('sex', r.sex as string) : undefined],
        ['born', date(r.birthDate)],
        ['occupation', r.occupation as string | undefined],
      ];
      break;
    case 'testimony':
      title = String(r.title ?? r.id);
      facts = [
        ['witness', ref('persons', r.witnessId)],
        ['date', date(r.date)],
      ];
      break;
    case 'event':
      title = String(r.title ?? r.id);
      facts = [
        ['date', date(r.date)],
        ['place', ref('places', r.placeId)],
      ];
      break;
    default:
      title = String(r.title ?? r.name ?? r.id);
      facts = [
        ['outlet', r.outlet as string | undefined],
        ['date', date(r.published)],
      ];
  }
  const screen = SCREEN[hit.kind];
  const to = screen
    ? recordPath(caseId, screen, r.id)
    : hit.kind === 'informationItem'
      ? `/c/${caseId}/capture/${r.id}`
      : undefined;
  const shown = facts.filter(([, v]) => v !== undefined && v !== '');
  return (
    <li>
      <span className="chip">{t(`kinds.${hit.kind}`, hit.kind)}</span>{' '}
      {to ? <Link to={to}>{title}</Link> : <strong>{title}</strong>}
      {shown.length > 0 && (
        <dl className="hit-facts">
          {shown.map(([k, v]) => (
            <div key={k}>
              <dt>{t(`records.search.fact.${k}`)}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
      {/* The server escapes the text and adds only <mark> around matches. */}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: escaped by the server (search/text.ts snippet) */}
      <p className="snippet" dangerouslySetInnerHTML={{ __html: hit.snippet }} />
    </li>
  );
}
