/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the store validates with, so the
 * contract cannot drift from the code.
 */
import { z } from 'zod';
import { KIND_NAMES, KINDS } from '../domain/kinds.js';
import { CaseFileBody } from '../domain/schema.js';

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        issues: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              field: { type: 'string' },
              row: { type: 'integer' },
              file: { type: 'string' },
              message: { type: 'string' },
            },
          },
        },
      },
    },
  },
};

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: 'output',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest;
}

export function openApiDocument(version: string): Record<string, unknown> {
  const schemas: Record<string, unknown> = { Error: errorSchema, CaseFile: jsonSchema(CaseFileBody) };
  for (const k of KIND_NAMES) schemas[pascal(k)] = jsonSchema(KINDS[k].schema);
  const kindParam = {
    name: 'kind',
    in: 'path',
    required: true,
    schema: { type: 'string', enum: KIND_NAMES.map((k) => KINDS[k].name) },
  };
  const err = (d: string) => ({
    description: d,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Testigo API',
      version,
      description:
        'Case files documenting crimes against humanity. Every route except /api/health, /api/openapi.json, sign-in and public intake requires authentication (Authorization: Bearer <token>). Protected identities are pseudonymised for viewers without clearance.',
    },
    servers: [{ url: '/' }],
    components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths: {
      '/api/health': {
        get: { summary: 'Liveness', security: [], responses: { 200: { description: 'ok' } } },
      },
      '/api/openapi.json': {
        get: { summary: 'This document', security: [], responses: { 200: { description: 'OpenAPI 3.1' } } },
      },
      '/api/cases': {
        get: {
          summary: 'Case files',
          responses: { 200: { description: 'list' }, 401: err('not authenticated') },
        },
      },
      '/api/cases/{caseId}': {
        get: {
          summary: 'One case file with record counts',
          parameters: [{ name: 'caseId', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            200: { description: 'case file' },
            401: err('not authenticated'),
            404: err('no such case file'),
          },
        },
      },
      '/api/cases/{caseId}/records/{kind}': {
        get: {
          summary: 'List records of one kind (paginated, filterable by indexed fields)',
          parameters: [
            { name: 'caseId', in: 'path', required: true, schema: { type: 'string' } },
            kindParam,
            {
              name: 'limit',
              in: 'query',
              schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
            },
            { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
          ],
          responses: {
            200: { description: 'page of records' },
            400: err('bad filter'),
            401: err('not authenticated'),
          },
        },
      },
      '/api/cases/{caseId}/records/{kind}/{id}': {
        get: {
          summary: 'One record',
          parameters: [
            { name: 'caseId', in: 'path', required: true, schema: { type: 'string' } },
            kindParam,
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          ],
          responses: { 200: { description: 'record' }, 401: err('not authenticated'), 404: err('not found') },
        },
      },
    },
  };
}

function pascal(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
