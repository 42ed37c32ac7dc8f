/** Audit actions ("set-member", "custody:transferred") and entities ("case-files") in the reader's language. */
import { useTranslation } from 'react-i18next';

export function useAuditVerb(): (action: string) => string {
  const { t, i18n } = useTranslation();
  return (action) => {
    const custody = action.match(/^custody:(.+)$/);
    if (custody) {
      const what = custody[1]!;
      return t('auditVerb.custody', {
        what: i18n.exists(`auditVerb.${what}`) ? t(`auditVerb.${what}`) : what,
      });
    }
    // Accounts' own actions (sign-in, 2FA) are not in a case's log; unknown verbs show as recorded.
    return i18n.exists(`auditVerb.${action}`) ? t(`auditVerb.${action}`) : action;
  };
}

export function useAuditEntity(): (entity: string) => string {
  const { t, i18n } = useTranslation();
  return (entity) => (i18n.exists(`auditEntity.${entity}`) ? t(`auditEntity.${entity}`) : entity);
}
