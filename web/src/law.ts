/** Labels of crimes, elements and modes of liability from the law data itself (src/law), in both languages. */
import { useTranslation } from 'react-i18next';
import { crimeById, elementById, LIABILITY_MODES } from '../../src/law/index';

export function useLaw() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'es';
  return {
    crime: (id: string) => {
      const c = crimeById(id);
      return c ? `${c.article} ${c.label[lang]}` : id;
    },
    element: (id: string) => elementById(id)?.text[lang] ?? id,
    mode: (id: string) => {
      const m = LIABILITY_MODES.find((x) => x.id === id);
      return m ? `${m.article} ${m.label[lang]}` : id;
    },
  };
}
