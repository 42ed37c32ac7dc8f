/**
 * Route declarations: one object per HTTP operation names its method, path, summary, the policy
 * action it needs and the zod schemas of its query and body. Registering a declaration installs
 * the authorization and validation as middleware before the handler, and records it for the
 * OpenAPI document (openapi.ts), which is generated from these declarations and nothing else.
 * architecture.test.ts checks that every /api route the app serves was registered this way.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { AuthError, ForbiddenError, InputError } from '../domain/errors.js';
import { fieldIssues } from '../domain/issues.js';
import { KINDS, type Kind } from '../domain/kinds.js';
import { type Action, writeActionFor } from '../security/policy.js';
import { requireAny, requireCan } from './authorize.js';
import { jsonBody } from './body.js';
import type { AppEnv } from './context.js';
import { kindParam } from './routes/record-access.js';

type C = Context<AppEnv>;

/**
 * Who may call: no one signed in needed (`public`), any signed-in account, a global administrator,
 * a member whose role may do the action (or one of the actions) in the path's case file, the write
 * action of the record kind in the path (security/policy.ts writeActionFor), or every one of several
 * case-file requirements (`{ all: ['delete', 'kind-write'] }`: deleting a record needs both).
 */
export type Access = 'public' | 'signed-in' | 'administrator' | CaseAccess | Action[] | { all: CaseAccess[] };
type CaseAccess = 'kind-write' | Action;

/** How the OpenAPI document names an access (`x-testigo-allow`). */
export function accessText(allow: Access): string {
  if (Array.isArray(allow)) return allow.join(' | ');
  if (typeof allow === 'object') return allow.all.join(' & ');
  return allow;
}

/**
 * The request body: a zod schema checked before the handler runs (400 with field issues); JSON
 * checked by the code the handler calls, when the order of checks or the schema depends on the
 * request (`checkedBy` says where); a multipart form (field → description); or none.
 */
export type BodySpec =
  | z.ZodType
  | { json: z.ZodType | Record<string, unknown>; checkedBy: string }
  | { multipart: Record<string, string> }
  | 'none';

export interface Declaration {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Hono path: `:name` parameters, `:verb{a|b}` for a choice of fixed segments. */
  path: string;
  summary: string;
  description?: string;
  tag?: string;
  allow: Access;
  /** Path parameters whose values are constrained (others are plain strings). */
  params?: Record<string, z.ZodType>;
  /** Query parameters, parsed from the query string (use coercing schemas for numbers). */
  query?: z.ZodObject;
  body?: BodySpec;
  /** The message of a 400 when the query or body does not fit its schema (the issues name the fields). */
  invalid?: string;
  /** Status → what it means; 4xx and 5xx are documented with the error schema. */
  responses: Record<number, string>;
  /** Middleware before authorization (e.g. same-origin checks on sign-in). */
  before?: MiddlewareHandler<AppEnv>[];
  /** Served but not an API operation (the documentation page and its script). */
  hidden?: boolean;
}

type QueryOf<D> = D extends { query: infer S extends z.ZodType } ? z.output<S> : Record<string, never>;
type BodyOf<D> = D extends { body: infer S extends z.ZodType } ? z.output<S> : unknown;
export type Input<D> = { query: QueryOf<D>; body: BodyOf<D> };

export interface RouterOptions {
  /** Whether an account is a global administrator (accounts live in the store, not the principal). */
  isAdministrator: (userId: string) => Promise<boolean>;
}

const DECLARED = new WeakMap<object, Declaration[]>();

/** The declarations registered on an app, in registration order. */
export function declarationsOf(app: object): readonly Declaration[] {
  return DECLARED.get(app) ?? [];
}

export class ApiRouter {
  constructor(
    readonly app: Hono<AppEnv>,
    private readonly opts: RouterOptions,
    private readonly tagName?: string,
  ) {
    if (!DECLARED.has(app)) DECLARED.set(app, []);
  }

  /** The same router, with a tag for its routes in the document. */
  tag(name: string): ApiRouter {
    return new ApiRouter(this.app, this.opts, name);
  }

  route<const D extends Declaration>(
    decl: D,
    handler: (c: Context<AppEnv, D['path']>, input: Input<D>) => Response | Promise<Response>,
  ): void {
    const d: Declaration = { ...decl, tag: decl.tag ?? this.tagName };
    // An empty list would let every caller through: refuse the declaration, not the callers.
    if (typeof d.allow === 'object' && (Array.isArray(d.allow) ? d.allow : d.allow.all).length === 0)
      throw new Error(`${d.method.toUpperCase()} ${d.path}: allow names no requirement`);
    DECLARED.get(this.app)!.push(d);
    const chain: MiddlewareHandler<AppEnv>[] = [
      ...(d.before ?? []),
      this.authorize(d.allow),
      validate(d),
      // The final handler answers (a middleware that does not call next).
      (async (c: C) =>
        handler(c as Context<AppEnv, D['path']>, c.get('input') as Input<D>)) as MiddlewareHandler<AppEnv>,
    ];
    this.app.on([d.method.toUpperCase()], [d.path], ...chain);
  }

  private authorize(allow: Access): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      // Fails closed: a route declared for callers, mounted where no authentication ran, answers 401.
      if (allow !== 'public' && !c.get('principal')) throw new AuthError('authentication required');
      const caseId = c.req.param('caseId') ?? '';
      if (allow === 'public' || allow === 'signed-in') {
        // Nothing more: the authentication middleware established who calls.
      } else if (allow === 'administrator') {
        if (!(await this.opts.isAdministrator(c.get('userId'))))
          throw new ForbiddenError('only administrators manage accounts').because('admin_only');
      } else if (Array.isArray(allow)) requireAny(c, caseId, allow);
      else if (typeof allow === 'object') {
        if (allow.all.length === 0) throw new ForbiddenError('this operation grants no one');
        for (const a of allow.all) requireCaseAccess(c, a, caseId);
      } else requireCaseAccess(c, allow, caseId);
      await next();
    };
  }
}

function requireCaseAccess(c: C, access: CaseAccess, caseId: string): void {
  if (access === 'kind-write') requireWrite(c, kindParam(c), caseId);
  else requireCan(c, access, caseId);
}

/** Writes of a kind need its action (analysts link evidence to elements); panel records have their own routes. */
function requireWrite(c: C, kind: Kind, caseId: string): void {
  const action = writeActionFor(kind);
  if (!action)
    throw new ForbiddenError(
      `${KINDS[kind].name} are written through the panel routes (/api/cases/{caseId}/panel/…)`,
    );
  requireCan(c, action, caseId);
}

/** Parses the query and the body against the declaration; the handler gets the parsed values. */
function validate(d: Declaration): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let query: unknown = {};
    if (d.query) {
      const r = d.query.safeParse(c.req.query());
      if (!r.success) {
        const issues = fieldIssues(r.error);
        throw new InputError(d.invalid ?? `invalid query parameter ${issues[0]?.field ?? ''}`.trim(), issues);
      }
      query = r.data;
    }
    let body: unknown;
    if (isSchema(d.body)) {
      const r = d.body.safeParse(await jsonBody(c));
      if (!r.success) throw new InputError(d.invalid ?? 'invalid request body', fieldIssues(r.error));
      body = r.data;
    } else if (d.body && typeof d.body === 'object' && 'json' in d.body && !isMultipart(c))
      // Read as JSON only when it is not a form: a body read once as JSON cannot be read as a form.
      body = await jsonBody(c);
    c.set('input', { query, body });
    await next();
  };
}

const isMultipart = (c: C) => (c.req.header('content-type') ?? '').startsWith('multipart/form-data');

/** A zod schema (as opposed to the other body specs, or a plain JSON Schema object). */
export function isSchema(b: unknown): b is z.ZodType {
  return typeof b === 'object' && b !== null && 'safeParse' in b;
}
