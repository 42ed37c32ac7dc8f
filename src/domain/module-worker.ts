/**
 * Starts a worker thread on a module next to the caller. Compiled (dist): the .js file. From
 * sources (tests, a checkout without a build): a tiny ESM bootstrap registers tsx in the worker
 * before importing the .ts module, because workers do not inherit a loader registered through
 * tsx's API.
 *
 * @param callerUrl the caller's `import.meta.url` (it says whether this runs from sources)
 * @param name the module's file name without extension, in the caller's folder
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function startModuleWorker(callerUrl: string, name: string, options?: WorkerOptions): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, callerUrl), options);
  const target = JSON.stringify(new URL(`./${name}.ts`, callerUrl).href);
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const boot = `import { register } from ${tsx}; register(); await import(${target});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), options);
}
