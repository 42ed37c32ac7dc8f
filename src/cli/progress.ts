/**
 * Progress on stderr for long-running work. On a terminal it redraws one line; otherwise
 * (CI, pipes) it prints a line at most every few seconds so logs stay readable.
 */
export interface Progress {
  update(done: number, total?: number, note?: string): void;
  done(summary: string): void;
}

export function progress(
  label: string,
  opts: { quiet?: boolean; stream?: NodeJS.WriteStream } = {},
): Progress {
  const stream = opts.stream ?? process.stderr;
  const tty = Boolean(stream.isTTY);
  const minGap = tty ? 100 : 5000;
  let last = 0;
  const started = Date.now();
  return {
    update(done, total, note) {
      if (opts.quiet || (!tty && done === 0)) return;
      const now = Date.now();
      if (now - last < minGap) return;
      last = now;
      const pct = total ? ` (${((100 * done) / total).toFixed(1)}%)` : '';
      const line = `${label}: ${done.toLocaleString('en')}${total ? ` / ${total.toLocaleString('en')}` : ''}${pct}${note ? ` ${note}` : ''}`;
      stream.write(tty ? `\r\x1b[K${line}` : `${line}\n`);
    },
    done(summary) {
      if (opts.quiet) return;
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      stream.write(`${tty ? '\r\x1b[K' : ''}${label}: ${summary} (${secs} s)\n`);
    },
  };
}
