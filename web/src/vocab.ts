/** Controlled vocabularies from the server, labelled in the current language. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from './api';

interface Term {
  code: string;
  es: string;
  en: string;
  parent?: string;
}
type Vocabs = Record<string, { id: string; terms: Term[] }>;
let cache: Promise<Vocabs> | undefined;

export function useVocab() {
  const { i18n } = useTranslation();
  const [v, setV] = useState<Vocabs>();
  useEffect(() => {
    cache ??= get<Vocabs>('/api/vocabularies');
    cache.then(setV, () => undefined);
  }, []);
  const lang = i18n.language === 'en' ? 'en' : 'es';
  return {
    ready: Boolean(v),
    terms: (id: string): Term[] => v?.[id]?.terms ?? [],
    label: (id: string, code: string | undefined): string => {
      if (!code) return '—';
      const t = v?.[id]?.terms.find((x) => x.code === code);
      return t ? t[lang] : code;
    },
  };
}
