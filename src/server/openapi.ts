/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the store validates with, so the
 * contract cannot drift from the code.
 */
import { z } from 'zod';
import { KIND_NAMES, KINDS } from '../domain/kinds.js';
import { CaseFileBody, CustodyEntryBody } from '../domain/schema.js';
import { HIDDEN_FILTER_FIELDS, NAME_SORTED_KINDS } from '../read-model/visibility.js';

/** The filterable fields of every kind, and how filters and sorts treat identities the caller may not see. */
const FILTERS_DESCRIPTION = [
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

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: 'output',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest;
}

export function openApiDocument(version: string): Record<string, unknown> {
  const schemas: Record<string, unknown> = {
    Error: errorSchema,
    CaseFile: jsonSchema(CaseFileBody),
    CustodyEntry: jsonSchema(CustodyEntryBody),
  };
  for (const k of KIND_NAMES) schemas[pascal(k)] = jsonSchema(KINDS[k].schema);
  const kindParam = {
    name: 'kind',
    in: 'path',
    required: true,
    schema: { type: 'string', enum: KIND_NAMES.map((k) => KINDS[k].name) },
  };
  const caseParam = { name: 'caseId', in: 'path', required: true, schema: { type: 'string' } };
  const pathParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
  const idParam = pathParam('id');
  const q = (name: string, schema: Record<string, unknown>) => ({
    name,
    in: 'query',
    required: false,
    schema,
  });
  const json = (schema: Record<string, unknown>) => ({
    required: true,
    content: { 'application/json': { schema } },
  });
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
      '/api/auth/login': {
        post: {
          summary:
            'Sign in (password, and a TOTP or recovery code when 2FA is on); sets the session cookie, returns the CSRF token',
          security: [],
          requestBody: json({
            type: 'object',
            required: ['username', 'password'],
            properties: {
              username: { type: 'string' },
              password: { type: 'string' },
              totp: { type: 'string' },
              recoveryCode: { type: 'string' },
            },
          }),
          responses: {
            200: { description: 'signed in' },
            401: err('wrong username, password or code (the same answer for every account)'),
            429: err('too many failed attempts from this address (per account and address back-off)'),
            403: err('cross-site request'),
            415: err('not JSON'),
          },
        },
      },
      '/api/auth/logout': { post: { summary: 'Sign out', responses: { 200: { description: 'ok' } } } },
      '/api/auth/me': {
        get: {
          summary:
            'The signed-in user, their memberships and `required`: what the account must do first (password_change_required, twofa_enrolment_required or null). Until then every other call but that change and sign-out answers 403 with that reason',
          responses: { 200: { description: 'user' }, 401: err('not authenticated') },
        },
      },
      '/api/auth/2fa/begin': {
        post: {
          summary:
            'Start TOTP enrolment or a change of authenticator (session only): the password, and a current code or a recovery code when 2FA is on. The active secret stays until the new one is confirmed',
          requestBody: json({
            type: 'object',
            required: ['password'],
            properties: {
              password: { type: 'string' },
              totp: { type: 'string' },
              recoveryCode: { type: 'string' },
            },
          }),
          responses: { 200: { description: 'otpauth URI' }, 401: err('password or code wrong') },
        },
      },
      '/api/auth/2fa/confirm': {
        post: {
          summary: 'Confirm the pending TOTP secret with a first code; returns ten recovery codes once',
          responses: { 200: { description: 'recovery codes' } },
        },
      },
      '/api/auth/2fa/disable': {
        post: {
          summary:
            'Switch two-step verification off (session only): the password and a current code or a recovery code',
          requestBody: json({
            type: 'object',
            required: ['password'],
            properties: {
              password: { type: 'string' },
              totp: { type: 'string' },
              recoveryCode: { type: 'string' },
            },
          }),
          responses: { 200: { description: 'off' }, 401: err('password or code wrong') },
        },
      },
      '/api/auth/password': {
        post: {
          summary:
            'Change the password (session only): currentPassword (and a code when 2FA is on), newPassword (12–512 characters, not a common or breached password); every other session ends',
          requestBody: json({
            type: 'object',
            required: ['currentPassword', 'newPassword'],
            properties: {
              currentPassword: { type: 'string' },
              newPassword: { type: 'string' },
              totp: { type: 'string' },
              recoveryCode: { type: 'string' },
            },
          }),
          responses: {
            200: { description: 'changed' },
            400: err('new password refused'),
            401: err('wrong password or code'),
          },
        },
      },
      '/api/auth/notices': {
        get: {
          summary: "The account's security notices (2FA or password changed)",
          responses: { 200: { description: 'notices' } },
        },
      },
      '/api/auth/notices/seen': {
        post: { summary: 'Mark the notices as seen', responses: { 200: { description: 'ok' } } },
      },
      '/api/session/csrf': {
        get: {
          summary:
            'A fresh CSRF token for this browser session (cookie sessions only; needs the X-Requested-With header)',
          responses: { 200: { description: 'token' }, 401: err('no session') },
        },
      },
      '/api/cases/{caseId}/interviews': {
        get: {
          summary: "The caller's own interview drafts (sealed; only their author lists them)",
          parameters: [caseParam],
          responses: { 200: { description: 'drafts' }, 403: err('not allowed') },
        },
      },
      '/api/cases/{caseId}/interviews/{id}': {
        get: {
          summary: 'One of the caller’s interview drafts',
          parameters: [caseParam, idParam],
          responses: { 200: { description: 'draft' }, 404: err('no such draft') },
        },
        put: {
          summary:
            'Save a draft (client-generated id; a sequence number keeps an older save from overwriting a newer one)',
          parameters: [caseParam, idParam],
          responses: { 200: { description: 'saved' }, 400: err('invalid'), 403: err('not allowed') },
        },
        delete: {
          summary: 'Discard a draft (its sealed content is erased)',
          parameters: [caseParam, idParam],
          responses: { 200: { description: 'discarded' }, 404: err('no such draft') },
        },
      },
      '/api/cases/{caseId}/interviews/{id}/finish': {
        post: {
          summary:
            'Write the interview (witness, victims, event, acts, perpetrators, testimony) in one transaction; idempotent on the draft id',
          parameters: [caseParam, idParam],
          responses: {
            201: { description: 'written' },
            200: { description: 'already written: the same ids' },
          },
        },
      },
      '/api/users': {
        get: { summary: 'Accounts (global administrators)', responses: { 200: { description: 'users' } } },
        post: {
          summary: 'Create an account (global administrators; a write-scoped token or a session)',
          responses: {
            201: { description: 'the new user' },
            403: err('not an administrator or a read token'),
          },
        },
      },
      '/api/users/{id}/disable': {
        post: {
          summary: 'Disable an account and end its sessions (global administrators)',
          parameters: [idParam],
          responses: { 200: { description: 'ok' } },
        },
      },
      '/api/users/{id}/enable': {
        post: {
          summary: 'Enable an account (global administrators)',
          parameters: [idParam],
          responses: { 200: { description: 'ok' } },
        },
      },
      '/api/users/{id}/reset-2fa': {
        post: {
          summary:
            'Turn off two-step verification of another account that lost its authenticator; its sessions end and it is notified (global administrators)',
          parameters: [idParam],
          responses: { 200: { description: 'ok' }, 400: err('one’s own account: use the settings') },
        },
      },
      '/api/users/{id}/password': {
        post: {
          summary:
            'Set a temporary password for another account (global administrators); its sessions end and it must change the password at the next sign-in',
          parameters: [idParam],
          requestBody: json({
            type: 'object',
            required: ['password'],
            properties: { password: { type: 'string' } },
          }),
          responses: { 200: { description: 'ok' }, 400: err('a weak password, or one’s own account') },
        },
      },
      '/api/cases/{caseId}/two-step': {
        get: {
          summary: 'Whether members of the case file must use two-step verification',
          parameters: [caseParam],
          responses: { 200: { description: '{required}' } },
        },
        put: {
          summary:
            'Require two-step verification of every member (global administrators): members without it must enrol before any other call (403 reason twofa_enrolment_required)',
          parameters: [caseParam],
          requestBody: json({
            type: 'object',
            required: ['required'],
            properties: { required: { type: 'boolean' } },
          }),
          responses: { 200: { description: '{required}' }, 403: err('not an administrator') },
        },
      },
      '/api/vocabularies': {
        get: {
          summary: 'Controlled vocabularies with Spanish and English labels',
          responses: { 200: { description: 'vocabularies' } },
        },
      },
      '/api/cases': {
        get: {
          summary: 'Case files the caller is a member of',
          responses: { 200: { description: 'list' }, 401: err('not authenticated') },
        },
      },
      '/api/cases/{caseId}': {
        get: {
          summary: 'One case file with record counts',
          parameters: [caseParam],
          responses: { 200: { description: 'case file' }, 404: err('no such case file') },
        },
      },
      '/api/cases/{caseId}/records/{kind}': {
        get: {
          summary:
            'List records of one kind: equality filters on indexed fields, sort=default|created|updated, order=asc|desc, limit, offset',
          description: FILTERS_DESCRIPTION,
          parameters: [
            caseParam,
            kindParam,
            q('limit', { type: 'integer', minimum: 1, maximum: 500, default: 50 }),
            q('offset', { type: 'integer', minimum: 0 }),
            q('sort', { type: 'string', enum: ['default', 'created', 'updated'] }),
            q('order', { type: 'string', enum: ['asc', 'desc'] }),
          ],
          responses: {
            200: { description: 'page of presented (redacted) records' },
            400: err('bad filter'),
            403: err('not allowed'),
          },
        },
        post: {
          summary: "Create a record (body: the kind's schema)",
          parameters: [caseParam, kindParam],
          responses: {
            201: { description: 'created' },
            400: err('invalid, with field issues'),
            403: err('not allowed'),
          },
        },
      },
      '/api/cases/{caseId}/records/{kind}/{id}': {
        get: {
          summary: 'One record (ETag: its version)',
          parameters: [caseParam, kindParam, idParam],
          responses: { 200: { description: 'record' }, 404: err('not found') },
        },
        put: {
          summary: 'Replace a record; If-Match: version refuses lost updates',
          parameters: [caseParam, kindParam, idParam],
          responses: { 200: { description: 'updated' }, 409: err('changed meanwhile') },
        },
        delete: {
          summary: 'Soft-delete a record (administrators)',
          parameters: [caseParam, kindParam, idParam, q('reason', { type: 'string' })],
          responses: { 200: { description: 'deleted' }, 409: err('still referenced') },
        },
      },
      '/api/cases/{caseId}/records/{kind}/{id}/history': {
        get: {
          summary:
            "A record's versions from the audit log, each presented for the caller (at the higher of its own and the current protection), with the fields each changed; who changed it for writers and administrators",
          parameters: [caseParam, kindParam, idParam],
          responses: { 200: { description: 'versions, oldest first' }, 404: err('not found') },
        },
      },
      '/api/cases/{caseId}/records/{kind}/{id}/cited-by': {
        get: {
          summary:
            'The testimonies (as witness, supported person, cited evidence) and evidence (supported person) that cite a person or an evidence item, presented for the caller; audited',
          parameters: [caseParam, kindParam, idParam, q('lang', { type: 'string', enum: ['es', 'en'] })],
          responses: {
            200: { description: 'groups (kind, total, items with via), labels' },
            404: err('not found'),
          },
        },
      },
      '/api/cases/{caseId}/deleted/{kind}': {
        get: {
          summary:
            'Deleted records of a kind, most recently deleted first, each presented for the caller (administrators); audited',
          parameters: [
            caseParam,
            kindParam,
            q('limit', { type: 'integer' }),
            q('offset', { type: 'integer' }),
          ],
          responses: {
            200: { description: 'total, items (with deletedAt), labels' },
            403: err('not allowed'),
          },
        },
      },
      '/api/cases/{caseId}/records/{kind}/{id}/restore': {
        post: {
          summary:
            'Undo a soft delete (administrators who can read the record in full); refused while it references a deleted record; audited as restore',
          parameters: [caseParam, kindParam, idParam],
          responses: {
            200: { description: 'the restored record' },
            403: err('not allowed'),
            400: err('references a deleted record (restore that one first)'),
            404: err('not found'),
            409: err('not deleted'),
          },
        },
      },
      '/api/cases/{caseId}/export/{kind}': {
        get: {
          summary:
            'A filtered list as CSV or XLSX: the same filters and order as the list, every row presented (redacted) for the caller, with a label column beside each reference',
          description: FILTERS_DESCRIPTION,
          parameters: [
            caseParam,
            kindParam,
            q('format', { type: 'string', enum: ['csv', 'xlsx'], default: 'csv' }),
            q('sort', { type: 'string', enum: ['default', 'created', 'updated'] }),
            q('order', { type: 'string', enum: ['asc', 'desc'] }),
            q('lang', { type: 'string', enum: ['es', 'en'] }),
          ],
          responses: {
            200: { description: 'the file (attachment)' },
            400: err('bad filter or too many rows'),
            403: err('not allowed'),
          },
        },
      },
      '/api/cases/{caseId}/saved-filters': {
        get: {
          summary: "The caller's saved filters of one list (query kind)",
          parameters: [caseParam, q('kind', { type: 'string' })],
          responses: { 200: { description: 'saved filters' } },
        },
        post: {
          summary: 'Save a filter of a list: body {kind, name, query} (the query string of the list view)',
          parameters: [caseParam],
          responses: { 201: { description: 'saved' }, 400: err('invalid') },
        },
      },
      '/api/cases/{caseId}/saved-filters/{id}': {
        delete: {
          summary: "Remove one of the caller's saved filters",
          parameters: [caseParam, idParam],
          responses: { 200: { description: 'removed' }, 404: err('not found') },
        },
      },
      '/api/cases/{caseId}/search': {
        get: {
          summary:
            'Full-text search (accent-insensitive, Spanish and English stemming) with facets and highlighted snippets',
          parameters: [
            caseParam,
            q('q', { type: 'string' }),
            q('kind', { type: 'string' }),
            q('actType', { type: 'string' }),
            q('state', { type: 'string' }),
            q('yearFrom', { type: 'integer' }),
            q('yearTo', { type: 'integer' }),
            q('unit', { type: 'string' }),
            q('source', { type: 'string' }),
            q('protection', { type: 'string' }),
            q('limit', { type: 'integer' }),
            q('offset', { type: 'integer' }),
            q('lang', { type: 'string', enum: ['es', 'en'] }),
          ],
          responses: {
            200: {
              description:
                'hits, total, facets; labels (redacted names of what hits reference) and facetLabels (facet values as words)',
            },
          },
        },
      },
      '/api/cases/{caseId}/export': {
        get: {
          summary: 'The case file as JSON, presented for the caller (analysts, administrators); audited',
          parameters: [caseParam],
          responses: { 200: { description: 'export' } },
        },
      },
      '/api/cases/{caseId}/evidence': {
        post: {
          summary:
            'Upload an evidence file (multipart: file + meta JSON); type sniffed, SHA-256 computed on arrival',
          parameters: [caseParam],
          responses: { 201: { description: 'evidence record' }, 400: err('refused upload') },
        },
      },
      '/api/cases/{caseId}/evidence/{id}/content': {
        get: {
          summary: 'Download an evidence file, verified against its SHA-256; recorded in its custody log',
          parameters: [caseParam, idParam],
          responses: { 200: { description: 'bytes' } },
        },
      },
      '/api/cases/{caseId}/evidence/{id}/custody': {
        get: {
          summary: 'Chain of custody',
          parameters: [caseParam, idParam],
          responses: { 200: { description: 'entries' } },
        },
        post: {
          summary: 'Add a custody entry',
          parameters: [caseParam, idParam],
          requestBody: json({ $ref: '#/components/schemas/CustodyEntry' }),
          responses: { 201: { description: 'entry' } },
        },
      },
      '/api/cases/{caseId}/source-lists': {
        post: {
          summary:
            "Upload an organization's list (multipart: file, name, idColumn); commits whole or not at all",
          parameters: [caseParam],
          responses: { 201: { description: 'import report' } },
        },
      },
      '/api/cases/{caseId}/source-lists/{listId}/records': {
        get: {
          summary: 'Raw rows of a list (members; rows of persons you may not see are withheld)',
          parameters: [
            caseParam,
            pathParam('listId'),
            q('afterRow', { type: 'integer' }),
            q('limit', { type: 'integer' }),
          ],
          responses: { 200: { description: 'rows' } },
        },
      },
      '/api/cases/{caseId}/linkage/runs': {
        post: {
          summary:
            "Link the case file's list records to each other and to its persons (analysts); body {threshold?, full?}",
          parameters: [caseParam],
          responses: { 201: { description: 'run summary' } },
        },
      },
      '/api/cases/{caseId}/linkage/review': {
        get: {
          summary:
            'Review queue: uncertain pairs of the latest run, both records side by side, undecided only',
          parameters: [caseParam, q('limit', { type: 'integer' }), q('offset', { type: 'integer' })],
          responses: { 200: { description: 'pairs' } },
        },
      },
      '/api/cases/{caseId}/linkage/decisions': {
        get: {
          summary: 'Review decisions in force (latest per pair)',
          parameters: [caseParam],
          responses: { 200: { description: 'decisions' } },
        },
        post: {
          summary:
            'Record a decision on a pair: must-link, cannot-link or unsure (audited; honoured by the next run)',
          parameters: [caseParam],
          responses: { 201: { description: 'decision id' } },
        },
      },
      '/api/cases/{caseId}/analysis': {
        get: {
          summary:
            'The legal analysis: case matrix per crime and element (status, independent sources, grade, gaps, items cited), context indicators, responsibility, jurisdiction, admissibility, gravity; persons maps ids to what the caller may see. Shared between requests: `asOf` gives the audit entry and time it was computed (at most 5 s old unless ?fresh=1); ?summary=1 for the dashboard',
          parameters: [caseParam],
          responses: { 200: { description: 'analysis' } },
        },
      },
      '/api/cases/{caseId}/analyses': {
        get: {
          summary:
            'Stored analyses of the case (members): estimates with their results; linkage runs with their settings and inputs hash only (their record-level pairs stay in the store)',
          parameters: [caseParam, q('kind', { type: 'string', enum: ['estimate', 'linkage'] })],
          responses: { 200: { description: 'analyses' }, 400: err('kind must be estimate or linkage') },
        },
      },
      '/api/cases/{caseId}/panel': {
        get: {
          summary:
            'The panel: members and key fingerprints, current report version and content hash, signatures (valid or void), opinions, comments',
          parameters: [caseParam],
          responses: { 200: { description: 'panel state' } },
        },
        put: {
          summary:
            'Create or change the panel (administrators): name, members with Ed25519 public keys, signatures required',
          parameters: [caseParam],
          requestBody: json({ type: 'object' }),
          responses: { 200: { description: 'panel' } },
        },
      },
      '/api/cases/{caseId}/panel/comments': {
        post: {
          summary:
            'Comment on a finding (element or crime id, or section:<name>), optionally answering a comment; the author is the caller',
          parameters: [caseParam],
          responses: { 201: { description: 'comment' } },
        },
      },
      '/api/cases/{caseId}/panel/opinions': {
        post: {
          summary:
            "A panel member's opinion on a finding: agree, disagree (dissent, reasons required) or abstain",
          parameters: [caseParam],
          responses: { 201: { description: 'opinion' } },
        },
      },
      '/api/cases/{caseId}/panel/versions': {
        post: {
          summary:
            'Freeze the current report content; a change since the last version makes a new one and voids its signatures',
          parameters: [caseParam],
          responses: { 201: { description: 'version and content SHA-256' } },
        },
      },
      '/api/cases/{caseId}/narratives': {
        get: {
          summary:
            "The report's authored sections (background, attack, methodology, limitations, recommendations, panel declarations) per edition and language, as the caller may read them; the confidential edition's only for cleared members",
          parameters: [caseParam],
          responses: { 200: { description: 'items' } },
        },
        put: {
          summary:
            'Write one authored section (section, edition, lang, text; a new revision, audited). Members who may review; the confidential edition only when cleared; a declaration is the caller’s own (panel members). Citations are written `[@id]` (testimony, evidence or information item); an unknown or deleted id refuses the next freeze',
          parameters: [caseParam],
          requestBody: json({ type: 'object' }),
          responses: { 200: { description: 'narrative' }, 403: err('not allowed for this edition') },
        },
      },
      '/api/cases/{caseId}/panel/notices/seen': {
        post: {
          summary:
            "Acknowledge the caller's notices of signatures a content change voided (GET /panel lists them as voidNotices until then); audited",
          parameters: [caseParam],
          responses: { 200: { description: '{acknowledged}' } },
        },
      },
      '/api/cases/{caseId}/panel/signatures': {
        post: {
          summary:
            'Sign the current version: base64 Ed25519 signature over the UTF-8 bytes of its content SHA-256 (hex), verified with the member’s registered key',
          parameters: [caseParam],
          responses: {
            201: { description: 'signature' },
            400: err('does not verify, or the version was superseded'),
          },
        },
      },
      '/api/public/cases/{caseId}': {
        get: {
          summary:
            'Public form of a case (no authentication): title and proof-of-work difficulty; 404 unless the case has public intake enabled',
          security: [],
          parameters: [caseParam],
          responses: { 200: { description: 'form settings' }, 404: err('no such public form') },
        },
      },
      '/api/public/challenge': {
        post: {
          summary:
            'A signed, single-use, 10-minute proof-of-work challenge {challenge, difficulty, expiresAt}: find a nonce so that SHA-256(challenge + ":" + nonce) has `difficulty` leading zero bits',
          security: [],
          requestBody: json({
            type: 'object',
            properties: { caseId: { type: 'string' } },
            required: ['caseId'],
          }),
          responses: { 200: { description: 'challenge' }, 429: err('too many challenges') },
        },
      },
      '/api/public/cases/{caseId}/submissions': {
        post: {
          summary:
            'Send a testimony or information (no authentication): {challenge, nonce, website (must be empty), kind, text, language, anonymous, name?, contact?, when?, where?, consent}; lands in quarantine, never shown publicly',
          security: [],
          parameters: [caseParam],
          requestBody: json({ type: 'object' }),
          responses: {
            202: { description: '{id, receipt, status: "quarantined"}' },
            400: err('invalid fields, challenge not accepted, or refused'),
            429: err('rate limited (per address and per case)'),
          },
        },
      },
      '/api/cases/{caseId}/submissions': {
        get: {
          summary:
            'The quarantine queue (documenters): ?status=quarantined|accepted|rejected, newest first, with the classifier’s spam probability; sender identity only for cleared members',
          parameters: [caseParam],
          responses: { 200: { description: '{total, items}' }, 403: err('not a documenter') },
        },
      },
      '/api/cases/{caseId}/submissions/{id}/decision': {
        post: {
          summary:
            'Accept (creates a protected testimony) or reject {decision, reason?}; audited; retrains the case’s classifier',
          parameters: [caseParam],
          requestBody: json({ type: 'object' }),
          responses: { 200: { description: '{submission, testimonyId?}' }, 409: err('already decided') },
        },
      },
      '/api/cases/{caseId}/report': {
        get: {
          summary:
            'The report (PDF drawn without a browser, or self-contained HTML); public edition for members, confidential only for cleared members; audited',
          parameters: [
            caseParam,
            q('edition', { type: 'string', enum: ['public', 'confidential'] }),
            q('lang', { type: 'string', enum: ['es', 'en'] }),
            q('format', { type: 'string', enum: ['pdf', 'html'] }),
          ],
          responses: { 200: { description: 'the report' } },
        },
      },
      '/api/cases/{caseId}/captures': {
        post: {
          summary:
            'Capture a web address (JSON {url, charset?, protection?, collector?}; loopback and private addresses refused unless the server allows them) or an uploaded saved .html/.txt file (multipart file + meta): WARC evidence, information items, pending suggestions',
          parameters: [caseParam],
          responses: {
            201: { description: 'captured (new or changed: a new version)' },
            200: { description: 'unchanged since the latest capture' },
            400: err('unreachable, not HTML or text, too large, malformed, wrongly encoded: nothing stored'),
          },
        },
      },
      '/api/cases/{caseId}/suggestions': {
        get: {
          summary: "Suggestions from captures, shown no wider than their item's protection",
          parameters: [
            caseParam,
            q('status', { type: 'string', enum: ['pending', 'accepted', 'rejected'] }),
            q('item', { type: 'string' }),
            q('kind', { type: 'string' }),
            q('limit', { type: 'integer' }),
            q('offset', { type: 'integer' }),
          ],
          responses: { 200: { description: 'suggestions' } },
        },
      },
      '/api/cases/{caseId}/suggestions/{id}/accept': {
        post: {
          summary: 'Accept: create the record proposed, or link {personId}; audited',
          parameters: [caseParam, idParam],
          responses: { 200: { description: 'the decided suggestion' }, 409: err('already decided') },
        },
      },
      '/api/cases/{caseId}/suggestions/{id}/reject': {
        post: {
          summary: 'Reject, with an optional {note}; audited',
          parameters: [caseParam, idParam],
          responses: { 200: { description: 'the decided suggestion' }, 409: err('already decided') },
        },
      },
      '/api/cases/{caseId}/members': {
        get: {
          summary: 'Members and roles (administrators)',
          parameters: [caseParam],
          responses: { 200: { description: 'members' } },
        },
      },
      '/api/cases/{caseId}/members/{userId}': {
        put: {
          summary: "Set a member's role",
          parameters: [caseParam, pathParam('userId')],
          responses: { 200: { description: 'ok' } },
        },
      },
      '/api/cases/{caseId}/members/{userId}/clearance': {
        put: {
          summary: 'Grant or revoke clearance for protected identities (case-wide or one person)',
          parameters: [caseParam, pathParam('userId')],
          responses: { 200: { description: 'ok' }, 403: err('role cannot be cleared') },
        },
      },
      '/api/cases/{caseId}/audit': {
        get: {
          summary:
            'The audit log of the case file (administrators): oldest first after `after`, or newest first (order=desc) before `before`; filters by actor, entity (kind name), action and a from/to window (ISO 8601)',
          parameters: [
            caseParam,
            q('after', { type: 'integer' }),
            q('before', { type: 'integer' }),
            q('order', { type: 'string', enum: ['asc', 'desc'] }),
            q('actor', { type: 'string' }),
            q('entity', { type: 'string' }),
            q('action', { type: 'string' }),
            q('from', { type: 'string', format: 'date-time' }),
            q('to', { type: 'string', format: 'date-time' }),
            q('limit', { type: 'integer' }),
          ],
          responses: { 200: { description: 'entries' } },
        },
      },
    },
  };
}

function pascal(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
