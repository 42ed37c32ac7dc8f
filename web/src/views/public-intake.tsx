/**
 * The public form: anyone may tell what happened, optionally anonymously. Nothing is shown
 * publicly; submissions wait in quarantine for the documenters. Abuse is filtered without any
 * third-party service: a field people never see (bots fill it), a proof-of-work the browser
 * computes, rate limits and a classifier on the server.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { get, post } from '../api';
import { LanguageSwitch } from '../app';
import { ErrorBox, Field, Loading } from '../ui';

/** Finds a nonce so that SHA-256(challenge:nonce) starts with `bits` zero bits. */
async function solve(challenge: string, bits: number, progress: (n: number) => void): Promise<string> {
  const enc = new TextEncoder();
  for (let n = 0; ; n++) {
    const d = new Uint8Array(await crypto.subtle.digest('SHA-256', enc.encode(`${challenge}:${n}`)));
    let zeros = 0;
    for (const byte of d) {
      if (byte === 0) {
        zeros += 8;
        continue;
      }
      zeros += Math.clz32(byte) - 24;
      break;
    }
    if (zeros >= bits) return String(n);
    if (n % 2000 === 0) progress(n);
  }
}

export function PublicIntake() {
  const { t, i18n } = useTranslation();
  const { caseId } = useParams();
  const [info, setInfo] = useState<{ title?: string; difficulty: number }>();
  const [error, setError] = useState<unknown>();
  const [f, setF] = useState({
    kind: 'testimony',
    text: '',
    when: '',
    where: '',
    anonymous: true,
    name: '',
    contact: '',
    consent: 'courts',
    website: '',
  });
  const [busy, setBusy] = useState<string>();
  const [receipt, setReceipt] = useState<string>();
  useEffect(() => {
    document.title = `${t('public.title')} — Testigo`;
    get<{ title?: string; difficulty: number }>(`/api/public/cases/${caseId}`).then(setInfo, setError);
  }, [caseId, t]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      setBusy(t('public.working'));
      const ch = await post<{ challenge: string; difficulty: number }>('/api/public/challenge', { caseId });
      const nonce = await solve(ch.challenge, ch.difficulty, (n) => setBusy(t('public.workingN', { n })));
      const r = await post<{ receipt: string }>(`/api/public/cases/${caseId}/submissions`, {
        challenge: ch.challenge,
        nonce,
        website: f.website,
        kind: f.kind,
        text: f.text,
        language: i18n.language === 'en' ? 'en' : 'es',
        anonymous: f.anonymous,
        ...(f.anonymous
          ? {}
          : { ...(f.name ? { name: f.name } : {}), ...(f.contact ? { contact: f.contact } : {}) }),
        ...(f.when ? { when: f.when } : {}),
        ...(f.where ? { where: f.where } : {}),
        consent: f.consent,
      });
      setReceipt(r.receipt);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <main className="public" id="main">
      <div className="signin-top">
        <span className="brand">Testigo</span>
        <LanguageSwitch />
      </div>
      <h1>{info?.title ?? t('public.title')}</h1>
      {!info && !error && <Loading />}
      {receipt ? (
        <div className="notice" role="status" data-testid="receipt">
          <p>{t('public.thanks')}</p>
          <p>
            {t('public.receipt')}: <strong>{receipt}</strong>
          </p>
        </div>
      ) : (
        info && (
          <form onSubmit={submit}>
            <p>{t('public.intro')}</p>
            <p className="small">{t('public.safety')}</p>
            <fieldset>
              <legend>{t('public.kind')}</legend>
              {['testimony', 'information'].map((k) => (
                <label key={k} className="inline">
                  <input
                    type="radio"
                    name="kind"
                    value={k}
                    checked={f.kind === k}
                    onChange={() => setF({ ...f, kind: k })}
                  />{' '}
                  {t(`public.kinds.${k}`)}
                </label>
              ))}
            </fieldset>
            <Field label={t('public.text')} hint={t('public.textHint')}>
              <textarea
                name="text"
                rows={10}
                minLength={20}
                value={f.text}
                onChange={(e) => setF({ ...f, text: e.target.value })}
                required
              />
            </Field>
            <Field label={t('public.when')}>
              <input name="when" value={f.when} onChange={(e) => setF({ ...f, when: e.target.value })} />
            </Field>
            <Field label={t('public.where')}>
              <input name="where" value={f.where} onChange={(e) => setF({ ...f, where: e.target.value })} />
            </Field>
            <Field label={t('intake.consent')}>
              <select
                name="consent"
                value={f.consent}
                onChange={(e) => setF({ ...f, consent: e.target.value })}
              >
                {['internal', 'courts', 'public'].map((c) => (
                  <option key={c} value={c}>
                    {t(`public.consent.${c}`)}
                  </option>
                ))}
              </select>
            </Field>
            <label className="check">
              <input
                type="checkbox"
                name="anonymous"
                checked={f.anonymous}
                onChange={(e) => setF({ ...f, anonymous: e.target.checked })}
              />{' '}
              {t('public.anonymous')}
            </label>
            {!f.anonymous && (
              <>
                <Field label={t('public.name')}>
                  <input name="name" value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} />
                </Field>
                <Field label={t('public.contact')} hint={t('public.contactHint')}>
                  <input
                    name="contact"
                    value={f.contact}
                    onChange={(e) => setF({ ...f, contact: e.target.value })}
                  />
                </Field>
              </>
            )}
            {/* People never see this field; automated senders fill it in. */}
            <div className="hp" aria-hidden="true">
              <label>
                Website
                <input
                  name="website"
                  tabIndex={-1}
                  autoComplete="off"
                  value={f.website}
                  onChange={(e) => setF({ ...f, website: e.target.value })}
                />
              </label>
            </div>
            <ErrorBox error={error} />
            <button type="submit" className="primary" disabled={Boolean(busy)}>
              {t('public.send')}
            </button>
            {busy && (
              <p className="small muted" role="status">
                {busy}
              </p>
            )}
          </form>
        )
      )}
      {error && !info ? <ErrorBox error={error} /> : null}
    </main>
  );
}
