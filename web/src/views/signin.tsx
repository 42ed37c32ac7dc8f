import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../app';
import { CodeField, PasswordField } from '../secret-fields';
import { useSession } from '../session';
import { ErrorBox, Field } from '../ui';

export function SignIn() {
  const { t } = useTranslation();
  const { signIn, signedOutReason } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(username, password, totp || undefined);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="signin" id="main">
      <div className="signin-top">
        <span className="brand">Testigo</span>
        <LanguageSwitch />
      </div>
      <h1>{t('signin.title')}</h1>
      {signedOutReason === 'idle' && (
        <p className="notice" role="status">
          {t('signin.idle')}
        </p>
      )}
      <form onSubmit={submit}>
        <Field label={t('signin.username')}>
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </Field>
        <PasswordField label={t('signin.password')} name="password" value={password} onChange={setPassword} />
        <CodeField name="totp" hint={t('signin.totpHint')} value={totp} onChange={setTotp} />
        <ErrorBox error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {t('signin.submit')}
        </button>
      </form>
      <p className="muted small">{t('signin.safety')}</p>
    </main>
  );
}
