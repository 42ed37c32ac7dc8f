/**
 * Evidence files on S3-compatible object storage (AWS S3, MinIO, Ceph, R2) through the official
 * AWS SDK. The objects are exactly what the local store writes (blob-cipher.ts): encrypted here,
 * in chunks, before a byte leaves the process — the storage service never sees plaintext, names
 * are the SHA-256 of the plaintext, every read is verified. An object appears under its name only
 * whole: a single PUT or a completed multipart upload is atomic in S3, so a crash leaves at most
 * an incomplete multipart upload or a temporary object under `<prefix>/tmp/` (sweepTemp, or a
 * lifecycle rule on the bucket, removes them).
 *
 * Chosen by TESTIGO_BLOB_URL=s3://bucket/prefix?endpoint=https://host:9000&region=… ; credentials
 * come from the SDK's usual chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles, roles) and
 * never from the URL, so they are never in a log line or a message.
 */

import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { IntegrityError, TestigoError, UsageError } from '../domain/errors.js';
import { sha256Hex } from '../domain/hashing.js';
import type { MasterKey } from '../security/keyring.js';
import { BlobEncryptor, decryptBlob } from './blob-cipher.js';
import { BlobStoreError, type EvidenceBlobs, type StoredBlob } from './blobs.js';

/** S3 copies one object in one request up to 5 GiB. */
const MAX_COPY = 5 * 1024 ** 3;
/** Multipart part size: S3's minimum is 5 MiB; larger parts mean fewer requests. */
const PART_SIZE = 8 * 1024 * 1024;

export interface S3Location {
  bucket: string;
  prefix: string;
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
}

/** Reads `s3://bucket/prefix?endpoint=…&region=…&pathStyle=true|false`; refuses credentials in it. */
export function parseBlobUrl(url: string): S3Location {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UsageError('TESTIGO_BLOB_URL is not a URL (expected s3://bucket/prefix?endpoint=…)');
  }
  if (u.protocol !== 's3:')
    throw new UsageError(`TESTIGO_BLOB_URL must start with s3:// (got ${u.protocol}//…)`);
  if (u.username || u.password)
    throw new UsageError(
      'TESTIGO_BLOB_URL must not hold credentials; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY instead',
    );
  const bucket = u.hostname;
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
    throw new UsageError(`TESTIGO_BLOB_URL names an invalid bucket ${JSON.stringify(bucket)}`);
  const endpoint = u.searchParams.get('endpoint') ?? undefined;
  if (endpoint && !/^https?:\/\//.test(endpoint))
    throw new UsageError('the endpoint in TESTIGO_BLOB_URL must start with http:// or https://');
  const pathStyle = u.searchParams.get('pathStyle');
  return {
    bucket,
    prefix: decodeURIComponent(u.pathname).replace(/^\/+|\/+$/g, ''),
    endpoint,
    region: u.searchParams.get('region') ?? process.env.AWS_REGION ?? 'us-east-1',
    // MinIO, Ceph and s3rver are addressed by path; AWS by virtual host.
    forcePathStyle: pathStyle ? pathStyle === 'true' : endpoint !== undefined,
  };
}

/** What failed, by S3 error name and the step, never a credential, a key or content. */
function s3Error(err: unknown, action: string, step: string): unknown {
  if (err instanceof TestigoError) return err;
  const e = err as { name?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  const code = e?.name ?? e?.code ?? 'Error';
  const status = e?.$metadata?.httpStatusCode;
  const reason =
    code === 'AccessDenied' || status === 403
      ? 'the object store denied access (check the credentials and the bucket policy)'
      : code === 'NoSuchBucket'
        ? 'the bucket does not exist'
        : status && status >= 500
          ? 'the object store failed'
          : typeof e?.code === 'string' && /^E[A-Z]+$/.test(e.code)
            ? 'the object store cannot be reached'
            : 'the object store refused the operation';
  return new BlobStoreError(`${action}: ${reason} (${code} while ${step})`, code, step, { cause: err });
}

const notFound = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
};

export class S3BlobStore implements EvidenceBlobs {
  private readonly key: Buffer;
  private readonly keyId: string;
  private readonly client: S3Client;

  constructor(
    readonly location: S3Location,
    master: MasterKey,
    /** Extra client settings (tests pass credentials for their local server). */
    config: Partial<S3ClientConfig> = {},
  ) {
    this.key = master.derive('blob-v1');
    this.keyId = master.keyId;
    this.client = new S3Client({
      region: location.region,
      endpoint: location.endpoint,
      forcePathStyle: location.forcePathStyle,
      ...config,
    });
  }

  private objectKey(sha256: string): string {
    const name = `${sha256.slice(0, 2)}/${sha256}.blob`;
    return this.location.prefix ? `${this.location.prefix}/${name}` : name;
  }

  private tmpPrefix(): string {
    return this.location.prefix ? `${this.location.prefix}/tmp/` : 'tmp/';
  }

  describe(): string {
    const { bucket, prefix, endpoint } = this.location;
    return `s3://${bucket}/${prefix}${endpoint ? ` at ${endpoint}` : ''}`;
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await this.client.send(
        new HeadObjectCommand({ Bucket: this.location.bucket, Key: this.objectKey(sha256) }),
      );
      return true;
    } catch (err) {
      if (notFound(err)) return false;
      throw s3Error(err, `cannot look up evidence file ${sha256}`, 'asking the object store');
    }
  }

  /**
   * Stores bytes and returns their SHA-256. Bytes in memory are hashed first and uploaded once,
   * straight under their final name; a stream goes to a temporary object that is copied under its
   * name when the hash is known (then removed).
   */
  async put(source: AsyncIterable<Uint8Array> | Uint8Array): Promise<StoredBlob> {
    let step = 'uploading the encrypted object';
    const action = 'cannot store the evidence file';
    try {
      if (source instanceof Uint8Array) {
        const sha256 = sha256Hex(source);
        step = 'asking whether it is stored already';
        if (await this.has(sha256)) return { sha256, size: source.byteLength, created: false };
        step = 'uploading the encrypted object';
        const enc = new BlobEncryptor(this.key, this.keyId);
        await this.upload(this.objectKey(sha256), encrypted(enc, [source]));
        return { sha256, size: source.byteLength, created: true };
      }
      const tmp = `${this.tmpPrefix()}${Date.now()}-${randomBytes(8).toString('hex')}.part`;
      const enc = new BlobEncryptor(this.key, this.keyId);
      let sha256 = '';
      await this.upload(
        tmp,
        (async function* () {
          yield* encrypted(enc, source, (h) => {
            sha256 = h;
          });
        })(),
      );
      try {
        step = 'asking whether it is stored already';
        if (await this.has(sha256)) return { sha256, size: enc.size, created: false };
        if (enc.size > MAX_COPY - 1024 * 1024)
          throw new BlobStoreError(
            `${action}: a streamed file over 5 GiB cannot be moved into place on object storage; upload it from memory`,
            'TooLarge',
            'moving the object into place',
          );
        step = 'moving the object into place';
        await this.client.send(
          new CopyObjectCommand({
            Bucket: this.location.bucket,
            Key: this.objectKey(sha256),
            CopySource: encodeURI(`${this.location.bucket}/${tmp}`),
          }),
        );
        return { sha256, size: enc.size, created: true };
      } finally {
        await this.client
          .send(new DeleteObjectCommand({ Bucket: this.location.bucket, Key: tmp }))
          .catch(() => {});
      }
    } catch (err) {
      throw s3Error(err, action, step);
    }
  }

  private async upload(key: string, body: AsyncIterable<Buffer>): Promise<void> {
    const up = new Upload({
      client: this.client,
      params: { Bucket: this.location.bucket, Key: key, Body: Readable.from(body) },
      partSize: PART_SIZE,
      queueSize: 2,
      // A failed multipart upload is aborted: no parts are left behind to pay for.
      leavePartsOnError: false,
    });
    await up.done();
  }

  async get(sha256: string): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const p of this.stream(sha256)) parts.push(p);
    return Buffer.concat(parts);
  }

  async *stream(sha256: string): AsyncGenerator<Buffer> {
    yield* decryptBlob(this.readRaw(sha256), this.key, this.keyId, sha256);
  }

  async verify(sha256: string): Promise<void> {
    for await (const _ of this.stream(sha256)) {
      // reading is the check
    }
  }

  async *readRaw(sha256: string): AsyncGenerator<Buffer> {
    let body: AsyncIterable<Uint8Array>;
    try {
      const r = await this.client.send(
        new GetObjectCommand({ Bucket: this.location.bucket, Key: this.objectKey(sha256) }),
      );
      body = r.Body as AsyncIterable<Uint8Array>;
    } catch (err) {
      if (notFound(err)) throw new IntegrityError(`evidence file ${sha256} is missing from the blob store`);
      throw s3Error(err, `cannot read evidence file ${sha256}`, 'opening it');
    }
    try {
      for await (const piece of body) yield Buffer.from(piece);
    } catch (err) {
      throw s3Error(err, `cannot read evidence file ${sha256}`, 'reading it');
    }
  }

  async putRaw(sha256: string, source: AsyncIterable<Uint8Array>): Promise<void> {
    const key = this.objectKey(sha256);
    try {
      await this.upload(
        key,
        (async function* () {
          for await (const p of source) yield Buffer.from(p);
        })(),
      );
    } catch (err) {
      throw s3Error(err, `cannot restore evidence file ${sha256}`, 'uploading the encrypted object');
    }
    try {
      await this.verify(sha256);
    } catch (err) {
      await this.client
        .send(new DeleteObjectCommand({ Bucket: this.location.bucket, Key: key }))
        .catch(() => {});
      throw err;
    }
  }

  /** Deletes a stored blob (only a failed restore calls this, to leave the bucket as it was). */
  async remove(sha256: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.location.bucket, Key: this.objectKey(sha256) }),
    );
  }

  async *list(): AsyncGenerator<string> {
    const pattern = /([0-9a-f]{2})\/([0-9a-f]{64})\.blob$/;
    const prefix = this.location.prefix ? `${this.location.prefix}/` : '';
    let token: string | undefined;
    do {
      let page: { Contents?: { Key?: string }[]; NextContinuationToken?: string; IsTruncated?: boolean };
      try {
        page = await this.client.send(
          new ListObjectsV2Command({
            Bucket: this.location.bucket,
            Prefix: prefix,
            ContinuationToken: token,
          }),
        );
      } catch (err) {
        throw s3Error(err, 'cannot list the evidence files', 'listing the bucket');
      }
      for (const o of page.Contents ?? []) {
        const rest = o.Key?.slice(prefix.length) ?? '';
        const m = pattern.exec(rest);
        if (m && rest === `${m[1]}/${m[2]}.blob` && m[2]!.startsWith(m[1]!)) yield m[2]!;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async sweepTemp(opts: { olderThanMs?: number } = {}): Promise<number> {
    const cutoff = Date.now() - (opts.olderThanMs ?? 3_600_000);
    let removed = 0;
    let token: string | undefined;
    do {
      let page: {
        Contents?: { Key?: string; LastModified?: Date }[];
        NextContinuationToken?: string;
        IsTruncated?: boolean;
      };
      try {
        page = await this.client.send(
          new ListObjectsV2Command({
            Bucket: this.location.bucket,
            Prefix: this.tmpPrefix(),
            ContinuationToken: token,
          }),
        );
      } catch (err) {
        throw s3Error(err, 'cannot clean the blob store', 'listing its temporary objects');
      }
      for (const o of page.Contents ?? []) {
        if (!o.Key?.endsWith('.part') || (o.LastModified?.getTime() ?? 0) > cutoff) continue;
        await this.client.send(new DeleteObjectCommand({ Bucket: this.location.bucket, Key: o.Key }));
        removed++;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return removed;
  }

  close(): void {
    this.client.destroy();
  }
}

/** The encrypted form of a plaintext stream: header, chunks, last chunk; reports the SHA-256. */
async function* encrypted(
  enc: BlobEncryptor,
  source: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  done?: (sha256: string) => void,
): AsyncGenerator<Buffer> {
  yield enc.header();
  for await (const piece of source) yield* enc.push(piece);
  const { last, sha256 } = enc.finish();
  yield last;
  done?.(sha256);
}
