/** The quarantine of public submissions: read, then accept (becomes a protected testimony) or reject. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { get, post } from '../api';
import { ErrorBox, Loading, Page, useLoad } from '../ui';
import { useShown } from '../withheld';

interface Submission {
  id: string;
  receivedAt: string;
  kind: string;
  language: string;
  text: string;
  when?: string;
  where?: string;
  anonymous: boolean;
  name?: string;
  contact?: string;
  consent: string;
  spamProbability: number;
  status: string;
  testimonyId?: string;
}

export function SubmissionsView() {
  const { t } = useTranslation();
  const shown = useShown();
  const { caseId } = useParams();
  const [status, setStatus] = useState('quarantined');
  const list = useLoad(
    () =>
      get<{ total: number; items: Submission[] }>(
        `/api/cases/${caseId}/submissions?status=${status}&limit=50`,
      ),
    [caseId, status],
  );
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const decide = async (s: Submission, decision: 'accept' | 'reject') => {
    setError(undefined);
    try {
      await post(`/api/cases/${caseId}/submissions/${s.id}/decision`, {
        decision,
        ...(decision === 'reject' ? { reason: 'spam' } : {}),
      });
      setNotice(t(`submissions.${decision}ed`));
      list.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Page title={t('submissions.title')}>
      <p>{t('submissions.intro')}</p>
      <fieldset className="tabs">
        <legend className="sr-only">{t('submissions.filter')}</legend>
        {['quarantined', 'accepted', 'rejected'].map((s) => (
          <button key={s} type="button" aria-pressed={status === s} onClick={() => setStatus(s)}>
            {t(`submissions.status.${s}`)}
          </button>
        ))}
      </fieldset>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorBox error={error ?? list.error} />
      {!list.data ? (
        <Loading />
      ) : (
        list.data.items.map((s) => (
          <article key={s.id} className="card" data-testid="submission">
            <p className="small muted">
              {s.receivedAt} · {t(`submissions.kind.${s.kind}`)} ·{' '}
              {s.anonymous ? t('submissions.anonymous') : (s.name ?? '—')} ·{' '}
              {t('submissions.spam', { p: Math.round(s.spamProbability * 100) })}
            </p>
            <p className="prose">{shown(s.text)}</p>
            {(s.when || s.where) && (
              <p className="small">
                {s.when} {s.where}
              </p>
            )}
            {s.status === 'quarantined' && (
              <div className="actions">
                <button type="button" className="primary" onClick={() => void decide(s, 'accept')}>
                  {t('submissions.accept')}
                </button>
                <button type="button" onClick={() => void decide(s, 'reject')}>
                  {t('submissions.reject')}
                </button>
              </div>
            )}
          </article>
        ))
      )}
    </Page>
  );
}
