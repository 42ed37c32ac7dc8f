/**
 * Deleted records of a kind (administrators): newest deletion first, each restorable after a
 * confirmation that says what will happen. The server checks the role, the reader's clearance
 * and that nothing the record references is itself deleted; the restore is in the audit log and
 * in the record's history.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { get, post } from '../../api';
import { formatTime } from '../../format';
import type { R } from '../../records';
import { can, useSession } from '../../session';
import { ErrorBox, Field, Loading, Page, Pager, Table, useLoad } from '../../ui';
import { recordPath, screensOf } from './kind-spec';
import { KindTabs } from './list';

const LIMIT = 25;
interface DeletedPage {
  total: number;
  items: (R & { deletedAt: string })[];
  labels: Record<string, { label: string }>;
}

export function DeletedRecords() {
  const { t, i18n } = useTranslation();
  const { caseId = '', kind = '' } = useParams();
  const { me } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const offset = Number(params.get('offset') ?? 0) || 0;
  const lang = i18n.language === 'en' ? 'en' : 'es';
  const list = useLoad(
    () =>
      get<DeletedPage>(`/api/cases/${caseId}/deleted/${kind}?limit=${LIMIT}&offset=${offset}&lang=${lang}`),
    [caseId, kind, offset, lang],
  );
  const [restoring, setRestoring] = useState<string>();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  if (!screensOf(kind)) return <ErrorBox error={new Error(kind)} />;
  if (!can(me, caseId, 'delete')) return <p className="notice">{t('records.restoreAdminsOnly')}</p>;
  const label = (id: string) => list.data?.labels[id]?.label ?? id;
  return (
    <Page title={t('records.deletedTitle', { kind: t(`records.kind.${kind}`) })}>
      <KindTabs caseId={caseId} current={kind} />
      <p>
        <Link to={`/c/${caseId}/r/${kind}`}>{t('records.backToList')}</Link>
      </p>
      {restoring && (
        <form
          className="notice confirm"
          onSubmit={(e) => {
            e.preventDefault();
            setError(undefined);
            post(`/api/cases/${caseId}/records/${kind}/${restoring}/restore`, {
              reason: reason.trim() || undefined,
            }).then(() => navigate(recordPath(caseId, kind, restoring)), setError);
          }}
        >
          <p role="alert">{t('records.restoreConfirm', { label: label(restoring) })}</p>
          <Field label={t('records.restoreReason')}>
            <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <div className="actions">
            <button type="submit" className="primary">
              {t('records.restore')}
            </button>
            <button type="button" onClick={() => setRestoring(undefined)}>
              {t('common.cancel')}
            </button>
          </div>
          <ErrorBox error={error} />
        </form>
      )}
      <ErrorBox error={list.error} />
      {!list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <p className="muted">{t('records.noDeleted')}</p>
      ) : (
        <>
          <Table
            head={[t('records.field.label'), t('records.deletedAt'), '']}
            rows={list.data.items.map((r) => [
              <span key="l" data-id={r.id}>
                {label(r.id)}
              </span>,
              formatTime(r.deletedAt, i18n.language),
              <button
                key="b"
                type="button"
                aria-label={`${t('records.restore')}: ${label(r.id)}`}
                onClick={() => {
                  setReason('');
                  setError(undefined);
                  setRestoring(r.id);
                }}
              >
                {t('records.restore')}
              </button>,
            ])}
          />
          <Pager
            total={list.data.total}
            offset={offset}
            limit={LIMIT}
            onPage={(o) => setParams(o ? new URLSearchParams({ offset: String(o) }) : new URLSearchParams())}
          />
        </>
      )}
    </Page>
  );
}
