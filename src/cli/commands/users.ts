import type { Command } from 'commander';
import { InputError, NotFoundError } from '../../domain/errors.js';
import { ROLES, type Role } from '../../security/policy.js';
import { Accounts } from '../../services/accounts.js';
import { openStoreFromEnv, promptHidden } from '../store-env.js';
import { actor } from './init.js';

/** A new password from TESTIGO_NEW_PASSWORD, else asked twice on the terminal; never a flag (shell history). */
export async function newPassword(): Promise<string> {
  if (process.env.TESTIGO_NEW_PASSWORD) return process.env.TESTIGO_NEW_PASSWORD;
  if (!process.stdin.isTTY) throw new InputError('set TESTIGO_NEW_PASSWORD (no terminal to ask on)');
  const a = await promptHidden('New password (12+ characters): ');
  const b = await promptHidden('Again: ');
  if (a !== b) throw new InputError('the passwords differ');
  return a;
}

async function withAccounts<T>(
  fn: (a: Accounts, caseOf: (id?: string) => Promise<string>) => Promise<T>,
): Promise<T> {
  const store = await openStoreFromEnv();
  try {
    return await fn(new Accounts(store), (id) => store.resolveCaseId(id));
  } finally {
    await store.close();
  }
}

async function userId(a: Accounts, name: string): Promise<string> {
  const u = (await a.userByName(name)) ?? (await a.user(name));
  if (!u) throw new NotFoundError(`no user ${name}`);
  return u.id;
}

export function registerUsers(program: Command): void {
  const users = program.command('users').description('accounts, case membership and clearances');
  users
    .command('add')
    .argument('<username>')
    .option('--display-name <name>')
    .option('--admin', 'may create case files and manage accounts')
    .option('--case <id>', 'also make the user a member of this case file')
    .option('--role <role>', `role in that case file (${ROLES.join(', ')})`, 'viewer')
    .option(
      '--own-password',
      'the password is the account holder’s own (you are creating your own account): no change at first sign-in',
    )
    .description(
      'create an account (password from TESTIGO_NEW_PASSWORD or asked twice); whoever set it knows it, so its owner changes it at first sign-in',
    )
    .action(
      async (
        username: string,
        o: { displayName?: string; admin?: boolean; case?: string; role: Role; ownPassword?: boolean },
      ) =>
        withAccounts(async (a, caseOf) => {
          const u = await a.createUser(
            {
              username,
              displayName: o.displayName,
              password: await newPassword(),
              isAdmin: o.admin,
              mustChangePassword: !o.ownPassword,
            },
            actor(),
          );
          if (o.case || o.role !== 'viewer') await a.setMember(await caseOf(o.case), u.id, o.role, actor());
          process.stdout.write(`${u.id}\n`);
        }),
    );
  users.command('list').action(async () =>
    withAccounts(async (a) => {
      for (const u of await a.listUsers()) {
        process.stdout.write(
          `${u.id}\t${u.username}\t${u.isAdmin ? 'admin' : ''}\t${u.totpEnabled ? '2fa' : 'no-2fa'}\t${u.disabled ? 'disabled' : 'active'}\t${u.mustChangePassword ? 'must-change-password' : ''}\n`,
        );
      }
    }),
  );
  users
    .command('disable')
    .argument('<username>')
    .description('disable an account and end its sessions')
    .action(async (name: string) =>
      withAccounts(async (a) => a.setDisabled(await userId(a, name), true, actor())),
    );
  users
    .command('enable')
    .argument('<username>')
    .action(async (name: string) =>
      withAccounts(async (a) => a.setDisabled(await userId(a, name), false, actor())),
    );
  users
    .command('reset-password')
    .argument('<username>')
    .description(
      'set a temporary password (TESTIGO_NEW_PASSWORD or asked twice): the account’s sessions end and its owner changes it at next sign-in',
    )
    .action(async (name: string) =>
      withAccounts(async (a) =>
        a.setPassword(await userId(a, name), await newPassword(), actor(), { mustChange: true }),
      ),
    );
  users
    .command('reset-2fa')
    .argument('<username>')
    .description('remove a lost second factor (the user enrols again at next sign-in)')
    .action(async (name: string) => withAccounts(async (a) => a.resetTotp(await userId(a, name), actor())));
  users
    .command('member')
    .argument('<username>')
    .argument('<role>', ROLES.join(' | '))
    .option('--case <id>')
    .description("set a user's role in a case file")
    .action(async (name: string, role: Role, o: { case?: string }) =>
      withAccounts(async (a, caseOf) =>
        a.setMember(await caseOf(o.case), await userId(a, name), role, actor()),
      ),
    );
  users
    .command('clear')
    .argument('<username>')
    .option('--case <id>')
    .option('--person <id>', 'clear for one protected person only')
    .option('--revoke', 'remove the clearance')
    .description('clear a member to see protected identities (administrators, documenters, panelists only)')
    .action(async (name: string, o: { case?: string; person?: string; revoke?: boolean }) =>
      withAccounts(async (a, caseOf) =>
        a.setClearance(await caseOf(o.case), await userId(a, name), !o.revoke, actor(), o.person),
      ),
    );
}

export function registerToken(program: Command): void {
  const token = program.command('token').description('API tokens (shown once, stored hashed, revocable)');
  token
    .command('create')
    .requiredOption('--user <username>')
    .requiredOption('--name <name>', 'what the token is for')
    .option('--scope <scope>', 'read or write', 'read')
    .action(async (o: { user: string; name: string; scope: 'read' | 'write' }) =>
      withAccounts(async (a) => {
        const t = await a.createToken(await userId(a, o.user), o.name, o.scope, actor());
        process.stderr.write(`token ${t.id} created; it is shown once:\n`);
        process.stdout.write(`${t.token}\n`);
      }),
    );
  token
    .command('revoke')
    .argument('<id>', 'token id (tok_…)')
    .action(async (id: string) =>
      withAccounts(async (a) => {
        const ok = await a.revokeToken(id, actor());
        process.stderr.write(ok ? `revoked ${id}\n` : `no active token ${id}\n`);
        process.exitCode = ok ? 0 : 1;
      }),
    );
}
