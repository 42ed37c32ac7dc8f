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
  /** The caller's signatures a content change voided, until acknowledged. */
  voidNotices: { id: string; voidedVersion: number; newVersion: number; at: string }[];
}
/** A frozen version waiting for the member's confirmation (nothing is read or signed yet). */
interface ToSign {
  version: { id: string; number: number };
  contentSha256: string;
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
  // No position is preselected: the member chooses one.
  const [position, setPosition] = useState('');
  const [toSign, setToSign] = useState<ToSign>();
  const [keyFile, setKeyFile] = useState<File>();
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
      setNotice(done || undefined);
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
  // First step: freeze the content and show what would be signed; nothing is read yet.
  const review = () =>
    act(async () => {
      setToSign(await post<ToSign>(`/api/cases/${caseId}/panel/versions`));
      setKeyFile(undefined);
      setNotice(undefined);
    }, '');
  // Second step, only after the member confirms: the key file is read here, signs that exact hash.
  const sign = async (e: FormEvent) => {
    e.preventDefault();
    if (!toSign || !keyFile) return;
    await act(async () => {
      const signature = await signWithPem(await keyFile.text(), toSign.contentSha256);
      await post(`/api/cases/${caseId}/panel/signatures`, { versionId: toSign.version.id, signature });
      setToSign(undefined);
      setKeyFile(undefined);
    }, t('panel.signed'));
  };
  const acknowledge = () => act(() => post(`/api/cases/${caseId}/panel/notices/seen`), '');

  if (st.error) return <ErrorBox error={st.error} />;
  if (!st.data) return <Loading />;
  const d = st.data;
  const mine = d.opinions.filter((o) => o.member === me?.user.username);
  const valid = d.signatures.filter((s) => s.valid).length;
  return (
    <Page title={t('panel.title')}>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorBox error={error} />
      {d.voidNotices.length > 0 && (
        <div className="notice warn" role="alert" data-testid="void-notice">
          {d.voidNotices.map((n) => (
            <p key={n.id}>{t('panelSign.voided', { from: n.voidedVersion, to: n.newVersion })}</p>
          ))}
          <button type="button" onClick={() => void acknowledge()}>
            {t('panelSign.acknowledge')}
          </button>
        </div>
      )}
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
          {reviewer && !toSign && (
            <button type="button" className="primary" onClick={() => void review()}>
              {t('panelSign.review')}
            </button>
          )}
          {reviewer && toSign && (
            <form onSubmit={sign} className="card" aria-labelledby="sign-title" data-testid="sign-confirm">
              <h3 id="sign-title">{t('panelSign.title')}</h3>
              <p>{t('panelSign.version', { n: toSign.version.number })}</p>
              <p className="small">{t('panelSign.hash')}</p>
              <p>
                <code data-testid="sign-hash" className="hash">
                  {toSign.contentSha256}
                </code>
              </p>
              <h4>{t('panelSign.mine')}</h4>
              {mine.length === 0 ? (
                <p className="muted">{t('panelSign.noOpinions')}</p>
              ) : (
                <ul data-testid="sign-opinions">
                  {mine.map((o) => (
                    <li key={o.id}>
                      {label(o.target)}: {t(`panel.positions.${o.position}`)}
                    </li>
                  ))}
                </ul>
              )}
              <Field label={t('panel.signWith')} hint={`${t('panel.signHint')} ${t('panelSign.keyAfter')}`}>
                <input
                  type="file"
                  name="key"
                  accept=".pem,.key,text/plain"
                  onChange={(e) => setKeyFile(e.target.files?.[0])}
                  required
                />
              </Field>
              <div className="wizard-nav">
                <button type="submit" className="primary" disabled={!keyFile}>
                  {t('panelSign.confirm')}
                </button>
                <button type="button" onClick={() => setToSign(undefined)}>
                  {t('common.cancel')}
                </button>
              </div>
            </form>
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
                  required
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
          {!position && <p className="small muted">{t('panelSign.choose')}</p>}
          <button type="submit" className="primary" disabled={!position}>
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
