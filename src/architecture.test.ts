/**
 * Rules ARCHITECTURE.md states, enforced: a rule without a test is not a rule.
 *  - Route handlers ask the policy (security/policy.ts, server/authorize.ts) and present through the
 *    read model (read-model/presenter.ts); they check no role or protection level themselves and
 *    serialise no stored record directly.
 *  - Writes: a record kind's table is written only by records.ts and the key rotation (audit-tail.ts).
 *  - Layers: the pure core imports only the core; nothing imports the edges (server, cli) but the
 *    edges; the folders import each other without cycles; the web app imports no adapter.
 *  - Every /api route is registered through a declaration (server/route.ts) with a summary and, where
 *    it takes a body, a body schema; the OpenAPI document generated from them lists exactly the
 *    routes the server registers.
 *  - KIND_ORDER lists every kind once, each after the kinds it references.
 *  - SQL lives in the store: outside src/store no source reaches the store's Sql handle (tests may,
 *    to tamper with rows); the backup copies the database as a whole and is the one exception.
 *  - Audit entries are appended only by the store's transaction (case-store.ts), after the write.
 *  - Capture's extraction rules (capture/facts/) are pure: no file, network or process I/O, and nothing
 *    from the capture adapter around them (training code that reads the rounds lives in capture/tagger/).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, it } from 'node:test';
import { KIND_NAMES, KIND_ORDER, KINDS } from './domain/kinds.js';
import { createApp } from './server/app.js';
import { openApiDocument, openApiPaths } from './server/openapi.js';
import { ApiRouter, type Declaration, declarationsOf } from './server/route.js';
import { sqliteBackend } from './test-support/stores.js';

const SRC = new URL('.', import.meta.url).pathname;

function files(dir: string, tests = false): string[] {
  return readdirSync(dir).flatMap((n) => {
    const full = join(dir, n);
    return statSync(full).isDirectory()
      ? files(full, tests)
      : /\.tsx?$/.test(n) && (tests || !/\.test\.tsx?$/.test(n))
        ? [full]
        : [];
  });
}

/** Relative imports of a source file, resolved to paths below the repository. */
function importsOf(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  return [
    ...src.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g),
  ].map((m) => normalize(join(dirname(file), (m[1] ?? m[2])!)));
}

/** The top folder of src/ a path is in (or '' for src/ itself, 'web' for the web app). */
const folderOf = (path: string) => (path.startsWith(WEB) ? 'web' : relative(SRC, path).split('/')[0]!);

/** CORE: no I/O, imports only the core. analysis/load.ts is the analysis' one adapter. */
const CORE = new Set([
  'domain',
  'law',
  'analysis',
  'linkage',
  'estimate',
  'synth',
  'demo',
  'search',
  'intake',
]);
const CORE_ADAPTERS = new Set(['analysis/load.ts']);
/** Pure modules outside the core folders the web app may import (they import only the core). */
const WEB_SHARED = new Set(['security/policy']);
/** EDGES: what users run (HTTP server, command line); nothing else may import them. */
const EDGES = new Set(['server', 'cli', 'e2e']);

/** Folder → folders it imports (non-test sources), with one example import per edge. */
function folderGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const f of files(SRC)) {
    const from = folderOf(f);
    if (from === 'test-support' || relative(SRC, f).split('/').length < 2) continue;
    for (const target of importsOf(f)) {
      const to = folderOf(target);
      if (to === from || to.startsWith('..')) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, `${relative(SRC, f)} → ${relative(SRC, target)}`);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** Every cycle between folders, each as "a → b → … → a" with one import per step. */
export function cyclesOf(graph: Map<string, Map<string, string>>): string[] {
  const out = new Set<string>();
  const walk = (path: string[]) => {
    for (const next of graph.get(path.at(-1)!)?.keys() ?? []) {
      if (next === path[0]) {
        const i = path.indexOf([...path].sort()[0]!);
        out.add([...path.slice(i), ...path.slice(0, i), path.slice(i)[0]].join(' → '));
      } else if (!path.includes(next) && next > path[0]!) walk([...path, next]);
    }
  };
  for (const start of graph.keys()) walk([start]);
  return [...out].sort();
}

const WEB = join(SRC, '..', 'web', 'src');

/** Inline authorization: role names, role or tier comparisons, identity predicates, protection levels. */
const INLINE_CHECKS: [RegExp, string][] = [
  [/\broleIn\(/, 'reads a role (ask a policy function)'],
  [/\bcan\(/, 'calls can() (declare `allow` on the route, or ask a policy predicate)'],
  [
    /\brequire(?:Can|Any|Write)\(/,
    'checks an action in the handler (declare it: `allow`, with `{ all: [...] }` for several)',
  ],
  [/\bcanSeeIdentity\(|\bcanSeeTestimony\(/, 'decides identity visibility (the read model does)'],
  [/\brole\s*[!=]==|[!=]==\s*'(viewer|analyst|documenter|panelist|administrator)'/, 'compares a role'],
  [/\btierOf\(.*\)\s*[!=]==|[!=]==\s*'cleared'/, 'compares an access tier'],
  [/\bprotection\s*[!=]==\s*'|[!=]==\s*'(restricted|protected)'/, 'compares a protection level'],
  [/\bc\.req\.json\(/, 'reads the body itself (use jsonBody from server/body.ts)'],
  [
    /\bNumber(\.parseInt)?\((c\.req\.query|q\.|query\.)|parseInt\((c\.req\.query|q\.)/,
    'parses a number itself (declare a query schema, server/query.ts)',
  ],
  [/\.transaction\(/, 'writes several records itself (the operation belongs in services/)'],
];

/** Store calls that return records (counts and ids are not records). */
const READS =
  /await\s+(?:store|s)\.(?:get|require|list|iterate|create|update|custody|addCustody|sourceRecords|auditEntries|linkDecisions|analyses)\(/;

/** Violations of the read-model rules in one route file's source. */
export function routeViolations(source: string): string[] {
  const out: string[] = [];
  const lines = source.split('\n');
  lines.forEach((line, i) => {
    if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
    for (const [re, why] of INLINE_CHECKS)
      if (re.test(line)) out.push(`line ${i + 1}: ${why}: ${line.trim()}`);
  });
  // Variables holding records straight from the store.
  const fromStore = new Set(
    [...source.matchAll(new RegExp(`const\\s+(\\w+)\\s*=\\s*${READS.source}`, 'g'))].map((m) => m[1]!),
  );
  for (const m of source.matchAll(/c\.json\(\s*([\s\S]{0,200}?)(?:,\s*\d{3})?\)/g)) {
    const arg = m[1]!;
    const line = source.slice(0, m.index).split('\n').length;
    const first = arg.match(/^(\w+)\s*$/)?.[1];
    if (READS.test(arg) || (first && fromStore.has(first)))
      out.push(`line ${line}: serialises a stored record without the read model: c.json(${arg.trim()})`);
  }
  return out;
}

const ROUTES = join(SRC, 'server', 'routes');

/** Ways to run SQL around the store's repositories (the escape hatch the accounts used to take). */
const RAW_SQL = /\.(?:sqlHandle|rawRun|rawGet|rawAll)\b|\.db\.(?:run|get|all|exec|insertMany|transaction)\(/;
/** Folders whose sources may hold SQL: the store; the backup, which snapshots the whole database. */
const SQL_OWNERS = new Set(['store', 'backup']);

/** Lines of a source that run SQL around the store's repositories. */
export function rawSqlLines(source: string): string[] {
  return source
    .split('\n')
    .flatMap((line, i) =>
      RAW_SQL.test(line) && !/^\s*(\/\/|\*|\/\*)/.test(line) ? [`line ${i + 1}: ${line.trim()}`] : [],
    );
}

/** Routes served without a declaration, and declarations that document too little. */
export function declarationProblems(
  routes: readonly { method: string; path: string }[],
  declarations: readonly Declaration[],
): string[] {
  const declared = new Set(declarations.map((d) => `${d.method.toUpperCase()} ${d.path}`));
  const out = new Set<string>();
  for (const r of routes)
    if (r.method !== 'ALL' && r.path.startsWith('/api/') && !declared.has(`${r.method} ${r.path}`))
      out.add(`${r.method} ${r.path} is registered without a declaration`);
  for (const d of declarations) {
    const op = `${d.method.toUpperCase()} ${d.path}`;
    if (!d.summary.trim()) out.add(`${op} has no summary`);
    if ((d.method === 'post' || d.method === 'put') && !d.body)
      out.add(`${op} declares no body (body: a schema, or "none")`);
    if (!d.hidden && Object.keys(d.responses).length === 0) out.add(`${op} documents no response`);
  }
  return [...out];
}

describe('architecture', () => {
  it('route handlers check no role or protection themselves and serialise no stored record', () => {
    const found: string[] = [];
    for (const f of files(ROUTES))
      for (const v of routeViolations(readFileSync(f, 'utf8'))) found.push(`${relative(SRC, f)} ${v}`);
    assert.deepEqual(found, []);
  });

  it('the rule catches what it must (the shapes found in the code before the read model)', () => {
    const before = [
      "if (roleIn(p, caseId) === 'viewer') throw new ForbiddenError('x');",
      "if (!can(c.get('principal'), 'analyse', caseId)) throw x;",
      'requireWrite(c, kind, caseId);',
      "requireCan(c, 'delete', caseId);",
      'const hidden = r.personId && !canSeeIdentity(p, caseId, protections.get(r.personId), r.personId);',
      "if (tierOf(c.get('principal'), caseId) === 'cleared') {",
      'const entry = await store.addCustody(rec.id, body, actor);\nreturn c.json(entry, 201);',
      'return c.json({ items: await store.linkDecisions(caseId) });',
      'const body = await c.req.json().catch(() => ({}));',
      'const limit = Math.min(200, Math.max(1, Number(q.limit) || 50));',
      'const result = await store.transaction(async (s) => {',
    ];
    for (const src of before) assert.notDeepEqual(routeViolations(src), [], src);
    assert.deepEqual(routeViolations('return c.json(presentRecord(rec, ctx), 201);'), []);
  });

  it('the pure core imports only the core', () => {
    const found: string[] = [];
    for (const dir of CORE)
      for (const f of files(join(SRC, dir))) {
        if (CORE_ADAPTERS.has(relative(SRC, f))) continue;
        for (const t of importsOf(f))
          if (!CORE.has(folderOf(t))) found.push(`${relative(SRC, f)} → ${relative(SRC, t)}`);
      }
    assert.deepEqual(found, []);
  });

  it('capture/facts is pure: no I/O module, nothing of the capture adapter around it', () => {
    const FACTS = join(SRC, 'capture', 'facts');
    // node:module only loads the data packages (GeoNames cities, regions) the gazetteers are built from.
    const IO = /from\s*'node:(?!module')[^']+'|from\s*'(?:fs|net|http|https|child_process)'/;
    const found: string[] = [];
    for (const f of files(FACTS)) {
      const src = readFileSync(f, 'utf8');
      if (IO.test(src)) found.push(`${relative(SRC, f)}: ${IO.exec(src)![0]}`);
      for (const t of importsOf(f)) {
        const to = relative(join(SRC, 'capture'), t);
        if (
          /^(?:extract|fetch|html|warc|decode|decide|plain|service|link-persons)\b|^tagger\/(?:corpus|story-year-train)\b/.test(
            to,
          )
        )
          found.push(`${relative(SRC, f)} → ${relative(SRC, t)}`);
      }
    }
    assert.deepEqual(found, []);
  });

  it('nothing imports the edges (server, cli) but the edges and the test support: use cases live below them', () => {
    const found: string[] = [];
    for (const f of files(SRC, true)) {
      const from = folderOf(f);
      // The test support runs the real server and command (test code only); this test reads the tree.
      if (EDGES.has(from) || from === 'test-support' || !relative(SRC, f).includes('/')) continue;
      for (const t of importsOf(f))
        if (EDGES.has(folderOf(t))) found.push(`${relative(SRC, f)} → ${relative(SRC, t)}`);
    }
    assert.deepEqual(found, []);
  });

  it('SQL lives in the store: nothing outside src/store (and the backup) runs SQL itself', () => {
    const found: string[] = [];
    for (const f of files(SRC)) {
      if (SQL_OWNERS.has(folderOf(f)) || folderOf(f) === 'test-support') continue;
      for (const l of rawSqlLines(readFileSync(f, 'utf8'))) found.push(`${relative(SRC, f)} ${l}`);
    }
    assert.deepEqual(found, []);
    // What the accounts service did before its repository (the rule catches it).
    for (const src of [
      "const r = await this.store.rawGet<UserRow>('SELECT * FROM app_user WHERE id = ?', [id]);",
      "await s.sqlHandle.run('UPDATE session SET csrf = ? WHERE id_hash = ?', [a, b]);",
      "await store.db.run('DELETE FROM session');",
    ])
      assert.notDeepEqual(rawSqlLines(src), [], src);
    assert.deepEqual(rawSqlLines('await s.sessions.setCsrf(idHash, csrfHash);'), []);
  });

  it("audit entries are appended only by the store's transaction, after the write's own statements", () => {
    const callers = (src: string) => /\bappendAudit\s*\(/.test(src);
    const found = files(SRC)
      .filter((f) => !f.endsWith('store/audit.ts') && !f.endsWith('store/case-store.ts'))
      .filter((f) => callers(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    assert.deepEqual(found, []);
    // What the repositories did before (the rule catches it).
    assert.ok(callers("await appendAudit(s.sqlHandle, { actor, action: 'create' });"));
    assert.ok(!callers("await s.audit({ actor, action: 'create' });"));
  });

  it("a record kind's table is written only by records.ts (each write audits its kind) and the key rotation", () => {
    // audit-tail.ts trusts the audit log to name the kinds a commit changed: a write of a kind's
    // rows elsewhere, audited under another entity, would leave a directory (and the hidden-name
    // matcher built from one) stale.
    const tables = KIND_NAMES.map((k) => KINDS[k].table).join('|');
    const writes = (src: string) =>
      new RegExp(
        `\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+(?:(?:${tables})\\b|\\$\\{(?:spec\\.table|KINDS\\[[^\\]]+\\]\\.table)\\})`,
      ).test(src);
    // source-lists.ts sets a list's row count in the transaction that created it (audited 'source-lists').
    const allowed = [
      'store/repos/records.ts',
      'store/repos/source-lists.ts',
      'store/key-rotation.ts',
      'store/migrations.ts',
    ];
    const found = files(SRC)
      .map((f) => relative(SRC, f))
      .filter((f) => !allowed.includes(f) && folderOf(join(SRC, f)) !== 'backup')
      .filter((f) => writes(readFileSync(join(SRC, f), 'utf8')));
    assert.deepEqual(found, []);
    // The shapes it must catch.
    assert.ok(writes('await s.run(`UPDATE person SET data = ? WHERE id = ?`)'));
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template, as the rule reads it
    assert.ok(writes('`INSERT INTO ${KINDS[kind].table} (id) VALUES (?)`'));
    assert.ok(!writes('INSERT INTO custody_entry (id) VALUES (?)'));
  });

  it('only the test support lowers the password hashing cost', () => {
    const found: string[] = [];
    for (const f of files(SRC))
      if (folderOf(f) !== 'test-support' && !f.endsWith('services/accounts.ts'))
        if (/\bcheapArgonCostForTests\b/.test(readFileSync(f, 'utf8'))) found.push(relative(SRC, f));
    assert.deepEqual(found, []);
  });

  it('migrations are frozen: migrations.ts does not read the kind registry for table shapes', () => {
    const fromKinds = importsOf(join(SRC, 'store', 'migrations.ts')).filter((t) =>
      t.endsWith('domain/kinds.js'),
    );
    assert.deepEqual(
      fromKinds,
      [],
      'migrations.ts imports domain/kinds (KINDS changes would change old migrations)',
    );
  });

  it('the folders import each other without cycles', () => {
    assert.deepEqual(cyclesOf(folderGraph()), []);
  });

  it('the cycle check finds a cycle (the shape the review found: report ↔ bundle)', () => {
    const g = new Map([
      ['report', new Map([['bundle', 'report/build.ts → bundle/manifest.ts']])],
      ['bundle', new Map([['report', 'bundle/case-bundle.ts → report/build.ts']])],
      ['store', new Map([['domain', 'x']])],
    ]);
    assert.deepEqual(cyclesOf(g), ['bundle → report → bundle']);
  });

  it('the web app talks to the server through the API: it imports only pure core modules of src/', () => {
    // Pure modules outside the core folders that the web app shares (one role policy, not a copy).
    const found: string[] = [];
    for (const shared of WEB_SHARED)
      for (const t of importsOf(join(SRC, `${shared}.ts`)))
        if (!CORE.has(relative(SRC, t).split('/')[0]!)) found.push(`${shared} → ${t}`);
    for (const f of files(WEB))
      for (const t of importsOf(f)) {
        if (t.startsWith(WEB)) continue;
        const to = relative(SRC, t).split('/')[0]!;
        if (
          t.startsWith('..') ||
          !(CORE.has(to) || WEB_SHARED.has(relative(SRC, t).replace(/\.(ts|js)$/, '')))
        )
          found.push(`${relative(WEB, f)} → ${t}`);
      }
    assert.deepEqual(found, []);
  });

  it('every /api route is declared, with a summary and its body; the OpenAPI document lists exactly the routes served', async () => {
    const t = await sqliteBackend.open();
    try {
      const app = createApp(t.store, { landingHtml: '<p>x</p>' });
      const declarations = declarationsOf(app);
      assert.deepEqual(declarationProblems(app.routes, declarations), []);
      assert.ok(declarations.length >= 70, `only ${declarations.length} declarations`);
      // Not API operations: the web app's fallback and the page that shows the document itself.
      const hidden = new Set(
        declarations.filter((d) => d.hidden).map((d) => `${d.method.toUpperCase()} ${d.path}`),
      );
      const served = new Set(
        app.routes
          .filter(
            (r) => r.method !== 'ALL' && r.path.startsWith('/api/') && !hidden.has(`${r.method} ${r.path}`),
          )
          .flatMap((r) => openApiPaths(r.path).map((p) => `${r.method} ${p}`)),
      );
      const doc = (await (await app.request('/api/openapi.json')).json()) as {
        paths: Record<string, Record<string, { summary?: string }>>;
      };
      const documented = new Set(
        Object.entries(doc.paths).flatMap(([p, ops]) =>
          Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
        ),
      );
      assert.deepEqual(
        { servedNotDocumented: [...served].filter((op) => !documented.has(op)).sort() },
        { servedNotDocumented: [] },
      );
      assert.deepEqual(
        { documentedNotServed: [...documented].filter((op) => !served.has(op)).sort() },
        { documentedNotServed: [] },
      );
      assert.deepEqual(
        doc,
        openApiDocument('0.1.0', declarations),
        'the served document is the generated one',
      );
    } finally {
      await t.dispose();
    }
  });

  it('the declaration check finds a route registered around the router, and declarations without summary or body', async () => {
    const t = await sqliteBackend.open();
    try {
      const app = createApp(t.store, { landingHtml: '<p>x</p>' });
      // The shape the check exists for: a handler added with plain Hono, bypassing authorization,
      // validation and the document.
      app.get('/api/cases/:caseId/plain', (c) => c.json({}));
      const api = new ApiRouter(app, { isAdministrator: async () => false });
      api.route(
        { method: 'post', path: '/api/cases/:caseId/no-body', summary: ' ', allow: 'write', responses: {} },
        (c) => c.json({}),
      );
      assert.deepEqual(declarationProblems(app.routes, declarationsOf(app)), [
        'GET /api/cases/:caseId/plain is registered without a declaration',
        'POST /api/cases/:caseId/no-body has no summary',
        'POST /api/cases/:caseId/no-body declares no body (body: a schema, or "none")',
        'POST /api/cases/:caseId/no-body documents no response',
      ]);
    } finally {
      await t.dispose();
    }
  });

  it("KIND_ORDER lists every kind once, each after the kinds it references (but a person's photos)", () => {
    assert.deepEqual([...KIND_ORDER].sort(), [...KIND_NAMES].sort());
    const late: string[] = [];
    KIND_ORDER.forEach((kind, i) => {
      for (const [field, target] of Object.entries(KINDS[kind].refs))
        if (target !== kind && KIND_ORDER.indexOf(target as never) > i)
          late.push(`${kind}.${field} → ${target}`);
    });
    assert.deepEqual(late, ['person.photoEvidenceIds → evidence']);
  });
});
