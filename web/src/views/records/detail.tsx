/**
 * One record of any kind: its fields with readable labels, the records it points to and the records
 * that point to it (both ways: a person's acts, detentions, memberships; an event's acts with
 * victims), its history with the changes of each version, and edit / delete for those allowed.
 */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { get } from '../../api';
import { fuzzy, type R } from '../../records';
import { can, useSession } from '../../session';
import { ErrorBox, Loading, Page, Table, useLoad } from '../../ui';
import { useVocab } from '../../vocab';
import { PersonSources } from './cited-by';
import { useDeleteRecord } from './delete-record';
import { refLabels } from './form';
import { type FieldSpec, fieldKey, getPath, recordPath, screensOf } from './kind-spec';
import { KindTabs } from './list';
import { useRecordLabel } from './widgets';

export function useFieldValue() {
  const vocab = useVocab();
  const { t } = useTranslation();
  return (f: FieldSpec, v: unknown, labels: Record<string, string>, caseId: string) => {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) return '—';
    switch (f.type.t) {
      case 'vocab':
        return vocab.label(f.type.vocab, String(v));
      case 'vocabs':
        return (v as string[]).map((c) => vocab.label((f.type as { vocab: string }).vocab, c)).join(', ');
      case 'date':
        return fuzzy(v);
      case 'bool':
        return v ? t('common.yes') : t('common.no');
      case 'ref': {
        const k = f.type.kind;
        return <Link to={recordPath(caseId, k, String(v))}>{labels[String(v)] ?? String(v)}</Link>;
      }
      case 'refs': {
        const k = f.type.kind;
        return (
          <ul className="inline-list">
            {(v as string[]).map((id) => (
              <li key={id}>
                <Link to={recordPath(caseId, k, id)}>{labels[id] ?? id}</Link>
              </li>
            ))}
          </ul>
        );
      }
      default:
        return <span className="prose">{String(v)}</span>;
    }
  };
}

export function RecordDetail() {
  const { t } = useTranslation();
  const { caseId = '', kind = '', id = '' } = useParams();
  const spec = screensOf(kind);
  const { me } = useSession();
  const show = useFieldValue();
  const labelOf = useRecordLabel();
  const vocab = useVocab();
  const rec = useLoad(async () => {
    const record = await get<R>(`/api/cases/${caseId}/records/${kind}/${id}`);
    return { record, labels: await refLabels(caseId, kind, record, labelOf) };
    // Acts are named by their type: labelled again once the vocabularies have arrived.
  }, [caseId, kind, id, vocab.ready]);
  const remove = useDeleteRecord(caseId, kind, id);
  if (!spec) return <ErrorBox error={new Error(kind)} />;
  if (rec.error) return <ErrorBox error={rec.error} />;
  if (!rec.data) return <Loading />;
  const { record: r, labels } = rec.data;
  const hidden = Boolean(r.withheld || r.pseudonymised);
  return (
    <Page
      title={`${t(`records.one.${kind}`)}: ${labelOf(kind, r)}`}
      actions={
        <>
          {can(me, caseId, 'write') && !hidden && (
            <Link className="button" to={`/c/${caseId}/r/${kind}/${id}/edit`}>
              {t('records.edit')}
            </Link>
          )}
          {can(me, caseId, 'delete') && !hidden && remove.button}
        </>
      }
    >
      <KindTabs caseId={caseId} current={kind} />
      {hidden && <p className="notice">{t('records.withheldNoEdit')}</p>}
      {remove.confirm}
      <dl className="facts">
        {spec.fields.map((f) => (
          <div key={f.name}>
            <dt>{t(fieldKey(f.name))}</dt>
            <dd>{show(f, getPath(r, f.name), labels, caseId)}</dd>
          </div>
        ))}
      </dl>
      {spec.inbound.length > 0 && <h2>{t('records.related')}</h2>}
      {spec.inbound.map((rel) => (
        <Inbound key={`${rel.kind}-${rel.field}`} caseId={caseId} kind={rel.kind} field={rel.field} id={id} />
      ))}
      {kind === 'persons' && <PersonSources caseId={caseId} id={id} />}
      <History caseId={caseId} kind={kind} id={id} />
    </Page>
  );
}

/** Records of `kind` whose `field` is this record, with their own references named. */
function Inbound({ caseId, kind, field, id }: { caseId: string; kind: string; field: string; id: string }) {
  const { t, i18n } = useTranslation();
  const spec = screensOf(kind);
  const labelOf = useRecordLabel();
  const show = useFieldValue();
  const lang = i18n.language === 'en' ? 'en' : 'es';
  const list = useLoad(
    () =>
      get<{ items: R[]; total: number; labels: Record<string, { label: string }> }>(
        `/api/cases/${caseId}/records/${kind}?${field}=${id}&limit=100&lang=${lang}`,
      ),
    [caseId, kind, field, id, lang],
  );
  if (!spec) return null;
  const cols = spec.fields.filter((f) => f.column && f.name !== field);
  const labels = Object.fromEntries(Object.entries(list.data?.labels ?? {}).map(([k, v]) => [k, v.label]));
  return (
    <section className="related">
      <h3>
        {t(`records.linked.${kind}`)} ({list.data?.total ?? '…'})
      </h3>
      <ErrorBox error={list.error} />
      {list.data && list.data.items.length === 0 ? (
        <p className="muted">{t('records.noRelated')}</p>
      ) : (
        list.data && (
          <Table
            head={[t('records.field.label'), ...cols.map((f) => t(fieldKey(f.name)))]}
            rows={list.data.items.map((r) => [
              <Link key={r.id} to={recordPath(caseId, kind, r.id)}>
                {labelOf(kind, r)}
              </Link>,
              ...cols.map((f) => show(f, getPath(r, f.name), labels, caseId)),
            ])}
          />
        )
      )}
    </section>
  );
}

interface Version {
  seq: number;
  at: string;
  action: string;
  actor?: string;
  withheld?: boolean;
  changes?: { field: string; before?: string; after?: string }[];
}

/** The record's versions, newest first, each with what it changed (local times, readable names). */
export function History({ caseId, kind, id }: { caseId: string; kind: string; id: string }) {
  const { t, i18n } = useTranslation();
  const h = useLoad(
    () => get<{ versions: Version[] }>(`/api/cases/${caseId}/records/${kind}/${id}/history`),
    [caseId, kind, id],
  );
  const vocab = useVocab();
  const spec = screensOf(kind);
  const fieldLabel = (f: string) => {
    const key = fieldKey(f);
    return i18n.exists(key) ? t(key) : f;
  };
  /** Codes of controlled vocabularies in the reader's language. */
  const readable = (f: string, v: string | undefined) => {
    const ty = spec?.fields.find((x) => x.name === f)?.type;
    if (v === undefined) return '—';
    if (ty?.t === 'vocab') return vocab.label(ty.vocab, v);
    if (ty?.t === 'vocabs')
      return v
        .split('; ')
        .map((c) => vocab.label(ty.vocab, c))
        .join(', ');
    return v;
  };
  const when = (at: string) =>
    new Date(at).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'es-VE', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
  return (
    <section className="history">
      <h2>{t('records.history')}</h2>
      <ErrorBox error={h.error} />
      {!h.data ? (
        <Loading />
      ) : h.data.versions.length === 0 ? (
        <p className="muted">{t('records.noHistory')}</p>
      ) : (
        <ol className="versions">
          {[...h.data.versions].reverse().map((v) => (
            <li key={v.seq}>
              <p>
                <strong>{t(`records.action.${v.action}`, v.action)}</strong> ·{' '}
                <time dateTime={v.at}>{when(v.at)}</time>
                {v.actor ? ` · ${t('records.by', { name: v.actor })}` : ''}
              </p>
              {v.withheld ? (
                <p className="muted">{t('records.historyWithheld')}</p>
              ) : (
                v.changes &&
                v.changes.length > 0 && (
                  <ul className="changes">
                    {v.changes.map((c) => (
                      <li key={c.field}>
                        <strong>{fieldLabel(c.field)}</strong>:{' '}
                        <del>
                          <span className="sr-only">{t('records.before')}: </span>
                          {readable(c.field, c.before)}
                        </del>{' '}
                        →{' '}
                        <ins>
                          <span className="sr-only">{t('records.after')}: </span>
                          {readable(c.field, c.after)}
                        </ins>
                      </li>
                    ))}
                  </ul>
                )
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
