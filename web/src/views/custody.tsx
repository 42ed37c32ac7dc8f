/**
 * The chain of custody of one evidence item as a timeline: oldest first, in the reader's local
 * time, with account names; and the form that adds an entry. The server sets who and when: the
 * form sends only what was done and a note.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../api';
import { formatTime } from '../format';
import { ErrorBox, Field, Loading, VocabOptions } from '../ui';
import { useVocab } from '../vocab';

export interface CustodyEntry {
  id?: string;
  at: string;
  actor: string;
  actorName?: string;
  action: string;
  note?: string;
  sha256?: string;
}

export function sortCustody(entries: CustodyEntry[]): CustodyEntry[] {
  return [...entries].sort(
    (a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.id ?? '').localeCompare(b.id ?? ''),
  );
}

export function CustodyTimeline({ entries }: { entries?: CustodyEntry[] }) {
  const { t, i18n } = useTranslation();
  const vocab = useVocab();
  if (!entries) return <Loading />;
  if (entries.length === 0) return <p className="muted">{t('viewer.noCustody')}</p>;
  return (
    <ol className="timeline" data-testid="custody">
      {sortCustody(entries).map((c, i) => (
        <li key={c.id ?? i} data-action={c.action}>
          <time dateTime={c.at} title={c.at}>
            {formatTime(c.at, i18n.language)}
          </time>{' '}
          <strong>{vocab.label('custody_action', c.action)}</strong> ·{' '}
          {c.actorName ?? (c.actor === '[withheld]' ? t('common.withheld') : c.actor)}
          {c.note && <p className="small">{c.note}</p>}
          {c.sha256 && (
            <p className="small muted">
              SHA-256 <code>{c.sha256.slice(0, 16)}…</code>
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

export function AddCustody({
  caseId,
  evidenceId,
  onAdded,
}: {
  caseId: string;
  evidenceId: string;
  onAdded(): void;
}) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const [action, setAction] = useState('received');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setDone(false);
    try {
      await post(`/api/cases/${caseId}/evidence/${evidenceId}/custody`, {
        action,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setNote('');
      setDone(true);
      onAdded();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form onSubmit={submit} className="card" aria-label={t('viewer.addCustody')}>
      <h3>{t('viewer.addCustody')}</h3>
      <Field label={t('evidence.action')}>
        <select name="custody-action" value={action} onChange={(e) => setAction(e.target.value)}>
          <VocabOptions vocab={vocab} id="custody_action" />
        </select>
      </Field>
      <Field label={t('viewer.note')} hint={t('viewer.custodyHint')}>
        <textarea
          name="custody-note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          rows={2}
          maxLength={5000}
        />
      </Field>
      <ErrorBox error={error} />
      <button type="submit" className="primary">
        {t('viewer.addCustodySubmit')}
      </button>
      {done && (
        <p className="notice" role="status">
          {t('viewer.custodyAdded')}
        </p>
      )}
    </form>
  );
}
