import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { post } from '../api';
import { useSession } from '../session';
import { ErrorBox, Field, Page } from '../ui';

/** Two-factor enrolment: a TOTP secret for an authenticator app, confirmed by a code; recovery codes shown once. */
export function SettingsView() {
  const { t } = useTranslation();
  const { me, refresh } = useSession();
  const [secret, setSecret] = useState<{ secret: string; uri: string }>();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [recovery, setRecovery] = useState<string[]>();
  const [error, setError] = useState<unknown>();
  const first = me?.memberships[0]?.caseId;
  return (
    <Page
      title={t('settings.title')}
      actions={first ? <Link to={`/c/${first}`}>{t('settings.back')}</Link> : undefined}
    >
      <h2>{t('settings.twoFactor')}</h2>
      <p>{me?.user.totpEnabled ? t('settings.totpOn') : t('settings.totpOff')}</p>
      {!me?.user.totpEnabled && !secret && (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            try {
              // The server asks for the password again before any change to two-step verification.
              setSecret(await post('/api/auth/2fa/begin', { password }));
              setPassword('');
            } catch (err) {
              setError(err);
            }
          }}
        >
          <Field label={t('settings.currentPassword')}>
            <input
              name="current-password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          </Field>
          <button type="submit" className="primary">
            {t('settings.begin')}
          </button>
        </form>
      )}
      {secret && !recovery && (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            try {
              const r = await post<{ recoveryCodes: string[] }>('/api/auth/2fa/confirm', { code });
              setRecovery(r.recoveryCodes);
              await refresh();
            } catch (err) {
              setError(err);
            }
          }}
        >
          <p>{t('settings.scan')}</p>
          <p>
            <code data-testid="totp-secret">{secret.secret}</code>
          </p>
          <p className="small muted">
            <code>{secret.uri}</code>
          </p>
          <Field label={t('settings.code')}>
            <input
              name="code"
              inputMode="numeric"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              required
            />
          </Field>
          <button type="submit" className="primary">
            {t('settings.confirm')}
          </button>
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
        </div>
      )}
      <ErrorBox error={error} />
    </Page>
  );
}
