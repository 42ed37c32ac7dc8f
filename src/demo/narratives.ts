/**
 * The demo's authored report sections, in Spanish and English: background, the attack, the
 * panel's recommendations and each fictional expert's declaration, citing demo items by id
 * (a public testimony, a protected one — which the public edition must show withheld — and an
 * evidence file). Fiction, like the rest of the demo. Pure: the ids are given.
 */
import type { NarrativeSection } from '../domain/schema-law.js';

export interface DemoNarrative {
  section: NarrativeSection;
  edition: 'public' | 'confidential';
  lang: 'es' | 'en';
  /** Declarations: the demo panel member who writes it. */
  member?: string;
  text: string;
}

export function demoNarratives(ids: {
  publicTestimony?: string;
  protectedTestimony?: string;
  evidence?: string;
  members: readonly string[];
}): DemoNarrative[] {
  const cite = (id: string | undefined) => (id ? ` [@${id}]` : '');
  const out: DemoNarrative[] = [
    {
      section: 'background',
      edition: 'public',
      lang: 'es',
      text: `Este caso ficticio reúne denuncias de detenciones, torturas y muertes ocurridas durante protestas y operativos de seguridad entre 2014 y 2019. Vecinos describieron detenciones masivas al final de las manifestaciones${cite(ids.publicTestimony)}; una persona bajo protección relató el traslado a un centro de detención${cite(ids.protectedTestimony)}.\n\nLas organizaciones que documentaron los hechos compartieron sus listas de víctimas, cruzadas por el equipo para estimar la magnitud.`,
    },
    {
      section: 'background',
      edition: 'public',
      lang: 'en',
      text: `This fictional case gathers reports of detentions, torture and killings during protests and security operations between 2014 and 2019. Neighbours described mass arrests at the end of demonstrations${cite(ids.publicTestimony)}; a protected person described being moved to a detention centre${cite(ids.protectedTestimony)}.\n\nThe organisations that documented the events shared their victim lists, which the team cross-matched to estimate the magnitude.`,
    },
    {
      section: 'attack',
      edition: 'public',
      lang: 'es',
      text: `La conducta descrita se dirigió contra personas identificadas como opositoras: manifestantes, dirigentes vecinales y periodistas. Se repitió en varios estados y años, con unidades y lugares de detención recurrentes${cite(ids.evidence)}. El panel valora si constituye un ataque contra una población civil en el sentido del art. 7(2)(a).`,
    },
    {
      section: 'attack',
      edition: 'public',
      lang: 'en',
      text: `The conduct described was directed against persons seen as opponents: protesters, neighbourhood leaders and journalists. It recurred across several states and years, with recurring units and places of detention${cite(ids.evidence)}. The panel assesses whether it amounts to an attack directed against a civilian population within Art. 7(2)(a).`,
    },
    {
      section: 'recommendations',
      edition: 'public',
      lang: 'es',
      text: 'El panel recomienda: (1) remitir esta comunicación a la Fiscalía de la Corte Penal Internacional conforme al art. 15; (2) completar la prueba de los elementos subjetivos de las personas cuya responsabilidad se examina; (3) ofrecer a las víctimas de violencia sexual apoyo psicosocial antes de cualquier nueva entrevista.',
    },
    {
      section: 'recommendations',
      edition: 'public',
      lang: 'en',
      text: 'The panel recommends: (1) submitting this communication to the Office of the Prosecutor of the International Criminal Court under Art. 15; (2) completing the evidence of the mental elements of the persons whose responsibility is examined; (3) offering survivors of sexual violence psychosocial support before any further interview.',
    },
  ];
  for (const member of ids.members) {
    out.push(
      {
        section: 'declaration',
        edition: 'public',
        lang: 'es',
        member,
        text: 'Declaro que actúo con independencia de las partes, que no he representado a víctimas ni a personas investigadas en este caso y que no tengo conflictos de interés (declaración ficticia, demo).',
      },
      {
        section: 'declaration',
        edition: 'public',
        lang: 'en',
        member,
        text: 'I declare that I act independently of the parties, that I have not represented victims or persons under investigation in this case and that I have no conflict of interest (fictional declaration, demo).',
      },
    );
  }
  return out;
}
