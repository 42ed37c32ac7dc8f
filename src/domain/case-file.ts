/**
 * The case file as one JSON document (`testigo-case-file`, version 1): every record with its id and
 * metadata, custody entries, source-list rows and (optionally) the evidence files. The shape lives in
 * the core because the demo generator writes it and the ingest adapter reads and writes it.
 */
import { z } from 'zod';
import { Sha256Hex } from './schema.js';

export const CASE_JSON_FORMAT = 'testigo-case-file';

const MetaJson = z.object({
  id: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  version: z.number().int().positive(),
  deletedAt: z.string().nullable(),
});
export const RecordJson = MetaJson.extend({ body: z.unknown() });

export const CaseJson = z.object({
  format: z.literal(CASE_JSON_FORMAT),
  version: z.literal(1),
  exportedAt: z.string(),
  auditHead: z.object({ seq: z.number(), hash: z.string() }).optional(),
  case: MetaJson.extend({ body: z.unknown() }),
  records: z.record(z.string(), z.array(RecordJson)),
  custody: z
    .array(z.object({ evidenceId: z.string(), createdAt: z.string(), createdBy: z.string() }).passthrough())
    .default([]),
  sourceRecords: z
    .array(
      z.object({
        listId: z.string(),
        rowNo: z.number().int(),
        recordId: z.string(),
        data: z.record(z.string(), z.string()),
        personId: z.string().nullable().optional(),
      }),
    )
    .default([]),
  files: z.array(z.object({ sha256: Sha256Hex, base64: z.string() })).default([]),
});
export type CaseJson = z.infer<typeof CaseJson>;
