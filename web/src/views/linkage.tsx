import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { get, post } from '../api';
import { ErrorBox, Loading, Page, useLoad } from '../ui';
import { useVocab } from '../vocab';
import { useShown } from '../withheld';

interface Side {
  listId: string;
  listName?: string;
  rowNo: number;
  recordId?: string;
  data?: Record<string, string>;
  withheld?: boolean;
}
interface Queue {
  total: number;
  items: { a: Side; b: Side; probability: number }[];
}

/** The linkage review queue: two list records side by side; same person, different people, or unsure. */
export function LinkageReview() {
  const { t, i18n } = useTranslation();
  const vocab = useVocab();
  const shown = useShown();
  // Coded columns of a list row are shown by their vocabulary label; other values as written (a value
  // the reader may not see is the server's mark, in the reader's language).
  const cell = (field: string, v: string | undefined) =>
    v && (field === 'act_type' || field === 'sex') && shown(v) === v ? vocab.label(field, v) : shown(v);
  const { caseId } = useParams();
  const q = useLoad(() => get<Queue>(`/api/cases/${caseId}/linkage/review?limit=5`), [caseId]);
  const [error, setError] = useState<unknown>();
  const [last, setLast] = useState<string>();
  const decide = async (pair: Queue['items'][number], decision: 'must-link' | 'cannot-link' | 'unsure') => {
    setError(undefined);
    try {
      await post(`/api/cases/${caseId}/linkage/decisions`, {
        a: { listId: pair.a.listId, rowNo: pair.a.rowNo },
        b: { listId: pair.b.listId, rowNo: pair.b.rowNo },
        decision,
      });
      setLast(t(`linkage.decided.${decision}`));
      q.reload();
    } catch (e) {
      setError(e);
    }
  };
  if (q.error) return <ErrorBox error={q.error} />;
  if (!q.data) return <Loading />;
  const fields = (p: Queue['items'][number]) => [
    ...new Set([...Object.keys(p.a.data ?? {}), ...Object.keys(p.b.data ?? {})]),
  ];
  return (
    <Page title={t('linkage.title')}>
      <p>{t('linkage.intro', { count: q.data.total, n: q.data.total })}</p>
      {last && (
        <p className="notice" role="status">
          {last}
        </p>
      )}
      <ErrorBox error={error} />
      {q.data.items.map((p) => (
        <article
          key={`${p.a.listId}-${p.a.rowNo}-${p.b.listId}-${p.b.rowNo}`}
          className="card pair"
          data-testid="pair"
        >
          <h2>{t('linkage.probability', { p: Math.round(p.probability * 100) })}</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('linkage.field')}</th>
                  <th scope="col">
                    {p.a.listName} #{p.a.rowNo}
                  </th>
                  <th scope="col">
                    {p.b.listName} #{p.b.rowNo}
                  </th>
                </tr>
              </thead>
              <tbody>
                {fields(p).map((f) => (
                  <tr key={f} className={p.a.data?.[f] === p.b.data?.[f] ? 'same' : 'diff'}>
                    <th scope="row">{i18n.exists(`linkage.column.${f}`) ? t(`linkage.column.${f}`) : f}</th>
                    <td>{cell(f, p.a.data?.[f])}</td>
                    <td>{cell(f, p.b.data?.[f])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void decide(p, 'must-link')}>
              {t('linkage.same')}
            </button>
            <button type="button" onClick={() => void decide(p, 'cannot-link')}>
              {t('linkage.different')}
            </button>
            <button type="button" onClick={() => void decide(p, 'unsure')}>
              {t('linkage.unsure')}
            </button>
          </div>
        </article>
      ))}
    </Page>
  );
}
