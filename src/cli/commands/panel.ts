import { generateKeyPairSync, sign } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { InputError, UsageError } from '../../domain/errors.js';
import type {
  OpinionBody,
  PanelBody,
  ReportVersionBody,
  ReviewCommentBody,
  SignatureBody,
} from '../../domain/schema-law.js';
import { prepareReport } from '../../report/build.js';
import {
  addComment,
  checkPublicKey,
  keyFingerprint,
  panelState,
  requirePanel,
  setOpinion,
  setPanel,
  signVersion,
  verifyHashSignature,
} from '../../review/panel.js';
import { openStoreFromEnv } from '../store-env.js';
import { actor } from './init.js';

type CaseFlag = { case?: string };

async function withCase<T>(
  f: CaseFlag,
  fn: (store: Awaited<ReturnType<typeof openStoreFromEnv>>, caseId: string) => Promise<T>,
) {
  const store = await openStoreFromEnv();
  try {
    return await fn(store, await store.resolveCaseId(f.case));
  } finally {
    await store.close();
  }
}

export function registerPanel(program: Command): void {
  const panel = program
    .command('panel')
    .description(
      'the expert panel: members and keys, comments, opinions and dissent, Ed25519 sign-off of the report',
    );

  panel
    .command('keygen')
    .description(
      "an expert's Ed25519 key pair: the private key stays with the expert, the public key goes to the panel",
    )
    .requiredOption(
      '--out <file>',
      'private key file (PEM, written with mode 600); the public key goes to FILE.pub',
    )
    .action(async (f: { out: string }) => {
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      await writeFile(f.out, privateKey.export({ type: 'pkcs8', format: 'pem' }), {
        mode: 0o600,
        flag: 'wx',
      }).catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'EEXIST') throw new UsageError(`${f.out} exists; refusing to overwrite a key`);
        throw e;
      });
      const pub = publicKey.export({ type: 'spki', format: 'pem' }).toString();
      await writeFile(`${f.out}.pub`, pub, { flag: 'wx' });
      process.stdout.write(
        `private key: ${f.out} (keep it secret)\npublic key: ${f.out}.pub\nfingerprint: ${keyFingerprint(pub)}\n`,
      );
    });

  panel
    .command('setup')
    .description('create the panel or change its name and the signatures required')
    .option('--case <id>', 'case file')
    .requiredOption('--name <name>', 'e.g. "Panel de expertos independientes"')
    .option('--required <n>', 'signatures required for the report to be final', '3')
    .action(async (f: CaseFlag & { name: string; required: string }) =>
      withCase(f, async (store, caseId) => {
        const cur = (await panelState(store, caseId)).panel?.body as PanelBody | undefined;
        const rec = await setPanel(
          store,
          caseId,
          { name: f.name, members: cur?.members ?? [], requiredSignatures: Number(f.required) } as PanelBody,
          actor(),
        );
        process.stdout.write(`${rec.id}\n`);
      }),
    );

  panel
    .command('add-member')
    .description('add (or update) an expert; their public key lets them sign')
    .option('--case <id>', 'case file')
    .requiredOption('--username <u>', 'the expert’s user name (as they sign in)')
    .requiredOption('--name <name>', 'name shown in the report')
    .option('--role <role>', 'chair or member', 'member')
    .option('--public-key <file>', 'PEM public key (from testigo panel keygen)')
    .option('--assign <targets>', 'comma-separated findings or sections to review first')
    .action(
      async (
        f: CaseFlag & { username: string; name: string; role: string; publicKey?: string; assign?: string },
      ) =>
        withCase(f, async (store, caseId) => {
          const p = await requirePanel(store, caseId);
          const body = p.body as PanelBody;
          const publicKeyPem = f.publicKey ? await readFile(f.publicKey, 'utf8') : undefined;
          if (publicKeyPem) checkPublicKey(publicKeyPem);
          const m = {
            username: f.username,
            name: f.name,
            role: f.role,
            ...(publicKeyPem ? { publicKeyPem } : {}),
            assignments: f.assign ? f.assign.split(',').map((s) => s.trim()) : [],
          };
          const members = [...body.members.filter((x) => x.username !== f.username), m];
          await setPanel(store, caseId, { ...body, members } as PanelBody, actor());
          process.stdout.write(
            `${f.username} is a panel member${publicKeyPem ? ` (key ${keyFingerprint(publicKeyPem).slice(0, 16)}…)` : ''}\n`,
          );
        }),
    );

  panel
    .command('comment')
    .description(
      'comment on a finding (element or crime id, or section:<name>); --reply-to answers a comment',
    )
    .option('--case <id>', 'case file')
    .requiredOption('--as <username>', 'who writes')
    .requiredOption('--target <target>', 'e.g. CAH.7-1-f.E2 or section:gravity')
    .option('--reply-to <id>', 'the comment answered')
    .argument('<text>')
    .action(async (text: string, f: CaseFlag & { as: string; target: string; replyTo?: string }) =>
      withCase(f, async (store, caseId) => {
        const rec = await addComment(
          store,
          caseId,
          { target: f.target, text, ...(f.replyTo ? { parentId: f.replyTo } : {}) },
          f.as,
        );
        process.stdout.write(`${rec.id}\n`);
      }),
    );

  panel
    .command('opinion')
    .description("an expert's opinion on a finding: agree, disagree (a dissent, with reasons) or abstain")
    .option('--case <id>', 'case file')
    .requiredOption('--as <username>', 'the panel member')
    .requiredOption('--target <target>', 'e.g. CAH.7-1-e or CTX.policy')
    .requiredOption('--position <p>', 'agree, disagree or abstain')
    .option('--reasons <text>', 'required for a dissent')
    .action(async (f: CaseFlag & { as: string; target: string; position: string; reasons?: string }) =>
      withCase(f, async (store, caseId) => {
        if (!['agree', 'disagree', 'abstain'].includes(f.position))
          throw new UsageError('--position must be agree, disagree or abstain');
        const rec = await setOpinion(
          store,
          caseId,
          {
            target: f.target,
            position: f.position as OpinionBody['position'],
            ...(f.reasons ? { reasons: f.reasons } : {}),
          },
          f.as,
        );
        process.stdout.write(`${rec.id}\n`);
      }),
    );

  panel
    .command('sign')
    .description('freeze the current report content and sign its SHA-256 with your private key')
    .option('--case <id>', 'case file')
    .requiredOption('--as <username>', 'the panel member')
    .requiredOption('--key <file>', 'your private key (PEM)')
    .option('--expect <sha256>', 'sign only if the content hash is this one (the version you read)')
    .action(async (f: CaseFlag & { as: string; key: string; expect?: string }) =>
      withCase(f, async (store, caseId) => {
        const r = await prepareReport(store, caseId, { actor: actor(), freeze: true });
        if (f.expect && f.expect !== r.contentSha256)
          throw new InputError(
            `the report content changed: its hash is now ${r.contentSha256}, not ${f.expect}; read the new version before signing`,
          );
        const signature = sign(
          null,
          Buffer.from(r.contentSha256, 'utf8'),
          await readFile(f.key, 'utf8'),
        ).toString('base64');
        await signVersion(store, caseId, r.version!.id, f.as, signature);
        process.stdout.write(`signed version ${r.version!.number} (${r.contentSha256}) as ${f.as}\n`);
      }),
    );

  panel
    .command('status')
    .description('members, current version and its signatures, opinions and dissent, open comment threads')
    .option('--case <id>', 'case file')
    .option('--format <format>', 'json or table', 'table')
    .action(async (f: CaseFlag & { format: string }) =>
      withCase(f, async (store, caseId) => {
        const r = await prepareReport(store, caseId, { actor: actor(), freeze: true });
        const st = await panelState(store, caseId);
        const body = st.panel?.body as PanelBody | undefined;
        const current = st.versions[st.versions.length - 1];
        const sigs = st.signatures.map((s) => ({ id: s.id, ...(s.body as SignatureBody) }));
        const status = {
          panel: body
            ? {
                name: body.name,
                requiredSignatures: body.requiredSignatures,
                members: body.members.map((m) => ({
                  username: m.username,
                  name: m.name,
                  role: m.role,
                  key: m.publicKeyPem ? keyFingerprint(m.publicKeyPem) : null,
                })),
              }
            : null,
          current: current ? { id: current.id, ...(current.body as ReportVersionBody) } : null,
          contentSha256: r.contentSha256,
          signatures: sigs.map((s) => ({
            member: s.member,
            versionId: s.versionId,
            signedAt: s.signedAt,
            valid:
              !s.voidedAt &&
              s.versionId === current?.id &&
              verifyHashSignature(s.publicKeyPem, r.contentSha256, s.signature),
            ...(s.voidedAt ? { voidedAt: s.voidedAt, voidReason: s.voidReason } : {}),
          })),
          opinions: st.opinions.map((o) => o.body as OpinionBody),
          dissents: st.opinions.filter((o) => (o.body as OpinionBody).position === 'disagree').length,
          comments: st.comments.map((c) => ({ id: c.id, ...(c.body as ReviewCommentBody) })),
        };
        if (f.format === 'json') {
          process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
          return;
        }
        const valid = status.signatures.filter((s) => s.valid).length;
        const lines = [
          `panel: ${status.panel?.name ?? '(none)'}; members: ${status.panel?.members.map((m) => `${m.username}${m.key ? '' : ' (no key)'}`).join(', ') ?? '—'}`,
          `report version ${status.current?.number ?? '—'} · content SHA-256 ${status.contentSha256}`,
          `signatures: ${valid}/${status.panel?.requiredSignatures ?? 3} valid${status.signatures.some((s) => s.voidedAt) ? `; ${status.signatures.filter((s) => s.voidedAt).length} void (content changed after signing)` : ''}`,
          `opinions: ${status.opinions.length} (${status.dissents} dissent${status.dissents === 1 ? '' : 's'}); comments: ${status.comments.length}`,
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      }),
    );
}
