/**
 * ICC situations the product knows, keyed by the country of a case: how the Court was seized
 * (the trigger) and the steps of the preliminary examination. Sources: ICC-02/18 record; OTP
 * statements of 8 February 2018, 27 September 2018, 14 December 2020, 3 November 2021;
 * docs/LEGAL-MODEL.md §5.
 */
import type { Text } from './types.js';

export interface Situation {
  readonly name: string;
  readonly iccNumber: string;
  /** Art. 13(a) + 14: referral by States Parties. */
  readonly trigger: 'state-referral' | 'proprio-motu' | 'security-council';
  readonly referral?: {
    readonly date: string;
    readonly states: readonly string[];
    readonly crimesSince: string;
  };
  readonly steps: readonly { readonly date: string; readonly text: Text }[];
}

export const SITUATIONS: Readonly<Record<string, Situation>> = {
  VE: {
    name: 'Venezuela I',
    iccNumber: 'ICC-02/18',
    trigger: 'state-referral',
    referral: {
      date: '2018-09-27',
      states: ['AR', 'CA', 'CO', 'CL', 'PY', 'PE'],
      crimesSince: '2014-02-12',
    },
    steps: [
      {
        date: '2018-02-08',
        text: {
          es: 'La Fiscalía abre un examen preliminar (hechos desde al menos abril de 2017).',
          en: 'The Office of the Prosecutor opens a preliminary examination (events since at least April 2017).',
        },
      },
      {
        date: '2018-09-27',
        text: {
          es: 'Remisión de la situación (art. 14) por Argentina, Canadá, Colombia, Chile, Paraguay y Perú, sobre crímenes cometidos desde el 12 de febrero de 2014.',
          en: 'Referral of the situation (Art. 14) by Argentina, Canada, Colombia, Chile, Paraguay and Peru, on crimes committed since 12 February 2014.',
        },
      },
      {
        date: '2020-12-14',
        text: {
          es: 'La Fiscalía concluye que hay fundamento razonable para creer que se cometieron crímenes de lesa humanidad desde al menos abril de 2017.',
          en: 'The Office concludes there is a reasonable basis to believe crimes against humanity were committed since at least April 2017.',
        },
      },
      {
        date: '2021-11-03',
        text: { es: 'Apertura de la investigación.', en: 'Investigation opened.' },
      },
    ],
  },
};

export function situationOf(country: string): Situation | undefined {
  return SITUATIONS[country.trim().toUpperCase()];
}
