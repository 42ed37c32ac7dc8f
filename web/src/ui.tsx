/** Small building blocks shared by the views. */
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from './api';
import { useErrorText } from './error-text';
import type { useVocab } from './vocab';

export function useLoad<T>(
  load: () => Promise<T>,
  deps: unknown[],
): { data?: T; error?: Error; reload(): void } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error>();
  const [n, setN] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what the load depends on
  useEffect(() => {
    let live = true;
    setError(undefined);
    load().then(
      (d) => live && setData(d),
      (e: Error) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [...deps, n]);
  return { data, error, reload: () => setN((x) => x + 1) };
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="muted" aria-live="polite">
      {t('common.loading')}
    </p>
  );
}

/**
 * An error in the reader's language: the server's stable code, its finer reason and the fields it
 * names are translated here with their parameters (limits, waits); the server's English is never shown.
 */
export function ErrorBox({ error }: { error?: unknown }) {
  const say = useErrorText();
  if (!error) return null;
  const code = error instanceof NetworkError ? 'network' : error instanceof ApiError ? error.code : 'other';
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <div className="error" role="alert" data-code={code}>
      <strong>{say.headline(error)}</strong>
      {issues.length > 0 && (
        <ul>
          {issues.map((i) => (
            <li key={`${i.field}-${i.code}-${i.message}`}>
              {i.field ? `${say.field(i.field)}: ` : ''}
              {say.issue(i)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Page({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  useEffect(() => {
    document.title = `${title} — Testigo`;
  }, [title]);
  return (
    <section className="page">
      <header className="page-head">
        <h1>{title}</h1>
        {actions && <div className="actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}

export function Field({ label, children, hint }: { label: string; children: ReactNode; hint?: string }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the child
    <label className="field">
      <span>{label}</span>
      {children}
      {hint && <small className="muted">{hint}</small>}
    </label>
  );
}

export function Status({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`status status-${status}`}>{t(`status.${status}`)}</span>;
}

export function Table({ head, rows, caption }: { head: ReactNode[]; rows: ReactNode[][]; caption?: string }) {
  return (
    <div className="table-wrap">
      <table>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {head.map((h, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no better key here
            <tr key={i}>
              {r.map((c, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
                <td key={j}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Vertical bars over time or categories, as inline SVG (no chart library, nothing remote). */
export function BarChart({
  title,
  data,
  height = 160,
}: {
  title: string;
  data: { key: string; count: number }[];
  height?: number;
}) {
  const w = 640;
  const max = Math.max(1, ...data.map((d) => d.count));
  const bw = (w - 40) / Math.max(1, data.length);
  const every = Math.max(1, Math.ceil(data.length / 8));
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${w} ${height + 24}`} role="img" aria-label={title}>
        {data.map((d, i) => {
          const h = (d.count / max) * height;
          return (
            <g key={d.key}>
              <rect
                x={30 + i * bw + bw * 0.1}
                y={height - h}
                width={Math.max(1, bw * 0.8)}
                height={h}
                fill="#2f5d8a"
              >
                <title>{`${d.key}: ${d.count}`}</title>
              </rect>
              {i % every === 0 && (
                <text x={30 + i * bw + bw / 2} y={height + 14} fontSize="10" textAnchor="middle" fill="#333">
                  {d.key}
                </text>
              )}
            </g>
          );
        })}
        <text x="4" y="10" fontSize="10" fill="#333">
          {max}
        </text>
        <line x1="30" y1={height} x2={w - 10} y2={height} stroke="#333" />
      </svg>
    </figure>
  );
}

export function HBars({
  title,
  data,
  label,
}: {
  title: string;
  data: { key: string; count: number }[];
  label(k: string): string;
}) {
  const max = Math.max(1, ...data.map((d) => d.count));
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <ul className="hbars">
        {data.slice(0, 12).map((d) => (
          <li key={d.key}>
            <span className="hbar-label">{label(d.key)}</span>
            <span className="hbar" style={{ width: `${(d.count / max) * 60}%` }} />
            <span className="hbar-n">{d.count}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

export function Pager({
  total,
  offset,
  limit,
  onPage,
}: {
  total: number;
  offset: number;
  limit: number;
  onPage(o: number): void;
}) {
  const { t } = useTranslation();
  return (
    <nav className="pager" aria-label={t('common.pages')}>
      <button type="button" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - limit))}>
        {t('common.previous')}
      </button>
      <span>
        {t('common.range', { from: total ? offset + 1 : 0, to: Math.min(total, offset + limit), total })}
      </span>
      <button type="button" disabled={offset + limit >= total} onClick={() => onPage(offset + limit)}>
        {t('common.next')}
      </button>
    </nav>
  );
}

/** The options of a select over a controlled vocabulary, labelled in the current language. */
export function VocabOptions({ vocab, id }: { vocab: ReturnType<typeof useVocab>; id: string }) {
  return (
    <>
      {vocab.terms(id).map((x) => (
        <option key={x.code} value={x.code}>
          {vocab.label(id, x.code)}
        </option>
      ))}
    </>
  );
}
