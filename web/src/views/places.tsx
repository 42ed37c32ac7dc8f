import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useAll } from '../records';
import { ErrorBox, Loading, Page, Table } from '../ui';
import { useVocab } from '../vocab';

export function PlacesList() {
  const { t } = useTranslation();
  const { caseId } = useParams();
  const vocab = useVocab();
  const places = useAll(caseId, 'places');
  const units = useAll(caseId, 'units');
  if (places.error) return <ErrorBox error={places.error} />;
  if (!places.data) return <Loading />;
  const sites = places.data.filter((p) => p.kind === 'detention_site');
  const name = (id: unknown) => (places.data?.find((p) => p.id === id)?.name as string) ?? '—';
  return (
    <Page title={t('places.title')}>
      <h2>{t('places.sites')}</h2>
      <Table
        head={[t('places.name'), t('places.in'), t('places.operator')]}
        rows={sites.map((p) => [
          p.name as string,
          name(p.parentId),
          (units.data?.find((u) => u.id === p.operatorUnitId)?.name as string) ?? '—',
        ])}
      />
      <h2>{t('places.all')}</h2>
      <Table
        head={[t('places.name'), t('places.kind'), t('places.state')]}
        rows={places.data.map((p) => [
          p.name as string,
          vocab.label('place_kind', p.kind as string),
          (p.stateCode as string) ?? '—',
        ])}
      />
    </Page>
  );
}
