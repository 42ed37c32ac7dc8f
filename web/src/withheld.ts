/**
 * The server marks what a reader may not see with "[withheld]" (a whole title, or a name inside a
 * text that could not be replaced by one pseudonym); the reader sees the mark in their language.
 */
import { useTranslation } from 'react-i18next';

const MARK = '[withheld]';

export function useShown(): (v: unknown) => string {
  const { t } = useTranslation();
  return (v) => String(v ?? '').replaceAll(MARK, t('common.withheld'));
}
