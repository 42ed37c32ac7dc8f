/**
 * The account's own security: notices of changes, the password, two-step verification (turn on,
 * move to another app, turn off). Every change asks for the current password, and the code when
 * two-step verification is on; the server checks both (the browser only collects them).
 */
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { get, post } from '../api';
import { ConfirmDialog, type Pending } from '../confirm';
import { qrMatrix, qrPath, qrSide } from '../qr';
import { CodeField, PasswordField, secondStep } from '../secret-fields';
import { useSession } from '../session';
import { ErrorBox, Page, useLoad } from '../ui';

interface Notice {
  id: string;
  kind: '2fa-enabled' | '2fa-changed' | '2fa-disabled' | 'password-changed' | 'password-reset';
  at: string;
  seen: boolean;
}

export function SettingsView() {
  const { t } = useTranslation();
  const { me } = useSession();
  const first = me?.memberships[0]?.caseId;
  return (
    <Page
      title={t('settings.title')}
      actions={first ? <Link to={`/c/${first}`}>{t('settings.back')}</Link> : undefined}
    >
      <Notices />
      <PasswordChange />
      <TwoStep />
    </Page>
  );
}

function Notices() {
  const { t, i18n } = useTranslation();
  const notices = useLoad(() => get<{ items: Notice[] }>('/api/auth/notices'), []);
  const items = notices.data?.items ?? [];
  const unseen = items.filter((n) => !n.seen).length;
  return (
    <section aria-labelledby="notices-title">
      <h2 id="notices-title">{t('account.notices')}</h2>
      <ErrorBox error={notices.error} />
      {items.length === 0 ? (
        <p className="muted">{t('account.noNotices')}</p>
      ) : (
        <>
          {unseen > 0 && (
            <p className="notice" role="status">
              {t('account.unseen', { count: unseen })} {t('account.noticeHint')}
            </p>
          )}
          <ul data-testid="notices">
            {items.map((n) => (
              <li key={n.id} className={n.seen ? 'muted' : undefined}>
                <time dateTime={n.at}>
                  {new Date(n.at).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })}
                </time>{' '}
                — {t(`account.notice.${n.kind}`)}
              </li>
            ))}
          </ul>
          {unseen > 0 && (
            <button type="button" onClick={() => void post('/api/auth/notices/seen').then(notices.reload)}>
              {t('account.markSeen')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/**
 * What a new account (or one whose password an administrator reset, or one that must use two-step
 * verification) does first: the server refuses everything else until it is done.
 */
export function FirstSignIn() {
  const { t } = useTranslation();
  const { me, refresh } = useSession();
  const step = me?.required;
  // Sign-out and the language stay in the top bar around this page.
  return (
    <Page title={t('account.firstTitle')}>
      <p className="notice" role="status" data-testid="first-sign-in" data-step={step ?? ''}>
        {t(step === 'password_change_required' ? 'account.firstPassword' : 'account.firstTwoStep')}
      </p>
      {step === 'password_change_required' ? (
        <PasswordChange onDone={refresh} />
      ) : (
        <TwoStep onDone={refresh} />
      )}
    </Page>
  );
}

function PasswordChange({ onDone }: { onDone?: () => Promise<void> }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const forced = me?.required === 'password_change_required';
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const mismatch = again.length > 0 && next !== again;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (next !== again) return;
    setError(undefined);
    setDone(false);
    try {
      await post('/api/auth/password', { currentPassword: current, newPassword: next, ...secondStep(code) });
      setCurrent('');
      setNext('');
      setAgain('');
      setCode('');
      setDone(true);
      await onDone?.();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="password-title">
      <h2 id="password-title">{t('account.password')}</h2>
      <p className="small muted">{t('account.passwordIntro')}</p>
      <form onSubmit={submit} aria-labelledby="password-title">
        <PasswordField
          label={forced ? t('account.firstCurrent') : t('settings.currentPassword')}
          name="pw-current"
          value={current}
          onChange={setCurrent}
        />
        <PasswordField label={t('account.newPassword')} name="pw-new" value={next} onChange={setNext} isNew />
        <PasswordField
          label={t('account.repeatPassword')}
          name="pw-again"
          value={again}
          onChange={setAgain}
          isNew
        />
        {mismatch && (
          <p className="error" role="alert">
            {t('account.mismatch')}
          </p>
        )}
        {me?.user.totpEnabled && (
          <CodeField label={t('account.code')} name="pw-code" value={code} onChange={setCode} required />
        )}
        <ErrorBox error={error} />
        {done && (
          <p className="notice" role="status">
            {t('account.passwordChanged')}
          </p>
        )}
        <button type="submit" className="primary" disabled={mismatch}>
          {t('account.changePassword')}
        </button>
      </form>
    </section>
  );
}

/** A two-step form's buttons: its action (the form's submit), then a secondary one if any. */
function StepButtons({ action, children }: { action: string; children?: ReactNode }) {
  return (
    <div className="wizard-nav">
      <button type="submit" className="primary">
        {action}
      </button>
      {children}
    </div>
  );
}

/**
 * Turn on, move to another app, or turn off two-step verification. With `onDone` (forced enrolment)
 * it is called once the recovery codes were shown and the person says they kept them.
 */
function TwoStep({ onDone }: { onDone?: () => Promise<void> }) {
  const { t } = useTranslation();
  const { me, refresh } = useSession();
  const on = Boolean(me?.user.totpEnabled);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [secret, setSecret] = useState<{ secret: string; uri: string }>();
  const [confirmCode, setConfirmCode] = useState('');
  const [recovery, setRecovery] = useState<string[]>();
  const [error, setError] = useState<unknown>();
  const [status, setStatus] = useState<string>();
  const [pending, setPending] = useState<Pending>();
  const proof = () => ({ password, ...secondStep(code) });
  const attempt = async (fn: () => Promise<void>) => {
    setError(undefined);
    setStatus(undefined);
    try {
      await fn();
    } catch (err) {
      setError(err);
    }
  };
  const begin = (e: FormEvent) => {
    e.preventDefault();
    void attempt(async () => {
      // The new key stays pending (the old one keeps working) until a code from it is confirmed.
      setSecret(await post('/api/auth/2fa/begin', proof()));
      setPassword('');
      setCode('');
      setRecovery(undefined);
    });
  };
  const disable = () =>
    setPending({
      message: <p>{t('account.disableWarn')}</p>,
      run: () =>
        attempt(async () => {
          await post('/api/auth/2fa/disable', proof());
          setPassword('');
          setCode('');
          setStatus(t('account.disabled2fa'));
          await refresh();
        }),
    });
  return (
    <section aria-labelledby="twostep-title">
      <h2 id="twostep-title">{t('settings.twoFactor')}</h2>
      <p>{on ? t('settings.totpOn') : t('settings.totpOff')}</p>
      {!secret && (
        <form onSubmit={begin} aria-labelledby="twostep-title">
          <PasswordField
            label={t('settings.currentPassword')}
            name="current-password"
            value={password}
            onChange={setPassword}
          />
          {on && (
            <CodeField
              label={t('account.code')}
              name="twostep-code"
              value={code}
              onChange={setCode}
              required
            />
          )}
          <StepButtons action={on ? t('account.change2fa') : t('settings.begin')}>
            {on && (
              <button
                type="button"
                onClick={(e) => {
                  const form = e.currentTarget.form;
                  if (form?.reportValidity()) disable();
                }}
              >
                {t('account.disable2fa')}
              </button>
            )}
          </StepButtons>
        </form>
      )}
      {secret && !recovery && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void attempt(async () => {
              const r = await post<{ recoveryCodes: string[] }>('/api/auth/2fa/confirm', {
                code: confirmCode,
              });
              setRecovery(r.recoveryCodes);
              setSecret(undefined);
              setConfirmCode('');
              setStatus(t('account.enabled2fa'));
              // Forced enrolment: the app opens once the codes are kept (onDone refreshes then).
              if (!onDone) await refresh();
            });
          }}
        >
          <p>{t('settings.scan')}</p>
          <QrCode text={secret.uri} label={t('account.qr')} />
          <p>
            {t('account.key')}: <code data-testid="totp-secret">{secret.secret}</code>
          </p>
          <CodeField
            label={t('settings.code')}
            name="code"
            value={confirmCode}
            onChange={setConfirmCode}
            required
          />
          <StepButtons action={t('settings.confirm')}>
            <button type="button" onClick={() => setSecret(undefined)}>
              {t('common.cancel')}
            </button>
          </StepButtons>
        </form>
      )}
      {recovery && (
        <div className="notice" role="status">
          <p>{t('settings.recovery')}</p>
          <ul data-testid="recovery-codes">
            {recovery.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
          {onDone && (
            <button type="button" className="primary" onClick={() => void onDone()}>
              {t('account.continue')}
            </button>
          )}
        </div>
      )}
      {status && !recovery && (
        <p className="notice" role="status">
          {status}
        </p>
      )}
      <ErrorBox error={error} />
      <ConfirmDialog pending={pending} onClose={() => setPending(undefined)} />
    </section>
  );
}

/** The otpauth URI as a QR code drawn here (the secret never leaves the page). */
function QrCode({ text, label }: { text: string; label: string }) {
  const m = qrMatrix(text);
  const side = qrSide(m);
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label}
      data-testid="totp-qr"
      data-modules={m.length}
      viewBox={`0 0 ${side} ${side}`}
      width={side * 4}
      height={side * 4}
      shapeRendering="crispEdges"
    >
      <rect width={side} height={side} fill="#fff" />
      <path d={qrPath(m)} fill="#000" />
    </svg>
  );
}
