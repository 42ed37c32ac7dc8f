/**
 * What an evidence item supports: the persons, events and acts it is linked to, each by name, and
 * a picker that searches the case to add one (no ids typed by hand). A change is a normal update of
 * the evidence record, sent with its version so two people editing at once do not overwrite.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError, api, get } from '../api';
import { fuzzy, type R } from '../records';
import { ErrorBox, Field, useLoad } from '../ui';
import { useVocab } from '../vocab';
import { CitedByTable, useCitedBy } from './records/cited-by';
import { bodyOf, recordPath, screensOf } from './records/kind-spec';
import { RefPicker } from './records/widgets';

type Target = 'persons' | 'events' | 'acts';
const FIELD: Record<Target, 'personIds' | 'eventIds' | 'actIds'> = {
  persons: 'personIds',
  events: 'eventIds',
  acts: 'actIds',
};
/** The evidence body's own fields: what goes back in an update (the rest is presentation). */
const BODY_FIELDS = [
  'title',
  'kind',
  'sha256',
  'size',
  'mediaType',
  'fileName',
  'acquisition',
  'sourceId',
  'derivedFrom',
  'derivation',
  'verification',
  'consent',
  'protection',
  'credibility',
  'graphic',
  'supports',
] as const;

type Supports = Record<'personIds' | 'eventIds' | 'actIds', string[]>;

function useLabel() {
  const { t } = useTranslation();
  const vocab = useVocab();
  return (kind: Target, r: R): string => {
    if (r.withheld) return t('common.withheld');
    if (kind === 'persons') return String(r.displayName ?? r.id);
    if (kind === 'events') return `${String(r.title ?? r.id)} (${fuzzy(r.date)})`;
    return `${vocab.label('act_type', r.type as string)} · ${fuzzy(r.date)}`;
  };
}

function Linked({
  caseId,
  kind,
  id,
  onRemove,
}: {
  caseId: string;
  kind: Target;
  id: string;
  onRemove?(): void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const rec = useLoad(() => get<R>(`/api/cases/${caseId}/records/${kind}/${id}`), [caseId, kind, id]);
  const path = recordPath(caseId, kind, id);
  const text = rec.data ? label(kind, rec.data) : rec.error ? t('common.withheld') : '…';
  return (
    <li>
      <Link to={path}>{text}</Link>{' '}
      {onRemove && (
        <button
          type="button"
          className="small"
          onClick={onRemove}
          aria-label={t('viewer.unlink', { name: text })}
        >
          {t('viewer.unlinkShort')}
        </button>
      )}
    </li>
  );
}

export function EvidenceLinks({
  caseId,
  e,
  canEdit,
  onChanged,
}: {
  caseId: string;
  e: R;
  canEdit: boolean;
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const supports = {
    personIds: [],
    eventIds: [],
    actIds: [],
    ...((e.supports as Partial<Supports>) ?? {}),
  } as Supports;
  const [kind, setKind] = useState<Target>('persons');
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<R[]>();
  const [error, setError] = useState<unknown>();
  const [conflict, setConflict] = useState(false);
  const save = async (next: Supports) => {
    setError(undefined);
    setConflict(false);
    const body = Object.fromEntries(
      BODY_FIELDS.filter((f) => e[f] !== undefined && e[f] !== null).map((f) => [f, e[f]]),
    );
    try {
      await api(
        'PUT',
        `/api/cases/${caseId}/records/evidence/${e.id}`,
        { ...body, supports: next },
        // The version read: a change saved by someone else meanwhile is not overwritten (409).
        { headers: { 'If-Match': `"${String(e.version)}"` } },
      );
      setHits(undefined);
      setQ('');
      onChanged();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setConflict(true);
        onChanged();
      } else setError(err);
    }
  };
  const search = async (ev: FormEvent) => {
    ev.preventDefault();
    setError(undefined);
    try {
      const r = await get<{ items: { record: R }[] }>(
        `/api/cases/${caseId}/search?kind=${kind}&limit=10&q=${encodeURIComponent(q)}`,
      );
      setHits(r.items.map((i) => i.record));
    } catch (err) {
      setError(err);
    }
  };
  const groups: [Target, string][] = [
    ['persons', t('viewer.linkedPersons')],
    ['events', t('viewer.linkedEvents')],
    ['acts', t('viewer.linkedActs')],
  ];
  return (
    <section className="card" aria-labelledby="links-h" data-testid="evidence-links">
      <h2 id="links-h">{t('viewer.links')}</h2>
      {groups.map(([k, title]) => (
        <div key={k}>
          <h3>{title}</h3>
          {supports[FIELD[k]].length === 0 ? (
            <p className="muted small">{t('viewer.noLinks')}</p>
          ) : (
            <ul>
              {supports[FIELD[k]].map((id) => (
                <Linked
                  key={id}
                  caseId={caseId}
                  kind={k}
                  id={id}
                  onRemove={
                    canEdit
                      ? () =>
                          void save({ ...supports, [FIELD[k]]: supports[FIELD[k]].filter((x) => x !== id) })
                      : undefined
                  }
                />
              ))}
            </ul>
          )}
        </div>
      ))}
      {canEdit && (
        <form onSubmit={search} className="picker" aria-label={t('viewer.linkTitle')}>
          <h3>{t('viewer.linkTitle')}</h3>
          <Field label={t('viewer.linkKind')}>
            <select name="link-kind" value={kind} onChange={(ev) => setKind(ev.target.value as Target)}>
              <option value="persons">{t('kinds.person')}</option>
              <option value="events">{t('kinds.event')}</option>
              <option value="acts">{t('kinds.act')}</option>
            </select>
          </Field>
          <Field label={t('viewer.linkSearch')}>
            <input name="link-q" type="search" value={q} onChange={(ev) => setQ(ev.target.value)} />
          </Field>
          <button type="submit">{t('search.submit')}</button>
          {hits && (
            <ul className="hits" data-testid="link-hits">
              {hits.length === 0 && <li className="muted">{t('viewer.noHits')}</li>}
              {hits.map((h) => {
                const already = supports[FIELD[kind]].includes(h.id);
                return (
                  <li key={h.id}>
                    {label(kind, h)}{' '}
                    <button
                      type="button"
                      disabled={already || Boolean(h.withheld)}
                      onClick={() =>
                        void save({ ...supports, [FIELD[kind]]: [...supports[FIELD[kind]], h.id] })
                      }
                    >
                      {already ? t('viewer.alreadyLinked') : t('viewer.link')}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </form>
      )}
      {conflict && (
        <p className="notice conflict" role="alert">
          {t('records.conflict')}
        </p>
      )}
      <ErrorBox error={error} />
    </section>
  );
}

/**
 * The testimonies that cite this evidence item (testimony.evidenceIds), and for writers a picker to
 * link one more or a button to remove one. A link is an edit of the testimony, sent with the
 * version read (If-Match): if someone changed the testimony meanwhile the server refuses (409), the
 * list is refreshed and the person is told to check and try again.
 */
export function EvidenceTestimonies({
  caseId,
  evidenceId,
  canEdit,
}: {
  caseId: string;
  evidenceId: string;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const cited = useCitedBy(caseId, 'evidence', evidenceId);
  const [error, setError] = useState<unknown>();
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const group = cited.data?.groups.find((g) => g.kind === 'testimonies');
  const change = async (testimonyId: string, link: boolean) => {
    setError(undefined);
    setConflict(false);
    setBusy(true);
    try {
      const rec = await get<R>(`/api/cases/${caseId}/records/testimonies/${testimonyId}`);
      if (rec.withheld) throw new Error(t('records.withheldNoEdit'));
      const ids = ((rec.evidenceIds as string[] | undefined) ?? []).filter((x) => x !== evidenceId);
      await api(
        'PUT',
        `/api/cases/${caseId}/records/testimonies/${testimonyId}`,
        { ...bodyOf(rec, screensOf('testimonies')), evidenceIds: link ? [...ids, evidenceId] : ids },
        { headers: { 'If-Match': `"${String(rec.version)}"` } },
      );
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setConflict(true);
      else setError(err);
    } finally {
      setBusy(false);
      cited.reload();
    }
  };
  return (
    <section className="card" aria-labelledby="cited-h" data-testid="evidence-testimonies">
      <h2 id="cited-h">
        {t('records.evidenceTestimonies')} {group ? `(${group.total})` : ''}
      </h2>
      <ErrorBox error={cited.error} />
      {group && group.items.length === 0 && <p className="muted small">{t('records.noRelated')}</p>}
      {group && group.items.length > 0 && (
        <CitedByTable
          caseId={caseId}
          group={group}
          labels={cited.data!.labels}
          action={
            canEdit
              ? (r) =>
                  r.withheld ? null : (
                    <button
                      type="button"
                      className="small"
                      disabled={busy}
                      aria-label={t('records.unlinkNamed', { name: String(r.title) })}
                      onClick={() => void change(r.id, false)}
                    >
                      {t('records.unlink')}
                    </button>
                  )
              : undefined
          }
        />
      )}
      {canEdit && (
        <RefPicker
          caseId={caseId}
          kind="testimonies"
          label={t('records.linkTestimony')}
          onChange={(id) => {
            if (id && !group?.items.some((i) => i.record.id === id)) void change(id, true);
          }}
        />
      )}
      {conflict && (
        <p className="notice conflict" role="alert">
          {t('records.linkConflict')}
        </p>
      )}
      <ErrorBox error={error} />
    </section>
  );
}
