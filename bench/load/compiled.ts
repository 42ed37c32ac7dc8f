/**
 * bench:load measures what `npm start` runs: the compiled server (dist/), not the TypeScript
 * sources through tsx (whose compilation took 2.6% of a CPU profile at 150 requests/s and whose
 * loader hooks stay on every import). Builds the server first when dist is missing or older than
 * any source file or the build's tsconfig, so a run never measures stale code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../src/test-support/load-driver.js';

const MAIN = join(REPO_ROOT, 'dist/cli/main.js');

/** The newest modification time among the files that the build compiles (and its settings). */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
        newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  walk(join(REPO_ROOT, 'src'));
  for (const f of ['tsconfig.json', 'tsconfig.build.json'])
    newest = Math.max(newest, statSync(join(REPO_ROOT, f)).mtimeMs);
  return newest;
}

/** Why dist must be built again (undefined: it is current). */
export function staleReason(): string | undefined {
  if (!existsSync(MAIN)) return 'dist/cli/main.js does not exist';
  if (statSync(MAIN).mtimeMs < newestSource()) return 'a source file is newer than dist';
  return undefined;
}

/** Builds the server (tsc -p tsconfig.build.json; the web app is not needed by the API) if stale. */
export function ensureCompiled(log: (s: string) => void): void {
  const why = staleReason();
  if (!why) return;
  log(`building the server (${why}): tsc -p tsconfig.build.json …`);
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: REPO_ROOT,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0)
    throw new Error(`the build failed (exit ${r.status}); run \`npm run build\` to see why`);
  log(`  built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
