/**
 * Runs the `testigo` command in-process (`main(argv)`) and captures what it writes: spawning a
 * process per command costs seconds on a shared machine. Environment variables given are set for
 * the run and restored after; so is process.exitCode, so a failing command does not fail the test
 * process, and a test that failed before it (the runner sets the exit code then) still fails it.
 */
import { main } from '../cli/main.js';

export interface CliOutcome {
  code: number;
  out: string;
  err: string;
}

/** The code runCli reports when a command does not settle within `hangMs`. */
export const HUNG = -99;

export async function runCli(
  args: string[],
  env: Record<string, string | undefined> = {},
  hangMs?: number,
): Promise<CliOutcome> {
  const out: string[] = [];
  const err: string[] = [];
  const w1 = process.stdout.write;
  const w2 = process.stderr.write;
  // The test runner reports to its parent in binary chunks through this same stdout: let them pass.
  const capture =
    (into: string[], original: typeof process.stdout.write) =>
    (s: string | Uint8Array, ...rest: unknown[]) => {
      if (typeof s !== 'string') return (original as (...a: unknown[]) => boolean)(s, ...rest);
      into.push(s);
      return true;
    };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  process.stdout.write = capture(out, w1.bind(process.stdout)) as typeof process.stdout.write;
  process.stderr.write = capture(err, w2.bind(process.stderr)) as typeof process.stderr.write;
  const exitCode = process.exitCode;
  process.exitCode = undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    // A command that never settles would end a real `testigo` run silently with exit 0 once the
    // event loop drains; with `hangMs` a watchdog turns it into a reported hang.
    const code = await Promise.race([
      main(args),
      ...(hangMs
        ? [new Promise<number>((resolve) => (timer = setTimeout(() => resolve(HUNG), hangMs)))]
        : []),
    ]);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    clearTimeout(timer);
    process.stdout.write = w1;
    process.stderr.write = w2;
    process.exitCode = exitCode;
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
