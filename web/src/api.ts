/**
 * The one way the web app talks to the server: same-origin JSON, the session cookie (httpOnly, set by
 * the server) and the CSRF token the server gave at sign-in, echoed on every state-changing request.
 */
let csrf = sessionStorage.getItem('testigo.csrf') ?? '';
export function setCsrf(token: string): void {
  csrf = token;
  if (token) sessionStorage.setItem('testigo.csrf', token);
  else sessionStorage.removeItem('testigo.csrf');
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: { field?: string; message: string }[] = [],
  ) {
    super(message);
  }
}

type Listener = () => void;
const unauthenticated = new Set<Listener>();
export function onUnauthenticated(fn: Listener): () => void {
  unauthenticated.add(fn);
  return () => unauthenticated.delete(fn);
}

export async function api<T = unknown>(
  method: string,
  path: string,
  body?: unknown,
  opts: { raw?: boolean; form?: FormData } = {},
): Promise<T> {
  const headers: Record<string, string> = {};
  if (method !== 'GET') headers['X-CSRF-Token'] = csrf;
  let payload: BodyInit | undefined;
  if (opts.form) payload = opts.form;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  if (res.status === 401 && !path.startsWith('/api/auth/login')) for (const fn of unauthenticated) fn();
  if (!res.ok) {
    const e = (await res.json().catch(() => ({}))) as {
      error?: { code?: string; message?: string; issues?: { field?: string; message: string }[] };
    };
    throw new ApiError(
      res.status,
      e.error?.code ?? 'error',
      e.error?.message ?? res.statusText,
      e.error?.issues,
    );
  }
  if (opts.raw) return res as unknown as T;
  return (await res.json()) as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const put = <T>(path: string, body?: unknown) => api<T>('PUT', path, body ?? {});

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
