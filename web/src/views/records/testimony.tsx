/**
 * A testimony's own page: the statement, consent, protection, interviewer, the witness and what the
 * testimony supports (events, acts, persons), the hearing that quoted it with the passage, and the
 * elements of crimes analysts linked it to. Withheld testimonies show only that they exist.
 */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { get } from '../../api';
import { useLaw } from '../../law';
import { fuzzy, type R } from '../../records';
import { can, useSession } from '../../session';
import { ErrorBox, Loading, Page, Table, useLoad } from '../../ui';
import { useVocab } from '../../vocab';
import { useDeleteRecord } from './delete-record';
import { History, useFieldValue } from './detail';
import { refLabels } from './form';
import { fieldKey, recordPath, screensOf } from './kind-spec';
import { useRecordLabel } from './widgets';

/** The sentence of a transcript that quotes the testimony's title, if any. */
function quotedPassage(transcript: unknown, title: unknown): string | undefined {
  if (typeof transcript !== 'string' || typeof title !== 'string' || !title) return undefined;
  const i = transcript.indexOf(title);
  if (i < 0) return undefined;
  const start = Math.max(0, transcript.lastIndexOf('.', i) + 1);
  const end = transcript.indexOf('.', i + title.length);
  return transcript.slice(start, end < 0 ? undefined : end + 1).trim();
}

export function TestimonyPage() {
  const { t } = useTranslation();
  const { caseId = '', id = '' } = useParams();
  const { me } = useSession();
  const vocab = useVocab();
  const law = useLaw();
  const labelOf = useRecordLabel();
  const show = useFieldValue();
  const spec = screensOf('testimonies')!;
  const field = (name: string) => spec.fields.find((f) => f.name === name)!;
  const remove = useDeleteRecord(caseId, 'testimonies', id);
  const data = useLoad(async () => {
    const record = await get<R>(`/api/cases/${caseId}/records/testimonies/${id}`);
    const labels = await refLabels(caseId, 'testimonies', record, labelOf);
    const hearing = record.hearingId
      ? await get<R>(`/api/cases/${caseId}/records/hearings/${record.hearingId as string}`).catch(
          () => undefined,
        )
      : undefined;
    // Element links are few per case; the server does not index them by testimony.
    const links = await get<{ items: R[] }>(`/api/cases/${caseId}/records/element-links?limit=500`).catch(
      () => ({
        items: [] as R[],
      }),
    );
    return { record, labels, hearing, links: links.items.filter((l) => l.testimonyId === id) };
  }, [caseId, id, vocab.ready]);
  if (data.error) return <ErrorBox error={data.error} />;
  if (!data.data) return <Loading />;
  const { record: r, labels, hearing, links } = data.data;
  const withheld = Boolean(r.withheld);
  const passage = hearing && !hearing.withheld ? quotedPassage(hearing.transcript, r.title) : undefined;
  return (
    <Page
      title={withheld ? t('records.one.testimonies') : String(r.title)}
      actions={
        withheld ? undefined : (
          <>
            {can(me, caseId, 'write') && (
              <Link className="button" to={`/c/${caseId}/r/testimonies/${id}/edit`}>
                {t('records.edit')}
              </Link>
            )}
            {can(me, caseId, 'delete') && remove.button}
          </>
        )
      }
    >
      {remove.confirm}
      {withheld && <p className="notice">{t('records.testimony.withheld')}</p>}
      <dl className="facts">
        <dt>{t('records.testimony.witness')}</dt>
        <dd>{show(field('witnessId'), r.witnessId, labels, caseId)}</dd>
        <dt>{t('records.field.date')}</dt>
        <dd>{fuzzy(r.date)}</dd>
        <dt>{t('records.testimony.consent')}</dt>
        <dd>{vocab.label('consent_scope', r.consent as string)}</dd>
        <dt>{t('records.testimony.protection')}</dt>
        <dd>{vocab.label('protection_level', r.protection as string)}</dd>
        <dt>{t('records.testimony.interviewer')}</dt>
        <dd>{(r.interviewer as string) || '—'}</dd>
        <dt>{t('records.field.materialType')}</dt>
        <dd>{vocab.label('source_material', r.materialType as string)}</dd>
        <dt>{t('records.field.credibility')}</dt>
        <dd>{vocab.label('information_credibility', r.credibility as string)}</dd>
        <dt>{t('records.field.sourceId')}</dt>
        <dd>{show(field('sourceId'), r.sourceId, labels, caseId)}</dd>
      </dl>
      {!withheld && (
        <>
          <h2>{t('records.testimony.statement')}</h2>
          <blockquote className="prose statement">{String(r.statement ?? '')}</blockquote>
        </>
      )}
      <h2>{t('records.testimony.linked')}</h2>
      <dl className="facts">
        {(['supports.eventIds', 'supports.actIds', 'supports.personIds'] as const).map((name) => (
          <div key={name}>
            <dt>{t(fieldKey(name))}</dt>
            <dd>
              {show(
                field(name),
                (r.supports as Record<string, unknown> | undefined)?.[name.split('.')[1]!],
                labels,
                caseId,
              )}
            </dd>
          </div>
        ))}
        <div>
          <dt>{t(fieldKey('evidenceIds'))}</dt>
          <dd>{show(field('evidenceIds'), r.evidenceIds, labels, caseId)}</dd>
        </div>
      </dl>
      {hearing && (
        <section>
          <h2>{t('records.testimony.hearing')}</h2>
          <p>
            <Link to={`/c/${caseId}/hearings/${hearing.id}`}>{String(hearing.title)}</Link> ·{' '}
            {fuzzy(hearing.date)}
          </p>
          {passage && <blockquote className="prose">{passage}</blockquote>}
        </section>
      )}
      <h2>{t('records.testimony.elementLinks')}</h2>
      {links.length === 0 ? (
        <p className="muted">{t('records.testimony.noElementLinks')}</p>
      ) : (
        <Table
          head={[t('records.testimony.element'), t('records.field.actId'), t('records.testimony.passage')]}
          rows={links.map((l) => [
            law.element(String(l.elementId)),
            l.actId ? (
              <Link key="act" to={recordPath(caseId, 'acts', String(l.actId))}>
                {t('records.open')}
              </Link>
            ) : (
              '—'
            ),
            (l.passage as string) || '—',
          ])}
        />
      )}
      <History caseId={caseId} kind="testimonies" id={id} />
    </Page>
  );
}
