/**
 * The OpenAPI 3.1 document, generated from the route declarations (server/route.ts): their paths,
 * summaries, query and body schemas (the zod schemas the middleware validates with) and responses,
 * so the contract cannot drift from the code. What is not per route (info, security scheme, the
 * error shape, the record kinds' schemas) is written here.
 */
import { z } from 'zod';
import { KIND_NAMES, KINDS } from '../domain/kinds.js';
import { CaseFileBody, CustodyEntryBody } from '../domain/schema.js';
import { HIDDEN_FILTER_FIELDS, NAME_SORTED_KINDS } from '../read-model/visibility.js';
import { accessText, type Declaration, isSchema } from './route.js';

/** The filterable fields of every kind, and how filters and sorts treat identities the caller may not see. */
export const FILTERS_DESCRIPTION = [
  'Filterable fields (query parameter = exact value) per kind:',
  ...Object.values(KINDS).map((k) => `- ${k.name}: ${k.columns.length ? k.columns.join(', ') : 'none'}`),
  '',
  `Fields that hold identities (${Object.entries(HIDDEN_FILTER_FIELDS)
    .map(([kind, fs]) => `${KINDS[kind as keyof typeof KINDS].name}: ${fs!.join(', ')}`)
    .join(
      '; ',
    )}) match only records whose identity the caller sees in full; \`protection\` is a filter for cleared members only.`,
  `The default order of ${[...NAME_SORTED_KINDS].map((k) => KINDS[k].name).join(', ')} is by name or title only for cleared members; others get the order of creation.`,
].join('\n');

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: {
          type: 'string',
          description: 'English, for people reading logs; clients translate code/reason',
        },
        reason: { type: 'string', description: 'a finer stable code, e.g. username_taken, self_clearance' },
        params: { type: 'object', description: 'values the message needs, e.g. {"retryAfter": 30}' },
        issues: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              field: { type: 'string' },
              row: { type: 'integer' },
              file: { type: 'string' },
              message: { type: 'string' },
              code: { type: 'string', description: 'e.g. required, too_big, password_common' },
              params: { type: 'object', description: 'e.g. {"origin": "string", "max": 300000}' },
            },
          },
        },
      },
    },
  },
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest;
}

export function openApiDocument(version: string, routes: readonly Declaration[]): Record<string, unknown> {
  const schemas: Record<string, unknown> = {
    Error: errorSchema,
    CaseFile: jsonSchema(CaseFileBody),
    CustodyEntry: jsonSchema(CustodyEntryBody),
  };
  for (const k of KIND_NAMES) schemas[kindSchemaName(k)] = jsonSchema(KINDS[k].schema);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const d of routes) {
    if (d.hidden) continue;
    for (const path of openApiPaths(d.path)) {
      paths[path] ??= {};
      paths[path][d.method] = operation(d, path);
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Testigo API',
      version,
      description:
        'Case files documenting crimes against humanity. Every route except /api/health, /api/openapi.json, sign-in and public intake requires authentication (Authorization: Bearer <token>). Protected identities are pseudonymised for viewers without clearance. `x-testigo-allow` names what an operation needs: a role action in the case file (security/policy.ts), administrator, or signed-in.',
    },
    servers: [{ url: '/' }],
    components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths,
  };
}

/** `/api/users/:id/:verb{disable|enable}` → `/api/users/{id}/disable`, `/api/users/{id}/enable`. */
export function openApiPaths(path: string): string[] {
  const m = path.match(/:(\w+)\{([\w|]+)\}/);
  if (!m) return [path.replace(/:(\w+)/g, '{$1}')];
  return m[2]!.split('|').flatMap((alt) => openApiPaths(path.replace(m[0], alt)));
}

/** Record kinds by their path names (the `kind` parameter of the record routes). */
const KIND_PATH_NAMES = KIND_NAMES.map((k) => KINDS[k].name);

function operation(d: Declaration, path: string): Record<string, unknown> {
  const parameters: Record<string, unknown>[] = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: d.params?.[name!]
      ? jsonSchema(d.params[name!]!)
      : name === 'kind'
        ? { type: 'string', enum: KIND_PATH_NAMES }
        : { type: 'string' },
  }));
  for (const [name, schema] of Object.entries(d.query?.shape ?? {})) {
    const s = schema as z.ZodType;
    parameters.push({ name, in: 'query', required: !s.safeParse(undefined).success, schema: jsonSchema(s) });
  }
  const responses: Record<string, unknown> = {};
  for (const [status, description] of Object.entries(d.responses))
    responses[status] =
      Number(status) >= 400
        ? { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }
        : { description };
  return {
    summary: d.summary,
    ...(d.description ? { description: d.description } : {}),
    ...(d.tag ? { tags: [d.tag] } : {}),
    ...(d.allow === 'public' ? { security: [] } : {}),
    'x-testigo-allow': accessText(d.allow),
    ...(parameters.length ? { parameters } : {}),
    ...requestBody(d),
    responses,
  };
}

function requestBody(d: Declaration): Record<string, unknown> {
  const b = d.body;
  if (!b || b === 'none') return {};
  const json = (schema: unknown, description?: string) => ({
    requestBody: {
      required: true,
      ...(description ? { description } : {}),
      content: { 'application/json': { schema } },
    },
  });
  if (isSchema(b)) return json(jsonSchema(b, 'input'));
  if ('json' in b)
    return json(isSchema(b.json) ? jsonSchema(b.json, 'input') : b.json, `checked by ${b.checkedBy}`);
  return {
    requestBody: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            properties: Object.fromEntries(
              Object.entries(b.multipart).map(([k, description]) => [k, { description }]),
            ),
          },
        },
      },
    },
  };
}

/** The component name of a kind's schema (`detentionPeriod` → `DetentionPeriod`). */
export function kindSchemaName(kind: string): string {
  return kind.charAt(0).toUpperCase() + kind.slice(1);
}
