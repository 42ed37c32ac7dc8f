/**
 * The words of the report's authored sections (background, attack, methodology, limitations,
 * recommendations, declarations) and of the victims, sexual and gender-based crimes and children
 * sections, in Spanish and English. Kept apart from i18n.ts so these sections change alone.
 */
import type { Lang } from './i18n.js';

const A = {
  background: { es: 'Antecedentes', en: 'Background' },
  attack: { es: 'Descripción del ataque', en: 'Description of the attack' },
  methodology: { es: 'Metodología aplicada por el equipo', en: 'Methodology as applied by the team' },
  limitations: { es: 'Limitaciones señaladas por el equipo', en: 'Limitations noted by the team' },
  recommendations: { es: 'Recomendaciones del panel', en: 'Recommendations of the panel' },
  declaration: {
    es: 'Declaraciones de independencia y conflictos de interés',
    en: 'Declarations of independence and conflicts of interest',
  },
  noDeclaration: {
    es: '{member}: sin declaración registrada.',
    en: '{member}: no declaration recorded.',
  },
  noRecommendations: {
    es: 'El panel no ha formulado recomendaciones.',
    en: 'The panel has made no recommendations.',
  },
  otherLanguage: {
    es: '(Texto disponible solo en inglés; se reproduce sin traducir.)',
    en: '(Text available only in Spanish; reproduced untranslated.)',
  },
  sourcesCited: { es: 'Fuentes citadas', en: 'Sources cited' },
  unresolved: {
    es: '[cita sin resolver: {id}]',
    en: '[unresolved citation: {id}]',
  },
  revision: { es: 'revisión {n}', en: 'revision {n}' },

  secVictims: { es: 'Víctimas y daño', en: 'Victims and harm' },
  victimsIntro: {
    es: 'Personas que sufrieron al menos un acto documentado: {victims}. Las cifras son agregadas; ninguna celda con menos de {k} personas se publica (se indica «< {k}») y, cuando en un grupo solo una celda quedaría oculta, se oculta también la siguiente más pequeña, para que no pueda deducirse del total. La edad es la de la víctima en la fecha del acto; sin fecha de nacimiento o del acto, «desconocida».',
    en: 'Persons who suffered at least one documented act: {victims}. Figures are aggregates; no cell of fewer than {k} persons is published (shown as "< {k}"), and where only one cell of a group would be hidden the next smallest is hidden too, so it cannot be worked out from the total. Age is the victim’s age on the date of the act; without a birth or act date, "unknown".',
  },
  female: { es: 'Mujeres', en: 'Women and girls' },
  male: { es: 'Hombres', en: 'Men and boys' },
  otherUnknown: { es: 'Otro o sin dato', en: 'Other or not recorded' },
  child: { es: 'Niñas, niños y adolescentes (< 18)', en: 'Children (< 18)' },
  adult: { es: 'Personas adultas', en: 'Adults' },
  ageUnknown: { es: 'Edad desconocida', en: 'Age unknown' },
  actSuffered: { es: 'Acto sufrido', en: 'Act suffered' },
  bySexTitle: { es: 'Víctimas por sexo y grupo de edad', en: 'Victims by sex and age group' },
  byActTitle: { es: 'Víctimas por acto sufrido', en: 'Victims by act suffered' },
  detentionTitle: { es: 'Duración de la privación de libertad', en: 'Length of the deprivation of liberty' },
  detentionIntro: {
    es: 'Personas privadas de libertad según las cronologías de detención: {persons}. Duración total registrada por persona (detención, incomunicación, arresto domiciliario o desaparición).',
    en: 'Persons deprived of liberty according to the detention timelines: {persons}. Total length recorded per person (detention, incommunicado detention, house arrest or disappearance).',
  },
  median: {
    es: 'Mediana de las privaciones ya terminadas: {days} días.',
    en: 'Median of the deprivations that ended: {days} days.',
  },
  'd0-2': { es: 'Hasta 2 días', en: 'Up to 2 days' },
  'd3-30': { es: '3 a 30 días', en: '3 to 30 days' },
  'd31-180': { es: '31 a 180 días', en: '31 to 180 days' },
  'd181-365': { es: '181 a 365 días', en: '181 to 365 days' },
  'y1+': { es: 'Más de un año', en: 'More than a year' },
  ongoing: { es: 'Sin fecha de fin (continúa)', en: 'No end date (continuing)' },
  persons: { es: 'Personas', en: 'Persons' },
  length: { es: 'Duración', en: 'Length' },
  sSgbc: { es: 'Crímenes sexuales y por motivos de género', en: 'Sexual and gender-based crimes' },
  sgbcIntro: {
    es: 'Víctimas de violencia sexual o de tortura sexual: {victims}; de ellas, niñas, niños o adolescentes: {children}. Esta sección no enumera casos, lugares, fechas ni unidades: con pocas víctimas, cualquiera de esos datos podría identificar a una sobreviviente. Los casos individuales están en el expediente, bajo la protección que cada persona consintió. El art. 7(1)(g) y (h) (persecución por motivos de género) se evalúan en las secciones 5 y 9.',
    en: 'Victims of sexual violence or sexual torture: {victims}; of them, children: {children}. This section lists no cases, places, dates or units: with few victims any of these could identify a survivor. Individual cases are in the case file, under the protection each person consented to. Art. 7(1)(g) and (h) (gender-based persecution) are assessed in sections 5 and 9.',
  },
  form: { es: 'Forma', en: 'Form' },
  sChildren: { es: 'Niñas, niños y adolescentes', en: 'Children' },
  childrenIntro: {
    es: 'Víctimas que tenían menos de 18 años en la fecha de al menos un acto: {victims}. Como en la sección anterior, no se enumeran casos.',
    en: 'Victims under 18 on the date of at least one act: {victims}. As in the previous section, no cases are listed.',
  },
  fewer: { es: '< {k}', en: '< {k}' },
} as const satisfies Record<string, { es: string; en: string }>;

export type AuthoredKey = keyof typeof A;

/** The catalogue of these sections (both languages), for the Spanish edition's scan. */
export const authoredCatalogue: Readonly<Record<AuthoredKey, { readonly es: string; readonly en: string }>> =
  A;

export function ta(lang: Lang, key: AuthoredKey, vars: Record<string, string | number> = {}): string {
  return A[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}
