/**
 * Panel review: threaded comments on any finding, each expert's opinion (agree / disagree /
 * abstain — a dissent states its reasons and is kept), and sign-off: the expert's own Ed25519
 * private key (a PEM file that never leaves the browser) signs the SHA-256 of the frozen report.
 */
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { get, post } from '../api';
import { useLaw } from '../law';
import { can, useSession } from '../session';
import { ErrorBox, Field, Loading, Page, Table, useLoad } from '../ui';

interface Member {
  username: string;
  name: string;
  role: string;
}
interface PanelState {
  panel: { name: string; members: Member[]; requiredSignatures: number } | null;
  fingerprints: Record<string, string>;
  contentSha256: string;
  currentVersion: { id: string; number: number } | null;
  signatures: { member: string; name: string; signedAt: string; fingerprint: string; valid: boolean }[];
  opinions: { id: string; target: string; member: string; position: string; reasons?: string }[];
  comments: {
    id: string;
    target: string;
    parentId?: string;
    author: string;
    text: string;
    createdAt: string;
  }[];
  voidSignatures: number;
}

const TARGETS = [
  'CTX.attack',
  'CTX.civilian',
  'CTX.widespread-systematic',
  'CTX.policy',
  'CAH.7-1-a',
  'CAH.7-1-e',
  'CAH.7-1-f',
  'CAH.7-1-g-6',
  'CAH.7-1-h',
  'CAH.7-1-i',
  'CAH.7-1-k',
  'section:gravity',
  'section:jurisdiction',
];

async function signWithPem(pem: string, message: string): Promise<string> {
  const b64 = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  const der = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const key = await crypto.subtle.importKey('pkcs8', der, { name: 'Ed25519' }, false, ['sign']);
  const sig = new Uint8Array(await crypto.subtle.sign('Ed25519', key, new TextEncoder().encode(message)));
  return btoa(String.fromCharCode(...sig));
}

export function PanelView() {
  const { t } = useTranslation();
  const law = useLaw();
  const { caseId } = useParams();
  const { me } = useSession();
  const st = useLoad(() => get<PanelState>(`/api/cases/${caseId}/panel`), [caseId]);
  const [target, setTarget] = useState(TARGETS[3]!);
  const [text, setText] = useState('');
  const [replyTo, setReplyTo] = useState<string>();
  const [position, setPosition] = useState('agree');
  const [reasons, setReasons] = useState('');
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const reviewer = can(me, caseId, 'review');
  const label = (id: string) =>
    id.startsWith('section:')
      ? t(`panel.section.${id.slice(8)}`)
      : id.startsWith('CTX.')
        ? law.element(id)
        : law.crime(id);
  const thread = useMemo(
    () => (st.data?.comments ?? []).filter((c) => c.target === target),
    [st.data, target],
  );

  const act = async (fn: () => Promise<unknown>, done: string) => {
    setError(undefined);
    try {
      await fn();
      setNotice(done);
      st.reload();
    } catch (e) {
      setError(e);
    }
  };
  const comment = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      await post(`/api/cases/${caseId}/panel/comments`, {
        target,
        text,
        ...(replyTo ? { parentId: replyTo } : {}),
      });
      setText('');
      setReplyTo(undefined);
    }, t('panel.commented'));
  };
  const opine = (e: FormEvent) => {
    e.preventDefault();
    void act(
      () =>
        post(`/api/cases/${caseId}/panel/opinions`, { target, position, ...(reasons ? { reasons } : {}) }),
      t('panel.opined'),
    );
  };
  const sign = async (file: File | undefined) => {
    if (!file) return;
    await act(async () => {
      const v = await post<{ version: { id: string }; contentSha256: string }>(
        `/api/cases/${caseId}/panel/versions`,
      );
      const signature = await signWithPem(await file.text(), v.contentSha256);
      await post(`/api/cases/${caseId}/panel/signatures`, { versionId: v.version.id, signature });
    }, t('panel.signed'));
  };

  if (st.error) return <ErrorBox error={st.error} />;
  if (!st.data) return <Loading />;
  const d = st.data;
  const valid = d.signatures.filter((s) => s.valid).length;
  return (
    <Page title={t('panel.title')}>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorBox error={error} />
      {!d.panel ? (
        <p>{t('panel.none')}</p>
      ) : (
        <>
          <h2>{d.panel.name}</h2>
          <Table
            head={[t('panel.member'), t('panel.role'), t('panel.key')]}
            rows={d.panel.members.map((m) => [
              m.name,
              t(`panel.roles.${m.role}`),
              <code key="k">{d.fingerprints[m.username]?.slice(0, 16) ?? '—'}</code>,
            ])}
          />
          <h2>{t('panel.version')}</h2>
          <p>
            {t('panel.versionLine', {
              n: d.currentVersion?.number ?? '—',
              valid,
              required: d.panel.requiredSignatures,
            })}{' '}
            <code data-testid="content-hash">{d.contentSha256}</code>
          </p>
          {d.voidSignatures > 0 && (
            <p className="small muted">{t('panel.void', { count: d.voidSignatures, n: d.voidSignatures })}</p>
          )}
          <Table
            head={[t('panel.member'), t('panel.signedAt'), t('panel.key'), t('panel.valid')]}
            rows={d.signatures.map((s) => [
              s.name,
              s.signedAt,
              <code key="f">{s.fingerprint.slice(0, 16)}</code>,
              s.valid ? t('common.yes') : t('common.no'),
            ])}
          />
          {reviewer && (
            <Field label={t('panel.signWith')} hint={t('panel.signHint')}>
              <input
                type="file"
                name="key"
                accept=".pem,.key,text/plain"
                onChange={(e) => void sign(e.target.files?.[0])}
              />
            </Field>
          )}
        </>
      )}
      <h2>{t('panel.findings')}</h2>
      <Field label={t('panel.target')}>
        <select name="target" value={target} onChange={(e) => setTarget(e.target.value)}>
          {TARGETS.map((x) => (
            <option key={x} value={x}>
              {label(x)}
            </option>
          ))}
        </select>
      </Field>
      <h3>{t('panel.opinions')}</h3>
      <ul>
        {d.opinions
          .filter((o) => o.target === target)
          .map((o) => (
            <li key={o.id} className={o.position === 'disagree' ? 'dissent' : ''}>
              <strong>{d.panel?.members.find((m) => m.username === o.member)?.name ?? o.member}</strong>:{' '}
              {t(`panel.positions.${o.position}`)}
              {o.reasons ? ` — ${o.reasons}` : ''}
            </li>
          ))}
      </ul>
      {reviewer && (
        <form onSubmit={opine} className="card" aria-label={t('panel.giveOpinion')}>
          <fieldset>
            <legend>{t('panel.giveOpinion')}</legend>
            {['agree', 'disagree', 'abstain'].map((p) => (
              <label key={p} className="inline">
                <input
                  type="radio"
                  name="position"
                  value={p}
                  checked={position === p}
                  onChange={() => setPosition(p)}
                />{' '}
                {t(`panel.positions.${p}`)}
              </label>
            ))}
          </fieldset>
          <Field label={t('panel.reasons')}>
            <textarea
              name="reasons"
              rows={3}
              value={reasons}
              onChange={(e) => setReasons(e.target.value)}
              required={position === 'disagree'}
            />
          </Field>
          <button type="submit" className="primary">
            {t('panel.saveOpinion')}
          </button>
        </form>
      )}
      <h3>{t('panel.comments')}</h3>
      <ol className="thread">
        {thread
          .filter((c) => !c.parentId)
          .map((c) => (
            <li key={c.id}>
              <p>
                <strong>{c.author}</strong> <span className="small muted">{c.createdAt.slice(0, 16)}</span>
              </p>
              <p>{c.text}</p>
              {reviewer && (
                <button type="button" className="linklike" onClick={() => setReplyTo(c.id)}>
                  {t('panel.reply')}
                </button>
              )}
              <ol>
                {thread
                  .filter((r) => r.parentId === c.id)
                  .map((r) => (
                    <li key={r.id}>
                      <strong>{r.author}</strong>: {r.text}
                    </li>
                  ))}
              </ol>
            </li>
          ))}
      </ol>
      {reviewer && (
        <form onSubmit={comment} className="card" aria-label={t('panel.comment')}>
          {replyTo && <p className="small">{t('panel.replying')}</p>}
          <Field label={t('panel.comment')}>
            <textarea
              name="comment"
              rows={3}
              value={text}
              onChange={(e) => setText(e.target.value)}
              required
            />
          </Field>
          <button type="submit" className="primary">
            {t('panel.send')}
          </button>
        </form>
      )}
    </Page>
  );
}
