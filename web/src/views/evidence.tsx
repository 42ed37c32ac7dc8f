/**
 * Evidence: upload (the SHA-256 is computed in the browser before sending and compared with the
 * one the server computed on arrival), the list, and each item's custody history. Graphic images
 * and video are shown blurred and muted until the viewer chooses to see them.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, get, sha256Hex } from '../api';
import { type R, useRecord, useRecords } from '../records';
import { can, useSession } from '../session';
import { ErrorBox, Field, Loading, Page, Pager, Table, useLoad, VocabOptions } from '../ui';
import { useVocab } from '../vocab';

function Upload({ onDone }: { onDone(id: string): void }) {
  const { t } = useTranslation();
  const { caseId } = useParams();
  const vocab = useVocab();
  const [file, setFile] = useState<File>();
  const [local, setLocal] = useState<string>();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState('document');
  const [consent, setConsent] = useState('internal');
  const [protection, setProtection] = useState('restricted');
  const [graphic, setGraphic] = useState(false);
  const [result, setResult] = useState<{ id: string; sha256: string }>();
  const [error, setError] = useState<unknown>();
  const pick = async (f: File | undefined) => {
    setFile(f);
    setResult(undefined);
    setLocal(f ? await sha256Hex(await f.arrayBuffer()) : undefined);
    if (f && !title) setTitle(f.name);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setError(undefined);
    const form = new FormData();
    form.append('file', file);
    form.append(
      'meta',
      JSON.stringify({ title, kind, consent, protection, graphic, mediaType: file.type || undefined }),
    );
    try {
      const r = await api<R>('POST', `/api/cases/${caseId}/evidence`, undefined, { form });
      setResult({ id: r.id, sha256: r.sha256 as string });
      onDone(r.id);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form onSubmit={submit} className="card" aria-label={t('evidence.upload')}>
      <h2>{t('evidence.upload')}</h2>
      <Field label={t('evidence.file')}>
        <input type="file" name="file" onChange={(e) => void pick(e.target.files?.[0])} required />
      </Field>
      {local && (
        <p className="small">
          {t('evidence.localHash')}: <code data-testid="local-sha256">{local}</code>
        </p>
      )}
      <Field label={t('evidence.titleField')}>
        <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} required />
      </Field>
      <Field label={t('evidence.kind')}>
        <select name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          <VocabOptions vocab={vocab} id="evidence_kind" />
        </select>
      </Field>
      <Field label={t('intake.consent')}>
        <select name="consent" value={consent} onChange={(e) => setConsent(e.target.value)}>
          <VocabOptions vocab={vocab} id="consent_scope" />
        </select>
      </Field>
      <Field label={t('intake.protection')}>
        <select name="protection" value={protection} onChange={(e) => setProtection(e.target.value)}>
          <VocabOptions vocab={vocab} id="protection_level" />
        </select>
      </Field>
      <label className="check">
        <input
          type="checkbox"
          name="graphic"
          checked={graphic}
          onChange={(e) => setGraphic(e.target.checked)}
        />{' '}
        {t('evidence.graphic')}
      </label>
      <ErrorBox error={error} />
      <button type="submit" className="primary" disabled={!file}>
        {t('evidence.send')}
      </button>
      {result && (
        <p className={result.sha256 === local ? 'notice' : 'error'} role="status" data-testid="upload-result">
          {result.sha256 === local ? t('evidence.hashMatch') : t('evidence.hashMismatch')}{' '}
          <code>{result.sha256}</code>
        </p>
      )}
    </form>
  );
}

export function EvidenceList() {
  const { t } = useTranslation();
  const { caseId } = useParams();
  const { me } = useSession();
  const vocab = useVocab();
  const list = useRecords(caseId, 'evidence');
  return (
    <Page title={t('evidence.title')}>
      {can(me, caseId, 'write') && <Upload onDone={() => list.reload()} />}
      <ErrorBox error={list.error} />
      {!list.data ? (
        <Loading />
      ) : (
        <>
          <Table
            head={[t('evidence.titleField'), t('evidence.kind'), 'SHA-256']}
            rows={list.data.items.map((e) => [
              <Link key={e.id} to={`/c/${caseId}/evidence/${e.id}`}>
                {e.withheld ? t('common.withheld') : (e.title as string)}
              </Link>,
              vocab.label('evidence_kind', e.kind as string),
              <code key="h">{String(e.sha256).slice(0, 16)}…</code>,
            ])}
          />
          <Pager total={list.data.total} offset={list.offset} limit={list.limit} onPage={list.setOffset} />
        </>
      )}
    </Page>
  );
}

/** Images and video: blurred and muted until the viewer asks to see them (graphic material). */
function Preview({ caseId, e }: { caseId: string; e: R }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(!e.graphic);
  const [url, setUrl] = useState<string>();
  const type = String(e.mediaType);
  if (!type.startsWith('image/') && !type.startsWith('video/')) return null;
  const load = async () => {
    const res = await api<Response>('GET', `/api/cases/${caseId}/evidence/${e.id}/content`, undefined, {
      raw: true,
    });
    setUrl(URL.createObjectURL(await res.blob()));
  };
  return (
    <div className="preview">
      {!url ? (
        <button type="button" onClick={() => void load()}>
          {t('evidence.preview')}
        </button>
      ) : (
        <div className={shown ? '' : 'blurred'} data-testid="preview">
          {type.startsWith('image/') ? (
            <img src={url} alt={t('evidence.previewAlt')} />
          ) : (
            <video src={url} muted controls={shown} />
          )}
        </div>
      )}
      {url && !shown && (
        <button type="button" onClick={() => setShown(true)}>
          {t('evidence.showGraphic')}
        </button>
      )}
      {e.graphic ? <p className="small muted">{t('evidence.graphicNotice')}</p> : null}
    </div>
  );
}

export function EvidenceDetail() {
  const { t } = useTranslation();
  const { caseId, id } = useParams();
  const vocab = useVocab();
  const e = useRecord(caseId, 'evidence', id);
  const custody = useLoad(() => get<R[]>(`/api/cases/${caseId}/evidence/${id}/custody`), [caseId, id]);
  if (e.error) return <ErrorBox error={e.error} />;
  if (!e.data) return <Loading />;
  const d = e.data;
  const entries = Array.isArray(custody.data)
    ? custody.data
    : ((custody.data as unknown as { items?: R[] })?.items ?? []);
  return (
    <Page title={d.withheld ? t('common.withheld') : (d.title as string)}>
      <dl className="facts">
        <dt>SHA-256</dt>
        <dd>
          <code data-testid="sha256">{d.sha256 as string}</code>
        </dd>
        <dt>{t('evidence.kind')}</dt>
        <dd>{vocab.label('evidence_kind', d.kind as string)}</dd>
        <dt>{t('evidence.size')}</dt>
        <dd>{String(d.size)}</dd>
        <dt>{t('intake.consent')}</dt>
        <dd>{vocab.label('consent_scope', d.consent as string)}</dd>
      </dl>
      {!d.withheld && caseId && <Preview caseId={caseId} e={d} />}
      <h2>{t('evidence.custody')}</h2>
      <ErrorBox error={custody.error} />
      <Table
        head={[t('evidence.when'), t('evidence.action'), t('evidence.actor'), 'SHA-256']}
        rows={entries.map((c) => [
          String(c.at),
          vocab.label('custody_action', c.action as string),
          String(c.actor),
          <code key="h">{String(c.sha256 ?? '').slice(0, 16)}</code>,
        ])}
      />
    </Page>
  );
}
