/**
 * The testimonies and evidence that cite a record (a person as witness or as someone they support;
 * an evidence item cited by testimonies), from the server's cited-by query: presented and counted
 * there, so no view downloads every testimony to find a person's.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { get } from '../../api';
import { fuzzy, type R } from '../../records';
import { ErrorBox, Table, useLoad } from '../../ui';
import { useVocab } from '../../vocab';
import { recordPath } from './kind-spec';

export interface CitedBy {
  groups: { kind: string; total: number; items: { record: R; via: string[] }[] }[];
  labels: Record<string, { label: string }>;
}

export function useCitedBy(caseId: string, kind: string, id: string) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'es';
  return useLoad(
    () => get<CitedBy>(`/api/cases/${caseId}/records/${kind}/${id}/cited-by?lang=${lang}`),
    [caseId, kind, id, lang],
  );
}

/** One group as a table: title (link), date, witness or kind, and how it cites the record. */
export function CitedByTable({
  caseId,
  group,
  labels,
  action,
}: {
  caseId: string;
  group: CitedBy['groups'][number];
  labels: CitedBy['labels'];
  action?(r: R): React.ReactNode;
}) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const title = (r: R) => (r.withheld ? t('common.withheld') : String(r.title ?? r.id));
  const testimonies = group.kind === 'testimonies';
  return (
    <Table
      head={[
        t('records.field.label'),
        testimonies ? t('records.field.witnessId') : t('records.citedKind'),
        t('records.field.date'),
        t('records.citedVia'),
        ...(action ? [''] : []),
      ]}
      rows={group.items.map(({ record: r, via }) => [
        <Link key="l" to={recordPath(caseId, group.kind, r.id)} data-id={r.id}>
          {title(r)}
        </Link>,
        testimonies
          ? (labels[String(r.witnessId ?? '')]?.label ?? '—')
          : vocab.label('evidence_kind', r.kind as string),
        testimonies ? (r.date ? fuzzy(r.date) : '—') : '—',
        via.map((v) => t(`records.via.${v}`)).join(', '),
        ...(action ? [action(r)] : []),
      ])}
    />
  );
}

/** A person's testimonies and evidence, each group with its count. */
export function PersonSources({ caseId, id }: { caseId: string; id: string }) {
  const { t } = useTranslation();
  const cited = useCitedBy(caseId, 'persons', id);
  return (
    <>
      <ErrorBox error={cited.error} />
      {cited.data?.groups.map((g) => (
        <section className="related" key={g.kind}>
          <h3>
            {t(`records.linked.${g.kind}`)} ({g.total})
          </h3>
          {g.items.length === 0 ? (
            <p className="muted">{t('records.noRelated')}</p>
          ) : (
            <CitedByTable caseId={caseId} group={g} labels={cited.data!.labels} />
          )}
        </section>
      ))}
    </>
  );
}
