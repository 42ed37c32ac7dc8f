/**
 * The fictional demo case (`testigo demo`, `npm start` on a fresh machine, the browser tests): a
 * demo store with the generated case file, its lists linked and estimated as an analyst would, one
 * account per role and a panel of three fictional experts. Passphrase, passwords and tokens are
 * published: demo only.
 */
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemoCase } from '../demo/generate.js';
import { demoNarratives } from '../demo/narratives.js';
import { UsageError } from '../domain/errors.js';
import { importCaseJson } from '../ingest/case-json.js';
import { saveNarrative } from '../review/narratives.js';
import { setPanel } from '../review/panel.js';
import type { Role } from '../security/policy.js';
import { linkCaseFile } from '../store/case-linkage.js';
import type { CaseStore } from '../store/case-store.js';
import { openStore } from '../store/open.js';
import { Accounts } from './accounts.js';
import { estimateCaseFile } from './estimate.js';

/** Demo stores are opened with a published passphrase; they must never hold real data. */
export const DEMO_PASSPHRASE = 'testigo-demo-only-not-for-real-data';
/** The file that marks a data directory as a demo store (the only kind `testigo demo` overwrites). */
export const DEMO_MARKER = 'DEMO-ONLY';
export const DEMO_PASSWORD = 'demo-password-not-secret';
export const DEMO_USERS: { username: string; role: Role; cleared: boolean }[] = [
  { username: 'demo-admin', role: 'administrator', cleared: true },
  { username: 'demo-documenter', role: 'documenter', cleared: true },
  { username: 'demo-analyst', role: 'analyst', cleared: false },
  { username: 'demo-panelist', role: 'panelist', cleared: false },
  { username: 'demo-panelist-2', role: 'panelist', cleared: false },
  { username: 'demo-panelist-3', role: 'panelist', cleared: false },
  { username: 'demo-viewer', role: 'viewer', cleared: false },
];

export interface DemoResult {
  caseId: string;
  tokens: { admin: string; viewer: string };
}

/**
 * Creates a fresh demo store in `dir` (wiping a previous demo store there, never anything else),
 * loads the fictional demo case and one demo account per role. Passphrase, passwords and tokens
 * are published: demo only.
 */
export async function createDemoStore(
  dir: string,
  opts: { seed?: number } = {},
): Promise<{ store: CaseStore } & DemoResult> {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!existsSync(join(dir, DEMO_MARKER))) {
      throw new UsageError(
        `${dir} holds a store that is not a demo store; refusing to overwrite it (choose another --out)`,
      );
    }
    rmSync(dir, { recursive: true, force: true });
  }
  const store = await openStore({
    dataDir: dir,
    key: { kind: 'passphrase', passphrase: DEMO_PASSPHRASE },
    create: true,
  });
  writeFileSync(
    join(dir, DEMO_MARKER),
    'This store holds the fictional demo case. Its passphrase is public. Never put real data here.\n',
  );
  const { caseId } = await importCaseJson(store, generateDemoCase({ seed: opts.seed }), 'system:demo', {
    file: 'demo',
  });
  // The lists are linked to the documented persons and the total estimated, as an analyst would,
  // so the dashboard, the review queue and the report have something to show on first start.
  await linkCaseFile(store, caseId, 'system:demo');
  await estimateCaseFile(store, caseId, { method: 'auto', seed: 1 }, 'system:demo');
  const accounts = new Accounts(store);
  const ids: Record<string, string> = {};
  for (const u of DEMO_USERS) {
    const user = await accounts.createUser(
      {
        username: u.username,
        displayName: `${u.username} (demo)`,
        password: DEMO_PASSWORD,
        isAdmin: u.role === 'administrator',
      },
      'system:demo',
    );
    await accounts.setMember(caseId, user.id, u.role, 'system:demo');
    if (u.cleared) await accounts.setClearance(caseId, user.id, true, 'system:demo');
    ids[u.username] = user.id;
  }
  const admin = await accounts.createToken(
    ids['demo-admin']!,
    'demo administrator token',
    'write',
    'system:demo',
  );
  const viewer = await accounts.createToken(ids['demo-viewer']!, 'demo viewer token', 'read', 'system:demo');
  await setupDemoPanel(store, caseId, dir);
  writeFileSync(
    join(dir, 'DEMO-CREDENTIALS.txt'),
    `DEMO ONLY — never use for real data.\npassphrase: ${DEMO_PASSPHRASE}\nusers: ${DEMO_USERS.map((u) => `${u.username} (${u.role})`).join(', ')}\npassword of every demo user: ${DEMO_PASSWORD}\nAPI token (demo-admin, write): ${admin.token}\nAPI token (demo-viewer, read): ${viewer.token}\n`,
    { mode: 0o600 },
  );
  return { store, caseId, tokens: { admin: admin.token, viewer: viewer.token } };
}

/**
 * A panel of three fictional experts. Real experts keep their own private keys; the demo's are
 * written beside the demo store (demo only) so anyone can try the sign-off.
 */
export async function setupDemoPanel(store: CaseStore, caseId: string, dir: string): Promise<void> {
  const keyDir = join(dir, 'demo-panel-keys');
  mkdirSync(keyDir, { recursive: true, mode: 0o700 });
  const experts = [
    { username: 'demo-panelist', name: 'Dra. Elena Ficticia (presidenta)', role: 'chair' as const },
    { username: 'demo-panelist-2', name: 'Dr. Tomás Inventado', role: 'member' as const },
    { username: 'demo-panelist-3', name: 'Dra. Lucía Imaginaria', role: 'member' as const },
  ];
  const members = experts.map((e) => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    writeFileSync(join(keyDir, `${e.username}.pem`), privateKey.export({ type: 'pkcs8', format: 'pem' }), {
      mode: 0o600,
    });
    return {
      ...e,
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      assignments: [],
      declaredIndependence: 'Declaración ficticia de independencia (demo).',
    };
  });
  await setPanel(
    store,
    caseId,
    { name: 'Panel de expertos independientes (ficticio)', members, requiredSignatures: 3 },
    'system:demo',
  );
  // The report's authored sections, citing a public and a protected testimony and an evidence file.
  const testimonies = await store.list('testimony', caseId, { limit: 10_000 });
  const evidence = await store.list('evidence', caseId, { limit: 10_000 });
  const pub = (b: { protection: string; consent: string }) =>
    b.protection === 'public' && b.consent === 'public';
  const texts = demoNarratives({
    publicTestimony: testimonies.find((x) => pub(x.body))?.id,
    protectedTestimony: testimonies.find((x) => x.body.protection === 'protected')?.id,
    evidence: evidence.find((x) => pub(x.body))?.id,
    members: experts.map((e) => e.username),
  });
  for (const { member, ...n } of texts)
    await saveNarrative(store, caseId, n, member ?? experts[0]!.username, 'system:demo');
}
