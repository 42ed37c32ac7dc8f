/**
 * Evidence: upload (the SHA-256 is computed in the browser before sending and compared with the
 * one the server computed on arrival), the list, and each item's page: the file in the page
 * (evidence-viewer.tsx), what it supports (evidence-links.tsx) and its chain of custody
 * (custody.tsx).
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, get, sha256Hex } from '../api';
import { formatBytes, formatTime } from '../format';
import { type R, useRecord, useRecords } from '../records';
import { can, useSession } from '../session';
import { ErrorBox, Field, Loading, Page, Pager, Table, useLoad, VocabOptions } from '../ui';
import { useVocab } from '../vocab';
import { AddCustody, type CustodyEntry, CustodyTimeline } from './custody';
import { EvidenceLinks, EvidenceTestimonies } from './evidence-links';
import { EvidenceViewer } from './evidence-viewer';

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
  const { t, i18n } = useTranslation();
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
            head={[t('evidence.titleField'), t('evidence.kind'), t('evidence.size'), 'SHA-256']}
            rows={list.data.items.map((e) => [
              <Link key={e.id} to={`/c/${caseId}/evidence/${e.id}`}>
                {e.withheld ? t('common.withheld') : (e.title as string)}
              </Link>,
              vocab.label('evidence_kind', e.kind as string),
              formatBytes(Number(e.size), i18n.language),
              <code key="h">{String(e.sha256).slice(0, 16)}…</code>,
            ])}
          />
          <Pager total={list.data.total} offset={list.offset} limit={list.limit} onPage={list.setOffset} />
        </>
      )}
    </Page>
  );
}

export function EvidenceDetail() {
  const { t, i18n } = useTranslation();
  const { caseId, id } = useParams();
  const { me } = useSession();
  const vocab = useVocab();
  const e = useRecord(caseId, 'evidence', id);
  const custody = useLoad(
    () => get<{ items: CustodyEntry[] }>(`/api/cases/${caseId}/evidence/${id}/custody`),
    [caseId, id],
  );
  if (e.error) return <ErrorBox error={e.error} />;
  if (!e.data || !caseId) return <Loading />;
  const d = e.data;
  const acq = (d.acquisition ?? {}) as { by?: string; at?: string; method?: string };
  const mayWrite = can(me, caseId, 'write');
  return (
    <Page title={d.withheld ? t('common.withheld') : (d.title as string)}>
      <dl className="facts">
        <dt>SHA-256</dt>
        <dd>
          <code data-testid="sha256" className="wrap">
            {d.sha256 as string}
          </code>
        </dd>
        <dt>{t('evidence.kind')}</dt>
        <dd>{vocab.label('evidence_kind', d.kind as string)}</dd>
        <dt>{t('viewer.mediaType')}</dt>
        <dd>{String(d.mediaType ?? '—')}</dd>
        <dt>{t('evidence.size')}</dt>
        <dd data-testid="size" title={`${String(d.size)} B`}>
          {formatBytes(Number(d.size), i18n.language)}
        </dd>
        <dt>{t('viewer.acquired')}</dt>
        <dd>
          <time dateTime={acq.at} title={acq.at}>
            {formatTime(acq.at, i18n.language)}
          </time>
        </dd>
        <dt>{t('intake.consent')}</dt>
        <dd>{vocab.label('consent_scope', d.consent as string)}</dd>
        <dt>{t('intake.protection')}</dt>
        <dd>{vocab.label('protection_level', d.protection as string)}</dd>
      </dl>
      {!d.withheld && <EvidenceViewer caseId={caseId} e={d} onAccessed={custody.reload} />}
      {!d.withheld && <EvidenceLinks caseId={caseId} e={d} canEdit={mayWrite} onChanged={e.reload} />}
      {!d.withheld && <EvidenceTestimonies caseId={caseId} evidenceId={d.id} canEdit={mayWrite} />}
      <h2>{t('evidence.custody')}</h2>
      <ErrorBox error={custody.error} />
      <CustodyTimeline entries={custody.data?.items} />
      {mayWrite && !d.withheld && <AddCustody caseId={caseId} evidenceId={d.id} onAdded={custody.reload} />}
    </Page>
  );
}
