/**
 * The hash-chained audit log of the case file, newest first, filtered by who, kind of record,
 * action and dates. The filters live in the address (shareable, kept on reload); names, kinds,
 * actions and times are shown as people read them, with the raw values on hover.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { get } from '../api';
import { formatTime } from '../format';
import { ErrorBox, Field, Loading, Page, Table, useLoad } from '../ui';
import './viewer.css';

interface Entry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  hash: string;
}
interface Member {
  userId: string;
  username: string;
  displayName?: string;
}

const PAGE = 50;
/** Kinds a reader looks for (the log's own names), in the order of the case file. */
const ENTITIES = [
  'persons',
  'units',
  'places',
  'events',
  'acts',
  'testimonies',
  'evidence',
  'hearings',
  'sources',
  'source-lists',
  'information-items',
  'suggestions',
  'submissions',
  'case-members',
  'files',
];
const ACTIONS = [
  'create',
  'update',
  'delete',
  'view',
  'view-list',
  'accessed',
  'export',
  'import',
  'analysis',
];
/** Records with a page of their own. */
const PAGES: Record<string, string> = {
  persons: 'persons',
  units: 'units',
  events: 'events',
  evidence: 'evidence',
  hearings: 'hearings',
  testimonies: 'testimonies',
  'information-items': 'capture',
};

/** A local calendar day → the UTC instant it starts (the server compares instants). */
const dayStart = (day: string, plusDays = 0) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d! + plusDays).toISOString();
};

export function AuditView() {
  const { t, i18n } = useTranslation();
  const { caseId } = useParams();
  const [params, setParams] = useSearchParams();
  const filters = {
    actor: params.get('actor') ?? '',
    entity: params.get('entity') ?? '',
    action: params.get('action') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  const [draft, setDraft] = useState(filters);
  const [cursors, setCursors] = useState<number[]>([]);
  const before = cursors[cursors.length - 1];
  const members = useLoad(() => get<{ items: Member[] }>(`/api/cases/${caseId}/members`), [caseId]);
  const query = new URLSearchParams({ order: 'desc', limit: String(PAGE) });
  if (before !== undefined) query.set('before', String(before));
  if (filters.actor) query.set('actor', filters.actor);
  if (filters.entity) query.set('entity', filters.entity);
  if (filters.action) query.set('action', filters.action);
  if (filters.from) query.set('from', dayStart(filters.from));
  if (filters.to) query.set('to', dayStart(filters.to, 1));
  const qs = query.toString();
  const page = useLoad(() => get<{ items: Entry[] }>(`/api/cases/${caseId}/audit?${qs}`), [caseId, qs]);
  const names = new Map<string, string>();
  for (const m of members.data?.items ?? []) names.set(`user:${m.userId}`, m.displayName || m.username);
  const who = (actor: string) =>
    names.get(actor) ?? (actor.startsWith('system') ? t('viewer.system') : actor);
  const label = (group: string, v: string) => {
    const key = `viewer.${group}.${v.replace(/[.:]/g, '_')}`;
    return i18n.exists(key) ? t(key) : v;
  };
  const apply = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(draft)) if (v) next.set(k, v);
    setCursors([]);
    setParams(next);
  };
  const clear = () => {
    const empty = { actor: '', entity: '', action: '', from: '', to: '' };
    setDraft(empty);
    setCursors([]);
    setParams(new URLSearchParams());
  };
  const items = page.data?.items;
  return (
    <Page title={t('audit.title')}>
      <p>{t('viewer.auditIntro')}</p>
      <form className="filters card" onSubmit={apply} aria-label={t('viewer.filters')}>
        <Field label={t('audit.who')}>
          <select
            name="actor"
            value={draft.actor}
            onChange={(e) => setDraft({ ...draft, actor: e.target.value })}
          >
            <option value="">{t('viewer.any')}</option>
            {(members.data?.items ?? []).map((m) => (
              <option key={m.userId} value={`user:${m.userId}`}>
                {m.displayName || m.username}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('viewer.recordKind')}>
          <select
            name="entity"
            value={draft.entity}
            onChange={(e) => setDraft({ ...draft, entity: e.target.value })}
          >
            <option value="">{t('viewer.any')}</option>
            {ENTITIES.map((k) => (
              <option key={k} value={k}>
                {label('entity', k)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('audit.action')}>
          <select
            name="action"
            value={draft.action}
            onChange={(e) => setDraft({ ...draft, action: e.target.value })}
          >
            <option value="">{t('viewer.any')}</option>
            {ACTIONS.map((k) => (
              <option key={k} value={k}>
                {label('action', k)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('viewer.from')}>
          <input
            name="from"
            type="date"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
        </Field>
        <Field label={t('viewer.to')}>
          <input
            name="to"
            type="date"
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
        </Field>
        <button type="submit" className="primary">
          {t('viewer.applyFilters')}
        </button>
        <button type="button" onClick={clear}>
          {t('viewer.clearFilters')}
        </button>
      </form>
      <ErrorBox error={page.error ?? members.error} />
      {!items ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="muted">{t('viewer.noEntries')}</p>
      ) : (
        <Table
          caption={t('viewer.newestFirst')}
          head={['#', t('audit.when'), t('audit.who'), t('audit.action'), t('audit.what'), t('audit.hash')]}
          rows={items.map((e) => [
            String(e.seq),
            <time key="t" dateTime={e.at} title={e.at}>
              {formatTime(e.at, i18n.language)}
            </time>,
            <span key="w" title={e.actor} data-testid="audit-actor">
              {who(e.actor)}
            </span>,
            <span key="a" title={e.action} data-testid="audit-action">
              {label('action', e.action)}
            </span>,
            <span key="x" data-testid="audit-entity" data-entity={e.entity}>
              {label('entity', e.entity)}{' '}
              {e.entityId && PAGES[e.entity] && e.action !== 'delete' ? (
                <Link to={`/c/${caseId}/${PAGES[e.entity]}/${e.entityId}`}>{t('viewer.openRecord')}</Link>
              ) : (
                <code className="small">{e.entityId ?? ''}</code>
              )}
            </span>,
            <code key="h">{String(e.hash).slice(0, 12)}</code>,
          ])}
        />
      )}
      <nav className="pager" aria-label={t('common.pages')}>
        <button
          type="button"
          disabled={cursors.length === 0}
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          {t('viewer.newer')}
        </button>
        <button
          type="button"
          disabled={!items || items.length < PAGE}
          onClick={() => items && setCursors([...cursors, items[items.length - 1]!.seq])}
        >
          {t('viewer.older')}
        </button>
      </nav>
    </Page>
  );
}
