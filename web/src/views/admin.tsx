/**
 * Administration: accounts (global administrators), roles per case file and clearances. Every change
 * with consequences (a promotion, a clearance, a disabled account, a reset second step) is confirmed
 * in a dialog that names them; no one can clear themselves (the server refuses it too).
 */
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { get, post, put } from '../api';
import { ConfirmDialog, type Pending } from '../confirm';
import { PasswordField } from '../secret-fields';
import { useSession } from '../session';
import { ErrorBox, Field, Loading, Page, Table, useLoad } from '../ui';

interface Member {
  userId: string;
  username: string;
  displayName?: string;
  role: string;
  cleared: boolean;
}
interface User {
  id: string;
  username: string;
  displayName: string;
  isAdmin: boolean;
  totpEnabled: boolean;
  disabled: boolean;
  mustChangePassword?: boolean;
  require2fa?: boolean;
}
const ROLES = ['administrator', 'documenter', 'analyst', 'panelist', 'viewer'];

export function AdminView() {
  const { t } = useTranslation();
  const { caseId } = useParams();
  const { me, refresh } = useSession();
  const members = useLoad(() => get<{ items: Member[] }>(`/api/cases/${caseId}/members`), [caseId]);
  const users = useLoad(
    () => (me?.user.isAdmin ? get<{ items: User[] }>('/api/users') : Promise.resolve({ items: [] })),
    [me],
  );
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const [pending, setPending] = useState<Pending>();
  const [nu, setNu] = useState({
    username: '',
    displayName: '',
    password: '',
    role: 'documenter',
    require2fa: false,
  });
  const twoStep = useLoad(() => get<{ required: boolean }>(`/api/cases/${caseId}/two-step`), [caseId]);
  // The temporary password typed in the confirmation dialog (read when it is confirmed).
  const [temp, setTemp] = useState('');
  const tempRef = useRef(temp);
  tempRef.current = temp;
  const run = async (fn: () => Promise<unknown>, done: string) => {
    setError(undefined);
    setNotice(undefined);
    try {
      await fn();
      setNotice(done);
      members.reload();
      users.reload();
    } catch (e) {
      setError(e);
    }
  };
  const create = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const u = await post<User>('/api/users', {
        username: nu.username,
        displayName: nu.displayName || undefined,
        password: nu.password,
        require2fa: nu.require2fa,
      });
      await put(`/api/cases/${caseId}/members/${u.id}`, { role: nu.role });
      setNu({ username: '', displayName: '', password: '', role: 'documenter', require2fa: false });
    }, t('admin.created'));
  };
  if (members.error) return <ErrorBox error={members.error} />;
  if (!members.data) return <Loading />;
  return (
    <Page title={t('admin.title')}>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorBox error={error} />
      <h2>{t('admin.members')}</h2>
      <Table
        head={[t('admin.user'), t('admin.role'), t('admin.cleared')]}
        rows={members.data.items.map((m) => [
          m.displayName || m.username,
          <select
            key="r"
            aria-label={t('admin.roleOf', { user: m.username })}
            value={m.role}
            onChange={(e) => {
              const role = e.target.value;
              const who = m.displayName || m.username;
              const losesClearance = m.cleared && (role === 'analyst' || role === 'viewer');
              setPending({
                message: (
                  <>
                    <p>
                      {t(role === 'administrator' ? 'account.promote' : 'account.demote', {
                        user: who,
                        role: t(`roles.${role}`),
                      })}
                    </p>
                    {losesClearance && <p>{t('account.loseClearance')}</p>}
                  </>
                ),
                run: () =>
                  run(() => put(`/api/cases/${caseId}/members/${m.userId}`, { role }), t('admin.saved')),
              });
            }}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>,
          <input
            key="c"
            type="checkbox"
            aria-label={t('admin.clearedOf', { user: m.username })}
            checked={m.cleared}
            disabled={m.role === 'analyst' || m.role === 'viewer' || (m.userId === me?.user.id && !m.cleared)}
            title={m.userId === me?.user.id ? t('account.selfClearance') : undefined}
            onChange={(e) => {
              const cleared = e.target.checked;
              setPending({
                message: (
                  <p>
                    {t(cleared ? 'account.grant' : 'account.revoke', { user: m.displayName || m.username })}
                  </p>
                ),
                run: () =>
                  run(
                    () => put(`/api/cases/${caseId}/members/${m.userId}/clearance`, { cleared }),
                    t('admin.saved'),
                  ),
              });
            }}
          />,
        ])}
      />
      {me?.user.isAdmin && (
        <>
          <h2>{t('admin.accounts')}</h2>
          <Table
            head={[t('admin.user'), t('admin.twoFactor'), t('admin.status'), t('account.actions')]}
            rows={(users.data?.items ?? []).map((u) => {
              const who = `${u.displayName} (${u.username})`;
              const self = u.id === me.user.id;
              return [
                who,
                u.totpEnabled ? t('common.yes') : t('common.no'),
                u.disabled ? t('account.disabledMark') : t('account.activeMark'),
                <span key="a" className="actions">
                  <button
                    type="button"
                    disabled={self}
                    onClick={() =>
                      setPending({
                        message: (
                          <p>{t(u.disabled ? 'account.enableUser' : 'account.disableUser', { user: who })}</p>
                        ),
                        run: () =>
                          run(
                            () => post(`/api/users/${u.id}/${u.disabled ? 'enable' : 'disable'}`),
                            t('admin.saved'),
                          ),
                      })
                    }
                  >
                    {u.disabled ? t('admin.enable') : t('admin.disable')}
                  </button>
                  {!self && (
                    <button
                      type="button"
                      onClick={() => {
                        setTemp('');
                        setPending({
                          message: (
                            <>
                              <p>{t('account.resetPasswordWarn', { user: who })}</p>
                              <TempPassword onChange={setTemp} />
                            </>
                          ),
                          run: () =>
                            run(
                              () => post(`/api/users/${u.id}/password`, { password: tempRef.current }),
                              t('account.passwordReset', { user: who }),
                            ),
                        });
                      }}
                    >
                      {t('account.resetPassword')}
                    </button>
                  )}
                  {u.totpEnabled && !self && (
                    <button
                      type="button"
                      onClick={() =>
                        setPending({
                          message: <p>{t('account.resetWarn', { user: who })}</p>,
                          run: () =>
                            run(
                              () => post(`/api/users/${u.id}/reset-2fa`),
                              t('account.reset', { user: who }),
                            ),
                        })
                      }
                    >
                      {t('account.reset2fa')}
                    </button>
                  )}
                </span>,
              ];
            })}
          />
          {twoStep.data && (
            <label className="check">
              <input
                type="checkbox"
                name="caseTwoStep"
                checked={twoStep.data.required}
                onChange={(e) => {
                  const required = e.target.checked;
                  setPending({
                    message: <p>{t(required ? 'account.caseTwoStepOn' : 'account.caseTwoStepOff')}</p>,
                    run: () =>
                      run(async () => {
                        await put(`/api/cases/${caseId}/two-step`, { required });
                        twoStep.reload();
                        await refresh();
                      }, t('admin.saved')),
                  });
                }}
              />{' '}
              {t('account.caseTwoStep')}
            </label>
          )}
          <form onSubmit={create} className="card" aria-label={t('admin.newUser')}>
            <h3>{t('admin.newUser')}</h3>
            <Field label={t('signin.username')}>
              <input
                name="newUsername"
                value={nu.username}
                onChange={(e) => setNu({ ...nu, username: e.target.value })}
                required
              />
            </Field>
            <Field label={t('admin.displayName')}>
              <input
                name="displayName"
                value={nu.displayName}
                onChange={(e) => setNu({ ...nu, displayName: e.target.value })}
              />
            </Field>
            <PasswordField
              label={t('signin.password')}
              hint={t('admin.passwordHint')}
              name="newPassword"
              value={nu.password}
              onChange={(password) => setNu({ ...nu, password })}
              isNew
            />
            <Field label={t('admin.role')}>
              <select name="newRole" value={nu.role} onChange={(e) => setNu({ ...nu, role: e.target.value })}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`roles.${r}`)}
                  </option>
                ))}
              </select>
            </Field>
            <label className="check">
              <input
                type="checkbox"
                name="require2fa"
                checked={nu.require2fa}
                onChange={(e) => setNu({ ...nu, require2fa: e.target.checked })}
              />{' '}
              {t('account.require2fa')}
            </label>
            <button type="submit" className="primary">
              {t('admin.create')}
            </button>
          </form>
        </>
      )}
      <ConfirmDialog pending={pending} onClose={() => setPending(undefined)} />
    </Page>
  );
}

/** The temporary password field inside the confirmation dialog (its own state: the dialog keeps its content). */
function TempPassword({ onChange }: { onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState('');
  return (
    <PasswordField
      label={t('account.tempPassword')}
      hint={t('admin.passwordHint')}
      name="tempPassword"
      value={v}
      onChange={(x) => {
        setV(x);
        onChange(x);
      }}
      isNew
    />
  );
}
