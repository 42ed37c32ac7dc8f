import { resolve } from 'node:path';
import type { Command } from 'commander';
import { backupStore, restoreStore } from '../../backup/backup.js';
import { blobUrl, databaseUrl, dataDir, keySourceFromEnv, openStoreFromEnv } from '../store-env.js';

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description(
      'write a consistent, encrypted snapshot of the store (database, keyring, evidence files from disk or TESTIGO_BLOB_URL) to one file, while the server may keep running; embedded or server mode (TESTIGO_DATABASE_URL)',
    )
    .requiredOption('--out <file>', 'the backup file to create (must not exist)')
    .action(async (opts: { out: string }) => {
      const store = await openStoreFromEnv();
      try {
        const m = await backupStore(store, dataDir(), resolve(opts.out));
        const blobs = m.files.filter((f) => f.path.startsWith('blobs/')).length;
        process.stdout.write(
          `backup written to ${opts.out}: database, keyring and ${blobs} evidence file(s); audit head ${m.auditHead.seq} ${m.auditHead.hash}\n`,
        );
      } finally {
        await store.close();
      }
    });
  program
    .command('restore')
    .description(
      'restore a backup into an empty TESTIGO_DATA (and, for a server-mode backup, an empty database at TESTIGO_DATABASE_URL; evidence into an empty TESTIGO_BLOB_URL when set), verifying every file, the manifest signature, the audit log and every evidence hash first',
    )
    .argument('<file>', 'a file written by `testigo backup`')
    .action(async (file: string) => {
      const dir = dataDir();
      const r = await restoreStore(resolve(file), dir, await keySourceFromEnv({ dir }), {
        databaseUrl: databaseUrl(),
        blobUrl: blobUrl(),
      });
      process.stdout.write(
        `restored into ${r.engine === 'postgres' ? `the database at TESTIGO_DATABASE_URL and ${dir}` : dir}: ${r.files} files verified, audit log intact (${r.auditEntries} entries, head ${r.auditHead.hash}), ${r.evidenceVerified} evidence file(s) verified\n`,
      );
    });
}
