import type { legalEs } from './legal.es';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** English strings of the report's authored sections: exactly the keys of legal.es.ts. */
export const legalEn: Shape<typeof legalEs> = {
  narratives: {
    title: 'Report texts',
    intro:
      'Sections written by the team and the panel, per edition and language. Cite testimonies or evidence with [@id]: the report shows their title and quoted passages only where that edition may publish them. A citation of an item that does not exist or was deleted stops the version from being frozen.',
    section: 'Section',
    edition: 'Edition',
    lang: 'Language',
    text: 'Text',
    cite: 'Cite a testimony or evidence item',
    citeNone: '— choose —',
    insert: 'Insert citation',
    save: 'Save text',
    saved: 'Text saved (revision {{n}}).',
    revision: 'Revision {{n}}, by {{author}}',
    unsaved: 'No text yet.',
    declarationHint: 'Your own declaration of independence and conflicts of interest (panel members).',
    sections: {
      background: 'Background',
      attack: 'Description of the attack',
      methodology: 'Methodology as applied',
      limitations: 'Limitations',
      recommendations: 'Recommendations of the panel',
      declaration: 'My declaration',
    },
    editions: { public: 'public', confidential: 'confidential' },
    langs: { es: 'Spanish', en: 'English' },
    kinds: { testimony: 'testimony', evidence: 'evidence' },
  },
};
