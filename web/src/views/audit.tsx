import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { get } from '../api';
import { useAuditEntity, useAuditVerb } from '../audit-words';
import { ErrorBox, Loading, Page, Table, useLoad } from '../ui';

interface Entry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  hash: string;
}

/** The hash-chained audit log of the case file, a page at a time. */
export function AuditView() {
  const { t, i18n } = useTranslation();
  const verb = useAuditVerb();
  const entity = useAuditEntity();
  const { caseId } = useParams();
  const [after, setAfter] = useState(0);
  const [history, setHistory] = useState<number[]>([]);
  const page = useLoad(
    () => get<{ items: Entry[] }>(`/api/cases/${caseId}/audit?after=${after}&limit=50`),
    [caseId, after],
  );
  if (page.error) return <ErrorBox error={page.error} />;
  if (!page.data) return <Loading />;
  const items = page.data.items;
  return (
    <Page title={t('audit.title')}>
      <p>{t('audit.intro')}</p>
      <Table
        head={['#', t('audit.when'), t('audit.who'), t('audit.action'), t('audit.what'), t('audit.hash')]}
        rows={items.map((e) => [
          String(e.seq),
          new Date(e.at).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'medium' }),
          e.actor,
          verb(e.action),
          `${entity(e.entity)} ${e.entityId ?? ''}`,
          <code key="h">{String(e.hash).slice(0, 12)}</code>,
        ])}
      />
      <nav className="pager" aria-label={t('common.pages')}>
        <button
          type="button"
          disabled={history.length === 0}
          onClick={() => {
            setAfter(history[history.length - 1] ?? 0);
            setHistory(history.slice(0, -1));
          }}
        >
          {t('common.previous')}
        </button>
        <button
          type="button"
          disabled={items.length < 50}
          onClick={() => {
            setHistory([...history, after]);
            setAfter(items[items.length - 1]!.seq);
          }}
        >
          {t('common.next')}
        </button>
      </nav>
    </Page>
  );
}
