/**
 * Who is signed in, in which case file, and automatic sign-out after inactivity (a documenter's
 * laptop left open in a hostile place must not stay signed in). When the server's session ends
 * while a page is open (it expired, or was revoked), the page stays as it is and a dialog asks
 * for the password again: nothing typed is lost, and `reauths` tells views to send what waited.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, get, onUnauthenticated, post, setCsrf } from './api';
import { CodeField, PasswordField } from './secret-fields';
import { ErrorBox } from './ui';

export interface Membership {
  caseId: string;
  role: 'administrator' | 'documenter' | 'analyst' | 'panelist' | 'viewer';
  cleared: boolean;
}
export interface Me {
  user: { id: string; username: string; displayName?: string; isAdmin?: boolean; totpEnabled?: boolean };
  memberships: Membership[];
}

interface SessionValue {
  me: Me | null;
  loading: boolean;
  signIn(username: string, password: string, totp?: string): Promise<void>;
  signOut(reason?: 'idle' | 'user'): Promise<void>;
  refresh(): Promise<void>;
  signedOutReason: string | null;
  /** The server session ended while signed in here: a dialog asks for the password. */
  expired: boolean;
  /** Counts successful re-authentications (views resend what waited when it changes). */
  reauths: number;
}

const Ctx = createContext<SessionValue | null>(null);

/** Minutes of inactivity before automatic sign-out (sessionStorage override for tests). */
function idleMs(): number {
  const v = Number(sessionStorage.getItem('testigo.idleMs'));
  return Number.isFinite(v) && v > 0 ? v : 15 * 60_000;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const [signedOutReason, setReason] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);
  const [reauths, setReauths] = useState(0);
  const timer = useRef<number | undefined>(undefined);
  const meRef = useRef<Me | null>(null);
  meRef.current = me;

  const refresh = useCallback(async () => {
    try {
      setMe(await get<Me>('/api/auth/me'));
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e;
      setMe(null);
    } finally {
      setLoading(false);
    }
  }, []);

  const signOut = useCallback(async (reason: 'idle' | 'user' = 'user') => {
    await post('/api/auth/logout').catch(() => undefined);
    setCsrf('');
    setExpired(false);
    setMe(null);
    setReason(reason === 'idle' ? 'idle' : null);
  }, []);

  const signIn = useCallback(
    async (username: string, password: string, totp?: string) => {
      const r = await post<{ csrf: string }>('/api/auth/login', {
        username,
        password,
        ...(totp ? { totp } : {}),
      });
      setCsrf(r.csrf);
      setReason(null);
      await refresh();
      setExpired((was) => {
        if (was) setReauths((n) => n + 1);
        return false;
      });
    },
    [refresh],
  );

  useEffect(() => {
    void refresh();
    // Signed in here: keep the page and ask for the password; never signed in: the sign-in page.
    return onUnauthenticated(() => (meRef.current ? setExpired(true) : setMe(null)));
  }, [refresh]);

  useEffect(() => {
    if (!me) return;
    const reset = () => {
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void signOut('idle'), idleMs());
    };
    const events = ['mousemove', 'keydown', 'pointerdown', 'scroll', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, reset, { passive: true });
    reset();
    return () => {
      window.clearTimeout(timer.current);
      for (const e of events) window.removeEventListener(e, reset);
    };
  }, [me, signOut]);

  return (
    <Ctx.Provider value={{ me, loading, signIn, signOut, refresh, signedOutReason, expired, reauths }}>
      {children}
      {me && expired && <ReauthDialog username={me.user.username} />}
    </Ctx.Provider>
  );
}

/** Sign in again over the page: the page and what was typed in it stay. */
function ReauthDialog({ username }: { username: string }) {
  const { t } = useTranslation();
  const { signIn, signOut } = useSession();
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [error, setError] = useState<unknown>();
  return (
    <div className="overlay">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="reauth-title">
        <h2 id="reauth-title">{t('reauth.title')}</h2>
        <p>{t('reauth.intro')}</p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setError(undefined);
            signIn(username, password, totp || undefined).catch(setError);
          }}
        >
          <p className="small muted">{t('reauth.as', { username })}</p>
          <PasswordField
            label={t('signin.password')}
            name="reauth-password"
            value={password}
            onChange={setPassword}
            autoFocus
          />
          <CodeField name="reauth-totp" value={totp} onChange={setTotp} />
          <ErrorBox error={error} />
          <div className="wizard-nav">
            <button type="submit" className="primary">
              {t('reauth.submit')}
            </button>
            <button type="button" onClick={() => void signOut('user')}>
              {t('nav.signOut')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}

export function useSession(): SessionValue {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

export function roleIn(me: Me | null, caseId: string | undefined) {
  return me?.memberships.find((m) => m.caseId === caseId);
}

const ACTIONS: Record<Membership['role'], string[]> = {
  administrator: ['read', 'write', 'delete', 'analyse', 'review', 'manage', 'export', 'exportList'],
  documenter: ['read', 'write', 'exportList'],
  analyst: ['read', 'analyse', 'export', 'exportList'],
  panelist: ['read', 'review'],
  viewer: ['read'],
};
/** Mirrors the server's policy for showing or hiding controls; the server decides. */
export function can(me: Me | null, caseId: string | undefined, action: string): boolean {
  const m = roleIn(me, caseId);
  return Boolean(m && ACTIONS[m.role].includes(action));
}
