/**
 * An evidence file in the page: PDF, image, audio, video, text and web captures. The file is
 * fetched only when the reader asks (each opening is a custody entry "accessed"), verified by the
 * server against its SHA-256 before a byte is sent, and kept in this tab only. Graphic material
 * stays blurred and silent until the reader chooses to see it.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, get } from '../api';
import { formatTime } from '../format';
import type { R } from '../records';
import { ErrorBox, Loading } from '../ui';
import './viewer.css';

const PdfView = lazy(() => import('./pdf-view'));

export type Media = 'pdf' | 'image' | 'audio' | 'video' | 'text' | 'capture' | 'other';

export function mediaOf(e: R): Media {
  const type = String(e.mediaType ?? '').toLowerCase();
  if (e.kind === 'web_capture' || type === 'application/warc') return 'capture';
  if (type === 'application/pdf') return 'pdf';
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('audio/')) return 'audio';
  if (type.startsWith('video/')) return 'video';
  if (type.startsWith('text/') || /^application\/(json|xml|csv)/.test(type)) return 'text';
  return 'other';
}

interface Loaded {
  url: string;
  bytes: ArrayBuffer;
}

/** The bytes, as the server verified them; the blob URL is freed when the view goes away. */
function useContent(caseId: string, e: R, onAccessed: () => void) {
  const [loaded, setLoaded] = useState<Loaded>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  useEffect(() => () => loaded && URL.revokeObjectURL(loaded.url), [loaded]);
  const load = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const res = await api<Response>('GET', `/api/cases/${caseId}/evidence/${e.id}/content`, undefined, {
        raw: true,
      });
      const bytes = await res.arrayBuffer();
      const blob = new Blob([bytes], { type: String(e.mediaType || 'application/octet-stream') });
      setLoaded({ url: URL.createObjectURL(blob), bytes });
      onAccessed();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { loaded, error, busy, load };
}

function TextView({ bytes }: { bytes: ArrayBuffer }) {
  const text = new TextDecoder('utf-8').decode(bytes);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a long text scrolls with the keyboard
    <pre className="doc-text" data-testid="text-view" tabIndex={0}>
      {text}
    </pre>
  );
}

interface Item {
  id: string;
  itemType?: string;
  title?: string;
  outlet?: string;
  author?: string;
  url?: string;
  text?: string;
  depth?: number;
  withheld?: boolean;
}

/** A web capture: where and when it was collected, the archived text and the reader comments. */
function CaptureView({ caseId, e }: { caseId: string; e: R }) {
  const { t, i18n } = useTranslation();
  const items = useLoadItems(caseId, e.id);
  const acq = (e.acquisition ?? {}) as { from?: string; at?: string; tool?: string; method?: string };
  const article = items.data?.find((i) => i.itemType !== 'comment');
  const comments = items.data?.filter((i) => i.itemType === 'comment') ?? [];
  return (
    <div className="capture" data-testid="capture-view">
      <dl className="facts">
        <dt>{t('viewer.sourceUrl')}</dt>
        <dd>
          <code className="wrap">{acq.from ?? '—'}</code>
        </dd>
        <dt>{t('viewer.capturedAt')}</dt>
        <dd>
          <time dateTime={acq.at} title={acq.at}>
            {formatTime(acq.at, i18n.language)}
          </time>
        </dd>
        <dt>{t('viewer.method')}</dt>
        <dd>{acq.method ?? '—'}</dd>
        <dt>{t('viewer.tool')}</dt>
        <dd>{acq.tool ?? '—'}</dd>
        {article?.outlet && (
          <>
            <dt>{t('viewer.outlet')}</dt>
            <dd>{article.outlet}</dd>
          </>
        )}
        {article?.author && (
          <>
            <dt>{t('viewer.author')}</dt>
            <dd>{article.author}</dd>
          </>
        )}
      </dl>
      <ErrorBox error={items.error} />
      {!items.data ? (
        <Loading />
      ) : (
        <>
          {article && (
            <p>
              <Link to={`/c/${caseId}/capture/${article.id}`}>{t('viewer.openCapture')}</Link>
            </p>
          )}
          <h3>{t('viewer.archivedText')}</h3>
          {article ? (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a long text scrolls with the keyboard
            <div className="doc-text" data-testid="capture-text" tabIndex={0}>
              {article.withheld ? t('common.withheld') : article.text}
            </div>
          ) : (
            <p className="muted">{t('viewer.noText')}</p>
          )}
          <h3>{t('viewer.comments', { n: comments.length })}</h3>
          <ul className="thread">
            {comments.map((c) => (
              <li key={c.id} style={{ marginInlineStart: `${Math.min(c.depth ?? 0, 6)}rem` }}>
                <strong>{c.author ?? t('viewer.anonymous')}</strong>:{' '}
                {c.withheld ? t('common.withheld') : c.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function useLoadItems(caseId: string, evidenceId: string) {
  const [data, setData] = useState<Item[]>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    get<{ items: Item[] }>(
      `/api/cases/${caseId}/records/information-items?evidenceId=${encodeURIComponent(evidenceId)}&limit=500&sort=created`,
    ).then(
      (r) => setData(r.items),
      (err: unknown) => setError(err),
    );
  }, [caseId, evidenceId]);
  return { data, error };
}

export function EvidenceViewer({ caseId, e, onAccessed }: { caseId: string; e: R; onAccessed(): void }) {
  const { t } = useTranslation();
  const media = mediaOf(e);
  const graphic = Boolean(e.graphic);
  const [shown, setShown] = useState(!graphic);
  const content = useContent(caseId, e, onAccessed);
  const { loaded } = content;
  const fileName = String(e.fileName ?? `${e.id}`);
  return (
    <section className="viewer card" aria-label={t('viewer.title')} data-media={media}>
      <h2>{t('viewer.title')}</h2>
      {media === 'capture' && <CaptureView caseId={caseId} e={e} />}
      {graphic && <p className="small muted">{t('evidence.graphicNotice')}</p>}
      {!loaded ? (
        <p>
          <button type="button" onClick={() => void content.load()} disabled={content.busy}>
            {media === 'capture' ? t('viewer.openWarc') : t('viewer.open')}
          </button>{' '}
          <span className="small muted">{t('viewer.openNote')}</span>
        </p>
      ) : (
        <>
          <div className={shown ? 'media' : 'media blurred'} data-testid="preview" aria-hidden={!shown}>
            {media === 'image' && <img src={loaded.url} alt={String(e.title ?? t('evidence.previewAlt'))} />}
            {media === 'video' && (
              <video src={loaded.url} muted={!shown} controls={shown} data-testid="video" />
            )}
            {media === 'audio' && shown && (
              // biome-ignore lint/a11y/useMediaCaption: evidence recordings have no caption track
              <audio src={loaded.url} controls data-testid="audio" />
            )}
            {media === 'pdf' &&
              (shown ? (
                <Suspense fallback={<Loading />}>
                  <PdfView data={loaded.bytes} />
                </Suspense>
              ) : (
                <p>{t('viewer.hiddenUntilShown')}</p>
              ))}
            {media === 'text' && <TextView bytes={loaded.bytes} />}
            {media === 'other' && <p className="muted">{t('viewer.noPreview')}</p>}
          </div>
          {!shown && (
            <button type="button" onClick={() => setShown(true)}>
              {t('evidence.showGraphic')}
            </button>
          )}
          <p>
            <a href={loaded.url} download={fileName} className="button" data-testid="download">
              {media === 'capture' ? t('viewer.downloadWarc') : t('viewer.download')}
            </a>{' '}
            <span className="small muted">{t('viewer.verified')}</span>
          </p>
        </>
      )}
      <ErrorBox error={content.error} />
    </section>
  );
}
