/** Every UI string goes through i18next; Spanish and English are complete (a test compares them). */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { es } from './locales/es';

const saved = localStorage.getItem('testigo.lang');
const lng = saved === 'en' || saved === 'es' ? saved : navigator.language.startsWith('en') ? 'en' : 'es';

void i18n.use(initReactI18next).init({
  resources: { es: { translation: es }, en: { translation: en } },
  lng,
  fallbackLng: 'es',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = lng;
i18n.on('languageChanged', (l) => {
  document.documentElement.lang = l;
  localStorage.setItem('testigo.lang', l);
});

export default i18n;
