/**
 * The one way the web app talks to the server: same-origin JSON, the session cookie (httpOnly, set by
 * the server) and the CSRF token echoed on every state-changing request. The token is shared by the
 * browser's tabs (localStorage: it is useless without the httpOnly cookie); a tab that has none or an
 * outdated one (opened from a bookmark, or another tab fetched a new one) asks the server for a fresh
 * token with its session cookie and retries once.
 */
const CSRF_KEY = 'testigo.csrf';
const csrf = () => localStorage.getItem(CSRF_KEY) ?? '';
export function setCsrf(token: string): void {
  if (token) localStorage.setItem(CSRF_KEY, token);
  else localStorage.removeItem(CSRF_KEY);
}

async function refreshCsrf(): Promise<boolean> {
  const res = await fetch('/api/session/csrf', {
    headers: { 'X-Testigo-Csrf': 'fetch' },
    credentials: 'same-origin',
  }).catch(() => undefined);
  if (!res?.ok) return false;
  setCsrf(((await res.json()) as { csrf: string }).csrf);
  return true;
}

/** The request never reached the server (offline, connection dropped): safe to retry later. */
export class NetworkError extends Error {}

/** Values an error message needs (a limit, a wait, a role), sent by the server beside its codes. */
export type ErrorParams = Record<string, string | number>;
export interface Issue {
  field?: string;
  message: string;
  code?: string;
  params?: ErrorParams;
}

/** A refusal from the server: stable `code` (and finer `reason`) with `params`; `message` is English. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: Issue[] = [],
    readonly reason?: string,
    readonly params?: ErrorParams,
  ) {
    super(message);
  }
}

type Listener = () => void;
const unauthenticated = new Set<Listener>();
const accountPolicy = new Set<Listener>();
/** The server refused a call until the account changes its password or enrols a second step. */
export function onAccountPolicy(fn: Listener): () => void {
  accountPolicy.add(fn);
  return () => accountPolicy.delete(fn);
}
const POLICY_REASONS = ['password_change_required', 'twofa_enrolment_required'];
export function onUnauthenticated(fn: Listener): () => void {
  unauthenticated.add(fn);
  return () => unauthenticated.delete(fn);
}

export async function api<T = unknown>(
  method: string,
  path: string,
  body?: unknown,
  opts: { raw?: boolean; form?: FormData; headers?: Record<string, string> } = {},
): Promise<T> {
  let payload: BodyInit | undefined;
  const type: Record<string, string> = {};
  if (opts.form) payload = opts.form;
  else if (body !== undefined) {
    type['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const send = () =>
    fetch(path, {
      method,
      headers: method === 'GET' ? type : { ...type, ...opts.headers, 'X-CSRF-Token': csrf() },
      body: payload,
      credentials: 'same-origin',
    }).catch((e: unknown) => {
      throw new NetworkError(String(e));
    });
  let res = await send();
  if (res.status === 403 && method !== 'GET') {
    const code = (
      (await res
        .clone()
        .json()
        .catch(() => ({}))) as { error?: { code?: string } }
    ).error?.code;
    if (code === 'csrf' && (await refreshCsrf())) res = await send();
  }
  if (res.status === 401 && !path.startsWith('/api/auth/login')) for (const fn of unauthenticated) fn();
  if (!res.ok) {
    const e = (await res.json().catch(() => ({}))) as {
      error?: { code?: string; message?: string; issues?: Issue[]; reason?: string; params?: ErrorParams };
    };
    if (res.status === 403 && POLICY_REASONS.includes(e.error?.reason ?? ''))
      for (const fn of accountPolicy) fn();
    throw new ApiError(
      res.status,
      e.error?.code ?? 'error',
      e.error?.message ?? res.statusText,
      e.error?.issues,
      e.error?.reason,
      e.error?.params,
    );
  }
  if (opts.raw) return res as unknown as T;
  return (await res.json()) as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const put = <T>(path: string, body?: unknown) => api<T>('PUT', path, body ?? {});
export const del = <T>(path: string) => api<T>('DELETE', path);

export interface Rec<B = Record<string, unknown>> {
  id: string;
  kind: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  displayName?: string;
  pseudonymised?: boolean;
  withheld?: boolean;
  body?: never;
  [k: string]: unknown;
  _b?: B;
}
export interface Page<T = Rec> {
  items: T[];
  total: number;
}

/** SHA-256 of bytes in the browser, hex (shown before upload, compared with the server's). */
export async function sha256Hex(buf: ArrayBuffer): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', buf);
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
