/**
 * Import benchmark: N source-list rows (default 1,000,000) from CSV into the encrypted SQLite store,
 * through the same code path as `testigo import --kind source-records`. The CSV is generated once
 * into bench/out/; the import runs in a fresh child process so its peak RSS is its own.
 *
 * It runs twice (a fresh store each time) and reports the better run, with both runs' figures,
 * the machine and its load average at the start and the end (the machine may be shared).
 *
 *   node --import tsx bench/import/run.ts [rows]
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

const rows = Number(process.argv[2] ?? 1_000_000);
const root = new URL('../..', import.meta.url).pathname;
const out = join(root, 'bench', 'out');
mkdirSync(out, { recursive: true });
const csv = join(out, `import-${rows}.csv`);

const GIVEN = [
  'María José',
  'José Luis',
  'Ana',
  'Carlos Eduardo',
  'Yusleidy',
  'Luis',
  'Andreína',
  'Pedro',
  'Génesis',
  'Juan Carlos',
];
const SUR = [
  'González',
  'Rodríguez',
  'Pérez',
  'Hernández',
  'García',
  'Martínez',
  'López',
  'Díaz',
  'Rojas',
  'Villarroel',
  'Briceño',
];
const STATES = [
  'Distrito Capital',
  'Miranda',
  'Zulia',
  'Carabobo',
  'Lara',
  'Táchira',
  'Mérida',
  'Anzoátegui',
];

async function writeCsv() {
  const ws = createWriteStream(csv);
  const write = (s: string) =>
    ws.write(s) ? Promise.resolve() : new Promise<void>((r) => ws.once('drain', () => r()));
  await write(
    'record_id,given_names,first_surname,second_surname,sex,birth_date,document_id,state,municipality,event_date,act_type\n',
  );
  let buf = '';
  for (let i = 0; i < rows; i++) {
    buf += `R${i},${GIVEN[i % 10]},${SUR[i % 11]},${SUR[(i * 7) % 11]},${i % 2 ? 'M' : 'F'},${String(1 + (i % 28)).padStart(2, '0')}/${String(1 + (i % 12)).padStart(2, '0')}/19${60 + (i % 40)},V-${(5_000_000 + i * 3).toLocaleString('de-DE')},${STATES[i % 8]},,2017-0${1 + (i % 9)}-1${i % 10},arbitrary_detention\n`;
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise<void>((r) => ws.end(() => r()));
}

if (!existsSync(csv)) {
  process.stderr.write(`generating ${csv}…\n`);
  await writeCsv();
}
const dataDir = join(out, 'import-store');
const load = () => loadavg().map((x) => +x.toFixed(2));
const loadAtStart = load();

function importOnce() {
  rmSync(dataDir, { recursive: true, force: true });
  const res = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'bench/import/import-once.ts'), csv, dataDir],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (res.status !== 0) {
    process.stderr.write(`import failed (exit ${res.status})\n`);
    process.exit(1);
  }
  const m = JSON.parse(res.stdout);
  const run = {
    rows: m.rows as number,
    seconds: +m.seconds.toFixed(2),
    rowsPerSecond: Math.round(m.rows / m.seconds),
    cpuSeconds: +m.cpuSeconds.toFixed(2),
    peakRssMiB: Math.round(m.maxRssKiB / 1024),
    dbMiB: +(statSync(join(dataDir, 'testigo.db')).size / 2 ** 20).toFixed(1),
  };
  rmSync(dataDir, { recursive: true, force: true });
  return run;
}

const runs = [importOnce(), importOnce()];
const best = runs[0]!.seconds <= runs[1]!.seconds ? runs[0]! : runs[1]!;
const result = {
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  loadAverageAtStart: loadAtStart,
  loadAverageAtEnd: load(),
  csvMiB: +(statSync(csv).size / 2 ** 20).toFixed(1),
  ...best,
  rowsPerSecondOfBothRuns: runs.map((r) => r.rowsPerSecond),
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
