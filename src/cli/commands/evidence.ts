import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { IntegrityError } from '../../domain/errors.js';
import { openStoreFromEnv } from '../store-env.js';
import { actor } from './init.js';

const MEDIA: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.html': 'text/html',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.mp4': 'video/mp4',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.warc': 'application/warc',
  '.json': 'application/json',
  '.csv': 'text/csv',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

interface AddFlags {
  case?: string;
  title: string;
  kind: string;
  by: string;
  method: string;
  from?: string;
  derivedFrom?: string;
  derivation?: string;
  protection: string;
  consent: string;
}

export function registerEvidence(program: Command): void {
  const ev = program
    .command('evidence')
    .description('evidence files: content-addressed, encrypted, with chain of custody');
  ev.command('add')
    .description('store a file as evidence (SHA-256 computed on arrival; the original is never modified)')
    .argument('<file>')
    .option('--case <id>', 'case file (may be omitted when the store holds one)')
    .requiredOption('--title <title>', 'what the file is')
    .option('--kind <kind>', 'document, photo, video, audio, web_capture, …', 'document')
    .option('--by <name>', 'who collected it', process.env.USER ?? 'unknown')
    .option('--method <how>', 'how it was obtained', 'received as a file')
    .option('--from <where>', 'from whom or where (URL, place)')
    .option('--derived-from <id>', 'the original this file is derived from (e.g. a redacted copy)')
    .option('--derivation <what>', 'how it was derived')
    .option('--protection <level>', 'public, restricted or protected', 'restricted')
    .option('--consent <scope>', 'internal, courts or public', 'internal')
    .action(async (file: string, f: AddFlags) => {
      const store = await openStoreFromEnv();
      try {
        const caseId = await store.resolveCaseId(f.case);
        const rec = await store.addEvidence(
          caseId,
          createReadStream(file),
          {
            title: f.title,
            kind: f.kind,
            mediaType: MEDIA[extname(file).toLowerCase()] ?? 'application/octet-stream',
            fileName: basename(file),
            acquisition: {
              by: f.by,
              at: new Date().toISOString(),
              method: f.method,
              from: f.from,
              tool: 'testigo evidence add',
            },
            derivedFrom: f.derivedFrom,
            derivation: f.derivation,
            protection: f.protection,
            consent: f.consent,
            graphic: false,
            supports: { eventIds: [], actIds: [], personIds: [] },
          } as never,
          actor(),
        );
        process.stdout.write(`${rec.id} ${rec.body.sha256} ${rec.body.size}\n`);
      } finally {
        await store.close();
      }
    });
  ev.command('get')
    .description('write an evidence file (verified against its SHA-256; recorded in its custody log)')
    .argument('<id>')
    .requiredOption('--out <file>')
    .action(async (id: string, f: { out: string }) => {
      const store = await openStoreFromEnv();
      try {
        await writeFile(f.out, await store.readEvidence(id, actor(), 'exported'), { mode: 0o600 });
      } finally {
        await store.close();
      }
    });
  ev.command('verify')
    .description('re-read every evidence file of the case and check its SHA-256; names each that fails')
    .option('--case <id>')
    .action(async (f: { case?: string }) => {
      const store = await openStoreFromEnv();
      try {
        const caseId = await store.resolveCaseId(f.case);
        let ok = 0;
        const bad: string[] = [];
        for await (const rec of store.iterate('evidence', caseId)) {
          try {
            await store.blobs.verify(rec.body.sha256);
            ok++;
          } catch (err) {
            if (!(err instanceof IntegrityError)) throw err;
            bad.push(`${rec.id}: ${err.message}`);
          }
        }
        for (const b of bad) process.stdout.write(`FAILED ${b}\n`);
        process.stdout.write(`${ok} evidence file(s) intact, ${bad.length} failed\n`);
        process.exitCode = bad.length ? 1 : 0;
      } finally {
        await store.close();
      }
    });
  ev.command('custody')
    .description('the chain of custody of one evidence item')
    .argument('<id>')
    .action(async (id: string) => {
      const store = await openStoreFromEnv();
      try {
        await store.require('evidence', id);
        for (const c of await store.custody(id))
          process.stdout.write(`${c.at}\t${c.action}\t${c.actor}\t${c.note ?? ''}\n`);
      } finally {
        await store.close();
      }
    });
}
