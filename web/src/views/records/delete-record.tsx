/**
 * Soft delete from a record's page (administrators): a button for the page's actions and a
 * confirmation with a reason that appears when it is pressed. The record stays in the history and
 * can be restored from the list of deleted records.
 */
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { del } from '../../api';
import { ErrorBox, Field } from '../../ui';

export function useDeleteRecord(
  caseId: string,
  kind: string,
  id: string,
): { button: ReactNode; confirm: ReactNode } {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [deleting, setDeleting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const button = (
    <button type="button" className="danger" onClick={() => setDeleting(true)}>
      {t('records.delete')}
    </button>
  );
  const confirm = deleting && (
    <form
      className="notice confirm"
      onSubmit={(e) => {
        e.preventDefault();
        del(`/api/cases/${caseId}/records/${kind}/${id}?reason=${encodeURIComponent(reason)}`).then(
          () => navigate(`/c/${caseId}/r/${kind}`),
          setError,
        );
      }}
    >
      <p role="alert">{t('records.deleteConfirm')}</p>
      <Field label={t('records.deleteReason')}>
        <input value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <div className="actions">
        <button type="submit" className="danger">
          {t('records.delete')}
        </button>
        <button type="button" onClick={() => setDeleting(false)}>
          {t('common.cancel')}
        </button>
      </div>
      <ErrorBox error={error} />
    </form>
  );
  return { button, confirm };
}
