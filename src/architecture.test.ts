/**
 * Rules ARCHITECTURE.md states, enforced: a rule without a test is not a rule.
 *  - Route handlers ask the policy (security/policy.ts, server/authorize.ts) and present through the
 *    read model (read-model/presenter.ts); they check no role or protection level themselves and
 *    serialise no stored record directly.
 *  - The pure core imports no adapter.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';

const SRC = new URL('.', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const full = join(dir, n);
    return statSync(full).isDirectory()
      ? files(full)
      : n.endsWith('.ts') && !n.endsWith('.test.ts')
        ? [full]
        : [];
  });
}

/** Inline authorization: role names, role or tier comparisons, identity predicates, protection levels. */
const INLINE_CHECKS: [RegExp, string][] = [
  [/\broleIn\(/, 'reads a role (ask a policy function)'],
  [/\bcan\(/, 'calls can() (use requireCan/requireAny or a policy predicate)'],
  [/\bcanSeeIdentity\(|\bcanSeeTestimony\(/, 'decides identity visibility (the read model does)'],
  [/\brole\s*[!=]==|[!=]==\s*'(viewer|analyst|documenter|panelist|administrator)'/, 'compares a role'],
  [/\btierOf\(.*\)\s*[!=]==|[!=]==\s*'cleared'/, 'compares an access tier'],
  [/\bprotection\s*[!=]==\s*'|[!=]==\s*'(restricted|protected)'/, 'compares a protection level'],
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
      'const hidden = r.personId && !canSeeIdentity(p, caseId, protections.get(r.personId), r.personId);',
      "if (tierOf(c.get('principal'), caseId) === 'cleared') {",
      'const entry = await store.addCustody(rec.id, body, actor);\nreturn c.json(entry, 201);',
      'return c.json({ items: await store.linkDecisions(caseId) });',
    ];
    for (const src of before) assert.notDeepEqual(routeViolations(src), [], src);
    assert.deepEqual(routeViolations('return c.json(presentRecord(rec, ctx), 201);'), []);
  });

  it('the pure core imports no adapter', () => {
    // demo/ still takes the case-file document types from ingest/ (issue 17 moves them to domain/).
    const core = ['domain', 'law', 'linkage', 'estimate', 'synth'];
    const adapters = /from '(\.\.\/)+(store|server|cli|read-model|backup|ingest|capture)\//;
    const found: string[] = [];
    for (const dir of core)
      for (const f of files(join(SRC, dir))) {
        const src = readFileSync(f, 'utf8');
        if (adapters.test(src)) found.push(relative(SRC, f));
      }
    assert.deepEqual(found, []);
  });
});
