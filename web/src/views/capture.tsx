/**
 * Open-source capture: a documenter pastes an address (or uploads a saved page), the server
 * archives it as WARC evidence and reads it; this screen shows the archived text with the
 * suggestions marked in it, the reader comments, and lets the documenter accept or reject each
 * suggestion. Nothing becomes a fact of the case file until accepted. The page of a capture has its
 * own address (capture/:itemId), so it can be reopened and shared with the team.
 */
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, get, post } from '../api';
import type { R } from '../records';
import { ErrorBox, Field, Loading, Page, useLoad } from '../ui';
import { useVocab } from '../vocab';
import './viewer.css';

interface Suggestion {
  id: string;
  kind: 'person' | 'organization' | 'place' | 'date' | 'event';
  text: string;
  value: string;
  start: number;
  end: number;
  role?: string;
  actType?: string;
  mentions?: { start: number; end: number }[];
  status: 'pending' | 'accepted' | 'rejected';
  createdRecordId?: string;
  withheld?: boolean;
}
interface Item {
  id: string;
  itemType?: string;
  title?: string;
  author?: string;
  outlet?: string;
  url?: string;
  text?: string;
  evidenceId?: string;
  depth?: number;
  withheld?: boolean;
}

interface Span {
  start: number;
  end: number;
  s: Suggestion;
}

/** Names, organizations and places are marked before dates and events (which may span them). */
const PRIORITY: Record<Suggestion['kind'], number> = {
  person: 0,
  organization: 1,
  place: 2,
  date: 3,
  event: 4,
};

/** The item's text with every suggestion's mentions marked; where spans overlap, the higher priority wins. */
export function markSpans(text: string, suggestions: Suggestion[]): Span[] {
  const spans: Span[] = [];
  for (const s of suggestions) {
    if (s.withheld) continue;
    for (const m of s.mentions?.length ? s.mentions : [{ start: s.start, end: s.end }])
      if (m.start >= 0 && m.end <= text.length && m.end > m.start) spans.push({ ...m, s });
  }
  spans.sort((a, b) => PRIORITY[a.s.kind] - PRIORITY[b.s.kind] || a.start - b.start);
  const out: Span[] = [];
  for (const sp of spans) if (!out.some((o) => sp.start < o.end && o.start < sp.end)) out.push(sp);
  return out.sort((a, b) => a.start - b.start);
}

function MarkedText({
  text,
  suggestions,
  current,
}: {
  text: string;
  suggestions: Suggestion[];
  current?: string;
}) {
  const { t } = useTranslation();
  const parts: ReactNode[] = [];
  let at = 0;
  for (const sp of markSpans(text, suggestions)) {
    if (sp.start > at) parts.push(text.slice(at, sp.start));
    parts.push(
      <mark
        key={`${sp.s.id}-${sp.start}`}
        className={`suggestion ${sp.s.status}${sp.s.id === current ? ' current' : ''}`}
        data-suggestion={sp.s.id}
        title={`${t(`viewer.sgKind.${sp.s.kind}`)} · ${t(`viewer.sgStatus.${sp.s.status}`)}`}
      >
        {text.slice(sp.start, sp.end)}
      </mark>,
    );
    at = sp.end;
  }
  parts.push(text.slice(at));
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a long text scrolls with the keyboard
    <div className="doc-text" tabIndex={0} data-testid="capture-marked">
      {parts}
    </div>
  );
}

const RECORD_PATH: Record<string, string> = { per: 'persons', evt: 'events', uni: 'units', pla: 'places' };

function Decision({
  caseId,
  s,
  onDone,
  onFocus,
}: {
  caseId: string;
  s: Suggestion;
  onDone(): void;
  onFocus(): void;
}) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const decide = async (verb: 'accept' | 'reject') => {
    setBusy(true);
    setError(undefined);
    try {
      await post(`/api/cases/${caseId}/suggestions/${s.id}/${verb}`, {});
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const detail =
    s.kind === 'event' && s.actType
      ? vocab.label('act_type', s.actType)
      : s.kind === 'person' && s.role
        ? t(`viewer.role.${s.role}`)
        : '';
  const created = s.createdRecordId;
  const path = created ? RECORD_PATH[created.slice(0, 3)] : undefined;
  return (
    <li className="decision" data-testid="suggestion" data-kind={s.kind} data-status={s.status}>
      <button type="button" className="linklike" onClick={onFocus}>
        <strong>{t(`viewer.sgKind.${s.kind}`)}</strong>:{' '}
        {s.withheld
          ? t('common.withheld')
          : s.kind === 'event' && s.actType
            ? vocab.label('act_type', s.actType)
            : s.value}
      </button>
      {detail && s.kind !== 'event' && <span className="small muted"> · {detail}</span>}{' '}
      {s.status === 'pending' ? (
        <>
          <button type="button" className="primary" disabled={busy} onClick={() => void decide('accept')}>
            {t('viewer.accept')}
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => void decide('reject')}>
            {t('viewer.reject')}
          </button>
        </>
      ) : (
        <span className={`status status-${s.status}`}>{t(`viewer.sgStatus.${s.status}`)}</span>
      )}
      {created && path && (
        <>
          {' '}
          <Link to={`/c/${caseId}/r/${path}/${created}`}>{t('viewer.openCreated')}</Link>
        </>
      )}
      <ErrorBox error={error} />
    </li>
  );
}

function ItemSuggestions({ caseId, item, heading }: { caseId: string; item: Item; heading: ReactNode }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState<string>();
  const list = useLoad(
    () => get<{ items: Suggestion[] }>(`/api/cases/${caseId}/suggestions?item=${item.id}&limit=1000`),
    [caseId, item.id],
  );
  const suggestions = [...(list.data?.items ?? [])].sort((a, b) => a.start - b.start);
  return (
    <article className="card" data-testid="capture-item" data-item={item.id}>
      {heading}
      {item.withheld ? (
        <p className="muted">{t('common.withheld')}</p>
      ) : (
        <MarkedText text={item.text ?? ''} suggestions={suggestions} current={current} />
      )}
      <ErrorBox error={list.error} />
      {!list.data ? (
        <Loading />
      ) : suggestions.length === 0 ? (
        <p className="muted small">{t('viewer.noSuggestions')}</p>
      ) : (
        <>
          <h3>{t('viewer.suggestions', { n: suggestions.filter((s) => s.status === 'pending').length })}</h3>
          <ul className="hits">
            {suggestions.map((s) => (
              <Decision
                key={s.id}
                caseId={caseId}
                s={s}
                onDone={list.reload}
                onFocus={() => setCurrent(s.id)}
              />
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

/** One capture: its evidence, the article and each comment with their suggestions. */
export function CaptureDetail() {
  const { t } = useTranslation();
  const { caseId, itemId } = useParams();
  const item = useLoad(
    () => get<Item>(`/api/cases/${caseId}/records/information-items/${itemId}`),
    [caseId, itemId],
  );
  const evidenceId = item.data?.evidenceId;
  const comments = useLoad(
    async () =>
      evidenceId
        ? (
            await get<{ items: Item[] }>(
              `/api/cases/${caseId}/records/information-items?evidenceId=${evidenceId}&itemType=comment&limit=500&sort=created`,
            )
          ).items
        : [],
    [caseId, evidenceId],
  );
  if (item.error) return <ErrorBox error={item.error} />;
  if (!item.data || !caseId) return <Loading />;
  const a = item.data;
  return (
    <Page
      title={a.withheld ? t('common.withheld') : (a.title ?? t('viewer.captureTitle'))}
      actions={<Link to={`/c/${caseId}/capture`}>{t('viewer.newCapture')}</Link>}
    >
      <dl className="facts">
        <dt>{t('viewer.sourceUrl')}</dt>
        <dd>
          <code className="wrap">{a.url ?? '—'}</code>
        </dd>
        {a.outlet && (
          <>
            <dt>{t('viewer.outlet')}</dt>
            <dd>{a.outlet}</dd>
          </>
        )}
        {evidenceId && (
          <>
            <dt>{t('viewer.resultingEvidence')}</dt>
            <dd>
              <Link to={`/c/${caseId}/evidence/${evidenceId}`} data-testid="capture-evidence">
                {t('viewer.openEvidence')}
              </Link>
            </dd>
          </>
        )}
      </dl>
      <ItemSuggestions caseId={caseId} item={a} heading={<h2>{t('viewer.archivedText')}</h2>} />
      {(comments.data ?? []).length > 0 && <h2>{t('viewer.comments', { n: comments.data?.length ?? 0 })}</h2>}
      {(comments.data ?? []).map((c) => (
        <ItemSuggestions
          key={c.id}
          caseId={caseId}
          item={c}
          heading={<h3>{c.author ?? t('viewer.anonymous')}</h3>}
        />
      ))}
    </Page>
  );
}

/** The form: an address or a saved page, and the protection of what is archived. */
export function CaptureView() {
  const { t } = useTranslation();
  const { caseId } = useParams();
  const navigate = useNavigate();
  const vocab = useVocab();
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File>();
  const [protection, setProtection] = useState('public');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const recent = useLoad(
    () =>
      get<{ items: R[] }>(
        `/api/cases/${caseId}/records/information-items?itemType=article&limit=10&sort=created&order=desc`,
      ),
    [caseId],
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      let report: { itemId: string };
      if (file) {
        const form = new FormData();
        form.append('file', file);
        form.append('meta', JSON.stringify({ protection }));
        report = await api<{ itemId: string }>('POST', `/api/cases/${caseId}/captures`, undefined, { form });
      } else
        report = await post<{ itemId: string }>(`/api/cases/${caseId}/captures`, {
          url: url.trim(),
          protection,
        });
      navigate(`/c/${caseId}/capture/${report.itemId}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Page title={t('viewer.captureTitle')}>
      <p>{t('viewer.captureIntro')}</p>
      <form onSubmit={submit} className="card" aria-label={t('viewer.captureTitle')}>
        <Field label={t('viewer.captureUrl')} hint={t('viewer.captureUrlHint')}>
          <input
            name="url"
            type="url"
            inputMode="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            disabled={Boolean(file)}
            placeholder="https://"
          />
        </Field>
        <Field label={t('viewer.captureFile')} hint={t('viewer.captureFileHint')}>
          <input
            name="file"
            type="file"
            accept=".html,.htm,.xhtml,.txt,text/html,text/plain"
            onChange={(e) => setFile(e.target.files?.[0])}
          />
        </Field>
        <Field label={t('intake.protection')}>
          <select name="protection" value={protection} onChange={(e) => setProtection(e.target.value)}>
            {vocab
              .terms('protection_level')
              .filter((x) => ['public', 'restricted', 'protected'].includes(x.code))
              .map((x) => (
                <option key={x.code} value={x.code}>
                  {vocab.label('protection_level', x.code)}
                </option>
              ))}
          </select>
        </Field>
        <ErrorBox error={error} />
        <button type="submit" className="primary" disabled={busy || (!file && !url.trim())}>
          {busy ? t('viewer.capturing') : t('viewer.captureSubmit')}
        </button>
      </form>
      <h2>{t('viewer.recentCaptures')}</h2>
      <ErrorBox error={recent.error} />
      {!recent.data ? (
        <Loading />
      ) : recent.data.items.length === 0 ? (
        <p className="muted">{t('viewer.noCaptures')}</p>
      ) : (
        <ul>
          {recent.data.items.map((i) => (
            <li key={i.id}>
              <Link to={`/c/${caseId}/capture/${i.id}`}>
                {i.withheld ? t('common.withheld') : String(i.title ?? i.url ?? i.id)}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
