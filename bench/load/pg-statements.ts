/**
 * Which statements took PostgreSQL's time (pg_stat_statements; `npm run bench:load -- --pg
 * --pg-statements` loads it into the throw-away server and prints this table at the end of a run).
 * Statements are normalized (parameters as $1 …); total and mean execution time, calls and rows.
 */
import pg from 'pg';

export async function resetStatements(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await c.query('SELECT pg_stat_statements_reset()');
  } finally {
    await c.end();
  }
}

export async function topStatements(url: string, top = 15): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{
      query: string;
      calls: string;
      total: number;
      mean: number;
      rows: string;
    }>(
      `SELECT query, calls, total_exec_time AS total, mean_exec_time AS mean, rows
         FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        ORDER BY total_exec_time DESC LIMIT $1`,
      [top],
    );
    const all = await c.query<{ t: number }>(
      `SELECT sum(total_exec_time) AS t FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    const sum = Number(all.rows[0]?.t ?? 0);
    const lines = [
      `PostgreSQL: ${(sum / 1000).toFixed(1)} s of statement execution; the ${rows.length} largest`,
      '| total s | share | calls | mean ms | rows/call | statement |',
      '|---|---|---|---|---|---|',
      ...rows.map(
        (r) =>
          `| ${(r.total / 1000).toFixed(1)} | ${((100 * r.total) / sum).toFixed(1)} % | ${r.calls} | ${r.mean.toFixed(2)} | ${(Number(r.rows) / Number(r.calls)).toFixed(1)} | \`${r.query.replace(/\s+/g, ' ').slice(0, 160)}\` |`,
      ),
    ];
    return lines.join('\n');
  } finally {
    await c.end();
  }
}
