/**
 * The route walker: for every operation of the OpenAPI document (and the few routes the document
 * does not list), realistic requests built from the fixture's ids — filters, sorts, searches for
 * hidden names, downloads, exports, reports in every edition/language/format, audit, linkage
 * review, suggestions, submissions. Reads come first and leave the case as it was; writes are
 * either refused, stale (If-Match on a version that does not exist) or aimed at throwaway targets,
 * so every role walks the same case.
 */

import type { LeakFixture } from './fixture.js';
import type { IdentityForm } from './identity-forms.js';

export interface WalkRequest {
  /** The OpenAPI operation, e.g. "GET /api/cases/{caseId}/records/{kind}". */
  op: string;
  method: string;
  url: string;
  body?: unknown;
  /** multipart parts (file + fields) instead of JSON. */
  form?: { file: { name: string; type: string; text: string }; fields: Record<string, string> };
  headers?: Record<string, string>;
  write: boolean;
}

/** Operations the server serves that the OpenAPI document does not list: none — the architecture
 * test holds the document equal to the registered routes. Kept so a deliberate exception is walked. */
export const UNDOCUMENTED_OPS: string[] = [];

/** The record kinds of the generic records API (every kind, including ones the API refuses). */
export const KIND_NAMES = [
  'persons',
  'units',
  'memberships',
  'places',
  'events',
  'acts',
  'involvements',
  'detention-periods',
  'sources',
  'testimonies',
  'evidence',
  'hearings',
  'source-lists',
  'information-items',
  'suggestions',
  'element-links',
  'proceedings',
  'panels',
  'review-comments',
  'opinions',
  'report-versions',
  'signatures',
  'submissions',
  'narratives',
];

type Builder = (fx: LeakFixture, hidden: IdentityForm[]) => Omit<WalkRequest, 'op'>[];

const get = (url: string): Omit<WalkRequest, 'op'> => ({ method: 'GET', url, write: false });
const w = (method: string, url: string, body?: unknown, headers?: Record<string, string>) => ({
  method,
  url,
  body,
  headers,
  write: true,
});

/** Search words an attacker would try: each hidden person's name, surname and document number. */
function hiddenQueries(hidden: IdentityForm[]): string[] {
  const wanted = new Set(['given names + first surname', 'surname alone', 'document number', 'alias']);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const f of hidden) {
    const k = `${f.owner}|${f.kind}`;
    if (!wanted.has(f.kind) || seen.has(k)) continue;
    seen.add(k);
    out.push(f.form);
  }
  return out;
}

const TEMPLATES: Record<string, Builder> = {
  'GET /api/health': () => [get('/api/health')],
  'GET /api/openapi.json': () => [get('/api/openapi.json')],
  'POST /api/auth/login': () => [
    w('POST', '/api/auth/login', { username: 'analyst', password: 'no es la clave' }),
  ],
  // With a bearer token there is no session to end: nothing is revoked.
  'POST /api/auth/logout': () => [w('POST', '/api/auth/logout')],
  'GET /api/auth/me': () => [get('/api/auth/me')],
  'POST /api/auth/2fa/begin': () => [w('POST', '/api/auth/2fa/begin')],
  'POST /api/auth/2fa/confirm': () => [w('POST', '/api/auth/2fa/confirm', { code: '000000' })],
  'GET /api/vocabularies': () => [get('/api/vocabularies')],
  'GET /api/cases': () => [get('/api/cases')],
  'GET /api/cases/{caseId}': (fx) => [get(`/api/cases/${fx.caseId}`)],
  'GET /api/cases/{caseId}/records/{kind}': (fx) =>
    KIND_NAMES.flatMap((k) => [
      get(`/api/cases/${fx.caseId}/records/${k}?limit=500`),
      get(`/api/cases/${fx.caseId}/records/${k}?sort=updated&order=desc&limit=500`),
    ]),
  'POST /api/cases/{caseId}/records/{kind}': (fx) => [
    // Invalid bodies: the error must not carry record content.
    w('POST', `/api/cases/${fx.caseId}/records/acts`, { eventId: fx.ids.E1, victimId: fx.ids.P1, type: 'x' }),
    w('POST', `/api/cases/${fx.caseId}/records/testimonies`, { witnessId: fx.ids.P1 }),
    w('POST', `/api/cases/${fx.caseId}/records/places`, { name: 'Charallave', kind: 'city' }),
  ],
  'GET /api/cases/{caseId}/records/{kind}/{id}': (fx) =>
    Object.entries(fx.byKind).flatMap(([k, ids]) =>
      ids.map((id) => get(`/api/cases/${fx.caseId}/records/${k}/${id}`)),
    ),
  'PUT /api/cases/{caseId}/records/{kind}/{id}': (fx) =>
    // A stale If-Match: whatever the policy says, nothing is written (409 at most).
    Object.entries(fx.byKind).flatMap(([k, ids]) =>
      ids.map((id) => w('PUT', `/api/cases/${fx.caseId}/records/${k}/${id}`, {}, { 'if-match': '"999999"' })),
    ),
  'DELETE /api/cases/{caseId}/records/{kind}/{id}': (fx) => [
    w('DELETE', `/api/cases/${fx.caseId}/records/places/${fx.ids.junkPlace}?reason=prueba`),
  ],
  'GET /api/cases/{caseId}/records/{kind}/{id}/history': (fx) =>
    Object.entries(fx.byKind).flatMap(([k, ids]) =>
      ids.map((id) => get(`/api/cases/${fx.caseId}/records/${k}/${id}/history`)),
    ),
  'GET /api/cases/{caseId}/export/{kind}': (fx) =>
    KIND_NAMES.flatMap((k) => [
      get(`/api/cases/${fx.caseId}/export/${k}?format=csv`),
      get(`/api/cases/${fx.caseId}/export/${k}?format=xlsx&sort=updated&order=desc`),
    ]),
  'GET /api/cases/{caseId}/records/{kind}/{id}/cited-by': (fx) =>
    ['persons', 'evidence'].flatMap((k) =>
      (fx.byKind[k] ?? []).map((id) => get(`/api/cases/${fx.caseId}/records/${k}/${id}/cited-by`)),
    ),
  'GET /api/cases/{caseId}/deleted/{kind}': (fx) =>
    KIND_NAMES.map((k) => get(`/api/cases/${fx.caseId}/deleted/${k}?limit=100`)),
  'POST /api/cases/{caseId}/records/{kind}/{id}/restore': (fx) => [
    // The deleted protected person: an uncleared administrator may not restore (nor read) it.
    w('POST', `/api/cases/${fx.caseId}/records/persons/${fx.ids.P3}/restore`, { reason: 'prueba' }),
  ],
  'GET /api/cases/{caseId}/saved-filters': (fx) => [
    get(`/api/cases/${fx.caseId}/saved-filters?kind=persons`),
  ],
  'POST /api/cases/{caseId}/saved-filters': (fx) => [
    w('POST', `/api/cases/${fx.caseId}/saved-filters`, {
      kind: 'acts',
      name: 'Torturas',
      query: 'type=torture',
    }),
  ],
  'DELETE /api/cases/{caseId}/saved-filters/{id}': (fx) => [
    w('DELETE', `/api/cases/${fx.caseId}/saved-filters/flt_no_such_filter`),
  ],
  'GET /api/cases/{caseId}/search': (fx, hidden) => {
    const base = `/api/cases/${fx.caseId}/search`;
    const qs = [...hiddenQueries(hidden), 'sótano', 'torturada', 'Helicoide', 'celda', 'Gato', 'Los Teques'];
    return [
      ...qs.map((q) => get(`${base}?q=${encodeURIComponent(q)}&limit=100`)),
      get(`${base}?q=${encodeURIComponent('detenida')}&kind=testimonies&limit=100`),
      get(`${base}?q=${encodeURIComponent('audiencia')}&kind=hearings&limit=100`),
      get(`${base}?q=${encodeURIComponent('persona')}&kind=persons&limit=100`),
      get(`${base}?q=&state=VE-M&yearFrom=2019&yearTo=2020&limit=100`),
    ];
  },
  'GET /api/cases/{caseId}/export': (fx) => [get(`/api/cases/${fx.caseId}/export`)],
  'POST /api/cases/{caseId}/evidence': (fx) => [
    {
      method: 'POST',
      url: `/api/cases/${fx.caseId}/evidence`,
      form: {
        file: { name: 'nota.txt', type: 'text/plain', text: 'Nota de campo sin nombres.' },
        fields: {
          meta: JSON.stringify({ title: 'Nota de campo', kind: 'document', protection: 'restricted' }),
        },
      },
      write: true,
    },
  ],
  'GET /api/cases/{caseId}/evidence/{id}/content': (fx) =>
    fx.byKind.evidence!.map((id) => get(`/api/cases/${fx.caseId}/evidence/${id}/content`)),
  'GET /api/cases/{caseId}/evidence/{id}/custody': (fx) =>
    fx.byKind.evidence!.map((id) => get(`/api/cases/${fx.caseId}/evidence/${id}/custody`)),
  'POST /api/cases/{caseId}/evidence/{id}/custody': (fx) =>
    fx.byKind.evidence!.map((id) =>
      w('POST', `/api/cases/${fx.caseId}/evidence/${id}/custody`, { action: 'copied', note: 'revisión' }),
    ),
  'POST /api/cases/{caseId}/source-lists': (fx) => [
    {
      method: 'POST',
      url: `/api/cases/${fx.caseId}/source-lists`,
      form: {
        file: { name: 'vacia.csv', type: 'text/csv', text: 'id,given_names\nZ1,Pedro\n' },
        fields: { name: 'Lista de prueba', idColumn: 'id' },
      },
      write: true,
    },
  ],
  'GET /api/cases/{caseId}/source-lists/{listId}/records': (fx) =>
    fx.byKind['source-lists']!.map((id) =>
      get(`/api/cases/${fx.caseId}/source-lists/${id}/records?limit=1000`),
    ),
  'POST /api/cases/{caseId}/linkage/runs': (fx) => [w('POST', `/api/cases/${fx.caseId}/linkage/runs`, {})],
  'GET /api/cases/{caseId}/linkage/review': (fx) => [get(`/api/cases/${fx.caseId}/linkage/review?limit=200`)],
  'GET /api/cases/{caseId}/linkage/decisions': (fx) => [get(`/api/cases/${fx.caseId}/linkage/decisions`)],
  'POST /api/cases/{caseId}/linkage/decisions': (fx) => [
    w('POST', `/api/cases/${fx.caseId}/linkage/decisions`, {
      a: { listId: fx.ids.listA, rowNo: 2 },
      b: { listId: fx.ids.listB, rowNo: 2 },
      decision: 'unsure',
    }),
  ],
  'GET /api/cases/{caseId}/analysis': (fx) => [
    get(`/api/cases/${fx.caseId}/analysis`),
    get(`/api/cases/${fx.caseId}/analysis?summary=1`),
  ],
  'GET /api/cases/{caseId}/panel': (fx) => [get(`/api/cases/${fx.caseId}/panel`)],
  'PUT /api/cases/{caseId}/panel': (fx) => [
    w('PUT', `/api/cases/${fx.caseId}/panel`, {
      name: 'Panel de expertos',
      members: [
        { username: 'panelist', name: 'Dra. Experta Independiente' },
        { username: 'admin', name: 'Coordinación' },
      ],
    }),
  ],
  'POST /api/cases/{caseId}/panel/comments': (fx) => [
    w('POST', `/api/cases/${fx.caseId}/panel/comments`, {
      target: 'section:victims',
      text: 'Sin observaciones.',
    }),
  ],
  'POST /api/cases/{caseId}/panel/opinions': (fx) => [
    w('POST', `/api/cases/${fx.caseId}/panel/opinions`, { target: 'section:victims', position: 'abstain' }),
  ],
  'POST /api/cases/{caseId}/panel/versions': (fx) => [w('POST', `/api/cases/${fx.caseId}/panel/versions`)],
  'GET /api/cases/{caseId}/narratives': (fx) => [get(`/api/cases/${fx.caseId}/narratives`)],
  'PUT /api/cases/{caseId}/narratives': (fx) => [
    w('PUT', `/api/cases/${fx.caseId}/narratives`, {
      section: 'background',
      edition: 'public',
      lang: 'es',
      text: 'Sin cambios de fondo.',
    }),
    w('PUT', `/api/cases/${fx.caseId}/narratives`, {
      section: 'attack',
      edition: 'confidential',
      lang: 'es',
      text: 'Reescrito.',
    }),
  ],
  'POST /api/cases/{caseId}/panel/signatures': (fx) => [
    w('POST', `/api/cases/${fx.caseId}/panel/signatures`, { versionId: 'rpv_nope', signature: 'AAAA' }),
  ],
  'GET /api/public/cases/{caseId}': (fx) => [get(`/api/public/cases/${fx.caseId}`)],
  'POST /api/public/challenge': (fx) => [w('POST', '/api/public/challenge', { caseId: fx.caseId })],
  'POST /api/public/cases/{caseId}/submissions': (fx) => [
    w('POST', `/api/public/cases/${fx.caseId}/submissions`, { text: 'x', challenge: 'x', nonce: '1' }),
  ],
  'GET /api/cases/{caseId}/submissions': (fx) =>
    ['quarantined', 'accepted', 'rejected'].map((s) =>
      get(`/api/cases/${fx.caseId}/submissions?status=${s}&limit=200`),
    ),
  'POST /api/cases/{caseId}/submissions/{id}/decision': (fx) => [
    // Already accepted: refused with 409; the refusal must not quote the submission.
    w('POST', `/api/cases/${fx.caseId}/submissions/${fx.ids.sub1}/decision`, { decision: 'reject' }),
  ],
  'GET /api/cases/{caseId}/report': (fx) =>
    [
      ['public', 'es', 'pdf'],
      ['public', 'en', 'pdf'],
      ['public', 'es', 'html'],
      ['public', 'en', 'html'],
      ['confidential', 'es', 'html'],
      ['confidential', 'es', 'pdf'],
    ].map(([e, l, f]) => get(`/api/cases/${fx.caseId}/report?edition=${e}&lang=${l}&format=${f}`)),
  'POST /api/cases/{caseId}/captures': (fx) => [
    {
      method: 'POST',
      url: `/api/cases/${fx.caseId}/captures`,
      form: {
        file: {
          name: 'aviso.txt',
          type: 'text/plain',
          text: 'Aviso de prensa: hubo un operativo en Charallave.\n',
        },
        fields: { meta: JSON.stringify({ protection: 'restricted' }) },
      },
      write: true,
    },
  ],
  'GET /api/cases/{caseId}/suggestions': (fx) => [
    get(`/api/cases/${fx.caseId}/suggestions?limit=1000`),
    get(`/api/cases/${fx.caseId}/suggestions?status=pending&kind=person&limit=1000`),
  ],
  'POST /api/cases/{caseId}/suggestions/{id}/accept': (fx) => [
    w('POST', `/api/cases/${fx.caseId}/suggestions/sug_00000000000000000000000000/accept`, {}),
  ],
  'POST /api/cases/{caseId}/suggestions/{id}/reject': (fx) =>
    fx.byKind
      .suggestions!.slice(0, 1)
      .map((id) => w('POST', `/api/cases/${fx.caseId}/suggestions/${id}/reject`, { note: 'no corresponde' })),
  'GET /api/cases/{caseId}/members': (fx) => [get(`/api/cases/${fx.caseId}/members`)],
  'PUT /api/cases/{caseId}/members/{userId}': (fx) => [
    w('PUT', `/api/cases/${fx.caseId}/members/${fx.userIds.viewer}`, { role: 'viewer' }),
  ],
  'PUT /api/cases/{caseId}/members/{userId}/clearance': (fx) => [
    w('PUT', `/api/cases/${fx.caseId}/members/${fx.userIds.analyst}/clearance`, { cleared: false }),
  ],
  'GET /api/cases/{caseId}/audit': (fx) => [get(`/api/cases/${fx.caseId}/audit?limit=1000`)],
  'GET /api/users': () => [get('/api/users')],
  // An invalid new account (refused either way) and disabling oneself (always refused): nothing changes.
  'POST /api/users': () => [w('POST', '/api/users', { username: 'X', password: 'corta' })],
  'POST /api/users/{id}/enable': (fx) => [
    ...Object.values(fx.userIds).map((id) => w('POST', `/api/users/${id}/enable`)),
  ],
  // Resetting two-step sign-in, aimed at an account that does not exist: refused or 404 for everyone.
  'POST /api/users/{id}/reset-2fa': () => [w('POST', '/api/users/usr_00000000000000000000000000/reset-2fa')],
  // An administrator's temporary password for an account that does not exist: refused or 404, nothing changes.
  'POST /api/users/{id}/password': () => [
    w('POST', '/api/users/usr_00000000000000000000000000/password', {
      password: 'Clave-temporal-de-prueba-2026',
    }),
  ],
  'GET /api/cases/{caseId}/two-step': (fx) => [get(`/api/cases/${fx.caseId}/two-step`)],
  // Set to what it already is (off): requiring it would lock the walk's accounts out of every later request.
  'PUT /api/cases/{caseId}/two-step': (fx) => [
    w('PUT', `/api/cases/${fx.caseId}/two-step`, { required: false }),
  ],
  // Nobody in the fixture has a voided signature: acknowledges nothing, answers no case data.
  'POST /api/cases/{caseId}/panel/notices/seen': (fx) => [
    w('POST', `/api/cases/${fx.caseId}/panel/notices/seen`),
  ],
  // Disabling is aimed at an account that does not exist: refused or 404 for everyone, nothing changes.
  'POST /api/users/{id}/disable': () => [w('POST', '/api/users/usr_00000000000000000000000000/disable')],
  // Account self-service with wrong credentials: refused, nothing changes (and no case data either way).
  'POST /api/auth/2fa/disable': () => [
    w('POST', '/api/auth/2fa/disable', { password: 'no es la clave', code: '000000' }),
  ],
  'POST /api/auth/password': () => [
    w('POST', '/api/auth/password', {
      currentPassword: 'no es la clave',
      newPassword: 'otra clave larga de prueba',
    }),
  ],
  'GET /api/auth/notices': () => [get('/api/auth/notices')],
  'GET /api/session/csrf': () => [get('/api/session/csrf')],
  // Interview drafts are private to their author: each role lists its own; a foreign or unknown id is refused.
  'GET /api/cases/{caseId}/interviews': (fx) => [get(`/api/cases/${fx.caseId}/interviews`)],
  'GET /api/cases/{caseId}/interviews/{id}': (fx) => [
    get(`/api/cases/${fx.caseId}/interviews/itv_leak_probe`),
  ],
  'PUT /api/cases/{caseId}/interviews/{id}': (fx) => [
    w('PUT', `/api/cases/${fx.caseId}/interviews/itv_leak_probe`, { seq: 0, answers: {} }),
  ],
  'DELETE /api/cases/{caseId}/interviews/{id}': (fx) => [
    w('DELETE', `/api/cases/${fx.caseId}/interviews/itv_leak_missing`),
  ],
  'POST /api/cases/{caseId}/interviews/{id}/finish': (fx) => [
    w('POST', `/api/cases/${fx.caseId}/interviews/itv_leak_missing/finish`),
  ],
  'POST /api/auth/notices/seen': () => [w('POST', '/api/auth/notices/seen')],
  'GET /api/cases/{caseId}/analyses': (fx) => [
    get(`/api/cases/${fx.caseId}/analyses?kind=linkage`),
    get(`/api/cases/${fx.caseId}/analyses?kind=estimate`),
  ],
};

/** "METHOD /path" of every operation in an OpenAPI document. */
export function operationsOf(doc: { paths: Record<string, Record<string, unknown>> }): string[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => ['get', 'post', 'put', 'delete', 'patch'].includes(m))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
}

/** Operations the walker cannot call (a new route needs a template here: the coverage test says so). */
export function unwalkable(ops: string[]): string[] {
  return ops.filter((op) => !TEMPLATES[op]);
}

/** The requests for the given operations, reads first, then writes. */
export function requestsFor(ops: string[], fx: LeakFixture, hidden: IdentityForm[]): WalkRequest[] {
  const all = ops.flatMap((op) => (TEMPLATES[op]?.(fx, hidden) ?? []).map((r) => ({ op, ...r })));
  return [...all.filter((r) => !r.write), ...all.filter((r) => r.write)];
}

/** Sends a walk request as one principal. */
export function send(
  app: { request(path: string, init?: RequestInit): Response | Promise<Response> },
  token: string,
  r: Pick<WalkRequest, 'method' | 'url' | 'body' | 'form' | 'headers'>,
): Promise<Response> {
  let body: BodyInit | undefined;
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...r.headers };
  if (r.form) {
    const f = new FormData();
    f.set('file', new File([r.form.file.text], r.form.file.name, { type: r.form.file.type }));
    for (const [k, v] of Object.entries(r.form.fields)) f.set(k, v);
    body = f;
  } else if (r.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(r.body);
  }
  return Promise.resolve(app.request(r.url, { method: r.method, headers, body }));
}
