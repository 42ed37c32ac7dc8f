/**
 * Who is signed in, in which case file, and automatic sign-out after inactivity (a documenter's
 * laptop left open in a hostile place must not stay signed in).
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { ApiError, get, onUnauthenticated, post, setCsrf } from './api';

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
  const timer = useRef<number | undefined>(undefined);

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
    },
    [refresh],
  );

  useEffect(() => {
    void refresh();
    return onUnauthenticated(() => setMe(null));
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
    <Ctx.Provider value={{ me, loading, signIn, signOut, refresh, signedOutReason }}>{children}</Ctx.Provider>
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
  administrator: ['read', 'write', 'analyse', 'review', 'manage', 'export'],
  documenter: ['read', 'write'],
  analyst: ['read', 'analyse', 'export'],
  panelist: ['read', 'review'],
  viewer: ['read'],
};
/** Mirrors the server's policy for showing or hiding controls; the server decides. */
export function can(me: Me | null, caseId: string | undefined, action: string): boolean {
  const m = roleIn(me, caseId);
  return Boolean(m && ACTIONS[m.role].includes(action));
}
