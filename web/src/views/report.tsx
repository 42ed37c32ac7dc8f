import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useSession } from '../session';
import { Page } from '../ui';
import { NarrativeEditor } from './narratives';

/** Report downloads: the public edition for every member, the confidential one for cleared members. */
export function ReportView() {
  const { t } = useTranslation();
  const { caseId } = useParams();
  const { me } = useSession();
  const m = me?.memberships.find((x) => x.caseId === caseId);
  const cleared = Boolean(m?.cleared && m.role !== 'viewer' && m.role !== 'analyst');
  const href = (edition: string, lang: string, format: string) =>
    `/api/cases/${caseId}/report?edition=${edition}&lang=${lang}&format=${format}`;
  const editions = cleared ? ['public', 'confidential'] : ['public'];
  return (
    <Page title={t('report.title')}>
      <p>{t('report.intro')}</p>
      {editions.map((e) => (
        <section key={e} className="card">
          <h2>{t(`report.edition.${e}`)}</h2>
          <p className="small">{t(`report.editionHint.${e}`)}</p>
          <ul className="downloads">
            {(['es', 'en'] as const).map((lang) =>
              (['pdf', 'html'] as const).map((format) => (
                <li key={`${lang}-${format}`}>
                  <a href={href(e, lang, format)} download data-testid={`report-${e}-${lang}-${format}`}>
                    {t('report.download', { lang: lang.toUpperCase(), format: format.toUpperCase() })}
                  </a>
                </li>
              )),
            )}
          </ul>
        </section>
      ))}
      {!cleared && <p className="small muted">{t('report.confidentialNote')}</p>}
      {caseId && <NarrativeEditor caseId={caseId} cleared={cleared} />}
    </Page>
  );
}
