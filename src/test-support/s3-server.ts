/**
 * A real S3-compatible server for tests: s3rver (from npm) on a random local port, objects in a
 * temp directory (so a test can look at exactly what the object store holds). The SDK talks to
 * it over HTTP with SigV4 like to AWS or MinIO.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CreateBucketCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { tempDir } from './stores.js';

interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
type S3rverCtor = new (opts: Record<string, unknown>) => S3rverInstance;

export interface TestS3 {
  endpoint: string;
  /** Where the server keeps objects on disk (to check nothing is in clear). */
  directory: string;
  /** Client settings with the server's fixed test credentials. */
  config: Partial<S3ClientConfig>;
  client: S3Client;
  /** Creates a new empty bucket and returns an s3:// URL for it (with a prefix). */
  newBucket(prefix?: string): Promise<{ bucket: string; url: string }>;
  stop(): Promise<void>;
}

export async function startTestS3(): Promise<TestS3> {
  const S3rver = createRequire(import.meta.url)('s3rver') as S3rverCtor;
  const directory = tempDir('testigo-s3-');
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  // s3rver's fixed credentials; a real deployment reads AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
  const config: Partial<S3ClientConfig> = {
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  };
  const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, ...config });
  return {
    endpoint,
    directory,
    config,
    client,
    async newBucket(prefix = 'evidence') {
      const bucket = `t-${randomBytes(5).toString('hex')}`;
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
      return { bucket, url: `s3://${bucket}/${prefix}?endpoint=${encodeURIComponent(endpoint)}` };
    },
    async stop() {
      client.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
