/**
 * A PDF shown in the page with PDF.js (bundled; its worker is one of the app's own assets, so
 * nothing leaves the server and the CSP stays 'self'). Pages are drawn on canvases one after the
 * other; each page's text is offered beside it for screen readers and copying. Scripts in the PDF
 * never run (PDF.js has no JavaScript engine for them, and eval is off).
 */
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

GlobalWorkerOptions.workerSrc = workerUrl;

const MAX_PAGES = 50;

function PdfPage({ doc, n }: { doc: PDFDocumentProxy; n: number }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [text, setText] = useState('');
  useEffect(() => {
    let live = true;
    let task: { cancel(): void } | undefined;
    void doc.getPage(n).then(async (page) => {
      const el = canvas.current;
      if (!live || !el) return;
      const width = Math.min(el.parentElement?.clientWidth || 800, 900);
      const base = page.getViewport({ scale: 1 });
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: (width / base.width) * ratio });
      el.width = Math.floor(viewport.width);
      el.height = Math.floor(viewport.height);
      el.style.width = `${Math.floor(viewport.width / ratio)}px`;
      const render = page.render({ canvas: el, viewport });
      task = render;
      await render.promise.catch(() => undefined);
      const content = await page.getTextContent();
      if (live)
        setText(
          content.items
            .map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : ' ') : ''))
            .join('')
            .trim(),
        );
    });
    return () => {
      live = false;
      task?.cancel();
    };
  }, [doc, n]);
  return (
    <figure className="pdf-page" data-testid="pdf-page">
      <canvas ref={canvas} role="img" aria-label={t('viewer.pdfPage', { n, total: doc.numPages })} />
      <figcaption className="small muted">{t('viewer.pdfPage', { n, total: doc.numPages })}</figcaption>
      {text && (
        <details>
          <summary>{t('viewer.pdfText')}</summary>
          <pre className="doc-text">{text}</pre>
        </details>
      )}
    </figure>
  );
}

export default function PdfView({ data }: { data: ArrayBuffer }) {
  const { t } = useTranslation();
  const [doc, setDoc] = useState<PDFDocumentProxy>();
  const [error, setError] = useState(false);
  useEffect(() => {
    // PDF.js takes the buffer over (it moves to the worker): give it a copy.
    const task = getDocument({ data: new Uint8Array(data.slice(0)), isEvalSupported: false });
    task.promise.then(setDoc, () => setError(true));
    return () => {
      void task.destroy();
    };
  }, [data]);
  if (error)
    return (
      <p className="error" role="alert">
        {t('viewer.pdfError')}
      </p>
    );
  if (!doc) return <p className="muted">{t('common.loading')}</p>;
  const pages = Math.min(doc.numPages, MAX_PAGES);
  return (
    <div className="pdf" data-testid="pdf" data-pages={doc.numPages}>
      {Array.from({ length: pages }, (_, i) => i + 1).map((n) => (
        <PdfPage key={n} doc={doc} n={n} />
      ))}
      {doc.numPages > pages && <p className="muted">{t('viewer.pdfMore', { n: doc.numPages - pages })}</p>}
    </div>
  );
}
